//! Query strings, built the way Treeherder reads them (repeated keys allowed, order kept).

/// An ordered list of query parameters.
///
/// ```
/// use treeherder_client::Query;
/// let q = Query::new().with("count", 10).with_opt("author", None::<&str>).with("full", true);
/// assert_eq!(q.to_query_string(), "?count=10&full=true");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query(Vec<(String, String)>);

impl Query {
    pub fn new() -> Self {
        Query(Vec::new())
    }

    /// Appends `key=value` (keys may repeat: `job_id=1&job_id=2`).
    pub fn push(&mut self, key: &str, value: impl ToString) -> &mut Self {
        self.0.push((key.to_string(), value.to_string()));
        self
    }

    pub fn with(mut self, key: &str, value: impl ToString) -> Self {
        self.push(key, value);
        self
    }

    /// Appends `key=value` only when there is a value.
    pub fn with_opt<V: ToString>(mut self, key: &str, value: Option<V>) -> Self {
        if let Some(value) = value {
            self.push(key, value);
        }
        self
    }

    /// Sets `key` to `value`, replacing earlier values of that key.
    pub fn set(&mut self, key: &str, value: impl ToString) -> &mut Self {
        self.0.retain(|(k, _)| k != key);
        self.push(key, value)
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    pub fn pairs(&self) -> &[(String, String)] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `?a=1&b=2`, or the empty string when there are no parameters.
    pub fn to_query_string(&self) -> String {
        if self.0.is_empty() {
            return String::new();
        }
        let mut ser = form_urlencoded::Serializer::for_suffix(String::from("?"), 1);
        for (k, v) in &self.0 {
            ser.append_pair(k, v);
        }
        ser.finish()
    }

    /// Parses `a=1&b=2` (with or without the leading `?`).
    pub fn parse(query: &str) -> Self {
        let query = query.strip_prefix('?').unwrap_or(query);
        Query(form_urlencoded::parse(query.as_bytes()).into_owned().collect())
    }
}

impl<K: ToString, V: ToString> FromIterator<(K, V)> for Query {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        Query(iter.into_iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }
}
