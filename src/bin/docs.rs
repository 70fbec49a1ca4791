//! The API explorer chunk.

use leptos::prelude::*;
use treeherder_explorer::explorer;
use treeherder_explorer::hallway::views::ViewId;
use treeherder_explorer::shell::{start, Chunk};

fn main() {
    start(Chunk { name: "docs", views: &[(ViewId::Docs, || view! { <explorer::DocsPage/> }.into_any())] });
}
