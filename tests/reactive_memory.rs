//! A list that lives all day (the jobs view's pushes, sliding with live updates) must not keep
//! what its removed rows had: their owners and the memos they subscribed to long-lived signals.
//! Leptos 0.8's reactive_graph kept both until the list itself went away; the vendored copy has
//! the fix (vendor/README.md). Measured with the app's counting allocator, in the browser.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use treeherder_explorer::diagnostics::{live_heap_bytes, CountingAllocator};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

/// A row like a push's: a memo over a signal that outlives it.
#[component]
fn Row(id: u32, filter: Memo<String>) -> impl IntoView {
    let label = Memo::new(move |_| format!("push {id}, filter {}", filter.get()));
    view! { <li>{label}</li> }
}

#[wasm_bindgen_test]
async fn rows_that_come_and_go_leave_nothing_behind() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();

    let rows = RwSignal::new((0u32..10).collect::<Vec<_>>());
    // Like the URL's filters during live updates: read by every row, never changed.
    let query = RwSignal::new("unclassified".to_string());
    let filter = Memo::new(move |_| query.get());
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <ul><For each=move || rows.get() key=|id| *id let:id><Row id filter/></For></ul> }
    });
    // One live update: the newest row arrives, the oldest leaves.
    let slide = || {
        rows.update(|r| {
            let next = r.last().map_or(0, |n| n + 1);
            r.remove(0);
            r.push(next);
        })
    };
    for _ in 0..200 {
        slide();
        leptos::task::tick().await;
    }
    let before = live_heap_bytes();
    const SLIDES: u32 = 2000;
    for _ in 0..SLIDES {
        slide();
        leptos::task::tick().await;
    }
    let grown = live_heap_bytes() - before;
    assert_eq!(host.query_selector_all("li").unwrap().length(), 10, "the list keeps its ten rows");
    // Unfixed, every slide kept a row owner and a memo: over 200 bytes each, 400 KB in all.
    assert!(grown < 16_384.0, "{SLIDES} slides kept {grown} bytes ({:.0} per slide)", grown / SLIDES as f64);
}
