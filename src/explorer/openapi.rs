//! A read-only view of an OpenAPI 3 document over its JSON value.
//!
//! The explorer reads a handful of fields (paths, operations, parameters, schemas, responses), so
//! it walks the parsed `serde_json::Value` instead of decoding ~100 typed structs and untagged
//! enums: that decoder was the largest part of the docs chunk (README, "Code per view"), and a
//! walk never fails on a field it does not read.

use serde_json::Value;

/// The methods an OpenAPI path item may hold, in the order the menu lists them.
pub const METHODS: [&str; 8] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/// A parsed document (the client crate checked it is OpenAPI 3).
pub struct Document(pub Value);

impl Document {
    pub fn info(&self, field: &str) -> Option<&str> {
        text(&self.0["info"], field)
    }

    /// The paths with their (possibly `$ref`) items, in the document's order.
    pub fn paths(&self) -> impl Iterator<Item = (&String, &Value)> {
        entries(&self.0["paths"])
    }

    /// The operations of a path item: `(method, operation)`.
    pub fn operations(item: &Value) -> impl Iterator<Item = (&'static str, &Value)> {
        METHODS.into_iter().filter_map(move |m| item.get(m).filter(|o| o.is_object()).map(|o| (m, o)))
    }

    pub fn operation(&self, path: &str, method: &str) -> Option<&Value> {
        self.0["paths"].get(path)?.get(method.to_ascii_lowercase()).filter(|o| o.is_object())
    }

    /// The security requirements that apply to an operation: its own, else the document's.
    pub fn security<'a>(&'a self, operation: &'a Value) -> &'a [Value] {
        let list = operation.get("security").or_else(|| self.0.get("security"));
        list.and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn tag_description(&self, tag: &str) -> Option<String> {
        let tags = self.0["tags"].as_array()?;
        tags.iter().find(|t| text(t, "name") == Some(tag)).and_then(|t| text(t, "description")).map(str::to_string)
    }

    /// Follows a `{"$ref": "#/components/<section>/<name>"}` one step (as the typed parser did:
    /// a reference to a reference is not followed). Returns the referenced name, if any, and
    /// what it names; an item that is no reference is returned as it is.
    pub fn resolve<'a>(&'a self, value: &'a Value, section: &str) -> (Option<String>, Option<&'a Value>) {
        let Some(reference) = value.get("$ref").and_then(Value::as_str) else {
            return (None, value.is_object().then_some(value));
        };
        let local = reference.strip_prefix(format!("#/components/{section}/").as_str());
        let found = local.and_then(|n| self.0["components"][section].get(n)).filter(|v| v.is_object() && v.get("$ref").is_none());
        (Some(local.unwrap_or(reference).to_string()), found)
    }
}

/// The schema's composition, if it is one: its keyword (`oneOf`, `anyOf`, `allOf`, in that
/// order) and parts.
pub fn composition(schema: &Value) -> Option<(&'static str, &[Value])> {
    ["oneOf", "anyOf", "allOf"].into_iter().find_map(|k| schema.get(k).and_then(Value::as_array).map(|l| (k, l.as_slice())))
}

/// A string field.
pub fn text<'a>(value: &'a Value, field: &str) -> Option<&'a str> {
    value.get(field).and_then(Value::as_str)
}

/// A boolean field, false when absent.
pub fn flag(value: &Value, field: &str) -> bool {
    value.get(field).and_then(Value::as_bool).unwrap_or(false)
}

/// An object's entries, none when it is absent or no object.
pub fn entries(value: &Value) -> impl Iterator<Item = (&String, &Value)> {
    value.as_object().into_iter().flatten()
}

/// An array field, empty when absent or not an array.
pub fn list<'a>(value: &'a Value, field: &str) -> &'a [Value] {
    value.get(field).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[])
}
