//! The sample server's database: the recorded responses, taken apart into pushes, jobs, logs,
//! failure details and performance series, so that handlers can answer any query with
//! Treeherder's semantics rather than only the URLs that were recorded.

mod load;
pub mod records;

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

pub use records::{Commit, DatumRecord, JobRecord, LogRecord, PushRecord, SignatureRecord, JOB_PROPERTY_NAMES};

/// Everything the API serves.
#[derive(Clone, Debug, Default)]
pub struct Store {
    /// `/api/repository/`, as recorded.
    pub repositories: Vec<Value>,
    pub repository_ids: HashMap<String, i64>,
    pub failure_classifications: Value,
    pub option_collection_hashes: Value,
    /// option collection hash → option name (`opt`, `debug`).
    pub option_names: HashMap<String, String>,
    pub machine_platforms: Value,
    pub frameworks: Value,
    pub performance_tags: Value,
    pub issue_trackers: Value,
    pub schema: Value,

    pub pushes: BTreeMap<i64, PushRecord>,
    pub jobs: BTreeMap<i64, JobRecord>,
    /// push id → its job ids, ascending.
    pub jobs_by_push: HashMap<i64, Vec<i64>>,
    /// job id → its logs.
    pub logs: HashMap<i64, Vec<LogRecord>>,
    pub text_log_errors: HashMap<i64, Value>,
    /// job id → the length of its generated log, where it is not the default (`crate::logs`).
    pub log_lengths: HashMap<i64, usize>,
    pub bug_suggestions: HashMap<i64, Value>,
    pub notes: HashMap<i64, Value>,
    pub bug_job_map: HashMap<i64, Value>,
    /// job id → the performance job-data answer (status, body) where one was recorded.
    pub perf_job_data: HashMap<i64, (u16, Value)>,

    pub signatures: BTreeMap<i64, SignatureRecord>,
    /// signature id → its data, in (push_timestamp, push_id, job_id) order.
    pub series: HashMap<i64, Vec<DatumRecord>>,
    pub alert_summaries: Vec<Value>,
    pub alerts: Vec<Value>,

    /// Recorded answers of endpoints this server does not model (perfcompare, push health),
    /// by canonical URL.
    pub recorded_only: HashMap<String, (u16, Value)>,
}

impl Store {
    /// The store built from the embedded recording.
    pub fn from_recording() -> Self {
        let mut recorded = crate::recorded::snapshot();
        recorded.extend(crate::recorded::extras());
        load::build(&recorded)
    }

    pub fn repository_exists(&self, name: &str) -> bool {
        self.repository_ids.contains_key(name)
    }

    /// The pushes of a repository, newest first (Treeherder orders by `-time`).
    pub fn pushes_of(&self, repository: &str) -> Vec<&PushRecord> {
        let mut pushes: Vec<&PushRecord> = self.pushes.values().filter(|p| p.repository == repository).collect();
        pushes.sort_by(|a, b| b.push_timestamp.cmp(&a.push_timestamp).then(b.id.cmp(&a.id)));
        pushes
    }

    pub fn push_revision(&self, push_id: i64) -> &str {
        self.pushes.get(&push_id).map(|p| p.revision.as_str()).unwrap_or("")
    }

    pub fn repository_of_push(&self, push_id: i64) -> Option<&str> {
        self.pushes.get(&push_id).map(|p| p.repository.as_str())
    }

    pub fn repository_of_job(&self, job: &JobRecord) -> Option<&str> {
        self.repository_of_push(job.push_id)
    }

    /// The job with this id, if it belongs to `repository`.
    pub fn job_in(&self, repository: &str, id: i64) -> Option<&JobRecord> {
        self.jobs.get(&id).filter(|j| self.repository_of_job(j) == Some(repository))
    }

    pub fn next_push_id(&self) -> i64 {
        self.pushes.keys().next_back().copied().unwrap_or(0) + 1
    }

    pub fn next_job_id(&self) -> i64 {
        self.jobs.keys().next_back().copied().unwrap_or(0) + 1
    }

    pub fn next_log_id(&self) -> i64 {
        self.logs.values().flatten().map(|l| l.id).max().unwrap_or(0) + 1
    }

    /// The heap rank a row inserted or updated now gets: after every other row.
    pub fn next_heap_rank(&self) -> i64 {
        self.jobs.values().map(|j| j.heap_rank).max().unwrap_or(0) + 1
    }

    /// Adds or replaces a job, keeping the per-push index sorted.
    pub fn insert_job(&mut self, job: JobRecord) {
        let ids = self.jobs_by_push.entry(job.push_id).or_default();
        if let Err(pos) = ids.binary_search(&job.id) {
            ids.insert(pos, job.id);
        }
        self.jobs.insert(job.id, job);
    }
}

/// `path?sorted&query`: the key under which recorded-only answers are looked up, so that the
/// order of query parameters does not matter.
pub fn canonical_url(path: &str, query: &str) -> String {
    let mut pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes()).into_owned().collect();
    pairs.sort();
    let mut ser = form_urlencoded::Serializer::new(String::new());
    for (k, v) in &pairs {
        ser.append_pair(k, v);
    }
    let q = ser.finish();
    if q.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{q}")
    }
}
