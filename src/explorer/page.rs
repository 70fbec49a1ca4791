use leptos::prelude::*;

/// Treeherder's `/docs`, interactive (filled by the explorer issue).
#[component]
pub fn DocsPage() -> impl IntoView {
    view! { <section class="page docs-page"><h1>"API explorer"</h1></section> }
}
