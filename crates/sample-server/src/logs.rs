//! Raw logs for the recorded jobs, generated (the recording has none: they live on Taskcluster)
//! in the shape of a real Taskcluster/mozharness log, deterministically from the job's id, so
//! that every recorded text-log-error line stands at its line: Treeherder's `line_number` is the
//! 0-based index of the line, split on `\r\n`, `\r` or `\n` (see the client's `log_lines`).
//!
//! Served at `/logs/{job_id}/live_backing.log`, which the job-log-url answers point to. Not
//! under `/__sample`, so the fault modes apply to logs as to the API (a `404` is an expired log).

use std::fmt::Write;

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::api::Shared;
use crate::store::{JobRecord, Store};

/// The log file a job's `live_backing_log` points to.
pub const LIVE_BACKING: &str = "live_backing.log";

/// `GET /logs/{job_id}/{file}`.
pub async fn serve(State(app): State<Shared>, Path((job_id, file)): Path<(String, String)>) -> Response {
    let not_found =
        |why: &str| (StatusCode::NOT_FOUND, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], why.to_string()).into_response();
    let Ok(job_id) = job_id.parse::<i64>() else { return not_found("No such log") };
    if file != LIVE_BACKING {
        return not_found("No such log");
    }
    let store = app.store();
    let Some(job) = store.jobs.get(&job_id) else { return not_found("No such log") };
    let text = live_backing_log(&store, job);
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")], text).into_response()
}

/// The URL of a job's generated log on this server.
pub fn log_url(origin: &str, job_id: i64) -> String {
    format!("{origin}/logs/{job_id}/{LIVE_BACKING}")
}

/// The recorded error lines of a job: `(line_number, line)`, by line number.
pub fn error_lines(store: &Store, job_id: i64) -> Vec<(usize, String)> {
    let mut lines: Vec<(usize, String)> = store
        .text_log_errors
        .get(&job_id)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|e| Some((usize::try_from(e["line_number"].as_i64()?).ok()?, e["line"].as_str()?.to_string())))
        .collect();
    lines.sort();
    lines.dedup_by_key(|(n, _)| *n);
    lines
}

/// A job's whole log.
pub fn live_backing_log(store: &Store, job: &JobRecord) -> String {
    let errors = error_lines(store, job.id);
    // Seeded by the job: the same job always gets the same log.
    let mut seed = fastrand::Rng::with_seed(job.id as u64 ^ 0x5eed_1095);
    let last_error = errors.last().map_or(0, |(n, _)| *n);
    let length = match store.log_lengths.get(&job.id) {
        Some(&lines) => lines,
        None => (last_error + 40).max(300 + (seed.u64(..) % 1500) as usize),
    };
    generate(job, &errors, length, &mut seed)
}

/// `length` lines (each ended by `\n`, some by `\r\n`), with `errors` at their indexes.
pub fn generate(job: &JobRecord, errors: &[(usize, String)], length: usize, seed: &mut fastrand::Rng) -> String {
    let mut out = String::with_capacity(length * 110);
    let mut next_error = errors.iter().peekable();
    let start = job.start_timestamp.max(1_700_000_000);
    let task = if job.task_id.is_empty() { "UNKNOWNTASKID" } else { job.task_id.as_str() };
    for index in 0..length {
        let seconds = start + (index as i64) / 50;
        let line = match next_error.peek() {
            Some((n, text)) if *n == index => {
                next_error.next();
                text.clone()
            }
            _ => filler(index, job, task, seconds, seed),
        };
        out.push_str(&line);
        // Windows workers end some lines with \r\n; a line's number does not change.
        out.push_str(if index % 17 == 5 { "\r\n" } else { "\n" });
    }
    out
}

fn filler(index: usize, job: &JobRecord, task: &str, seconds: i64, seed: &mut fastrand::Rng) -> String {
    let stamp = iso(seconds);
    let clock = &stamp[11..19];
    match index {
        0 => return format!("[taskcluster {stamp}] Task ID: {task}"),
        1 => return format!("[taskcluster {stamp}] Worker Type ({}) settings:", job.machine_platform_os),
        2 => return format!("[taskcluster {stamp}]   \"machine\": \"{}\"", job.machine_name),
        3 => return format!("[taskcluster {stamp}] === Task Starting ==="),
        4 => return format!("[task {stamp}] {clock}     INFO - Running {} on {}", job.job_type_name, job.platform),
        _ => {}
    }
    let test = format!(
        "{}/test_{:04}.html",
        ["dom/base/test", "layout/reftests", "toolkit/components/tests", "netwerk/test/unit"][index % 4],
        seed.u64(..) % 10_000
    );
    let mut line = format!("[task {stamp}] {clock}     ");
    match seed.u64(..) % 40 {
        0..=11 => write!(line, "INFO - TEST-START | {test}"),
        12..=23 => write!(line, "INFO - TEST-PASS | {test} | took {}ms", seed.u64(..) % 5000),
        24..=27 => write!(
            line,
            "INFO - TEST-INFO | {test} | {}",
            ["expected FAIL", "skipping: not on this platform", "rerun requested"][index % 3]
        ),
        28 => write!(line, "WARNING - Unable to determine the device's screen size, using 1280x1024"),
        29 => write!(line, "INFO - \u{1b}[32mGREEN\u{1b}[0m {test} \u{1b}[1;31mcoloured\u{1b}[0m by its harness"),
        30 => write!(line, "INFO - Strings: «ünïcødé» ελληνικά 日本語 ✓ in {test}"),
        31 => write!(
            line,
            "INFO - Downloading https://firefox-ci-tc.services.mozilla.com/api/queue/v1/task/{task}/artifacts/public/build/target.tar.xz"
        ),
        32 => write!(line, "INFO - {}", "long line of harness output ".repeat(60)),
        33 => write!(line, "INFO - <script>alert('a log line is text')</script> <a href=\"javascript:alert(1)\">not a link</a>"),
        34 => write!(
            line,
            "INFO - control characters: bell \u{7} backspace \u{8} \u{1b}]8;;javascript:alert(2)\u{7}terminal link\u{1b}]8;;\u{7} end"
        ),
        _ => write!(
            line,
            "INFO - {}",
            [
                "Running tests in dom/base",
                "Setting pref browser.tabs.remote = true",
                "Process 4242 exited with code 0",
                "mozcrash checking for minidumps"
            ][index % 4]
        ),
    }
    .ok();
    line
}

/// `YYYY-MM-DDTHH:MM:SS.000Z` for Unix seconds (civil-from-days, proleptic Gregorian).
fn iso(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let secs = seconds.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.000Z", secs / 3600, secs % 3600 / 60, secs % 60)
}

/// The guid of the `--synthetic-log` job, to find it by (`?job_guid=`).
pub const SYNTHETIC_LOG_GUID: &str = "synthetic-log";

/// `--synthetic-log LINES`: a failed job on autoland's newest push (a copy of a recorded failed
/// job, with an id of its own) whose log has `lines` lines and an error line every eighth of the
/// way, for the log viewer's bench. Returns the job's id.
pub fn add_synthetic_log_job(store: &mut Store, lines: usize) -> Option<i64> {
    let newest = store.pushes.values().filter(|p| p.repository == "autoland").map(|p| p.id).max()?;
    let model = store
        .jobs
        .values()
        .find(|j| j.push_id == newest && j.result == "testfailed")
        .or_else(|| store.jobs.values().find(|j| j.result == "testfailed"))?;
    let mut job = model.clone();
    job.id = store.next_job_id();
    job.push_id = newest;
    job.result_set_id = newest;
    job.job_guid = SYNTHETIC_LOG_GUID.to_string();
    job.job_type_name = format!("{} (synthetic {lines}-line log)", job.job_type_name);
    job.heap_rank = store.next_heap_rank();
    let errors: Vec<Value> = (1..8)
        .map(|k| lines * k / 8)
        .filter(|&n| n < lines)
        .enumerate()
        .map(|(i, n)| {
            let line = format!(
                "[task 2026-11-27T18:00:00.000Z] 18:00:00     INFO - TEST-UNEXPECTED-FAIL | synthetic/test_{i}.html | assertion {i} failed"
            );
            serde_json::json!({ "id": 900_000 + i, "line": line, "line_number": n, "new_failure": false, "job": job.id })
        })
        .collect();
    store.text_log_errors.insert(job.id, Value::Array(errors));
    store.log_lengths.insert(job.id, lines);
    let log = crate::store::LogRecord {
        id: store.next_log_id(),
        job_id: job.id,
        name: "live_backing_log".into(),
        url: String::new(), // job-log-url points it at this server
        parse_status: "parsed".into(),
        heap_rank: job.heap_rank,
    };
    store.logs.insert(job.id, vec![log]);
    let id = job.id;
    store.insert_job(job);
    Some(id)
}

#[cfg(test)]
mod tests {
    use super::iso;

    #[test]
    fn timestamps_read_as_utc() {
        assert_eq!(iso(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso(1_764_586_800), "2025-12-01T11:00:00.000Z");
        assert_eq!(iso(951_782_400), "2000-02-29T00:00:00.000Z");
    }
}
