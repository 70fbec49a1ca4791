//! A loaded series: its identity, its points as columns (time-sorted, ready for drawing,
//! decimation and hit-testing), and the alerts that concern it. Loading says clearly what went
//! wrong: a signature that does not exist, a series without data, a refused query.

use std::sync::Arc;

use treeherder_client::models::{AlertSettings, AlertSummary, PerformanceSummary, SummaryPoint};
use treeherder_client::{Error, Query, SignatureQuery, SummaryQuery};

use super::url_state::SeriesParam;
use crate::hallway::api::Client;

/// Points as columns (time in ms since the epoch, ascending).
#[derive(Debug, Default, PartialEq)]
pub struct Points {
    pub t: Vec<f64>,
    pub v: Vec<f64>,
    pub id: Vec<i64>,
    pub push_id: Vec<i64>,
    pub job_id: Vec<Option<i64>>,
    pub revision: Vec<Arc<str>>,
}

impl Points {
    pub fn len(&self) -> usize {
        self.t.len()
    }

    pub fn is_empty(&self) -> bool {
        self.t.is_empty()
    }

    /// First index with `t >= x`.
    pub fn lower_bound(&self, x: f64) -> usize {
        self.t.partition_point(|t| *t < x)
    }

    /// First index with `t > x`.
    pub fn upper_bound(&self, x: f64) -> usize {
        self.t.partition_point(|t| *t <= x)
    }

    pub fn index_of(&self, id: i64) -> Option<usize> {
        self.id.iter().position(|i| *i == id)
    }
}

/// A change the alerting marked on this series.
#[derive(Clone, Debug, PartialEq)]
pub struct AlertMark {
    pub summary_id: i64,
    pub push_id: i64,
    pub is_regression: bool,
    pub status: &'static str,
    pub amount_pct: Option<f64>,
}

/// A series ready to draw.
#[derive(Debug, PartialEq)]
pub struct Series {
    pub param: SeriesParam,
    pub signature_id: i64,
    pub signature_hash: String,
    pub name: String,
    pub platform: String,
    pub framework_id: i64,
    pub unit: Option<String>,
    /// e.g. "firefox".
    pub application: Option<String>,
    pub alert_settings: AlertSettings,
    pub lower_is_better: bool,
    pub tags: Vec<String>,
    pub repository_id: Option<i64>,
    pub points: Points,
    pub alerts: Vec<AlertMark>,
    /// Alerts could not be loaded (the series still shows).
    pub alerts_error: Option<String>,
}

/// Seconds of an ISO-8601 UTC datetime (`2026-11-18T05:58:00[.ffffff][Z]`), without a date
/// library: days from the civil calendar, as the data is always UTC.
pub fn iso_to_ms(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    if b.len() < 19 || b[4] != b'-' || b[7] != b'-' || (b[10] != b'T' && b[10] != b' ') {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<i64>().ok();
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hh, mm, ss) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || hh > 23 || mm > 59 || ss > 60 {
        return None;
    }
    let frac = match s.get(19..) {
        Some(rest) if rest.starts_with('.') => {
            let digits: String = rest[1..].chars().take_while(char::is_ascii_digit).take(3).collect();
            format!("0.{digits}").parse::<f64>().unwrap_or(0.0)
        }
        _ => 0.0,
    };
    let days = treeherder_client::clock::days_from_civil(y, m, d);
    Some(((days * 86_400 + hh * 3600 + mm * 60 + ss) as f64 + frac) * 1000.0)
}

fn points_of(data: Vec<SummaryPoint>) -> (Points, usize) {
    let mut rows: Vec<(f64, SummaryPoint)> = Vec::with_capacity(data.len());
    let mut bad = 0;
    for p in data {
        match iso_to_ms(&p.push_timestamp) {
            Some(t) if p.value.is_finite() => rows.push((t, p)),
            _ => bad += 1,
        }
    }
    // The server sends them in time order; a stable sort keeps retriggers in order otherwise.
    if !rows.windows(2).all(|w| w[0].0 <= w[1].0) {
        rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    }
    let mut points = Points::default();
    let mut last_revision: Option<Arc<str>> = None;
    for (t, p) in rows {
        points.t.push(t);
        points.v.push(p.value);
        points.id.push(p.id);
        points.push_id.push(p.push_id);
        points.job_id.push(p.job_id.filter(|j| *j > 0));
        let revision = p.revision.unwrap_or_default();
        // Retriggers share a revision: share its string too.
        let shared = match &last_revision {
            Some(r) if **r == *revision => r.clone(),
            _ => Arc::from(revision.as_str()),
        };
        last_revision = Some(shared.clone());
        points.revision.push(shared);
    }
    (points, bad)
}

fn alert_marks(summaries: &[AlertSummary], signature_id: i64) -> Vec<AlertMark> {
    summaries
        .iter()
        .flat_map(|s| {
            s.alerts.iter().filter(|a| a.series_signature.id == signature_id).map(move |a| AlertMark {
                summary_id: s.id,
                push_id: s.push_id,
                is_regression: a.is_regression,
                status: s.status_name(),
                amount_pct: a.amount_pct,
            })
        })
        .collect()
}

/// "the last day", "the last 14 days".
fn range_text(timerange: i64) -> String {
    match timerange / 86_400 {
        1 => "the last day".to_string(),
        n => format!("the last {n} days"),
    }
}

fn describe(param: &SeriesParam) -> String {
    format!("signature {} on {}", param.signature, param.repo)
}

/// Loads a series (and its alerts) as Perfherder's graphs view asks for it.
pub async fn load(client: &Client, param: SeriesParam, timerange: i64, replicates: bool) -> Result<Series, String> {
    let query = SummaryQuery {
        repository: param.repo.clone(),
        signature: Some(param.signature.clone()),
        framework: Some(param.framework),
        interval: Some(timerange),
        all_data: true,
        replicates,
        ..Default::default()
    };
    let summaries: Vec<PerformanceSummary> = client.performance_summary(&query).await.map_err(|e| failure(&param, &e))?;
    let Some(summary) = summaries.into_iter().next() else {
        return Err(why_empty(client, &param, timerange).await);
    };
    let alert_settings = summary.alert_settings();
    let (points, bad) = points_of(summary.data);
    if points.is_empty() {
        return Err(if bad > 0 {
            format!("{}: none of its {bad} points has a valid time and value", describe(&param))
        } else {
            format!("{} has no data in {}: try a longer time range", describe(&param), range_text(timerange))
        });
    }
    if bad > 0 {
        log::warn!("{}: {bad} points without a valid time or value were left out", describe(&param));
    }
    let mut series = Series {
        alert_settings,
        application: summary.application.filter(|a| !a.is_empty()),
        signature_id: summary.signature_id,
        signature_hash: summary.signature_hash,
        name: if summary.name.is_empty() { format!("{} {}", summary.suite, summary.test).trim().to_string() } else { summary.name },
        platform: summary.platform,
        framework_id: summary.framework_id,
        unit: summary.measurement_unit.filter(|u| !u.is_empty()),
        lower_is_better: summary.lower_is_better,
        tags: summary.tags.split_whitespace().map(str::to_string).collect(),
        repository_id: summary.repository_id,
        points,
        alerts: Vec::new(),
        alerts_error: None,
        param,
    };
    // Perfherder's request: this series' alert summaries in the time range.
    let mut alerts_query =
        Query::new().with("alerts__series_signature", series.signature_id).with("limit", 30).with("timerange", timerange);
    if let Some(id) = series.repository_id {
        alerts_query = alerts_query.with("repository", id);
    }
    match client.alert_summaries(&alerts_query).await {
        Ok(page) => series.alerts = alert_marks(&page.results, series.signature_id),
        Err(e) => series.alerts_error = Some(format!("Alerts could not be loaded: {e}")),
    }
    Ok(series)
}

fn failure(param: &SeriesParam, error: &Error) -> String {
    format!("{} could not be loaded: {error}", describe(param))
}

/// Why the summary was empty: the signature does not exist, or it has no recent data.
async fn why_empty(client: &Client, param: &SeriesParam, timerange: i64) -> String {
    let Ok(id) = param.signature.parse::<i64>() else {
        return format!("{} has no data in {} (or there is no such signature)", describe(param), range_text(timerange));
    };
    let query = SignatureQuery { ids: vec![id], ..Default::default() };
    match client.performance_signatures(&param.repo, &query).await {
        Ok(found) if found.is_empty() => format!("There is no performance signature {id} on {}", param.repo),
        Ok(_) => format!("{} has no data in {}: try a longer time range", describe(param), range_text(timerange)),
        Err(e) => format!("{} has no data in {} ({e})", describe(param), range_text(timerange)),
    }
}
