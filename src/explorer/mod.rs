//! `/docs`: the API explorer.

mod page;

pub use page::DocsPage;
