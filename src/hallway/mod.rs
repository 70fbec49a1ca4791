//! The hallway: what every view stands on and nothing view-specific. Which Treeherder server
//! (`server`, `config`, `api`), the app's place and routes (`base`, `views`, `links`), URL state
//! (`navigation`), keyboard rules (`keys`), embed mode, ready marks, storage and time. Views import this and `widgets`,
//! never each other or the shell.

pub mod api;
pub mod base;
pub mod config;
pub mod embed;
pub mod keys;
pub mod links;
pub mod navigation;
#[cfg(target_arch = "wasm32")]
pub mod prefetch;
pub mod ready;
pub mod server;
pub mod storage;
pub mod time;
pub mod views;
