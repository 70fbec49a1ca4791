//! The API explorer chunk.

use leptos::prelude::*;
use treeherder_explorer::explorer;
use treeherder_explorer::hallway::views::ViewId;
use treeherder_explorer::shell::{start, Chunk};

// Counts live heap bytes for the soak bench (see `diagnostics`).
#[global_allocator]
static ALLOCATOR: treeherder_explorer::diagnostics::CountingAllocator = treeherder_explorer::diagnostics::CountingAllocator;

fn main() {
    start(Chunk { name: "docs", views: &[(ViewId::Docs, || view! { <explorer::DocsPage/> }.into_any())] });
}
