//! The bar above the log: download progress, previous/next error, top/bottom, the selection with
//! "copy lines", and the search (as you type, case, count, previous/next, only matching).

use leptos::html::Input;
use leptos::prelude::*;
use treeherder_client::log_lines::without_escapes;

use super::download::{Download, Status};
use super::params::Selection;
use super::search::{searchable, Search, MIN_TERM_CHARS};
use crate::widgets::CopyButton;

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

/// Thousands separated, as lines are counted on screen.
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[component]
pub fn Progress(download: Download) -> impl IntoView {
    let text = move || {
        let (bytes, total) = download.received.get();
        let lines = grouped(download.lines.get());
        match (download.status.get(), total) {
            (Status::Done, _) => format!("{lines} lines · {}", megabytes(bytes)),
            (_, Some(total)) => format!("{lines} lines · {} of {}", megabytes(bytes), megabytes(total)),
            (_, None) => format!("{lines} lines · {}", megabytes(bytes)),
        }
    };
    let fraction = move || {
        let (bytes, total) = download.received.get();
        total.filter(|&t| t > 0).map(|t| (bytes as f64 / t as f64).clamp(0.0, 1.0))
    };
    view! {
        <div class="lv-progress" data-status=move || match download.status.get() { Status::Loading => "loading", Status::Done => "done", Status::Failed(_) => "failed" }>
            <span class="lv-progress-text" data-field="progress">{text}</span>
            <Show when=move || download.status.get() == Status::Loading>
                <span class="lv-bar" role="progressbar" aria-valuemin="0" aria-valuemax="100"
                    aria-valuenow=move || fraction().map(|f| format!("{:.0}", f * 100.0))>
                    <span class="lv-bar-fill" class:lv-bar-unknown=move || fraction().is_none()
                        style:width=move || fraction().map_or("30%".to_string(), |f| format!("{:.1}%", f * 100.0))></span>
                </span>
            </Show>
        </div>
    }
}

#[component]
pub fn Toolbar(
    download: Download,
    search: Search,
    selection: RwSignal<Option<Selection>>,
    has_errors: Signal<bool>,
    on_error_step: Callback<bool>,
    on_go: Callback<usize>,
    on_match_step: Callback<bool>,
) -> impl IntoView {
    let input = NodeRef::<Input>::new();
    let selected_text = Signal::derive(move || {
        let Some(s) = selection.get() else { return String::new() };
        download.with_log(|log| {
            // As the lines read: colour escapes out, everything else as written.
            (s.first - 1..s.last.min(log.len()))
                .filter_map(|i| log.raw(i).map(|raw| String::from_utf8_lossy(&without_escapes(raw)).into_owned()))
                .collect::<Vec<_>>()
                .join("\n")
        })
    });
    let label = move || {
        selection.get().map(|s| {
            if s.count() == 1 {
                format!("Line {}", s.first)
            } else {
                format!("Lines {}–{} ({})", s.first, s.last, grouped(s.count()))
            }
        })
    };
    let count = move || {
        if search.term.with(|t| t.is_empty()) {
            return String::new();
        }
        if !search.term.with(|t| searchable(t)) {
            return format!("type {MIN_TERM_CHARS} characters or more");
        }
        let total = search.matches.with(|m| m.len());
        match search.current.get() {
            Some(i) if total > 0 => format!("{} of {} lines", grouped(i + 1), grouped(total)),
            _ => format!("{} line{}", grouped(total), if total == 1 { "" } else { "s" }),
        }
    };
    let on_key = move |e: web_sys::KeyboardEvent| match e.key().as_str() {
        "Enter" => {
            e.prevent_default();
            on_match_step.run(!e.shift_key());
        }
        "Escape" => {
            if search.only_matching.get_untracked() {
                search.only_matching.set(false);
            } else {
                search.term.set(String::new());
            }
        }
        _ => {}
    };
    view! {
        <div class="lv-toolbar">
            <div class="lv-toolbar-left">
                <Show when=move || has_errors.get()>
                    <button type="button" class="btn btn-small" on:click=move |_| on_error_step.run(false) title="Previous error line (p)">"▲ error"</button>
                    <button type="button" class="btn btn-small" on:click=move |_| on_error_step.run(true) title="Next error line (n)">"▼ error"</button>
                </Show>
                <button type="button" class="btn btn-small" on:click=move |_| on_go.run(0) title="First line">"Top"</button>
                <button type="button" class="btn btn-small" on:click=move |_| on_go.run(usize::MAX) title="Last line">"Bottom"</button>
                {move || label().map(|text| view! {
                    <span class="lv-selection" data-field="selection">{text}</span>
                    <CopyButton text=selected_text label="Copy lines"/>
                    <button type="button" class="btn btn-small" on:click=move |_| selection.set(None) title="Clear the selection">"×"</button>
                })}
            </div>
            <div class="lv-search" role="search">
                <input type="search" class="lv-search-input" node_ref=input placeholder="Search the log (Ctrl+F)" aria-label="Search the log"
                    prop:value=move || search.term.get()
                    on:input=move |e| search.term.set(event_target_value(&e))
                    on:keydown=on_key/>
                <button type="button" class="btn btn-small lv-case" class:active=move || search.case_sensitive.get()
                    aria-pressed=move || search.case_sensitive.get().to_string()
                    on:click=move |_| search.case_sensitive.update(|c| *c = !*c)
                    title=move || if search.case_sensitive.get() { "Case sensitive" } else { "Case insensitive" }>"Aa"</button>
                <button type="button" class="btn btn-small" on:click=move |_| on_match_step.run(false) title="Previous match (Shift+Enter)">"↑"</button>
                <button type="button" class="btn btn-small" on:click=move |_| on_match_step.run(true) title="Next match (Enter)">"↓"</button>
                <label class="lv-only">
                    <input type="checkbox" prop:checked=move || search.only_matching.get()
                        on:change=move |e| search.only_matching.set(event_target_checked(&e))/>
                    " only matching"
                </label>
                <span class="lv-count" data-field="match-count" aria-live="polite">{count}</span>
            </div>
        </div>
    }
}
