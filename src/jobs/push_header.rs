//! A push's header: date ("only this push"), author (all their pushes), job counts.

use leptos::prelude::*;

use super::model::PushCounts;
use super::store::{PushLoad, PushSlot};
use super::use_jobs;
use crate::hallway::api::use_api;
use crate::hallway::links::app_href;
use crate::hallway::views::ViewId;

#[component]
pub fn PushHeader(push_slot: PushSlot, collapsed: Signal<bool>) -> impl IntoView {
    let ctx = use_jobs();
    let api = use_api();
    let slot = push_slot;
    let push = slot.push.clone();
    let repo = move || ctx.params.with(|p| p.repo.clone());
    let revision = push.revision.clone();
    let author = push.author.clone();
    let only_this = move || app_href(ViewId::Jobs, &[("repo", &repo()), ("revision", &revision)], &api.server.get());
    let by_author = {
        let author = author.clone();
        move || app_href(ViewId::Jobs, &[("repo", &repo()), ("author", &author)], &api.server.get())
    };
    let push_id = push.id;
    let toggle = move |_| {
        let mut collapsed_ids = ctx.params.with_untracked(|p| p.collapsed_pushes.clone());
        if collapsed_ids.contains(&push_id) {
            collapsed_ids.retain(|id| *id != push_id);
        } else {
            collapsed_ids.push(push_id);
        }
        let value = (!collapsed_ids.is_empty()).then(|| collapsed_ids.iter().map(i64::to_string).collect::<Vec<_>>().join(","));
        ctx.set_params(&[("collapsedPushes", value)], true);
    };
    let counts = move || slot.jobs.with(|j| j.counts);
    let loaded = move || slot.load.with(|l| matches!(l, PushLoad::Loaded));
    view! {
        <header class="push-header">
            <button type="button" class="push-collapse" aria-expanded=move || (!collapsed.get()).to_string()
                aria-label=move || format!("{} push {push_id}", if collapsed.get() { "Expand" } else { "Collapse" })
                on:click=toggle>
                {move || if collapsed.get() { "+" } else { "\u{2212}" }}
            </button>
            <span class="push-title">
                <a class="push-date" href=only_this title="View only this push">{crate::hallway::time::push_date(push.push_timestamp)}</a>
                " - "
                <a class="push-author" href=by_author title="View pushes by this author">{author}</a>
            </span>
            <span class="push-counts-area">
                {move || loaded().then(|| view! { <Counts counts=counts()/> })}
            </span>
        </header>
    }
}

/// Failed badge, progress or "Complete" (Treeherder's `PushCounts`).
#[component]
fn Counts(counts: PushCounts) -> impl IntoView {
    let failed = counts.unclassified_failures;
    let percent = counts.percent_complete();
    let in_progress = counts.in_progress();
    let failed_text = format!("{failed} {} failed", if failed == 1 { "job" } else { "jobs" });
    view! {
        <span class="push-counts" data-failed=failed data-percent=percent data-in-progress=in_progress
            data-completed=counts.completed data-fixed-by-commit=counts.fixed_by_commit>
            {(failed > 0).then(|| view! {
                // Red whether or not the push is complete, as in Treeherder's view of this data.
                <span class="badge badge-danger" title="Unclassified failures">{failed_text}</span>
            })}
            {(counts.fixed_by_commit > 0).then(|| view! {
                <span class="badge badge-warning" title="Fixed-by-commit jobs in this push">{counts.fixed_by_commit}</span>
            })}
            {if in_progress > 0 {
                view! { <span class="push-progress" title="Proportion of jobs that are complete">{format!("{percent}% - {in_progress} in progress")}</span> }.into_any()
            } else if failed == 0 {
                view! { <span class="push-progress complete-ok" title=format!("{} completed jobs", counts.completed)>"\u{2714} - Complete -"</span> }.into_any()
            } else {
                view! { <span class="push-progress">"- Complete -"</span> }.into_any()
            }}
        </span>
    }
}
