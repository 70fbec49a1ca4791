//! Every API model the client decodes, from arbitrary bytes, through the client's own decoder
//! (`decode_json`, which names the failing path) and its error-body reader (`check_status`).
//! Seeds: the recorded Treeherder answers. Property: an `Err`, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use treeherder_client::models::*;
use treeherder_client::{check_status, decode_json, HttpResponse};

fn decode<T: serde::de::DeserializeOwned>(data: &[u8]) {
    let _ = decode_json::<T>("GET", "https://fuzz.example/api/", data);
}

fuzz_target!(|data: &[u8]| {
    decode::<Vec<Repository>>(data);
    decode::<PushList>(data);
    decode::<PushStatus>(data);
    decode::<JobDetail>(data);
    decode::<Page<ProjectJob>>(data);
    decode::<Vec<JobLog>>(data);
    decode::<Vec<TextLogError>>(data);
    decode::<Vec<BugSuggestion>>(data);
    decode::<Vec<JobNote>>(data);
    decode::<Vec<BugJobMap>>(data);
    decode::<Vec<TaskclusterMetadata>>(data);
    decode::<Vec<FailureClassification>>(data);
    decode::<Vec<MachinePlatform>>(data);
    decode::<Vec<OptionCollection>>(data);
    decode::<Vec<IssueTracker>>(data);
    decode::<Vec<PerformanceFramework>>(data);
    decode::<Vec<PerformanceTag>>(data);
    decode::<std::collections::HashMap<String, PerformanceSignature>>(data);
    decode::<Vec<PerformanceSummary>>(data);
    decode::<std::collections::HashMap<String, Vec<PerformanceDatum>>>(data);
    decode::<Page<AlertSummary>>(data);
    decode::<AlertSummary>(data);
    // An error answer: the detail, the Retry-After header and the logged body come from it.
    let status = 400 + data.first().copied().unwrap_or(0) as u16 % 200;
    let retry_after = String::from_utf8_lossy(data.get(1..4).unwrap_or_default()).into_owned();
    let response = HttpResponse { status, headers: vec![("Retry-After".into(), retry_after)], body: data.to_vec() };
    if let Err(error) = check_status("GET", "https://fuzz.example/api/", response) {
        let _ = error.to_string();
    }
});
