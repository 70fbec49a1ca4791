use leptos::prelude::*;

use crate::shell::repo_picker::use_current_repo;

/// The jobs view of a repository (filled by the jobs-view issue).
#[component]
pub fn JobsPage() -> impl IntoView {
    let repo = use_current_repo();
    Effect::new(move |_| {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&repo.get());
        }
    });
    view! {
        <section class="page jobs-page" data-repo=move || repo.get()>
            <h1 class="visually-hidden">{move || format!("Jobs of {}", repo.get())}</h1>
        </section>
    }
}
