//! The API description: Treeherder's OpenAPI document, fetched live from the server (or, when
//! it cannot be, the copy bundled with the app), turned into a flat list of operations with
//! what the menu, the search and the pages need.

use std::sync::Arc;

use serde_json::Value;

use super::openapi::{flag, list, text, Document};

/// The schema recorded from a real Treeherder, shipped beside `index.html` (not inside the
/// wasm, which every visitor downloads) for when the server's cannot be fetched.
pub const BUNDLED_FILE: &str = "openapi.json";

/// Where the shown schema came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    Live,
    /// The bundled copy, and why the live one was not used.
    Bundled(String),
}

/// A loaded schema with its operations.
pub struct Spec {
    pub api: Document,
    pub raw: String,
    pub source: Source,
    pub operations: Vec<Op>,
    /// Tags in first-seen order.
    pub tags: Vec<String>,
}

/// One operation (method + path), flattened.
#[derive(Clone, Debug, PartialEq)]
pub struct Op {
    pub id: String,
    pub method: String,
    pub path: String,
    pub tag: String,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub params: Vec<Param>,
    pub has_body: bool,
    /// Who may call it: "cookieAuth or None", "Hawk"…
    pub security: Vec<String>,
    /// The operation cannot be called anonymously.
    pub needs_auth: bool,
    /// Signed with Hawk (job submission).
    pub hawk: bool,
    /// Not in the server's schema: added by the explorer (documented in the page).
    pub extra: bool,
    search_text: String,
}

/// A parameter of an operation.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub name: String,
    /// "path", "query", "header", "cookie".
    pub location: &'static str,
    pub required: bool,
    pub description: Option<String>,
    /// "string", "integer", "array of string"…
    pub kind: String,
    pub enumeration: Vec<String>,
    pub is_array: bool,
    /// Read by the server but missing from its schema (see `known.rs`).
    pub undocumented: bool,
}

impl Op {
    /// Whether every word (lower case) occurs in the path, summary, description, operationId or
    /// a parameter name.
    pub fn matches(&self, words: &[String]) -> bool {
        words.iter().all(|w| self.search_text.contains(w.as_str()))
    }

    /// Why the operation matches when the menu line (method and path) does not show it:
    /// "parameter signature_id", "operationId", "description".
    pub fn match_hint(&self, words: &[String]) -> Option<String> {
        let shown = format!("{} {}", self.method, self.path).to_lowercase();
        let mut hints: Vec<String> = Vec::new();
        for word in words.iter().filter(|w| !shown.contains(w.as_str())) {
            let hint = if let Some(p) = self.params.iter().find(|p| p.name.to_lowercase().contains(word.as_str())) {
                format!("parameter {}", p.name)
            } else if self.id.to_lowercase().contains(word.as_str()) {
                format!("operationId {}", self.id)
            } else if self.summary.as_deref().is_some_and(|s| s.to_lowercase().contains(word.as_str())) {
                "summary".to_string()
            } else if self.tag.to_lowercase().contains(word.as_str()) {
                format!("tag {}", self.tag)
            } else {
                "description".to_string()
            };
            if !hints.contains(&hint) {
                hints.push(hint);
            }
        }
        (!hints.is_empty()).then(|| hints.join(", "))
    }
}

/// A parameter object (already resolved); `None` when it has no name or place.
fn param_of(p: &Value, api: &Document) -> Option<Param> {
    let location = match text(p, "in")? {
        "query" => "query",
        "header" => "header",
        "path" => "path",
        "cookie" => "cookie",
        _ => return None,
    };
    let (kind, enumeration, is_array) = match p.get("schema") {
        Some(schema) => super::schema_tree::describe(schema, api),
        None if p.get("content").is_some() => ("content".into(), Vec::new(), false),
        None => ("any".into(), Vec::new(), false),
    };
    Some(Param {
        name: text(p, "name")?.to_string(),
        location,
        required: flag(p, "required") || location == "path",
        description: text(p, "description").map(str::to_string),
        kind,
        enumeration,
        is_array,
        undocumented: false,
    })
}

fn op_of(method: &str, path: &str, o: &Value, shared: &[Value], api: &Document) -> Op {
    let mut params: Vec<Param> = Vec::new();
    for p in shared.iter().chain(list(o, "parameters")) {
        if let Some(param) = api.resolve(p, "parameters").1.and_then(|p| param_of(p, api)) {
            params.retain(|q| !(q.name == param.name && q.location == param.location));
            params.push(param);
        }
    }
    for (name, description) in super::known::query_params(method, path) {
        if !params.iter().any(|p| p.name == *name && p.location == "query") {
            params.push(Param {
                name: name.to_string(),
                location: "query",
                required: false,
                description: Some(description.to_string()),
                kind: "string".into(),
                enumeration: Vec::new(),
                is_array: description.contains("repeatable"),
                undocumented: true,
            });
        }
    }
    // Each requirement is an object of scheme names; an empty one means "anonymous too".
    let requirements: Vec<Vec<&String>> = api.security(o).iter().map(|r| super::openapi::entries(r).map(|(k, _)| k).collect()).collect();
    let needs_auth = !requirements.is_empty() && requirements.iter().all(|r| !r.is_empty());
    let security: Vec<String> = requirements
        .iter()
        .map(|r| if r.is_empty() { "None".to_string() } else { r.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(" + ") })
        .collect();
    let id = text(o, "operationId")
        .map(str::to_string)
        .unwrap_or_else(|| format!("{}_{}", method, path.trim_matches('/').replace(['/', '{', '}'], "_")));
    let tag = list(o, "tags").first().and_then(Value::as_str).unwrap_or("other").to_string();
    let summary = text(o, "summary").map(str::to_string);
    let description = text(o, "description").map(str::to_string);
    let mut search_text = format!("{id} {method} {path} {tag} ");
    for text in [&summary, &description].into_iter().flatten() {
        search_text.push_str(text);
        search_text.push(' ');
    }
    for p in &params {
        search_text.push_str(&p.name);
        search_text.push(' ');
    }
    Op {
        id,
        method: method.to_ascii_uppercase(),
        path: path.to_string(),
        tag,
        summary,
        description,
        has_body: o.get("requestBody").is_some(),
        params,
        security,
        needs_auth,
        hawk: false,
        extra: false,
        search_text: search_text.to_lowercase(),
    }
}

/// Job submission, which Treeherder's schema no longer lists (removed with thclient 4.x in
/// 2018) but Hawk-configured servers, and the sample server, still take.
fn hawk_submission() -> Op {
    let description = "Submits a collection of jobs, signed with Hawk (client id + secret), as \
        `thclient` 4.x's `post_collection` did. Treeherder removed this endpoint from its schema in \
        2018; servers configured for Hawk (and the sample server, with its demo credentials) \
        still accept it. *Not part of the server's schema: added by Treeherder Explorer.*";
    let params = vec![Param {
        name: "project".into(),
        location: "path",
        required: true,
        description: Some("Repository name".into()),
        kind: "string".into(),
        enumeration: vec![],
        is_array: false,
        undocumented: false,
    }];
    Op {
        id: "project_jobs_submit_hawk".into(),
        method: "POST".into(),
        path: "/api/project/{project}/jobs/".into(),
        tag: "hawk (legacy)".into(),
        summary: Some("Submit jobs (Hawk)".into()),
        description: Some(description.into()),
        search_text: format!("project_jobs_submit_hawk post /api/project/{{project}}/jobs/ hawk submit jobs {description} project")
            .to_lowercase(),
        params,
        has_body: true,
        security: vec!["hawk".into()],
        needs_auth: true,
        hawk: true,
        extra: true,
    }
}

impl Spec {
    pub fn parse(raw: String, source: Source) -> Result<Spec, String> {
        let api = treeherder_client::parse_schema(&raw)?;
        Ok(Spec::new(api, raw, source))
    }

    pub fn new(api: Value, raw: String, source: Source) -> Spec {
        let api = Document(api);
        let mut operations = Vec::new();
        let mut tags: Vec<String> = Vec::new();
        for (path, item) in api.paths() {
            if item.get("$ref").is_some() {
                continue; // a path item by reference: not followed, as before
            }
            for (method, o) in Document::operations(item) {
                let op = op_of(method, path, o, list(item, "parameters"), &api);
                if !tags.contains(&op.tag) {
                    tags.push(op.tag.clone());
                }
                operations.push(op);
            }
        }
        let extra = hawk_submission();
        tags.push(extra.tag.clone());
        operations.push(extra);
        Spec { api, raw, source, operations, tags }
    }

    pub fn op(&self, id: &str) -> Option<&Op> {
        self.operations.iter().find(|o| o.id == id)
    }

    /// The operation object of the schema (none for the explorer's own additions).
    pub fn operation(&self, op: &Op) -> Option<&Value> {
        if op.extra {
            return None;
        }
        self.api.operation(&op.path, &op.method)
    }

    /// Title and version as the schema states them.
    pub fn title(&self) -> String {
        let title = self.api.info("title").unwrap_or_default().trim();
        let title = if title.is_empty() { "Treeherder API" } else { title };
        format!("{title} ({})", self.api.info("version").unwrap_or_default())
    }
}

/// The schema, from the server or else the bundled copy.
pub async fn load(client: crate::hallway::api::Client) -> Result<Arc<Spec>, String> {
    match client.schema_with_source().await {
        Ok((raw, api)) => {
            crate::hallway::ready::mark("docs:schema-parsed");
            let spec = Spec::new(api, raw, Source::Live);
            crate::hallway::ready::mark("docs:spec-built");
            Ok(Arc::new(spec))
        }
        Err(error) => {
            log::warn!("schema not available from the server, using the bundled copy: {error}");
            let reason = error.to_string();
            let raw =
                fetch_bundled().await.map_err(|e| format!("{reason}. The copy bundled with the app could not be loaded either: {e}"))?;
            Spec::parse(raw, Source::Bundled(reason)).map(Arc::new)
        }
    }
}

async fn fetch_bundled() -> Result<String, String> {
    let url = crate::hallway::base::asset_url(BUNDLED_FILE);
    let response = gloo_net::http::Request::get(&url).send().await.map_err(|e| format!("{url}: {e}"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    response.text().await.map_err(|e| format!("{url}: {e}"))
}
