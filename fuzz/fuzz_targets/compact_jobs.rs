//! The compact `/api/jobs/` decoder (`job_property_names` + rows, decoded straight into typed
//! jobs without an intermediate tree). Seeds: the recorded `/api/jobs/` answers.
//! Properties: no panic; what it accepts has as many jobs as the answer has rows.
#![no_main]

use libfuzzer_sys::fuzz_target;
use treeherder_client::models::decode_job_page;

fuzz_target!(|data: &[u8]| {
    if let Ok(page) = decode_job_page(data) {
        let rows =
            serde_json::from_slice::<serde_json::Value>(data).ok().and_then(|v| v.get("results").and_then(|r| r.as_array()).map(Vec::len));
        if let Some(rows) = rows {
            assert_eq!(page.jobs.len(), rows, "every row becomes a job");
        }
    }
});
