//! `--hostile`: every answer of the API carries attacker-written text where people's text goes
//! (commit messages, authors, job and platform names, bug summaries, failure lines, the schema's
//! descriptions) and dangerous URLs where URLs go (log, repository, Taskcluster). The app must
//! render all of it inert; the injection tests run against this.
//!
//! Payloads call `__xss.push(…)`: a page that defines `window.__xss = []` sees any that ran.

use axum::body::Body;
use axum::extract::Request;
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;
use serde_json::Value;

/// Appended to every free-text field: markup, script, event handlers, attribute breakouts.
pub const TEXT_PAYLOAD: &str = concat!(
    r#" <script>__xss.push("script")</script><img src=x onerror=__xss.push("img")>"#,
    r#"<svg onload=__xss.push("svg")></svg>"><iframe src="javascript:__xss.push('iframe')"></iframe>"#,
    r#"' onmouseover='__xss.push("attr")"#,
);

/// Appended to Markdown (the schema's descriptions): links and raw HTML a renderer might pass on.
pub const MARKDOWN_PAYLOAD: &str = concat!(
    "\n\n[js link](javascript:__xss.push('md-js')) [data link](data:text/html,<script>__xss.push('md-data')</script>) ",
    "[protocol-relative link](//evil.example/steal) [spaced](  JaVaScRiPt:__xss.push('md-case')) ",
    "<a href=\"javascript:__xss.push('md-a')\">raw anchor</a> <img src=x onerror=__xss.push('md-img')> ",
    "<script>__xss.push('md-script')</script>\n",
);

/// What URL fields become, chosen by the original so each recorded URL keeps one replacement.
pub const URL_PAYLOADS: [&str; 4] = [
    "javascript:__xss.push('url-js')//",
    "data:text/html,<script>__xss.push('url-data')</script>",
    "//evil.example/steal?",
    " JaVaScRiPt:__xss.push('url-case')//",
];

/// Free-text fields, by JSON key (also the compact jobs form's property names).
const TEXT_KEYS: &[&str] = &[
    "comments",
    "author",
    "who",
    "job_type_name",
    "job_group_name",
    "job_type_symbol",
    "platform",
    "machine_name",
    "reason",
    "summary",
    "search",
    "line",
    "title",
    "suite",
    "test",
];

/// URL fields, by JSON key.
const URL_KEYS: &[&str] = &["url", "tc_root_url", "pushlog_feed", "logurl", "bug_url", "result_url"];

/// The middleware: rewrites JSON answers under `/api/`.
pub async fn rewrite(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    let response = next.run(request).await;
    let is_json = response.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("json"));
    if !path.starts_with("/api/") || !is_json {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let Ok(mut value) = serde_json::from_slice::<Value>(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    poison(&mut value, path.starts_with("/api/schema"));
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(serde_json::to_vec(&value).unwrap_or_default()))
}

/// Rewrites a document in place; `schema`: OpenAPI, whose descriptions are Markdown.
pub fn poison(value: &mut Value, schema: bool) {
    match value {
        Value::Object(map) => {
            // The compact jobs form: rows of cells named by `job_property_names`.
            let names: Option<Vec<String>> = map
                .get("job_property_names")
                .and_then(Value::as_array)
                .map(|n| n.iter().map(|v| v.as_str().unwrap_or_default().to_string()).collect());
            for (key, child) in map.iter_mut() {
                match (key.as_str(), &mut *child, &names) {
                    ("results", Value::Array(rows), Some(names)) => {
                        for row in rows.iter_mut() {
                            if let Value::Array(cells) = row {
                                for (name, cell) in names.iter().zip(cells.iter_mut()) {
                                    rewrite_field(name, cell, schema);
                                }
                            }
                        }
                    }
                    (_, Value::String(_), _) => rewrite_field(key, child, schema),
                    _ => poison(child, schema),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| poison(item, schema)),
        _ => {}
    }
}

fn rewrite_field(key: &str, value: &mut Value, schema: bool) {
    let Value::String(text) = value else { return poison(value, schema) };
    // Empty stays empty (an empty URL is "none"), except the schema's title, which the overview shows.
    if text.is_empty() && !(schema && key == "title") {
        return;
    }
    if schema && key == "description" {
        text.push_str(MARKDOWN_PAYLOAD);
    } else if TEXT_KEYS.contains(&key) || (schema && key == "summary") {
        text.push_str(TEXT_PAYLOAD);
    } else if URL_KEYS.contains(&key) {
        let pick = text.bytes().fold(0usize, |h, b| h.wrapping_mul(31).wrapping_add(b as usize)) % URL_PAYLOADS.len();
        *text = URL_PAYLOADS[pick].to_string();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn text_urls_and_compact_rows_are_poisoned_names_and_ids_are_not() {
        let mut doc = json!({
            "job_property_names": ["id", "platform", "job_type_name"],
            "results": [[1, "linux64", "build"]],
            "repo": {"name": "autoland", "url": "https://hg.mozilla.org/integration/autoland"},
            "revisions": [{"comments": "Bug 1 - fix", "author": "A <a@b>"}],
        });
        poison(&mut doc, false);
        assert_eq!(doc["results"][0][0], 1);
        assert!(doc["results"][0][1].as_str().unwrap().starts_with("linux64 <script>"));
        assert!(doc["results"][0][2].as_str().unwrap().contains("onerror"));
        assert_eq!(doc["repo"]["name"], "autoland");
        assert!(URL_PAYLOADS.contains(&doc["repo"]["url"].as_str().unwrap()));
        assert!(doc["revisions"][0]["comments"].as_str().unwrap().contains("<script>"));
    }

    #[test]
    fn schema_descriptions_get_markdown_links() {
        let mut doc = json!({"paths": {"/api/x/": {"get": {"description": "Lists x.", "summary": "List"}}}});
        poison(&mut doc, true);
        let description = doc["paths"]["/api/x/"]["get"]["description"].as_str().unwrap();
        assert!(description.starts_with("Lists x.") && description.contains("](javascript:"));
        assert!(doc["paths"]["/api/x/"]["get"]["summary"].as_str().unwrap().contains("<script>"));
    }
}
