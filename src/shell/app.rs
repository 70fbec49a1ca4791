//! The app around a chunk's views: router, config, the active server, the top bar, and the view
//! the URL names. A view of another chunk is one page load away (the boot script brings that
//! chunk's files): links to it are left to the browser, and a navigation to it loads that page.

use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::location::{BrowserUrl, LocationProvider};

use crate::hallway::api::Api;
use crate::hallway::base::route_path;
use crate::hallway::config::{self, LoadedConfig};
use crate::hallway::server;
use crate::hallway::views::{view_at, ViewId, DEFAULT_VIEW};
use crate::shell::TopBar;
use crate::widgets::{ErrorBanner, Notice, Spinner};

/// Draws one view.
pub type ViewFn = fn() -> AnyView;

/// The views this wasm file carries, with how to draw each.
#[derive(Clone, Copy)]
pub struct Chunk {
    pub name: &'static str,
    pub views: &'static [(ViewId, ViewFn)],
}

impl Chunk {
    fn draw(&self, id: ViewId) -> Option<AnyView> {
        self.views.iter().find(|(v, _)| *v == id).map(|(_, draw)| draw())
    }
}

/// What the URL's path names.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Place {
    Root,
    View(ViewId),
    Unknown,
}

fn place_of(route: &str) -> Place {
    match view_at(route) {
        Some(id) => Place::View(id),
        None if route == "/" || route.is_empty() => Place::Root,
        None => Place::Unknown,
    }
}

#[component]
pub fn App(chunk: Chunk) -> impl IntoView {
    // Served under a sub-path, routes live under it (index.html found the prefix at startup).
    let base = crate::hallway::base::app_base();
    if crate::hallway::embed::is_embed() {
        crate::hallway::embed::install();
    }
    view! {
        <Router base>
            <Shell chunk/>
        </Router>
    }
}

/// Waits for `config.json` (same origin, preloaded), then provides [`Api`] and the view.
#[component]
fn Shell(chunk: Chunk) -> impl IntoView {
    let config = LocalResource::new(config::load);
    view! {
        <Suspense fallback=|| view! { <div class="boot"><Spinner/></div> }>
            {move || config.get().map(|loaded| view! { <Ready loaded chunk/> })}
        </Suspense>
    }
}

#[component]
fn Ready(loaded: LoadedConfig, chunk: Chunk) -> impl IntoView {
    crate::hallway::ready::mark("app:config-loaded");
    crate::shell::remove_skeleton();
    let query = use_query_map();
    let saved = RwSignal::new(server::saved_server());
    let config_server = loaded.config.server.clone();
    let active = Memo::new(move |_| {
        let param = query.read().get("server");
        server::resolve(param.as_deref(), saved.get().as_deref(), config_server.as_deref(), &crate::hallway::base::document_base())
    });
    let problem = loaded.problem.clone();
    let app_config = loaded.config.clone();
    let config = Signal::stored(loaded);
    let repositories = LocalResource::new(move || {
        let client = crate::hallway::api::client_for(active.get().url, &app_config);
        async move { client.repositories().await }
    });
    let recent = RwSignal::new(crate::hallway::api::Recent::restored());
    let hawk = RwSignal::new(Vec::new());
    provide_context(Api { server: active, config, saved, repositories, recent, hawk });

    let location = use_location();
    let place = Memo::new(move |_| place_of(&route_path(&location.pathname.get())));
    // The router puts a link's URL in the address bar once the routes say the new page is drawn;
    // the view list takes the place of leptos_router's <Routes> (and its ~70 KB of matching), so
    // it says so itself, after each change of path.
    let browser_url = use_context::<BrowserUrl>();
    Effect::new(move |_| {
        location.pathname.track();
        if let Some(url) = &browser_url {
            url.ready_to_complete();
        }
    });
    let embed = crate::hallway::embed::is_embed();
    view! {
        {(!embed).then(|| view! { <TopBar/> })}
        {embed.then(|| view! { <crate::hallway::embed::OpenFullApp/> })}
        {problem.map(|p| view! { <Notice text=format!("{p}; using the defaults.")/> })}
        {move || active.get().warning.map(|w| view! { <Notice text=w/> })}
        {move || repositories.get().and_then(|r| r.err()).map(|error| view! {
            <ErrorBanner context=format!("Loading repositories from {}", active.get_untracked().url)
                error on_retry=Callback::new(move |_| repositories.refetch())/>
        })}
        <main class="view">
            {move || match place.get() {
                Place::Root => view! { <RedirectToDefault/> }.into_any(),
                Place::View(id) => chunk.draw(id).unwrap_or_else(|| view! { <OtherChunk id/> }.into_any()),
                Place::Unknown => view! { <NotFound/> }.into_any(),
            }}
        </main>
    }
}

/// A view of another chunk, reached by the router (links to other chunks never get here: see
/// [`leave_for_other_chunks`]): load that page, so the boot script brings its chunk. If this very
/// page load was for that URL, the build put the view in the wrong chunk: say so instead of
/// looping.
#[component]
fn OtherChunk(id: ViewId) -> impl IntoView {
    let location = use_location();
    let origin = crate::hallway::base::page_origin();
    let target =
        format!("{origin}{}{}{}", location.pathname.get_untracked(), location.search.get_untracked(), location.hash.get_untracked());
    let booted_here = crate::hallway::base::initial_href() == target;
    if !booted_here {
        if let Some(window) = web_sys::window() {
            let _ = window.location().assign(&target);
        }
    }
    view! {
        <section class="page chunk-switch">
            {if booted_here {
                view! { <p class="notice">{format!("This build has no code for the {} view (chunk {}).", id.path(), id.spec().chunk)}</p> }.into_any()
            } else {
                view! { <Spinner/> }.into_any()
            }}
        </section>
    }
}

/// Clicks on links to views of other chunks are left to the browser (a page load, which brings
/// that chunk) instead of the router: caught before it, in the capture phase.
pub(crate) fn leave_for_other_chunks(chunk: &'static str) {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let click = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |e: web_sys::MouseEvent| {
        if e.default_prevented() || e.button() != 0 || e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key() {
            return;
        }
        let Some(anchor) = crate::hallway::links::clicked_anchor(&e) else { return };
        let Ok(url) = web_sys::Url::new(&anchor.href()) else { return };
        if url.origin() != crate::hallway::base::page_origin() || !anchor.target().is_empty() {
            return;
        }
        let other = view_at(&route_path(&url.pathname())).is_some_and(|v| v.spec().chunk != chunk);
        if other {
            e.stop_propagation();
        }
    });
    let _ = document.add_event_listener_with_callback_and_bool("click", click.as_ref().unchecked_ref(), true);
    // Lives as long as the page.
    click.forget();
}

/// `/` opens the default view, keeping the query (`/?repo=try` → `/jobs?repo=try`).
#[component]
fn RedirectToDefault() -> impl IntoView {
    let location = use_location();
    let navigate = use_navigate();
    let search = location.search.get_untracked();
    let search = search.trim_start_matches('?');
    let path = DEFAULT_VIEW.path();
    let target = if search.is_empty() { path.to_string() } else { format!("{path}?{search}") };
    request_animation_frame(move || navigate(&target, leptos_router::NavigateOptions { replace: true, ..Default::default() }));
    view! { <Spinner/> }
}

#[component]
fn NotFound() -> impl IntoView {
    let location = use_location();
    let home = format!("{}{}", crate::hallway::base::app_base(), DEFAULT_VIEW.path());
    view! {
        <section class="page not-found">
            <h1>"Page not found"</h1>
            <p>"There is no view at " <code>{move || location.pathname.get()}</code> "."</p>
            <p><a href=home>"Go to the jobs view"</a></p>
        </section>
    }
}
