use serde::{Deserialize, Serialize};

/// A repository Treeherder follows (`/api/repository/`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Repository {
    pub id: i64,
    pub name: String,
    #[serde(default)]
    pub repository_group: Option<RepositoryGroup>,
    #[serde(default)]
    pub dvcs_type: Option<String>,
    /// The repository's web URL (`https://hg.mozilla.org/integration/autoland`).
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub codebase: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub active_status: Option<String>,
    #[serde(default)]
    pub life_cycle_order: Option<i64>,
    #[serde(default)]
    pub performance_alerts_enabled: Option<bool>,
    #[serde(default)]
    pub expire_performance_data: Option<bool>,
    #[serde(default)]
    pub is_try_repo: Option<bool>,
    #[serde(default)]
    pub tc_root_url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RepositoryGroup {
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
}

impl Repository {
    /// The group name, e.g. `development`, `release-stabilization`, `try`.
    pub fn group_name(&self) -> &str {
        self.repository_group.as_ref().map(|g| g.name.as_str()).unwrap_or("")
    }

    /// Link to one changeset of this repository (hg `…/rev/<sha>`, GitHub `…/commit/<sha>`),
    /// only for http(s) repository URLs.
    pub fn changeset_url(&self, revision: &str) -> Option<String> {
        let base = self.url.as_deref()?.trim_end_matches('/');
        if !(base.starts_with("https://") || base.starts_with("http://")) {
            return None;
        }
        let revision: String = revision.chars().filter(|c| c.is_ascii_hexdigit()).collect();
        if self.dvcs_type.as_deref() == Some("git") {
            Some(format!("{base}/commit/{revision}"))
        } else {
            Some(format!("{base}/rev/{revision}"))
        }
    }
}
