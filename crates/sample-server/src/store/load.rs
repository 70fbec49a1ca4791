//! Builds the [`Store`] from recorded responses: each URL pattern of the crawl feeds one table.

use std::collections::HashMap;

use serde_json::Value;

use super::records::{DatumRecord, JobRecord, LogRecord, PushJson, PushRecord, SignatureRecord};
use super::{canonical_url, Store};
use crate::clock::parse_datetime;
use crate::recorded::Recorded;

/// Path segments of `/api/project/{repo}/…/`, without the empty ends.
fn segments(path: &str) -> Vec<&str> {
    path.split('/').filter(|s| !s.is_empty()).collect()
}

fn query_value(query: &str, key: &str) -> Option<String> {
    form_urlencoded::parse(query.as_bytes()).find(|(k, _)| k == key).map(|(_, v)| v.into_owned())
}

pub fn build(recorded: &[Recorded]) -> Store {
    let mut store = Store::default();
    let mut durations: HashMap<i64, i64> = HashMap::new();
    let mut replicates: HashMap<i64, Vec<f64>> = HashMap::new();

    for r in recorded {
        let segs = segments(r.path());
        let ok = r.status == 200;
        match segs.as_slice() {
            ["api", "repository"] if ok => {
                store.repositories = r.body.as_array().cloned().unwrap_or_default();
                for repo in &store.repositories {
                    if let (Some(name), Some(id)) = (repo["name"].as_str(), repo["id"].as_i64()) {
                        store.repository_ids.insert(name.to_string(), id);
                    }
                }
            }
            ["api", "failureclassification"] if ok => store.failure_classifications = r.body.clone(),
            ["api", "optioncollectionhash"] if ok => {
                store.option_collection_hashes = r.body.clone();
                for entry in r.body.as_array().into_iter().flatten() {
                    let names: Vec<&str> = entry["options"].as_array().into_iter().flatten().filter_map(|o| o["name"].as_str()).collect();
                    if let Some(hash) = entry["option_collection_hash"].as_str() {
                        store.option_names.insert(hash.to_string(), names.join(" "));
                    }
                }
            }
            ["api", "machineplatforms"] if ok => store.machine_platforms = r.body.clone(),
            ["api", "performance", "framework"] if ok => store.frameworks = r.body.clone(),
            ["api", "performance", "tag"] if ok => store.performance_tags = r.body.clone(),
            ["api", "performance", "issue-tracker"] if ok => store.issue_trackers = r.body.clone(),
            // The crawl's copy (asked with version 1.1) wins over the hand-picked one.
            ["api", "schema"] if ok && (store.schema.is_null() || r.note.is_none()) => store.schema = r.body.clone(),
            ["api", "project", repo, "push"] if ok && r.query().contains("count=1000") => {
                for push in r.body["results"].as_array().into_iter().flatten() {
                    if let Ok(json) = serde_json::from_value::<PushJson>(push.clone()) {
                        store.pushes.insert(json.id, PushRecord::from_json(json, repo));
                    }
                }
            }
            ["api", "jobs"] if ok && r.note.is_none() => {
                let names: Vec<&str> = r.body["job_property_names"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
                let (Some(id_col), Some(dur_col)) = (names.iter().position(|n| *n == "id"), names.iter().position(|n| *n == "duration"))
                else {
                    continue;
                };
                for row in r.body["results"].as_array().into_iter().flatten() {
                    if let (Some(id), Some(d)) = (row[id_col].as_i64(), row[dur_col].as_i64()) {
                        durations.insert(id, d);
                    }
                }
            }
            ["api", "project", _, "jobs"] if ok && r.query().contains("count=2000") => {
                for (position, job) in r.body["results"].as_array().into_iter().flatten().enumerate() {
                    if let Ok(mut job) = serde_json::from_value::<JobRecord>(job.clone()) {
                        job.last_modified_secs = parse_datetime(&job.last_modified).unwrap_or(0.0);
                        // Pushes were ingested in id order; within a push, the recorded order.
                        job.heap_rank = job.push_id * 1_000_000 + position as i64;
                        store.insert_job(job);
                    }
                }
            }
            ["api", "project", _, "job-log-url"] if ok => {
                for (position, log) in r.body.as_array().into_iter().flatten().enumerate() {
                    if let Ok(mut log) = serde_json::from_value::<LogRecord>(log.clone()) {
                        // Recorded (heap) order, which is not id order; batches are per push.
                        let push_id = store.jobs.get(&log.job_id).map_or(0, |j| j.push_id);
                        log.heap_rank = push_id * 1_000_000 + position as i64;
                        let logs = store.logs.entry(log.job_id).or_default();
                        if !logs.iter().any(|l| l.id == log.id) {
                            logs.push(log);
                        }
                    }
                }
            }
            ["api", "project", _, "jobs", id, detail] if ok => {
                let Ok(id) = id.parse::<i64>() else { continue };
                let table = match *detail {
                    "text_log_errors" => &mut store.text_log_errors,
                    "bug_suggestions" => &mut store.bug_suggestions,
                    _ => continue,
                };
                table.insert(id, r.body.clone());
            }
            ["api", "project", _, table @ ("note" | "bug-job-map")] if ok => {
                let Some(id) = query_value(r.query(), "job_id").and_then(|v| v.parse::<i64>().ok()) else {
                    continue;
                };
                let table = if *table == "note" { &mut store.notes } else { &mut store.bug_job_map };
                table.insert(id, r.body.clone());
            }
            ["api", "project", _, "performance", "job-data"] => {
                if let Some(id) = query_value(r.query(), "job_id").and_then(|v| v.parse::<i64>().ok()) {
                    store.perf_job_data.insert(id, (r.status, r.body.clone()));
                }
            }
            ["api", "project", repo, "performance", "signatures"] if ok && r.query().is_empty() => {
                load_signatures(&mut store, repo, &r.body);
            }
            ["api", "performance", "summary"] if ok && r.query().contains("interval=31536000") => {
                load_summary(&mut store, &r.body);
            }
            ["api", "performance", "summary"] if ok && r.query().contains("replicates=true") => {
                for point in r.body[0]["data"].as_array().into_iter().flatten() {
                    if let (Some(id), Some(v)) = (point["id"].as_i64(), point["value"].as_f64()) {
                        replicates.entry(id).or_default().push(v);
                    }
                }
            }
            ["api", "performance", "alertsummary"] if ok && r.query() == "limit=100" => {
                store.alert_summaries = r.body["results"].as_array().cloned().unwrap_or_default();
            }
            ["api", "performance", "alert"] if ok && r.query() == "limit=100" => {
                store.alerts = r.body["results"].as_array().cloned().unwrap_or_default();
            }
            ["api", "perfcompare", ..] | ["api", "project", _, "push", "health_summary"] => {
                store.recorded_only.insert(canonical_url(r.path(), r.query()), (r.status, r.body.clone()));
            }
            _ => {}
        }
    }

    for (id, minutes) in durations {
        if let Some(job) = store.jobs.get_mut(&id) {
            job.recorded_duration = Some(minutes);
        }
    }
    for logs in store.logs.values_mut() {
        logs.sort_by_key(|l| l.heap_rank);
    }
    for series in store.series.values_mut() {
        for datum in series.iter_mut() {
            if let Some(values) = replicates.get(&datum.id) {
                datum.replicates = values.clone();
            }
        }
    }
    store
}

fn load_signatures(store: &mut Store, repo: &str, body: &Value) {
    let Some(map) = body.as_object() else { return };
    let repository_id = store.repository_ids.get(repo).copied().unwrap_or(0);
    for listing in map.values() {
        let Some(id) = listing["id"].as_i64() else { continue };
        let entry = store.signatures.entry(id).or_insert_with(|| SignatureRecord {
            id,
            repository: repo.to_string(),
            repository_id,
            hash: String::new(),
            framework_id: 0,
            platform: String::new(),
            parent_id: None,
            has_subtests: false,
            listing: Value::Null,
            summary: Default::default(),
        });
        entry.hash = listing["signature_hash"].as_str().unwrap_or_default().to_string();
        entry.framework_id = listing["framework_id"].as_i64().unwrap_or(0);
        entry.platform = listing["machine_platform"].as_str().unwrap_or_default().to_string();
        entry.has_subtests = listing["has_subtests"].as_bool().unwrap_or(false);
        entry.listing = listing.clone();
    }
}

fn load_summary(store: &mut Store, body: &Value) {
    for item in body.as_array().into_iter().flatten() {
        let Some(id) = item["signature_id"].as_i64() else { continue };
        let mut summary = item.as_object().cloned().unwrap_or_default();
        let data = summary.remove("data");
        summary.insert("values".into(), Value::Array(vec![]));
        summary.insert("job_ids".into(), Value::Array(vec![]));
        let parent_id = item["parent_signature"].as_i64();
        let repository = item["repository_name"].as_str().unwrap_or_default().to_string();
        let repository_id = item["repository_id"].as_i64().unwrap_or(0);
        let entry = store.signatures.entry(id).or_insert_with(|| SignatureRecord {
            id,
            repository: repository.clone(),
            repository_id,
            hash: item["signature_hash"].as_str().unwrap_or_default().to_string(),
            framework_id: item["framework_id"].as_i64().unwrap_or(0),
            platform: item["platform"].as_str().unwrap_or_default().to_string(),
            parent_id,
            has_subtests: item["has_subtests"].as_bool().unwrap_or(false),
            listing: Value::Null,
            summary: Default::default(),
        });
        entry.parent_id = parent_id;
        entry.summary = summary;
        let points = data
            .as_ref()
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|p| {
                Some(DatumRecord {
                    id: p["id"].as_i64()?,
                    signature_id: id,
                    job_id: p["job_id"].as_i64()?,
                    push_id: p["push_id"].as_i64()?,
                    revision: p["revision"].as_str()?.to_string(),
                    push_timestamp: parse_datetime(p["push_timestamp"].as_str()?)? as i64,
                    value: p["value"].as_f64()?,
                    submit_time: p["submit_time"].as_str().unwrap_or_default().to_string(),
                    machine_name: p["machine_name"].as_str().unwrap_or_default().to_string(),
                    replicates: Vec::new(),
                })
            })
            .collect();
        store.series.insert(id, points);
    }
}
