//! The app: router, shell (top bar, server choice, config) and one route per view.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::path;

use crate::api::Api;
use crate::config::{self, LoadedConfig};
use crate::server;
use crate::shell::TopBar;
use crate::widgets::{ErrorBanner, Notice, Spinner};

#[component]
pub fn App() -> impl IntoView {
    // Served under a sub-path, routes live under it (index.html found the prefix at startup).
    let base = crate::base::app_base();
    if crate::embed::is_embed() {
        crate::embed::install();
    }
    view! {
        <Router base>
            <Shell/>
        </Router>
    }
}

/// Waits for `config.json` (same origin, fast), then provides [`Api`] and renders the views.
#[component]
fn Shell() -> impl IntoView {
    let config = LocalResource::new(config::load);
    view! {
        <Suspense fallback=|| view! { <div class="boot"><Spinner/></div> }>
            {move || config.get().map(|loaded| view! { <Ready loaded/> })}
        </Suspense>
    }
}

#[component]
fn Ready(loaded: LoadedConfig) -> impl IntoView {
    crate::ready::mark("app:config-loaded");
    let query = use_query_map();
    let saved = RwSignal::new(server::saved_server());
    let config_server = loaded.config.server.clone();
    let active = Memo::new(move |_| {
        let param = query.read().get("server");
        server::resolve(param.as_deref(), saved.get().as_deref(), config_server.as_deref(), &crate::base::document_base())
    });
    let problem = loaded.problem.clone();
    let app_config = loaded.config.clone();
    let config = Signal::stored(loaded);
    let repositories = LocalResource::new(move || {
        let client = crate::api::client_for(active.get().url, &app_config);
        async move { client.repositories().await }
    });
    let recent = RwSignal::new(crate::api::Recent::default());
    let hawk = RwSignal::new(Vec::new());
    provide_context(Api { server: active, config, saved, repositories, recent, hawk });

    let embed = crate::embed::is_embed();
    view! {
        {(!embed).then(|| view! { <TopBar/> })}
        {embed.then(|| view! { <crate::embed::OpenFullApp/> })}
        {problem.map(|p| view! { <Notice text=format!("{p}; using the defaults.")/> })}
        {move || active.get().warning.map(|w| view! { <Notice text=w/> })}
        {move || repositories.get().and_then(|r| r.err()).map(|error| view! {
            <ErrorBanner context=format!("Loading repositories from {}", active.get_untracked().url)
                error on_retry=Callback::new(move |_| repositories.refetch())/>
        })}
        <main class="view">
            <Routes fallback=NotFound>
                <Route path=path!("/") view=RedirectToJobs/>
                <Route path=path!("/jobs") view=crate::jobs::JobsPage/>
                <Route path=path!("/perfherder/graphs") view=crate::perf::GraphsPage/>
                <Route path=path!("/docs") view=crate::explorer::DocsPage/>
                <Route path=path!("/pushes") view=crate::pushes::PushesPage/>
                <Route path=path!("/settings") view=crate::settings::SettingsPage/>
            </Routes>
        </main>
    }
}

/// `/` opens the jobs view, keeping the query (`/?repo=try` → `/jobs?repo=try`).
#[component]
fn RedirectToJobs() -> impl IntoView {
    let location = use_location();
    let navigate = use_navigate();
    let search = location.search.get_untracked();
    let search = search.trim_start_matches('?');
    let target = if search.is_empty() { "/jobs".to_string() } else { format!("/jobs?{search}") };
    request_animation_frame(move || {
        navigate(&target, leptos_router::NavigateOptions { replace: true, ..Default::default() })
    });
    view! { <Spinner/> }
}

#[component]
fn NotFound() -> impl IntoView {
    let location = use_location();
    view! {
        <section class="page not-found">
            <h1>"Page not found"</h1>
            <p>"There is no view at " <code>{move || location.pathname.get()}</code> "."</p>
            <p><a href="/jobs">"Go to the jobs view"</a></p>
        </section>
    }
}
