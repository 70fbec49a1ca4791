//! The controls above the chart, as Perfherder's: table view, time range, add test data,
//! highlight alerts, replicates, reset zoom, revisions to highlight.

use std::sync::Arc;

use leptos::prelude::*;

use super::conventions::TIME_RANGES;
use super::url_state::GraphsParams;

/// A change to the URL state, and whether it replaces the history entry.
pub type Change = (Arc<dyn Fn(&mut GraphsParams) + Send + Sync>, bool);

#[component]
pub fn Controls(params: Memo<GraphsParams>, update: Callback<Change>, on_add: Callback<()>) -> impl IntoView {
    let set = move |f: Arc<dyn Fn(&mut GraphsParams) + Send + Sync>, replace: bool| update.run((f, replace));
    let revision_input = move |slot: usize| {
        view! {
            <input type="text" class="revision-highlight" placeholder="revision to highlight" spellcheck="false"
                aria-label=format!("Revision to highlight {}", slot + 1)
                prop:value=move || params.with(|p| p.highlighted_revisions.get(slot).cloned().unwrap_or_default())
                on:change=move |e| {
                    let value = event_target_value(&e).trim().to_string();
                    set(Arc::new(move |p: &mut GraphsParams| {
                        let mut revs = p.highlighted_revisions.clone();
                        revs.resize(2, String::new());
                        revs[slot] = value.clone();
                        p.highlighted_revisions = revs.into_iter().filter(|r| !r.is_empty()).collect();
                    }), true)
                }/>
        }
    };
    view! {
        <div class="graphs-controls">
            <button type="button" class="btn table-toggle" aria-pressed=move || params.with(|p| p.show_table).to_string()
                on:click=move |_| set(Arc::new(|p: &mut GraphsParams| p.show_table = !p.show_table), false)>
                {move || if params.with(|p| p.show_table) { "Hide table" } else { "Table view" }}
            </button>
            <select name="timerange" aria-label="Time range" prop:value=move || params.with(|p| p.timerange.to_string())
                on:change=move |e| {
                    if let Ok(t) = event_target_value(&e).parse::<i64>() {
                        // A new range invalidates the window and the locked point.
                        set(Arc::new(move |p: &mut GraphsParams| { p.timerange = t; p.zoom = None; p.selected = None; }), false)
                    }
                }>
                {TIME_RANGES.iter().map(|(v, label)| view! { <option value=v.to_string()>{*label}</option> }).collect_view()}
            </select>
            <button type="button" class="btn btn-primary add-test-data" on:click=move |_| on_add.run(())>"Add test data"</button>
            <label class="check">
                <input type="checkbox" name="highlightAlerts" prop:checked=move || params.with(|p| p.highlight_alerts)
                    on:change=move |e| { let on = event_target_checked(&e); set(Arc::new(move |p: &mut GraphsParams| p.highlight_alerts = on), true) }/>
                "Highlight alerts"
            </label>
            <button type="button" class="btn replicates-toggle" aria-pressed=move || params.with(|p| p.replicates).to_string()
                title="Show every replicate value (replicates=true)"
                on:click=move |_| set(Arc::new(|p: &mut GraphsParams| { p.replicates = !p.replicates; p.zoom = None; p.selected = None; }), false)>
                {move || if params.with(|p| p.replicates) { "Replicates: on" } else { "Use replicates" }}
            </button>
            {move || params.with(|p| p.zoom.is_some()).then(|| view! {
                <button type="button" class="btn reset-zoom" on:click=move |_| set(Arc::new(|p: &mut GraphsParams| p.zoom = None), true)>"Reset zoom"</button>
            })}
            <span class="controls-spacer"></span>
            {revision_input(0)}
            {revision_input(1)}
        </div>
    }
}
