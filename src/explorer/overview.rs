//! The schema's front page (title, download, tags) and a tag's page (its operations).

use std::sync::Arc;

use leptos::prelude::*;

use super::markdown::Markdown;
use super::spec::{Op, Source, Spec};
use super::target::{here, operation_href, tag_href};
use crate::hallway::api::use_api;

/// A `blob:` URL of the schema's JSON, released when the view goes.
fn download_url(raw: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(raw));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let revoke = url.clone();
    on_cleanup(move || {
        let _ = web_sys::Url::revoke_object_url(&revoke);
    });
    Some(url)
}

#[component]
pub fn Overview(spec: Arc<Spec>) -> impl IntoView {
    let api = use_api();
    let server = api.server.get_untracked().url;
    let source = match &spec.source {
        Source::Live => format!("Live from {}", server.api_url("/api/schema/?format=json")),
        Source::Bundled(_) => "Bundled copy (recorded from treeherder.mozilla.org)".to_string(),
    };
    let description = spec.api.info("description").map(str::to_string);
    let href = download_url(&spec.raw);
    let extra = spec.operations.iter().filter(|o| o.extra).count();
    let from_schema = spec.operations.len() - extra;
    let schema_tags = spec.tags.iter().filter(|t| spec.operations.iter().any(|o| &o.tag == *t && !o.extra)).count();
    let operations_line = if extra > 0 {
        format!("{from_schema} in {schema_tags} tags, and {extra} documented here that the schema lacks (Hawk job submission)")
    } else {
        format!("{from_schema} in {schema_tags} tags")
    };
    let tags = spec
        .tags
        .iter()
        .map(|tag| {
            let count = spec.operations.iter().filter(|o| &o.tag == tag).count();
            view! {
                <li><a href=here(tag_href(tag))><span class="tag-name">{tag.clone()}</span>
                    <span class="tag-count">{format!("{count} operation{}", if count == 1 { "" } else { "s" })}</span></a></li>
            }
        })
        .collect_view();
    view! {
        <article class="docs-overview">
            <h1>{spec.title()}</h1>
            <p class="docs-download">
                "Download OpenAPI specification: "
                {href.map(|href| view! { <a class="btn" href=href download="treeherder-openapi.json" rel="external">"Download"</a> })}
            </p>
            <dl class="docs-facts">
                <dt>"Server"</dt><dd><code>{server.to_string()}</code></dd>
                <dt>"Schema"</dt><dd data-testid="schema-source">{source}</dd>
                <dt>"Operations"</dt><dd>{operations_line}</dd>
            </dl>
            {description.map(|d| view! { <Markdown text=d/> })}
            <section class="docs-howto">
                <h2>"Using this page"</h2>
                <ul>
                    <li>"Search (press "<kbd>"/"</kbd>") matches paths, summaries, descriptions, operationIds and parameter names; "
                        <kbd>"↑"</kbd>" "<kbd>"↓"</kbd>" and "<kbd>"Enter"</kbd>" open a result."</li>
                    <li>"Every operation has a "<strong>"Try it"</strong>" console: fill in the form, send it, or copy it as curl, Rust or Python without sending."</li>
                    <li>"Links are Redoc's: "<code>"/docs#operation/<operationId>"</code>" and "<code>"/docs#tag/<tag>"</code>"."</li>
                    <li>"Job submission is signed with Hawk: enter a client id and secret in its console ("
                        <a href=here(operation_href("project_jobs_submit_hawk"))>"Submit jobs (Hawk)"</a>")."</li>
                </ul>
            </section>
            <h2>"Tags"</h2>
            <ul class="docs-tags">{tags}</ul>
        </article>
    }
}

fn op_card(op: &Op) -> impl IntoView {
    let line = op.summary.clone().or_else(|| op.description.as_ref().and_then(|d| d.lines().next().map(str::to_string)));
    view! {
        <li class="op-card">
            <a href=here(operation_href(&op.id)) data-card-operation-id=op.id.clone()>
                <span class=format!("method-badge method-{}", op.method.to_lowercase())>{op.method.clone()}</span>
                <code class="op-card-path">{op.path.clone()}</code>
                <span class="op-card-id">{op.id.clone()}</span>
            </a>
            {line.map(|l| view! { <div class="op-card-summary"><Markdown text=l/></div> })}
        </li>
    }
}

#[component]
pub fn TagView(spec: Arc<Spec>, tag: String) -> impl IntoView {
    let description = spec.api.tag_description(&tag);
    let ops: Vec<&Op> = spec.operations.iter().filter(|o| o.tag == tag).collect();
    let count = ops.len();
    view! {
        <article class="docs-tag" id=format!("tag/{tag}")>
            <h1>{tag.clone()}</h1>
            {description.map(|d| view! { <Markdown text=d/> })}
            <p class="muted">{format!("{count} operation{}", if count == 1 { "" } else { "s" })}</p>
            <ul class="op-cards">{ops.into_iter().map(op_card).collect_view()}</ul>
        </article>
    }
}
