use leptos::prelude::*;

/// Perfherder's graphs view (filled by the performance-graphs issue).
#[component]
pub fn GraphsPage() -> impl IntoView {
    view! { <section class="page graphs-page"><h1>"Performance graphs"</h1></section> }
}
