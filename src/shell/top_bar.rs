use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::{RepoPicker, ServerBadge};
use crate::hallway::api::use_api;
use crate::hallway::base::route_path;
use crate::hallway::links::app_href;
use crate::hallway::navigation::current_repo;
use crate::hallway::views::{view_at, ViewId, DEFAULT_VIEW, VIEWS};

/// Brand, views, repository picker and the server in use.
#[component]
pub fn TopBar() -> impl IntoView {
    let api = use_api();
    let location = use_location();
    let current_view = Memo::new(move |_| view_at(&route_path(&location.pathname.get())));
    let link = move |view: ViewId, label: &'static str| {
        let href = move || {
            let repo = current_repo();
            app_href(view, &[("repo", repo.as_str())], &api.server.get())
        };
        let current = move || (current_view.get() == Some(view)).then_some("page");
        view! { <a class="nav-link" href=href aria-current=current>{label}</a> }
    };
    let links = VIEWS.iter().filter_map(|v| v.nav.map(|label| link(v.id, label))).collect_view();
    let settings_href = move || app_href(ViewId::Settings, &[], &api.server.get());
    let settings_current = move || (current_view.get() == Some(ViewId::Settings)).then_some("page");
    view! {
        <header class="top-bar">
            <a class="brand" href=move || app_href(DEFAULT_VIEW, &[], &api.server.get())>
                "tree" <span class="brand-accent">"herder"</span> <span class="brand-sub">"explorer"</span>
            </a>
            <nav class="nav" aria-label="Views">{links}</nav>
            <div class="top-bar-right">
                <RepoPicker/>
                <ServerBadge/>
                <a class="nav-link" href=settings_href aria-current=settings_current>"Settings"</a>
            </div>
        </header>
    }
}
