//! One operation: what it does, takes and answers (left), and its try-it console (right), as
//! Redoc's three panels lay it out.

use std::sync::Arc;

use leptos::prelude::*;
use serde_json::Value;

use super::markdown::Markdown;
use super::openapi::{entries, flag, text};
use super::schema_tree::SchemaTree;
use super::spec::{Op, Param, Spec};
use super::target::{here, operation_href, tag_href};
use super::try_it::TryIt;
use crate::widgets::CopyButton;

#[component]
pub fn OperationView(spec: Arc<Spec>, op: Op) -> impl IntoView {
    let method = op.method.to_lowercase();
    let link = {
        let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
        let base = href.split('#').next().unwrap_or_default().to_string();
        format!("{base}{}", operation_href(&op.id))
    };
    view! {
        <article class="operation" id=format!("operation/{}", op.id) data-operation=op.id.clone()>
            <div class="op-docs">
                <p class="op-breadcrumb"><a href=here(tag_href(&op.tag))>{op.tag.clone()}</a>" › "<span>{op.id.clone()}</span></p>
                <h1 class="op-title">{op.summary.clone().unwrap_or_else(|| op.id.clone())}</h1>
                <div class="op-line">
                    <span class=format!("method-badge method-{method}")>{op.method.clone()}</span>
                    <code class="op-path">{op.path.clone()}</code>
                    <CopyButton text=Signal::derive(move || link.clone()) label="Copy link"/>
                </div>
                {op.extra.then(|| view! { <p class="op-extra">"Not in the server's schema: documented by Treeherder Explorer."</p> })}
                {op.description.clone().map(|d| view! { <Markdown text=d/> })}
                <Security op=op.clone()/>
                <Parameters params=op.params.clone()/>
                <Body spec=spec.clone() op=op.clone()/>
                <Responses spec=spec.clone() op=op.clone()/>
            </div>
            <div class="op-console">
                <TryIt spec=spec.clone() op=op.clone()/>
            </div>
        </article>
    }
}

#[component]
fn Security(op: Op) -> impl IntoView {
    let text = if op.security.is_empty() { "None".to_string() } else { op.security.join(" or ") };
    let note = if op.hawk {
        Some("Signed with Hawk: enter a client id and secret in the console.")
    } else if op.needs_auth {
        Some(
            "Needs a Treeherder login session (a cookie), which a page on another origin cannot send: expect the server to refuse it here.",
        )
    } else {
        None
    };
    view! {
        <div class="op-security">
            <span class="label">"Authorizations: "</span><em>{text}</em>
            {note.map(|n| view! { <p class="muted">{n}</p> })}
        </div>
    }
}

#[component]
fn Parameters(params: Vec<Param>) -> impl IntoView {
    if params.is_empty() {
        return ().into_any();
    }
    let groups = ["path", "query", "header", "cookie"].map(|location| {
        let rows: Vec<Param> = params.iter().filter(|p| p.location == location).cloned().collect();
        (!rows.is_empty()).then(|| {
            view! {
                <h3>{format!("{}{} parameters", location[..1].to_uppercase(), &location[1..])}</h3>
                <table class="params-table">
                    <thead><tr><th>"Name"</th><th>"In"</th><th>"Type"</th><th>"Description"</th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|p| view! {
                            <tr data-param=p.name.clone()>
                                <td><code class="param-name">{p.name.clone()}</code>
                                    {p.required.then(|| view! { <span class="required">"required"</span> })}
                                    {p.undocumented.then(|| view! { <span class="undocumented" title="Read by the server (its source) but missing from its schema">"not in schema"</span> })}</td>
                                <td>{p.location}</td>
                                <td><span class="schema-type">{p.kind.clone()}</span></td>
                                <td>
                                    {p.description.clone().map(|d| view! { <Markdown text=d/> })}
                                    {(!p.enumeration.is_empty()).then(|| view! {
                                        <div class="param-enum">"One of: "
                                            {p.enumeration.iter().map(|v| view! { <code>{v.clone()}</code>" " }).collect_view()}
                                        </div>
                                    })}
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }
        })
    });
    view! { <section class="op-params">{groups.into_iter().flatten().collect_view()}</section> }.into_any()
}

/// Content types with their schema trees.
fn content_view(spec: &Arc<Spec>, content: &Value) -> AnyView {
    entries(content)
        .map(|(media, m)| {
            view! {
                <div class="media">
                    <span class="media-type">{media.clone()}</span>
                    {m.get("schema").cloned().map(|s| view! { <SchemaTree schema=s api=spec.clone()/> })}
                </div>
            }
        })
        .collect_view()
        .into_any()
}

#[component]
fn Body(spec: Arc<Spec>, op: Op) -> impl IntoView {
    let operation = spec.operation(&op);
    let body = operation.and_then(|o| o.get("requestBody")).and_then(|b| spec.api.resolve(b, "requestBodies").1);
    if op.hawk {
        return view! {
            <section class="op-body"><h3>"Request body"</h3>
                <p>"A JSON array of jobs, as "<code>"thclient"</code>"'s "<code>"TreeherderJobCollection"</code>
                   " serialises them (the console fills in an example for the newest push)."</p>
            </section>
        }
        .into_any();
    }
    let Some(body) = body else { return ().into_any() };
    view! {
        <section class="op-body">
            <h3>"Request body"{flag(body, "required").then(|| view! { <span class="required">"required"</span> })}</h3>
            {text(body, "description").map(|d| view! { <Markdown text=d.to_string()/> })}
            {content_view(&spec, &body["content"])}
        </section>
    }
    .into_any()
}

#[component]
fn Responses(spec: Arc<Spec>, op: Op) -> impl IntoView {
    let Some(operation) = spec.operation(&op) else {
        return view! {
            <section class="op-responses"><h3>"Responses"</h3>
                <div class="response response-2xx"><strong>"200"</strong>" "<code>"{\"message\": \"Job successfully updated\"}"</code></div>
                <div class="response response-4xx"><strong>"401"</strong>" Hawk authentication failed (the server's "<code>"detail"</code>" says why)"</div>
            </section>
        }
        .into_any();
    };
    // Status codes in the schema's order, `default` last (as Redoc lists them).
    let mut answers: Vec<(String, Option<&Value>)> =
        entries(&operation["responses"]).map(|(code, r)| (code.clone(), spec.api.resolve(r, "responses").1)).collect();
    answers.sort_by_key(|(code, _)| code == "default");
    let rows = answers
        .into_iter()
        .map(|(code, response)| {
            let class = match code.chars().next() {
                Some('2') => "response response-2xx",
                Some('3') => "response response-3xx",
                Some('4') => "response response-4xx",
                Some('5') => "response response-5xx",
                _ => "response",
            };
            let description = response.and_then(|r| text(r, "description")).filter(|d| !d.is_empty()).map(str::to_string);
            let content = response.filter(|r| entries(&r["content"]).next().is_some()).map(|r| content_view(&spec, &r["content"]));
            let empty = content.is_none() && !description.as_deref().is_some_and(|d| d.eq_ignore_ascii_case("no response body"));
            view! {
                <div class=class data-status=code.clone()>
                    <div class="response-head"><strong>{code.clone()}</strong>" "
                        {description.map(|d| view! { <span class="response-description">{d}</span> })}
                        {empty.then(|| view! { <span class="muted">" No response body"</span> })}
                    </div>
                    {content}
                </div>
            }
        })
        .collect_view();
    view! { <section class="op-responses"><h3>"Responses"</h3>{rows}</section> }.into_any()
}
