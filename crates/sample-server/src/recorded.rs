//! The recorded Treeherder responses embedded in this binary (`fixtures/treeherder-sample/`,
//! copied from a real Treeherder by `scripts/import-sample.py`).

use std::io::Read;

use serde::Deserialize;
use serde_json::Value;

static SNAPSHOT: &[u8] = include_bytes!("../../../fixtures/treeherder-sample/snapshot.jsonl.gz");
static EXTRAS: &[u8] = include_bytes!("../../../fixtures/treeherder-sample/responses.jsonl.gz");

/// One recorded exchange: the URL asked (path + query, as sent), the status and the body.
#[derive(Clone, Debug, Deserialize)]
pub struct Recorded {
    pub url: String,
    pub status: u16,
    #[serde(default)]
    pub content_type: String,
    pub body: Value,
    #[serde(default)]
    pub note: Option<String>,
}

impl Recorded {
    pub fn path(&self) -> &str {
        self.url.split('?').next().unwrap_or("")
    }

    pub fn query(&self) -> &str {
        self.url.split_once('?').map(|(_, q)| q).unwrap_or("")
    }
}

/// The complete crawl: reference data, every push, every job, details of failed jobs, perf data.
pub fn snapshot() -> Vec<Recorded> {
    parse_bundle(SNAPSHOT, "snapshot")
}

/// Hand-picked responses the crawl lacks (similar jobs, replicates, alert summary detail…).
pub fn extras() -> Vec<Recorded> {
    parse_bundle(EXTRAS, "responses")
}

fn parse_bundle(gz: &[u8], name: &str) -> Vec<Recorded> {
    let mut text = String::new();
    // The bundle is compiled in: failing to read it is a build defect, not bad input.
    flate2::read::GzDecoder::new(gz).read_to_string(&mut text).unwrap_or_else(|e| panic!("embedded {name} bundle is corrupt: {e}"));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, line)| serde_json::from_str(line).unwrap_or_else(|e| panic!("embedded {name} bundle, line {}: {e}", i + 1)))
        .collect()
}
