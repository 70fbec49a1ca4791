//! Embed mode (`?embed=1`): a view without the top bar, fitting its container, for dashboards.
//! It tells the parent page its height so an `<iframe>` can size itself:
//!
//! ```text
//! window.parent.postMessage({
//!   type: "treeherder-explorer:resize",
//!   height: 812,              // CSS px of content
//!   id: "jobs",               // the iframe's ?embedId=, if given
//!   view: "<route>",          // the route shown, e.g. the jobs view's
//!   href: "https://…/jobs?…", // the embedded page
//! }, "*")
//! ```
//!
//! Links inside an embed open the full app (without `embed=1`) in a new tab.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The message type parents listen for.
pub const RESIZE_MESSAGE: &str = "treeherder-explorer:resize";

fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name)
}

/// Whether this page is embedded (`embed=1` or `embed=true`), read once at startup: the same
/// page does not switch modes.
pub fn is_embed() -> bool {
    thread_local! {
        static EMBED: bool = matches!(query_param("embed").as_deref(), Some("1" | "true"));
    }
    EMBED.with(|e| *e)
}

/// The full-app URL of an in-app URL: same page, without the embed parameters.
pub fn full_app_url(href: &str) -> Option<String> {
    let url = web_sys::Url::new(href).ok()?;
    let params = url.search_params();
    params.delete("embed");
    params.delete("embedId");
    let query = params.to_string().as_string().unwrap_or_default();
    url.set_search(&query);
    Some(url.href())
}

/// Opens this page, full, in a new tab, with one query parameter set (a job to select).
pub fn open_full_with(key: &str, value: &str) {
    let Some(href) = web_sys::window().and_then(|w| w.location().href().ok()) else { return };
    if let Ok(url) = web_sys::Url::new(&href) {
        url.search_params().set(key, value);
        open_full(&url.href());
    }
}

/// Opens a URL of this app, full, in a new tab.
pub fn open_full(href: &str) {
    if let (Some(window), Some(url)) = (web_sys::window(), full_app_url(href)) {
        let _ = window.open_with_url_and_target(&url, "_blank");
    }
}

thread_local! {
    /// The height last told to the parent, and whether a re-check is already due next frame.
    static POSTED: std::cell::Cell<(i32, bool)> = const { std::cell::Cell::new((-1, false)) };
}

fn content_height(body: &web_sys::HtmlElement) -> i32 {
    body.scroll_height().max(body.get_bounding_client_rect().height().ceil() as i32)
}

/// After DOM changes, next frame: tells the parent again if the height moved. Content that
/// overflows the body (its scroll height) can grow or shrink without the body's box changing,
/// which the resize observer alone would miss.
fn recheck_height() {
    if POSTED.with(|p| p.get().1) {
        return;
    }
    POSTED.with(|p| p.set((p.get().0, true)));
    request_animation_frame(|| {
        POSTED.with(|p| p.set((p.get().0, false)));
        let body = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body());
        if body.is_some_and(|b| content_height(&b) != POSTED.with(|p| p.get().0)) {
            post_height();
        }
    });
}

fn post_height() {
    let Some(window) = web_sys::window() else { return };
    let Some(body) = window.document().and_then(|d| d.body()) else { return };
    let height = content_height(&body);
    POSTED.with(|p| p.set((height, p.get().1)));
    let message = js_sys::Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str(k), &v);
    };
    set("type", RESIZE_MESSAGE.into());
    set("height", f64::from(height).into());
    set("id", query_param("embedId").map_or(JsValue::NULL, JsValue::from));
    let location = window.location();
    set("view", crate::hallway::base::route_path(&location.pathname().unwrap_or_default()).into());
    set("href", location.href().unwrap_or_default().into());
    if let Ok(Some(parent)) = window.parent() {
        let _ = parent.post_message(&message, "*");
    }
    // What overflowed the body as this was measured (a canvas resized by its own observer in
    // the same frame, a line about to go) can settle without a change the observers see: look
    // again next frame and a little later, and tell the parent if it moved.
    recheck_height();
    set_timeout(recheck_height, std::time::Duration::from_millis(300));
}

/// Starts embed mode: the document gets the `embed` class, the height is reported whenever it
/// changes, and internal links open the full app in a new tab.
pub fn install() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(root) = document.document_element() {
        let _ = root.class_list().add_1("embed");
    }
    // Height: on every size change of the body, and when the DOM changes what overflows it.
    let observer_callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| post_height());
    if let (Ok(observer), Some(body)) = (web_sys::ResizeObserver::new(observer_callback.as_ref().unchecked_ref()), document.body()) {
        observer.observe(&body);
        // Lives as long as the page.
        std::mem::forget(observer);
    }
    observer_callback.forget();
    let mutations = Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| recheck_height());
    if let (Ok(observer), Some(body)) = (web_sys::MutationObserver::new(mutations.as_ref().unchecked_ref()), document.body()) {
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        options.set_attributes(true);
        let watched = js_sys::Array::of3(&"class".into(), &"style".into(), &"hidden".into());
        // A canvas is sized by its attributes.
        watched.push(&"width".into());
        watched.push(&"height".into());
        options.set_attribute_filter(&watched);
        let _ = observer.observe_with_options(&body, &options);
        // Lives as long as the page.
        std::mem::forget(observer);
    }
    mutations.forget();
    // Links: any anchor to this app opens the full app in a new tab; others in a new tab too.
    let click = Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |e: web_sys::MouseEvent| {
        let Some(anchor) = crate::hallway::links::clicked_anchor(&e) else { return };
        if anchor.has_attribute("download") {
            return;
        }
        e.prevent_default();
        e.stop_propagation();
        let href = anchor.href();
        let same_origin = href.starts_with(&crate::hallway::base::page_origin());
        if same_origin {
            open_full(&href);
        } else if let Some(window) = web_sys::window() {
            let _ = window.open_with_url_and_target(&href, "_blank");
        }
    });
    // Capture phase: before the router turns the click into an in-frame navigation.
    let _ = document.add_event_listener_with_callback_and_bool("click", click.as_ref().unchecked_ref(), true);
    click.forget();
}

/// A link to the full app for the embedded page, for the embed's corner.
#[component]
pub fn OpenFullApp() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let href = move || {
        let _ = (location.pathname.get(), location.search.get());
        web_sys::window().and_then(|w| w.location().href().ok()).and_then(|h| full_app_url(&h)).unwrap_or_default()
    };
    view! { <a class="embed-open" href=href target="_blank" rel="noopener">"Open in Treeherder Explorer \u{2197}"</a> }
}
