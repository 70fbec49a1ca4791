//! Reference data and the OpenAPI schema.

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap};
use axum::response::IntoResponse;
use serde_json::Value;

use super::error::{ok, ApiError, ApiResult};
use super::{parse_id, Shared};

pub async fn repositories(State(app): State<Shared>) -> ApiResult {
    ok(Value::Array(app.store().repositories.clone()))
}

pub async fn repository(State(app): State<Shared>, Path(id): Path<String>) -> ApiResult {
    let id = parse_id(&id, "repository")?;
    let store = app.store();
    let found = store.repositories.iter().find(|r| r["id"].as_i64() == Some(id));
    found.cloned().map_or_else(|| Err(ApiError::not_found("No Repository matches the given query.")), ok)
}

pub async fn failure_classifications(State(app): State<Shared>) -> ApiResult {
    ok(app.store().failure_classifications.clone())
}

pub async fn option_collection_hashes(State(app): State<Shared>) -> ApiResult {
    ok(app.store().option_collection_hashes.clone())
}

pub async fn machine_platforms(State(app): State<Shared>) -> ApiResult {
    ok(app.store().machine_platforms.clone())
}

pub async fn frameworks(State(app): State<Shared>) -> ApiResult {
    ok(app.store().frameworks.clone())
}

pub async fn performance_tags(State(app): State<Shared>) -> ApiResult {
    ok(app.store().performance_tags.clone())
}

pub async fn issue_trackers(State(app): State<Shared>) -> ApiResult {
    ok(app.store().issue_trackers.clone())
}

/// The API version the request asked for in `Accept` (`application/json; version=1.1`).
pub fn requested_version(headers: &HeaderMap) -> Option<String> {
    let accept = headers.get(header::ACCEPT)?.to_str().ok()?;
    accept.split(',').flat_map(|part| part.split(';')).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim() == "version").then(|| v.trim().to_string())
    })
}

/// `/api/schema/`: drf-spectacular's document; its `info.version` names the API version the
/// request negotiated, as the real server's does (`0.0.0 (1.1)`).
pub async fn schema(State(app): State<Shared>, headers: HeaderMap) -> ApiResult {
    let mut schema = app.store().schema.clone();
    let version = requested_version(&headers).unwrap_or_else(|| "1.0".into());
    if let Some(info) = schema.get_mut("info") {
        info["version"] = Value::String(format!("0.0.0 ({version})"));
    }
    let body = serde_json::to_vec(&schema).unwrap_or_default();
    Ok(([(header::CONTENT_TYPE, "application/vnd.oai.openapi+json")], body).into_response())
}
