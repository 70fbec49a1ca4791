use leptos::prelude::*;

use crate::ready::mark_ready;

/// Perfherder's graphs view (filled by the performance-graphs issue).
#[component]
pub fn GraphsPage() -> impl IntoView {
    request_animation_frame(|| mark_ready("graphs"));
    view! { <section class="page graphs-page" data-view="graphs" data-state="ready"><h1>"Performance graphs"</h1></section> }
}
