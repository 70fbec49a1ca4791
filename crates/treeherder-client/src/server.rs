//! Which Treeherder a client talks to: a normalised server URL.

use crate::error::{Error, ErrorKind};

/// Production Treeherder, the default of [`crate::TreeherderClient::new`].
pub const PRODUCTION: &str = "https://treeherder.mozilla.org";
/// Treeherder's staging instance.
pub const STAGE: &str = "https://treeherder.allizom.org";
/// A Treeherder started locally with `docker compose up` (its README's default).
pub const LOCAL: &str = "http://localhost:8000";

/// A Treeherder server's base URL: scheme, host, optional port and optional sub-path, with no
/// trailing slash, query or fragment. `https://example.org/treeherder/` and
/// `https://example.org/treeherder` are the same server.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ServerUrl {
    base: String,
    origin: String,
    host: String,
    port: u16,
}

/// What a server URL is made of, as the WHATWG URL standard parses it.
struct UrlParts {
    scheme: String,
    host: String,
    port: u16,
    has_credentials: bool,
    /// `https://example.org:8443`
    origin: String,
    path: String,
}

/// The `url` crate natively; in the browser, the browser's own `URL` (the same standard), which
/// spares the wasm the `url` crate and its IDNA tables (about 120 KB).
#[cfg(not(target_arch = "wasm32"))]
fn parse_absolute(input: &str) -> Result<UrlParts, String> {
    let url = url::Url::parse(input).map_err(|e| e.to_string())?;
    Ok(UrlParts {
        scheme: url.scheme().to_string(),
        host: url.host_str().unwrap_or_default().to_string(),
        port: url.port_or_known_default().unwrap_or(80),
        has_credentials: !url.username().is_empty() || url.password().is_some(),
        origin: url.origin().ascii_serialization(),
        path: url.path().to_string(),
    })
}

#[cfg(target_arch = "wasm32")]
fn parse_absolute(input: &str) -> Result<UrlParts, String> {
    let url = web_sys::Url::new(input).map_err(|_| "invalid URL".to_string())?;
    let scheme = url.protocol().trim_end_matches(':').to_string();
    let port = match url.port().parse::<u16>() {
        Ok(port) => port,
        Err(_) if scheme == "https" => 443,
        Err(_) => 80,
    };
    Ok(UrlParts {
        host: url.hostname(),
        port,
        has_credentials: !url.username().is_empty() || !url.password().is_empty(),
        origin: url.origin(),
        path: url.pathname(),
        scheme,
    })
}

impl ServerUrl {
    /// Parses a server URL given by a user: it must be absolute `http` or `https`.
    ///
    /// ```
    /// use treeherder_client::ServerUrl;
    /// let stage = ServerUrl::parse("https://treeherder.allizom.org/").unwrap();
    /// assert_eq!(stage.api_url("/api/repository/"), "https://treeherder.allizom.org/api/repository/");
    /// let sub = ServerUrl::parse("http://localhost:8000/th?x=1").unwrap();
    /// assert_eq!(sub.as_str(), "http://localhost:8000/th");
    /// ```
    pub fn parse(input: &str) -> Result<Self, Error> {
        let invalid = |why: &str| Error::new(ErrorKind::InvalidInput(format!("server URL {input:?} {why}")), "GET", input);
        let url = parse_absolute(input.trim()).map_err(|e| invalid(&format!("is not a URL ({e})")))?;
        if url.scheme != "http" && url.scheme != "https" {
            return Err(invalid("must start with http:// or https://"));
        }
        if url.host.is_empty() {
            return Err(invalid("has no host"));
        }
        if url.has_credentials {
            return Err(invalid("must not contain a user name or password"));
        }
        let (host, port, origin) = (url.host.to_ascii_lowercase(), url.port, url.origin);
        let path = url.path.trim_end_matches('/').to_string();
        Ok(ServerUrl { base: format!("{origin}{path}"), origin, host, port })
    }

    /// Production Treeherder.
    pub fn production() -> Self {
        // A constant, known-good URL: parsing cannot fail.
        Self::parse(PRODUCTION).unwrap_or_else(|_| unreachable!())
    }

    /// The normalised URL, without trailing slash.
    pub fn as_str(&self) -> &str {
        &self.base
    }

    /// `scheme://host[:port]`: the unit credentials belong to (a Hawk secret saved for one origin
    /// is never sent to another).
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// Lower-cased host name, as Hawk signs it.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// Port, with 80/443 filled in for http/https, as Hawk signs it.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The full URL of an API path such as `/api/repository/`.
    pub fn api_url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// The path prefix of this server (empty, or e.g. `/treeherder`), which Hawk signs as part of
    /// the resource.
    pub fn path_prefix(&self) -> &str {
        &self.base[self.origin.len()..]
    }

    /// A short label for people: the host, plus port and path when they matter.
    pub fn label(&self) -> &str {
        self.base.split_once("://").map(|(_, rest)| rest).unwrap_or(&self.base)
    }
}

impl std::fmt::Display for ServerUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_trailing_slashes_queries_and_case() {
        let a = ServerUrl::parse("HTTPS://Treeherder.Mozilla.org///").unwrap();
        assert_eq!(a.as_str(), "https://treeherder.mozilla.org");
        assert_eq!(a.port(), 443);
        assert_eq!(a.host(), "treeherder.mozilla.org");
        let b = ServerUrl::parse("http://127.0.0.1:8000/sub/path/?q=1#x").unwrap();
        assert_eq!(b.as_str(), "http://127.0.0.1:8000/sub/path");
        assert_eq!(b.origin(), "http://127.0.0.1:8000");
        assert_eq!(b.path_prefix(), "/sub/path");
        assert_eq!(b.api_url("/api/jobs/"), "http://127.0.0.1:8000/sub/path/api/jobs/");
        assert_eq!(b.label(), "127.0.0.1:8000/sub/path");
    }

    #[test]
    fn rejects_what_is_not_a_web_server() {
        for bad in ["", "treeherder.mozilla.org", "ftp://x.org", "javascript:alert(1)", "https://u:p@x.org"] {
            let err = ServerUrl::parse(bad).unwrap_err();
            assert!(err.to_string().contains("server URL"), "{bad}: {err}");
        }
    }
}
