use leptos::prelude::*;

use crate::api::use_api;
use crate::ready::mark_ready;
use crate::shell::repo_picker::use_current_repo;

/// The jobs view of a repository (filled by the jobs-view issue).
#[component]
pub fn JobsPage() -> impl IntoView {
    let repo = use_current_repo();
    let api = use_api();
    let state = move || match api.repositories.get() {
        None => "loading",
        Some(Ok(_)) => {
            mark_ready("jobs");
            "ready"
        }
        Some(Err(_)) => "error",
    };
    Effect::new(move |_| {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&repo.get());
        }
    });
    view! {
        <section class="page jobs-page" data-view="jobs" data-state=state data-repo=move || repo.get()>
            <h1 class="visually-hidden">{move || format!("Jobs of {}", repo.get())}</h1>
        </section>
    }
}
