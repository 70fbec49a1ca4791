//! Typed models of Treeherder's responses. Unknown fields are ignored and fields that can be
//! missing or null are `Option`, so a newer server never breaks decoding.

mod repository;

pub use repository::{Repository, RepositoryGroup};
