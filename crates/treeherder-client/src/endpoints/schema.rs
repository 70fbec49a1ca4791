use crate::client::TreeherderClient;
use crate::error::{Error, ErrorKind};
use crate::query::Query;
use crate::transport::Transport;

/// Parses an OpenAPI document. One plain `serde_json` pass (no path tracking): the schema types
/// are large, and this keeps a single copy of their decoder in a wasm build.
pub fn parse_schema(text: &str) -> Result<openapiv3::OpenAPI, String> {
    serde_json::from_str(text).map_err(|e| format!("not an OpenAPI 3 document: {e}"))
}

impl<T: Transport> TreeherderClient<T> {
    /// The server's OpenAPI document (`/api/schema/?format=json`), parsed.
    ///
    /// ```no_run
    /// # async fn demo(client: treeherder_client::TreeherderClient) -> Result<(), treeherder_client::Error> {
    /// let schema = client.schema().await?;
    /// println!("{} paths", schema.paths.paths.len());
    /// # Ok(()) }
    /// ```
    pub async fn schema(&self) -> Result<openapiv3::OpenAPI, Error> {
        let (_, schema) = self.schema_with_source().await?;
        Ok(schema)
    }

    /// The schema and its raw JSON text (for "download the specification").
    pub async fn schema_with_source(&self) -> Result<(String, openapiv3::OpenAPI), Error> {
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
