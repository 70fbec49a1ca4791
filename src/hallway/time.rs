//! Dates as Treeherder writes them (naive UTC ISO, epoch seconds) and as people read them.

use js_sys::Date;
use wasm_bindgen::JsValue;

/// Parses `2026-11-27T18:05:28.156275` (UTC, as Treeherder writes it) to epoch milliseconds.
pub fn parse_iso_utc(iso: &str) -> Option<f64> {
    let text = if iso.ends_with('Z') || iso.contains('+') { iso.to_string() } else { format!("{iso}Z") };
    let ms = Date::parse(&text);
    (!ms.is_nan()).then_some(ms)
}

/// The same ISO form shifted by `seconds` (microsecond precision kept in the output format).
pub fn shift_iso(iso: &str, seconds: f64) -> Option<String> {
    let ms = parse_iso_utc(iso)? + seconds * 1000.0;
    let d = Date::new(&JsValue::from_f64(ms));
    let s: String = d.to_iso_string().into();
    // "2026-11-27T18:05:25.156Z" → "2026-11-27T18:05:25.156"
    Some(s.trim_end_matches('Z').to_string())
}

fn date_of_secs(secs: i64) -> Date {
    Date::new(&JsValue::from_f64(secs as f64 * 1000.0))
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// "Fri, Nov 27, 17:33:00" in the browser's time zone (Treeherder's push date).
pub fn push_date(secs: i64) -> String {
    let d = date_of_secs(secs);
    format!(
        "{}, {} {}, {:02}:{:02}:{:02}",
        DAYS[d.get_day() as usize % 7],
        MONTHS[d.get_month() as usize % 12],
        d.get_date(),
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds()
    )
}

/// "2026-11-27 17:33:00" in the browser's time zone.
pub fn date_time(secs: i64) -> String {
    if secs <= 0 {
        return "—".into();
    }
    let d = date_of_secs(secs);
    format!(
        "{}-{:02}-{:02} {:02}:{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds()
    )
}

/// "1 h 05 min", "7 min", "45 s".
pub fn duration(secs: i64) -> String {
    if secs < 60 {
        return format!("{} s", secs.max(0));
    }
    let minutes = secs / 60;
    if minutes < 60 {
        return format!("{minutes} min");
    }
    format!("{} h {:02} min", minutes / 60, minutes % 60)
}

/// Seconds since the epoch, now (JavaScript's clock).
pub fn now_secs() -> i64 {
    (Date::now() / 1000.0) as i64
}
