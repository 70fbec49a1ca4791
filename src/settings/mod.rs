//! `/settings`: which Treeherder to talk to.

mod page;

pub use page::SettingsPage;
