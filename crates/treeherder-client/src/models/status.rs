//! Treeherder's job vocabulary, in one place: a job's state, its result, and its status (what
//! its colour shows: the result once completed, else the state), with the lists Treeherder's UI
//! builds its filters on (`ui/helpers/constants.js`: `thAllResultStatuses`,
//! `thDefaultFilterResultStatuses`, `thFailureResults`; the result chicklets of
//! `ui/job-view/headerbars/`). The app and the submission builder use these and nothing else.

/// Where a job is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JobState {
    Pending,
    Running,
    Completed,
}

impl JobState {
    /// Every state, as Treeherder's job submission takes them.
    pub const ALL: [JobState; 3] = [JobState::Pending, JobState::Running, JobState::Completed];

    /// `pending`, `running`, anything else `completed` (what Treeherder stores).
    pub fn parse(s: &str) -> JobState {
        match s {
            "pending" => JobState::Pending,
            "running" => JobState::Running,
            _ => JobState::Completed,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            JobState::Pending => "pending",
            JobState::Running => "running",
            JobState::Completed => "completed",
        }
    }
}

/// How a completed job ended (`unknown` while it has not).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JobResult {
    Success,
    TestFailed,
    Busted,
    Exception,
    Retry,
    UserCancel,
    Superseded,
    Unknown,
}

impl JobResult {
    /// Every result, as Treeherder's job submission takes them.
    pub const ALL: [JobResult; 8] = [
        JobResult::Success,
        JobResult::TestFailed,
        JobResult::Busted,
        JobResult::Exception,
        JobResult::Retry,
        JobResult::UserCancel,
        JobResult::Superseded,
        JobResult::Unknown,
    ];

    pub fn parse(s: &str) -> JobResult {
        JobResult::ALL.into_iter().find(|r| r.as_str() == s).unwrap_or(JobResult::Unknown)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            JobResult::Success => "success",
            JobResult::TestFailed => "testfailed",
            JobResult::Busted => "busted",
            JobResult::Exception => "exception",
            JobResult::Retry => "retry",
            JobResult::UserCancel => "usercancel",
            JobResult::Superseded => "superseded",
            JobResult::Unknown => "unknown",
        }
    }

    /// The results Treeherder counts as failures (`thFailureResults`).
    pub fn is_failure(self) -> bool {
        matches!(self, JobResult::TestFailed | JobResult::Busted | JobResult::Exception)
    }
}

/// What a job's colour shows: its result once completed, else its state (`getStatus`), and the
/// `resultStatus` filter's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JobStatus {
    TestFailed,
    Busted,
    Exception,
    Success,
    Retry,
    UserCancel,
    Superseded,
    Running,
    Pending,
    Unscheduled,
    Unknown,
}

impl JobStatus {
    /// Every status the `resultStatus` filter knows, in its menu's order (`thAllResultStatuses`).
    pub const FILTERABLE: [JobStatus; 10] = [
        JobStatus::TestFailed,
        JobStatus::Busted,
        JobStatus::Exception,
        JobStatus::Success,
        JobStatus::Retry,
        JobStatus::UserCancel,
        JobStatus::Superseded,
        JobStatus::Running,
        JobStatus::Pending,
        JobStatus::Unscheduled,
    ];

    /// Shown when the URL says nothing: all but superseded and unscheduled
    /// (`thDefaultFilterResultStatuses`).
    pub const SHOWN_BY_DEFAULT: [JobStatus; 8] = [
        JobStatus::TestFailed,
        JobStatus::Busted,
        JobStatus::Exception,
        JobStatus::Success,
        JobStatus::Retry,
        JobStatus::UserCancel,
        JobStatus::Running,
        JobStatus::Pending,
    ];

    /// Failures (`thFailureResults`).
    pub const FAILURES: [JobStatus; 3] = [JobStatus::TestFailed, JobStatus::Busted, JobStatus::Exception];

    /// The filter bar's result buttons ("chicklets"): every filterable status but unscheduled.
    pub const BUTTONS: [JobStatus; 9] = [
        JobStatus::TestFailed,
        JobStatus::Busted,
        JobStatus::Exception,
        JobStatus::Success,
        JobStatus::Retry,
        JobStatus::UserCancel,
        JobStatus::Superseded,
        JobStatus::Running,
        JobStatus::Pending,
    ];

    pub fn parse(s: &str) -> JobStatus {
        JobStatus::FILTERABLE.into_iter().find(|v| v.as_str() == s).unwrap_or(JobStatus::Unknown)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            JobStatus::TestFailed => "testfailed",
            JobStatus::Busted => "busted",
            JobStatus::Exception => "exception",
            JobStatus::Success => "success",
            JobStatus::Retry => "retry",
            JobStatus::UserCancel => "usercancel",
            JobStatus::Superseded => "superseded",
            JobStatus::Running => "running",
            JobStatus::Pending => "pending",
            JobStatus::Unscheduled => "unscheduled",
            JobStatus::Unknown => "unknown",
        }
    }

    pub fn is_failure(self) -> bool {
        JobStatus::FAILURES.contains(&self)
    }
}

/// What a job's colour shows: its result when completed, else its state (Treeherder's
/// `getStatus`), for either shape of job.
pub fn shown_status<'a>(state: &'a str, result: &'a str) -> &'a str {
    if state == "completed" {
        result
    } else {
        state
    }
}

/// The names of `statuses`, in their order (for URL parameters and messages).
pub fn status_names(statuses: &[JobStatus]) -> Vec<&'static str> {
    statuses.iter().map(|s| s.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back() {
        for s in JobStatus::FILTERABLE {
            assert_eq!(JobStatus::parse(s.as_str()), s);
        }
        for r in JobResult::ALL {
            assert_eq!(JobResult::parse(r.as_str()), r);
        }
        for st in JobState::ALL {
            assert_eq!(JobState::parse(st.as_str()), st);
        }
        assert_eq!(JobStatus::parse("nonsense"), JobStatus::Unknown);
    }

    #[test]
    fn status_is_the_result_once_completed_else_the_state() {
        let job = |state: &str, result: &str| crate::models::Job { state: state.into(), result: result.into(), ..Default::default() };
        assert_eq!(job("running", "unknown").job_status(), JobStatus::Running);
        assert_eq!(job("completed", "busted").job_status(), JobStatus::Busted);
        assert_eq!(job("completed", "unknown").job_status(), JobStatus::Unknown);
        assert!(JobStatus::FAILURES.iter().all(|s| s.is_failure() && JobResult::parse(s.as_str()).is_failure()));
    }
}
