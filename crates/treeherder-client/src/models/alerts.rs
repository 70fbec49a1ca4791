use serde::{Deserialize, Serialize};

pub use super::job_details::TaskclusterRun;

/// A group of performance alerts caused by one push (`/api/performance/alertsummary/`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AlertSummary {
    pub id: i64,
    pub push_id: i64,
    #[serde(default)]
    pub prev_push_id: Option<i64>,
    #[serde(default)]
    pub revision: Option<String>,
    #[serde(default)]
    pub prev_push_revision: Option<String>,
    #[serde(default)]
    pub push_timestamp: Option<i64>,
    #[serde(default)]
    pub created: Option<String>,
    pub repository: String,
    pub framework: i64,
    #[serde(default)]
    pub alerts: Vec<Alert>,
    #[serde(default)]
    pub related_alerts: Vec<Alert>,
    /// 0 untriaged, 1 downstream, 2 reassigned, 3 invalid, 4 improvement, 5 investigating,
    /// 6 won't fix, 7 fixed, 8 backed out.
    pub status: i64,
    #[serde(default)]
    pub bug_number: Option<i64>,
    #[serde(default)]
    pub notes: Option<String>,
    #[serde(default)]
    pub assignee_username: Option<String>,
    #[serde(default)]
    pub performance_tags: Vec<String>,
}

impl AlertSummary {
    pub fn status_name(&self) -> &'static str {
        match self.status {
            0 => "untriaged",
            1 => "downstream",
            2 => "reassigned",
            3 => "invalid",
            4 => "improvement",
            5 => "investigating",
            6 => "wontfix",
            7 => "fixed",
            8 => "backedout",
            _ => "unknown",
        }
    }
}

/// One alert: a series changed at a push.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Alert {
    pub id: i64,
    /// 0 untriaged, 1 downstream, 2 reassigned, 3 invalid, 4 acknowledged.
    pub status: i64,
    pub series_signature: AlertSignature,
    pub is_regression: bool,
    #[serde(default)]
    pub prev_value: Option<f64>,
    #[serde(default)]
    pub new_value: Option<f64>,
    #[serde(default)]
    pub t_value: Option<f64>,
    #[serde(default)]
    pub amount_abs: Option<f64>,
    #[serde(default)]
    pub amount_pct: Option<f64>,
    #[serde(default)]
    pub summary_id: Option<i64>,
    #[serde(default)]
    pub related_summary_id: Option<i64>,
    #[serde(default)]
    pub manually_created: bool,
    #[serde(default)]
    pub starred: bool,
    #[serde(default)]
    pub noise_profile: Option<String>,
    #[serde(default)]
    pub taskcluster_metadata: Option<TaskclusterRun>,
    #[serde(default)]
    pub prev_taskcluster_metadata: Option<TaskclusterRun>,
}

impl Alert {
    pub fn status_name(&self) -> &'static str {
        match self.status {
            0 => "untriaged",
            1 => "downstream",
            2 => "reassigned",
            3 => "invalid",
            4 => "acknowledged",
            _ => "unknown",
        }
    }
}

/// The series an alert is about.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AlertSignature {
    pub id: i64,
    pub framework_id: i64,
    pub signature_hash: String,
    pub machine_platform: String,
    pub suite: String,
    #[serde(default)]
    pub test: Option<String>,
    #[serde(default = "yes")]
    pub lower_is_better: bool,
    #[serde(default)]
    pub has_subtests: bool,
    #[serde(default)]
    pub option_collection_hash: Option<String>,
    #[serde(default)]
    pub extra_options: Vec<String>,
    #[serde(default)]
    pub measurement_unit: Option<String>,
}

fn yes() -> bool {
    true
}
