//! The side menu: operations by tag, and a search over paths, summaries, descriptions,
//! operationIds and parameter names (Redoc and Swagger UI filter by tag only), driven from the
//! keyboard: ↑/↓ move through the results, Enter opens one, Escape clears.

use std::sync::Arc;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::spec::Spec;
use super::target::{here, operation_href, tag_href, Target};

/// What the search box holds, as lower-case words.
fn words_of(query: &str) -> Vec<String> {
    query.to_lowercase().split_whitespace().map(str::to_string).collect()
}

#[component]
pub fn DocsMenu(spec: Arc<Spec>, target: Memo<Target>, #[prop(into)] go: Callback<String>) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let words = Memo::new(move |_| words_of(&query.get()));
    let matches: Memo<Arc<Vec<bool>>> = {
        let spec = spec.clone();
        Memo::new(move |_| words.with(|w| Arc::new(spec.operations.iter().map(|o| o.matches(w)).collect())))
    };
    let total = spec.operations.len();
    let shown = move || matches.with(|m| m.iter().filter(|b| **b).count());
    // Display order (tag by tag), for keyboard movement.
    let order: Arc<Vec<usize>> = Arc::new(
        spec.tags.iter().flat_map(|t| spec.operations.iter().enumerate().filter(move |(_, o)| &o.tag == t).map(|(i, _)| i)).collect(),
    );
    let active = RwSignal::new(None::<usize>);
    let collapsed = RwSignal::new(Vec::<String>::new());
    let input_ref = NodeRef::<html::Input>::new();

    let current = move |id: &str| target.with(|t| matches!(t, Target::Operation(o) if o == id));

    let step = {
        let order = order.clone();
        move |forward: bool| {
            let visible: Vec<usize> = matches.with(|m| order.iter().copied().filter(|i| m[*i]).collect());
            if visible.is_empty() {
                active.set(None);
                return;
            }
            let at = active.get_untracked().and_then(|a| visible.iter().position(|i| *i == a));
            let next = match (at, forward) {
                (None, true) => 0,
                (None, false) => visible.len() - 1,
                (Some(p), true) => (p + 1) % visible.len(),
                (Some(p), false) => (p + visible.len() - 1) % visible.len(),
            };
            active.set(Some(visible[next]));
            scroll_menu_item(visible[next]);
        }
    };
    let on_keydown = {
        let spec = spec.clone();
        let order = order.clone();
        move |e: ev::KeyboardEvent| match e.key().as_str() {
            "ArrowDown" => {
                e.prevent_default();
                step(true);
            }
            "ArrowUp" => {
                e.prevent_default();
                step(false);
            }
            "Enter" => {
                e.prevent_default();
                let first = || matches.with(|m| order.iter().copied().find(|i| m[*i]));
                if let Some(i) = active.get_untracked().filter(|i| matches.with(|m| m[*i])).or_else(first) {
                    go.run(operation_href(&spec.operations[i].id));
                }
            }
            "Escape" => {
                query.set(String::new());
                active.set(None);
            }
            _ => {}
        }
    };

    // "/" focuses the search from anywhere on the page, as on GitHub and Treeherder.
    let handle = window_event_listener(ev::keydown, move |e| {
        let typing = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if e.key() == "/" && !typing && !e.ctrl_key() && !e.meta_key() && !e.alt_key() {
            if let Some(input) = input_ref.get_untracked() {
                e.prevent_default();
                let _ = input.focus();
            }
        }
    });
    on_cleanup(move || handle.remove());

    // The open operation stays visible in the menu (deep links, history).
    {
        let spec = spec.clone();
        Effect::new(move |_| {
            if let Target::Operation(id) = target.get() {
                if let Some(i) = spec.operations.iter().position(|o| o.id == id) {
                    request_animation_frame(move || scroll_menu_item(i));
                }
            }
        });
    }

    let tags = spec
        .tags
        .iter()
        .map(|tag| {
            let members: Vec<usize> = spec.operations.iter().enumerate().filter(|(_, o)| &o.tag == tag).map(|(i, _)| i).collect();
            let count = members.len();
            let tag_hidden = {
                let members = members.clone();
                move || matches.with(|m| members.iter().all(|i| !m[*i]))
            };
            let tag_name = tag.clone();
            let is_collapsed = Signal::derive(move || words.with(|w| w.is_empty()) && collapsed.with(|c| c.contains(&tag_name)));
            let tag_name = tag.clone();
            let toggle = move |_| {
                collapsed.update(|c| match c.iter().position(|t| *t == tag_name) {
                    Some(p) => {
                        c.remove(p);
                    }
                    None => c.push(tag_name.clone()),
                })
            };
            let tag_for_current = tag.clone();
            let tag_current = move || target.with(|t| matches!(t, Target::Tag(x) if *x == tag_for_current));
            let items = members
                .into_iter()
                .map(|i| {
                    let op = spec.operations[i].clone();
                    let id = op.id.clone();
                    let id_for_current = id.clone();
                    let hint = {
                        let op = op.clone();
                        move || words.with(|w| if w.is_empty() { None } else { op.match_hint(w) })
                    };
                    view! {
                        <li class="menu-item" hidden=move || !matches.with(|m| m[i])>
                            <a class="menu-op" id=format!("menu-op-{i}") href=here(operation_href(&id)) data-operation-id=id.clone()
                                data-method=op.method.to_lowercase()
                                class:current=move || current(&id_for_current)
                                class:kb-active=move || active.get() == Some(i)
                                aria-current=move || current(&id).then_some("page")
                                title=op.summary.clone().unwrap_or_else(|| op.id.clone())>
                                <span class=format!("method-badge method-{}", op.method.to_lowercase())>{op.method.clone()}</span>
                                <span class="menu-path">{breakable_path(&op.path)}</span>
                                {move || hint().map(|h| view! { <span class="menu-hint">{h}</span> })}
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class="menu-tag" data-tag=tag.clone() hidden=tag_hidden>
                    <div class="menu-tag-head">
                        <button type="button" class="menu-tag-toggle" aria-label=format!("Show or hide {tag}")
                            aria-expanded=move || (!is_collapsed.get()).to_string() on:click=toggle>
                            {move || if is_collapsed.get() { "\u{25b8}" } else { "\u{25be}" }}
                        </button>
                        <a class="menu-tag-link" href=here(tag_href(tag)) class:current=tag_current>{tag.clone()}</a>
                        <span class="menu-tag-count">{count}</span>
                    </div>
                    <ul class="menu-ops" hidden=is_collapsed>{items}</ul>
                </li>
            }
        })
        .collect_view();

    view! {
        <nav class="docs-menu" aria-label="API operations">
            <div class="docs-search">
                <input id="docs-search" type="search" node_ref=input_ref autocomplete="off" spellcheck="false"
                    placeholder="Search paths, parameters, descriptions  ( / )"
                    aria-label="Search operations" aria-controls="docs-menu-list"
                    aria-activedescendant=move || active.get().map(|i| format!("menu-op-{i}"))
                    prop:value=move || query.get()
                    on:input=move |e| {
                        query.set(event_target_value(&e));
                        active.set(None);
                    }
                    on:keydown=on_keydown/>
                <div id="docs-search-count" class="docs-search-count" aria-live="polite">
                    {move || {
                        let n = shown();
                        if words.with(|w| w.is_empty()) {
                            format!("{total} operations")
                        } else if n == 0 {
                            "No operation matches".to_string()
                        } else {
                            format!("{n} of {total} operations")
                        }
                    }}
                </div>
            </div>
            <ul id="docs-menu-list" class="docs-menu-list">{tags}</ul>
        </nav>
    }
}

/// Keeps the keyboard-selected item visible in the menu.
fn scroll_menu_item(index: usize) {
    let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&format!("menu-op-{index}"))) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// A path that wraps after its slashes rather than inside a word.
fn breakable_path(path: &str) -> impl IntoView {
    // Each segment kept whole (`.menu-path-seg` does not wrap, not even at its hyphens), a
    // break allowed after each slash.
    let mut parts = path.split_inclusive('/').map(str::to_string).collect::<Vec<_>>().into_iter().peekable();
    let mut out = Vec::new();
    while let Some(part) = parts.next() {
        let more = parts.peek().is_some();
        out.push(view! { <span class="menu-path-seg">{part}</span>{more.then(|| view! { <wbr/> })} });
    }
    out
}
