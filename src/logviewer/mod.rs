//! `/logviewer`: Treeherder's log viewer — a job's raw log, streamed and drawn a screen at a
//! time (`pane`, `window`), with the log parser's error lines and their bug suggestions beside
//! it (`errors`), search over every line (`search`), and Treeherder's URL (`params`).

mod download;
mod errors;
mod header;
mod page;
mod pane;
pub mod params;
pub mod render;
mod rows;
mod search;
mod toolbar;
pub mod window;

pub use page::LogViewerPage;
