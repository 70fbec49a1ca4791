//! Schemas as expandable trees: `$ref`s resolved from the components, cycles shown as such.

use leptos::prelude::*;
use serde_json::Value;

use super::markdown::Markdown;
use super::openapi::{composition, entries, flag, list, text, Document};

/// Follows a `#/components/schemas/…` reference.
pub fn resolve<'a>(schema: &'a Value, api: &'a Document) -> (Option<String>, Option<&'a Value>) {
    api.resolve(schema, "schemas")
}

/// One-line description of a schema: type (with format), enum values, whether it is an array.
pub fn describe(schema: &Value, api: &Document) -> (String, Vec<String>, bool) {
    let (name, resolved) = resolve(schema, api);
    let Some(s) = resolved else { return (name.unwrap_or_else(|| "unknown".into()), vec![], false) };
    let values =
        |v: &[Value]| v.iter().filter(|v| !v.is_null()).map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string)).collect();
    let enumeration = list(s, "enum");
    let (kind, enumeration, array) = match text(s, "type") {
        Some("string") => {
            let format = text(s, "format").filter(|f| !f.is_empty()).map(|f| format!(" <{f}>")).unwrap_or_default();
            (format!("string{format}"), values(enumeration), false)
        }
        Some("integer") => ("integer".into(), values(enumeration), false),
        Some("number") => ("number".into(), vec![], false),
        Some("boolean") => ("boolean".into(), vec![], false),
        Some("array") => {
            let inner = s.get("items").map(|i| describe(i, api).0).unwrap_or_else(|| "any".into());
            (format!("array of {inner}"), vec![], true)
        }
        Some("object") => (name.clone().unwrap_or_else(|| "object".into()), vec![], false),
        _ => match composition(s) {
            Some(("allOf", _)) => (name.clone().unwrap_or_else(|| "all of".into()), vec![], false),
            Some(("oneOf", _)) => ("one of".into(), vec![], false),
            Some(_) => ("any of".into(), vec![], false),
            None if s.get("not").is_some() => ("not".into(), vec![], false),
            // No type but properties: an object, as OpenAPI readers take it.
            None if s.get("properties").is_some() => (name.clone().unwrap_or_else(|| "object".into()), vec![], false),
            None => ("any".into(), vec![], false),
        },
    };
    let kind = if flag(s, "nullable") { format!("{kind} | null") } else { kind };
    (kind, enumeration, array)
}

/// A schema's fields, expandable, with `$ref` cycles cut.
#[component]
pub fn SchemaTree(schema: Value, api: std::sync::Arc<super::spec::Spec>) -> impl IntoView {
    node(&schema, &api.api, &mut Vec::new(), 0)
}

fn node(schema: &Value, api: &Document, seen: &mut Vec<String>, depth: usize) -> AnyView {
    let (ref_name, resolved) = resolve(schema, api);
    if let Some(name) = &ref_name {
        if seen.contains(name) {
            return view! { <span class="schema-cycle" title="This schema contains itself">{format!("\u{21bb} {name} (circular)")}</span> }
                .into_any();
        }
    }
    let Some(s) = resolved else {
        return view! { <span class="schema-missing">{format!("{} (not found in the schema)", ref_name.unwrap_or_default())}</span> }
            .into_any();
    };
    if depth > 12 {
        return view! { <span class="muted">"…"</span> }.into_any();
    }
    if let Some(name) = &ref_name {
        seen.push(name.clone());
    }
    let (kind, enumeration, _) = describe(schema, api);
    let description = text(s, "description").map(str::to_string);
    let flags = [
        flag(s, "readOnly").then_some("read-only"),
        flag(s, "writeOnly").then_some("write-only"),
        flag(s, "deprecated").then_some("deprecated"),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    let required = list(s, "required");
    let children: Vec<(String, bool, AnyView)> = if let Some(items) = s.get("items").filter(|_| text(s, "type") == Some("array")) {
        vec![("[items]".to_string(), false, node(items, api, seen, depth + 1))]
    } else if let Some((_, parts)) = composition(s) {
        parts.iter().enumerate().map(|(i, item)| (format!("#{}", i + 1), false, node(item, api, seen, depth + 1))).collect()
    } else {
        entries(&s["properties"])
            .map(|(name, prop)| (name.clone(), required.iter().any(|r| r.as_str() == Some(name)), node(prop, api, seen, depth + 1)))
            .collect()
    };
    if ref_name.is_some() {
        seen.pop();
    }
    let head = view! {
        <span class="schema-type">{kind}</span>
        {(!flags.is_empty()).then(|| view! { <span class="schema-flags">{format!(" ({flags})")}</span> })}
        {(!enumeration.is_empty()).then(|| view! { <span class="schema-enum">{format!(" one of: {}", enumeration.join(", "))}</span> })}
        {description.map(|d| view! { <div class="schema-description"><Markdown text=d/></div> })}
    };
    if children.is_empty() {
        return view! { <div class="schema-leaf">{head}</div> }.into_any();
    }
    let open = depth < 1;
    view! {
        <details class="schema-node" open=open>
            <summary>{head}</summary>
            <ul class="schema-fields">
                {children.into_iter().map(|(name, required, child)| view! {
                    <li>
                        <code class="field-name">{name}</code>
                        {required.then(|| view! { <span class="required">" required"</span> })}
                        " "{child}
                    </li>
                }).collect_view()}
            </ul>
        </details>
    }
    .into_any()
}
