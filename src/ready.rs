//! "Ready" signals for people, tests and the bench: each view's root carries
//! `data-state="loading|ready|error"`, and reaching ready records a `performance.mark`
//! (`ready:<view>`) so timings are measured by the page itself, from navigation start.

/// Records that `view` became ready (once per page load and view).
pub fn mark_ready(view: &str) {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else { return };
    let name = format!("ready:{view}");
    if performance.get_entries_by_name(&name).length() == 0 {
        let _ = performance.mark(&name);
    }
}

/// A named moment inside a view's loading (`docs:schema-parsed`…), for the bench's breakdowns.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
