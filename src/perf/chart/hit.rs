//! Which point is under the pointer: against the full data (not the decimated drawing), using
//! the time order to look only at points within reach.

use super::draw::Styled;
use super::scale::Scale;

/// The nearest point within `radius` px of (mx, my): (series index, point index).
pub fn nearest(series: &[Styled], xs: &Scale, ys: &Scale, mx: f64, my: f64, radius: f64) -> Option<(usize, usize)> {
    let (t0, t1) = (xs.invert(mx - radius), xs.invert(mx + radius));
    let (t0, t1) = (t0.min(t1), t0.max(t1));
    let mut best: Option<(f64, usize, usize)> = None;
    for (si, s) in series.iter().enumerate() {
        let points = &s.series.points;
        let (a, b) = (points.lower_bound(t0), points.upper_bound(t1));
        for i in a..b {
            let (dx, dy) = (xs.map(points.t[i]) - mx, ys.map(points.v[i]) - my);
            let d = dx * dx + dy * dy;
            if d <= radius * radius && best.is_none_or(|(bd, _, _)| d < bd) {
                best = Some((d, si, i));
            }
        }
    }
    best.map(|(_, si, i)| (si, i))
}
