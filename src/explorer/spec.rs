//! The API description: Treeherder's OpenAPI document, fetched live from the server (or, when
//! it cannot be, the copy bundled with the app), turned into a flat list of operations with
//! what the menu, the search and the pages need.

use std::sync::Arc;

use openapiv3::{OpenAPI, Operation, Parameter, ParameterSchemaOrContent, ReferenceOr};

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
    pub api: OpenAPI,
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

fn param_of(p: &Parameter, api: &OpenAPI) -> Param {
    let (data, location) = match p {
        Parameter::Query { parameter_data, .. } => (parameter_data, "query"),
        Parameter::Header { parameter_data, .. } => (parameter_data, "header"),
        Parameter::Path { parameter_data, .. } => (parameter_data, "path"),
        Parameter::Cookie { parameter_data, .. } => (parameter_data, "cookie"),
    };
    let (kind, enumeration, is_array) = match &data.format {
        ParameterSchemaOrContent::Schema(schema) => super::schema_tree::describe(schema, api),
        ParameterSchemaOrContent::Content(_) => ("content".into(), Vec::new(), false),
    };
    Param {
        name: data.name.clone(),
        location,
        required: data.required || location == "path",
        description: data.description.clone(),
        kind,
        enumeration,
        is_array,
        undocumented: false,
    }
}

fn resolve_parameter<'a>(p: &'a ReferenceOr<Parameter>, api: &'a OpenAPI) -> Option<&'a Parameter> {
    match p {
        ReferenceOr::Item(p) => Some(p),
        ReferenceOr::Reference { reference } => {
            let name = reference.strip_prefix("#/components/parameters/")?;
            match api.components.as_ref()?.parameters.get(name)? {
                ReferenceOr::Item(p) => Some(p),
                ReferenceOr::Reference { .. } => None,
            }
        }
    }
}

fn op_of(method: &str, path: &str, o: &Operation, shared: &[ReferenceOr<Parameter>], api: &OpenAPI) -> Op {
    let mut params: Vec<Param> = Vec::new();
    for p in shared.iter().chain(o.parameters.iter()) {
        if let Some(p) = resolve_parameter(p, api) {
            let param = param_of(p, api);
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
    let requirements = o.security.clone().or_else(|| api.security.clone()).unwrap_or_default();
    let needs_auth = !requirements.is_empty() && requirements.iter().all(|r| !r.is_empty());
    let security: Vec<String> = requirements
        .iter()
        .map(|r| if r.is_empty() { "None".to_string() } else { r.keys().cloned().collect::<Vec<_>>().join(" + ") })
        .collect();
    let id = o.operation_id.clone().unwrap_or_else(|| format!("{}_{}", method, path.trim_matches('/').replace(['/', '{', '}'], "_")));
    let tag = o.tags.first().cloned().unwrap_or_else(|| "other".into());
    let mut search_text = format!("{id} {method} {path} {tag} ");
    for text in [&o.summary, &o.description].into_iter().flatten() {
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
        summary: o.summary.clone(),
        description: o.description.clone(),
        has_body: o.request_body.is_some(),
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

    pub fn new(api: OpenAPI, raw: String, source: Source) -> Spec {
        let mut operations = Vec::new();
        let mut tags: Vec<String> = Vec::new();
        for (path, item) in &api.paths.paths {
            let ReferenceOr::Item(item) = item else { continue };
            for (method, o) in item.iter() {
                let op = op_of(method, path, o, &item.parameters, &api);
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

    pub fn operation(&self, op: &Op) -> Option<&Operation> {
        let ReferenceOr::Item(item) = self.api.paths.paths.get(&op.path)? else { return None };
        item.iter().find(|(m, _)| m.eq_ignore_ascii_case(&op.method)).map(|(_, o)| o)
    }

    /// Title and version as the schema states them.
    pub fn title(&self) -> String {
        let title = self.api.info.title.trim();
        let title = if title.is_empty() { "Treeherder API" } else { title };
        format!("{title} ({})", self.api.info.version)
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
