//! Where the app is deployed: `/` or a sub-path such as `/tools/treeherder/`, read from the
//! document's base URL so the same `dist/` works anywhere.

/// The document base URL (`<base href>` or the page URL).
pub fn document_base() -> String {
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_else(|| "/".to_string())
}

/// A file shipped beside `index.html`, as an absolute URL.
pub fn asset_url(name: &str) -> String {
    web_sys::Url::new_with_base(name, &document_base()).map(|u| u.href()).unwrap_or_else(|_| name.to_string())
}

/// The page's origin (`http://127.0.0.1:8000`).
pub fn page_origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// The path prefix the app is served under: `""` at the root of its origin, `/tools/treeherder`
/// under a sub-path. `index.html` sets the document's `<base>` at startup (from its own URL, see
/// its first script), so one `dist/` works at any path.
pub fn app_base() -> String {
    let base = document_base();
    let path = web_sys::Url::new(&base).map(|u| u.pathname()).unwrap_or_else(|_| "/".into());
    path.trim_end_matches('/').to_string()
}

/// A browser path without the app's prefix: the route (`/tools/treeherder/jobs` → `/jobs`).
pub fn route_path(pathname: &str) -> String {
    let base = app_base();
    match pathname.strip_prefix(base.as_str()) {
        Some(rest) if base.is_empty() || rest.is_empty() || rest.starts_with('/') => {
            if rest.is_empty() {
                "/".into()
            } else {
                rest.to_string()
            }
        }
        _ => pathname.to_string(),
    }
}

/// The page URL this wasm was started for (a page load, not a client-side navigation).
pub fn initial_href() -> String {
    thread_local! {
        static INITIAL: String = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    }
    INITIAL.with(|h| h.clone())
}
