//! The native transport: reqwest (rustls) with per-request timeouts.

use super::{HttpRequest, HttpResponse, Transport, TransportError};

/// reqwest over rustls; sends our `User-Agent` (Treeherder answers 403 to default scripting ones).
#[derive(Clone, Debug)]
pub struct NativeTransport {
    http: reqwest::Client,
}

impl Default for NativeTransport {
    fn default() -> Self {
        NativeTransport { http: reqwest::Client::new() }
    }
}

impl Transport for NativeTransport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let method = reqwest::Method::from_bytes(request.method.as_bytes()).map_err(|e| TransportError::Network(e.to_string()))?;
        let mut builder = self.http.request(method, &request.url).timeout(request.timeout);
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        if let Some(body) = request.body {
            builder = builder.body(body);
        }
        let classify = |e: reqwest::Error| {
            if e.is_timeout() {
                TransportError::Timeout
            } else {
                // The innermost cause says most ("connection refused", "reset by peer").
                let mut message = e.to_string();
                let mut source = std::error::Error::source(&e);
                while let Some(cause) = source {
                    message = cause.to_string();
                    source = cause.source();
                }
                TransportError::Network(message)
            }
        };
        let response = builder.send().await.map_err(classify)?;
        let status = response.status().as_u16();
        let headers =
            response.headers().iter().map(|(k, v)| (k.as_str().to_string(), String::from_utf8_lossy(v.as_bytes()).into_owned())).collect();
        let body = response.bytes().await.map_err(classify)?.to_vec();
        Ok(HttpResponse { status, headers, body })
    }

    fn can_set_user_agent(&self) -> bool {
        true
    }
}
