//! The sample server's notion of "now".
//!
//! The recorded data is a moment of a real Treeherder (2026-11-27, 18:12 UTC). Relative queries
//! (`interval=1209600`: the last 14 days) must keep finding it years later, so by default the
//! server's clock starts at that moment and runs forward in real time from start-up. `--clock real`
//! uses the wall clock instead. Hawk timestamps are always checked against the real wall clock.

use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// When the sample was recorded: the running jobs' durations put the crawl at 18:12 UTC.
pub const RECORDED_AT: i64 = 1_795_803_120; // 2026-11-27T18:12:00Z

#[derive(Clone, Debug)]
pub struct Clock {
    base: i64,
    started: Instant,
    real: bool,
}

impl Clock {
    /// Frozen at the recording moment, then advancing in real time.
    pub fn recorded() -> Self {
        Clock { base: RECORDED_AT, started: Instant::now(), real: false }
    }

    /// The wall clock.
    pub fn real() -> Self {
        Clock { base: 0, started: Instant::now(), real: true }
    }

    /// Seconds since the epoch, in the data's time.
    pub fn now(&self) -> f64 {
        if self.real {
            wall_clock()
        } else {
            self.base as f64 + self.started.elapsed().as_secs_f64()
        }
    }

    pub fn now_secs(&self) -> i64 {
        self.now().floor() as i64
    }
}

/// The real time, in seconds since the epoch.
pub fn wall_clock() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0)
}

/// Treeherder's ISO form for naive UTC datetimes: `2026-11-27T18:05:28.156275` (microseconds
/// only when non-zero, as Python's `isoformat()`).
pub fn iso(secs: f64) -> String {
    let micros = (secs * 1e6).round() as i64;
    let (whole, frac) = (micros.div_euclid(1_000_000), micros.rem_euclid(1_000_000));
    let dt = chrono::DateTime::from_timestamp(whole, 0).unwrap_or_default().naive_utc();
    if frac == 0 {
        dt.format("%Y-%m-%dT%H:%M:%S").to_string()
    } else {
        format!("{}.{frac:06}", dt.format("%Y-%m-%dT%H:%M:%S"))
    }
}

/// Parses the datetimes Treeherder accepts in filters (`2026-11-27T18:05:28.15`, `2026-11-27
/// 18:05`, `2026-11-27`, with an optional `Z`/offset), as seconds since the epoch (UTC).
pub fn parse_datetime(text: &str) -> Option<f64> {
    use chrono::{DateTime, NaiveDate, NaiveDateTime};
    let t = text.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Some(dt.timestamp_micros() as f64 / 1e6);
    }
    let t = t.trim_end_matches('Z');
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(t, fmt) {
            return Some(dt.and_utc().timestamp_micros() as f64 / 1e6);
        }
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d").ok().and_then(|d| d.and_hms_opt(0, 0, 0)).map(|dt| dt.and_utc().timestamp() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_round_trips_like_python() {
        assert_eq!(iso(RECORDED_AT as f64), "2026-11-27T18:12:00");
        let t = parse_datetime("2026-11-27T18:05:28.156275").unwrap();
        assert_eq!(iso(t), "2026-11-27T18:05:28.156275");
        assert_eq!(parse_datetime("2026-11-27").unwrap(), 1_795_737_600.0);
        assert_eq!(parse_datetime("2026-11-27T18:12:00Z").unwrap(), RECORDED_AT as f64);
        assert!(parse_datetime("yesterday").is_none());
    }
}
