//! The browser transport: `fetch` through gloo-net, with an `AbortController` for timeouts.

use super::{HttpRequest, HttpResponse, Transport, TransportError};
use futures::future::{select, Either};
use gloo_net::http::{Method, RequestBuilder};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// `fetch`, as the page's origin: CORS applies, `User-Agent` cannot be set, and only
/// CORS-exposed response headers are visible.
#[derive(Clone, Copy, Debug, Default)]
pub struct BrowserTransport;

impl Transport for BrowserTransport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let controller = web_sys::AbortController::new().map_err(|e| TransportError::Network(js_message(&e)))?;
        let method = request.method.parse::<Method>().unwrap_or(Method::GET);
        let mut builder = RequestBuilder::new(&request.url).method(method).abort_signal(Some(&controller.signal()));
        for (name, value) in &request.headers {
            // Forbidden header names: the browser would reject the whole request.
            if !name.eq_ignore_ascii_case("user-agent") {
                builder = builder.header(name, value);
            }
        }
        let built = match &request.body {
            Some(body) => builder.body(js_sys::Uint8Array::from(body.as_slice())),
            None => builder.build(),
        }
        .map_err(|e| TransportError::Network(e.to_string()))?;

        let exchange = Box::pin(async move {
            let response = built.send().await.map_err(|e| TransportError::Network(e.to_string()))?;
            let status = response.status();
            let headers = response.headers().entries().collect();
            let body = response.binary().await.map_err(|e| TransportError::Network(e.to_string()))?;
            Ok(HttpResponse { status, headers, body })
        });
        let timeout_ms = request.timeout.as_millis().min(i32::MAX as u128) as i32;
        match select(exchange, Box::pin(sleep_ms(timeout_ms))).await {
            Either::Left((result, _)) => result,
            Either::Right(((), _)) => {
                controller.abort();
                Err(TransportError::Timeout)
            }
        }
    }

    fn can_set_user_agent(&self) -> bool {
        false
    }
}

/// Resolves after `ms` milliseconds (a `setTimeout` promise).
pub async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let global = js_sys::global();
        let set_timeout =
            js_sys::Reflect::get(&global, &JsValue::from_str("setTimeout")).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let Some(set_timeout) = set_timeout {
            let _ = set_timeout.call2(&global, &resolve, &JsValue::from(ms));
        }
    });
    let _ = JsFuture::from(promise).await;
}

fn js_message(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
