//! Perfherder's read endpoints: signatures, platforms, summary and data (performance_data.py).

use std::collections::BTreeSet;

use axum::extract::{Path, RawQuery, State};
use serde_json::{json, Map, Value};

use super::error::{ok, ApiError, ApiResult};
use super::params::{parse_bool, parse_python_int, Params};
use super::Shared;
use crate::clock::{iso, parse_datetime};
use crate::store::{SignatureRecord, Store};

fn message(text: &str) -> ApiError {
    ApiError { status: axum::http::StatusCode::BAD_REQUEST, body: json!({ "message": text }) }
}

/// When a signature last got data: its newest point (the recording has no other trace of it).
fn last_updated(store: &Store, signature: &SignatureRecord) -> i64 {
    store.series.get(&signature.id).and_then(|s| s.iter().map(|d| d.push_timestamp).max()).unwrap_or(0)
}

fn interval_secs(params: &Params, key: &str) -> Result<Option<i64>, ApiError> {
    match params.get(key) {
        None => Ok(None),
        Some(v) => parse_python_int(v).map(Some).ok_or_else(|| message(&format!("{key} must be an integer"))),
    }
}

/// `/api/project/{project}/performance/signatures/`: signatures by id, filtered.
pub async fn signatures(State(app): State<Shared>, Path(project): Path<String>, RawQuery(q): RawQuery) -> ApiResult {
    let params = Params::parse(q.as_deref());
    let store = app.store();
    if !store.repository_exists(&project) {
        return Err(ApiError::no_project(&project));
    }
    let parents = params.get_list("parent_signature");
    let subtests = match params.get("subtests") {
        None => true,
        Some(v) => parse_python_int(v).ok_or_else(|| message("subtests must be 0 or 1"))? != 0,
    };
    let ids: Vec<i64> = params
        .get_list("id")
        .iter()
        .map(|v| parse_python_int(v))
        .collect::<Option<_>>()
        .ok_or_else(|| message("One or more id values invalid (must be integer)"))?;
    let hashes = params.get_list("signature");
    let frameworks: Vec<i64> = params
        .get_list("framework")
        .iter()
        .map(|v| parse_python_int(v))
        .collect::<Option<_>>()
        .ok_or_else(|| message("framework must be an integer"))?;
    let interval = interval_secs(&params, "interval")?;
    let (start, end) = (params.get("start_date"), params.get("end_date"));
    if interval.is_some() && (start.is_some() || end.is_some()) {
        return Err(message("Provide either interval only -or- start (and end) date"));
    }
    let start = start.map(|s| parse_datetime(s).ok_or_else(|| message("start_date is not a date"))).transpose()?;
    let end = end.map(|s| parse_datetime(s).ok_or_else(|| message("end_date is not a date"))).transpose()?;
    let platform = params.get("platform");
    let now = app.clock.now();

    let mut out = Map::new();
    for sig in store.signatures.values().filter(|s| s.repository == project && !s.listing.is_null()) {
        let parent_hash = sig.listing["parent_signature"].as_str();
        let updated = last_updated(&store, sig) as f64;
        let keep = (parents.is_empty() || parent_hash.is_some_and(|h| parents.contains(&h)))
            && (subtests || parent_hash.is_none())
            && (ids.is_empty() || ids.contains(&sig.id))
            && (hashes.is_empty() || hashes.contains(&sig.hash.as_str()))
            && (frameworks.is_empty() || frameworks.contains(&sig.framework_id))
            && interval.is_none_or(|i| updated >= (now - i as f64).floor())
            && start.is_none_or(|s| updated >= s)
            && end.is_none_or(|e| updated <= e)
            && platform.is_none_or(|p| sig.platform == p);
        if keep {
            out.insert(sig.id.to_string(), sig.listing.clone());
        }
    }
    ok(Value::Object(out))
}

/// `/api/project/{project}/performance/platforms/`: platforms that have signatures.
pub async fn platforms(State(app): State<Shared>, Path(project): Path<String>, RawQuery(q): RawQuery) -> ApiResult {
    let params = Params::parse(q.as_deref());
    let store = app.store();
    if !store.repository_exists(&project) {
        return Err(ApiError::no_project(&project));
    }
    let interval = interval_secs(&params, "interval")?;
    let frameworks: Vec<i64> = params.get_list("framework").iter().filter_map(|v| parse_python_int(v)).collect();
    let now = app.clock.now();
    let found: BTreeSet<&str> = store
        .signatures
        .values()
        .filter(|s| s.repository == project)
        .filter(|s| frameworks.is_empty() || frameworks.contains(&s.framework_id))
        .filter(|s| interval.is_none_or(|i| last_updated(&store, s) as f64 >= (now - i as f64).floor()))
        .map(|s| s.platform.as_str())
        .collect();
    ok(json!(found))
}

/// The validated query of `/api/performance/summary/` (`PerformanceQueryParamsSerializer`).
struct SummaryQuery {
    repository: String,
    startday: Option<f64>,
    endday: Option<f64>,
    revision: Option<String>,
    frameworks: Vec<i64>,
    interval: Option<i64>,
    parent_signature: Option<i64>,
    signature: Option<String>,
    no_subtests: bool,
    all_data: bool,
    replicates: bool,
}

fn summary_query(params: &Params, store: &Store) -> Result<SummaryQuery, ApiError> {
    let mut errors = Map::new();
    let mut err = |field: &str, text: &str| {
        errors.insert(field.to_string(), json!([text]));
    };
    let datetime = |key: &str, err: &mut dyn FnMut(&str, &str)| {
        params.get(key).and_then(|v| {
            let parsed = parse_datetime(v);
            if parsed.is_none() {
                err(key, "Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].");
            }
            parsed
        })
    };
    let startday = datetime("startday", &mut err);
    let endday = datetime("endday", &mut err);
    let repository = params.get("repository").map(str::to_string);
    match &repository {
        None => err("repository", "This field is required."),
        Some(r) if !store.repository_exists(r) => err("repository", &format!("{r} does not exist.")),
        _ => {}
    }
    let mut integer = |key: &str| {
        params.get(key).and_then(|v| {
            let parsed = parse_python_int(v);
            if parsed.is_none() {
                err(key, "A valid integer is required.");
            }
            parsed
        })
    };
    let interval = integer("interval");
    let mut frameworks = Vec::new();
    let mut framework_errors = Map::new();
    for (i, v) in params.get_list("framework").iter().enumerate() {
        match parse_python_int(v) {
            Some(n) => frameworks.push(n),
            None => {
                framework_errors.insert(i.to_string(), json!(["A valid integer is required."]));
            }
        }
    }
    let mut boolean = |key: &str| match params.get(key) {
        None => false,
        Some(v) => parse_bool(v).unwrap_or_else(|| {
            errors.insert(key.to_string(), json!(["Must be a valid boolean."]));
            false
        }),
    };
    let (no_subtests, all_data, replicates) = (boolean("no_subtests"), boolean("all_data"), boolean("replicates"));
    if !framework_errors.is_empty() {
        errors.insert("framework".into(), Value::Object(framework_errors));
    }
    let parent_signature = params.get("parent_signature").and_then(parse_python_int);
    if !errors.is_empty() {
        return Err(ApiError { status: axum::http::StatusCode::BAD_REQUEST, body: Value::Object(errors) });
    }
    let revision = params.get("revision").map(str::to_string);
    if revision.is_none() && interval.is_none() && (startday.is_none() || endday.is_none()) {
        return Err(ApiError {
            status: axum::http::StatusCode::BAD_REQUEST,
            body: json!({ "non_field_errors": ["Required: revision, startday and endday or interval."] }),
        });
    }
    Ok(SummaryQuery {
        repository: repository.unwrap_or_default(),
        startday,
        endday,
        revision,
        frameworks,
        interval,
        parent_signature,
        signature: params.get("signature").map(str::to_string),
        no_subtests,
        all_data,
        replicates,
    })
}

/// `/api/performance/summary/`: series of signatures with their data (`all_data` with one
/// signature) or their values and job ids.
pub async fn summary(State(app): State<Shared>, RawQuery(q): RawQuery) -> ApiResult {
    let params = Params::parse(q.as_deref());
    let store = app.store();
    let query = summary_query(&params, &store)?;
    let now = app.clock.now();
    let since = query.interval.map(|i| (now - i as f64).floor());

    // Unordered in Treeherder; the recording shows newest signature first.
    let signatures: Vec<&SignatureRecord> = store
        .signatures
        .values()
        .rev()
        .filter(|s| s.repository == query.repository && !s.summary.is_empty())
        .filter(|s| match &query.signature {
            Some(sig) if sig.len() == 40 => s.hash == *sig,
            Some(sig) => parse_python_int(sig) == Some(s.id),
            None => s.parent_id.is_none() == query.no_subtests,
        })
        .filter(|s| query.frameworks.is_empty() || query.frameworks.contains(&s.framework_id))
        .filter(|s| query.parent_signature.is_none_or(|p| s.parent_id == Some(p)))
        .filter(|s| query.all_data || since.is_none_or(|t| last_updated(&store, s) as f64 >= t))
        .collect();

    let in_range = |push_timestamp: i64, revision: &str| -> bool {
        let t = push_timestamp as f64;
        if let Some(r) = &query.revision {
            revision == r
        } else if let (Some(since), None, None) = (since, query.startday, query.endday) {
            t > since
        } else {
            query.startday.is_some_and(|s| t > s) && query.endday.is_some_and(|e| t < e)
        }
    };

    let mut out = Vec::new();
    for sig in signatures {
        let mut item = sig.summary.clone();
        let points: Vec<_> = store.series.get(&sig.id).into_iter().flatten().filter(|d| in_range(d.push_timestamp, &d.revision)).collect();
        let mut data = Vec::new();
        if query.signature.is_some() && query.all_data {
            for d in &points {
                let values: Vec<f64> = if query.replicates && !d.replicates.is_empty() { d.replicates.clone() } else { vec![d.value] };
                for value in values {
                    data.push(json!({
                        "job_id": d.job_id,
                        "id": d.id,
                        "value": value,
                        "push_timestamp": iso(d.push_timestamp as f64),
                        "push_id": d.push_id,
                        "revision": d.revision,
                        "submit_time": d.submit_time,
                        "machine_name": d.machine_name,
                    }));
                }
            }
        } else {
            item.insert("values".into(), json!(points.iter().map(|d| d.value).collect::<Vec<_>>()));
            item.insert("job_ids".into(), json!(points.iter().map(|d| d.job_id).collect::<Vec<_>>()));
            item.insert("submit_times".into(), json!(points.iter().map(|d| &d.submit_time).collect::<Vec<_>>()));
        }
        item.insert("data".into(), Value::Array(data));
        out.push(Value::Object(item));
    }
    ok(Value::Array(out))
}

/// `/api/project/{project}/performance/data/`: points by signature hash.
pub async fn data(State(app): State<Shared>, Path(project): Path<String>, RawQuery(q): RawQuery) -> ApiResult {
    let params = Params::parse(q.as_deref());
    let store = app.store();
    if !store.repository_exists(&project) {
        return Err(ApiError::no_project(&project));
    }
    let ints = |key: &str, msg: &str| -> Result<Vec<i64>, ApiError> {
        params.get_list(key).iter().map(|v| parse_python_int(v)).collect::<Option<_>>().ok_or_else(|| message(msg))
    };
    let job_ids = ints("job_id", "Job id(s) must be specified as integers")?;
    let signature_ids = ints("signature_id", "Signature id(s) must be specified as integers")?;
    let push_ids = ints("push_id", "Push id(s) must be specified as integers")?;
    let hashes = params.get_list("signatures");
    let validation = |text: &str| ApiError { status: axum::http::StatusCode::BAD_REQUEST, body: json!([text]) };
    if signature_ids.is_empty() && hashes.is_empty() && push_ids.is_empty() && job_ids.is_empty() {
        return Err(validation("Need to specify either signature_id, signatures, push_id, or job_id"));
    }
    if !signature_ids.is_empty() && !hashes.is_empty() {
        return Err(validation("Can't specify both signature_id and signatures in same query"));
    }
    let frameworks: Vec<i64> = params.get_list("framework").iter().filter_map(|v| parse_python_int(v)).collect();
    let interval = interval_secs(&params, "interval")?;
    let (start, end) = (params.get("start_date"), params.get("end_date"));
    if interval.is_some() && (start.is_some() || end.is_some()) {
        return Err(message("Provide either interval only -or- start (and end) date"));
    }
    let start = start.and_then(parse_datetime);
    let end = end.and_then(parse_datetime);
    let since = interval.map(|i| (app.clock.now() - i as f64).floor());

    let mut out = Map::new();
    for sig in store.signatures.values().filter(|s| s.repository == project) {
        if (!signature_ids.is_empty() && !signature_ids.contains(&sig.id))
            || (!hashes.is_empty() && !hashes.contains(&sig.hash.as_str()))
            || (!frameworks.is_empty() && !frameworks.contains(&sig.framework_id))
        {
            continue;
        }
        let points: Vec<Value> = store
            .series
            .get(&sig.id)
            .into_iter()
            .flatten()
            .filter(|d| push_ids.is_empty() || push_ids.contains(&d.push_id))
            .filter(|d| job_ids.is_empty() || job_ids.contains(&d.job_id))
            .filter(|d| since.is_none_or(|t| d.push_timestamp as f64 > t))
            .filter(|d| start.is_none_or(|t| d.push_timestamp as f64 > t))
            .filter(|d| end.is_none_or(|t| (d.push_timestamp as f64) < t))
            .map(|d| {
                json!({
                    "id": d.id,
                    "signature_id": sig.id,
                    "job_id": d.job_id,
                    "push_id": d.push_id,
                    "revision": d.revision,
                    "push_timestamp": d.push_timestamp,
                    "value": (d.value * 100.0).round() / 100.0,
                })
            })
            .collect();
        if !points.is_empty() {
            out.insert(sig.hash.clone(), Value::Array(points));
        }
    }
    ok(Value::Object(out))
}
