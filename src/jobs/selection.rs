//! The selected job: `selectedTaskRun=<taskId>.<runId>` or legacy `selectedJob=<id>`, found among
//! the loaded jobs (or, by the details panel, looked up on the server).

use leptos::prelude::*;
use treeherder_client::models::Job;

use super::store::PushSlot;
use super::url_state::Selection;
use crate::hallway::links::job_selection;

#[derive(Clone, Debug, PartialEq)]
pub struct SelectedJob {
    pub job: Job,
}

/// Whether `job` is the one the URL selects.
pub fn matches(selection: &Selection, job: &Job) -> bool {
    if let Some((task, run)) = &selection.task_run {
        return job.task_id.as_deref() == Some(task.as_str()) && job.retry_id == *run;
    }
    selection.job_id == Some(job.id)
}

/// The selected job among the loaded pushes.
pub fn find_loaded(selection: &Selection, pushes: &[PushSlot]) -> Option<SelectedJob> {
    if !selection.is_some() {
        return None;
    }
    pushes.iter().find_map(|slot| {
        slot.jobs.with(|j| j.entries.iter().find(|e| matches(selection, &e.job)).map(|e| SelectedJob { job: e.job.clone() }))
    })
}

/// The URL pairs selecting `job` (`selectedTaskRun`, dropping the legacy `selectedJob`).
pub fn select_pairs(pairs: &[(String, String)], job: Option<&Job>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = pairs.iter().filter(|(k, _)| k != "selectedTaskRun" && k != "selectedJob").cloned().collect();
    if let Some(job) = job {
        let (key, value) = job_selection(job.task_run(), job.id);
        out.push((key.into(), value));
    }
    out
}
