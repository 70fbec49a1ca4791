//! The performance chunk: Perfherder's graphs.

use leptos::prelude::*;
use treeherder_explorer::hallway::views::ViewId;
use treeherder_explorer::perf;
use treeherder_explorer::shell::{start, Chunk};

fn main() {
    start(Chunk { name: "perf", views: &[(ViewId::Graphs, || view! { <perf::GraphsPage/> }.into_any())] });
}
