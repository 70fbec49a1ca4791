//! Typed models of Treeherder's responses. Unknown fields are ignored and fields that can be
//! missing or null are `Option` (or default), so a newer server never breaks decoding.

mod alerts;
mod job;
mod job_details;
mod performance;
mod push;
mod refdata;
mod repository;
mod status;

pub use alerts::{Alert, AlertSignature, AlertSummary, TaskclusterRun};
pub use job::{decode_job_page, Job, JobPage, ProjectJob, JOB_COLUMNS};
pub use job_details::{
    BugJobMap, BugMatch, BugSuggestion, BugSuggestionBugs, JobDetail, JobLog, JobNote, LogReference, TaskclusterMetadata, TextLogError,
};
pub use performance::{
    AlertSettings, PerformanceDatum, PerformanceFramework, PerformanceSignature, PerformanceSummary, PerformanceTag, SummaryPoint,
};
pub use push::{Commit, Push, PushList, PushListMeta, PushStatus};
pub use refdata::{FailureClassification, IssueTracker, MachinePlatform, OptionCollection, OptionName};
pub use repository::{Repository, RepositoryGroup};
pub use status::{status_names, JobResult, JobState, JobStatus};

use serde::{Deserialize, Serialize};

/// A page of a paginated list (`count`, `next`, `previous`, `results`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    #[serde(default)]
    pub count: Option<u64>,
    #[serde(default)]
    pub next: Option<String>,
    #[serde(default)]
    pub previous: Option<String>,
    pub results: Vec<T>,
}
