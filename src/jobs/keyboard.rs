//! Treeherder's keyboard shortcuts, and the help that lists them.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::selection::select_pairs;
use super::JobsContext;
use crate::hallway::keys::typing_in_a_field;

/// Shortcuts as the help shows them.
pub const SHORTCUTS: [(&str, &str); 12] = [
    ("j, n", "Next unclassified failure"),
    ("k, p", "Previous unclassified failure"),
    ("→ / ←", "Next / previous job"),
    ("f", "Focus the quick filter"),
    ("Ctrl+Shift+F", "Clear the quick filter"),
    ("u", "Show only unclassified failures (toggle)"),
    ("i", "Show or hide pending and running jobs"),
    ("l", "Open the selected job's log in the log viewer"),
    ("Shift+L", "Open the selected job's raw log"),
    ("Esc", "Close the details panel (or this help)"),
    ("?", "Show or hide this help"),
    ("Enter, Space", "Select the focused job"),
];

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// The jobs shown as buttons, in screen order (pushes, rows, groups), whether drawn yet or not:
/// (push id, job id, unclassified failure).
fn shown_order(ctx: JobsContext) -> Vec<(i64, i64, bool)> {
    let collapsed = ctx.params.with_untracked(|p| p.collapsed_pushes.clone());
    let layouts = ctx.layouts.get_value();
    ctx.store.pushes.with_untracked(|ps| {
        let mut out = Vec::new();
        for slot in ps.iter().filter(|s| !collapsed.contains(&s.push.id)) {
            let Some(layout) = layouts.get(&slot.push.id) else { continue };
            layout.with_untracked(|l| {
                for row in &l.rows {
                    for g in &row.groups {
                        for b in &g.buttons {
                            out.push((slot.push.id, b.id, b.status.is_failure() && !b.classified));
                        }
                    }
                }
            });
        }
        out
    })
}

/// Selects a loaded job by id (URL `selectedTaskRun`), and brings its button into view.
pub fn select_job(ctx: JobsContext, id: Option<i64>) {
    let job = id.and_then(|id| {
        ctx.store.pushes.with_untracked(|ps| {
            ps.iter().find_map(|p| p.jobs.with_untracked(|j| j.entries.iter().find(|e| e.job.id == id).map(|e| e.job.clone())))
        })
    });
    if id.is_some() && job.is_none() {
        return;
    }
    ctx.set_pairs(select_pairs(&ctx.pairs.get_untracked(), job.as_ref()), true);
    if let Some(job) = &job {
        scroll_to_job(job.id, Some(job.push_id));
    }
}

/// Scrolls a job button into view and gives it focus. A push far down may not be drawn yet:
/// its section is brought near first, and the button looked for again on the next frames.
pub fn scroll_to_job(id: i64, push_id: Option<i64>) {
    scroll_to_job_attempt(id, push_id, 0);
}

fn scroll_to_job_attempt(id: i64, push_id: Option<i64>, attempt: u32) {
    request_animation_frame(move || {
        let Some(d) = document() else { return };
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        let selector = format!("#push-list .job-btn[data-job-id=\"{id}\"]");
        if let Some(el) = d.query_selector(&selector).ok().flatten() {
            el.scroll_into_view_with_scroll_into_view_options(&options);
            if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
                let _ = html.focus();
            }
            return;
        }
        if attempt >= 10 {
            return;
        }
        if let Some(section) = push_id.and_then(|p| d.get_element_by_id(&format!("push-{p}"))) {
            section.scroll_into_view_with_scroll_into_view_options(&options);
        }
        scroll_to_job_attempt(id, push_id, attempt + 1);
    });
}

/// Moves the selection to the next (or previous) shown job, or unclassified failure, wrapping.
fn step(ctx: JobsContext, forward: bool, failures_only: bool) {
    let buttons = shown_order(ctx);
    if buttons.is_empty() {
        return;
    }
    let current = ctx.selected.get_untracked().map(|s| s.job.id);
    let at = current.and_then(|id| buttons.iter().position(|b| b.1 == id));
    let n = buttons.len();
    let order: Vec<usize> = match (at, forward) {
        (Some(i), true) => (1..=n).map(|k| (i + k) % n).collect(),
        (Some(i), false) => (1..=n).map(|k| (i + n - k) % n).collect(),
        (None, true) => (0..n).collect(),
        (None, false) => (0..n).rev().collect(),
    };
    if let Some(next) = order.into_iter().map(|i| &buttons[i]).find(|b| !failures_only || b.2) {
        select_job(ctx, Some(next.1));
    }
}

pub fn install_shortcuts(ctx: JobsContext) {
    let handle = window_event_listener(ev::keydown, move |e: web_sys::KeyboardEvent| {
        let key = e.key();
        if e.ctrl_key() && e.shift_key() && key.eq_ignore_ascii_case("f") {
            e.prevent_default();
            ctx.update_filter(|f| f.search.clear());
            return;
        }
        if key == "Escape" {
            if ctx.help_open.get_untracked() {
                ctx.help_open.set(false);
            } else if typing_in_a_field(&e) {
                if let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = el.blur();
                }
            } else if ctx.params.with_untracked(|p| p.selection.is_some()) {
                select_job(ctx, None);
            }
            return;
        }
        if typing_in_a_field(&e) || e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        match key.as_str() {
            "j" | "n" => step(ctx, true, true),
            "k" | "p" => step(ctx, false, true),
            "ArrowRight" => step(ctx, true, false),
            "ArrowLeft" => step(ctx, false, false),
            "f" => {
                e.prevent_default();
                if let Some(input) = document().and_then(|d| d.get_element_by_id("quick-filter")) {
                    if let Some(input) = input.dyn_ref::<web_sys::HtmlElement>() {
                        let _ = input.focus();
                    }
                }
            }
            "u" => ctx.update_filter(|f| f.toggle_unclassified_failures()),
            "i" => ctx.update_filter(|f| f.toggle_statuses(&["pending", "running"])),
            "l" | "L" => {
                let id = if e.shift_key() { "open-log" } else { "open-logviewer" };
                if let Some(link) = document().and_then(|d| d.get_element_by_id(id)) {
                    if let Some(link) = link.dyn_ref::<web_sys::HtmlElement>() {
                        link.click();
                    }
                }
            }
            "?" => ctx.help_open.update(|o| *o = !*o),
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
}

/// The shortcut list (opened with `?`).
#[component]
pub fn ShortcutHelp() -> impl IntoView {
    let ctx = super::use_jobs();
    view! {
        <Show when=move || ctx.help_open.get()>
            <div class="modal-backdrop" on:click=move |_| ctx.help_open.set(false)></div>
            <div class="shortcut-help" role="dialog" aria-modal="true" aria-labelledby="shortcut-title">
                <h2 id="shortcut-title">"Keyboard shortcuts"</h2>
                <table>
                    <tbody>
                        {SHORTCUTS.iter().map(|(k, what)| view! { <tr><th><kbd>{*k}</kbd></th><td>{*what}</td></tr> }).collect_view()}
                    </tbody>
                </table>
                <button class="btn" type="button" on:click=move |_| ctx.help_open.set(false)>"Close"</button>
            </div>
        </Show>
    }
}
