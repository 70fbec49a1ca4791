//! Fault injection for tests of error handling: make the next N requests to a path fail the way
//! real servers and networks fail. Controlled through `/__sample/faults` (not Treeherder API).

use std::sync::Mutex;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{RawQuery, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::json;

use crate::api::error::{ok, ApiError, ApiResult};
use crate::api::params::{parse_python_int, Params};
use crate::api::Shared;

/// How a request fails.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultMode {
    /// An HTTP error with the body a real deployment gives for it.
    Status(u16),
    /// The normal answer, late.
    Slow,
    /// The connection drops before an answer.
    Reset,
    /// The body stops halfway.
    Truncated,
    /// 200 with a body that is not JSON.
    Malformed,
    /// 200 with JSON of another shape.
    WrongShape,
    /// The normal answer padded to `size` bytes.
    Huge,
    /// The normal answer without `Access-Control-Allow-Origin` (browsers refuse to read it).
    NoCors,
}

impl FaultMode {
    pub fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "slow" => FaultMode::Slow,
            "reset" => FaultMode::Reset,
            "truncated" => FaultMode::Truncated,
            "malformed" => FaultMode::Malformed,
            "wrong_shape" | "wrong-shape" => FaultMode::WrongShape,
            "huge" => FaultMode::Huge,
            "no_cors" | "no-cors" => FaultMode::NoCors,
            code => {
                let status: u16 = code.parse().ok()?;
                if !(400..=599).contains(&status) {
                    return None;
                }
                FaultMode::Status(status)
            }
        })
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Fault {
    pub mode: FaultMode,
    /// Requests whose path starts with this, or is exactly this when it ends with `$` (and whose
    /// query contains `query`, if set).
    pub path: String,
    pub query: Option<String>,
    /// How many more requests it affects; `None`: until cleared.
    pub remaining: Option<u32>,
    pub retry_after: Option<u64>,
    pub delay_ms: u64,
    pub size: usize,
}

#[derive(Default)]
pub struct Faults(Mutex<Vec<Fault>>);

impl Faults {
    /// The fault for this request, if any (consuming one of its uses).
    fn take(&self, path: &str, query: &str) -> Option<Fault> {
        let mut faults = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let index = faults.iter().position(|f| {
            // `path=/api/x/$` matches that path only; otherwise any path under it.
            let path_matches = match f.path.strip_suffix('$') {
                Some(exact) => path == exact,
                None => path.starts_with(&f.path),
            };
            path_matches && f.query.as_ref().is_none_or(|q| query.contains(q.as_str()))
        })?;
        let fault = faults[index].clone();
        if let Some(n) = &mut faults[index].remaining {
            *n -= 1;
            if *n == 0 {
                faults.remove(index);
            }
        }
        Some(fault)
    }
}

/// Marks a response that must not get CORS headers.
#[derive(Clone, Copy)]
pub struct WithoutCors;

pub async fn inject(State(app): State<Shared>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    // Any path but the control endpoints: the API, and the app's own files (a chunk that fails
    // to download).
    if path.starts_with("/__sample") {
        return next.run(request).await;
    }
    let query = request.uri().query().unwrap_or("").to_string();
    let Some(fault) = app.faults.take(&path, &query) else { return next.run(request).await };
    log::info!("injecting {:?} into {path}?{query}", fault.mode);
    match fault.mode {
        FaultMode::Status(status) => status_response(status, fault.retry_after),
        FaultMode::Slow => {
            tokio::time::sleep(Duration::from_millis(fault.delay_ms)).await;
            next.run(request).await
        }
        FaultMode::Reset => {
            // A body that fails at once: the connection closes without a complete answer.
            let failing = futures_util::stream::once(async {
                Err::<axum::body::Bytes, std::io::Error>(std::io::Error::new(std::io::ErrorKind::ConnectionReset, "injected reset"))
            });
            Response::builder()
                .status(StatusCode::OK)
                .header(header::CONTENT_LENGTH, "100")
                .body(Body::from_stream(failing))
                .unwrap_or_default()
        }
        FaultMode::Truncated => {
            let response = next.run(request).await;
            let (parts, body) = response.into_parts();
            let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap_or_default();
            let half = bytes.slice(..bytes.len() / 2);
            // The half is sent, and a moment later the connection drops: had both come at once,
            // the server could drop it before the headers left, which is a reset, not a cut.
            let cut = async {
                tokio::time::sleep(Duration::from_millis(150)).await;
                Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "injected truncation"))
            };
            let stream = futures_util::StreamExt::chain(futures_util::stream::once(async { Ok(half) }), futures_util::stream::once(cut));
            let mut response = Response::from_parts(parts, Body::from_stream(stream));
            response.headers_mut().insert(header::CONTENT_LENGTH, HeaderValue::from(bytes.len()));
            response
        }
        FaultMode::Malformed => ([(header::CONTENT_TYPE, "application/json")], "{\"results\": [1, 2, ").into_response(),
        FaultMode::WrongShape => axum::Json(json!({"results": "not a list", "unexpected": {"shape": true}})).into_response(),
        FaultMode::Huge => {
            let response = next.run(request).await;
            let (parts, body) = response.into_parts();
            let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap_or_default();
            let padded = match serde_json::from_slice::<serde_json::Value>(&bytes) {
                Ok(serde_json::Value::Object(mut map)) => {
                    map.insert("padding".into(), json!("x".repeat(fault.size)));
                    serde_json::to_vec(&map).unwrap_or_default()
                }
                Ok(serde_json::Value::Array(mut items)) => {
                    // Repeat the list until it reaches the size.
                    let one = serde_json::to_vec(&items).unwrap_or_default().len().max(2);
                    let copies = fault.size / one + 1;
                    let original = items.clone();
                    for _ in 0..copies.min(100_000) {
                        items.extend(original.iter().cloned());
                    }
                    serde_json::to_vec(&items).unwrap_or_default()
                }
                _ => bytes.to_vec(),
            };
            let mut response = Response::from_parts(parts, Body::from(padded));
            response.headers_mut().remove(header::CONTENT_LENGTH);
            response
        }
        FaultMode::NoCors => {
            let mut response = next.run(request).await;
            response.extensions_mut().insert(WithoutCors);
            response
        }
    }
}

/// The answer a deployment gives for each status: DRF JSON for the API's own errors, HTML from
/// Django or the load balancer for 500/502/503.
fn status_response(status: u16, retry_after: Option<u64>) -> Response {
    let code = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = match status {
        400 => ApiError::bad_request("Bad request (injected fault)").into_response(),
        401 => ApiError::detail(code, "Authentication credentials were not provided.").into_response(),
        403 => ApiError::detail(code, "You do not have permission to perform this action.").into_response(),
        404 => ApiError::not_found("Not found.").into_response(),
        429 => ApiError::detail(code, format!("Request was throttled. Expected available in {} seconds.", retry_after.unwrap_or(60)))
            .into_response(),
        500 => (code, [(header::CONTENT_TYPE, "text/html")], "<h1>Server Error (500)</h1>").into_response(),
        502 => (code, [(header::CONTENT_TYPE, "text/html")], "<html><body><h1>502 Bad Gateway</h1></body></html>").into_response(),
        503 => (code, [(header::CONTENT_TYPE, "text/html")], "<html><body><h1>503 Service Unavailable</h1></body></html>").into_response(),
        _ => ApiError::detail(code, format!("Injected HTTP {status}")).into_response(),
    };
    if let Some(secs) = retry_after.or((status == 429).then_some(60)) {
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    response
}

/// `POST /__sample/faults?mode=429&path=/api/jobs/&times=1&retry_after=7&delay_ms=3000&size=…`
pub async fn add(State(app): State<Shared>, RawQuery(q): RawQuery) -> ApiResult {
    let params = Params::parse(q.as_deref());
    let mode = params.get("mode").and_then(FaultMode::parse).ok_or_else(|| {
        ApiError::bad_request("mode must be an HTTP status 400-599 or slow, reset, truncated, malformed, wrong_shape, huge, no_cors")
    })?;
    let number = |key: &str| {
        params
            .get(key)
            .map(|v| {
                parse_python_int(v)
                    .filter(|n| *n >= 0)
                    .ok_or_else(|| ApiError::bad_request(format!("{key} must be a non-negative integer")))
            })
            .transpose()
    };
    let fault = Fault {
        mode,
        path: params.get("path").unwrap_or("/api/").to_string(),
        query: params.get("query").map(str::to_string),
        remaining: number("times")?.map(|n| n as u32).filter(|n| *n > 0),
        retry_after: number("retry_after")?.map(|n| n as u64),
        delay_ms: number("delay_ms")?.unwrap_or(5000) as u64,
        size: number("size")?.unwrap_or(20_000_000) as usize,
    };
    let body = serde_json::to_value(&fault).unwrap_or_default();
    app.faults.0.lock().unwrap_or_else(|e| e.into_inner()).push(fault);
    ok(body)
}

/// `DELETE /__sample/faults`: every fault cleared.
pub async fn clear(State(app): State<Shared>) -> ApiResult {
    app.faults.0.lock().unwrap_or_else(|e| e.into_inner()).clear();
    ok(json!({ "cleared": true }))
}
