//! Performance alerts and alert summaries (sheriffing data, read-only here).

use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use serde_json::{json, Value};

use super::error::{ok, ApiError, ApiResult};
use super::params::{parse_bool, parse_python_int, Params};
use super::{parse_id, request_url, Shared};

const DEFAULT_PAGE: i64 = 10;
const MAX_PAGE: i64 = 100;

fn page_size(params: &Params) -> usize {
    params.get("limit").and_then(parse_python_int).filter(|n| *n > 0).map(|n| n.min(MAX_PAGE)).unwrap_or(DEFAULT_PAGE) as usize
}

fn number(params: &Params, key: &str) -> Result<Option<i64>, ApiError> {
    params.get(key).map(|v| parse_python_int(v).ok_or_else(|| ApiError::field(key, "Enter a number."))).transpose()
}

/// `/api/performance/alertsummary/`: newest first, page-number pagination with `limit`.
pub async fn summaries(State(app): State<Shared>, RawQuery(q): RawQuery, headers: HeaderMap) -> ApiResult {
    let params = Params::parse(q.as_deref());
    let id = number(&params, "id")?;
    let status = number(&params, "status")?;
    let framework = number(&params, "framework")?;
    let repository = number(&params, "repository")?;
    let signature = number(&params, "alerts__series_signature")?;
    let hide_improvements = params.get("hide_improvements").and_then(parse_bool).unwrap_or(false);
    let text = params.get("filter_text").map(str::to_lowercase);
    let store = app.store();
    let repo_name = |rid: i64| store.repository_ids.iter().find(|(_, v)| **v == rid).map(|(k, _)| k.clone());
    let repository = repository.map(|r| repo_name(r).unwrap_or_default());

    let matching: Vec<&Value> = store
        .alert_summaries
        .iter()
        .filter(|s| id.is_none_or(|v| s["id"].as_i64() == Some(v)))
        .filter(|s| status.is_none_or(|v| s["status"].as_i64() == Some(v)))
        .filter(|s| framework.is_none_or(|v| s["framework"].as_i64() == Some(v)))
        .filter(|s| repository.as_ref().is_none_or(|r| s["repository"].as_str() == Some(r.as_str())))
        .filter(|s| {
            signature
                .is_none_or(|sig| s["alerts"].as_array().into_iter().flatten().any(|a| a["series_signature"]["id"].as_i64() == Some(sig)))
        })
        .filter(|s| !hide_improvements || s["alerts"].as_array().into_iter().flatten().any(|a| a["is_regression"].as_bool() == Some(true)))
        .filter(|s| {
            text.as_ref().is_none_or(|t| {
                s["alerts"].as_array().into_iter().flatten().any(|a| {
                    let sig = &a["series_signature"];
                    format!("{} {} {}", sig["suite"], sig["test"], sig["machine_platform"]).to_lowercase().contains(t)
                }) || s["revision"].as_str().is_some_and(|r| r.starts_with(t.as_str()))
            })
        })
        .collect();

    let size = page_size(&params);
    let pages = matching.len().div_ceil(size).max(1);
    let page = match params.get("page") {
        None => 1,
        Some(p) => parse_python_int(p).filter(|n| *n >= 1).map(|n| n as usize).ok_or_else(|| ApiError::not_found("Invalid page."))?,
    };
    if page > pages {
        return Err(ApiError::not_found("Invalid page."));
    }
    let url = request_url(&headers, "/api/performance/alertsummary/", q.as_deref());
    let link = |p: usize| {
        let mut params = Params::parse(url.split_once('?').map(|(_, q)| q));
        params.0.retain(|(k, _)| k != "page");
        if p > 1 {
            params.0.push(("page".into(), p.to_string()));
        }
        params.0.sort_by(|a, b| a.0.cmp(&b.0));
        let q: String = form_urlencoded::Serializer::new(String::new()).extend_pairs(&params.0).finish();
        let base = url.split('?').next().unwrap_or_default();
        if q.is_empty() {
            base.to_string()
        } else {
            format!("{base}?{q}")
        }
    };
    let results: Vec<Value> = matching.iter().skip((page - 1) * size).take(size).map(|v| (*v).clone()).collect();
    ok(json!({
        "count": matching.len(),
        "next": (page < pages).then(|| link(page + 1)),
        "previous": (page > 1).then(|| link(page - 1)),
        "results": results,
    }))
}

pub async fn summary(State(app): State<Shared>, Path(id): Path<String>) -> ApiResult {
    let id = parse_id(&id, "alert summary")?;
    let store = app.store();
    let found = store.alert_summaries.iter().find(|s| s["id"].as_i64() == Some(id)).cloned();
    found.map_or_else(|| Err(ApiError::not_found("No PerformanceAlertSummary matches the given query.")), ok)
}

/// `/api/performance/alert/`: newest first, cursor pagination (offset cursors).
pub async fn alerts(State(app): State<Shared>, RawQuery(q): RawQuery, headers: HeaderMap) -> ApiResult {
    let params = Params::parse(q.as_deref());
    let id = number(&params, "id")?;
    let offset = match params.get("cursor") {
        None => 0,
        Some(c) => decode_cursor(c).ok_or_else(|| ApiError::not_found("Invalid cursor"))?,
    };
    let store = app.store();
    let mut matching: Vec<&Value> = store.alerts.iter().filter(|a| id.is_none_or(|v| a["id"].as_i64() == Some(v))).collect();
    matching.sort_by_key(|a| std::cmp::Reverse(a["id"].as_i64()));
    let size = page_size(&params);
    let url = request_url(&headers, "/api/performance/alert/", q.as_deref());
    let with_cursor = |o: usize| {
        let base = url.split('?').next().unwrap_or_default();
        let mut params = Params::parse(url.split_once('?').map(|(_, q)| q));
        params.0.retain(|(k, _)| k != "cursor");
        if o > 0 {
            params.0.push(("cursor".into(), encode_cursor(o)));
        }
        let q: String = form_urlencoded::Serializer::new(String::new()).extend_pairs(&params.0).finish();
        if q.is_empty() {
            base.to_string()
        } else {
            format!("{base}?{q}")
        }
    };
    let results: Vec<Value> = matching.iter().skip(offset).take(size).map(|v| (*v).clone()).collect();
    ok(json!({
        "next": (offset + size < matching.len()).then(|| with_cursor(offset + size)),
        "previous": (offset > 0).then(|| with_cursor(offset.saturating_sub(size))),
        "results": results,
    }))
}

pub async fn alert(State(app): State<Shared>, Path(id): Path<String>) -> ApiResult {
    let id = parse_id(&id, "alert")?;
    let store = app.store();
    let found = store.alerts.iter().find(|s| s["id"].as_i64() == Some(id)).cloned();
    found.map_or_else(|| Err(ApiError::not_found("No PerformanceAlert matches the given query.")), ok)
}

fn encode_cursor(offset: usize) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE.encode(format!("o={offset}"))
}

fn decode_cursor(cursor: &str) -> Option<usize> {
    use base64::Engine;
    let raw = base64::engine::general_purpose::URL_SAFE.decode(cursor).ok()?;
    String::from_utf8(raw).ok()?.strip_prefix("o=")?.parse().ok()
}
