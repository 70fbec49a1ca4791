//! What Treeherder does to every `/api/` request before a view sees it: CORS for any origin,
//! 403 for default scripting User-Agents, API version negotiation.

use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::api::error::ApiError;

/// User-Agent prefixes Treeherder refuses (docs/accessing_data.md, bug 1230222).
pub const BLOCKED_USER_AGENTS: [&str; 4] = ["python-requests/", "Go-http-client/", "Python-urllib/", "libcurl/"];

/// Versions of `Accept: application/json; version=…` the API serves.
const ALLOWED_VERSIONS: [&str; 2] = ["1.0", "1.1"];

pub fn is_blocked_user_agent(agent: &str) -> bool {
    BLOCKED_USER_AGENTS.iter().any(|prefix| agent.starts_with(prefix))
}

pub async fn api_policy(request: Request, next: Next) -> Response {
    if request.uri().path().starts_with("/__sample/") {
        // Test controls are called from test pages on other origins too.
        let preflight = request.method() == Method::OPTIONS;
        return with_cors(if preflight { StatusCode::OK.into_response() } else { next.run(request).await }, preflight);
    }
    if request.uri().path().starts_with("/logs/") {
        // Logs are CORS-open, as Taskcluster serves them, unless a fault takes the header away.
        let response = next.run(request).await;
        if response.extensions().get::<crate::faults::WithoutCors>().is_some() {
            return response;
        }
        return with_cors(response, false);
    }
    if !request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    if request.method() == Method::OPTIONS {
        return with_cors(StatusCode::OK.into_response(), true);
    }
    let agent = request.headers().get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("");
    if is_blocked_user_agent(agent) {
        let refused = ApiError::detail(
            StatusCode::FORBIDDEN,
            format!(
                "The User-Agent {agent:?} is blocked: Treeherder refuses default scripting User-Agents; \
                 set one that names your tool and a contact (see docs/accessing_data.md)"
            ),
        );
        return with_cors(refused.into_response(), false);
    }
    if let Some(version) = crate::api::requested_version(request.headers()) {
        if !ALLOWED_VERSIONS.contains(&version.as_str()) {
            let refused = ApiError::detail(StatusCode::NOT_ACCEPTABLE, "Invalid version in \"Accept\" header.");
            return with_cors(refused.into_response(), false);
        }
    }
    let response = next.run(request).await;
    if response.extensions().get::<crate::faults::WithoutCors>().is_some() {
        return response;
    }
    with_cors(response, false)
}

/// Treeherder allows any origin on `/api/` (django-cors-headers, `CORS_ORIGIN_ALLOW_ALL`).
/// Unlike Treeherder, the sample also exposes the headers a browser client needs to see for
/// rate limits and Hawk (`Retry-After`, `Date`, `WWW-Authenticate`), so that path can be tested.
pub fn with_cors(mut response: Response, preflight: bool) -> Response {
    let h = response.headers_mut();
    h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    h.insert(header::ACCESS_CONTROL_EXPOSE_HEADERS, HeaderValue::from_static("Retry-After, Date, WWW-Authenticate, Server-Authorization"));
    if preflight {
        h.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("DELETE, GET, OPTIONS, PATCH, POST, PUT"));
        h.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            HeaderValue::from_static("accept, authorization, content-type, user-agent, x-csrftoken, x-requested-with"),
        );
        h.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("86400"));
    }
    response
}
