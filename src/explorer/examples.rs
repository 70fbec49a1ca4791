//! Example request bodies for the try-it form: one built from the operation's schema, and for
//! Hawk job submission, a real-looking job on the repository's newest push.

use openapiv3::{OpenAPI, ReferenceOr, Schema, SchemaKind, Type};
use serde_json::{json, Map, Value};
use treeherder_client::submit::TreeherderJob;
use treeherder_client::PushFilter;

use super::schema_tree::resolve;
use super::spec::{Op, Spec};
use crate::hallway::api::Client;

/// A JSON example of the operation's request body, from its schema (first media type).
pub fn request_body(spec: &Spec, op: &Op) -> Option<String> {
    let body = spec.operation(op)?.request_body.as_ref()?;
    let body = match body {
        ReferenceOr::Item(b) => b,
        ReferenceOr::Reference { .. } => return None,
    };
    let media = body.content.get("application/json").or_else(|| body.content.values().next())?;
    let value = example(media.schema.as_ref()?, &spec.api, &mut Vec::new(), 0);
    serde_json::to_string_pretty(&value).ok()
}

fn unbox(s: &ReferenceOr<Box<Schema>>) -> ReferenceOr<Schema> {
    match s {
        ReferenceOr::Item(b) => ReferenceOr::Item((**b).clone()),
        ReferenceOr::Reference { reference } => ReferenceOr::Reference { reference: reference.clone() },
    }
}

/// An example value: the schema's own example or default, else one of the right type.
/// Read-only fields are left out (the server sets them); cycles end in `null`.
fn example(schema: &ReferenceOr<Schema>, api: &OpenAPI, seen: &mut Vec<String>, depth: usize) -> Value {
    let (name, resolved) = resolve(schema, api);
    let Some(s) = resolved else { return Value::Null };
    if depth > 8 || name.as_ref().is_some_and(|n| seen.contains(n)) {
        return Value::Null;
    }
    if let Some(v) = s.schema_data.example.clone().or_else(|| s.schema_data.default.clone()) {
        return v;
    }
    if let Some(n) = &name {
        seen.push(n.clone());
    }
    let value = match &s.schema_kind {
        SchemaKind::Type(Type::String(t)) => {
            let first = t.enumeration.iter().flatten().next().cloned();
            Value::String(first.unwrap_or_else(|| "string".into()))
        }
        SchemaKind::Type(Type::Integer(t)) => json!(t.enumeration.iter().flatten().next().copied().unwrap_or(0)),
        SchemaKind::Type(Type::Number(_)) => json!(0.0),
        SchemaKind::Type(Type::Boolean(_)) => json!(false),
        SchemaKind::Type(Type::Array(a)) => Value::Array(a.items.iter().map(|i| example(&unbox(i), api, seen, depth + 1)).collect()),
        SchemaKind::Type(Type::Object(o)) => {
            let mut map = Map::new();
            for (key, prop) in &o.properties {
                let prop = unbox(prop);
                let read_only = resolve(&prop, api).1.is_some_and(|p| p.schema_data.read_only);
                if !read_only {
                    map.insert(key.clone(), example(&prop, api, seen, depth + 1));
                }
            }
            Value::Object(map)
        }
        SchemaKind::OneOf { one_of: l } | SchemaKind::AnyOf { any_of: l } => {
            l.first().map_or(Value::Null, |f| example(f, api, seen, depth + 1))
        }
        SchemaKind::AllOf { all_of } => {
            let mut map = Map::new();
            for part in all_of {
                if let Value::Object(m) = example(part, api, seen, depth + 1) {
                    map.extend(m);
                }
            }
            Value::Object(map)
        }
        _ => Value::Null,
    };
    if name.is_some() {
        seen.pop();
    }
    value
}

fn random_hex(len: usize) -> String {
    (0..len).map(|_| char::from_digit((js_sys::Math::random() * 16.0) as u32 % 16, 16).unwrap_or('0')).collect()
}

/// One completed job on the repository's newest push, as a job collection.
pub async fn job_submission(client: &Client, project: &str) -> String {
    let revision = match client.pushes(project, &PushFilter::new().count(1)).await {
        Ok(list) => list.results.first().map(|p| p.revision.clone()),
        Err(e) => {
            log::warn!("no push to base the example job on: {e}");
            None
        }
    };
    let revision = revision.unwrap_or_else(|| "REVISION-OF-A-PUSH".to_string());
    let now = (js_sys::Date::now() / 1000.0) as i64;
    let guid = format!("{}-{}-{}-{}-{}", random_hex(8), random_hex(4), random_hex(4), random_hex(4), random_hex(12));
    let job = TreeherderJob::new(project, &revision, &guid)
        .name("explorer-check")
        .symbol("?", "unknown", "Ex")
        .description("Submitted from the Treeherder Explorer API console")
        .state("completed")
        .result("success")
        .who("treeherder-explorer")
        .times(now - 600, now - 540, now - 60)
        .machine("explorer-01")
        .platform("linux", "linux64", "x86_64")
        .build_platform("linux", "linux64", "x86_64")
        .option("opt");
    serde_json::to_string_pretty(&vec![job]).unwrap_or_else(|_| "[]".into())
}
