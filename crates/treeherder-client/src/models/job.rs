//! Jobs. `/api/jobs/` answers in a compact form — `job_property_names` plus rows of values — which
//! is decoded here by column *name*, so reordered or added columns do not break it.

use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::status::{shown_status, JobResult, JobState, JobStatus};

/// A job as `/api/jobs/` lists it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Job {
    pub id: i64,
    pub push_id: i64,
    /// 1 is "not classified"; see `/api/failureclassification/`.
    pub failure_classification_id: i64,
    pub job_group_name: String,
    pub job_group_symbol: String,
    pub job_type_name: String,
    pub job_type_symbol: String,
    /// ISO datetime (UTC, no zone): `2026-11-27T18:05:28.156275`.
    pub last_modified: String,
    pub platform: String,
    pub push_revision: Option<String>,
    /// `success`, `testfailed`, `busted`, `exception`, `retry`, `usercancel`, `superseded`,
    /// `unknown` (while not completed)…
    pub result: String,
    pub signature: Option<String>,
    /// `pending`, `running`, `completed`.
    pub state: String,
    pub tier: i64,
    pub task_id: Option<String>,
    pub retry_id: i64,
    /// Minutes (at least 1), from start (or submit) to end (or now).
    pub duration: Option<i64>,
    /// `opt`, `debug`, `asan`…
    pub platform_option: String,
}

impl Job {
    /// What the job's colour shows: its result when completed, else its state (Treeherder's
    /// `getStatus`).
    pub fn status(&self) -> &str {
        shown_status(&self.state, &self.result)
    }

    /// [`Job::status`], typed.
    pub fn job_status(&self) -> JobStatus {
        JobStatus::parse(self.status())
    }

    pub fn state(&self) -> JobState {
        JobState::parse(&self.state)
    }

    pub fn result(&self) -> JobResult {
        JobResult::parse(&self.result)
    }

    /// Failure classifications 1 ("not classified") and 6–8 (new failure, autoclassified,
    /// needs bug id) count as unclassified (`helpers/job.js`).
    pub fn is_classified(&self) -> bool {
        !matches!(self.failure_classification_id, 1 | 6 | 7 | 8)
    }

    /// A failure (testfailed, busted, exception) nobody has classified yet.
    pub fn is_unclassified_failure(&self) -> bool {
        self.result().is_failure() && !self.is_classified()
    }

    /// `<taskId>.<runId>`, the `selectedTaskRun` URL form.
    pub fn task_run(&self) -> Option<String> {
        self.task_id.as_ref().map(|t| format!("{t}.{}", self.retry_id))
    }
}

/// One page of `/api/jobs/`.
#[derive(Clone, Debug, PartialEq)]
pub struct JobPage {
    pub count: Option<u64>,
    pub next: Option<String>,
    pub previous: Option<String>,
    pub jobs: Vec<Job>,
}

/// The columns this decoder knows; others are skipped.
pub const JOB_COLUMNS: [&str; 18] = [
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

#[derive(Clone, Copy, Debug, PartialEq)]
enum Column {
    Known(usize),
    Ignored,
}

#[derive(Deserialize)]
struct RawPage<'a> {
    #[serde(default)]
    count: Option<u64>,
    #[serde(default)]
    next: Option<String>,
    #[serde(default)]
    previous: Option<String>,
    #[serde(borrow)]
    results: &'a serde_json::value::RawValue,
    #[serde(default)]
    job_property_names: Vec<String>,
}

/// Decodes an `/api/jobs/` page. Errors name the JSON path (`results[3][1]`) and column.
pub fn decode_job_page(body: &[u8]) -> Result<JobPage, (String, String)> {
    let page: RawPage = serde_json::from_slice(body).map_err(|e| (crate::json_path::error_path(body, &e), e.to_string()))?;
    let columns: Vec<Column> = page
        .job_property_names
        .iter()
        .map(|name| JOB_COLUMNS.iter().position(|c| c == name).map_or(Column::Ignored, Column::Known))
        .collect();
    for required in ["id", "push_id", "state"] {
        if !page.job_property_names.iter().any(|n| n == required) {
            return Err(("job_property_names".into(), format!("the `{required}` column is missing")));
        }
    }
    let rows_text = page.results.get();
    let mut rows = serde_json::Deserializer::from_str(rows_text);
    let jobs = RowsSeed { columns: &columns, names: &page.job_property_names }
        .deserialize(&mut rows)
        .map_err(|e| (format!("results{}", crate::json_path::error_path(rows_text.as_bytes(), &e)), e.to_string()))?;
    Ok(JobPage { count: page.count, next: page.next, previous: page.previous, jobs })
}

struct RowsSeed<'c> {
    columns: &'c [Column],
    names: &'c [String],
}

impl<'de> DeserializeSeed<'de> for RowsSeed<'_> {
    type Value = Vec<Job>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for RowsSeed<'_> {
    type Value = Vec<Job>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of job rows")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut jobs = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(job) = seq.next_element_seed(RowSeed { columns: self.columns, names: self.names })? {
            jobs.push(job);
        }
        Ok(jobs)
    }
}

struct RowSeed<'c> {
    columns: &'c [Column],
    names: &'c [String],
}

impl<'de> DeserializeSeed<'de> for RowSeed<'_> {
    type Value = Job;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

/// Reads the next cell as `T`, naming the column on failure.
fn cell<'de, A: SeqAccess<'de>, T: Deserialize<'de>>(seq: &mut A, name: &str, len: usize) -> Result<T, A::Error> {
    match seq.next_element::<T>() {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Err(de::Error::custom(format!("the row ends before column `{name}` ({len} columns named)"))),
        Err(e) => Err(de::Error::custom(format!("column `{name}`: {e}"))),
    }
}

impl<'de> Visitor<'de> for RowSeed<'_> {
    type Value = Job;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a job row (a list of values in job_property_names order)")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Job, A::Error> {
        let mut job = Job { failure_classification_id: 1, tier: 1, ..Job::default() };
        let n = self.names.len();
        for (column, name) in self.columns.iter().zip(self.names) {
            let Column::Known(index) = column else {
                cell::<A, IgnoredAny>(&mut seq, name, n)?;
                continue;
            };
            match *index {
                0 => job.failure_classification_id = cell::<A, Option<i64>>(&mut seq, name, n)?.unwrap_or(1),
                1 => job.id = cell(&mut seq, name, n)?,
                2 => job.job_group_name = cell::<A, Option<String>>(&mut seq, name, n)?.unwrap_or_default(),
                3 => job.job_group_symbol = cell::<A, Option<String>>(&mut seq, name, n)?.unwrap_or_default(),
                4 => job.job_type_name = cell::<A, Option<String>>(&mut seq, name, n)?.unwrap_or_default(),
                5 => job.job_type_symbol = cell::<A, Option<String>>(&mut seq, name, n)?.unwrap_or_default(),
                6 => job.last_modified = cell::<A, Option<String>>(&mut seq, name, n)?.unwrap_or_default(),
                7 => job.platform = cell::<A, Option<String>>(&mut seq, name, n)?.unwrap_or_default(),
                8 => job.push_id = cell(&mut seq, name, n)?,
                9 => job.push_revision = cell(&mut seq, name, n)?,
                10 => job.result = cell::<A, Option<String>>(&mut seq, name, n)?.unwrap_or_else(|| "unknown".into()),
                11 => job.signature = cell(&mut seq, name, n)?,
                12 => job.state = cell(&mut seq, name, n)?,
                13 => job.tier = cell::<A, Option<i64>>(&mut seq, name, n)?.unwrap_or(1),
                14 => job.task_id = cell(&mut seq, name, n)?,
                15 => job.retry_id = cell::<A, Option<i64>>(&mut seq, name, n)?.unwrap_or(0),
                16 => job.duration = cell(&mut seq, name, n)?,
                _ => job.platform_option = cell::<A, Option<String>>(&mut seq, name, n)?.unwrap_or_default(),
            }
        }
        // Cells beyond the named columns are ignored.
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(job)
    }
}

/// A job as the project endpoint (`/api/project/R/jobs/`) and similar jobs list it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectJob {
    pub id: i64,
    pub push_id: i64,
    pub result_set_id: Option<i64>,
    pub job_guid: String,
    pub job_type_id: Option<i64>,
    pub job_type_name: String,
    pub job_type_symbol: String,
    pub job_type_description: Option<String>,
    pub job_group_id: Option<i64>,
    pub job_group_name: String,
    pub job_group_symbol: String,
    pub job_group_description: Option<String>,
    pub build_architecture: Option<String>,
    pub build_os: Option<String>,
    pub build_platform: Option<String>,
    pub build_platform_id: Option<i64>,
    pub build_system_type: Option<String>,
    pub machine_name: Option<String>,
    pub machine_platform_architecture: Option<String>,
    pub machine_platform_os: Option<String>,
    pub platform: String,
    pub platform_option: Option<String>,
    pub option_collection_hash: Option<String>,
    pub failure_classification_id: i64,
    pub reason: Option<String>,
    pub who: Option<String>,
    pub ref_data_name: Option<String>,
    pub signature: Option<String>,
    pub result: String,
    pub state: String,
    pub tier: i64,
    /// Seconds since the epoch; 0 when not yet reached.
    pub submit_timestamp: i64,
    pub start_timestamp: i64,
    pub end_timestamp: i64,
    pub last_modified: Option<String>,
    pub task_id: Option<String>,
    pub retry_id: Option<i64>,
}

impl ProjectJob {
    /// Its result when completed, else its state (as [`Job::status`]).
    pub fn status(&self) -> &str {
        shown_status(&self.state, &self.result)
    }

    /// `<taskId>.<runId>`, the `selectedTaskRun` URL form.
    pub fn task_run(&self) -> Option<String> {
        self.task_id.as_ref().map(|t| format!("{t}.{}", self.retry_id.unwrap_or(0)))
    }

    /// Seconds it ran, once it has ended.
    pub fn run_seconds(&self) -> Option<i64> {
        (self.start_timestamp > 0 && self.end_timestamp >= self.start_timestamp).then(|| self.end_timestamp - self.start_timestamp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_rows_by_column_name_whatever_the_order() {
        let body = br#"{"count":2,"next":null,"previous":null,
          "results":[["x", 5, 9, "completed", "testfailed", 1, "extra"], [null, 6, 9, "pending", null, 2, 0]],
          "job_property_names":["new_column","id","push_id","state","result","tier","another"]}"#;
        let page = decode_job_page(body).unwrap();
        assert_eq!(page.count, Some(2));
        assert_eq!(page.jobs.len(), 2);
        assert_eq!((page.jobs[0].id, page.jobs[0].push_id, page.jobs[0].status()), (5, 9, "testfailed"));
        assert_eq!((page.jobs[1].id, page.jobs[1].status(), page.jobs[1].result.as_str(), page.jobs[1].tier), (6, "pending", "unknown", 2));
        assert!(page.jobs[0].is_unclassified_failure());
    }

    #[test]
    fn names_the_row_and_column_that_do_not_fit() {
        let body = br#"{"results":[[1, 2, "completed"], ["seven", 2, "completed"]],"job_property_names":["id","push_id","state"]}"#;
        let (path, message) = decode_job_page(body).unwrap_err();
        assert_eq!(path, "results[1][0]");
        assert!(message.contains("column `id`"), "{message}");
        let missing = br#"{"results":[],"job_property_names":["push_id","state"]}"#;
        assert_eq!(decode_job_page(missing).unwrap_err().0, "job_property_names");
        let short = br#"{"results":[[1]],"job_property_names":["id","push_id","state"]}"#;
        assert!(decode_job_page(short).unwrap_err().1.contains("ends before column `push_id`"));
    }
}
