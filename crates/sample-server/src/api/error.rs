//! Error answers in the shapes Treeherder (Django REST Framework) gives them.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

/// A non-2xx answer: status and JSON body.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub body: Value,
}

impl ApiError {
    /// DRF's usual shape: `{"detail": "…"}`.
    pub fn detail(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError { status, body: json!({ "detail": message.into() }) }
    }

    /// A bare JSON string, as several Treeherder views answer (`"No job with id: 5"`).
    pub fn bare(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError { status, body: Value::String(message.into()) }
    }

    /// A serializer's field errors: `{"field": ["message"]}`.
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        ApiError { status: StatusCode::BAD_REQUEST, body: json!({ field: [message.into()] }) }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::detail(StatusCode::BAD_REQUEST, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::detail(StatusCode::NOT_FOUND, message)
    }

    /// `No project with name foo`, Treeherder's answer for an unknown repository.
    pub fn no_project(name: &str) -> Self {
        Self::not_found(format!("No project with name {name}"))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, axum::Json(self.body)).into_response()
    }
}

pub type ApiResult = Result<Response, ApiError>;

/// A 200 JSON answer.
pub fn ok(value: Value) -> ApiResult {
    Ok(axum::Json(value).into_response())
}
