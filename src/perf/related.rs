//! "Add the same test on other repositories / platforms", as Perfherder's legend cards offer:
//! the signatures with the same suite, test and options elsewhere.

use treeherder_client::models::PerformanceSignature;
use treeherder_client::SignatureQuery;

use super::url_state::SeriesParam;
use crate::hallway::api::Client;

/// Repositories Perfherder relates branches across (`thPerformanceBranches`).
pub const RELATED_REPOSITORIES: [&str; 2] = ["autoland", "mozilla-central"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Related {
    Repositories,
    Platforms,
}

fn same_test(a: &PerformanceSignature, b: &PerformanceSignature) -> bool {
    a.suite == b.suite
        && a.test.as_deref().unwrap_or("") == b.test.as_deref().unwrap_or("")
        && a.extra_options == b.extra_options
        && a.application == b.application
}

/// The related series not already shown.
pub async fn find(
    client: &Client,
    param: &SeriesParam,
    kind: Related,
    timerange: i64,
    shown: &[SeriesParam],
) -> Result<Vec<SeriesParam>, String> {
    let query = SignatureQuery { framework: Some(param.framework), interval: Some(timerange), subtests: Some(true), ..Default::default() };
    let own = client.performance_signatures(&param.repo, &query).await.map_err(|e| e.to_string())?;
    let me = own
        .values()
        .find(|s| s.id.to_string() == param.signature || s.signature_hash == param.signature)
        .cloned()
        .ok_or_else(|| format!("signature {} has no data on {} in this time range", param.signature, param.repo))?;
    let mut found: Vec<SeriesParam> = Vec::new();
    let mut add = |repo: &str, sig: &PerformanceSignature| {
        let candidate = SeriesParam { repo: repo.to_string(), signature: sig.id.to_string(), shown: true, framework: sig.framework_id };
        if !shown.iter().chain(found.iter()).any(|s| s.same(&candidate)) {
            found.push(candidate);
        }
    };
    match kind {
        Related::Platforms => {
            for sig in own.values().filter(|s| s.id != me.id && same_test(s, &me) && s.machine_platform != me.machine_platform) {
                add(&param.repo, sig);
            }
        }
        Related::Repositories => {
            for repo in RELATED_REPOSITORIES.iter().filter(|r| **r != param.repo) {
                let theirs = client.performance_signatures(repo, &query).await.map_err(|e| e.to_string())?;
                for sig in theirs.values().filter(|s| same_test(s, &me) && s.machine_platform == me.machine_platform) {
                    add(repo, sig);
                }
            }
        }
    }
    Ok(found)
}
