//! The push status list chunk (mostly embedded in dashboards).

use leptos::prelude::*;
use treeherder_explorer::hallway::views::ViewId;
use treeherder_explorer::pushes;
use treeherder_explorer::shell::{start, Chunk};

// Counts live heap bytes for the soak bench (see `diagnostics`).
#[global_allocator]
static ALLOCATOR: treeherder_explorer::diagnostics::CountingAllocator = treeherder_explorer::diagnostics::CountingAllocator;

fn main() {
    start(Chunk { name: "pushes", views: &[(ViewId::Pushes, || view! { <pushes::PushesPage/> }.into_any())] });
}
