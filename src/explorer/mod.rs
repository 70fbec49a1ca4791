//! `/docs`: Treeherder's API documentation (its OpenAPI schema), searchable, with a console
//! that sends requests and copies them as code.

mod copy_as;
mod credentials;
mod examples;
mod known;
pub mod markdown;
mod menu;
pub mod openapi;
mod operation;
mod overview;
mod page;
mod response_view;
pub mod schema_tree;
pub mod snippets;
pub mod spec;
pub mod target;
mod try_it;

pub use page::DocsPage;
