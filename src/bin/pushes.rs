//! The push status list chunk (mostly embedded in dashboards).

use leptos::prelude::*;
use treeherder_explorer::hallway::views::ViewId;
use treeherder_explorer::pushes;
use treeherder_explorer::shell::{start, Chunk};

fn main() {
    start(Chunk { name: "pushes", views: &[(ViewId::Pushes, || view! { <pushes::PushesPage/> }.into_any())] });
}
