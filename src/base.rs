//! Where the app is deployed: `/` or a sub-path such as `/tools/treeherder/`, read from the
//! document's base URL so the same `dist/` works anywhere.

/// The document base URL (`<base href>` or the page URL).
pub fn document_base() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_else(|| "/".to_string())
}

/// A file shipped beside `index.html`, as an absolute URL.
pub fn asset_url(name: &str) -> String {
    web_sys::Url::new_with_base(name, &document_base()).map(|u| u.href()).unwrap_or_else(|_| name.to_string())
}

/// The page's origin (`http://127.0.0.1:8000`).
pub fn page_origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}
