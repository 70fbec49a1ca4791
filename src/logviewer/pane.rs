//! The log itself: only the rows on screen are in the DOM (see `window`), each with its line
//! number (click selects, shift-click extends), its tone, error lines marked, the search term
//! marked, http(s) URLs as links. Very long lines are drawn up to `MAX_DRAWN_CHARS` and scroll
//! sideways; "copy lines" and the raw log have them whole.

use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::download::Download;
use super::params::Selection;
use super::rows::{DrawnRows, RowKey, CURRENT, ERROR, MAX_DRAWN_CHARS, SELECTED};
use super::search::{searchable, Search};
use super::window::{scroll_top_for, spacer_height, window, ROW_HEIGHT};

/// Rows above a line jumped to (Treeherder's viewer keeps the same context above).
const CONTEXT_ABOVE: usize = 7;

/// A request to bring a line (0-based) into view; `seq` makes a repeat of one line a change.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Jump {
    pub seq: u32,
    pub line: usize,
}

/// Which log line each row shows: all of them, or only those matching the search.
fn row_count(download: Download, search: Search) -> usize {
    if filtered(search) {
        search.matches.with(|m| m.len())
    } else {
        download.lines.get()
    }
}

fn filtered(search: Search) -> bool {
    search.only_matching.get() && search.term.with(|t| searchable(t))
}

fn line_of_row(search: Search, row: usize, is_filtered: bool) -> Option<usize> {
    if is_filtered {
        search.matches.with_untracked(|m| m.get(row).map(|&l| l as usize))
    } else {
        Some(row)
    }
}

#[component]
pub fn LogPane(
    download: Download,
    search: Search,
    /// 0-based lines the log parser reported as errors, sorted.
    errors: Signal<Arc<Vec<usize>>>,
    selection: RwSignal<Option<Selection>>,
    jump: RwSignal<Jump>,
    on_line_click: Callback<(usize, bool)>,
) -> impl IntoView {
    let scroller = NodeRef::<Div>::new();
    let spacer = NodeRef::<Div>::new();
    let scroll_top = RwSignal::new(0.0f64);
    let viewport = RwSignal::new(600.0f64);
    let measure = move || {
        if let Some(el) = scroller.get_untracked() {
            scroll_top.set(f64::from(el.scroll_top()));
            viewport.set(f64::from(el.client_height()).max(ROW_HEIGHT));
        }
    };
    // The pane's height changes as the header, notices and the window change: watch it.
    Effect::new(move |_| {
        let Some(el) = scroller.get() else { return };
        let on_resize = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| measure());
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&el);
            let observer = send_wrapper::SendWrapper::new(observer);
            on_cleanup(move || observer.disconnect());
        }
        on_resize.forget();
        request_animation_frame(measure);
    });

    let rows = Memo::new(move |_| row_count(download, search));
    let current = Memo::new(move |_| window(scroll_top.get(), viewport.get(), rows.get()));
    // Fewer rows can move the scroll position (the browser clamps it) without a scroll event.
    Effect::new(move |_| {
        rows.track();
        request_animation_frame(measure);
    });

    // Jumps: the line, or in "only matching" the nearest matching row, CONTEXT_ABOVE rows down.
    Effect::new(move |previous: Option<Jump>| {
        let wanted = jump.get();
        if previous.is_some_and(|p| p == wanted) || wanted.seq == 0 {
            return wanted;
        }
        let row = if filtered(search) {
            search.matches.with_untracked(|m| m.partition_point(|&l| (l as usize) < wanted.line))
        } else {
            wanted.line
        };
        // Now, so the rows are drawn once, at the place jumped to: the spacer is given the
        // height the rows need first (its reactive style may not have caught up with new lines
        // yet, and a scroll past its end would stop there).
        let scroll = move || {
            let (Some(el), Some(spacer)) = (scroller.get_untracked(), spacer.get_untracked()) else { return false };
            if !el.is_connected() {
                return false;
            }
            let total = rows.get_untracked();
            let _ = web_sys::HtmlElement::style(&spacer).set_property("height", &format!("{}px", spacer_height(total)));
            el.set_scroll_top(scroll_top_for(row.saturating_sub(CONTEXT_ABOVE), viewport.get_untracked(), total) as i32);
            measure();
            true
        };
        if !scroll() {
            request_animation_frame(move || {
                scroll();
            });
        }
        wanted
    });

    let longest = Memo::new(move |_| {
        download.lines.track();
        download.with_log(|log| log.longest()).min(MAX_DRAWN_CHARS)
    });
    let digits = Memo::new(move |_| download.lines.get().max(1).to_string().len());
    // What each drawn row looks like is in its key (`rows`): a row is rebuilt only when its
    // line, its marks (error, selected, current match) or the search term change, and drawing
    // it reads no signal, so a screen of rows costs no reactive bookkeeping.
    let drawn_rows = move || {
        let w = current.get();
        let is_filtered = filtered(search);
        // The term as the matches have it: the search sets the matches whenever the term or the
        // case changes, so following the matches alone draws each keystroke once, with its results.
        search.matches.track();
        let term = search.term.with_untracked(|t| searchable(t).then(|| (t.clone(), search.case_sensitive.get_untracked())));
        let current_line = search.current.get().and_then(|i| search.matches.with(|m| m.get(i).map(|&l| l as usize)));
        let chosen = selection.get();
        errors.with(|errors| {
            (w.first..w.first + w.count)
                .filter_map(|row| line_of_row(search, row, is_filtered))
                .map(|line| {
                    let mut flags = 0;
                    if errors.binary_search(&line).is_ok() {
                        flags |= ERROR;
                    }
                    if chosen.is_some_and(|s| s.contains(line + 1)) {
                        flags |= SELECTED;
                    }
                    if current_line == Some(line) {
                        flags |= CURRENT;
                    }
                    // Only a line holding the term carries it: the others stay as drawn.
                    let holds = term.is_some() && search.matches.with(|m| m.binary_search(&(line as u32)).is_ok());
                    RowKey { line, flags, term: if holds { term.clone() } else { None } }
                })
                .collect::<Vec<_>>()
        })
    };
    let rows_el = NodeRef::<Div>::new();
    let drawn = std::rc::Rc::new(std::cell::RefCell::new(DrawnRows::default()));
    Effect::new(move |_| {
        let keys = drawn_rows();
        let Some(container) = rows_el.get() else { return };
        let text = |line: usize| download.with_log(|log| log.text(line).map(|t| t.into_owned())).unwrap_or_default();
        drawn.borrow_mut().show(&container, keys, text);
    });
    // One handler for every line number (rows come and go with the scroll).
    let on_rows_click = move |e: web_sys::MouseEvent| {
        let Some(target) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let Some(number) = target.closest("a.lv-num").ok().flatten().and_then(|a| a.text_content()).and_then(|t| t.parse::<usize>().ok())
        else {
            return;
        };
        e.prevent_default();
        on_line_click.run((number, e.shift_key()));
    };
    let on_scroll = move |_| measure();
    view! {
        <div class="lv-scroll" node_ref=scroller on:scroll=on_scroll tabindex="0" role="log" aria-label="Log lines"
            style:--lv-digits=move || digits.get().to_string()>
            <div class="lv-spacer" node_ref=spacer style:height=move || format!("{}px", spacer_height(rows.get()))
                style:min-width=move || format!("calc({}ch + {}ch + 24px)", longest.get(), digits.get())>
                <div class="lv-rows" node_ref=rows_el on:click=on_rows_click
                    style:transform=move || format!("translateY({}px)", current.get().top_px)></div>
            </div>
        </div>
    }
}

/// Scrolls the pane by keyboard (`PageDown` etc. work natively once it has focus); focuses it.
pub fn focus_pane() {
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(".lv-scroll").ok().flatten()) {
        if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}
