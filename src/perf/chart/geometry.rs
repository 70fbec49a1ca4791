//! Where things are: the plot area inside a canvas, the domains shown, and the data → pixel
//! scales. Shared by drawing, hit-testing and the DOM overlays so they always agree.

use super::scale::Scale;
use crate::perf::series::Series;
use crate::perf::url_state::Zoom;

/// Margins of the main chart (CSS px): room for value labels left, time labels below.
pub const MAIN_MARGIN: Margin = Margin { left: 58.0, right: 14.0, top: 10.0, bottom: 26.0 };
pub const OVERVIEW_MARGIN: Margin = Margin { left: 58.0, right: 14.0, top: 6.0, bottom: 20.0 };
pub const MAIN_HEIGHT: f64 = 400.0;
pub const OVERVIEW_HEIGHT: f64 = 96.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Margin {
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

/// A plot area (CSS px, relative to its canvas).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plot {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

impl Plot {
    pub fn new(canvas_width: f64, canvas_height: f64, m: Margin) -> Self {
        Plot {
            left: m.left,
            top: m.top,
            width: (canvas_width - m.left - m.right).max(10.0),
            height: (canvas_height - m.top - m.bottom).max(10.0),
        }
    }

    pub fn right(&self) -> f64 {
        self.left + self.width
    }

    pub fn bottom(&self) -> f64 {
        self.top + self.height
    }

    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.left && x <= self.right() && y >= self.top && y <= self.bottom()
    }

    pub fn x_scale(&self, d: (f64, f64)) -> Scale {
        Scale::new(d.0, d.1, self.left, self.right())
    }

    pub fn y_scale(&self, d: (f64, f64)) -> Scale {
        Scale::new(d.0, d.1, self.bottom(), self.top)
    }
}

/// The time and value extent of the series (all points), padded so markers are not cut.
pub fn full_domain(series: &[&Series]) -> Option<Zoom> {
    let mut x = (f64::INFINITY, f64::NEG_INFINITY);
    for s in series {
        if let (Some(first), Some(last)) = (s.points.t.first(), s.points.t.last()) {
            x = (x.0.min(*first), x.1.max(*last));
        }
    }
    if !x.0.is_finite() {
        return None;
    }
    let pad = ((x.1 - x.0) * 0.01).max(60_000.0);
    let (x0, x1) = (x.0 - pad, x.1 + pad);
    let (y0, y1) = value_extent(series, x0, x1)?;
    Some(Zoom { x0, x1, y0, y1 })
}

/// Min and max value of the points within [x0, x1], padded by 8%.
pub fn value_extent(series: &[&Series], x0: f64, x1: f64) -> Option<(f64, f64)> {
    let mut y = (f64::INFINITY, f64::NEG_INFINITY);
    for s in series {
        let (a, b) = (s.points.lower_bound(x0), s.points.upper_bound(x1));
        for v in &s.points.v[a..b] {
            y = (y.0.min(*v), y.1.max(*v));
        }
    }
    if !y.0.is_finite() {
        return None;
    }
    let pad = ((y.1 - y.0) * 0.08).max(y.1.abs() * 0.01).max(1e-9);
    Some((y.0 - pad, y.1 + pad))
}
