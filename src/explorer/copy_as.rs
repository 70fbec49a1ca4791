//! "Copy as" curl, Rust and Python: the request the form describes, without sending it.

use leptos::prelude::*;

use super::snippets::{self, Prepared};
use crate::widgets::CopyButton;

#[derive(Clone, Copy, PartialEq)]
enum Lang {
    Curl,
    Rust,
    Python,
}

impl Lang {
    fn name(self) -> &'static str {
        match self {
            Lang::Curl => "curl",
            Lang::Rust => "rust",
            Lang::Python => "python",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Lang::Curl => "curl",
            Lang::Rust => "Rust",
            Lang::Python => "Python",
        }
    }
    fn render(self, r: &Prepared) -> String {
        match self {
            Lang::Curl => snippets::curl(r),
            Lang::Rust => snippets::rust(r),
            Lang::Python => snippets::python(r),
        }
    }
}

#[component]
pub fn CopyAs(prepared: Memo<Prepared>, #[prop(into)] problems: Signal<Vec<String>>) -> impl IntoView {
    let lang = RwSignal::new(Lang::Curl);
    let text = Memo::new(move |_| prepared.with(|p| lang.get().render(p)));
    let note = move || match (lang.get(), prepared.with(|p| (p.authorization.is_some(), p.client_id.is_some()))) {
        (Lang::Curl, (true, _)) => Some("The Hawk header is valid for about a minute: copy again to re-sign."),
        (Lang::Rust | Lang::Python, (_, true)) => Some("Reads the secret from $TREEHERDER_SECRET."),
        _ => None,
    };
    let tab = move |l: Lang| {
        view! {
            <button type="button" role="tab" class="tab" data-lang=l.name() aria-selected=move || (lang.get() == l).to_string()
                on:click=move |_| lang.set(l)>{l.label()}</button>
        }
    };
    view! {
        <section class="copy-as">
            <div class="tabs" role="tablist" aria-label="Copy as">
                <span class="tabs-label">"Copy as"</span>
                {tab(Lang::Curl)}{tab(Lang::Rust)}{tab(Lang::Python)}
                <CopyButton text=Signal::derive(move || text.get()) label="Copy"/>
            </div>
            {move || {
                let p = problems.get();
                (!p.is_empty()).then(|| view! { <p class="form-problem small">{format!("Incomplete: {}", p.join("; "))}</p> })
            }}
            <pre class="snippet" data-lang=move || lang.get().name()>{move || text.get()}</pre>
            {move || note().map(|n| view! { <p class="muted small">{n}</p> })}
        </section>
    }
}
