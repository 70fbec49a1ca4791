//! Streaming a raw log from the sample server: pieces as they come, their lines where
//! text_log_errors says, the caller stopping early, and an expired, failing or cut-off log.
#![cfg(all(feature = "native", not(target_arch = "wasm32")))]

use sample_server::{Options, SampleServer};
use treeherder_client::log_lines::LogLines;
use treeherder_client::raw_log::stream_raw_log;
use treeherder_client::{ErrorKind, TreeherderClient};

/// One fault on the log, in place of any before (a fault lasts until cleared).
async fn fault(server: &SampleServer, query: &str) {
    reqwest::Client::new().delete(format!("{}/__sample/faults", server.url())).send().await.unwrap();
    let response = reqwest::Client::new().post(format!("{}/__sample/faults?{query}", server.url())).send().await.unwrap();
    assert!(response.status().is_success(), "{query}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_synthetic_log_streams_in_pieces_with_its_error_lines_in_place() {
    let server = SampleServer::start(Options { synthetic_log: Some(100_000), ..Options::default() }).await.unwrap();
    let client = TreeherderClient::with_server(&server.url()).unwrap();
    let jobs = client.project_jobs("autoland", &treeherder_client::Query::new().with("job_guid", "synthetic-log"), None).await.unwrap();
    let id = jobs[0].id;
    let logs = client.job_log_urls("autoland", &[id]).await.unwrap();
    let url = logs.iter().find(|l| l.name == "live_backing_log").unwrap().url.clone();
    let mut lines = LogLines::new();
    let mut pieces = 0;
    let received = stream_raw_log(&url, &mut |chunk, _| {
        pieces += 1;
        lines.push(chunk);
        true
    })
    .await
    .unwrap();
    lines.finish();
    assert!(pieces > 1, "the log comes in pieces ({pieces})");
    assert_eq!(received.bytes as usize, lines.byte_len());
    assert_eq!(lines.len(), 100_000);
    for error in client.text_log_errors("autoland", id).await.unwrap() {
        let n = error.line_number.unwrap() as usize;
        assert_eq!(lines.text(n).as_deref(), Some(error.line.as_str()), "line_number {n}");
    }
    // The caller stops after the first piece: the download ends there.
    let mut seen = 0;
    let stopped = stream_raw_log(&url, &mut |chunk, _| {
        seen += chunk.len();
        false
    })
    .await
    .unwrap();
    assert_eq!(stopped.bytes as usize, seen);
    assert!(seen < received.bytes as usize);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_expired_a_failing_and_a_cut_off_log_each_say_what_happened() {
    let server = SampleServer::start(Options { synthetic_log: Some(50_000), ..Options::default() }).await.unwrap();
    let client = TreeherderClient::with_server(&server.url()).unwrap();
    let id = client.project_jobs("autoland", &treeherder_client::Query::new().with("job_guid", "synthetic-log"), None).await.unwrap()[0].id;
    let path = format!("/logs/{id}/live_backing.log");
    let url = format!("{}{path}", server.url());

    fault(&server, &format!("mode=404&path={path}")).await;
    let error = stream_raw_log(&url, &mut |_, _| true).await.unwrap_err();
    assert_eq!(error.status(), Some(404));

    fault(&server, &format!("mode=503&path={path}")).await;
    let error = stream_raw_log(&url, &mut |_, _| true).await.unwrap_err();
    assert_eq!(error.status(), Some(503));

    fault(&server, &format!("mode=truncated&path={path}")).await;
    let mut kept = 0;
    let error = stream_raw_log(&url, &mut |chunk, _| {
        kept += chunk.len();
        true
    })
    .await
    .unwrap_err();
    match &error.kind {
        ErrorKind::Incomplete { received, expected, .. } => {
            assert_eq!(*received as usize, kept, "every piece that came was handed over");
            assert!(expected.is_some_and(|e| e > *received), "{expected:?} > {received}");
        }
        other => panic!("a cut-off download is Incomplete, not {other:?}"),
    }
    assert!(error.to_string().contains("stopped after"), "{error}");
}
