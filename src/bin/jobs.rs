//! The jobs chunk: the jobs view, the push status list and settings.

use leptos::prelude::*;
use treeherder_explorer::hallway::views::ViewId;
use treeherder_explorer::shell::{start, Chunk};
use treeherder_explorer::{jobs, pushes, settings};

fn main() {
    start(Chunk {
        name: "jobs",
        views: &[
            (ViewId::Jobs, || view! { <jobs::JobsPage/> }.into_any()),
            (ViewId::Pushes, || view! { <pushes::PushesPage/> }.into_any()),
            (ViewId::Settings, || view! { <settings::SettingsPage/> }.into_any()),
        ],
    });
}
