//! The shell: the app around a chunk's views (router, config, server, top bar) and how a chunk's
//! binary starts it.

mod app;
pub mod repo_picker;
mod server_badge;
mod top_bar;

pub use app::{App, Chunk, ViewFn};
pub use repo_picker::RepoPicker;
pub use server_badge::ServerBadge;
pub use top_bar::TopBar;

/// Starts the app with one chunk's views (called by `src/bin/<chunk>.rs`).
pub fn start(chunk: Chunk) {
    // A panic would silently kill the page; at least say why in the console.
    console_error_panic_hook::set_once();
    let _ = console_log::init_with_level(log::Level::Info);
    crate::diagnostics::expose_memory_probe();
    crate::hallway::ready::mark("app:start");
    let _ = crate::hallway::base::initial_href();
    app::leave_for_other_chunks(chunk.name);
    leptos::mount::mount_to_body(move || leptos::view! { <App chunk/> });
}

/// The skeleton index.html painted goes once the app draws its own top bar and view.
pub(crate) fn remove_skeleton() {
    if let Some(skeleton) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot-skeleton")) {
        skeleton.remove();
    }
}
