//! What a try-it request got back: status, time, size, headers and the body as a tree or as
//! raw text, with the server's `detail` up front when it refused.

use std::sync::Arc;

use leptos::prelude::*;
use serde_json::Value;
use treeherder_client::error::extract_detail;
use treeherder_client::{Error, HttpResponse};

use crate::widgets::{CopyButton, ErrorBanner, JsonTree};

/// Raw text shown at most (the copy button copies all of it).
const RAW_LIMIT: usize = 512 * 1024;

/// A finished exchange.
#[derive(Clone)]
pub struct Answer {
    pub method: String,
    pub url: String,
    pub status: u16,
    pub duration_ms: f64,
    pub headers: Vec<(String, String)>,
    pub text: Arc<String>,
    pub json: Result<Arc<Value>, String>,
    pub detail: Option<String>,
    pub signed: bool,
}

impl Answer {
    pub fn new(method: &str, url: &str, response: HttpResponse, duration_ms: f64, signed: bool) -> Self {
        let detail = extract_detail(&response.body);
        let json = if response.body.is_empty() {
            Err("empty body".to_string())
        } else {
            serde_json::from_slice::<Value>(&response.body).map(Arc::new).map_err(|e| e.to_string())
        };
        Answer {
            method: method.to_string(),
            url: url.to_string(),
            status: response.status,
            duration_ms,
            headers: response.headers,
            text: Arc::new(String::from_utf8_lossy(&response.body).into_owned()),
            json,
            detail,
            signed,
        }
    }
}

/// Either an answer, or why none came.
#[derive(Clone)]
pub enum Outcome {
    Answer(Answer),
    Failed(Error),
}

pub fn reason_phrase(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        409 => "Conflict",
        413 => "Payload Too Large",
        415 => "Unsupported Media Type",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

pub fn human_size(bytes: usize) -> String {
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{:.1} KB", b as f64 / 1024.0),
        b => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Tab {
    Tree,
    Raw,
    Headers,
}

#[component]
pub fn OutcomeView(outcome: Outcome) -> impl IntoView {
    match outcome {
        Outcome::Failed(error) => view! {
            <div class="try-response" data-status="none">
                <ErrorBanner context="Sending the request" error/>
            </div>
        }
        .into_any(),
        Outcome::Answer(answer) => view! { <AnswerView answer/> }.into_any(),
    }
}

#[component]
fn AnswerView(answer: Answer) -> impl IntoView {
    let class = format!("try-status status-{}xx", answer.status / 100);
    let ok = (200..300).contains(&answer.status);
    let tab = RwSignal::new(if answer.json.is_ok() { Tab::Tree } else { Tab::Raw });
    let text = answer.text.clone();
    let size = human_size(text.len());
    let copy_text = text.clone();
    let retry_after = answer.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case("retry-after")).map(|(_, v)| v.clone());
    let refused = (!ok).then(|| {
        let mut detail = answer.detail.clone().unwrap_or_else(|| "(no detail in the answer)".to_string());
        if let Some(wait) = &retry_after {
            detail.push_str(&format!(" The server asks to wait {wait} s before trying again (Retry-After)."));
        }
        view! {
            <div class="try-refusal" role="alert">
                <strong>{format!("The server answered {} {}: ", answer.status, reason_phrase(answer.status))}</strong>
                <span class="try-detail">{detail}</span>
            </div>
        }
    });
    // A body that should be JSON and is not: said above the raw text, not only in the Tree tab.
    let not_json = match &answer.json {
        Err(e) if ok && !answer.text.trim().is_empty() => Some(view! {
            <div class="try-not-json" role="alert">{format!("Not JSON: {e}. The body is shown raw.")}</div>
        }),
        _ => None,
    };
    let json = answer.json.clone();
    let headers = answer.headers.clone();
    let body = move || {
        match tab.get() {
        Tab::Tree => match &json {
            Ok(value) => view! { <JsonTree value=value.clone()/> }.into_any(),
            Err(e) => view! { <p class="muted">{format!("Not JSON ({e}).")}</p> }.into_any(),
        },
        Tab::Raw => {
            let shown = if text.len() > RAW_LIMIT {
                let mut end = RAW_LIMIT;
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                format!("{}\n… ({} more; Copy copies everything)", &text[..end], human_size(text.len() - end))
            } else {
                text.to_string()
            };
            view! { <pre class="response-raw">{shown}</pre> }.into_any()
        }
        Tab::Headers => view! {
            <table class="response-headers">
                <tbody>{headers.iter().map(|(k, v)| view! { <tr><th>{k.clone()}</th><td><code>{v.clone()}</code></td></tr> }).collect_view()}</tbody>
            </table>
            <p class="muted small">"A page sees only the headers the server exposes to other origins (CORS)."</p>
        }
        .into_any(),
    }
    };
    let tab_button = move |t: Tab, label: &'static str| {
        view! {
            <button type="button" role="tab" class="tab" aria-selected=move || (tab.get() == t).to_string()
                data-tab=label.to_lowercase() on:click=move |_| tab.set(t)>{label}</button>
        }
    };
    view! {
        <div class="try-response" data-status=answer.status.to_string()>
            <div class="try-summary">
                <span class=class>{format!("{} {}", answer.status, reason_phrase(answer.status))}</span>
                <span class="try-duration">{format!("{:.0} ms", answer.duration_ms)}</span>
                <span class="try-size">{size}</span>
                {answer.signed.then(|| view! { <span class="try-signed" title="Sent with a Hawk Authorization header">"Hawk-signed"</span> })}
            </div>
            <div class="try-url"><span class="method">{answer.method.clone()}</span>" "<code>{answer.url.clone()}</code></div>
            {refused}
            {not_json}
            <div class="tabs" role="tablist">
                {tab_button(Tab::Tree, "Tree")}
                {tab_button(Tab::Raw, "Raw")}
                {tab_button(Tab::Headers, "Headers")}
                <CopyButton text=Signal::derive(move || copy_text.to_string()) label="Copy body"/>
            </div>
            <div class="try-body">{body}</div>
        </div>
    }
}
