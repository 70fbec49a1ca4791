//! The one error type of the client: what failed, where, and what the server said.

use std::fmt;

/// An API call that did not produce its typed result.
///
/// Every error names the request (`method`, `url`) and its [`ErrorKind`]; `Display` gives a
/// sentence a person can act on, e.g. for a 403 it explains Treeherder's User-Agent rule.
#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    pub kind: ErrorKind,
    pub method: String,
    pub url: String,
}

/// What went wrong.
#[derive(Clone, Debug, PartialEq)]
pub enum ErrorKind {
    /// The server answered with a status outside 2xx. `detail` is the message the server put in
    /// its body (DRF's `{"detail": …}`, a bare JSON string, `message` or `error`), `body` the raw
    /// body (truncated), `retry_after` the `Retry-After` header in seconds (429, 503).
    Http { status: u16, detail: Option<String>, body: String, retry_after: Option<u64> },
    /// No complete answer within the client's timeout.
    Timeout { after_ms: u64 },
    /// The request never got an HTTP answer: server down, DNS, refused connection, or, in a
    /// browser, a response without the CORS header (browsers do not tell these apart).
    Network { message: String },
    /// The answer was not the JSON this call expects; `path` is where decoding failed
    /// (`results[3].push_timestamp`), `.` for the document itself.
    Decode { path: String, message: String },
    /// Hawk: the server rejected the request's timestamp; `skew_secs` is how far this machine's
    /// clock is from the server's (positive: ours is ahead), measured from the `Date` header.
    ClockSkew { skew_secs: Option<i64>, detail: String },
    /// A request this client refuses to send: bad server URL, credentials for another origin…
    InvalidInput(String),
    /// The answer started but stopped before its end (a raw log whose download was cut):
    /// `received` bytes came, of `expected` when the server said.
    Incomplete { received: u64, expected: Option<u64>, message: String },
}

/// Treeherder's window for Hawk timestamps, in seconds.
pub const HAWK_SKEW_WINDOW_SECS: i64 = 60;

impl Error {
    pub fn new(kind: ErrorKind, method: &str, url: &str) -> Self {
        Error { kind, method: method.to_string(), url: url.to_string() }
    }

    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self.kind {
            ErrorKind::Http { status, .. } => Some(status),
            ErrorKind::ClockSkew { .. } => Some(401),
            _ => None,
        }
    }

    /// The server's own message, if it gave one.
    pub fn detail(&self) -> Option<&str> {
        match &self.kind {
            ErrorKind::Http { detail, .. } => detail.as_deref(),
            ErrorKind::ClockSkew { detail, .. } => Some(detail),
            _ => None,
        }
    }

    /// Seconds the server asked us to wait (`Retry-After`).
    pub fn retry_after(&self) -> Option<u64> {
        match self.kind {
            ErrorKind::Http { retry_after, .. } => retry_after,
            _ => None,
        }
    }

    /// Whether the same request may succeed later: timeouts, network failures, 429 and 5xx.
    pub fn is_transient(&self) -> bool {
        match self.kind {
            ErrorKind::Timeout { .. } | ErrorKind::Network { .. } => true,
            ErrorKind::Http { status, .. } => status == 429 || status >= 500,
            _ => false,
        }
    }

    /// A short title for the failure ("Not found (404)", "Timed out"), for banners.
    pub fn title(&self) -> String {
        match &self.kind {
            ErrorKind::Http { status, .. } => format!("{} ({status})", status_phrase(*status)),
            ErrorKind::Timeout { .. } => "Timed out".into(),
            ErrorKind::Network { .. } => "Network error".into(),
            ErrorKind::Decode { .. } => "Unexpected response".into(),
            ErrorKind::ClockSkew { .. } => "Clock skew".into(),
            ErrorKind::InvalidInput(_) => "Invalid request".into(),
            ErrorKind::Incomplete { .. } => "Download cut off".into(),
        }
    }
}

fn status_phrase(status: u16) -> &'static str {
    match status {
        400 => "Bad request",
        401 => "Not authorized",
        403 => "Forbidden",
        404 => "Not found",
        405 => "Method not allowed",
        408 => "Request timeout",
        429 => "Too many requests",
        500 => "Server error",
        502 => "Bad gateway",
        503 => "Service unavailable",
        504 => "Gateway timeout",
        s if s >= 500 => "Server error",
        _ => "HTTP error",
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let target = format!("{} {}", self.method, self.url);
        match &self.kind {
            ErrorKind::Http { status, detail, retry_after, .. } => {
                write!(f, "{} from {target}", self.title())?;
                if let Some(detail) = detail {
                    write!(f, ": {detail}")?;
                }
                match status {
                    401 => write!(f, ". Check the client id and secret given for this server")?,
                    403 => write!(
                        f,
                        ". Treeherder answers 403 to default scripting User-Agents (python-requests, \
                         curl, Go-http-client…); send a descriptive User-Agent"
                    )?,
                    429 => match retry_after {
                        Some(secs) => write!(f, ". Retry after {secs} s")?,
                        None => write!(f, ". Slow down and retry later")?,
                    },
                    s if *s >= 500 => write!(f, ". The server failed; try again later")?,
                    _ => {}
                }
                Ok(())
            }
            ErrorKind::Timeout { after_ms } => {
                write!(f, "No answer from {target} within {:.1} s", *after_ms as f64 / 1000.0)
            }
            ErrorKind::Network { message } => write!(
                f,
                "Could not reach {target} ({message}): the server may be down or the address \
                 wrong, or, in a browser, the server did not allow this page's origin (CORS)"
            ),
            ErrorKind::Decode { path, message } if path.is_empty() => {
                write!(f, "Unexpected response from {target}: {message}")
            }
            ErrorKind::Decode { path, message } => {
                write!(f, "Unexpected response from {target}: at `{path}`: {message}")
            }
            ErrorKind::ClockSkew { skew_secs, detail } => {
                write!(f, "Hawk authentication failed for {target}: {detail}")?;
                match skew_secs {
                    Some(skew) => write!(
                        f,
                        ". This computer's clock is {} s {} the server's; Treeherder accepts at \
                         most {HAWK_SKEW_WINDOW_SECS} s. Correct the system clock",
                        skew.abs(),
                        if *skew >= 0 { "ahead of" } else { "behind" }
                    ),
                    None => write!(
                        f,
                        ". Check this computer's clock: Treeherder accepts at most \
                         {HAWK_SKEW_WINDOW_SECS} s of difference"
                    ),
                }
            }
            ErrorKind::InvalidInput(why) => f.write_str(why),
            ErrorKind::Incomplete { received, expected, message } => {
                write!(f, "The download of {target} stopped after {}", megabytes(*received))?;
                if let Some(expected) = expected {
                    write!(f, " of {}", megabytes(*expected))?;
                }
                write!(f, " ({message}): the connection dropped or the server cut it; what came is kept")
            }
        }
    }
}

impl std::error::Error for Error {}

/// "12.3 MB", "840 bytes".
fn megabytes(bytes: u64) -> String {
    if bytes < 100_000 {
        format!("{bytes} bytes")
    } else {
        format!("{:.1} MB", bytes as f64 / 1e6)
    }
}

/// The message a Treeherder (Django REST Framework) error body carries: `{"detail": …}`, a bare
/// JSON string (`"No job with id: 5"`), `{"message": …}`, `{"error": …}`, a list of messages, or
/// per-field lists (`{"count": ["…"]}`). Plain-text bodies are returned trimmed when short.
pub fn extract_detail(body: &[u8]) -> Option<String> {
    use serde_json::Value;
    fn text(v: &Value) -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            Value::Array(items) => {
                let parts: Vec<String> = items.iter().filter_map(text).collect();
                (!parts.is_empty()).then(|| parts.join("; "))
            }
            Value::Object(map) => {
                for key in ["detail", "message", "error", "errors", "non_field_errors"] {
                    if let Some(found) = map.get(key).and_then(text) {
                        return Some(found);
                    }
                }
                let parts: Vec<String> = map.iter().filter_map(|(field, v)| text(v).map(|t| format!("{field}: {t}"))).collect();
                (!parts.is_empty()).then(|| parts.join("; "))
            }
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(value) => text(&value),
        Err(_) => {
            let raw = String::from_utf8_lossy(body);
            let trimmed = raw.trim();
            // An HTML error page is not a message; a short plain-text line is.
            (!trimmed.is_empty() && trimmed.len() <= 300 && !trimmed.starts_with('<')).then(|| trimmed.to_string())
        }
    }
}

/// At most `max` bytes of a body, on a character boundary, for logs and error values.
pub fn truncate_body(body: &[u8], max: usize) -> String {
    let text = String::from_utf8_lossy(body);
    if text.len() <= max {
        return text.into_owned();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes)", &text[..end], body.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_message_in_every_treeherder_error_shape() {
        assert_eq!(extract_detail(br#"{"detail":"No project with name foo"}"#).unwrap(), "No project with name foo");
        assert_eq!(extract_detail(br#""No job with id: 5""#).unwrap(), "No job with id: 5");
        assert_eq!(extract_detail(br#"{"message":"No data found for job_id=1"}"#).unwrap(), "No data found for job_id=1");
        assert_eq!(extract_detail(br#"["Invalid page."]"#).unwrap(), "Invalid page.");
        assert_eq!(extract_detail(br#"{"interval":["A valid integer is required."]}"#).unwrap(), "interval: A valid integer is required.");
        assert_eq!(extract_detail(b"Bad Gateway").unwrap(), "Bad Gateway");
        assert_eq!(extract_detail(b"<html><body>502</body></html>"), None);
        assert_eq!(extract_detail(b""), None);
    }

    #[test]
    fn messages_say_what_to_do() {
        let e = |status, retry_after| {
            Error::new(ErrorKind::Http { status, detail: Some("x".into()), body: String::new(), retry_after }, "GET", "https://t/api/")
        };
        assert!(e(403, None).to_string().contains("User-Agent"));
        assert!(e(429, Some(7)).to_string().contains("Retry after 7 s"));
        assert!(e(503, None).to_string().starts_with("Service unavailable (503) from GET https://t/api/: x"));
        assert!(e(503, None).is_transient() && !e(404, None).is_transient());
        let skew = Error::new(ErrorKind::ClockSkew { skew_secs: Some(-300), detail: "The token has expired".into() }, "POST", "u");
        assert!(skew.to_string().contains("300 s behind the server's"), "{skew}");
    }

    #[test]
    fn truncates_on_char_boundaries() {
        assert_eq!(truncate_body("héllo".as_bytes(), 2), "h… (6 bytes)");
        assert_eq!(truncate_body(b"short", 10), "short");
    }
}
