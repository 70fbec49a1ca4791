//! `/pushes`: a compact status list of a repository's last pushes (for dashboards).

mod page;

pub use page::PushesPage;
