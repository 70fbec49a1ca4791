//! The client: which server, how long to wait, how to send, how to read answers.

use std::time::Duration;

use serde::de::DeserializeOwned;

use crate::error::{extract_detail, truncate_body, Error, ErrorKind};
use crate::query::Query;
use crate::server::ServerUrl;
use crate::transport::{HttpRequest, HttpResponse, Transport, TransportError};

/// `Accept` header Treeherder's own clients send: the API version the models here follow.
pub const ACCEPT: &str = "application/json; version=1.1";
/// `User-Agent` sent where the platform allows it (not in browsers).
pub const USER_AGENT: &str = concat!("treeherder-explorer/", env!("CARGO_PKG_VERSION"));
/// Default per-request timeout.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// A client of one Treeherder server, mirroring Python's `thclient.TreeherderClient`.
///
/// ```no_run
/// # async fn demo() -> Result<(), treeherder_client::Error> {
/// use treeherder_client::TreeherderClient;
/// let client = TreeherderClient::new(); // https://treeherder.mozilla.org
/// let repositories = client.repositories().await?;
/// println!("{} repositories", repositories.len());
/// let stage = TreeherderClient::with_server("https://treeherder.allizom.org/")?;
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct TreeherderClient<T: Transport = crate::transport::DefaultTransport> {
    pub(crate) server: ServerUrl,
    pub(crate) transport: T,
    pub(crate) timeout: Duration,
}

#[cfg(any(target_arch = "wasm32", feature = "native"))]
impl TreeherderClient {
    /// A client of production Treeherder, `https://treeherder.mozilla.org`.
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        TreeherderClient::with_transport(ServerUrl::production(), Default::default())
    }

    /// A client of any Treeherder: stage, `http://localhost:8000`, a sub-path deployment…
    pub fn with_server(server_url: &str) -> Result<Self, Error> {
        Ok(TreeherderClient::with_transport(ServerUrl::parse(server_url)?, Default::default()))
    }
}

impl<T: Transport> TreeherderClient<T> {
    /// A client over any transport (tests replay recorded responses this way).
    pub fn with_transport(server: ServerUrl, transport: T) -> Self {
        TreeherderClient { server, transport, timeout: DEFAULT_TIMEOUT }
    }

    /// Sets the per-request timeout.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    pub fn server(&self) -> &ServerUrl {
        &self.server
    }

    pub fn transport(&self) -> &T {
        &self.transport
    }

    /// The absolute URL of an API path with its query.
    pub fn url(&self, path: &str, query: &Query) -> String {
        format!("{}{}", self.server.api_url(path), query.to_query_string())
    }

    /// The headers every request carries.
    pub(crate) fn base_headers(&self) -> Vec<(String, String)> {
        let mut headers = vec![("Accept".to_string(), ACCEPT.to_string())];
        if self.transport.can_set_user_agent() {
            headers.push(("User-Agent".to_string(), USER_AGENT.to_string()));
        }
        headers
    }

    /// Sends a request and returns the answer whatever its status (the explorer's try-it shows
    /// error answers as they are). Fails only when no answer came.
    pub async fn send(&self, request: HttpRequest) -> Result<HttpResponse, Error> {
        let (method, url) = (request.method.clone(), request.url.clone());
        self.transport.send(request).await.map_err(|e| {
            let kind = match e {
                TransportError::Timeout => {
                    ErrorKind::Timeout { after_ms: self.timeout.as_millis() as u64 }
                }
                TransportError::Network(message) => ErrorKind::Network { message },
            };
            log::warn!("{method} {url} failed: {kind:?}");
            Error::new(kind, &method, &url)
        })
    }

    /// GETs an API path and returns the 2xx answer, or the typed error for any other status.
    pub async fn get(&self, path: &str, query: &Query) -> Result<HttpResponse, Error> {
        let url = self.url(path, query);
        let request = HttpRequest {
            method: "GET".into(),
            url,
            headers: self.base_headers(),
            body: None,
            timeout: self.timeout,
        };
        let (method, url) = (request.method.clone(), request.url.clone());
        let response = self.send(request).await?;
        check_status(&method, &url, response)
    }

    /// GETs an API path and decodes its JSON into `R`.
    pub async fn get_json<R: DeserializeOwned>(&self, path: &str, query: &Query) -> Result<R, Error> {
        let url = self.url(path, query);
        let response = self.get(path, query).await?;
        decode_json("GET", &url, &response.body)
    }
}

/// Turns a non-2xx answer into the typed error, logging it with its body as thclient does.
pub(crate) fn check_status(method: &str, url: &str, response: HttpResponse) -> Result<HttpResponse, Error> {
    if (200..300).contains(&response.status) {
        return Ok(response);
    }
    let body = truncate_body(&response.body, 4096);
    log::error!("{method} {url} -> HTTP {}: {body}", response.status);
    let retry_after = response.header("Retry-After").and_then(|v| v.trim().parse::<u64>().ok());
    Err(Error::new(
        ErrorKind::Http { status: response.status, detail: extract_detail(&response.body), body, retry_after },
        method,
        url,
    ))
}

/// Decodes JSON, naming the path inside the document where it stopped matching `R`.
pub fn decode_json<R: DeserializeOwned>(method: &str, url: &str, body: &[u8]) -> Result<R, Error> {
    let mut de = serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        log::error!("{method} {url}: cannot decode at {path}: {inner}; body: {}", truncate_body(body, 1024));
        Error::new(ErrorKind::Decode { path, message: inner.to_string() }, method, url)
    })
}
