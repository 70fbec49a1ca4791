use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::{RepoPicker, ServerBadge};
use crate::api::use_api;
use crate::links::app_href;

/// Brand, views, repository picker and the server in use.
#[component]
pub fn TopBar() -> impl IntoView {
    let api = use_api();
    let location = use_location();
    let link = move |path: &'static str, label: &'static str| {
        let href = move || {
            let repo = crate::shell::repo_picker::current_repo();
            app_href(path, &[("repo", repo.as_str())], &api.server.get())
        };
        let current = move || crate::base::route_path(&location.pathname.get()).starts_with(path).then_some("page");
        view! { <a class="nav-link" href=href aria-current=current>{label}</a> }
    };
    let settings_href = move || app_href("/settings", &[], &api.server.get());
    let settings_current = move || (crate::base::route_path(&location.pathname.get()) == "/settings").then_some("page");
    view! {
        <header class="top-bar">
            <a class="brand" href=move || app_href("/jobs", &[], &api.server.get())>
                "tree" <span class="brand-accent">"herder"</span> <span class="brand-sub">"explorer"</span>
            </a>
            <nav class="nav" aria-label="Views">
                {link("/jobs", "Jobs")}
                {link("/pushes", "Pushes")}
                {link("/perfherder/graphs", "Graphs")}
                {link("/docs", "API")}
            </nav>
            <div class="top-bar-right">
                <RepoPicker/>
                <ServerBadge/>
                <a class="nav-link" href=settings_href aria-current=settings_current>"Settings"</a>
            </div>
        </header>
    }
}
