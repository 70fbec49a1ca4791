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
        self.link(revision, "commit/", "rev/")
    }

    /// Link to the commits of a push ending at `revision` (hg `…/pushloghtml?changeset=<sha>`,
    /// GitHub `…/commits/<sha>`), only for http(s) repository URLs.
    pub fn pushlog_url(&self, revision: &str) -> Option<String> {
        self.link(revision, "commits/", "pushloghtml?changeset=")
    }

    /// `<url>/<git or hg path><sha>`: the one place that refuses non-http(s) repository URLs
    /// and keeps only hex digits of the revision, so no link carries a script or a path.
    fn link(&self, revision: &str, git_path: &str, hg_path: &str) -> Option<String> {
        let base = self.url.as_deref()?.trim_end_matches('/');
        if !(base.starts_with("https://") || base.starts_with("http://")) {
            return None;
        }
        let revision: String = revision.chars().filter(|c| c.is_ascii_hexdigit()).collect();
        let path = if self.dvcs_type.as_deref() == Some("git") { git_path } else { hg_path };
        Some(format!("{base}/{path}{revision}"))
    }
}

#[cfg(test)]
mod tests {
    use super::Repository;

    fn repo(url: &str, dvcs: &str) -> Repository {
        serde_json::from_value(serde_json::json!({"id": 1, "name": "r", "url": url, "dvcs_type": dvcs})).unwrap()
    }

    #[test]
    fn links_follow_the_repository_kind() {
        let hg = repo("https://hg.mozilla.org/integration/autoland/", "hg");
        assert_eq!(hg.changeset_url("abc123").as_deref(), Some("https://hg.mozilla.org/integration/autoland/rev/abc123"));
        assert_eq!(hg.pushlog_url("abc123").as_deref(), Some("https://hg.mozilla.org/integration/autoland/pushloghtml?changeset=abc123"));
        let git = repo("https://github.com/mozilla/gecko-dev", "git");
        assert_eq!(git.changeset_url("abc123").as_deref(), Some("https://github.com/mozilla/gecko-dev/commit/abc123"));
        assert_eq!(git.pushlog_url("abc123").as_deref(), Some("https://github.com/mozilla/gecko-dev/commits/abc123"));
    }

    #[test]
    fn links_never_carry_a_script_or_a_path() {
        let evil = repo("javascript:alert(1)//", "hg");
        assert_eq!((evil.changeset_url("abc"), evil.pushlog_url("abc")), (None, None));
        let hg = repo("https://hg.mozilla.org/try", "hg");
        assert_eq!(hg.changeset_url("ab/../\"><x>cd").as_deref(), Some("https://hg.mozilla.org/try/rev/abcd"));
        assert_eq!(hg.pushlog_url("ab?x=z#cd").as_deref(), Some("https://hg.mozilla.org/try/pushloghtml?changeset=abcd"));
    }
}
