use leptos::prelude::*;

use crate::ready::mark_ready;

/// Treeherder's `/docs`, interactive (filled by the explorer issue).
#[component]
pub fn DocsPage() -> impl IntoView {
    request_animation_frame(|| mark_ready("docs"));
    view! { <section class="page docs-page" data-view="docs" data-state="ready"><h1>"API explorer"</h1></section> }
}
