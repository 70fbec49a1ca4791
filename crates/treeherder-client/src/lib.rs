//! A typed client for Mozilla Treeherder's public REST API, for the browser (wasm32, `fetch`)
//! and native Rust (feature `native`): what Python's `thclient.TreeherderClient` does, typed,
//! plus what thclient 4.x had and lost — Hawk-signed job submission.
//!
//! ```no_run
//! # async fn demo() -> Result<(), treeherder_client::Error> {
//! use treeherder_client::{JobQuery, PushFilter, TreeherderClient};
//! let client = TreeherderClient::new(); // https://treeherder.mozilla.org
//! let pushes = client.pushes("autoland", &PushFilter::new().count(5)).await?;
//! for push in &pushes.results {
//!     let jobs = client.jobs(&JobQuery::push_id(push.id)).await?; // every page
//!     let failed = jobs.iter().filter(|j| j.is_unclassified_failure()).count();
//!     println!("{}: {} jobs, {failed} unclassified failures", push.revision, jobs.len());
//! }
//! # Ok(()) }
//! ```
//!
//! In browsers `User-Agent` cannot be set (the browser sends its own); natively the client sends
//! `treeherder-explorer/<version>`, since Treeherder answers 403 to default scripting agents.

pub mod auth;
mod client;
pub mod clock;
pub mod conventions;
mod endpoints;
pub mod error;
mod json_path;
pub mod log_lines;
mod log_search;
pub mod models;
pub mod paging;
mod query;
pub mod raw_log;
pub mod server;
pub mod submit;
pub mod transport;

pub use auth::Credentials;
pub use client::{check_status, decode_json, TreeherderClient, ACCEPT, DEFAULT_TIMEOUT, USER_AGENT};
pub use endpoints::{parse_schema, JobQuery, PushFilter, SignatureQuery, SummaryQuery};
pub use error::{Error, ErrorKind};
pub use paging::Progress;
pub use query::Query;
pub use server::ServerUrl;
pub use transport::{HttpRequest, HttpResponse, Transport, TransportError};
