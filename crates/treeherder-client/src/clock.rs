//! The local clock, in seconds since the epoch. In the browser it is JavaScript's `Date.now()`:
//! `SystemTime::now()` panics on wasm32-unknown-unknown.

use std::sync::Arc;

/// Where a client reads the time (replaceable in tests to play a machine whose clock is off).
pub type ClockFn = Arc<dyn Fn() -> f64 + Send + Sync>;

#[cfg(target_arch = "wasm32")]
pub fn now_secs() -> f64 {
    js_sys::Date::now() / 1000.0
}

#[cfg(not(target_arch = "wasm32"))]
pub fn now_secs() -> f64 {
    use std::time::{SystemTime, UNIX_EPOCH};
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0)
}

pub fn system_clock() -> ClockFn {
    Arc::new(now_secs)
}

/// An HTTP `Date` header (IMF-fixdate, `Fri, 27 Nov 2026 18:12:00 GMT`) as epoch seconds.
pub fn parse_http_date(value: &str) -> Option<i64> {
    // "Fri, 27 Nov 2026 18:12:00 GMT"
    let mut parts = value.split_whitespace().skip(1);
    let day: i64 = parts.next()?.parse().ok()?;
    let month = match parts.next()? {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    let year: i64 = parts.next()?.parse().ok()?;
    let mut hms = parts.next()?.split(':').map(|p| p.parse::<i64>().ok());
    let (h, m, s) = (hms.next()??, hms.next()??, hms.next()??);
    Some(days_from_civil(year, month, day) * 86_400 + h * 3600 + m * 60 + s)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    #[test]
    fn parses_http_dates() {
        assert_eq!(super::parse_http_date("Fri, 27 Nov 2026 18:12:00 GMT"), Some(1_795_803_120));
        assert_eq!(super::parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(super::parse_http_date("yesterday"), None);
    }
}
