//! `POST /api/project/{project}/jobs/`: Hawk-authenticated job submission, as Treeherder took it
//! before 2018 (thclient 4.x). Checks the MAC, the payload hash, the nonce and the 60-second
//! window; a stale timestamp gets the server's time in `WWW-Authenticate: Hawk ts, tsm` as the
//! Hawk reference server sends it.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use treeherder_client::auth::{install_cryptographer, payload_hash, timestamp_mac};
use treeherder_client::submit::TreeherderJob;

use crate::api::error::ApiError;
use crate::api::Shared;
use crate::clock::{iso, wall_clock};
use crate::store::{JobRecord, LogRecord, Store};

/// Treeherder's (and mohawk's) timestamp window.
pub const SKEW_WINDOW_SECS: u64 = 60;

/// Credentials the demo server accepts out of the box (documented; for local testing only).
pub const DEMO_CLIENT_ID: &str = "treeherder-explorer-demo";
pub const DEMO_SECRET: &str = "demo-secret-for-the-sample-server";

/// Client ids and secrets, and the nonces already used.
pub struct HawkKeys {
    secrets: HashMap<String, String>,
    seen: Mutex<HashSet<(String, String, i64)>>,
}

impl HawkKeys {
    pub fn new(pairs: &[(String, String)]) -> Self {
        HawkKeys { secrets: pairs.iter().cloned().collect(), seen: Mutex::new(HashSet::new()) }
    }
}

fn unauthorized(message: &str) -> Response {
    let mut response = ApiError::detail(StatusCode::UNAUTHORIZED, format!("Hawk authentication failed: {message}")).into_response();
    response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Hawk"));
    response
}

/// Checks the request's Hawk header; the client id on success, the 401 answer otherwise.
// The error is the HTTP answer itself, built once per refused request: boxing it buys nothing.
#[allow(clippy::result_large_err)]
fn authenticate(keys: &HawkKeys, headers: &HeaderMap, uri: &Uri, body: &[u8]) -> Result<String, Response> {
    install_cryptographer();
    let Some(authorization) = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()) else {
        let mut response = ApiError::detail(StatusCode::UNAUTHORIZED, "Authentication credentials were not provided.").into_response();
        response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Hawk"));
        return Err(response);
    };
    let Some(fields) = authorization.strip_prefix("Hawk ") else {
        return Err(unauthorized("the Authorization header is not a Hawk header"));
    };
    let parsed: hawk::Header = fields.parse().map_err(|e| unauthorized(&format!("malformed Hawk header ({e})")))?;
    let id = parsed.id.clone().unwrap_or_default();
    let Some(secret) = keys.secrets.get(&id) else {
        return Err(unauthorized(&format!("unknown client id {id:?}")));
    };
    let host_header = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or("");
    let (host, port) = match host_header.rsplit_once(':') {
        Some((h, p)) => (h.to_ascii_lowercase(), p.parse().unwrap_or(80)),
        None => (host_header.to_ascii_lowercase(), 80),
    };
    let resource = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let expected_hash = payload_hash(content_type, body);
    use base64::Engine;
    let expected_raw = base64::engine::general_purpose::STANDARD.decode(&expected_hash).unwrap_or_default();
    match &parsed.hash {
        None if !body.is_empty() => return Err(unauthorized("the request has a body but its Hawk header has no payload hash")),
        Some(hash) if *hash != expected_raw => return Err(unauthorized("the payload hash does not match the body")),
        _ => {}
    }
    let key = hawk::Key::new(secret.as_bytes(), hawk::SHA256).map_err(|e| unauthorized(&e.to_string()))?;
    let mut builder = hawk::RequestBuilder::new("POST", &host, port, resource);
    if parsed.hash.is_some() {
        builder = builder.hash(&expected_raw[..]);
    }
    let request = builder.request();
    // First the MAC alone (any timestamp), then the window, so each failure says what it is.
    let forever = Duration::from_secs(100 * 365 * 86_400);
    if !request.validate_header(&parsed, &key, forever) {
        return Err(unauthorized("the MAC does not match this request (wrong client id or secret?)"));
    }
    let ts = parsed.ts.and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_secs() as i64);
    let now = wall_clock().round() as i64;
    if (now - ts).unsigned_abs() > SKEW_WINDOW_SECS {
        let mut response =
            ApiError::detail(StatusCode::UNAUTHORIZED, "Hawk authentication failed: The token has expired. Is your system clock correct?")
                .into_response();
        let challenge = format!("Hawk ts=\"{now}\", tsm=\"{}\", error=\"Stale timestamp\"", timestamp_mac(secret, now));
        if let Ok(value) = HeaderValue::from_str(&challenge) {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, value);
        }
        return Err(response);
    }
    let nonce = parsed.nonce.clone().unwrap_or_default();
    let mut seen = keys.seen.lock().unwrap_or_else(|e| e.into_inner());
    if !seen.insert((id.clone(), nonce, ts)) {
        return Err(unauthorized("this nonce was already used (replayed request)"));
    }
    Ok(id)
}

pub async fn post_jobs(State(app): State<Shared>, Path(project): Path<String>, headers: HeaderMap, uri: Uri, body: Bytes) -> Response {
    let who = match authenticate(&app.hawk, &headers, &uri, &body) {
        Ok(id) => id,
        Err(response) => return response,
    };
    match ingest(&app, &project, &body) {
        Ok(count) => {
            log::info!("{who} submitted {count} jobs to {project}");
            axum::Json(json!({ "message": "Job successfully updated" })).into_response()
        }
        Err(e) => e.into_response(),
    }
}

fn ingest(app: &Shared, project: &str, body: &[u8]) -> Result<usize, ApiError> {
    let jobs: Vec<TreeherderJob> = serde_json::from_slice::<Value>(body)
        .map_err(|e| ApiError::bad_request(format!("JSON parse error - {e}")))
        .and_then(|v| serde_json::from_value(v).map_err(|e| ApiError::bad_request(format!("Invalid job submission: {e}"))))?;
    let now = app.clock.now();
    let mut store = app.store_mut();
    if !store.repository_exists(project) {
        return Err(ApiError::no_project(project));
    }
    for (i, job) in jobs.iter().enumerate() {
        if let Err(problems) = job.validate() {
            return Err(ApiError::bad_request(format!("job {i}: {}", problems.join("; "))));
        }
        if job.project != project {
            return Err(ApiError::bad_request(format!("job {i} is for project {}, not {project}", job.project)));
        }
    }
    for job in &jobs {
        let push_id = store
            .pushes_of(project)
            .iter()
            .find(|p| p.revision.starts_with(&job.revision))
            .map(|p| p.id)
            .ok_or_else(|| ApiError::bad_request(format!("No push with revision {} in {project}", job.revision)))?;
        let record = to_record(&store, job, push_id, now);
        let id = record.id;
        let logs: Vec<LogRecord> = job
            .job
            .log_references
            .iter()
            .enumerate()
            .map(|(n, l)| LogRecord {
                id: store.next_log_id() + n as i64,
                job_id: id,
                name: l.name.clone(),
                url: l.url.clone(),
                parse_status: l.parse_status.clone(),
                heap_rank: record.heap_rank,
            })
            .collect();
        store.logs.insert(id, logs);
        store.insert_job(record);
    }
    Ok(jobs.len())
}

/// A submitted job as a row: existing job types, groups and platforms are reused by name.
fn to_record(store: &Store, submitted: &TreeherderJob, push_id: i64, now: f64) -> JobRecord {
    let j = &submitted.job;
    let existing = store.jobs.values().find(|r| r.job_guid == j.job_guid);
    let id = existing.map_or_else(|| store.next_job_id(), |r| r.id);
    let same_type = store.jobs.values().find(|r| r.job_type_name == j.name);
    let same_group = store.jobs.values().find(|r| r.job_group_name == j.group_name);
    let option = j.option_collection.keys().cloned().collect::<Vec<_>>().join(" ");
    let option_hash = store
        .option_names
        .iter()
        .find(|(_, name)| **name == option)
        .map(|(hash, _)| hash.clone())
        .unwrap_or_else(|| format!("{:040x}", option.len()));
    let signature = format!("{:040x}", j.name.bytes().fold(0u128, |h, b| h.wrapping_mul(31).wrapping_add(b as u128)));
    JobRecord {
        build_architecture: j.build_platform.architecture.clone(),
        build_os: j.build_platform.os_name.clone(),
        build_platform: j.build_platform.platform.clone(),
        build_platform_id: 0,
        build_system_type: "taskcluster".into(),
        end_timestamp: j.end_timestamp,
        failure_classification_id: existing.map_or(1, |r| r.failure_classification_id),
        id,
        job_group_description: String::new(),
        job_group_id: same_group.map_or(0, |r| r.job_group_id),
        job_group_name: j.group_name.clone(),
        job_group_symbol: j.group_symbol.clone(),
        job_guid: j.job_guid.clone(),
        job_type_description: j.desc.clone(),
        job_type_id: same_type.map_or_else(|| store.jobs.values().map(|r| r.job_type_id).max().unwrap_or(0) + 1, |r| r.job_type_id),
        job_type_name: j.name.clone(),
        job_type_symbol: j.job_symbol.clone(),
        last_modified: iso(now),
        machine_name: j.machine.clone(),
        machine_platform_architecture: j.machine_platform.architecture.clone(),
        machine_platform_os: j.machine_platform.os_name.clone(),
        option_collection_hash: option_hash,
        platform: j.machine_platform.platform.clone(),
        push_id,
        reason: j.reason.clone(),
        ref_data_name: signature.clone(),
        result: j.result.clone(),
        result_set_id: push_id,
        signature,
        start_timestamp: j.start_timestamp,
        state: j.state.clone(),
        submit_timestamp: j.submit_timestamp,
        tier: j.tier,
        who: j.who.clone(),
        task_id: j.job_guid.split('/').next().unwrap_or_default().chars().take(22).collect(),
        retry_id: j.job_guid.split('/').nth(1).and_then(|r| r.parse().ok()).unwrap_or(0),
        platform_option: option,
        recorded_duration: None,
        last_modified_secs: now,
        heap_rank: store.next_heap_rank(),
    }
}
