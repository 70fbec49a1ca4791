//! Links inside the app. A tab opened with `?server=` stays on that server as people navigate,
//! so internal links carry the parameter along.

use crate::server::{ActiveServer, ServerSource};

/// `path?query` for an app route, with `server=` kept when the page URL chose the server.
pub fn app_href(path: &str, query: &[(&str, &str)], server: &ActiveServer) -> String {
    let mut ser = form_urlencoded::Serializer::new(String::new());
    for (k, v) in query {
        ser.append_pair(k, v);
    }
    if server.source == ServerSource::UrlParameter {
        ser.append_pair("server", server.url.as_str());
    }
    let q = ser.finish();
    if q.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{q}")
    }
}
