use crate::client::{decode_json, TreeherderClient};
use crate::error::Error;
use crate::query::Query;
use crate::transport::Transport;

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
        let schema = decode_json("GET", &url, &response.body)?;
        Ok((String::from_utf8_lossy(&response.body).into_owned(), schema))
    }
}
