//! Serving the built app (`dist/`) beside the API, with the fallback a single-page app needs:
//! a path that is not a file (a deep link such as `/jobs?repo=autoland`) gets `index.html`.

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::ServeFile;

/// Files whose names carry a content hash (Trunk's `name-0123456789abcdef.ext`) never change.
fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    let stem = name.split('.').next().unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| hash.len() >= 12 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn looks_like_a_file(path: &str) -> bool {
    path.rsplit('/').next().is_some_and(|last| last.contains('.'))
}

/// Resolves `request_path` inside `root`, refusing anything that climbs out of it.
fn resolve(root: &Path, request_path: &str) -> Option<PathBuf> {
    let mut out = root.to_path_buf();
    for part in request_path.split('/').filter(|p| !p.is_empty()) {
        let part = percent_decode(part)?;
        if part == ".." || part == "." || part.contains('\\') || part.contains('\0') {
            return None;
        }
        out.push(part);
    }
    Some(out)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes: Vec<u8> =
        form_urlencoded::parse(format!("x={}", s.replace('+', "%2B")).as_bytes()).next().map(|(_, v)| v.into_owned().into_bytes())?;
    String::from_utf8(bytes).ok()
}

/// Serves `root`: files as they are, other paths as `index.html`.
pub async fn serve(root: PathBuf, request: Request, csp: Option<&str>) -> Response {
    let path = request.uri().path().to_string();
    let Some(mut file) = resolve(&root, &path) else {
        return (StatusCode::BAD_REQUEST, "bad path").into_response();
    };
    if file.is_dir() {
        file.push("index.html");
    }
    let spa_route = !file.is_file() && !looks_like_a_file(&path);
    if spa_route {
        file = root.join("index.html");
    }
    if !file.is_file() {
        return (StatusCode::NOT_FOUND, format!("{path} not found")).into_response();
    }
    let cache = if is_hashed_asset(&path) {
        "public, max-age=31536000, immutable"
    } else {
        // index.html, config.json: always revalidate, so a new deployment is picked up.
        "no-cache"
    };
    // The build's precompressed copy (`name.br`, `name.gz`) where the browser takes it, as a host
    // serving precompressed files gives it.
    let served = ServeFile::new(&file).precompressed_br().precompressed_gzip().oneshot(request).await;
    let mut response = match served {
        Ok(r) => r.map(Body::new),
        Err(e) => return (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    };
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if response.headers().contains_key(header::CONTENT_ENCODING) {
        response.headers_mut().insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    }
    if let Some(policy) = csp.filter(|_| file.extension().is_some_and(|e| e == "html")) {
        if let Ok(value) = HeaderValue::from_str(policy) {
            response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, value);
        }
    }
    response
}

/// `config.json` of the served app, pointing it at `server` (`/`: this same origin, i.e. the
/// sample API). Other fields of the deployment's file are kept.
pub async fn app_config(root: PathBuf, server: String, timeout_secs: Option<u64>) -> Response {
    let mut config = std::fs::read_to_string(root.join("config.json"))
        .ok()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .filter(|v| v.is_object())
        .unwrap_or_else(|| serde_json::json!({}));
    config["server"] = serde_json::Value::String(server);
    if let Some(secs) = timeout_secs {
        config["request_timeout_seconds"] = serde_json::json!(secs);
    }
    let mut response = axum::Json(config).into_response();
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_trunk_hashed_names() {
        assert!(is_hashed_asset("/treeherder-explorer-3f2a9c0d1e4b5a6f_bg.wasm"));
        assert!(is_hashed_asset("/app-3f2a9c0d1e4b5a6f.js"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/config.json"));
    }

    #[test]
    fn refuses_to_leave_the_root() {
        let root = Path::new("/srv/dist");
        assert!(resolve(root, "/../etc/passwd").is_none());
        assert!(resolve(root, "/%2e%2e/etc/passwd").is_none());
        assert_eq!(resolve(root, "/a/b.js").unwrap(), Path::new("/srv/dist/a/b.js"));
    }
}
