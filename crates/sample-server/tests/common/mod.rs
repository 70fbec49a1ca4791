//! Requests against the router, without a socket.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use sample_server::{build_state, router, Options, Shared};
use serde_json::Value;
use tower::ServiceExt;

pub struct Api {
    pub app: Router,
    pub state: Shared,
}

impl Api {
    pub fn new() -> Self {
        Self::with(Options::default())
    }

    pub fn with(options: Options) -> Self {
        let state = build_state(&options);
        Api { app: router(state.clone(), options.dist.clone(), &options.app_server, None), state }
    }

    pub async fn request(&self, request: Request<Body>) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
        let response = self.app.clone().oneshot(request).await.expect("infallible");
        let status = response.status();
        let headers = response.headers().clone();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.expect("body").to_vec();
        (status, headers, body)
    }

    /// GET with a browser-like User-Agent; the body as JSON.
    pub async fn get(&self, url: &str) -> (StatusCode, Value) {
        let request = Request::get(url)
            .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) tests")
            .header("Host", "127.0.0.1:8000")
            .body(Body::empty())
            .expect("request");
        let (status, _, body) = self.request(request).await;
        (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
    }

    pub async fn post(&self, url: &str) -> (StatusCode, Value) {
        let request = Request::post(url).body(Body::empty()).expect("request");
        let (status, _, body) = self.request(request).await;
        (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
    }
}
