//! The log viewer chunk: a job's raw log (`/logviewer`, Treeherder's parameters).

use leptos::prelude::*;
use treeherder_explorer::hallway::views::ViewId;
use treeherder_explorer::logviewer;
use treeherder_explorer::shell::{start, Chunk};

// Counts live heap bytes for the soak bench (see `diagnostics`).
#[global_allocator]
static ALLOCATOR: treeherder_explorer::diagnostics::CountingAllocator = treeherder_explorer::diagnostics::CountingAllocator;

fn main() {
    start(Chunk { name: "logviewer", views: &[(ViewId::LogViewer, || view! { <logviewer::LogViewerPage/> }.into_any())] });
}
