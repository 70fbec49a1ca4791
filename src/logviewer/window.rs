//! Which rows of the log are in the DOM: only those on screen (and a few around), at any log
//! size. Rows have one fixed height; a browser caps how tall an element may be (Chromium at
//! ~33 million px, 2 million 16 px rows), so beyond `MAX_SPACER_PX` the scroll position maps
//! onto the rows proportionally instead of one pixel per pixel.

/// One row's height in px (the stylesheet's `.lv-row` has the same).
pub const ROW_HEIGHT: f64 = 16.0;
/// Rows drawn above and below the screen, so a fast scroll does not show blanks.
pub const OVERSCAN: usize = 4;
/// The tallest the scrolled content is made.
pub const MAX_SPACER_PX: f64 = 8_000_000.0;

/// Rows `first..first + count`, the first drawn at `top_px` inside the spacer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Window {
    pub first: usize,
    pub count: usize,
    pub top_px: f64,
}

/// The spacer's height for `rows` rows.
pub fn spacer_height(rows: usize) -> f64 {
    (rows as f64 * ROW_HEIGHT).min(MAX_SPACER_PX)
}

/// Where, in rows, a scroll position puts the top of the screen (fractional).
fn row_at(scroll_top: f64, viewport: f64, rows: usize) -> f64 {
    let real = rows as f64 * ROW_HEIGHT;
    let spacer = spacer_height(rows);
    if real <= spacer || spacer <= viewport {
        return scroll_top.max(0.0) / ROW_HEIGHT;
    }
    let fraction = (scroll_top / (spacer - viewport)).clamp(0.0, 1.0);
    fraction * (real - viewport) / ROW_HEIGHT
}

/// The rows to draw for a scroll position.
pub fn window(scroll_top: f64, viewport: f64, rows: usize) -> Window {
    if rows == 0 {
        return Window { first: 0, count: 0, top_px: 0.0 };
    }
    let at = row_at(scroll_top, viewport, rows);
    let top_row = (at.floor() as usize).min(rows - 1);
    let first = top_row.saturating_sub(OVERSCAN);
    let visible = (viewport / ROW_HEIGHT).ceil() as usize + 1;
    let count = (top_row - first + visible + OVERSCAN).min(rows - first);
    // The top row sits where the screen's top is, less the part of it scrolled past.
    let top_px = scroll_top - (at - top_row as f64) * ROW_HEIGHT - (top_row - first) as f64 * ROW_HEIGHT;
    Window { first, count, top_px: top_px.max(0.0) }
}

/// The scroll position that puts row `row` at the top of the screen.
pub fn scroll_top_for(row: usize, viewport: f64, rows: usize) -> f64 {
    let real = rows as f64 * ROW_HEIGHT;
    let spacer = spacer_height(rows);
    let wanted = row as f64 * ROW_HEIGHT;
    if real <= spacer || spacer <= viewport {
        return wanted;
    }
    (wanted / (real - viewport)).clamp(0.0, 1.0) * (spacer - viewport)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_log_scrolls_pixel_for_pixel() {
        let w = window(0.0, 160.0, 5);
        assert_eq!((w.first, w.count, w.top_px), (0, 5, 0.0));
        let w = window(1600.0 + 8.0, 320.0, 10_000);
        assert_eq!(w.first, 100 - OVERSCAN);
        assert_eq!(w.top_px, (100 - OVERSCAN) as f64 * ROW_HEIGHT);
        assert!(w.first + w.count >= 100 + 21, "the screen's rows are drawn: {w:?}");
        assert_eq!(scroll_top_for(100, 320.0, 10_000), 1600.0);
    }

    #[test]
    fn a_huge_log_maps_scroll_onto_rows_and_reaches_both_ends() {
        let rows = 3_000_000;
        let viewport = 800.0;
        assert!(spacer_height(rows) <= MAX_SPACER_PX);
        let top = window(0.0, viewport, rows);
        assert_eq!(top.first, 0);
        let end = window(spacer_height(rows) - viewport, viewport, rows);
        assert_eq!(end.first + end.count, rows, "the last row is drawn at the end");
        // The last row's bottom is the spacer's bottom.
        let bottom = end.top_px + end.count as f64 * ROW_HEIGHT;
        assert!((bottom - spacer_height(rows)).abs() < 1.0, "{bottom}");
        // Jumping to a row and reading the window back gives that row at the top.
        for row in [1, 12_345, 1_500_000, rows - 100] {
            let scroll = scroll_top_for(row, viewport, rows);
            let w = window(scroll, viewport, rows);
            let top_row = w.first + OVERSCAN.min(row);
            assert!(top_row.abs_diff(row) <= 1, "row {row}: window {w:?}");
            // That row is drawn at the screen's top.
            let y = w.top_px + (row - w.first) as f64 * ROW_HEIGHT - scroll;
            assert!(y.abs() <= ROW_HEIGHT, "row {row} drawn at {y}");
        }
    }
}
