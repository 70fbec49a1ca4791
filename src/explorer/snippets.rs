//! "Copy as": the request a try-it form describes, as a curl command, Rust code using this
//! project's client, and Python using `requests` — available without sending it. Secrets never
//! appear: the curl line carries a ready Hawk header (a MAC, valid for a minute), the code reads
//! the secret from the environment.

/// What the form describes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prepared {
    pub method: String,
    /// Server base URL, no trailing slash.
    pub server: String,
    /// API path with path parameters filled in (`/api/project/autoland/push/`).
    pub path: String,
    pub query: Vec<(String, String)>,
    pub body: Option<String>,
    /// `Authorization: Hawk …` value, when signed.
    pub authorization: Option<String>,
    /// The Hawk client id, when signed (for the code snippets).
    pub client_id: Option<String>,
}

/// User-Agent the snippets send: Treeherder refuses default scripting agents.
pub const SNIPPET_USER_AGENT: &str = concat!("treeherder-explorer/", env!("CARGO_PKG_VERSION"), " (copied request)");

impl Prepared {
    pub fn url(&self) -> String {
        let mut ser = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &self.query {
            ser.append_pair(k, v);
        }
        let q = ser.finish();
        if q.is_empty() {
            format!("{}{}", self.server, self.path)
        } else {
            format!("{}{}?{q}", self.server, self.path)
        }
    }
}

/// Quotes for a POSIX shell: everything literal.
pub fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\"'\"'"))
}

pub fn curl(r: &Prepared) -> String {
    let mut parts = vec!["curl -sS".to_string()];
    if r.method != "GET" {
        parts.push(format!("-X {}", r.method));
    }
    parts.push(format!("-H {}", shell_quote("Accept: application/json; version=1.1")));
    parts.push(format!("-H {}", shell_quote(&format!("User-Agent: {SNIPPET_USER_AGENT}"))));
    if let Some(auth) = &r.authorization {
        parts.push(format!("-H {}", shell_quote(&format!("Authorization: {auth}"))));
    }
    if let Some(body) = &r.body {
        parts.push(format!("-H {}", shell_quote("Content-Type: application/json")));
        parts.push(format!("--data-raw {}", shell_quote(body)));
    }
    parts.push(shell_quote(&r.url()));
    parts.join(" \\\n  ")
}

/// A Rust string literal that holds `s` exactly.
fn rust_str(s: &str) -> String {
    format!("{s:?}")
}

/// A raw string literal with enough `#`s.
fn rust_raw(s: &str) -> String {
    let mut hashes = String::from("#");
    while s.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    format!("r{hashes}\"{s}\"{hashes}")
}

pub fn rust(r: &Prepared) -> String {
    let mut out = String::new();
    let signed = r.client_id.is_some();
    out.push_str(if signed {
        "use treeherder_client::{Credentials, Query, TreeherderClient};\n\n"
    } else {
        "use treeherder_client::{Query, TreeherderClient};\n\n"
    });
    out.push_str(&format!("let client = TreeherderClient::with_server({})?", rust_str(&r.server)));
    if let Some(id) = &r.client_id {
        out.push_str(&format!("\n    .with_credentials(Credentials::new({}, &std::env::var(\"TREEHERDER_SECRET\")?)?)", rust_str(id)));
    }
    out.push_str(";\n");
    let mut query = String::from("Query::new()");
    for (k, v) in &r.query {
        query.push_str(&format!("\n    .with({}, {})", rust_str(k), rust_str(v)));
    }
    match (&r.body, r.method.as_str()) {
        (None, "GET") => {
            out.push_str(&format!("let query = {query};\n"));
            out.push_str(&format!("let answer: serde_json::Value = client.get_json({}, &query).await?;\n", rust_str(&r.path)));
        }
        (Some(body), "POST") if r.query.is_empty() => {
            out.push_str(&format!("let body: serde_json::Value = serde_json::from_str({})?;\n", rust_raw(body)));
            out.push_str(&format!("let answer: serde_json::Value = client.post_json({}, &body).await?;\n", rust_str(&r.path)));
        }
        (body, method) => {
            out.push_str(&format!("let query = {query};\n"));
            let body = match body {
                Some(b) => format!("Some(({}.as_bytes().to_vec(), \"application/json\"))", rust_raw(b)),
                None => "None".into(),
            };
            out.push_str(&format!(
                "let response = client.request({}, {}, &query, {body}, {signed}).await?;\n",
                rust_str(method),
                rust_str(&r.path)
            ));
            out.push_str("let answer: serde_json::Value = serde_json::from_slice(&response.body)?;\n");
        }
    }
    out.push_str("println!(\"{answer:#}\");\n");
    out
}

/// A Python string literal.
fn py_str(s: &str) -> String {
    // JSON string syntax is valid Python for these characters.
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

pub fn python(r: &Prepared) -> String {
    let signed = r.client_id.is_some();
    let mut out = String::from(if signed {
        "import os\n\nimport requests\nfrom requests_hawk import HawkAuth  # pip install requests-hawk\n\n"
    } else {
        "import requests\n\n"
    });
    out.push_str(&format!(
        "response = requests.request(\n    {},\n    {},\n",
        py_str(&r.method),
        py_str(&format!("{}{}", r.server, r.path))
    ));
    if !r.query.is_empty() {
        out.push_str("    params=[\n");
        for (k, v) in &r.query {
            out.push_str(&format!("        ({}, {}),\n", py_str(k), py_str(v)));
        }
        out.push_str("    ],\n");
    }
    out.push_str("    headers={\n        \"Accept\": \"application/json; version=1.1\",\n");
    out.push_str("        # Treeherder answers 403 to python-requests' default User-Agent: name your tool.\n");
    out.push_str(&format!("        \"User-Agent\": {},\n    }},\n", py_str(SNIPPET_USER_AGENT)));
    if let Some(id) = &r.client_id {
        out.push_str(&format!("    auth=HawkAuth(id={}, key=os.environ[\"TREEHERDER_SECRET\"]),\n", py_str(id)));
    }
    if let Some(body) = &r.body {
        out.push_str(&format!("    data={},\n", py_str(body)));
        out.push_str("    # (sent as application/json)\n");
    }
    out.push_str("    timeout=30,\n)\nresponse.raise_for_status()\nprint(response.json())\n");
    if r.body.is_some() {
        out = out.replace(
            "    headers={\n        \"Accept\": \"application/json; version=1.1\",\n",
            "    headers={\n        \"Accept\": \"application/json; version=1.1\",\n        \"Content-Type\": \"application/json\",\n",
        );
        out = out.replace("    # (sent as application/json)\n", "");
    }
    out
}
