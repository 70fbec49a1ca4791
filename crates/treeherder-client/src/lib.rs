//! A typed client for Mozilla Treeherder's public REST API, for the browser (wasm32, `fetch`)
//! and native Rust (feature `native`): what Python's `thclient.TreeherderClient` does, typed.
//!
//! ```no_run
//! # async fn demo() -> Result<(), treeherder_client::Error> {
//! let client = treeherder_client::TreeherderClient::new();
//! let repos = client.repositories().await?;
//! # Ok(()) }
//! ```

mod client;
mod endpoints;
pub mod error;
pub mod models;
mod query;
pub mod server;
pub mod transport;

pub use client::{decode_json, TreeherderClient, ACCEPT, DEFAULT_TIMEOUT, USER_AGENT};
pub use error::{Error, ErrorKind};
pub use query::Query;
pub use server::ServerUrl;
pub use transport::{HttpRequest, HttpResponse, Transport, TransportError};
