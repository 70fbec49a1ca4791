//! Raw logs, streamed: a job's `live_backing_log` (job-log-url) is a text file on Taskcluster,
//! CORS-open and often gzip-encoded (the browser or reqwest decodes it), of up to tens of MB.
//! Each piece goes to the caller as it arrives, so the first screen can show before the rest
//! has come, and the caller can stop the download (the user left).

#[cfg(any(target_arch = "wasm32", feature = "native"))]
use crate::error::{extract_detail, truncate_body};
use crate::error::{Error, ErrorKind};

/// How much has arrived.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Received {
    pub bytes: u64,
    /// The size the server announced, when it is the size of what arrives (not the compressed
    /// size of a gzip-encoded body, which is dropped once more than it has arrived).
    pub total: Option<u64>,
}

// Only the transports use these; a build with neither (the sample server's) has no `imp` that does.
#[cfg(any(target_arch = "wasm32", feature = "native"))]
impl Received {
    fn add(&mut self, bytes: usize) {
        self.bytes += bytes as u64;
        if self.total.is_some_and(|t| self.bytes > t) {
            self.total = None;
        }
    }
}

/// Downloads `url`, handing each piece to `on_chunk`; it returns `false` to stop (the download
/// is cancelled and this returns what had come). An HTTP error status (an expired log: 404) is
/// `ErrorKind::Http`; a body that stops early is `ErrorKind::Incomplete`, after every piece
/// that did arrive was handed over.
pub async fn stream_raw_log(url: &str, on_chunk: &mut dyn FnMut(&[u8], Received) -> bool) -> Result<Received, Error> {
    imp::stream(url, on_chunk).await
}

#[cfg(any(target_arch = "wasm32", feature = "native"))]
fn http_error(url: &str, status: u16, body: &[u8]) -> Error {
    let kind = ErrorKind::Http { status, detail: extract_detail(body), body: truncate_body(body, 500), retry_after: None };
    Error::new(kind, "GET", url)
}

#[cfg(any(target_arch = "wasm32", feature = "native"))]
fn incomplete(url: &str, received: Received, expected: Option<u64>, message: String) -> Error {
    Error::new(ErrorKind::Incomplete { received: received.bytes, expected, message }, "GET", url)
}

fn network(url: &str, message: String) -> Error {
    Error::new(ErrorKind::Network { message }, "GET", url)
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::{http_error, incomplete, network, Received};
    use crate::error::Error;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    fn message(value: &JsValue) -> String {
        value
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| value.as_string())
            .unwrap_or_else(|| format!("{value:?}"))
    }

    pub async fn stream(url: &str, on_chunk: &mut dyn FnMut(&[u8], Received) -> bool) -> Result<Received, Error> {
        let window = web_sys::window().ok_or_else(|| network(url, "no window".into()))?;
        let controller = web_sys::AbortController::new().map_err(|e| network(url, message(&e)))?;
        let init = web_sys::RequestInit::new();
        init.set_signal(Some(&controller.signal()));
        let answer = JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.map_err(|e| network(url, message(&e)))?;
        let response: web_sys::Response = answer.dyn_into().map_err(|e| network(url, message(&e)))?;
        let status = response.status();
        if !response.ok() {
            let text = match response.text() {
                Ok(promise) => JsFuture::from(promise).await.ok().and_then(|t| t.as_string()).unwrap_or_default(),
                Err(_) => String::new(),
            };
            return Err(http_error(url, status, text.as_bytes()));
        }
        let announced = response.headers().get("content-length").ok().flatten().and_then(|v| v.trim().parse::<u64>().ok());
        let mut received = Received { bytes: 0, total: announced };
        let Some(body) = response.body() else { return Ok(received) };
        let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
        loop {
            let step = JsFuture::from(reader.read()).await.map_err(|e| incomplete(url, received, announced, message(&e)))?;
            let done = js_sys::Reflect::get(&step, &JsValue::from_str("done")).ok().and_then(|d| d.as_bool()).unwrap_or(true);
            if done {
                return Ok(received);
            }
            let value = js_sys::Reflect::get(&step, &JsValue::from_str("value")).unwrap_or(JsValue::UNDEFINED);
            let chunk = js_sys::Uint8Array::new(&value).to_vec();
            received.add(chunk.len());
            if !on_chunk(&chunk, received) {
                let _ = reader.cancel();
                controller.abort();
                return Ok(received);
            }
        }
    }
}

#[cfg(all(feature = "native", not(target_arch = "wasm32")))]
mod imp {
    use super::{http_error, incomplete, network, Received};
    use crate::error::Error;

    pub async fn stream(url: &str, on_chunk: &mut dyn FnMut(&[u8], Received) -> bool) -> Result<Received, Error> {
        let http = reqwest::Client::new();
        let mut response = http.get(url).header("User-Agent", crate::USER_AGENT).send().await.map_err(|e| network(url, e.to_string()))?;
        let status = response.status().as_u16();
        if status >= 400 {
            let body = response.bytes().await.unwrap_or_default();
            return Err(http_error(url, status, &body));
        }
        let announced = response.content_length();
        let mut received = Received { bytes: 0, total: announced };
        loop {
            match response.chunk().await {
                Ok(Some(chunk)) => {
                    received.add(chunk.len());
                    if !on_chunk(&chunk, received) {
                        return Ok(received);
                    }
                }
                Ok(None) => return Ok(received),
                Err(e) => return Err(incomplete(url, received, announced, e.to_string())),
            }
        }
    }
}

#[cfg(not(any(target_arch = "wasm32", feature = "native")))]
mod imp {
    use super::{network, Received};
    use crate::error::Error;

    /// Without a transport (no `native` feature, not in a browser) there is nothing to fetch with.
    pub async fn stream(url: &str, _: &mut dyn FnMut(&[u8], Received) -> bool) -> Result<Received, Error> {
        Err(network(url, "this build has no HTTP transport (enable the `native` feature)".into()))
    }
}
