use serde::{Deserialize, Serialize};

/// `/api/failureclassification/`: 1 "not classified", 2 "fixed by commit", 4 "intermittent"…
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FailureClassification {
    pub id: i64,
    pub name: String,
}

/// `/api/machineplatforms/`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MachinePlatform {
    pub id: i64,
    pub platform: String,
}

/// One entry of `/api/optioncollectionhash/`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OptionCollection {
    pub option_collection_hash: String,
    #[serde(default)]
    pub options: Vec<OptionName>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OptionName {
    pub name: String,
}

/// `/api/performance/issue-tracker/`: where alert bugs are filed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IssueTracker {
    pub id: i64,
    pub text: String,
    pub issue_tracker_url: String,
}
