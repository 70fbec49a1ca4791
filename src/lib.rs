//! Treeherder Explorer: browse Mozilla Treeherder from any browser.
//!
//! Data flows one way: URL → query state → client → view. The views (`jobs`, `logviewer`, `pushes`, `perf`,
//! `explorer`, `settings`) stand side by side on the `hallway` and `widgets`; the `shell` puts a
//! chunk's views in a page, and each chunk is one binary (`src/bin/<chunk>.rs`, one wasm file).

pub mod diagnostics;
pub mod explorer;
pub mod hallway;
pub mod jobs;
pub mod logviewer;
pub mod perf;
pub mod pushes;
pub mod settings;
pub mod shell;
pub mod widgets;
