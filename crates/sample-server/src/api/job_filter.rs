//! Treeherder's `JobFilter` (django-filter over the jobs table), shared by `/api/jobs/`, the
//! project jobs list and similar jobs.

use serde_json::json;

use super::error::ApiError;
use super::params::Params;
use crate::clock::parse_datetime;
use crate::store::JobRecord;

type Predicate = Box<dyn Fn(&JobRecord) -> bool + Send + Sync>;

/// The conditions a query string puts on jobs; unknown parameters are ignored, as
/// django-filter does.
pub struct JobFilter(Vec<Predicate>);

impl JobFilter {
    pub fn matches(&self, job: &JobRecord) -> bool {
        self.0.iter().all(|p| p(job))
    }

    pub fn from_params(params: &Params) -> Result<Self, ApiError> {
        let mut preds: Vec<Predicate> = Vec::new();
        for key in params.keys() {
            let Some(value) = params.get(key) else { continue };
            let value = value.to_string();
            if let Some(pred) = number_filter(key, &value)? {
                preds.push(pred);
            } else if let Some(pred) = char_filter(key, &value) {
                preds.push(pred);
            } else if let Some(pred) = time_filter(key, &value)? {
                preds.push(pred);
            }
        }
        Ok(JobFilter(preds))
    }
}

fn enter_a_number(key: &str) -> ApiError {
    ApiError { status: axum::http::StatusCode::BAD_REQUEST, body: json!({ key: ["Enter a number."] }) }
}

fn parse_number(key: &str, v: &str) -> Result<f64, ApiError> {
    v.trim().parse::<f64>().ok().filter(|f| f.is_finite()).ok_or_else(|| enter_a_number(key))
}

/// Splits `name__lookup`.
fn lookup(key: &str) -> (&str, &str) {
    for op in ["__in", "__lt", "__lte", "__gt", "__gte"] {
        if let Some(field) = key.strip_suffix(op) {
            return (field, &op[2..]);
        }
    }
    (key, "exact")
}

fn compare(op: &str, left: f64, right: f64) -> bool {
    match op {
        "lt" => left < right,
        "lte" => left <= right,
        "gt" => left > right,
        "gte" => left >= right,
        _ => left == right,
    }
}

fn number_field(field: &str) -> Option<fn(&JobRecord) -> f64> {
    Some(match field {
        "id" => |j| j.id as f64,
        "push_id" => |j| j.push_id as f64,
        "tier" => |j| j.tier as f64,
        "failure_classification_id" => |j| j.failure_classification_id as f64,
        "job_type_id" => |j| j.job_type_id as f64,
        "job_group_id" => |j| j.job_group_id as f64,
        "build_platform_id" => |j| j.build_platform_id as f64,
        "retry_id" => |j| j.retry_id as f64,
        _ => return None,
    })
}

/// Which lookups each numeric field accepts (`JobFilter.Meta.fields` and the declared filters).
fn number_lookup_allowed(field: &str, op: &str) -> bool {
    match field {
        "id" | "push_id" | "tier" => true,
        _ => op == "exact",
    }
}

fn number_filter(key: &str, value: &str) -> Result<Option<Predicate>, ApiError> {
    let (field, op) = lookup(key);
    let Some(get) = number_field(field) else { return Ok(None) };
    if !number_lookup_allowed(field, op) {
        return Ok(None);
    }
    if op == "in" {
        let wanted: Vec<f64> = value.split(',').filter(|s| !s.trim().is_empty()).map(|s| parse_number(key, s)).collect::<Result<_, _>>()?;
        return Ok(Some(Box::new(move |j| wanted.contains(&get(j)))));
    }
    let wanted = parse_number(key, value)?;
    let op = op.to_string();
    Ok(Some(Box::new(move |j| compare(&op, get(j), wanted))))
}

fn char_field(field: &str) -> Option<fn(&JobRecord) -> &str> {
    Some(match field {
        "job_guid" => |j| &j.job_guid,
        "job_type_name" => |j| &j.job_type_name,
        "job_type_symbol" => |j| &j.job_type_symbol,
        "job_group_name" => |j| &j.job_group_name,
        "job_group_symbol" => |j| &j.job_group_symbol,
        "platform" => |j| &j.platform,
        "signature" => |j| &j.signature,
        "task_id" => |j| &j.task_id,
        "result" => |j| &j.result,
        "state" => |j| &j.state,
        "reason" => |j| &j.reason,
        "who" => |j| &j.who,
        "option_collection_hash" => |j| &j.option_collection_hash,
        "build_platform" => |j| &j.build_platform,
        "build_os" => |j| &j.build_os,
        "build_architecture" => |j| &j.build_architecture,
        "build_system_type" => |j| &j.build_system_type,
        "machine_name" => |j| &j.machine_name,
        "machine_platform_os" => |j| &j.machine_platform_os,
        "machine_platform_architecture" => |j| &j.machine_platform_architecture,
        "ref_data_name" => |j| &j.ref_data_name,
        _ => return None,
    })
}

fn char_filter(key: &str, value: &str) -> Option<Predicate> {
    if let Some(field) = key.strip_suffix("__in") {
        if field != "job_guid" {
            return None;
        }
        let wanted: Vec<String> = value.split(',').map(str::to_string).collect();
        return Some(Box::new(move |j| wanted.contains(&j.job_guid)));
    }
    let get = char_field(key)?;
    let wanted = value.to_string();
    Some(Box::new(move |j| get(j) == wanted))
}

fn time_filter(key: &str, value: &str) -> Result<Option<Predicate>, ApiError> {
    let (field, op) = lookup(key);
    let get: fn(&JobRecord) -> f64 = match field {
        "last_modified" => |j| j.last_modified_secs,
        "submit_time" => |j| j.submit_timestamp as f64,
        "start_time" => |j| j.start_timestamp as f64,
        "end_time" => |j| j.end_timestamp as f64,
        _ => return Ok(None),
    };
    if op == "in" {
        return Ok(None);
    }
    let wanted = parse_datetime(value)
        .ok_or_else(|| ApiError { status: axum::http::StatusCode::BAD_REQUEST, body: json!({ key: ["Enter a valid date/time."] }) })?;
    let op = op.to_string();
    Ok(Some(Box::new(move |j| compare(&op, get(j), wanted))))
}
