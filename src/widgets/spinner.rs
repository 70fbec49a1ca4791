use leptos::prelude::*;

/// A busy indicator with a label for screen readers and people.
#[component]
pub fn Spinner(#[prop(into, optional)] label: Option<Signal<String>>) -> impl IntoView {
    let text = move || label.map(|l| l.get()).unwrap_or_else(|| "Loading…".to_string());
    view! {
        <div class="spinner" role="status" aria-live="polite">
            <span class="spinner-dot" aria-hidden="true"></span>
            <span class="spinner-label">{text}</span>
        </div>
    }
}
