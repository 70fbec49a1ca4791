//! Job submission, as thclient 4.x had it (`TreeherderJob`, `TreeherderJobCollection`,
//! `post_collection`): a typed builder for the job format of `POST /api/project/{p}/jobs/`,
//! validated before sending, sent Hawk-signed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::models::{JobResult, JobState};

use crate::client::TreeherderClient;
use crate::endpoints::encode_segment;
use crate::error::{Error, ErrorKind};
use crate::transport::Transport;

/// One job to submit, in Treeherder's submission format.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TreeherderJob {
    pub project: String,
    /// The push's tip revision (12 or 40 hex digits).
    pub revision: String,
    #[serde(default)]
    pub superseded: Vec<String>,
    pub job: JobData,
}

/// The job itself.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct JobData {
    pub job_guid: String,
    pub name: String,
    pub job_symbol: String,
    pub group_name: String,
    pub group_symbol: String,
    #[serde(default)]
    pub desc: String,
    pub product_name: String,
    /// `pending`, `running` or `completed`.
    pub state: String,
    /// `success`, `testfailed`, `busted`, `exception`, `retry`, `usercancel`, `unknown`.
    pub result: String,
    pub reason: String,
    pub who: String,
    pub submit_timestamp: i64,
    pub start_timestamp: i64,
    pub end_timestamp: i64,
    pub machine: String,
    pub build_platform: PlatformInfo,
    pub machine_platform: PlatformInfo,
    /// `{"opt": true}`, `{"debug": true}`…
    pub option_collection: BTreeMap<String, bool>,
    pub log_references: Vec<LogReferenceSubmission>,
    #[serde(default)]
    pub artifacts: Vec<serde_json::Value>,
    pub tier: i64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PlatformInfo {
    pub os_name: String,
    pub platform: String,
    pub architecture: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LogReferenceSubmission {
    pub name: String,
    pub url: String,
    pub parse_status: String,
}

impl TreeherderJob {
    /// A job of `project` on the push `revision`, identified by `job_guid`; pending, tier 1.
    ///
    /// ```
    /// use treeherder_client::submit::TreeherderJob;
    /// let job = TreeherderJob::new("try", "37fe03380afc10184ae9cc37aeb38470b6e6c10b", "d9e5a7f8-0c1b-4e7a-9d3f-000000000001/0")
    ///     .name("test-linux1804-64/opt-mochitest-1")
    ///     .symbol("M", "Mochitests", "1")
    ///     .state("completed")
    ///     .result("success")
    ///     .who("me@example.com")
    ///     .times(1_795_800_000, 1_795_800_060, 1_795_800_600)
    ///     .platform("linux", "linux1804-64", "x86_64")
    ///     .option("opt")
    ///     .log_reference("live_backing_log", "https://example.org/log.txt", "pending");
    /// assert!(job.validate().is_ok());
    /// ```
    pub fn new(project: &str, revision: &str, job_guid: &str) -> Self {
        TreeherderJob {
            project: project.to_string(),
            revision: revision.to_string(),
            superseded: Vec::new(),
            job: JobData {
                job_guid: job_guid.to_string(),
                product_name: "firefox".into(),
                state: "pending".into(),
                result: "unknown".into(),
                reason: "scheduled".into(),
                group_name: "unknown".into(),
                group_symbol: "?".into(),
                tier: 1,
                ..JobData::default()
            },
        }
    }

    pub fn name(mut self, name: &str) -> Self {
        self.job.name = name.to_string();
        self
    }

    /// Group symbol and name, and the job's own symbol.
    pub fn symbol(mut self, group_symbol: &str, group_name: &str, job_symbol: &str) -> Self {
        self.job.group_symbol = group_symbol.to_string();
        self.job.group_name = group_name.to_string();
        self.job.job_symbol = job_symbol.to_string();
        self
    }

    pub fn description(mut self, desc: &str) -> Self {
        self.job.desc = desc.to_string();
        self
    }

    pub fn product(mut self, product: &str) -> Self {
        self.job.product_name = product.to_string();
        self
    }

    pub fn state(mut self, state: &str) -> Self {
        self.job.state = state.to_string();
        self
    }

    pub fn result(mut self, result: &str) -> Self {
        self.job.result = result.to_string();
        self
    }

    pub fn reason(mut self, reason: &str) -> Self {
        self.job.reason = reason.to_string();
        self
    }

    pub fn who(mut self, who: &str) -> Self {
        self.job.who = who.to_string();
        self
    }

    /// Submit, start and end times (epoch seconds; 0 for not yet).
    pub fn times(mut self, submit: i64, start: i64, end: i64) -> Self {
        self.job.submit_timestamp = submit;
        self.job.start_timestamp = start;
        self.job.end_timestamp = end;
        self
    }

    pub fn machine(mut self, machine: &str) -> Self {
        self.job.machine = machine.to_string();
        self
    }

    /// The same build and machine platform (the usual case).
    pub fn platform(mut self, os_name: &str, platform: &str, architecture: &str) -> Self {
        let info = PlatformInfo { os_name: os_name.into(), platform: platform.into(), architecture: architecture.into() };
        self.job.build_platform = info.clone();
        self.job.machine_platform = info;
        self
    }

    pub fn build_platform(mut self, os_name: &str, platform: &str, architecture: &str) -> Self {
        self.job.build_platform = PlatformInfo { os_name: os_name.into(), platform: platform.into(), architecture: architecture.into() };
        self
    }

    /// Adds a build option (`opt`, `debug`, `asan`…).
    pub fn option(mut self, option: &str) -> Self {
        self.job.option_collection.insert(option.to_string(), true);
        self
    }

    pub fn tier(mut self, tier: i64) -> Self {
        self.job.tier = tier;
        self
    }

    pub fn log_reference(mut self, name: &str, url: &str, parse_status: &str) -> Self {
        self.job.log_references.push(LogReferenceSubmission {
            name: name.to_string(),
            url: url.to_string(),
            parse_status: parse_status.to_string(),
        });
        self
    }

    pub fn supersedes(mut self, job_guid: &str) -> Self {
        self.superseded.push(job_guid.to_string());
        self
    }

    /// Every problem Treeherder would reject the job for (thclient's `ValidatorMixin`).
    pub fn validate(&self) -> Result<(), Vec<String>> {
        let mut problems = Vec::new();
        let mut need = |field: &str, value: &str, max: usize| {
            if value.trim().is_empty() {
                problems.push(format!("{field} is required"));
            } else if value.chars().count() > max {
                problems.push(format!("{field} is longer than {max} characters"));
            }
        };
        need("project", &self.project, 50);
        need("job.job_guid", &self.job.job_guid, 50);
        need("job.name", &self.job.name, 100);
        need("job.job_symbol", &self.job.job_symbol, 25);
        need("job.group_name", &self.job.group_name, 100);
        need("job.group_symbol", &self.job.group_symbol, 25);
        need("job.product_name", &self.job.product_name, 50);
        need("job.reason", &self.job.reason, 125);
        need("job.who", &self.job.who, 50);
        need("job.build_platform.platform", &self.job.build_platform.platform, 100);
        need("job.machine_platform.platform", &self.job.machine_platform.platform, 100);
        let hex = self.revision.chars().all(|c| c.is_ascii_hexdigit());
        if !(hex && (self.revision.len() == 12 || self.revision.len() == 40)) {
            problems.push(format!("revision {:?} is not 12 or 40 hexadecimal digits", self.revision));
        }
        let states: Vec<&str> = JobState::ALL.iter().map(|s| s.as_str()).collect();
        if !states.contains(&self.job.state.as_str()) {
            problems.push(format!("job.state {:?} is not one of {}", self.job.state, states.join(", ")));
        }
        let results: Vec<&str> = JobResult::ALL.iter().map(|r| r.as_str()).collect();
        if !results.contains(&self.job.result.as_str()) {
            problems.push(format!("job.result {:?} is not one of {}", self.job.result, results.join(", ")));
        }
        if !(1..=3).contains(&self.job.tier) {
            problems.push(format!("job.tier {} is not 1, 2 or 3", self.job.tier));
        }
        if self.job.option_collection.is_empty() {
            problems.push("job.option_collection needs at least one option (e.g. opt)".into());
        }
        for log in &self.job.log_references {
            if !(log.url.starts_with("https://") || log.url.starts_with("http://")) {
                problems.push(format!("log reference {:?} has a URL that is not http(s)", log.name));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

/// Jobs to submit together.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TreeherderJobCollection {
    pub jobs: Vec<TreeherderJob>,
}

impl TreeherderJobCollection {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, job: TreeherderJob) -> &mut Self {
        self.jobs.push(job);
        self
    }

    /// Every problem of every job, prefixed by its position and guid.
    pub fn validate(&self) -> Result<(), Vec<String>> {
        let problems: Vec<String> = self
            .jobs
            .iter()
            .enumerate()
            .flat_map(|(i, job)| {
                job.validate().err().unwrap_or_default().into_iter().map(move |p| format!("job {i} ({}): {p}", job.job.job_guid))
            })
            .collect();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// The collection in chunks of at most `size` jobs.
    pub fn chunks(&self, size: usize) -> impl Iterator<Item = &[TreeherderJob]> {
        self.jobs.chunks(size.max(1))
    }
}

/// What the server said about a submission.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SubmissionReceipt {
    #[serde(default)]
    pub message: String,
}

/// Jobs per request, as thclient's default chunk size.
pub const CHUNK_SIZE: usize = 100;

impl<T: Transport> TreeherderClient<T> {
    /// Validates and POSTs jobs to `/api/project/{project}/jobs/`, Hawk-signed, in chunks of
    /// [`CHUNK_SIZE`] (thclient 4.x's `post_collection`).
    ///
    /// ```no_run
    /// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
    /// use treeherder_client::submit::{TreeherderJob, TreeherderJobCollection};
    /// use treeherder_client::{Credentials, TreeherderClient};
    /// let client = TreeherderClient::with_server("http://localhost:8000")?
    ///     .with_credentials(Credentials::new("my-client-id", "my-secret")?);
    /// let mut jobs = TreeherderJobCollection::new();
    /// jobs.add(TreeherderJob::new("try", "37fe03380afc", "guid-1/0").name("build").symbol("?", "unknown", "B")
    ///     .who("me@example.com").platform("linux", "linux64", "x86_64").option("opt"));
    /// client.post_collection("try", &jobs).await?;
    /// # Ok(()) }
    /// ```
    pub async fn post_collection(&self, project: &str, collection: &TreeherderJobCollection) -> Result<Vec<SubmissionReceipt>, Error> {
        let path = format!("/api/project/{}/jobs/", encode_segment(project));
        let url = self.url(&path, &crate::Query::new());
        if self.credentials().is_none() {
            return Err(Error::new(
                ErrorKind::InvalidInput("submitting jobs needs Hawk credentials (TreeherderClient::with_credentials)".into()),
                "POST",
                &url,
            ));
        }
        if let Some(job) = collection.jobs.iter().find(|j| j.project != project) {
            return Err(Error::new(
                ErrorKind::InvalidInput(format!("job {} is for project {:?}, not {project:?}", job.job.job_guid, job.project)),
                "POST",
                &url,
            ));
        }
        collection
            .validate()
            .map_err(|problems| Error::new(ErrorKind::InvalidInput(format!("invalid jobs: {}", problems.join("; "))), "POST", &url))?;
        let mut receipts = Vec::new();
        for chunk in collection.chunks(CHUNK_SIZE) {
            receipts.push(self.post_json(&path, chunk).await?);
        }
        Ok(receipts)
    }
}
