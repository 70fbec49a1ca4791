use serde::{Deserialize, Serialize};

use super::job::ProjectJob;

/// One job with its logs (`/api/project/R/jobs/{id}/`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct JobDetail {
    #[serde(flatten)]
    pub job: ProjectJob,
    #[serde(default)]
    pub resource_uri: Option<String>,
    #[serde(default)]
    pub logs: Vec<LogReference>,
    #[serde(default)]
    pub taskcluster_metadata: Option<TaskclusterRun>,
}

/// A log of a job, as the job detail lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LogReference {
    pub name: String,
    pub url: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TaskclusterRun {
    pub task_id: String,
    #[serde(default)]
    pub retry_id: i64,
}

/// `/api/project/R/job-log-url/?job_id=`: a log with its parse status (`parsed`, `failed`,
/// `skipped-size`, `pending`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JobLog {
    pub id: i64,
    pub job_id: i64,
    pub name: String,
    pub url: String,
    #[serde(default)]
    pub parse_status: Option<String>,
}

impl JobLog {
    /// The raw log among a job's logs: `live_backing_log` (the one Treeherder parses and its
    /// log viewer opens), else the first.
    pub fn raw_log(logs: &[JobLog]) -> Option<&JobLog> {
        logs.iter().find(|l| l.name == "live_backing_log").or_else(|| logs.first())
    }
}

/// An error line the log parser found (`/jobs/{id}/text_log_errors/`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TextLogError {
    pub id: i64,
    pub line: String,
    #[serde(default)]
    pub line_number: Option<i64>,
    #[serde(default)]
    pub new_failure: Option<bool>,
    #[serde(default)]
    pub job: Option<i64>,
}

/// Bugs that may match an error line (`/jobs/{id}/bug_suggestions/`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BugSuggestion {
    pub search: String,
    #[serde(default)]
    pub search_terms: Vec<String>,
    #[serde(default)]
    pub path_end: Option<String>,
    #[serde(default)]
    pub bugs: BugSuggestionBugs,
    #[serde(default)]
    pub line_number: Option<i64>,
    #[serde(default)]
    pub counter: Option<i64>,
    #[serde(default)]
    pub failure_new_in_rev: Option<bool>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BugSuggestionBugs {
    #[serde(default)]
    pub open_recent: Vec<BugMatch>,
    #[serde(default)]
    pub all_others: Vec<BugMatch>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BugMatch {
    #[serde(default)]
    pub id: Option<i64>,
    #[serde(default)]
    pub internal_id: Option<i64>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub resolution: Option<String>,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub dupe_of: Option<i64>,
    #[serde(default)]
    pub crash_signature: Option<String>,
    #[serde(default)]
    pub keywords: Option<String>,
    #[serde(default)]
    pub whiteboard: Option<String>,
    #[serde(default)]
    pub occurrences: Option<i64>,
}

/// A classification of a job (`/api/project/R/note/?job_id=`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JobNote {
    pub id: i64,
    pub job_id: i64,
    pub failure_classification_id: i64,
    #[serde(default)]
    pub created: Option<String>,
    #[serde(default)]
    pub who: Option<String>,
    #[serde(default)]
    pub text: String,
}

/// A bug linked to a job (`/api/project/R/bug-job-map/?job_id=`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BugJobMap {
    pub job_id: i64,
    #[serde(default)]
    pub bug_id: Option<i64>,
    #[serde(default)]
    pub bug_internal_id: Option<i64>,
    #[serde(default)]
    pub created: Option<String>,
    #[serde(default)]
    pub who: Option<String>,
}

/// `/api/taskclustermetadata/?job_ids=`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TaskclusterMetadata {
    pub job: i64,
    pub task_id: String,
    #[serde(default)]
    pub retry_id: i64,
}
