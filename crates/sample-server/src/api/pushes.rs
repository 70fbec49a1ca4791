//! `/api/project/{project}/push/…`: Treeherder's `PushViewSet` (webapp/api/push.py).

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use serde_json::{json, Map, Value};

use super::error::{ok, ApiError, ApiResult};
use super::params::{parse_python_int, Params};
use super::{parse_id, Shared};
use crate::store::{canonical_url, PushRecord, Store};

/// Treeherder's upper limit on pushes per request.
const MAX_PUSH_COUNT: i64 = 1000;
/// Range parameters the view moves from `filter_params` into `meta`, in the order it does.
const RANGE_PARAMS: [&str; 6] = ["fromchange", "tochange", "startdate", "enddate", "revision", "commit_revision"];

/// An ordered `QueryDict` as the view mutates it: updating a key keeps its position.
struct FilterParams(Vec<(String, Value)>);

impl FilterParams {
    fn set(&mut self, key: &str, value: Value) {
        match self.0.iter_mut().find(|(k, _)| k == key) {
            Some(entry) => entry.1 = value,
            None => self.0.push((key.to_string(), value)),
        }
    }
    fn remove(&mut self, key: &str) {
        self.0.retain(|(k, _)| k != key);
    }
    fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
    fn to_json(&self) -> Value {
        Value::Object(self.0.iter().cloned().collect::<Map<String, Value>>())
    }
}

/// Python truthiness of a `QueryDict` value.
fn truthy(v: &Value) -> bool {
    match v {
        Value::String(s) => !s.is_empty(),
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::Null => false,
        _ => true,
    }
}

fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn revision_matches(candidate: &str, wanted: &str) -> bool {
    if wanted.len() < 40 {
        candidate.starts_with(wanted)
    } else {
        candidate == wanted
    }
}

/// The push whose tip revision is `revision` (a prefix when shorter than 40), for
/// `fromchange`/`tochange`. Treeherder itself fails with a 500 here; we say what is missing.
fn push_time_of(store: &Store, project: &str, param: &str, revision: &str) -> Result<i64, ApiError> {
    let found: Vec<&PushRecord> = store.pushes_of(project).into_iter().filter(|p| revision_matches(&p.revision, revision)).collect();
    match found.as_slice() {
        [push] => Ok(push.push_timestamp),
        [] => Err(ApiError::not_found(format!("No push with revision {revision} in {project} (for {param})"))),
        _ => Err(ApiError::bad_request(format!("Revision {revision} matches several pushes (for {param})"))),
    }
}

pub async fn list(State(app): State<Shared>, Path(project): Path<String>, RawQuery(q): RawQuery) -> ApiResult {
    let params = Params::parse(q.as_deref());
    let mut filter_params = FilterParams(params.keys().into_iter().map(|k| (k.to_string(), json!(params.last(k)))).collect());
    let mut meta = Map::new();
    for param in RANGE_PARAMS {
        if let Some(v) = params.get(param) {
            filter_params.remove(param);
            meta.insert(param.to_string(), json!(v));
        }
    }

    let store = app.store();
    if !store.repository_exists(&project) {
        return Err(ApiError::no_project(&project));
    }
    let mut pushes = store.pushes_of(&project);

    for (param, value) in meta.clone() {
        let value = value.as_str().unwrap_or_default().to_string();
        match param.as_str() {
            "fromchange" => {
                let t = push_time_of(&store, &project, "fromchange", &value)?;
                pushes.retain(|p| p.push_timestamp >= t);
                filter_params.set("push_timestamp__gte", json!(t));
            }
            "tochange" => {
                let t = push_time_of(&store, &project, "tochange", &value)?;
                pushes.retain(|p| p.push_timestamp <= t);
                filter_params.set("push_timestamp__lte", json!(t));
            }
            "startdate" => {
                let t = parse_date(&value, "startdate")?;
                pushes.retain(|p| p.push_timestamp >= t);
                filter_params.set("push_timestamp__gte", json!(t));
            }
            "enddate" => {
                let t = parse_date(&value, "enddate")? + 86_400;
                pushes.retain(|p| p.push_timestamp <= t);
                filter_params.set("push_timestamp__lt", json!(t));
            }
            "revision" => {
                pushes.retain(|p| revision_matches(&p.revision, &value));
                let key = if value.len() == 40 { "revisions_long_revision" } else { "revisions_short_revision" };
                filter_params.set(key, json!(value));
            }
            "commit_revision" => {
                pushes.retain(|p| p.commits.iter().any(|c| c.revision == value));
            }
            _ => {}
        }
    }

    for param in ["push_timestamp__lt", "push_timestamp__lte", "push_timestamp__gt", "push_timestamp__gte"] {
        let Some(raw) = filter_params.get(param).filter(|v| truthy(v)) else { continue };
        let t = value_text(raw)
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .ok_or_else(|| ApiError::bad_request(format!("Invalid timestamp specified for {param}")))?;
        pushes.retain(|p| {
            let time = p.push_timestamp as f64;
            match param {
                "push_timestamp__lt" => time < t,
                "push_timestamp__lte" => time <= t,
                "push_timestamp__gt" => time > t,
                _ => time >= t,
            }
        });
    }

    for param in ["id__lt", "id__lte", "id__gt", "id__gte", "id"] {
        let value = match filter_params.get(param) {
            None => 0,
            Some(v) => {
                parse_python_int(&value_text(v)).ok_or_else(|| ApiError::bad_request(format!("Invalid timestamp specified for {param}")))?
            }
        };
        if value != 0 {
            pushes.retain(|p| match param {
                "id__lt" => p.id < value,
                "id__lte" => p.id <= value,
                "id__gt" => p.id > value,
                "id__gte" => p.id >= value,
                _ => p.id == value,
            });
        }
    }

    if let Some(id_in) = filter_params.get("id__in").filter(|v| truthy(v)) {
        let ids: Option<Vec<i64>> = value_text(id_in).split(',').map(parse_python_int).collect();
        let ids = ids.ok_or_else(|| ApiError::bad_request("Invalid id__in specification"))?;
        pushes.retain(|p| ids.contains(&p.id));
    }

    if let Some(author) = params.get("author") {
        match author.strip_prefix('-') {
            Some(excluded) => pushes.retain(|p| !p.author.eq_ignore_ascii_case(excluded)),
            None => pushes.retain(|p| p.author.eq_ignore_ascii_case(author)),
        }
    }
    if let Some(part) = params.get("author_contains") {
        let part = part.to_lowercase();
        pushes.retain(|p| p.author.to_lowercase().contains(&part));
    }

    let count = params.int_or("count", 10, || ApiError::bad_request("Valid count value required"))?;
    if count < 0 {
        return Err(ApiError::bad_request("Valid count value required"));
    }
    if count > MAX_PUSH_COUNT {
        return Err(ApiError::bad_request(format!("Specified count exceeds api limit: {MAX_PUSH_COUNT}")));
    }
    pushes.truncate(count as usize);

    meta.insert("count".into(), json!(pushes.len()));
    meta.insert("repository".into(), json!(project));
    meta.insert("filter_params".into(), filter_params.to_json());
    let results: Vec<Value> = pushes.iter().map(|p| p.to_json()).collect();
    ok(json!({ "meta": meta, "results": results }))
}

/// `to_datetime`: a `YYYY-MM-DD` date, as the epoch second of its midnight (UTC).
fn parse_date(value: &str, param: &str) -> Result<i64, ApiError> {
    chrono::NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|dt| dt.and_utc().timestamp())
        .ok_or_else(|| ApiError::bad_request(format!("Invalid date for {param}: {value:?} (expected YYYY-MM-DD)")))
}

pub async fn retrieve(State(app): State<Shared>, Path((project, id)): Path<(String, String)>) -> ApiResult {
    let id = parse_id(&id, "push")?;
    let store = app.store();
    match store.pushes.get(&id).filter(|p| p.repository == project) {
        Some(push) => ok(push.to_json()),
        None => Err(ApiError::bare(StatusCode::NOT_FOUND, format!("No push with id: {id}"))),
    }
}

/// `Push.get_status`: job counts by state, and by result for completed jobs, of the push's
/// unclassified jobs below tier 3.
pub fn push_status(store: &Store, push_id: i64) -> Value {
    let mut status: Map<String, Value> = Map::new();
    for key in ["completed", "pending", "running"] {
        status.insert(key.into(), json!(0));
    }
    let mut groups: Vec<((String, String), i64)> = Vec::new();
    for job_id in store.jobs_by_push.get(&push_id).into_iter().flatten() {
        let Some(job) = store.jobs.get(job_id) else { continue };
        if job.tier == 3 || !job.is_unclassified() {
            continue;
        }
        let key = (job.state.clone(), job.result.clone());
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => groups.push((key, 1)),
        }
    }
    groups.sort();
    for ((state, result), total) in groups {
        if state == "completed" {
            status.insert(result, json!(total));
            let done = status["completed"].as_i64().unwrap_or(0) + total;
            status.insert("completed".into(), json!(done));
        } else {
            status.insert(state, json!(total));
        }
    }
    if let Some(superseded) = status.get("superseded").cloned() {
        status.insert("coalesced".into(), superseded);
    }
    Value::Object(status)
}

pub async fn status(State(app): State<Shared>, Path((_project, id)): Path<(String, String)>) -> ApiResult {
    let id = parse_id(&id, "push")?;
    let store = app.store();
    if !store.pushes.contains_key(&id) {
        return Err(ApiError::bare(StatusCode::NOT_FOUND, format!("No push with id: {id}")));
    }
    ok(push_status(&store, id))
}

/// Decision task ids of pushes (`?push_ids=1,2`), for actions such as retrigger.
pub async fn decision_task(State(app): State<Shared>, Path(_project): Path<String>, RawQuery(q): RawQuery) -> ApiResult {
    let params = Params::parse(q.as_deref());
    let requested: Vec<String> = params.get("push_ids").unwrap_or("").split(',').map(str::to_string).collect();
    let store = app.store();
    let mut found = Map::new();
    for push_id in requested.iter().filter_map(|p| p.trim().parse::<i64>().ok()) {
        for job_id in store.jobs_by_push.get(&push_id).into_iter().flatten() {
            let Some(job) = store.jobs.get(job_id) else { continue };
            if job.job_type_name.ends_with("Decision Task") && job.job_type_symbol == "D" && job.result == "success" {
                let run = job.job_guid.split('/').nth(1).unwrap_or("0");
                found.insert(push_id.to_string(), json!({"id": job.task_id, "run": run}));
            }
        }
    }
    if found.is_empty() {
        let listed: Vec<String> = requested.iter().map(|p| format!("'{p}'")).collect();
        return Err(ApiError::bare(StatusCode::NOT_FOUND, format!("No decision tasks found for pushes: [{}]", listed.join(", "))));
    }
    ok(Value::Object(found))
}

/// Push health summary: served from the recording (push health is not modelled here).
pub async fn health_summary(State(app): State<Shared>, Path(project): Path<String>, RawQuery(q): RawQuery) -> ApiResult {
    let params = Params::parse(q.as_deref());
    let revision = params.get("revision").unwrap_or_default().to_string();
    let store = app.store();
    let key = canonical_url(&format!("/api/project/{project}/push/health_summary/"), q.as_deref().unwrap_or(""));
    if let Some((_, body)) = store.recorded_only.get(&key) {
        return ok(body.clone());
    }
    if !store.pushes_of(&project).iter().any(|p| p.revision == revision) {
        return Err(ApiError::bare(StatusCode::NOT_FOUND, format!("No push with revision: {revision}")));
    }
    Err(ApiError::detail(StatusCode::NOT_IMPLEMENTED, "Push health is only recorded for one push in the sample"))
}
