//! The client: which server, how long to wait, how to send, how to read answers, how to sign.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use serde::de::DeserializeOwned;

use crate::auth::{self, Credentials, RequestToSign};
use crate::clock::{self, ClockFn};
use crate::error::{extract_detail, truncate_body, Error, ErrorKind};
use crate::query::Query;
use crate::server::ServerUrl;
use crate::transport::{HttpRequest, HttpResponse, Transport, TransportError};

/// `Accept` header Treeherder's own clients send: the API version the models here follow.
pub const ACCEPT: &str = "application/json; version=1.1";
/// `User-Agent` sent where the platform allows it (not in browsers, which forbid it).
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
#[derive(Clone)]
pub struct TreeherderClient<T: Transport = crate::transport::DefaultTransport> {
    pub(crate) server: ServerUrl,
    pub(crate) transport: T,
    pub(crate) timeout: Duration,
    auth: Option<Arc<dyn HawkSigner>>,
    clock: ClockFn,
}

/// Credentials bound to the origin they were given for, and the clock offset learnt from it.
struct HawkAuth {
    credentials: Credentials,
    origin: String,
    offset_secs: AtomicI64,
}

/// What signing needs, behind a trait object made only by [`TreeherderClient::with_credentials`]:
/// a program that never signs (the app's views but the explorer) links none of Hawk, HMAC or
/// SHA-2.
trait HawkSigner: Send + Sync {
    fn auth(&self) -> &HawkAuth;
    fn sign(&self, request: &RequestToSign, ts: i64) -> Result<String, String>;
    fn verify_timestamp_mac(&self, ts: i64, tsm: &str) -> bool;
    fn parse_challenge(&self, header: &str) -> Option<HawkChallenge>;
}

impl HawkSigner for HawkAuth {
    fn auth(&self) -> &HawkAuth {
        self
    }
    fn sign(&self, request: &RequestToSign, ts: i64) -> Result<String, String> {
        auth::sign(&self.credentials, request, ts, &auth::random_nonce()).map(|s| s.authorization).map_err(|e| e.to_string())
    }
    fn verify_timestamp_mac(&self, ts: i64, tsm: &str) -> bool {
        auth::verify_timestamp_mac(self.credentials.expose_secret(), ts, tsm)
    }
    fn parse_challenge(&self, header: &str) -> Option<HawkChallenge> {
        auth::parse_challenge(header)
    }
}

impl<T: Transport + std::fmt::Debug> std::fmt::Debug for TreeherderClient<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TreeherderClient")
            .field("server", &self.server.as_str())
            .field("timeout", &self.timeout)
            .field("client_id", &self.auth.as_ref().map(|a| a.auth().credentials.client_id().to_string()))
            .finish()
    }
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
        TreeherderClient { server, transport, timeout: DEFAULT_TIMEOUT, auth: None, clock: clock::system_clock() }
    }

    /// Sets the per-request timeout.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Signs requests to this server with Hawk. The credentials are bound to this server's
    /// origin: requests to any other origin are never signed.
    ///
    /// ```no_run
    /// # fn demo() -> Result<(), Box<dyn std::error::Error>> {
    /// use treeherder_client::{Credentials, TreeherderClient};
    /// let client = TreeherderClient::with_server("http://localhost:8000")?
    ///     .with_credentials(Credentials::new("my-client-id", "my-secret")?);
    /// # Ok(()) }
    /// ```
    pub fn with_credentials(mut self, credentials: Credentials) -> Self {
        self.auth = Some(Arc::new(HawkAuth { credentials, origin: self.server.origin().to_string(), offset_secs: AtomicI64::new(0) }));
        self
    }

    /// Reads the time from `clock` (seconds since the epoch) instead of the system clock; tests
    /// use it to play a machine whose clock is wrong.
    pub fn with_clock(mut self, clock: impl Fn() -> f64 + Send + Sync + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    pub fn server(&self) -> &ServerUrl {
        &self.server
    }

    pub fn transport(&self) -> &T {
        &self.transport
    }

    pub fn credentials(&self) -> Option<&Credentials> {
        self.auth.as_ref().map(|a| &a.auth().credentials)
    }

    /// The correction (seconds) applied to Hawk timestamps for this server, learnt from its
    /// `WWW-Authenticate` challenge when our clock was off.
    pub fn clock_offset(&self) -> i64 {
        self.auth.as_ref().map_or(0, |a| a.auth().offset_secs.load(Ordering::Relaxed))
    }

    /// The absolute URL of an API path with its query.
    pub fn url(&self, path: &str, query: &Query) -> String {
        format!("{}{}", self.server.api_url(path), query.to_query_string())
    }

    /// The headers every request carries.
    pub fn base_headers(&self) -> Vec<(String, String)> {
        let mut headers = vec![("Accept".to_string(), ACCEPT.to_string())];
        if self.transport.can_set_user_agent() {
            headers.push(("User-Agent".to_string(), USER_AGENT.to_string()));
        }
        headers
    }

    /// Sends a prepared request and returns the answer whatever its status (the explorer's
    /// try-it shows error answers as they are). Fails only when no answer came.
    pub async fn send(&self, request: HttpRequest) -> Result<HttpResponse, Error> {
        let (method, url) = (request.method.clone(), request.url.clone());
        self.transport.send(request).await.map_err(|e| {
            let kind = match e {
                TransportError::Timeout => ErrorKind::Timeout { after_ms: self.timeout.as_millis() as u64 },
                TransportError::Network(message) => ErrorKind::Network { message },
            };
            log::warn!("{method} {url} failed: {kind:?}");
            Error::new(kind, &method, &url)
        })
    }

    /// Builds a request to `url`: our headers, and a Hawk signature when `sign` is set, the
    /// client has credentials and the URL is on their origin.
    pub fn prepare(&self, method: &str, url: &str, body: Option<(Vec<u8>, &str)>, sign: bool) -> Result<HttpRequest, Error> {
        let mut headers = self.base_headers();
        if let Some((_, content_type)) = &body {
            headers.push(("Content-Type".into(), content_type.to_string()));
        }
        if sign {
            if let Some(authorization) = self.authorization(method, url, body.as_ref().map(|(b, c)| (b.as_slice(), *c)))? {
                headers.push(("Authorization".into(), authorization));
            }
        }
        Ok(HttpRequest { method: method.to_string(), url: url.to_string(), headers, body: body.map(|(b, _)| b), timeout: self.timeout })
    }

    /// The `Authorization: Hawk …` value for a request, or `None` without credentials for its
    /// origin.
    pub fn authorization(&self, method: &str, url: &str, payload: Option<(&[u8], &str)>) -> Result<Option<String>, Error> {
        let Some(signer) = &self.auth else { return Ok(None) };
        let auth = signer.auth();
        let target = ServerUrl::parse(url).map_err(|e| Error::new(e.kind, method, url))?;
        if target.origin() != auth.origin {
            // Never sent to another origin, whatever the caller asks.
            return Ok(None);
        }
        let resource = &url[target.origin().len()..];
        let resource = if resource.is_empty() { "/" } else { resource };
        let ts = ((self.clock)() + auth.offset_secs.load(Ordering::Relaxed) as f64).round() as i64;
        let request = RequestToSign { method, host: target.host(), port: target.port(), resource, payload, ext: None };
        let authorization = signer
            .sign(&request, ts)
            .map_err(|e| Error::new(ErrorKind::InvalidInput(format!("cannot sign the request: {e}")), method, url))?;
        Ok(Some(authorization))
    }

    /// Sends `method` to an API path and returns the 2xx answer or the typed error. Signed
    /// requests that the server rejects for a stale timestamp are retried once with the
    /// server's clock (from its verified `WWW-Authenticate` challenge).
    pub async fn request(
        &self,
        method: &str,
        path: &str,
        query: &Query,
        body: Option<(Vec<u8>, &str)>,
        sign: bool,
    ) -> Result<HttpResponse, Error> {
        let url = self.url(path, query);
        let response = self.exchange(method, &url, body, sign).await?;
        check_status(method, &url, response)
    }

    /// Sends `method` to an absolute URL and returns the answer whatever its status (the
    /// explorer's try-it shows error answers as they are), with the same Hawk handling as
    /// [`TreeherderClient::request`]: one retry on a verified stale-timestamp challenge, and
    /// [`ErrorKind::ClockSkew`] when the clocks still disagree.
    pub async fn exchange(&self, method: &str, url: &str, body: Option<(Vec<u8>, &str)>, sign: bool) -> Result<HttpResponse, Error> {
        let mut retried = false;
        loop {
            let request = self.prepare(method, url, body.clone(), sign)?;
            let signed = request.headers.iter().any(|(k, _)| k == "Authorization");
            let response = self.send(request).await?;
            if response.status == 401 && signed {
                match self.handle_hawk_rejection(method, url, &response, retried) {
                    Rejection::Retry => {
                        retried = true;
                        continue;
                    }
                    Rejection::Fail(error) => return Err(error),
                    Rejection::AsIs => {}
                }
            }
            return Ok(response);
        }
    }

    fn handle_hawk_rejection(&self, method: &str, url: &str, response: &HttpResponse, retried: bool) -> Rejection {
        let Some(signer) = &self.auth else { return Rejection::AsIs };
        let auth = signer.auth();
        let challenge = response.header("WWW-Authenticate").and_then(|h| signer.parse_challenge(h));
        let detail = extract_detail(&response.body);
        let expired = detail.as_deref().is_some_and(|d| d.contains("expired") || d.contains("Stale"))
            || challenge.as_ref().and_then(|c| c.error.as_deref()).is_some_and(|e| e.contains("Stale") || e.contains("expired"));
        let now = (self.clock)();
        if let Some(HawkChallenge { ts: Some(ts), tsm: Some(tsm), .. }) = &challenge {
            if signer.verify_timestamp_mac(*ts, tsm) {
                let skew = now.round() as i64 - *ts;
                if !retried {
                    auth.offset_secs.store(*ts - now.round() as i64, Ordering::Relaxed);
                    log::warn!("{url}: this clock is {skew} s off the server's; retrying with its time");
                    return Rejection::Retry;
                }
                return Rejection::Fail(Error::new(
                    ErrorKind::ClockSkew { skew_secs: Some(skew), detail: detail.unwrap_or_else(|| "stale timestamp".into()) },
                    method,
                    url,
                ));
            }
            log::warn!("{url}: ignoring a Hawk challenge whose tsm does not verify with our secret");
        }
        if expired {
            let skew = response.header("Date").and_then(clock::parse_http_date).map(|server| now.round() as i64 - server);
            return Rejection::Fail(Error::new(
                ErrorKind::ClockSkew { skew_secs: skew, detail: detail.unwrap_or_else(|| "the token has expired".into()) },
                method,
                url,
            ));
        }
        Rejection::AsIs
    }

    /// GETs an API path and returns the 2xx answer, or the typed error for any other status.
    pub async fn get(&self, path: &str, query: &Query) -> Result<HttpResponse, Error> {
        self.request("GET", path, query, None, false).await
    }

    /// GETs an API path and decodes its JSON into `R`.
    pub async fn get_json<R: DeserializeOwned>(&self, path: &str, query: &Query) -> Result<R, Error> {
        let url = self.url(path, query);
        let response = self.get(path, query).await?;
        decode_json("GET", &url, &response.body)
    }

    /// POSTs JSON (Hawk-signed when the client has credentials) and decodes the answer.
    pub async fn post_json<B: serde::Serialize + ?Sized, R: DeserializeOwned>(&self, path: &str, body: &B) -> Result<R, Error> {
        let url = self.url(path, &Query::new());
        let bytes = serde_json::to_vec(body)
            .map_err(|e| Error::new(ErrorKind::InvalidInput(format!("cannot encode the body: {e}")), "POST", &url))?;
        let response = self.request("POST", path, &Query::new(), Some((bytes, "application/json")), true).await?;
        decode_json("POST", &url, &response.body)
    }
}

use crate::auth::HawkChallenge;

enum Rejection {
    Retry,
    Fail(Error),
    AsIs,
}

/// Turns a non-2xx answer into the typed error, logging it with its body as thclient does.
pub fn check_status(method: &str, url: &str, response: HttpResponse) -> Result<HttpResponse, Error> {
    if (200..300).contains(&response.status) {
        return Ok(response);
    }
    let body = truncate_body(&response.body, 4096);
    log::error!("{method} {url} -> HTTP {}: {body}", response.status);
    let retry_after = response.header("Retry-After").and_then(|v| v.trim().parse::<u64>().ok());
    Err(Error::new(ErrorKind::Http { status: response.status, detail: extract_detail(&response.body), body, retry_after }, method, url))
}

/// Decodes JSON, naming the path inside the document where it stopped matching `R`.
pub fn decode_json<R: DeserializeOwned>(method: &str, url: &str, body: &[u8]) -> Result<R, Error> {
    serde_json::from_slice(body).map_err(|e| {
        let path = crate::json_path::error_path(body, &e);
        log::error!("{method} {url}: cannot decode at {path}: {e}; body: {}", truncate_body(body, 1024));
        Error::new(ErrorKind::Decode { path, message: e.to_string() }, method, url)
    })
}
