//! Schemas as expandable trees: `$ref`s resolved from the components, cycles shown as such.

use leptos::prelude::*;
use openapiv3::{OpenAPI, ReferenceOr, Schema, SchemaKind, Type};

use super::markdown::Markdown;

/// Follows a `#/components/schemas/…` reference.
pub fn resolve<'a>(schema: &'a ReferenceOr<Schema>, api: &'a OpenAPI) -> (Option<String>, Option<&'a Schema>) {
    match schema {
        ReferenceOr::Item(s) => (None, Some(s)),
        ReferenceOr::Reference { reference } => {
            let name = reference.strip_prefix("#/components/schemas/").unwrap_or(reference).to_string();
            let found = api.components.as_ref().and_then(|c| c.schemas.get(&name)).and_then(|s| match s {
                ReferenceOr::Item(s) => Some(s),
                ReferenceOr::Reference { .. } => None,
            });
            (Some(name), found)
        }
    }
}

fn unbox(s: &ReferenceOr<Box<Schema>>) -> ReferenceOr<Schema> {
    match s {
        ReferenceOr::Item(b) => ReferenceOr::Item((**b).clone()),
        ReferenceOr::Reference { reference } => ReferenceOr::Reference { reference: reference.clone() },
    }
}

/// One-line description of a schema: type (with format), enum values, whether it is an array.
pub fn describe(schema: &ReferenceOr<Schema>, api: &OpenAPI) -> (String, Vec<String>, bool) {
    let (name, resolved) = resolve(schema, api);
    let Some(s) = resolved else { return (name.unwrap_or_else(|| "unknown".into()), vec![], false) };
    let values = |v: &[Option<String>]| v.iter().flatten().cloned().collect::<Vec<_>>();
    let (kind, enumeration, array) = match &s.schema_kind {
        SchemaKind::Type(Type::String(t)) => {
            let format = match &t.format {
                openapiv3::VariantOrUnknownOrEmpty::Item(f) => format!(" <{}>", format!("{f:?}").to_lowercase()),
                openapiv3::VariantOrUnknownOrEmpty::Unknown(f) => format!(" <{f}>"),
                openapiv3::VariantOrUnknownOrEmpty::Empty => String::new(),
            };
            (format!("string{format}"), values(&t.enumeration), false)
        }
        SchemaKind::Type(Type::Integer(t)) => ("integer".into(), t.enumeration.iter().flatten().map(i64::to_string).collect(), false),
        SchemaKind::Type(Type::Number(_)) => ("number".into(), vec![], false),
        SchemaKind::Type(Type::Boolean(_)) => ("boolean".into(), vec![], false),
        SchemaKind::Type(Type::Object(_)) => (name.clone().unwrap_or_else(|| "object".into()), vec![], false),
        SchemaKind::Type(Type::Array(a)) => {
            let inner = a.items.as_ref().map(|i| describe(&unbox(i), api).0).unwrap_or_else(|| "any".into());
            (format!("array of {inner}"), vec![], true)
        }
        SchemaKind::OneOf { .. } => ("one of".into(), vec![], false),
        SchemaKind::AllOf { .. } => (name.clone().unwrap_or_else(|| "all of".into()), vec![], false),
        SchemaKind::AnyOf { .. } => ("any of".into(), vec![], false),
        SchemaKind::Not { .. } => ("not".into(), vec![], false),
        SchemaKind::Any(_) => ("any".into(), vec![], false),
    };
    let kind = if s.schema_data.nullable { format!("{kind} | null") } else { kind };
    (kind, enumeration, array)
}

/// A schema's fields, expandable, with `$ref` cycles cut.
#[component]
pub fn SchemaTree(schema: ReferenceOr<Schema>, api: std::sync::Arc<super::spec::Spec>) -> impl IntoView {
    node(&schema, &api.api, &mut Vec::new(), 0)
}

fn node(schema: &ReferenceOr<Schema>, api: &OpenAPI, seen: &mut Vec<String>, depth: usize) -> AnyView {
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
    let description = s.schema_data.description.clone();
    let flags = [
        s.schema_data.read_only.then_some("read-only"),
        s.schema_data.write_only.then_some("write-only"),
        s.schema_data.deprecated.then_some("deprecated"),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    let children: Vec<(String, bool, AnyView)> = match &s.schema_kind {
        SchemaKind::Type(Type::Object(o)) => o
            .properties
            .iter()
            .map(|(name, prop)| (name.clone(), o.required.contains(name), node(&unbox(prop), api, seen, depth + 1)))
            .collect(),
        SchemaKind::Type(Type::Array(a)) => {
            a.items.iter().map(|i| ("[items]".to_string(), false, node(&unbox(i), api, seen, depth + 1))).collect()
        }
        SchemaKind::OneOf { one_of: list } | SchemaKind::AnyOf { any_of: list } | SchemaKind::AllOf { all_of: list } => {
            list.iter().enumerate().map(|(i, item)| (format!("#{}", i + 1), false, node(item, api, seen, depth + 1))).collect()
        }
        _ => Vec::new(),
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
