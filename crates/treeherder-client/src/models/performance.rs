use serde::{Deserialize, Deserializer, Serialize};

/// `/api/performance/framework/`: talos, awsy, browsertime…
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PerformanceFramework {
    pub id: i64,
    pub name: String,
}

/// `/api/performance/tag/`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PerformanceTag {
    pub id: i64,
    pub name: String,
}

/// A performance series' identity (`/api/project/R/performance/signatures/`, keyed by id).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PerformanceSignature {
    pub id: i64,
    pub signature_hash: String,
    pub framework_id: i64,
    #[serde(default)]
    pub option_collection_hash: Option<String>,
    pub machine_platform: String,
    pub suite: String,
    /// Empty for a suite summary.
    #[serde(default)]
    pub test: Option<String>,
    /// Only sent when false (Treeherder saves bandwidth by assuming true).
    #[serde(default = "yes")]
    pub lower_is_better: bool,
    #[serde(default)]
    pub has_subtests: bool,
    #[serde(default)]
    pub parent_signature: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub extra_options: Vec<String>,
    #[serde(default)]
    pub measurement_unit: Option<String>,
    #[serde(default)]
    pub application: Option<String>,
    #[serde(default)]
    pub should_alert: Option<bool>,
}

fn yes() -> bool {
    true
}

impl PerformanceSignature {
    /// "suite test" or just "suite".
    pub fn name(&self) -> String {
        match self.test.as_deref().filter(|t| !t.is_empty()) {
            Some(test) => format!("{} {}", self.suite, test),
            None => self.suite.clone(),
        }
    }
}

/// A series with its data (`/api/performance/summary/`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PerformanceSummary {
    pub signature_id: i64,
    pub framework_id: i64,
    pub signature_hash: String,
    pub platform: String,
    #[serde(default)]
    pub test: String,
    pub suite: String,
    #[serde(default = "yes")]
    pub lower_is_better: bool,
    #[serde(default)]
    pub has_subtests: bool,
    /// Space-separated.
    #[serde(default, deserialize_with = "null_as_default")]
    pub tags: String,
    #[serde(default)]
    pub values: Vec<f64>,
    /// e.g. "tp5o opt e10s fission stylo webrender".
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub parent_signature: Option<i64>,
    #[serde(default)]
    pub job_ids: Vec<i64>,
    #[serde(default)]
    pub repository_name: String,
    #[serde(default)]
    pub repository_id: Option<i64>,
    #[serde(default)]
    pub data: Vec<SummaryPoint>,
    #[serde(default)]
    pub measurement_unit: Option<String>,
    #[serde(default)]
    pub application: Option<String>,
    /// Whether the series raises alerts; `None` (the usual) means yes.
    #[serde(default)]
    pub should_alert: Option<bool>,
    /// 0 or `None`: percentage; 1: absolute (Treeherder's `ALERT_CHANGE_TYPES`).
    #[serde(default)]
    pub alert_change_type: Option<i64>,
    #[serde(default)]
    pub alert_threshold: Option<f64>,
}

/// How a series' alerts are configured, as Perfherder's legend card shows them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AlertSettings {
    pub should_alert: bool,
    pub absolute_change: bool,
    pub threshold: Option<f64>,
}

impl PerformanceSummary {
    pub fn alert_settings(&self) -> AlertSettings {
        AlertSettings {
            should_alert: self.should_alert != Some(false),
            absolute_change: self.alert_change_type == Some(1),
            threshold: self.alert_threshold,
        }
    }
}

fn null_as_default<'de, D: Deserializer<'de>, T: Default + Deserialize<'de>>(d: D) -> Result<T, D::Error> {
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// One value of a series (one per replicate when asked for replicates).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SummaryPoint {
    pub id: i64,
    #[serde(default)]
    pub job_id: Option<i64>,
    pub value: f64,
    /// ISO datetime, UTC.
    pub push_timestamp: String,
    pub push_id: i64,
    #[serde(default)]
    pub revision: Option<String>,
    #[serde(default)]
    pub submit_time: Option<String>,
    #[serde(default)]
    pub machine_name: Option<String>,
}

/// A datum of `/api/project/R/performance/data/` (keyed by signature hash).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PerformanceDatum {
    pub id: i64,
    pub signature_id: i64,
    #[serde(default)]
    pub job_id: Option<i64>,
    pub push_id: i64,
    #[serde(default)]
    pub revision: Option<String>,
    pub push_timestamp: i64,
    pub value: f64,
}
