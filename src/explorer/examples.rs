//! Example request bodies for the try-it form: one built from the operation's schema, and for
//! Hawk job submission, a real-looking job on the repository's newest push.

use serde_json::{json, Map, Value};
use treeherder_client::submit::TreeherderJob;
use treeherder_client::PushFilter;

use super::openapi::{composition, entries, flag, list, text, Document};
use super::schema_tree::resolve;
use super::spec::{Op, Spec};
use crate::hallway::api::Client;

/// A JSON example of the operation's request body, from its schema (first media type).
pub fn request_body(spec: &Spec, op: &Op) -> Option<String> {
    let body = spec.api.resolve(spec.operation(op)?.get("requestBody")?, "requestBodies").1?;
    let content = body.get("content")?;
    let media = content.get("application/json").or_else(|| entries(content).next().map(|(_, m)| m))?;
    let value = example(media.get("schema")?, &spec.api, &mut Vec::new(), 0);
    serde_json::to_string_pretty(&value).ok()
}

/// An example value: the schema's own example or default, else one of the right type.
/// Read-only fields are left out (the server sets them); cycles end in `null`.
fn example(schema: &Value, api: &Document, seen: &mut Vec<String>, depth: usize) -> Value {
    let (name, resolved) = resolve(schema, api);
    let Some(s) = resolved else { return Value::Null };
    if depth > 8 || name.as_ref().is_some_and(|n| seen.contains(n)) {
        return Value::Null;
    }
    if let Some(v) = s.get("example").or_else(|| s.get("default")) {
        return v.clone();
    }
    if let Some(n) = &name {
        seen.push(n.clone());
    }
    let first = list(s, "enum").iter().find(|v| !v.is_null()).cloned();
    let composed = composition(s);
    let value = match text(s, "type") {
        Some("string") => first.filter(Value::is_string).unwrap_or_else(|| json!("string")),
        Some("integer") => first.filter(Value::is_i64).unwrap_or_else(|| json!(0)),
        Some("number") => json!(0.0),
        Some("boolean") => json!(false),
        Some("array") => Value::Array(s.get("items").map(|i| example(i, api, seen, depth + 1)).into_iter().collect()),
        _ if composed.is_some() => match composed {
            Some(("allOf", parts)) => {
                let mut map = Map::new();
                for part in parts {
                    if let Value::Object(m) = example(part, api, seen, depth + 1) {
                        map.extend(m);
                    }
                }
                Value::Object(map)
            }
            parts => parts.and_then(|(_, l)| l.first()).map_or(Value::Null, |f| example(f, api, seen, depth + 1)),
        },
        Some("object") | None if s.get("properties").is_some() || text(s, "type") == Some("object") => {
            let mut map = Map::new();
            for (key, prop) in entries(&s["properties"]) {
                let read_only = resolve(prop, api).1.is_some_and(|p| flag(p, "readOnly"));
                if !read_only {
                    map.insert(key.clone(), example(prop, api, seen, depth + 1));
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
