//! Data before code: the boot script starts a view's first API requests while the wasm is still
//! downloading (`__treeherderExplorerPrefetch`, a `Map` from URL to the `fetch` promise). The
//! app's transport takes such an answer instead of asking again, once, for a GET of exactly that
//! URL; anything else (or a prefetch that failed) goes out as usual. Nothing else changes: the
//! client decodes and checks the answer as it would any other.

use treeherder_client::transport::{BrowserTransport, HttpRequest, HttpResponse, Transport, TransportError};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const PREFETCH_MAP: &str = "__treeherderExplorerPrefetch";

/// `fetch`, reusing the boot script's answers.
#[derive(Clone, Copy, Debug, Default)]
pub struct PrefetchingTransport(BrowserTransport);

/// The boot script's promise for `url`, removed from its map (an answer is used once).
fn take(url: &str) -> Option<js_sys::Promise> {
    let map = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(PREFETCH_MAP)).ok()?;
    let map = map.dyn_into::<js_sys::Map>().ok()?;
    let key = JsValue::from_str(url);
    let promise = map.get(&key).dyn_into::<js_sys::Promise>().ok()?;
    map.delete(&key);
    Some(promise)
}

/// The boot script's answer for `url`, if it asked for it (used once).
pub async fn take_answer(url: &str) -> Option<HttpResponse> {
    answer(take(url)?).await
}

async fn answer(promise: js_sys::Promise) -> Option<HttpResponse> {
    let response = JsFuture::from(promise).await.ok()?.dyn_into::<web_sys::Response>().ok()?;
    let response = gloo_net::http::Response::from(response);
    let status = response.status();
    let headers = response.headers().entries().collect();
    let body = response.binary().await.ok()?;
    Some(HttpResponse { status, headers, body })
}

impl Transport for PrefetchingTransport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        if request.method == "GET" && request.body.is_none() {
            if let Some(promise) = take(&request.url) {
                let timeout_ms = request.timeout.as_millis().min(i32::MAX as u128) as i32;
                let waited =
                    futures::future::select(Box::pin(answer(promise)), Box::pin(treeherder_client::transport::sleep_ms(timeout_ms))).await;
                if let futures::future::Either::Left((Some(response), _)) = waited {
                    return Ok(response);
                }
                // The prefetch failed or hangs: ask again, with the client's own error handling.
            }
        }
        self.0.send(request).await
    }

    fn can_set_user_agent(&self) -> bool {
        false
    }
}
