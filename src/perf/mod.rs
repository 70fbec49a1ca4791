//! `/perfherder/graphs`: performance series.

mod page;

pub use page::GraphsPage;
