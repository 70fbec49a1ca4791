//! Drawing on a 2D canvas. Only what is visible is drawn, and where there are more points than
//! pixel columns each column is drawn as one bar from its lowest to its highest value, so a
//! 100,000-point series costs about as much as a 1,000-point one and no spike ever vanishes.

use web_sys::CanvasRenderingContext2d as Ctx;

use super::geometry::Plot;
use super::scale::{format_value, nice_ticks, time_ticks, Scale};
use crate::perf::conventions::Shape;
use crate::perf::series::Series;

pub const MARKER_RADIUS: f64 = 4.0;
const FONT: &str = "11px \"Helvetica Neue\", Helvetica, Arial, sans-serif";
const GRID: &str = "#e9ecef";
const AXIS_TEXT: &str = "#6c757d";
pub const REGRESSION: &str = "#d9534f";
pub const IMPROVEMENT: &str = "#28a745";

/// A series with its colour and marker.
pub struct Styled<'a> {
    pub series: &'a Series,
    pub color: &'static str,
    pub shape: Shape,
    pub filled: bool,
}

/// Everything one frame of the main chart shows.
pub struct MainFrame<'a> {
    pub plot: Plot,
    pub xd: (f64, f64),
    pub yd: (f64, f64),
    pub series: &'a [Styled<'a>],
    pub unit: Option<&'a str>,
    pub hover: Option<(usize, usize)>,
    pub selected: Option<(usize, usize)>,
    pub highlight_alerts: bool,
    pub highlighted_revisions: &'a [String],
    /// The zoom rectangle being dragged (x0, y0, x1, y1 in px).
    pub drag: Option<(f64, f64, f64, f64)>,
}

/// Indices of the points within the x domain.
pub fn visible(series: &Series, xd: (f64, f64)) -> (usize, usize) {
    (series.points.lower_bound(xd.0), series.points.upper_bound(xd.1))
}

fn shape_path(ctx: &Ctx, shape: Shape, x: f64, y: f64, r: f64) {
    match shape {
        Shape::Circle => {
            ctx.move_to(x + r, y);
            let _ = ctx.arc(x, y, r, 0.0, std::f64::consts::TAU);
        }
        Shape::Square => ctx.rect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8),
        Shape::Diamond => {
            let r = r * 1.2;
            ctx.move_to(x, y - r);
            ctx.line_to(x + r, y);
            ctx.line_to(x, y + r);
            ctx.line_to(x - r, y);
            ctx.close_path();
        }
    }
}

fn axes(ctx: &Ctx, f: &MainFrame, xs: &Scale, ys: &Scale) {
    let p = f.plot;
    ctx.set_font(FONT);
    ctx.set_line_width(1.0);
    // Value grid and labels.
    let ticks = nice_ticks(f.yd.0, f.yd.1, ((p.height / 45.0) as usize).max(2));
    let step = if ticks.len() > 1 { ticks[1] - ticks[0] } else { 1.0 };
    ctx.set_text_align("right");
    ctx.set_text_baseline("middle");
    for v in &ticks {
        let y = ys.map(*v).round() + 0.5;
        ctx.set_stroke_style_str(GRID);
        ctx.begin_path();
        ctx.move_to(p.left, y);
        ctx.line_to(p.right(), y);
        ctx.stroke();
        ctx.set_fill_style_str(AXIS_TEXT);
        let _ = ctx.fill_text(&format_value(*v, step), p.left - 6.0, y);
    }
    // Time grid and labels.
    ctx.set_text_align("center");
    ctx.set_text_baseline("top");
    for (t, label) in time_ticks(f.xd.0, f.xd.1, p.width, 110.0) {
        let x = xs.map(t).round() + 0.5;
        ctx.set_stroke_style_str(GRID);
        ctx.begin_path();
        ctx.move_to(x, p.top);
        ctx.line_to(x, p.bottom());
        ctx.stroke();
        ctx.set_fill_style_str(AXIS_TEXT);
        let _ = ctx.fill_text(&label, x, p.bottom() + 6.0);
    }
    // Frame and unit.
    ctx.set_stroke_style_str("#adb5bd");
    ctx.begin_path();
    ctx.move_to(p.left + 0.5, p.top);
    ctx.line_to(p.left + 0.5, p.bottom() + 0.5);
    ctx.line_to(p.right(), p.bottom() + 0.5);
    ctx.stroke();
    if let Some(unit) = f.unit {
        ctx.save();
        let _ = ctx.translate(12.0, p.top + p.height / 2.0);
        let _ = ctx.rotate(-std::f64::consts::FRAC_PI_2);
        ctx.set_text_align("center");
        ctx.set_text_baseline("middle");
        ctx.set_fill_style_str(AXIS_TEXT);
        let _ = ctx.fill_text(unit, 0.0, 0.0);
        ctx.restore();
    }
}

/// Per pixel column of [start, end): (column, min value, max value).
pub fn columns(series: &Series, xs: &Scale, start: usize, end: usize) -> Vec<(i32, f64, f64)> {
    let mut out: Vec<(i32, f64, f64)> = Vec::new();
    let (t, v) = (&series.points.t, &series.points.v);
    for i in start..end {
        let col = xs.map(t[i]).floor() as i32;
        match out.last_mut() {
            Some(last) if last.0 == col => {
                last.1 = last.1.min(v[i]);
                last.2 = last.2.max(v[i]);
            }
            _ => out.push((col, v[i], v[i])),
        }
    }
    out
}

fn draw_series(ctx: &Ctx, s: &Styled, xs: &Scale, ys: &Scale, plot: &Plot) {
    let (start, end) = visible(s.series, (xs.d0, xs.d1));
    if end <= start {
        return;
    }
    ctx.set_fill_style_str(s.color);
    ctx.set_stroke_style_str(s.color);
    if (end - start) as f64 > plot.width * 1.5 {
        // Dense: one min–max bar per pixel column.
        ctx.set_global_alpha(0.85);
        for (col, lo, hi) in columns(s.series, xs, start, end) {
            let (top, bottom) = (ys.map(hi), ys.map(lo));
            ctx.fill_rect(col as f64 - 1.0, top - 1.5, 3.0, (bottom - top).max(0.0) + 3.0);
        }
        ctx.set_global_alpha(1.0);
        return;
    }
    ctx.begin_path();
    for i in start..end {
        shape_path(ctx, s.shape, xs.map(s.series.points.t[i]), ys.map(s.series.points.v[i]), MARKER_RADIUS);
    }
    if s.filled {
        ctx.fill();
    } else {
        ctx.set_line_width(1.5);
        ctx.stroke();
    }
}

fn vertical_line(ctx: &Ctx, plot: &Plot, x: f64, color: &str, width: f64) {
    ctx.set_stroke_style_str(color);
    ctx.set_line_width(width);
    ctx.begin_path();
    ctx.move_to(x.round() + 0.5, plot.top);
    ctx.line_to(x.round() + 0.5, plot.bottom());
    ctx.stroke();
}

/// The alerted points of a series (alert push → its points), as Perfherder highlights them.
fn draw_alerts(ctx: &Ctx, s: &Styled, xs: &Scale, ys: &Scale, plot: &Plot) {
    let (start, end) = visible(s.series, (xs.d0, xs.d1));
    for alert in &s.series.alerts {
        let color = if alert.is_regression { REGRESSION } else { IMPROVEMENT };
        let mut first = true;
        for i in (start..end).filter(|i| s.series.points.push_id[*i] == alert.push_id) {
            let (x, y) = (xs.map(s.series.points.t[i]), ys.map(s.series.points.v[i]));
            if first {
                vertical_line(ctx, plot, x, "rgba(73, 80, 87, 0.55)", 1.0);
                first = false;
            }
            ctx.set_global_alpha(0.45);
            ctx.set_fill_style_str(color);
            ctx.begin_path();
            shape_path(ctx, s.shape, x, y, MARKER_RADIUS * 2.2);
            ctx.fill();
            ctx.set_global_alpha(1.0);
        }
    }
}

fn ring(ctx: &Ctx, s: &Styled, xs: &Scale, ys: &Scale, index: usize, filled: bool) {
    let (x, y) = (xs.map(s.series.points.t[index]), ys.map(s.series.points.v[index]));
    ctx.set_line_width(2.0);
    ctx.set_stroke_style_str("#212529");
    ctx.set_fill_style_str(s.color);
    ctx.begin_path();
    shape_path(ctx, s.shape, x, y, MARKER_RADIUS * 1.9);
    if filled {
        ctx.fill();
    }
    ctx.stroke();
}

/// One frame of the main chart (`width`×`height` CSS px).
pub fn draw_main(ctx: &Ctx, width: f64, height: f64, f: &MainFrame) {
    ctx.clear_rect(0.0, 0.0, width, height);
    let xs = f.plot.x_scale(f.xd);
    let ys = f.plot.y_scale(f.yd);
    axes(ctx, f, &xs, &ys);
    ctx.save();
    ctx.begin_path();
    ctx.rect(f.plot.left + 1.0, f.plot.top, f.plot.width, f.plot.height);
    ctx.clip();
    for rev in f.highlighted_revisions.iter().filter(|r| r.len() >= 12) {
        for s in f.series {
            if let Some(i) = s.series.points.revision.iter().position(|r| r.starts_with(rev.as_str())) {
                vertical_line(ctx, &f.plot, xs.map(s.series.points.t[i]), "#ffb851", 2.0);
                break;
            }
        }
    }
    if f.highlight_alerts {
        for s in f.series {
            draw_alerts(ctx, s, &xs, &ys, &f.plot);
        }
    }
    for s in f.series {
        draw_series(ctx, s, &xs, &ys, &f.plot);
    }
    if let Some((si, pi)) = f.selected {
        if let Some(s) = f.series.get(si).filter(|s| pi < s.series.points.len()) {
            ring(ctx, s, &xs, &ys, pi, true);
        }
    }
    if let Some((si, pi)) = f.hover {
        if let Some(s) = f.series.get(si).filter(|s| pi < s.series.points.len()) {
            ring(ctx, s, &xs, &ys, pi, false);
        }
    }
    ctx.restore();
    if let Some((x0, y0, x1, y1)) = f.drag {
        ctx.set_fill_style_str("rgba(51, 122, 183, 0.12)");
        ctx.set_stroke_style_str("rgba(51, 122, 183, 0.8)");
        ctx.set_line_width(1.0);
        let (l, t) = (x0.min(x1), y0.min(y1));
        ctx.fill_rect(l, t, (x1 - x0).abs(), (y1 - y0).abs());
        ctx.stroke_rect(l + 0.5, t + 0.5, (x1 - x0).abs(), (y1 - y0).abs());
    }
}

/// The overview strip: every series as a line over the full range, the shown window as a
/// brush.
pub fn draw_overview(ctx: &Ctx, width: f64, height: f64, plot: Plot, full: (f64, f64, f64, f64), window: (f64, f64), series: &[Styled]) {
    ctx.clear_rect(0.0, 0.0, width, height);
    ctx.set_fill_style_str("#f1f3f5");
    ctx.fill_rect(plot.left, plot.top, plot.width, plot.height);
    let xs = plot.x_scale((full.0, full.1));
    let ys = plot.y_scale((full.2, full.3));
    ctx.set_font(FONT);
    ctx.set_text_align("center");
    ctx.set_text_baseline("top");
    ctx.set_fill_style_str(AXIS_TEXT);
    for (t, label) in time_ticks(full.0, full.1, plot.width, 110.0) {
        let _ = ctx.fill_text(&label, xs.map(t), plot.bottom() + 4.0);
    }
    ctx.set_line_width(1.2);
    for s in series {
        let (start, end) = visible(s.series, (full.0, full.1));
        ctx.set_stroke_style_str(s.color);
        ctx.begin_path();
        // One vertex per pixel column (its mean): a line, not 100,000 segments.
        let mut first = true;
        for (col, lo, hi) in columns(s.series, &xs, start, end) {
            let y = ys.map((lo + hi) / 2.0);
            if first {
                ctx.move_to(col as f64, y);
                first = false;
            } else {
                ctx.line_to(col as f64, y);
            }
        }
        ctx.stroke();
    }
    // The brush: the shown window, the rest dimmed.
    let (bx0, bx1) = (xs.map(window.0).clamp(plot.left, plot.right()), xs.map(window.1).clamp(plot.left, plot.right()));
    ctx.set_fill_style_str("rgba(33, 37, 41, 0.12)");
    ctx.fill_rect(plot.left, plot.top, bx0 - plot.left, plot.height);
    ctx.fill_rect(bx1, plot.top, plot.right() - bx1, plot.height);
    ctx.set_stroke_style_str("rgba(51, 122, 183, 0.9)");
    ctx.set_line_width(1.0);
    ctx.stroke_rect(bx0 + 0.5, plot.top + 0.5, (bx1 - bx0 - 1.0).max(1.0), plot.height - 1.0);
}
