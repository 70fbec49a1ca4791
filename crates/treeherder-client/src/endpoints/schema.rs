use crate::client::TreeherderClient;
use crate::error::{Error, ErrorKind};
use crate::query::Query;
use crate::transport::Transport;

/// Parses an OpenAPI document (no path tracking: the schema types are large, and one plain
/// `from_str` keeps a single copy of their decoder in a wasm build).
///
/// `openapiv3` decodes a `$ref`-or-item twice when the first try fails, and panics if the second
/// succeeds, which a document with duplicate keys makes happen (found by the `openapi` fuzz
/// target). Such a document is first rewritten without them (the last one wins, as with
/// `JSON.parse`); a quick scan tells, so a normal schema is parsed once.
pub fn parse_schema(text: &str) -> Result<openapiv3::OpenAPI, String> {
    let scan: DuplicateKeys = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let normalised;
    let text = if scan.0 {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
        normalised = value.to_string();
        normalised.as_str()
    } else {
        text
    };
    serde_json::from_str(text).map_err(|e| format!("not an OpenAPI 3 document: {e}"))
}

/// Whether any object of a JSON document repeats a key (values are skipped, not built).
struct DuplicateKeys(bool);

impl<'de> serde::Deserialize<'de> for DuplicateKeys {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Scan;
        impl<'de> serde::de::Visitor<'de> for Scan {
            type Value = DuplicateKeys;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<DuplicateKeys, A::Error> {
                let mut keys = std::collections::HashSet::new();
                let mut found = false;
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    found |= !keys.insert(key);
                    found |= map.next_value::<DuplicateKeys>()?.0;
                }
                Ok(DuplicateKeys(found))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<DuplicateKeys, A::Error> {
                let mut found = false;
                while let Some(item) = seq.next_element::<DuplicateKeys>()? {
                    found |= item.0;
                }
                Ok(DuplicateKeys(found))
            }
            fn visit_bool<E>(self, _: bool) -> Result<DuplicateKeys, E> {
                Ok(DuplicateKeys(false))
            }
            fn visit_i64<E>(self, _: i64) -> Result<DuplicateKeys, E> {
                Ok(DuplicateKeys(false))
            }
            fn visit_u64<E>(self, _: u64) -> Result<DuplicateKeys, E> {
                Ok(DuplicateKeys(false))
            }
            fn visit_f64<E>(self, _: f64) -> Result<DuplicateKeys, E> {
                Ok(DuplicateKeys(false))
            }
            fn visit_str<E>(self, _: &str) -> Result<DuplicateKeys, E> {
                Ok(DuplicateKeys(false))
            }
            fn visit_unit<E>(self) -> Result<DuplicateKeys, E> {
                Ok(DuplicateKeys(false))
            }
        }
        d.deserialize_any(Scan)
    }
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

#[cfg(test)]
mod tests {
    use super::parse_schema;

    /// Regression (fuzz target `openapi`): a path item with a duplicated key made `openapiv3`
    /// panic ("somehow this parsed successfully the second time"); a panic in wasm kills the page.
    #[test]
    fn duplicate_keys_in_a_path_item_do_not_panic() {
        let text = r#"{"openapi":"3.0.3","info":{"title":"","version":"1"},
            "paths":{"/api/x/":{"get":{"responses":{}},"get":{"responses":{"200":{"description":""}}}}}}"#;
        let direct = std::panic::catch_unwind(|| serde_json::from_str::<openapiv3::OpenAPI>(text).is_ok());
        assert!(direct.is_err(), "this input is the one that made the library panic");
        let schema = parse_schema(text).expect("the last duplicate wins, as in a browser's JSON.parse");
        assert_eq!(schema.paths.paths.len(), 1);
    }
}
