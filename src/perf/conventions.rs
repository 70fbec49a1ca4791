//! Perfherder's conventions, in one place: series colours and marker shapes (handed out from
//! the end of the lists, as `GraphsView` pops them), time ranges and the series limit
//! (`ui/perfherder/perf-helpers/constants.js`). Alert statuses live with the client's models.

/// At most this many series at once (six colour/shape pairs).
pub const MAX_SERIES: usize = 6;

/// Perfherder's `graphColors`.
pub const COLORS: [(&str, &str); 6] = [
    ("dark-puce", "#4C3146"),
    ("orange", "#FFB851"),
    ("purple", "#921181"),
    ("fire-red", "#C92D2F"),
    ("cerulean", "#16BCDE"),
    ("blue-bell", "#464876"),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Diamond,
    Square,
    Circle,
}

/// Perfherder's `graphSymbols`: (shape, filled).
pub const SYMBOLS: [(Shape, bool); 6] = [
    (Shape::Diamond, false),
    (Shape::Diamond, true),
    (Shape::Square, false),
    (Shape::Square, true),
    (Shape::Circle, false),
    (Shape::Circle, true),
];

/// The style of the n-th series: Perfherder takes colours and symbols from the end.
pub fn style_of(slot: usize) -> (&'static str, Shape, bool) {
    let i = COLORS.len() - 1 - (slot % COLORS.len());
    let (shape, filled) = SYMBOLS[i];
    (COLORS[i].1, shape, filled)
}

/// `phTimeRanges`: (seconds, label).
pub const TIME_RANGES: [(i64, &str); 8] = [
    (86_400, "Last day"),
    (172_800, "Last 2 days"),
    (604_800, "Last 7 days"),
    (1_209_600, "Last 14 days"),
    (2_592_000, "Last 30 days"),
    (5_184_000, "Last 60 days"),
    (7_776_000, "Last 90 days"),
    (31_536_000, "Last year"),
];

pub const DEFAULT_TIME_RANGE: i64 = 1_209_600;
