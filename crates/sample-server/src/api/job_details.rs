//! What the details panel asks about one job: logs, errors, bug suggestions, classifications.

use axum::extract::{Path, RawQuery, State};
use serde_json::{json, Value};

use super::error::{ok, ApiError, ApiResult};
use super::jobs::find_job;
use super::params::{parse_python_int, Params};
use super::{parse_id, Shared};

/// `/jobs/{id}/text_log_errors/` and `/jobs/{id}/bug_suggestions/`: recorded for failed jobs,
/// empty for the others (their logs had no error lines).
pub async fn text_log_errors(State(app): State<Shared>, Path((project, id)): Path<(String, String)>) -> ApiResult {
    let id = parse_id(&id, "job")?;
    let store = app.store();
    find_job(&store, &project, id)?;
    ok(store.text_log_errors.get(&id).cloned().unwrap_or_else(|| json!([])))
}

pub async fn bug_suggestions(State(app): State<Shared>, Path((project, id)): Path<(String, String)>) -> ApiResult {
    let id = parse_id(&id, "job")?;
    let store = app.store();
    find_job(&store, &project, id)?;
    ok(store.bug_suggestions.get(&id).cloned().unwrap_or_else(|| json!([])))
}

/// The `job_id` parameters of a details endpoint: at least one, all integers.
fn job_ids(params: &Params) -> Result<Vec<i64>, ApiError> {
    let raw = params.get_list("job_id");
    if raw.iter().all(|v| v.is_empty()) {
        return Err(ApiError::bad_request("The job_id parameter is mandatory for this endpoint"));
    }
    raw.iter()
        .map(|v| parse_python_int(v))
        .collect::<Option<Vec<i64>>>()
        .ok_or_else(|| ApiError::bad_request("The job_id parameter must be an integer"))
}

/// `/api/project/{project}/job-log-url/?job_id=…` (repeatable).
pub async fn job_log_urls(State(app): State<Shared>, Path(project): Path<String>, RawQuery(q): RawQuery) -> ApiResult {
    let ids = job_ids(&Params::parse(q.as_deref()))?;
    let store = app.store();
    let mut ids = ids;
    ids.sort_unstable();
    ids.dedup();
    // Table order: Treeherder's query has no ORDER BY.
    let mut logs: Vec<&crate::store::LogRecord> =
        ids.iter().filter(|id| store.job_in(&project, **id).is_some()).flat_map(|id| store.logs.get(id).into_iter().flatten()).collect();
    logs.sort_by_key(|l| l.heap_rank);
    ok(Value::Array(logs.iter().map(|log| serde_json::to_value(log).unwrap_or(Value::Null)).collect()))
}

/// `/api/project/{project}/note/?job_id=`: classifications of a job.
pub async fn notes(State(app): State<Shared>, Path(project): Path<String>, RawQuery(q): RawQuery) -> ApiResult {
    let ids = job_ids(&Params::parse(q.as_deref()))?;
    let store = app.store();
    let id = ids[ids.len() - 1];
    find_job(&store, &project, id)?;
    ok(store.notes.get(&id).cloned().unwrap_or_else(|| json!([])))
}

/// `/api/project/{project}/bug-job-map/?job_id=…`: bugs linked to jobs.
pub async fn bug_job_map(State(app): State<Shared>, Path(project): Path<String>, RawQuery(q): RawQuery) -> ApiResult {
    let ids = job_ids(&Params::parse(q.as_deref()))?;
    let store = app.store();
    let mut out = Vec::new();
    for id in ids {
        if store.job_in(&project, id).is_some() {
            out.extend(store.bug_job_map.get(&id).and_then(Value::as_array).into_iter().flatten().cloned());
        }
    }
    ok(Value::Array(out))
}

/// `/api/project/{project}/performance/job-data/?job_id=`: the recorded answer, or the
/// performance data points the job produced.
pub async fn performance_job_data(State(app): State<Shared>, Path(project): Path<String>, RawQuery(q): RawQuery) -> ApiResult {
    let ids = job_ids(&Params::parse(q.as_deref()))?;
    let id = ids[ids.len() - 1];
    let store = app.store();
    if let Some((status, body)) = store.perf_job_data.get(&id) {
        if *status != 200 {
            return Err(ApiError { status: axum::http::StatusCode::from_u16(*status).unwrap_or_default(), body: body.clone() });
        }
        return ok(body.clone());
    }
    let mut points = Vec::new();
    for signature in store.signatures.values().filter(|s| s.repository == project) {
        for datum in store.series.get(&signature.id).into_iter().flatten().filter(|d| d.job_id == id) {
            points.push(json!({
                "id": datum.id,
                "job_id": datum.job_id,
                "signature_id": signature.id,
                "signature_hash": signature.hash,
                "value": datum.value,
                "push_timestamp": datum.push_timestamp,
                "suite": signature.summary.get("suite").cloned().unwrap_or(Value::Null),
                "test": signature.summary.get("test").cloned().unwrap_or(Value::Null),
                "platform": signature.platform,
                "framework_id": signature.framework_id,
                "name": signature.summary.get("name").cloned().unwrap_or(Value::Null),
                "lower_is_better": signature.summary.get("lower_is_better").cloned().unwrap_or(json!(true)),
            }));
        }
    }
    if points.is_empty() {
        return Err(ApiError {
            status: axum::http::StatusCode::BAD_REQUEST,
            body: json!({ "message": format!("No data found for job_id={id}") }),
        });
    }
    ok(Value::Array(points))
}

/// `/api/taskclustermetadata/?job_ids=1,2`: task and run ids of jobs.
pub async fn taskcluster_metadata(State(app): State<Shared>, RawQuery(q): RawQuery) -> ApiResult {
    let params = Params::parse(q.as_deref());
    let raw = params.get("job_ids").ok_or_else(|| ApiError::bad_request("The job_ids parameter is mandatory"))?;
    let ids: Vec<i64> = raw
        .split(',')
        .map(|v| parse_python_int(v).ok_or_else(|| ApiError::field("job_ids", "Enter a whole number.")))
        .collect::<Result<_, _>>()?;
    let store = app.store();
    let mut out: Vec<Value> = ids
        .iter()
        .filter_map(|id| store.jobs.get(id))
        .map(|j| json!({ "job": j.id, "task_id": j.task_id, "retry_id": j.retry_id }))
        .collect();
    out.sort_by_key(|v| v["job"].as_i64());
    out.dedup();
    ok(Value::Array(out))
}
