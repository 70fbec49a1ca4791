//! JSON as a collapsible tree. Nodes share one parsed document and find their value by path, so
//! opening a node never copies the answer; children are built only when their node opens, and
//! long arrays and objects show their first items with "show more". Multi-megabyte answers stay
//! responsive.

use std::sync::Arc;

use leptos::prelude::*;
use serde_json::Value;

/// Items drawn at a time in one array or object.
const CHUNK: usize = 200;

/// One step into a document.
#[derive(Clone, Debug)]
enum Step {
    Index(usize),
    Key(Arc<str>),
}

fn value_at<'a>(root: &'a Value, path: &[Step]) -> Option<&'a Value> {
    path.iter().try_fold(root, |v, step| match step {
        Step::Index(i) => v.get(*i),
        Step::Key(k) => v.get(k.as_ref()),
    })
}

/// A JSON document, top levels open.
#[component]
pub fn JsonTree(value: Arc<Value>) -> impl IntoView {
    view! { <div class="json-tree">{node(value, Vec::new(), None)}</div> }
}

fn scalar(v: &Value) -> AnyView {
    match v {
        Value::String(s) => view! { <span class="json-string">{format!("{s:?}")}</span> }.into_any(),
        Value::Number(n) => view! { <span class="json-number">{n.to_string()}</span> }.into_any(),
        Value::Bool(b) => view! { <span class="json-bool">{b.to_string()}</span> }.into_any(),
        Value::Null => view! { <span class="json-null">"null"</span> }.into_any(),
        _ => ().into_any(),
    }
}

fn key_view(key: Option<String>) -> Option<AnyView> {
    key.map(|k| view! { <span class="json-key">{k}</span><span class="json-colon">": "</span> }.into_any())
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn node(root: Arc<Value>, path: Vec<Step>, key: Option<String>) -> AnyView {
    let Some(value) = value_at(&root, &path) else { return ().into_any() };
    let (len, is_array) = match value {
        Value::Array(a) => (a.len(), true),
        Value::Object(o) => (o.len(), false),
        _ => return view! { <div class="json-leaf">{key_view(key)}{scalar(value)}</div> }.into_any(),
    };
    let summary = if is_array { format!("[ {} ]", plural(len, "item", "items")) } else { format!("{{ {} }}", plural(len, "key", "keys")) };
    let depth = path.len();
    let open = RwSignal::new(depth < 2 && len > 0);
    let shown = RwSignal::new(CHUNK);
    let path = Arc::new(path);
    let children = move || {
        if !open.get() {
            return None;
        }
        let limit = shown.get();
        let value = value_at(&root, &path)?;
        let items: Vec<(String, Step)> = match value {
            Value::Array(a) => (0..a.len().min(limit)).map(|i| (i.to_string(), Step::Index(i))).collect(),
            Value::Object(o) => o.keys().take(limit).map(|k| (k.clone(), Step::Key(Arc::from(k.as_str())))).collect(),
            _ => Vec::new(),
        };
        let rest = len.saturating_sub(limit);
        let root = root.clone();
        let base = path.clone();
        Some(view! {
            <div class="json-children">
                {items.into_iter().map(|(k, step)| {
                    let mut p = (*base).clone();
                    p.push(step);
                    node(root.clone(), p, Some(k))
                }).collect_view()}
                {(rest > 0).then(|| view! {
                    <button type="button" class="btn btn-small json-more" on:click=move |_| shown.update(|n| *n += CHUNK)>
                        {format!("Show {} more of {rest}", rest.min(CHUNK))}
                    </button>
                })}
            </div>
        })
    };
    view! {
        <div class="json-node" data-open=move || open.get().to_string()>
            <button type="button" class="json-toggle" aria-expanded=move || open.get().to_string()
                aria-label=if is_array { "Toggle array" } else { "Toggle object" }
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() { "\u{25be}" } else { "\u{25b8}" }}
            </button>
            {key_view(key)}
            <span class="json-summary">{summary}</span>
            {children}
        </div>
    }
    .into_any()
}
