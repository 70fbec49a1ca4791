//! Linear scales and their ticks: "nice" steps for values, calendar steps for time.

/// Maps a domain onto a pixel range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
}

impl Scale {
    pub fn new(d0: f64, d1: f64, r0: f64, r1: f64) -> Self {
        // A zero-width domain would divide by zero: widen it.
        let (d0, d1) = if (d1 - d0).abs() < f64::EPSILON { (d0 - 1.0, d1 + 1.0) } else { (d0, d1) };
        Scale { d0, d1, r0, r1 }
    }

    #[inline]
    pub fn map(&self, v: f64) -> f64 {
        self.r0 + (v - self.d0) * (self.r1 - self.r0) / (self.d1 - self.d0)
    }

    #[inline]
    pub fn invert(&self, px: f64) -> f64 {
        self.d0 + (px - self.r0) * (self.d1 - self.d0) / (self.r1 - self.r0)
    }
}

/// Round steps (1, 2, 5 × 10ⁿ) giving about `count` ticks over [min, max].
pub fn nice_ticks(min: f64, max: f64, count: usize) -> Vec<f64> {
    if !(min.is_finite() && max.is_finite()) || max <= min || count == 0 {
        return Vec::new();
    }
    let raw = (max - min) / count as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(10.0 * magnitude);
    let mut v = (min / step).ceil() * step;
    let mut out = Vec::new();
    while v <= max + step * 1e-9 && out.len() < 100 {
        out.push(if v.abs() < step * 1e-9 { 0.0 } else { v });
        v += step;
    }
    out
}

/// A value with precision suited to the tick step.
pub fn format_value(v: f64, step: f64) -> String {
    let decimals = if step >= 1.0 { 0 } else { (-step.log10().floor()) as usize };
    format!("{v:.decimals$}")
}

const HOUR: f64 = 3_600_000.0;
const DAY: f64 = 24.0 * HOUR;
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// (year, month 1–12, day) of a UTC time in ms.
pub fn civil(ms: f64) -> (i64, u32, u32) {
    let days = (ms / DAY).floor() as i64;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// "Nov 19".
pub fn format_day(ms: f64) -> String {
    let (_, m, d) = civil(ms);
    format!("{} {d}", MONTHS[(m - 1) as usize])
}

/// "Nov 19, 14:05" (UTC).
pub fn format_time(ms: f64) -> String {
    let secs = (ms / 1000.0).floor() as i64;
    let (h, min) = (secs.rem_euclid(86_400) / 3600, secs.rem_euclid(3600) / 60);
    format!("{}, {h:02}:{min:02}", format_day(ms))
}

/// "2026-11-19 14:05 UTC".
pub fn format_full(ms: f64) -> String {
    let (y, m, d) = civil(ms);
    let secs = (ms / 1000.0).floor() as i64;
    format!("{y}-{m:02}-{d:02} {:02}:{:02} UTC", secs.rem_euclid(86_400) / 3600, secs.rem_euclid(3600) / 60)
}

/// Time ticks at whole hours or days (UTC), about one per `min_px` pixels: (time, label).
pub fn time_ticks(t0: f64, t1: f64, width_px: f64, min_px: f64) -> Vec<(f64, String)> {
    if !(t0.is_finite() && t1.is_finite()) || t1 <= t0 || width_px <= 0.0 {
        return Vec::new();
    }
    let wanted = (width_px / min_px).max(1.0);
    let span = t1 - t0;
    let steps = [HOUR, 2.0 * HOUR, 3.0 * HOUR, 6.0 * HOUR, 12.0 * HOUR, DAY, 2.0 * DAY, 7.0 * DAY, 14.0 * DAY, 30.0 * DAY, 61.0 * DAY];
    let step = steps.iter().copied().find(|s| span / s <= wanted).unwrap_or(91.0 * DAY);
    let mut t = (t0 / step).ceil() * step;
    let mut out = Vec::new();
    while t <= t1 && out.len() < 200 {
        let label = if step < DAY { format_time(t) } else { format_day(t) };
        out.push((t, label));
        t += step;
    }
    out
}
