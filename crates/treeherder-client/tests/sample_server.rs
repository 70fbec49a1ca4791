//! The client against the sample server over real HTTP: paging, every error kind, and the
//! Hawk-signed submission round trip including clock skew.
#![cfg(all(feature = "native", not(target_arch = "wasm32")))]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use sample_server::submit::{DEMO_CLIENT_ID, DEMO_SECRET};
use sample_server::{Options, SampleServer};
use treeherder_client::submit::{TreeherderJob, TreeherderJobCollection};
use treeherder_client::transport::NativeTransport;
use treeherder_client::{
    Credentials, ErrorKind, HttpRequest, HttpResponse, JobQuery, Progress, PushFilter, Query, ServerUrl, Transport, TransportError,
    TreeherderClient,
};

async fn start(options: Options) -> (SampleServer, TreeherderClient) {
    let server = SampleServer::start(options).await.expect("sample server");
    let client = TreeherderClient::with_server(&server.url()).unwrap();
    (server, client)
}

async fn fault(server: &SampleServer, query: &str) {
    let response = reqwest::Client::new().post(format!("{}/__sample/faults?{query}", server.url())).send().await.unwrap();
    assert!(response.status().is_success(), "{query}: {}", response.text().await.unwrap());
}

#[tokio::test(flavor = "multi_thread")]
async fn paging_past_2000_rows_returns_every_row_exactly_once() {
    let (server, client) = start(Options { synthetic: Some((1, 4500)), ..Options::default() }).await;
    let push = client.pushes("try", &PushFilter::new().count(1)).await.unwrap().results.remove(0);
    let mut reports: Vec<Progress> = Vec::new();
    let jobs = client.jobs_with_progress(&JobQuery::push_id(push.id), &mut |p| reports.push(p)).await.unwrap();
    let mut ids: Vec<i64> = jobs.iter().map(|j| j.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!((jobs.len(), ids.len()), (4500, 4500));
    assert_eq!(reports.len(), 3);
    assert_eq!(reports[2], Progress { pages_done: 3, pages_total: Some(3), items: 4500, items_total: Some(4500) });
    assert!(jobs.iter().all(|j| j.push_id == push.id && j.push_revision.as_deref() == Some(push.revision.as_str())));

    let objects = client.project_jobs("try", &Query::new().with("push_id", push.id), None).await.unwrap();
    let mut object_ids: Vec<i64> = objects.iter().map(|j| j.id).collect();
    object_ids.sort();
    object_ids.dedup();
    assert_eq!(object_ids, ids, "offset paging of the project endpoint gives the same jobs once each");
    drop(server);
}

#[tokio::test(flavor = "multi_thread")]
async fn push_lists_page_past_the_1000_limit() {
    let (_server, client) = start(Options { synthetic: Some((1300, 1)), ..Options::default() }).await;
    let mut pages = 0;
    let all = client.pushes_with_progress("try", &PushFilter::all(), &mut |p| pages = p.pages_done).await.unwrap();
    let mut ids: Vec<i64> = all.results.iter().map(|p| p.id).collect();
    assert!(all.results.windows(2).all(|w| w[0].push_timestamp >= w[1].push_timestamp), "newest first");
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 1300);
    assert!(pages >= 2);
    let some = client.pushes("try", &PushFilter::new().count(1100)).await.unwrap();
    assert_eq!(some.results.len(), 1100);
    assert_eq!(some.meta.count, 1100);
}

/// Sends with a default scripting User-Agent, as a naive script would.
struct PythonRequests(NativeTransport);

impl Transport for PythonRequests {
    async fn send(&self, mut request: HttpRequest) -> Result<HttpResponse, TransportError> {
        request.headers.retain(|(k, _)| !k.eq_ignore_ascii_case("user-agent"));
        request.headers.push(("User-Agent".into(), "python-requests/2.31.0".into()));
        self.0.send(request).await
    }
    fn can_set_user_agent(&self) -> bool {
        true
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn each_error_kind_is_produced_with_its_message() {
    let (server, client) = start(Options::default()).await;

    let e = client.pushes("nope", &PushFilter::new()).await.unwrap_err();
    assert_eq!((e.status(), e.detail()), (Some(404), Some("No project with name nope")));
    assert!(e.to_string().starts_with("Not found (404) from GET "), "{e}");

    let e = client.jobs_page(&Query::new().with("push_id", "abc")).await.unwrap_err();
    assert_eq!((e.status(), e.detail()), (Some(400), Some("push_id: Enter a number.")));

    let blocked = TreeherderClient::with_transport(ServerUrl::parse(&server.url()).unwrap(), PythonRequests(NativeTransport::default()));
    let e = blocked.repositories().await.unwrap_err();
    assert_eq!(e.status(), Some(403));
    assert!(e.to_string().contains("Treeherder answers 403 to default scripting User-Agents"), "{e}");
    assert!(e.detail().unwrap().contains("python-requests/2.31.0"));
    client.repositories().await.expect("our own User-Agent is accepted");

    fault(&server, "mode=429&path=/api/repository/&times=1&retry_after=7").await;
    let e = client.repositories().await.unwrap_err();
    assert_eq!((e.status(), e.retry_after()), (Some(429), Some(7)));
    assert!(e.to_string().contains("Retry after 7 s") && e.is_transient(), "{e}");

    fault(&server, "mode=503&path=/api/repository/&times=1").await;
    let e = client.repositories().await.unwrap_err();
    assert_eq!(e.status(), Some(503));
    assert!(e.to_string().starts_with("Service unavailable (503)") && e.to_string().contains("try again later"), "{e}");
    assert_eq!(e.detail(), None, "an HTML error page is not a message");

    fault(&server, "mode=slow&delay_ms=2000&path=/api/repository/&times=1").await;
    let quick = client.clone().timeout(Duration::from_millis(300));
    let e = quick.repositories().await.unwrap_err();
    assert!(matches!(e.kind, ErrorKind::Timeout { after_ms: 300 }), "{e:?}");
    assert!(e.to_string().contains("within 0.3 s"), "{e}");

    let down = TreeherderClient::with_server("http://127.0.0.1:9").unwrap();
    let e = down.repositories().await.unwrap_err();
    assert!(matches!(e.kind, ErrorKind::Network { .. }), "{e:?}");
    assert!(e.to_string().starts_with("Could not reach GET http://127.0.0.1:9/api/repository/"), "{e}");

    fault(&server, "mode=malformed&path=/api/repository/&times=1").await;
    let e = client.repositories().await.unwrap_err();
    assert!(matches!(&e.kind, ErrorKind::Decode { .. }), "{e:?}");
    assert!(e.to_string().contains("Unexpected response from GET"), "{e}");

    fault(&server, "mode=wrong_shape&path=/api/project/autoland/push/&times=1").await;
    let e = client.pushes("autoland", &PushFilter::new()).await.unwrap_err();
    match &e.kind {
        ErrorKind::Decode { path, .. } => assert_eq!(path, "results"),
        other => panic!("{other:?}"),
    }

    for mode in ["truncated", "reset"] {
        fault(&server, &format!("mode={mode}&path=/api/repository/&times=1")).await;
        let e = client.repositories().await.unwrap_err();
        assert!(matches!(e.kind, ErrorKind::Network { .. }), "{mode}: {e:?}");
    }
    client.repositories().await.expect("faults were one-shot");
}

fn demo_jobs(revision: &str, prefix: &str) -> TreeherderJobCollection {
    let mut collection = TreeherderJobCollection::new();
    for (n, result) in ["success", "testfailed"].into_iter().enumerate() {
        collection.add(
            TreeherderJob::new("autoland", revision, &format!("{prefix}-{n}/0"))
                .name(&format!("test-linux1804-64/opt-submitted-{n}"))
                .symbol("S", "Submitted", &format!("s{n}"))
                .state("completed")
                .result(result)
                .who("explorer@example.com")
                .times(1_795_800_000, 1_795_800_060, 1_795_800_600)
                .platform("linux", "linux1804-64-qr", "x86_64")
                .option("opt")
                .log_reference("live_backing_log", "https://example.org/live_backing.log", "pending"),
        );
    }
    collection
}

#[tokio::test(flavor = "multi_thread")]
async fn a_signed_job_collection_round_trips() {
    let (_server, client) = start(Options::default()).await;
    let push = client.push("autoland", 60).await.unwrap();
    let signed = client.clone().with_credentials(Credentials::new(DEMO_CLIENT_ID, DEMO_SECRET).unwrap());
    let receipts = signed.post_collection("autoland", &demo_jobs(&push.revision, "round-trip")).await.unwrap();
    assert_eq!(receipts[0].message, "Job successfully updated");

    let jobs = client.jobs(&JobQuery::push_id(60)).await.unwrap();
    let submitted: Vec<_> = jobs.iter().filter(|j| j.job_type_name.contains("submitted")).collect();
    assert_eq!(submitted.len(), 2);
    assert_eq!(submitted[1].result, "testfailed");
    assert_eq!(submitted[1].job_type_symbol, "s1");
    let detail = client.job("autoland", submitted[0].id).await.unwrap();
    assert_eq!(detail.job.job_guid, "round-trip-0/0");
    assert_eq!(detail.logs[0].url, "https://example.org/live_backing.log");

    let unsigned = client.post_collection("autoland", &demo_jobs(&push.revision, "x")).await.unwrap_err();
    assert!(unsigned.to_string().contains("needs Hawk credentials"), "{unsigned}");
    let mut invalid = demo_jobs("not-a-revision", "y");
    invalid.jobs[0].job.state = "finished".into();
    let e = signed.post_collection("autoland", &invalid).await.unwrap_err();
    assert!(e.to_string().contains("job.state \"finished\" is not one of"), "{e}");
    assert!(e.to_string().contains("revision \"not-a-revision\""), "{e}");
}

/// Counts requests on the wire.
#[derive(Clone)]
struct Counting(NativeTransport, Arc<AtomicUsize>, bool);

impl Transport for Counting {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        self.1.fetch_add(1, Ordering::SeqCst);
        let mut response = self.0.send(request).await?;
        if self.2 {
            // A browser cannot read WWW-Authenticate unless the server exposes it (CORS).
            response.headers.retain(|(k, _)| !k.eq_ignore_ascii_case("www-authenticate"));
        }
        Ok(response)
    }
    fn can_set_user_agent(&self) -> bool {
        true
    }
}

fn wall() -> f64 {
    treeherder_client::clock::now_secs()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_client_five_minutes_off_succeeds_after_one_retry() {
    let server = SampleServer::start(Options::default()).await.unwrap();
    let requests = Arc::new(AtomicUsize::new(0));
    let client = TreeherderClient::with_transport(
        ServerUrl::parse(&server.url()).unwrap(),
        Counting(NativeTransport::default(), requests.clone(), false),
    )
    .with_credentials(Credentials::new(DEMO_CLIENT_ID, DEMO_SECRET).unwrap())
    .with_clock(|| wall() + 300.0);
    let revision = client.push("autoland", 59).await.unwrap().revision;
    requests.store(0, Ordering::SeqCst);
    client.post_collection("autoland", &demo_jobs(&revision, "skewed")).await.expect("succeeds after adjusting");
    assert_eq!(requests.load(Ordering::SeqCst), 2, "one rejected attempt, one retry");
    assert!((client.clock_offset() + 300).abs() <= 2, "learnt offset {}", client.clock_offset());
    requests.store(0, Ordering::SeqCst);
    client.post_collection("autoland", &demo_jobs(&revision, "skewed-again")).await.unwrap();
    assert_eq!(requests.load(Ordering::SeqCst), 1, "the offset is kept for this server");
}

#[tokio::test(flavor = "multi_thread")]
async fn skew_without_a_readable_challenge_is_reported_with_its_size() {
    let server = SampleServer::start(Options::default()).await.unwrap();
    let client = TreeherderClient::with_transport(
        ServerUrl::parse(&server.url()).unwrap(),
        Counting(NativeTransport::default(), Default::default(), true),
    )
    .with_credentials(Credentials::new(DEMO_CLIENT_ID, DEMO_SECRET).unwrap())
    .with_clock(|| wall() - 300.0);
    let revision = client.push("autoland", 58).await.unwrap().revision;
    let e = client.post_collection("autoland", &demo_jobs(&revision, "blind")).await.unwrap_err();
    match e.kind {
        ErrorKind::ClockSkew { skew_secs: Some(skew), .. } => assert!((skew + 300).abs() <= 2, "{skew}"),
        ref other => panic!("{other:?}"),
    }
    let text = e.to_string();
    assert!(text.contains("The token has expired. Is your system clock correct?"), "{text}");
    assert!(text.contains("s behind the server's; Treeherder accepts at most 60 s"), "{text}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_secret_fails_with_a_clear_message() {
    let (_server, client) = start(Options::default()).await;
    let revision = client.push("autoland", 57).await.unwrap().revision;
    let wrong = client.clone().with_credentials(Credentials::new(DEMO_CLIENT_ID, "not-the-secret").unwrap());
    let e = wrong.post_collection("autoland", &demo_jobs(&revision, "wrong")).await.unwrap_err();
    assert_eq!(e.status(), Some(401));
    let text = e.to_string();
    assert!(text.contains("Hawk authentication failed: the MAC does not match"), "{text}");
    assert!(text.contains("Check the client id and secret"), "{text}");
    let unknown = client.clone().with_credentials(Credentials::new("nobody", "x").unwrap());
    let e = unknown.post_collection("autoland", &demo_jobs(&revision, "unknown")).await.unwrap_err();
    assert!(e.to_string().contains("unknown client id \"nobody\""), "{e}");
}

#[tokio::test(flavor = "multi_thread")]
async fn credentials_are_never_sent_to_another_origin() {
    let client =
        TreeherderClient::with_server("https://treeherder.example").unwrap().with_credentials(Credentials::new("id", "secret").unwrap());
    assert!(client.authorization("POST", "https://treeherder.example/api/x/", Some((b"{}", "application/json"))).unwrap().is_some());
    for other in ["https://evil.example/api/x/", "http://treeherder.example/api/x/", "https://treeherder.example:8443/api/x/"] {
        assert_eq!(client.authorization("POST", other, None).unwrap(), None, "{other}");
    }
    let request = client.prepare("POST", "https://evil.example/api/", Some((b"{}".to_vec(), "application/json")), true).unwrap();
    assert!(!request.headers.iter().any(|(k, _)| k == "Authorization"));
}
