use crate::client::TreeherderClient;
use crate::error::{Error, ErrorKind};
use crate::query::Query;
use crate::transport::Transport;

/// Parses an OpenAPI 3 document into its JSON value, after checking the fields every reader
/// needs (`openapi` 3.x, `info` with a title and version, `paths`). Readers walk the value
/// (the app's `explorer::openapi`): a typed decode of the whole specification (`openapiv3`)
/// was the largest part of the docs view's wasm, and it panicked on duplicate keys.
pub fn parse_schema(text: &str) -> Result<serde_json::Value, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let not = |why: &str| Err(format!("not an OpenAPI 3 document: {why}"));
    match value.get("openapi").and_then(|v| v.as_str()) {
        Some(version) if version.starts_with("3.") => {}
        Some(version) => return not(&format!("it is OpenAPI {version}, this reads 3.x")),
        None => return not("no `openapi` version string"),
    }
    for field in ["title", "version"] {
        if !value["info"].get(field).is_some_and(|v| v.is_string()) {
            return not(&format!("`info.{field}` is missing or not a string"));
        }
    }
    if !value.get("paths").is_some_and(|v| v.is_object()) {
        return not("`paths` is missing or not an object");
    }
    Ok(value)
}

impl<T: Transport> TreeherderClient<T> {
    /// The server's OpenAPI document (`/api/schema/?format=json`), parsed.
    ///
    /// ```no_run
    /// # async fn demo(client: treeherder_client::TreeherderClient) -> Result<(), treeherder_client::Error> {
    /// let schema = client.schema().await?;
    /// println!("{} paths", schema["paths"].as_object().map_or(0, |p| p.len()));
    /// # Ok(()) }
    /// ```
    pub async fn schema(&self) -> Result<serde_json::Value, Error> {
        let (_, schema) = self.schema_with_source().await?;
        Ok(schema)
    }

    /// The schema and its raw JSON text (for "download the specification").
    pub async fn schema_with_source(&self) -> Result<(String, serde_json::Value), Error> {
        let query = Query::new().with("format", "json");
        let url = self.url("/api/schema/", &query);
        let response = self.get("/api/schema/", &query).await?;
        let text = String::from_utf8_lossy(&response.body).into_owned();
        let schema = parse_schema(&text).map_err(|message| {
            log::error!("GET {url}: {message}");
            Error::new(ErrorKind::Decode { path: String::new(), message }, "GET", &url)
        })?;
        Ok((text, schema))
    }
}

#[cfg(test)]
mod tests {
    use super::parse_schema;

    /// Regression (fuzz target `openapi`): a path item with a duplicated key made the typed
    /// parser this replaced panic; a panic in wasm kills the page. The last one wins, as in a
    /// browser's `JSON.parse`.
    #[test]
    fn duplicate_keys_in_a_path_item_do_not_panic() {
        let text = r#"{"openapi":"3.0.3","info":{"title":"","version":"1"},
            "paths":{"/api/x/":{"get":{"responses":{}},"get":{"responses":{"200":{"description":""}}}}}}"#;
        let schema = parse_schema(text).expect("parses");
        assert!(schema["paths"]["/api/x/"]["get"]["responses"].get("200").is_some());
    }

    #[test]
    fn what_is_not_an_openapi_3_document_says_why() {
        let cases = [
            ("[]", "no `openapi` version string"),
            (r#"{"swagger":"2.0"}"#, "no `openapi` version string"),
            (r#"{"openapi":"2.0","info":{"title":"t","version":"1"},"paths":{}}"#, "OpenAPI 2.0"),
            (r#"{"openapi":"3.0.3","info":{"title":"t"},"paths":{}}"#, "`info.version`"),
            (r#"{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":[]}"#, "`paths`"),
            ("{", "not JSON"),
        ];
        for (text, says) in cases {
            let message = parse_schema(text).expect_err(text);
            assert!(message.contains(says), "{text}: {message}");
        }
    }
}
