use crate::client::TreeherderClient;
use crate::error::{Error, ErrorKind};
use crate::models::{BugJobMap, BugSuggestion, JobLog, JobNote, TaskclusterMetadata, TextLogError};
use crate::query::Query;
use crate::transport::Transport;

use super::pushes::encode_segment;

impl<T: Transport> TreeherderClient<T> {
    /// Logs of jobs, with their parse status (thclient's `get_job_log_url`).
    ///
    /// ```no_run
    /// # async fn demo(client: treeherder_client::TreeherderClient) -> Result<(), treeherder_client::Error> {
    /// let logs = client.job_log_urls("autoland", &[3205, 3313]).await?;
    /// let parsed = logs.iter().filter(|l| l.parse_status.as_deref() == Some("parsed")).count();
    /// # Ok(()) }
    /// ```
    pub async fn job_log_urls(&self, project: &str, job_ids: &[i64]) -> Result<Vec<JobLog>, Error> {
        let mut q = Query::new();
        for id in job_ids {
            q.push("job_id", id);
        }
        self.get_json(&format!("/api/project/{}/job-log-url/", encode_segment(project)), &q).await
    }

    /// Error lines the log parser found in a job's log.
    pub async fn text_log_errors(&self, project: &str, job_id: i64) -> Result<Vec<TextLogError>, Error> {
        self.get_json(&format!("/api/project/{}/jobs/{job_id}/text_log_errors/", encode_segment(project)), &Query::new()).await
    }

    /// Bugs that may match a failed job's error lines.
    ///
    /// ```no_run
    /// # async fn demo(client: treeherder_client::TreeherderClient) -> Result<(), treeherder_client::Error> {
    /// for suggestion in client.bug_suggestions("autoland", 3205).await? {
    ///     for bug in &suggestion.bugs.open_recent {
    ///         println!("bug {:?}: {}", bug.id, bug.summary);
    ///     }
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn bug_suggestions(&self, project: &str, job_id: i64) -> Result<Vec<BugSuggestion>, Error> {
        self.get_json(&format!("/api/project/{}/jobs/{job_id}/bug_suggestions/", encode_segment(project)), &Query::new()).await
    }

    /// Classifications of a job.
    pub async fn job_notes(&self, project: &str, job_id: i64) -> Result<Vec<JobNote>, Error> {
        self.get_json(&format!("/api/project/{}/note/", encode_segment(project)), &Query::new().with("job_id", job_id)).await
    }

    /// Bugs linked to jobs.
    pub async fn bug_job_map(&self, project: &str, job_ids: &[i64]) -> Result<Vec<BugJobMap>, Error> {
        let mut q = Query::new();
        for id in job_ids {
            q.push("job_id", id);
        }
        self.get_json(&format!("/api/project/{}/bug-job-map/", encode_segment(project)), &q).await
    }

    /// Taskcluster task and run ids of jobs.
    pub async fn taskcluster_metadata(&self, job_ids: &[i64]) -> Result<Vec<TaskclusterMetadata>, Error> {
        let ids = job_ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        self.get_json("/api/taskclustermetadata/", &Query::new().with("job_ids", ids)).await
    }

    /// Performance data a job produced; empty when it produced none (Treeherder answers that
    /// with a 400 "No data found").
    pub async fn performance_job_data(&self, project: &str, job_id: i64) -> Result<Vec<serde_json::Value>, Error> {
        let path = format!("/api/project/{}/performance/job-data/", encode_segment(project));
        match self.get_json(&path, &Query::new().with("job_id", job_id)).await {
            Err(e) if matches!(&e.kind, ErrorKind::Http { status: 400, detail: Some(d), .. } if d.starts_with("No data found")) => {
                Ok(Vec::new())
            }
            other => other,
        }
    }
}
