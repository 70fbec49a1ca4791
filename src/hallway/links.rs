//! Links inside the app. A tab opened with `?server=` stays on that server as people navigate,
//! so internal links carry the parameter along.

use crate::hallway::server::{ActiveServer, ServerSource};
use crate::hallway::views::ViewId;

/// `path?query` of a view (for the router's `navigate`, which adds the app's prefix), with
/// `server=` kept when the page URL chose the server.
pub fn app_route(view: ViewId, query: &[(&str, &str)], server: &ActiveServer) -> String {
    route_with_query(view.path(), query, server)
}

/// [`app_route`] for a route already in hand (the current page's path).
pub fn route_with_query(path: &str, query: &[(&str, &str)], server: &ActiveServer) -> String {
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

/// An `href` for a view: [`app_route`] under the prefix the app is served at.
pub fn app_href(view: ViewId, query: &[(&str, &str)], server: &ActiveServer) -> String {
    format!("{}{}", crate::hallway::base::app_base(), app_route(view, query, server))
}

/// The link a click landed on (the event's target or its nearest `<a href>` ancestor): what the
/// click handlers that take links from the router (embed mode, links to other chunks) look at.
pub fn clicked_anchor(event: &web_sys::MouseEvent) -> Option<web_sys::HtmlAnchorElement> {
    use wasm_bindgen::JsCast;
    event.target()?.dyn_into::<web_sys::Element>().ok()?.closest("a[href]").ok().flatten()?.dyn_into::<web_sys::HtmlAnchorElement>().ok()
}

/// `url` when it is safe to put in an `href`: absolute http(s) only. Data from the server (log
/// URLs, repository URLs) must never become a `javascript:`, `data:` or protocol-relative link.
pub fn safe_href(url: &str) -> Option<String> {
    let trimmed = url.trim();
    let lower = trimmed.to_ascii_lowercase();
    let ok =
        (lower.starts_with("https://") || lower.starts_with("http://")) && !trimmed.chars().any(|c| c.is_control() || c.is_whitespace());
    ok.then(|| trimmed.to_string())
}

/// How a URL selects a job, as Treeherder's do: `selectedTaskRun=<taskId>.<runId>`, or the
/// legacy `selectedJob=<id>` for a job without a task.
pub fn job_selection(task_run: Option<String>, job_id: i64) -> (&'static str, String) {
    match task_run {
        Some(run) => ("selectedTaskRun", run),
        None => ("selectedJob", job_id.to_string()),
    }
}

/// The log viewer on a job's log, at a parser error line when given: `line_number` is the
/// parser's 0-based index (`text_log_errors`, bug suggestions), shown and linked as
/// `lineNumber = line_number + 1` as Treeherder does.
pub fn log_viewer_href(job_id: i64, repo: &str, line_number: Option<i64>, server: &ActiveServer) -> String {
    let id = job_id.to_string();
    let line = line_number.filter(|&n| n >= 0).map(|n| (n + 1).to_string());
    let mut query = vec![("job_id", id.as_str()), ("repo", repo)];
    if let Some(line) = &line {
        query.push(("lineNumber", line));
    }
    app_href(ViewId::LogViewer, &query, server)
}

/// The same page on the server's own Treeherder UI: the app's routes are Treeherder's.
pub fn treeherder_href(server: &ActiveServer, view: ViewId, query: &[(&str, &str)]) -> String {
    let path = view.path();
    let mut ser = form_urlencoded::Serializer::new(String::new());
    for (k, v) in query {
        ser.append_pair(k, v);
    }
    format!("{}{path}?{}", server.url.as_str().trim_end_matches('/'), ser.finish())
}
