//! The browser transport in headless Chromium against the sample server (started by the test
//! command, its URL given at build time in `SAMPLE_API`): CORS, errors, timeouts, and Hawk
//! signing with the browser's clock and randomness.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use treeherder_client::submit::{TreeherderJob, TreeherderJobCollection};
use treeherder_client::transport::BrowserTransport;
use treeherder_client::{Credentials, ErrorKind, PushFilter, ServerUrl, TreeherderClient};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn sample_api() -> &'static str {
    // Read at compile time, but only required when these tests run, so a plain
    // `cargo build --all-targets` still works without a sample server.
    match option_env!("SAMPLE_API") {
        Some(url) => url,
        None => panic!("build these tests with SAMPLE_API=<sample server URL> (scripts/test.sh does)"),
    }
}

fn client() -> TreeherderClient<BrowserTransport> {
    TreeherderClient::with_transport(ServerUrl::parse(sample_api()).unwrap(), BrowserTransport)
}

async fn fault(query: &str) {
    let response = gloo_net::http::Request::post(&format!("{}/__sample/faults?{query}", sample_api())).send().await.unwrap();
    assert!(response.ok(), "{query}");
}

#[wasm_bindgen_test]
async fn fetches_across_origins() {
    let repos = client().repositories().await.unwrap();
    assert_eq!(repos.len(), 50);
    let pushes = client().pushes("autoland", &PushFilter::new().count(3)).await.unwrap();
    assert_eq!(pushes.results.iter().map(|p| p.id).collect::<Vec<_>>(), vec![60, 59, 58]);
}

#[wasm_bindgen_test]
async fn http_errors_carry_the_servers_detail() {
    let e = client().pushes("nope", &PushFilter::new()).await.unwrap_err();
    assert_eq!((e.status(), e.detail()), (Some(404), Some("No project with name nope")));
}

#[wasm_bindgen_test]
async fn rate_limits_say_when_to_retry() {
    fault("mode=429&path=/api/failureclassification/&times=1&retry_after=3").await;
    let e = client().failure_classifications().await.unwrap_err();
    assert_eq!((e.status(), e.retry_after()), (Some(429), Some(3)));
}

#[wasm_bindgen_test]
async fn slow_answers_time_out_and_are_aborted() {
    fault("mode=slow&delay_ms=3000&path=/api/machineplatforms/&times=1").await;
    let e = client().timeout(Duration::from_millis(250)).machine_platforms().await.unwrap_err();
    assert!(matches!(e.kind, ErrorKind::Timeout { after_ms: 250 }), "{e:?}");
}

#[wasm_bindgen_test]
async fn unreachable_servers_and_missing_cors_are_network_errors() {
    let down = TreeherderClient::with_transport(ServerUrl::parse("http://127.0.0.1:9").unwrap(), BrowserTransport);
    let e = down.repositories().await.unwrap_err();
    assert!(matches!(e.kind, ErrorKind::Network { .. }), "{e:?}");
    fault("mode=no_cors&path=/api/performance/tag/&times=1").await;
    let e = client().performance_tags().await.unwrap_err();
    assert!(matches!(e.kind, ErrorKind::Network { .. }), "{e:?}");
    assert!(e.to_string().contains("CORS"), "{e}");
}

fn one_job(revision: &str, guid: &str) -> TreeherderJobCollection {
    let mut c = TreeherderJobCollection::new();
    c.add(
        TreeherderJob::new("autoland", revision, guid)
            .name("browser-submitted")
            .symbol("B", "Browser", "b1")
            .state("completed")
            .result("success")
            .who("browser@example.com")
            .platform("linux", "linux1804-64-qr", "x86_64")
            .option("opt"),
    );
    c
}

#[wasm_bindgen_test]
async fn signs_with_hawk_in_the_browser_and_corrects_a_wrong_clock() {
    let revision = client().push("autoland", 56).await.unwrap().revision;
    let credentials = Credentials::new("treeherder-explorer-demo", "demo-secret-for-the-sample-server").unwrap();
    let signed = client().with_credentials(credentials.clone());
    signed.post_collection("autoland", &one_job(&revision, "browser-1/0")).await.unwrap();
    // Ten minutes slow: the server's verified challenge (exposed to browsers by the sample) fixes it.
    let skewed = client().with_credentials(credentials).with_clock(|| js_sys::Date::now() / 1000.0 - 600.0);
    skewed.post_collection("autoland", &one_job(&revision, "browser-2/0")).await.unwrap();
    assert!((skewed.clock_offset() - 600).abs() <= 2, "{}", skewed.clock_offset());
}

/// A recorded failed job's raw log, streamed by `fetch` across origins (the sample server's
/// logs are CORS-open like Taskcluster's): its error lines at text_log_errors' places; a cut-off
/// download and a log without the CORS header each fail as what they are.
#[wasm_bindgen_test]
async fn streams_a_raw_log_across_origins_and_reports_a_cut_off_download() {
    use treeherder_client::log_lines::LogLines;
    use treeherder_client::raw_log::stream_raw_log;
    let (project, id) = ("mozilla-central", 4937);
    let logs = client().job_log_urls(project, &[id]).await.unwrap();
    let url = logs.iter().find(|l| l.name == "live_backing_log").unwrap().url.clone();
    let mut lines = LogLines::new();
    stream_raw_log(&url, &mut |chunk, _| {
        lines.push(chunk);
        true
    })
    .await
    .unwrap();
    lines.finish();
    let errors = client().text_log_errors(project, id).await.unwrap();
    assert!(!errors.is_empty());
    for error in errors {
        let n = error.line_number.unwrap() as usize;
        assert_eq!(lines.text(n).as_deref(), Some(error.line.as_str()), "line_number {n}");
    }

    let path = format!("/logs/{id}/live_backing.log");
    fault(&format!("mode=truncated&path={path}")).await;
    let mut kept = 0;
    let error = stream_raw_log(&url, &mut |chunk, _| {
        kept += chunk.len();
        true
    })
    .await
    .unwrap_err();
    gloo_net::http::Request::delete(&format!("{}/__sample/faults", sample_api())).send().await.unwrap();
    assert!(matches!(error.kind, ErrorKind::Incomplete { received, .. } if received as usize == kept), "{error:?}");

    fault(&format!("mode=no_cors&path={path}")).await;
    let error = stream_raw_log(&url, &mut |_, _| true).await.unwrap_err();
    gloo_net::http::Request::delete(&format!("{}/__sample/faults", sample_api())).send().await.unwrap();
    assert!(matches!(error.kind, ErrorKind::Network { .. }), "a browser cannot read it: {error:?}");
}
