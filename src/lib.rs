//! Treeherder Explorer: browse Mozilla Treeherder from any browser.
//!
//! Data flows one way: URL → query state → client → view.

pub mod api;
pub mod app;
pub mod base;
pub mod config;
pub mod diagnostics;
pub mod embed;
pub mod explorer;
pub mod jobs;
pub mod links;
pub mod perf;
pub mod pushes;
pub mod ready;
pub mod server;
pub mod settings;
pub mod shell;
pub mod storage;
pub mod time;
pub mod widgets;

pub use app::App;
