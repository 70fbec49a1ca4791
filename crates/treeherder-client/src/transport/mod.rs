//! How requests reach the server: a small trait, with a browser implementation (gloo-net, the
//! `fetch` API) on wasm32 and a native one (reqwest) behind the `native` feature. Tests plug in
//! their own to replay recorded responses.

use std::time::Duration;

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
pub use browser::{sleep_ms, BrowserTransport};

#[cfg(all(feature = "native", not(target_arch = "wasm32")))]
mod native;
#[cfg(all(feature = "native", not(target_arch = "wasm32")))]
pub use native::NativeTransport;

/// One HTTP request, fully prepared by the client (URL with query, headers, body).
#[derive(Clone, Debug, PartialEq)]
pub struct HttpRequest {
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<Vec<u8>>,
    pub timeout: Duration,
}

/// One HTTP answer, whatever its status.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// A header's value, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Why no HTTP answer came back.
#[derive(Clone, Debug, PartialEq)]
pub enum TransportError {
    Timeout,
    Network(String),
}

/// Sends one request. Implementations must not follow the status: a 404 is an `Ok` response.
#[allow(async_fn_in_trait)] // used single-threaded in the browser; no Send bound wanted
pub trait Transport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError>;

    /// Browsers forbid pages to set `User-Agent`; native transports send ours.
    fn can_set_user_agent(&self) -> bool;
}

impl<T: Transport + ?Sized> Transport for std::rc::Rc<T> {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        (**self).send(request).await
    }
    fn can_set_user_agent(&self) -> bool {
        (**self).can_set_user_agent()
    }
}

/// The transport `TreeherderClient::new` uses on this platform.
#[cfg(target_arch = "wasm32")]
pub type DefaultTransport = BrowserTransport;
#[cfg(all(feature = "native", not(target_arch = "wasm32")))]
pub type DefaultTransport = NativeTransport;

/// Without `native`, a native build has no way to send: the client type still exists (for
/// replaying transports in tests), but `TreeherderClient::new` does not.
#[cfg(all(not(feature = "native"), not(target_arch = "wasm32")))]
pub type DefaultTransport = NoTransport;

/// Placeholder default transport of native builds without the `native` feature.
#[cfg(all(not(feature = "native"), not(target_arch = "wasm32")))]
#[derive(Clone, Copy, Debug, Default)]
pub struct NoTransport;

#[cfg(all(not(feature = "native"), not(target_arch = "wasm32")))]
impl Transport for NoTransport {
    async fn send(&self, _request: HttpRequest) -> Result<HttpResponse, TransportError> {
        Err(TransportError::Network("built without a transport: enable the `native` feature".into()))
    }
    fn can_set_user_agent(&self) -> bool {
        false
    }
}
