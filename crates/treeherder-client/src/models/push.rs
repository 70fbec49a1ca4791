use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A push: one or more commits landed together, with their jobs (`/api/project/R/push/`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Push {
    pub id: i64,
    /// The tip revision.
    pub revision: String,
    pub author: String,
    #[serde(default)]
    pub branch: Option<String>,
    /// At most 20 commits, newest first; `revision_count` says how many there are.
    #[serde(default)]
    pub revisions: Vec<Commit>,
    #[serde(default)]
    pub revision_count: i64,
    /// Seconds since the epoch.
    pub push_timestamp: i64,
    #[serde(default)]
    pub repository_id: Option<i64>,
}

/// A commit of a push.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Commit {
    #[serde(default)]
    pub result_set_id: Option<i64>,
    #[serde(default)]
    pub repository_id: Option<i64>,
    pub revision: String,
    #[serde(default)]
    pub author: String,
    #[serde(default)]
    pub comments: String,
}

impl Commit {
    /// The first line of the commit message.
    pub fn summary(&self) -> &str {
        self.comments.lines().next().unwrap_or("")
    }
}

/// The push list with its `meta` (what the server understood of the query).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PushList {
    pub meta: PushListMeta,
    pub results: Vec<Push>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PushListMeta {
    #[serde(default)]
    pub count: i64,
    #[serde(default)]
    pub repository: String,
    #[serde(default)]
    pub filter_params: BTreeMap<String, Value>,
    #[serde(default)]
    pub revision: Option<String>,
    #[serde(default)]
    pub fromchange: Option<String>,
    #[serde(default)]
    pub tochange: Option<String>,
    #[serde(default)]
    pub startdate: Option<String>,
    #[serde(default)]
    pub enddate: Option<String>,
}

/// `/push/{id}/status/`: job counts by state (`pending`, `running`, `completed`) and, for
/// completed jobs, by result (`success`, `testfailed`…). Only unclassified jobs below tier 3.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PushStatus(pub BTreeMap<String, i64>);

impl PushStatus {
    pub fn count(&self, key: &str) -> i64 {
        self.0.get(key).copied().unwrap_or(0)
    }
    pub fn pending(&self) -> i64 {
        self.count("pending")
    }
    pub fn running(&self) -> i64 {
        self.count("running")
    }
    pub fn completed(&self) -> i64 {
        self.count("completed")
    }
}
