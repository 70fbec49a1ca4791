//! The performance chunk: Perfherder's graphs.

use leptos::prelude::*;
use treeherder_explorer::hallway::views::ViewId;
use treeherder_explorer::perf;
use treeherder_explorer::shell::{start, Chunk};

// Counts live heap bytes for the soak bench (see `diagnostics`).
#[global_allocator]
static ALLOCATOR: treeherder_explorer::diagnostics::CountingAllocator = treeherder_explorer::diagnostics::CountingAllocator;

fn main() {
    start(Chunk { name: "perf", views: &[(ViewId::Graphs, || view! { <perf::GraphsPage/> }.into_any())] });
}
