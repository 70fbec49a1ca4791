//! What the URL's fragment points at. Redoc's forms (`#operation/<id>`, `#tag/<tag>`,
//! `#tag/<tag>/operation/<id>`) and Swagger UI's (`#/<tag>/<id>`) all work, so links people
//! already have keep working here.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, CONTROLS};

#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// No fragment: the schema's overview.
    Overview,
    Tag(String),
    Operation(String),
    /// A fragment that is none of the above (kept to tell the user).
    Unknown(String),
}

fn decode(s: &str) -> String {
    percent_decode_str(s).decode_utf8_lossy().into_owned()
}

/// Reads a location fragment (with or without its `#`).
pub fn parse(hash: &str) -> Target {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    if hash.is_empty() {
        return Target::Overview;
    }
    if let Some(id) = hash.strip_prefix("operation/") {
        return non_empty(id, Target::Operation).unwrap_or_else(|| Target::Unknown(decode(hash)));
    }
    if let Some(rest) = hash.strip_prefix("tag/") {
        return match rest.split_once("/operation/") {
            Some((_, id)) => non_empty(id, Target::Operation),
            None => non_empty(rest, Target::Tag),
        }
        .unwrap_or_else(|| Target::Unknown(decode(hash)));
    }
    // Swagger UI: #/<tag>/<operationId>, or #/<tag>.
    if let Some(rest) = hash.strip_prefix('/') {
        return match rest.split_once('/') {
            Some((_, id)) => non_empty(id, Target::Operation),
            None => non_empty(rest, Target::Tag),
        }
        .unwrap_or_else(|| Target::Unknown(decode(hash)));
    }
    Target::Unknown(decode(hash))
}

fn non_empty(s: &str, make: fn(String) -> Target) -> Option<Target> {
    let s = decode(s.trim_end_matches('/'));
    (!s.is_empty()).then(|| make(s))
}

/// Characters escaped in fragments we write (operation ids and tags are mostly plain).
const FRAGMENT: &AsciiSet = &CONTROLS.add(b' ').add(b'"').add(b'<').add(b'>').add(b'`').add(b'#').add(b'%').add(b'/').add(b'?');

pub fn operation_href(id: &str) -> String {
    format!("#operation/{}", utf8_percent_encode(id, FRAGMENT))
}

pub fn tag_href(tag: &str) -> String {
    format!("#tag/{}", utf8_percent_encode(tag, FRAGMENT))
}

/// A link to a fragment of the current page (path and query kept). A bare `#x` would resolve
/// against the document's `<base>` (the app root), not this page. Reactive: follows the query.
pub fn here(hash: String) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let location = leptos_router::hooks::use_location();
    move || {
        use leptos::prelude::Get;
        let search = location.search.get();
        let query = if search.is_empty() || search.starts_with('?') { search } else { format!("?{search}") };
        format!("{}{query}{hash}", location.pathname.get())
    }
}
