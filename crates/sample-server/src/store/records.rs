//! Rows of the sample "database", in the shapes Treeherder serialises them.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// A commit of a push (`revisions[]` of the push endpoint).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Commit {
    pub result_set_id: i64,
    pub repository_id: i64,
    pub revision: String,
    pub author: String,
    pub comments: String,
}

/// A push, with all its commits (newest first); the API shows at most 20.
#[derive(Clone, Debug, PartialEq)]
pub struct PushRecord {
    pub id: i64,
    pub repository: String,
    pub repository_id: i64,
    pub revision: String,
    pub author: String,
    pub branch: Option<String>,
    pub commits: Vec<Commit>,
    pub revision_count: i64,
    pub push_timestamp: i64,
}

/// What the push endpoints return for a push (`PushSerializer`).
#[derive(Serialize, Deserialize)]
pub struct PushJson {
    pub id: i64,
    pub revision: String,
    pub author: String,
    pub branch: Option<String>,
    pub revisions: Vec<Commit>,
    pub revision_count: i64,
    pub push_timestamp: i64,
    pub repository_id: i64,
}

/// Treeherder serialises only the 20 newest commits of a push (`serializers.py get_revisions`).
pub const MAX_REVISIONS_SHOWN: usize = 20;

impl PushRecord {
    pub fn to_json(&self) -> Value {
        serde_json::to_value(PushJson {
            id: self.id,
            revision: self.revision.clone(),
            author: self.author.clone(),
            branch: self.branch.clone(),
            revisions: self.commits.iter().take(MAX_REVISIONS_SHOWN).cloned().collect(),
            revision_count: self.revision_count,
            push_timestamp: self.push_timestamp,
            repository_id: self.repository_id,
        })
        .unwrap_or(Value::Null)
    }

    pub fn from_json(json: PushJson, repository: &str) -> Self {
        PushRecord {
            id: json.id,
            repository: repository.to_string(),
            repository_id: json.repository_id,
            revision: json.revision,
            author: json.author,
            branch: json.branch,
            revision_count: json.revision_count.max(json.revisions.len() as i64),
            commits: json.revisions,
            push_timestamp: json.push_timestamp,
        }
    }
}

/// A job, as the project jobs endpoint serialises it (`JobsProjectViewSet`), field for field.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct JobRecord {
    pub build_architecture: String,
    pub build_os: String,
    pub build_platform: String,
    pub build_platform_id: i64,
    pub build_system_type: String,
    pub end_timestamp: i64,
    pub failure_classification_id: i64,
    pub id: i64,
    pub job_group_description: String,
    pub job_group_id: i64,
    pub job_group_name: String,
    pub job_group_symbol: String,
    pub job_guid: String,
    pub job_type_description: String,
    pub job_type_id: i64,
    pub job_type_name: String,
    pub job_type_symbol: String,
    pub last_modified: String,
    pub machine_name: String,
    pub machine_platform_architecture: String,
    pub machine_platform_os: String,
    pub option_collection_hash: String,
    pub platform: String,
    pub push_id: i64,
    pub reason: String,
    pub ref_data_name: String,
    pub result: String,
    pub result_set_id: i64,
    pub signature: String,
    pub start_timestamp: i64,
    pub state: String,
    pub submit_timestamp: i64,
    pub tier: i64,
    pub who: String,
    pub task_id: String,
    pub retry_id: i64,
    pub platform_option: String,
    /// Not serialised: the duration the recording froze for this job (minutes), kept so that
    /// recorded running jobs keep their recorded duration.
    #[serde(skip)]
    pub recorded_duration: Option<i64>,
    /// Not serialised: `last_modified` as seconds, for filters.
    #[serde(skip)]
    pub last_modified_secs: f64,
    /// Not serialised: where the row sits in the table. Lists without an explicit order come
    /// back in PostgreSQL's heap order, where an updated row moves to the end; the recording
    /// shows exactly that (e.g. job 4991 before 4989 on push 85), so we keep it.
    #[serde(skip)]
    pub heap_rank: i64,
}

/// The column order of `/api/jobs/` (`JobsViewSet._output_field_names`).
pub const JOB_PROPERTY_NAMES: [&str; 18] = [
    "failure_classification_id",
    "id",
    "job_group_name",
    "job_group_symbol",
    "job_type_name",
    "job_type_symbol",
    "last_modified",
    "platform",
    "push_id",
    "push_revision",
    "result",
    "signature",
    "state",
    "tier",
    "task_id",
    "retry_id",
    "duration",
    "platform_option",
];

impl JobRecord {
    /// Minutes, as Treeherder's `Job.get_duration`: from start (or submit) to end (or now), at
    /// least one minute, rounded half to even like Python's `round`.
    pub fn duration(&self, now: f64) -> i64 {
        if let Some(frozen) = self.recorded_duration {
            return frozen;
        }
        let end = if self.end_timestamp != 0 { self.end_timestamp as f64 } else { now };
        let start = if self.start_timestamp != 0 { self.start_timestamp } else { self.submit_timestamp };
        let seconds = (end - start as f64).max(60.0);
        ((seconds / 60.0).round_ties_even() as i64).max(1)
    }

    /// One compact row of `/api/jobs/`, in [`JOB_PROPERTY_NAMES`] order.
    pub fn compact_row(&self, push_revision: &str, now: f64) -> Value {
        json!([
            self.failure_classification_id,
            self.id,
            self.job_group_name,
            self.job_group_symbol,
            self.job_type_name,
            self.job_type_symbol,
            self.last_modified,
            self.platform,
            self.push_id,
            push_revision,
            self.result,
            self.signature,
            self.state,
            self.tier,
            self.task_id,
            self.retry_id,
            self.duration(now),
            self.platform_option,
        ])
    }

    /// The single-job endpoint's form: the list form plus logs and Taskcluster ids.
    pub fn detail(&self, repository: &str, logs: &[LogRecord]) -> Value {
        let mut value = serde_json::to_value(self).unwrap_or(Value::Null);
        if let Value::Object(map) = &mut value {
            // The detail serializer has no platform_option/task ids in these positions; they
            // follow the logs, as Treeherder appends them.
            map.remove("platform_option");
            map.remove("task_id");
            map.remove("retry_id");
            map.insert("resource_uri".into(), json!(format!("/api/project/{repository}/jobs/{}/", self.id)));
            map.insert("logs".into(), Value::Array(logs.iter().map(|l| json!({"name": l.name, "url": l.url})).collect()));
            if !self.platform_option.is_empty() {
                map.insert("platform_option".into(), json!(self.platform_option));
            }
            map.insert("task_id".into(), json!(self.task_id));
            map.insert("retry_id".into(), json!(self.retry_id));
            map.insert("taskcluster_metadata".into(), json!({"task_id": self.task_id, "retry_id": self.retry_id}));
        }
        value
    }

    /// Treeherder's classified/unclassified rule is by failure classification: 1 is
    /// "not classified".
    pub fn is_unclassified(&self) -> bool {
        self.failure_classification_id == 1
    }
}

/// A job log reference (`job-log-url`).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct LogRecord {
    pub id: i64,
    pub job_id: i64,
    pub name: String,
    pub url: String,
    pub parse_status: String,
    /// Not serialised: table (heap) order, which job-log-url lists follow (see
    /// [`JobRecord::heap_rank`]).
    #[serde(skip)]
    pub heap_rank: i64,
}

/// A performance signature: what the signatures endpoint shows (`listing`) and what the summary
/// endpoint shows (`summary`, without its data), plus the columns filters need.
#[derive(Clone, Debug, PartialEq)]
pub struct SignatureRecord {
    pub id: i64,
    pub repository: String,
    pub repository_id: i64,
    pub hash: String,
    pub framework_id: i64,
    pub platform: String,
    pub parent_id: Option<i64>,
    pub has_subtests: bool,
    pub listing: Value,
    pub summary: serde_json::Map<String, Value>,
}

/// One performance datum, with the replicate values where known.
#[derive(Clone, Debug, PartialEq)]
pub struct DatumRecord {
    pub id: i64,
    pub signature_id: i64,
    pub job_id: i64,
    pub push_id: i64,
    pub revision: String,
    pub push_timestamp: i64,
    pub value: f64,
    pub submit_time: String,
    pub machine_name: String,
    pub replicates: Vec<f64>,
}
