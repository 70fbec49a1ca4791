//! API answers gzipped on the fly when asked (`--compress-api`), as Treeherder's own server
//! does, for the bench's real-line runs. (The app's files are served from the build's
//! precompressed copies by `static_files`, through tower-http's `ServeFile`.) Answers that are
//! not whole (ranges, streamed faults) or already encoded pass as they are.

use std::io::Write;

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

/// Whether the request's `Accept-Encoding` offers `name` (and does not refuse it with `q=0`).
fn accepts(request: &Request, name: &str) -> bool {
    let Some(accept) = request.headers().get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok()) else { return false };
    accept.to_ascii_lowercase().split(',').any(|part| {
        let mut pieces = part.split(';');
        pieces.next().is_some_and(|e| e.trim() == name) && !pieces.any(|p| p.trim().replace(' ', "") == "q=0")
    })
}

/// The middleware.
pub async fn gzip_api(request: Request, next: Next) -> Response {
    let wanted = request.uri().path().starts_with("/api/") && accepts(&request, "gzip") && !request.headers().contains_key(header::RANGE);
    let response = next.run(request).await;
    let json = response.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|k| k.contains("json"));
    if !wanted || !json || response.status() != StatusCode::OK || response.headers().contains_key(header::CONTENT_ENCODING) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(&bytes);
    let out = encoder.finish().unwrap_or_default();
    parts.headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    parts.headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    parts.headers.insert(header::CONTENT_LENGTH, HeaderValue::from(out.len()));
    Response::from_parts(parts, Body::from(out))
}
