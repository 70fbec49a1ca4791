//! The bar above the pushes: repository, unclassified-failures toggle, status chicklets, tiers,
//! the filter menu and the quick filter box; below it the active filters as removable chips.

use std::time::Duration;

use leptos::prelude::*;

use super::url_state::FIELD_FILTERS;
use super::use_jobs;
use treeherder_client::models::JobStatus;

/// Statuses with a chicklet in the bar.

#[component]
pub fn FilterBar() -> impl IntoView {
    let ctx = use_jobs();
    let params = ctx.params;
    let filter = Memo::new(move |_| params.with(|p| p.filter.clone()));
    let unclassified =
        Memo::new(move |_| ctx.store.pushes.with(|ps| ps.iter().map(|p| p.jobs.with(|j| j.counts.unclassified_failures)).sum::<usize>()));
    let only_unclassified = move || filter.with(|f| f.is_unclassified_failures_only());

    let chicklet = move |status: &'static str| {
        let on = move || filter.with(|f| f.result_status.iter().any(|s| s == status));
        view! {
            <button type="button" class="chicklet" data-status=status aria-pressed=move || on().to_string()
                title=move || format!("{} {status} jobs", if on() { "Hide" } else { "Show" })
                on:click=move |_| ctx.update_filter(|f| f.toggle_statuses(&[status]))>
                <span class="visually-hidden">{status}</span>
            </button>
        }
    };

    let tier = move |t: &'static str| {
        let on = move || filter.with(|f| f.tier.iter().any(|x| x == t));
        view! {
            <button type="button" class="tier-btn" aria-pressed=move || on().to_string() title=format!("Tier {t}")
                on:click=move |_| ctx.update_filter(|f| {
                    if f.tier.iter().any(|x| x == t) {
                        // The last tier cannot be turned off.
                        if f.tier.len() > 1 {
                            f.tier.retain(|x| x != t);
                        }
                    } else {
                        f.tier.push(t.to_string());
                        f.tier.sort();
                    }
                })>
                {t}
            </button>
        }
    };

    // The quick filter applies as you type (debounced), without a history entry per key.
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let on_search = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
                let mut f = ctx.params.with_untracked(|p| p.filter.clone());
                if f.search != words {
                    f.search = words;
                    let pairs = super::url_state::JobsParams::with_filter(&ctx.pairs.get_untracked(), &f);
                    ctx.set_pairs(pairs, true);
                }
            },
            Duration::from_millis(120),
        );
        pending.set_value(handle.ok());
    };

    view! {
        <nav class="filter-bar" aria-label="Job filters">
            <span class="filter-repo">{move || params.with(|p| p.repo.clone())}</span>
            <span class="filter-spacer"></span>
            <button type="button" class="unclassified-toggle" aria-pressed=move || only_unclassified().to_string()
                title="Show only unclassified failures (u)" data-count=move || unclassified.get()
                on:click=move |_| ctx.update_filter(|f| f.toggle_unclassified_failures())>
                {move || format!("{} unclassified", unclassified.get())}
            </button>
            <div class="chicklets" role="group" aria-label="Result statuses">
                {JobStatus::BUTTONS.iter().map(|s| chicklet(s.as_str())).collect_view()}
            </div>
            <FilterMenu/>
            <div class="tiers" role="group" aria-label="Tiers">{tier("1")}{tier("2")}{tier("3")}</div>
            <label class="quick-filter">
                <span class="visually-hidden">"Filter platforms and jobs"</span>
                <input id="quick-filter" type="search" placeholder="Filter platforms & jobs" autocomplete="off"
                    prop:value=move || filter.with(|f| f.search.join(" ")) on:input=on_search/>
            </label>
        </nav>
        <ActiveFilters/>
    }
}

/// Checkboxes for every status and classification, and a form to add a field filter.
#[component]
fn FilterMenu() -> impl IntoView {
    let ctx = use_jobs();
    let filter = Memo::new(move |_| ctx.params.with(|p| p.filter.clone()));
    let field = RwSignal::new(FIELD_FILTERS[0].0.to_string());
    let value = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let v = value.get_untracked();
        if v.trim().is_empty() {
            return;
        }
        let name = field.get_untracked();
        if let Some((key, _, _)) = FIELD_FILTERS.iter().find(|(k, _, _)| *k == name) {
            ctx.update_filter(|f| f.add_field_value(key, &v));
            value.set(String::new());
        }
    };
    let status_box = move |status: &'static str| {
        let checked = move || filter.with(|f| f.result_status.iter().any(|s| s == status));
        view! {
            <label class="check">
                <input type="checkbox" prop:checked=checked on:change=move |_| ctx.update_filter(|f| f.toggle_statuses(&[status]))/>
                {status}
            </label>
        }
    };
    let classified_box = move |state: &'static str| {
        let checked = move || filter.with(|f| f.classified_state.iter().any(|s| s == state));
        view! {
            <label class="check">
                <input type="checkbox" prop:checked=checked on:change=move |_| ctx.update_filter(|f| {
                    if f.classified_state.iter().any(|s| s == state) {
                        f.classified_state.retain(|s| s != state);
                    } else {
                        f.classified_state.push(state.to_string());
                    }
                })/>
                {state}
            </label>
        }
    };
    view! {
        <details class="filter-menu">
            <summary>"Filters"</summary>
            <div class="filter-menu-body">
                <fieldset>
                    <legend>"Result status"</legend>
                    {JobStatus::FILTERABLE.iter().map(|s| status_box(s.as_str())).collect_view()}
                </fieldset>
                <fieldset>
                    <legend>"Classification"</legend>
                    {classified_box("classified")}
                    {classified_box("unclassified")}
                </fieldset>
                <form class="field-filter-form" on:submit=add>
                    <label>
                        "Field "
                        <select on:change=move |ev| field.set(event_target_value(&ev)) prop:value=move || field.get()>
                            {FIELD_FILTERS.iter().map(|(k, label, _)| view! { <option value=*k>{*label}</option> }).collect_view()}
                        </select>
                    </label>
                    <label>
                        "Value "
                        <input type="text" prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
                    </label>
                    <button class="btn" type="submit">"Add filter"</button>
                </form>
                <button class="btn" type="button" on:click=move |_| ctx.update_filter(|f| *f = Default::default())>"Reset all filters"</button>
            </div>
        </details>
    }
}

/// Field filters and the quick filter as chips, each removable.
#[component]
fn ActiveFilters() -> impl IntoView {
    let ctx = use_jobs();
    let chips = Memo::new(move |_| {
        ctx.params.with(|p| {
            let mut chips: Vec<(String, String, String)> = Vec::new();
            for (key, values) in &p.filter.fields {
                let label = FIELD_FILTERS.iter().find(|(k, _, _)| k == key).map_or(*key, |(_, l, _)| *l);
                for v in values {
                    chips.push((key.to_string(), label.to_string(), v.clone()));
                }
            }
            if !p.filter.search.is_empty() {
                chips.push(("searchStr".into(), "search".into(), p.filter.search.join(" ")));
            }
            chips
        })
    });
    view! {
        <Show when=move || !chips.with(Vec::is_empty)>
            <div class="active-filters" aria-label="Active filters">
                {move || chips.get().into_iter().map(|(key, label, value)| {
                    let text = format!("{label}: {value}");
                    let remove = {
                        let (key, value) = (key.clone(), value.clone());
                        move |_| {
                            let (key, value) = (key.clone(), value.clone());
                            ctx.update_filter(move |f| {
                                if key == "searchStr" {
                                    f.search.clear();
                                } else {
                                    f.remove_field_value(&key, &value);
                                }
                            })
                        }
                    };
                    view! {
                        <span class="filter-chip" data-field=key.clone()>
                            {text.clone()}
                            <button type="button" class="chip-remove" aria-label=format!("Remove filter {text}") on:click=remove>"×"</button>
                        </span>
                    }
                }).collect_view()}
                <button type="button" class="btn btn-small" on:click=move |_| ctx.update_filter(|f| {
                    f.fields.clear();
                    f.search.clear();
                })>"Clear"</button>
            </div>
        </Show>
    }
}
