//! The jobs chunk: the jobs view.

use leptos::prelude::*;
use treeherder_explorer::hallway::views::ViewId;
use treeherder_explorer::jobs;
use treeherder_explorer::shell::{start, Chunk};

// Counts live heap bytes for the soak bench (see `diagnostics`).
#[global_allocator]
static ALLOCATOR: treeherder_explorer::diagnostics::CountingAllocator = treeherder_explorer::diagnostics::CountingAllocator;

fn main() {
    start(Chunk { name: "jobs", views: &[(ViewId::Jobs, || view! { <jobs::JobsPage/> }.into_any())] });
}
