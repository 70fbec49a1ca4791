//! Generated raw logs: every recorded text-log-error line at its line (split as Treeherder's
//! parser splits, by the client's `LogLines`), served where job-log-url points, CORS-open, and
//! failing under the fault modes like the API.

use sample_server::logs::{error_lines, live_backing_log};
use sample_server::store::Store;
use sample_server::{Options, SampleServer};
use treeherder_client::log_lines::LogLines;

fn split(text: &str) -> LogLines {
    let mut lines = LogLines::new();
    lines.push(text.as_bytes());
    lines.finish();
    lines
}

#[test]
fn every_recorded_error_line_stands_at_its_line_number() {
    let store = Store::from_recording();
    let failed: Vec<i64> = store.text_log_errors.keys().copied().filter(|id| store.jobs.contains_key(id)).collect();
    assert!(failed.len() > 100, "the recording has failed jobs with error lines ({})", failed.len());
    let mut checked = 0;
    for id in failed {
        let log = split(&live_backing_log(&store, &store.jobs[&id]));
        for (number, line) in error_lines(&store, id) {
            assert_eq!(log.text(number).as_deref(), Some(line.as_str()), "job {id}, line_number {number}");
            checked += 1;
        }
    }
    assert!(checked > 300, "{checked} error lines");
}

#[test]
fn logs_are_deterministic_and_carry_the_shapes_a_viewer_must_handle() {
    let store = Store::from_recording();
    let job = store.jobs.values().next().expect("a recorded job");
    let text = live_backing_log(&store, job);
    assert_eq!(text, live_backing_log(&store, job), "the same job always gets the same log");
    assert!(text.starts_with("[taskcluster "), "{}", &text[..80]);
    assert!(text.contains("\r\n") && text.contains("\u{1b}["), "CRLF line ends and ANSI colour");
    assert!(text.contains("TEST-START") && text.contains("TEST-PASS"));
    assert!(text.lines().any(|l| l.len() > 1500), "a very long line");
    assert!(text.contains("ελληνικά"), "non-ASCII");
}

#[tokio::test]
async fn job_log_url_points_to_the_served_log_which_is_cors_open_and_fails_with_faults() {
    let server = SampleServer::start(Options::default()).await.unwrap();
    let (id, project) = {
        let store = server.state.store();
        let id = *store
            .text_log_errors
            .keys()
            .find(|id| store.jobs.contains_key(id) && store.logs.contains_key(id))
            .expect("a failed job with logs");
        (id, store.repository_of_job(&store.jobs[&id]).expect("its repository").to_string())
    };
    let http = reqwest::Client::new();
    let get = |url: String| http.get(url).header("User-Agent", "treeherder-explorer-test").send();
    let logs: serde_json::Value =
        get(format!("{}/api/project/{project}/job-log-url/?job_id={id}", server.url())).await.unwrap().json().await.unwrap();
    let url = logs.as_array().unwrap().iter().find(|l| l["name"] == "live_backing_log").expect("a live_backing_log")["url"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(url, format!("{}/logs/{id}/live_backing.log", server.url()));
    let response = get(url.clone()).await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["access-control-allow-origin"], "*");
    let log = split(&response.text().await.unwrap());
    let store = Store::from_recording();
    let (number, line) = error_lines(&store, id).into_iter().next().expect("an error line");
    assert_eq!(log.text(number).as_deref(), Some(line.as_str()));

    // An expired log: Taskcluster answers 404.
    let path = format!("/logs/{id}/live_backing.log");
    let control = format!("{}/__sample/faults?mode=404&path={}", server.url(), path);
    assert!(http.post(&control).send().await.unwrap().status().is_success());
    assert_eq!(get(url.clone()).await.unwrap().status(), 404);
    http.delete(format!("{}/__sample/faults", server.url())).send().await.unwrap();
    assert_eq!(get(format!("{}/logs/{id}/other.log", server.url())).await.unwrap().status(), 404);
    assert_eq!(get(format!("{}/logs/notanid/live_backing.log", server.url())).await.unwrap().status(), 404);
}

#[tokio::test]
async fn synthetic_log_job_has_a_log_of_that_many_lines_with_its_errors_in_place() {
    let server = SampleServer::start(Options { synthetic_log: Some(20_000), ..Options::default() }).await.unwrap();
    let http = reqwest::Client::new();
    let get = |url: String| http.get(url).header("User-Agent", "treeherder-explorer-test").send();
    let jobs: serde_json::Value =
        get(format!("{}/api/project/autoland/jobs/?job_guid=synthetic-log", server.url())).await.unwrap().json().await.unwrap();
    let id = jobs["results"][0]["id"].as_i64().expect("the synthetic job is listed");
    assert_eq!(jobs["results"][0]["result"], "testfailed");
    let errors: serde_json::Value =
        get(format!("{}/api/project/autoland/jobs/{id}/text_log_errors/", server.url())).await.unwrap().json().await.unwrap();
    let log = split(&get(format!("{}/logs/{id}/live_backing.log", server.url())).await.unwrap().text().await.unwrap());
    assert_eq!(log.len(), 20_000);
    let errors = errors.as_array().unwrap();
    assert_eq!(errors.len(), 7);
    for e in errors {
        let n = e["line_number"].as_u64().unwrap() as usize;
        assert_eq!(log.text(n).as_deref(), e["line"].as_str());
    }
}
