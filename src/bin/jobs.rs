//! The jobs chunk: the jobs view.

use leptos::prelude::*;
use treeherder_explorer::hallway::views::ViewId;
use treeherder_explorer::jobs;
use treeherder_explorer::shell::{start, Chunk};

fn main() {
    start(Chunk { name: "jobs", views: &[(ViewId::Jobs, || view! { <jobs::JobsPage/> }.into_any())] });
}
