//! A generated performance series of any length on autoland, for scale benchmarks of the graphs
//! view: the shape of the recorded tp5o series (same framework, platform, unit, summary
//! fields), points spread over the last 13 days, a noisy level with a step regression half-way
//! and occasional spikes (which decimation must keep visible).

use serde_json::{json, Value};

use crate::clock::iso;
use crate::store::{DatumRecord, SignatureRecord, Store};

/// The generated signature's id (documented in the README and used by the bench).
pub const SYNTHETIC_SIGNATURE_ID: i64 = 100_000;
const TEMPLATE_SIGNATURE_ID: i64 = 1;
const SPAN_SECS: f64 = 13.0 * 86_400.0;

/// Parses `--synthetic-series POINTS`.
pub fn parse_points(s: &str) -> Result<usize, String> {
    let n: usize = s.trim().parse().map_err(|_| format!("expected a number of points, got {s:?}"))?;
    if !(1..=5_000_000).contains(&n) {
        return Err("between 1 and 5,000,000 points".into());
    }
    Ok(n)
}

/// Adds the series (`points` data points ending at `now`).
pub fn populate(store: &mut Store, points: usize, now: f64) {
    let Some(template) = store.signatures.get(&TEMPLATE_SIGNATURE_ID).cloned() else {
        log::warn!("no template signature in the recording: no synthetic series");
        return;
    };
    let hash = format!("{:040x}", 0x5e_ed_u128 * points as u128);
    let name = format!("synthetic {points} points opt e10s fission stylo webrender");
    let mut summary = template.summary.clone();
    summary.insert("signature_id".into(), json!(SYNTHETIC_SIGNATURE_ID));
    summary.insert("signature_hash".into(), json!(hash));
    summary.insert("suite".into(), json!("synthetic"));
    summary.insert("test".into(), json!(format!("{points} points")));
    summary.insert("name".into(), json!(name));
    summary.insert("has_subtests".into(), json!(false));
    let mut listing = template.listing.clone();
    if let Value::Object(map) = &mut listing {
        map.insert("id".into(), json!(SYNTHETIC_SIGNATURE_ID));
        map.insert("signature_hash".into(), json!(hash));
        map.insert("suite".into(), json!("synthetic"));
        map.insert("test".into(), json!(format!("{points} points")));
        map.remove("has_subtests");
    }
    store.signatures.insert(
        SYNTHETIC_SIGNATURE_ID,
        SignatureRecord { id: SYNTHETIC_SIGNATURE_ID, hash, has_subtests: false, parent_id: None, listing, summary, ..template },
    );

    // Pushes to attach points to: autoland's, oldest first.
    let pushes: Vec<(i64, String, i64)> = {
        let mut p: Vec<_> =
            store.pushes.values().filter(|p| p.repository == "autoland").map(|p| (p.push_timestamp, p.revision.clone(), p.id)).collect();
        p.sort();
        p
    };
    let mut rng = fastrand::Rng::with_seed(points as u64);
    let start = now - SPAN_SECS;
    let mut drift = 0.0;
    let mut data = Vec::with_capacity(points);
    for i in 0..points {
        let t = start + SPAN_SECS * (i as f64 + 0.5) / points as f64;
        // A level that regresses 6% half-way (as alerts flag it), a slow mean-reverting drift,
        // noise, and a rare spike.
        let level = if i < points / 2 { 400.0 } else { 424.0 };
        drift = drift * 0.999 + (rng.f64() - 0.5) * 0.8;
        let spike = if rng.u32(0..2000) == 0 { level * 0.5 } else { 0.0 };
        let value = ((level + drift + (rng.f64() - 0.5) * 20.0 + spike) * 100.0).round() / 100.0;
        let idx = pushes.partition_point(|(pt, _, _)| (*pt as f64) <= t).saturating_sub(1);
        let (_, revision, push_id) = pushes.get(idx).cloned().unwrap_or((0, String::new(), 0));
        // A real job of that push, so the tooltip's job link leads somewhere.
        let job_id = store.jobs_by_push.get(&push_id).and_then(|jobs| jobs.get(i % jobs.len().max(1))).copied().unwrap_or(0);
        data.push(DatumRecord {
            id: 10_000_000 + i as i64,
            signature_id: SYNTHETIC_SIGNATURE_ID,
            job_id,
            push_id,
            revision,
            push_timestamp: t as i64,
            value,
            submit_time: iso(t + 3600.0),
            machine_name: format!("synthetic-{}", i % 16),
            replicates: Vec::new(),
        });
    }
    store.series.insert(SYNTHETIC_SIGNATURE_ID, data);
}
