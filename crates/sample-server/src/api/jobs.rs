//! Jobs: `/api/jobs/` (compact rows, page-number pagination) and the project-bound
//! `/api/project/{project}/jobs/…` (objects, offset/count), as in webapp/api/jobs.py.

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use serde_json::{json, Value};

use super::error::{ok, ApiError, ApiResult};
use super::job_filter::JobFilter;
use super::params::{parse_python_int, Params};
use super::{parse_id, request_url, Shared};
use crate::store::{JobRecord, Store, JOB_PROPERTY_NAMES};

/// Page size and maximum of `/api/jobs/` (`JobPagination`) and of the project jobs list.
const MAX_JOBS_COUNT: i64 = 2000;

/// `/api/jobs/`: jobs in id order, 2000 per page, as compact rows.
pub async fn list(State(app): State<Shared>, RawQuery(q): RawQuery, headers: HeaderMap) -> ApiResult {
    let params = Params::parse(q.as_deref());
    let filter = JobFilter::from_params(&params)?;
    // DRF's `_positive_int(strict=True, cutoff=max)`: anything else falls back to the default.
    let page_size =
        params.get("count").and_then(parse_python_int).filter(|n| *n > 0).map(|n| n.min(MAX_JOBS_COUNT)).unwrap_or(MAX_JOBS_COUNT) as usize;
    let store = app.store();
    let jobs: Vec<&JobRecord> = store.jobs.values().filter(|j| filter.matches(j)).collect();
    let pages = jobs.len().div_ceil(page_size).max(1);
    let page = match params.get("page") {
        None => 1,
        Some("last") => pages,
        Some(p) => parse_python_int(p).filter(|n| *n >= 1).map(|n| n as usize).ok_or_else(invalid_page)?,
    };
    if page > pages {
        return Err(invalid_page());
    }
    let now = app.clock.now();
    let rows: Vec<Value> =
        jobs.iter().skip((page - 1) * page_size).take(page_size).map(|j| j.compact_row(store.push_revision(j.push_id), now)).collect();
    let url = request_url(&headers, "/api/jobs/", q.as_deref());
    let next = (page < pages).then(|| replace_query_param(&url, "page", &(page + 1).to_string()));
    let previous = match page {
        1 => None,
        2 => Some(remove_query_param(&url, "page")),
        p => Some(replace_query_param(&url, "page", &(p - 1).to_string())),
    };
    ok(json!({
        "count": jobs.len(),
        "next": next,
        "previous": previous,
        "results": rows,
        "job_property_names": JOB_PROPERTY_NAMES,
    }))
}

fn invalid_page() -> ApiError {
    ApiError::not_found("Invalid page.")
}

/// DRF's `replace_query_param`: the query re-encoded with keys sorted.
fn replace_query_param(url: &str, key: &str, value: &str) -> String {
    let (base, query) = url.split_once('?').unwrap_or((url, ""));
    let mut pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes()).into_owned().filter(|(k, _)| k != key).collect();
    pairs.push((key.to_string(), value.to_string()));
    encode_sorted(base, pairs)
}

fn remove_query_param(url: &str, key: &str) -> String {
    let (base, query) = url.split_once('?').unwrap_or((url, ""));
    let pairs = form_urlencoded::parse(query.as_bytes()).into_owned().filter(|(k, _)| k != key).collect();
    encode_sorted(base, pairs)
}

fn encode_sorted(base: &str, mut pairs: Vec<(String, String)>) -> String {
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    let mut ser = form_urlencoded::Serializer::new(String::new());
    for (k, v) in &pairs {
        ser.append_pair(k, v);
    }
    let q = ser.finish();
    if q.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{q}")
    }
}

/// The project list's column order (`_property_query_mapping` + `platform_option`).
const PROJECT_JOB_FIELDS: [&str; 37] = [
    "build_architecture",
    "build_os",
    "build_platform",
    "build_platform_id",
    "build_system_type",
    "end_timestamp",
    "failure_classification_id",
    "id",
    "job_group_description",
    "job_group_id",
    "job_group_name",
    "job_group_symbol",
    "job_guid",
    "job_type_description",
    "job_type_id",
    "job_type_name",
    "job_type_symbol",
    "last_modified",
    "machine_name",
    "machine_platform_architecture",
    "machine_platform_os",
    "option_collection_hash",
    "platform",
    "push_id",
    "reason",
    "ref_data_name",
    "result",
    "result_set_id",
    "signature",
    "start_timestamp",
    "state",
    "submit_timestamp",
    "tier",
    "who",
    "task_id",
    "retry_id",
    "platform_option",
];

/// Offset/count/return_type of the project-bound lists, with their error answers.
struct Window {
    offset: usize,
    count: usize,
    as_lists: bool,
}

fn window(params: &Params, default_count: i64) -> Result<Window, ApiError> {
    let bad = || ApiError::bare(StatusCode::BAD_REQUEST, "Invalid value for offset or count");
    let offset = params.int_or("offset", 0, bad)?;
    let count = params.int_or("count", default_count, bad)?;
    if count > MAX_JOBS_COUNT {
        return Err(ApiError::bad_request(format!("Specified count exceeds API MAX_JOBS_COUNT value: {MAX_JOBS_COUNT}")));
    }
    if offset < 0 || count < 0 {
        return Err(bad());
    }
    let as_lists = params.get("return_type").is_some_and(|t| t.eq_ignore_ascii_case("list"));
    Ok(Window { offset: offset as usize, count: count as usize, as_lists })
}

fn job_list_body(jobs: &[&JobRecord], window: &Window) -> Value {
    let page = jobs.iter().skip(window.offset).take(window.count);
    if window.as_lists {
        let rows: Vec<Value> = page
            .map(|j| {
                let obj = serde_json::to_value(j).unwrap_or(Value::Null);
                Value::Array(PROJECT_JOB_FIELDS.iter().map(|f| obj[*f].clone()).collect())
            })
            .collect();
        json!({ "results": rows, "job_property_names": PROJECT_JOB_FIELDS.as_slice() })
    } else {
        json!({ "results": page.map(|j| serde_json::to_value(j).unwrap_or(Value::Null)).collect::<Vec<_>>() })
    }
}

/// The project list renames legacy parameters before filtering (`result_set_id` → `push_id`,
/// `*_timestamp` → `*_time`) and checks `last_modified` dates.
fn project_params(params: &Params) -> Result<Params, ApiError> {
    let mut renamed = Vec::new();
    for (k, v) in &params.0 {
        if let Some(rest) = k.strip_prefix("result_set_id") {
            renamed.push((format!("push_id{rest}"), v.clone()));
        } else if let Some(field) = ["submit_timestamp", "start_timestamp", "end_timestamp"].iter().find(|f| *f == k) {
            let secs = v.trim().parse::<f64>().map_err(|_| ApiError::bad_request(format!("Invalid value for {field}: {v}")))?;
            renamed.push((field.replace("timestamp", "time"), crate::clock::iso(secs)));
        } else {
            if k.starts_with("last_modified") && crate::clock::parse_datetime(v).is_none() {
                return Err(ApiError::bare(StatusCode::BAD_REQUEST, format!("Invalid date value for `last_modified`: {v}")));
            }
            renamed.push((k.clone(), v.clone()));
        }
    }
    Ok(Params(renamed))
}

/// The project's jobs matching `filter`, in table (heap) order: the project list has no
/// `ORDER BY`.
fn jobs_of_project<'a>(store: &'a Store, project: &str, filter: &JobFilter) -> Vec<&'a JobRecord> {
    let mut jobs: Vec<&JobRecord> =
        store.jobs.values().filter(|j| store.repository_of_job(j) == Some(project) && filter.matches(j)).collect();
    jobs.sort_by_key(|j| j.heap_rank);
    jobs
}

/// `/api/project/{project}/jobs/`.
pub async fn project_list(State(app): State<Shared>, Path(project): Path<String>, RawQuery(q): RawQuery) -> ApiResult {
    let params = project_params(&Params::parse(q.as_deref()))?;
    let window = window(&params, 10)?;
    let store = app.store();
    if !store.repository_exists(&project) {
        return Err(ApiError::no_project(&project));
    }
    let filter = JobFilter::from_params(&params)?;
    let jobs = jobs_of_project(&store, &project, &filter);
    let mut body = job_list_body(&jobs, &window);
    body["meta"] = json!({ "repository": project, "offset": window.offset, "count": window.count });
    ok(body)
}

/// The job, or Treeherder's bare-string 404.
pub fn find_job<'a>(store: &'a Store, project: &str, id: i64) -> Result<&'a JobRecord, ApiError> {
    store.job_in(project, id).ok_or_else(|| ApiError::bare(StatusCode::NOT_FOUND, format!("No job with id: {id}")))
}

/// `/api/project/{project}/jobs/{id}/`.
pub async fn retrieve(State(app): State<Shared>, Path((project, id)): Path<(String, String)>) -> ApiResult {
    let id = parse_id(&id, "job")?;
    let store = app.store();
    let job = find_job(&store, &project, id)?;
    // `JobLog.objects.filter(job=…)` is answered from the unique (job, name, url) index, so
    // in name order (the recording agrees: errorsummary_json before live_backing_log).
    let mut logs = store.logs.get(&id).cloned().unwrap_or_default();
    logs.sort_by(|a, b| (&a.name, &a.url).cmp(&(&b.name, &b.url)));
    ok(job.detail(&project, &logs))
}

/// `/api/project/{project}/jobs/{id}/similar_jobs/`: jobs of the same type, newest push first.
pub async fn similar_jobs(State(app): State<Shared>, Path((project, id)): Path<(String, String)>, RawQuery(q): RawQuery) -> ApiResult {
    let id = parse_id(&id, "job")?;
    let params = Params::parse(q.as_deref());
    let store = app.store();
    if !store.repository_exists(&project) {
        return Err(ApiError::no_project(&project));
    }
    let job = find_job(&store, &project, id)?;
    let window = window(&params, 50)?;
    let filter = JobFilter::from_params(&params)?;
    let mut jobs: Vec<&JobRecord> =
        jobs_of_project(&store, &project, &filter).into_iter().filter(|j| j.job_type_id == job.job_type_id && j.id != job.id).collect();
    jobs.sort_by(|a, b| b.push_id.cmp(&a.push_id).then(b.start_timestamp.cmp(&a.start_timestamp)));
    let mut body = job_list_body(&jobs, &window);
    body["meta"] = json!({ "offset": window.offset, "count": window.count, "repository": project });
    ok(body)
}
