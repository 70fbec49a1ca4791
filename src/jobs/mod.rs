//! `/jobs`: pushes and their jobs.

mod page;

pub use page::JobsPage;
