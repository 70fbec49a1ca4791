//! "Ready" signals for people, tests and the bench: each view's root carries
//! `data-state="loading|ready|error"`, and reaching ready records a `performance.mark`
//! (`ready:<view>`) so timings are measured by the page itself, from navigation start.

/// Records that `view` became ready (once per page load and view).
pub fn mark_ready(view: &str) {
    mark(&format!("ready:{view}"));
}

/// A named moment inside a view's first load (`app:start`, `docs:schema-parsed`…), for the
/// bench's breakdowns. Recorded once per page load, so a long-lived page does not pile them up.
pub fn mark(name: &str) {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else { return };
    if performance.get_entries_by_name(name).length() == 0 {
        let _ = performance.mark(name);
    }
}
