//! Transparent paging past the server's page limits, with progress reports.

/// How far a multi-page fetch got. `items_total`/`pages_total` are known when the server says
/// how many there are (`/api/jobs/` does; push lists do not).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub pages_done: usize,
    pub pages_total: Option<usize>,
    pub items: usize,
    pub items_total: Option<usize>,
}

impl Progress {
    /// 0.0–1.0 when the total is known.
    pub fn fraction(&self) -> Option<f64> {
        let total = self.items_total?;
        Some(if total == 0 { 1.0 } else { (self.items as f64 / total as f64).min(1.0) })
    }
}

/// Treeherder's page size for jobs (and thclient's `MAX_COUNT`).
pub const MAX_JOBS_PER_PAGE: usize = 2000;
/// Treeherder's limit of pushes per request.
pub const MAX_PUSHES_PER_PAGE: usize = 1000;
