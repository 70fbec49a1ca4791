//! The details panel of the selected job: what it is, when it ran, its logs, why it failed,
//! how it was classified, similar jobs and performance values. Resizable; Esc closes it.

mod info;
mod tabs;

use leptos::prelude::*;
use treeherder_client::models::Job;
use treeherder_client::{Error, Query};

use super::keyboard::select_job;
use super::use_jobs;
use crate::hallway::api::use_api;
use crate::hallway::links::{app_href, job_selection};
use crate::hallway::views::ViewId;
use crate::widgets::{ErrorBanner, Spinner};

const HEIGHT_KEY: &str = "treeherder-explorer:details-height";

/// Finds a job the URL selects that is not among the loaded pushes.
async fn look_up(client: crate::hallway::api::Client, selection: super::url_state::Selection) -> Result<Option<Job>, Error> {
    let mut query = Query::new();
    match (&selection.task_run, selection.job_id) {
        (Some((task, run)), _) => {
            query.push("task_id", task);
            query.push("retry_id", run);
        }
        (None, Some(id)) => {
            query.push("id", id);
        }
        _ => return Ok(None),
    }
    Ok(client.jobs_page(&query).await?.jobs.into_iter().next())
}

#[component]
pub fn DetailsPanel() -> impl IntoView {
    let ctx = use_jobs();
    let api = use_api();
    let selection = Memo::new(move |_| ctx.params.with(|p| p.selection.clone()));
    let height =
        RwSignal::new(crate::hallway::storage::get(HEIGHT_KEY).and_then(|h| h.parse::<f64>().ok()).unwrap_or(320.0).clamp(120.0, 900.0));

    // A selection the loaded pushes do not have is looked up once they have all loaded.
    let lookup = LocalResource::new(move || {
        let selection = selection.get();
        let settled = ctx.store.all_settled();
        let found = ctx.selected.with(|s| s.is_some());
        let client = api.client();
        async move {
            if !selection.is_some() || found || !settled {
                return None;
            }
            Some(look_up(client, selection).await)
        }
    });

    let job = Memo::new(move |_| {
        ctx.selected.get().map(|s| (s.job, true)).or_else(|| match lookup.get() {
            Some(Some(Ok(Some(job)))) => Some((job, false)),
            _ => None,
        })
    });

    // Dragging the top edge resizes the panel; the height is remembered.
    let on_drag = move |ev: leptos::ev::PointerEvent| {
        ev.prevent_default();
        let start_y = ev.client_y() as f64;
        let start_h = height.get_untracked();
        let move_handle = window_event_listener(leptos::ev::pointermove, move |e: leptos::ev::PointerEvent| {
            let h = (start_h + start_y - e.client_y() as f64).clamp(120.0, 900.0);
            height.set(h);
        });
        let move_handle = std::cell::Cell::new(Some(move_handle));
        let up_handle: std::rc::Rc<std::cell::Cell<Option<WindowListenerHandle>>> = Default::default();
        let up_clone = up_handle.clone();
        let up = window_event_listener(leptos::ev::pointerup, move |_| {
            if let Some(h) = move_handle.take() {
                h.remove();
            }
            if let Some(h) = up_clone.take() {
                h.remove();
            }
            crate::hallway::storage::set(HEIGHT_KEY, &height.get_untracked().round().to_string());
        });
        up_handle.set(Some(up));
    };
    let on_resize_key = move |ev: leptos::ev::KeyboardEvent| {
        let delta = match ev.key().as_str() {
            "ArrowUp" => 40.0,
            "ArrowDown" => -40.0,
            _ => return,
        };
        ev.prevent_default();
        height.update(|h| *h = (*h + delta).clamp(120.0, 900.0));
        crate::hallway::storage::set(HEIGHT_KEY, &height.get_untracked().round().to_string());
    };

    let body = move || {
        if !selection.with(|s| s.is_some()) {
            return None;
        }
        Some(match job.get() {
            Some((job, loaded)) => view! { <Details job loaded/> }.into_any(),
            None => match lookup.get() {
                Some(Some(Err(error))) => view! {
                    <ErrorBanner context="Looking up the selected job" error on_retry=Callback::new(move |_| lookup.refetch())/>
                }
                .into_any(),
                Some(Some(Ok(None))) => {
                    let what = selection.with(|s| match (&s.task_run, s.job_id) {
                        (Some((task, run)), _) => format!("task {task} run {run}"),
                        (None, Some(id)) => format!("job {id}"),
                        _ => String::new(),
                    });
                    let repo = ctx.params.with(|p| p.repo.clone());
                    view! {
                        <div class="details-missing" role="alert">
                            {format!("No {what} in {repo} on this server: the job does not exist, or belongs to another repository.")}
                        </div>
                    }
                    .into_any()
                }
                _ => view! { <Spinner label=Signal::stored("Finding the selected job…".to_string())/> }.into_any(),
            },
        })
    };

    view! {
        <Show when=move || selection.with(|s| s.is_some())>
            <aside class="details-panel" aria-label="Selected job" style:height=move || format!("{}px", height.get())>
                <div class="details-resize" role="separator" aria-orientation="horizontal" aria-label="Resize the details panel"
                    tabindex="0" on:pointerdown=on_drag on:keydown=on_resize_key></div>
                <button type="button" class="details-close" aria-label="Close the details panel (Esc)"
                    on:click=move |_| select_job(ctx, None)>"×"</button>
                <div class="details-body">{body}</div>
            </aside>
        </Show>
    }
}

/// The panel's content for a known job.
#[component]
fn Details(job: Job, loaded: bool) -> impl IntoView {
    let ctx = use_jobs();
    let api = use_api();
    let push_id = job.push_id;
    let not_loaded = (!loaded).then(|| {
        let repo = ctx.params.with_untracked(|p| p.repo.clone());
        let revision = job.push_revision.clone().unwrap_or_default();
        let (key, value) = job_selection(job.task_run(), job.id);
        let href = app_href(ViewId::Jobs, &[("repo", &repo), ("revision", &revision), (key, &value)], &api.server.get_untracked());
        view! {
            <div class="notice details-elsewhere">
                {format!("This job belongs to push {push_id}, which is not among the pushes shown. ")}
                <a href=href>"Load its push"</a>
            </div>
        }
    });
    let detail = info::load_detail(job.id);
    view! {
        <info::ActionBar job=job.clone() detail/>
        {not_loaded}
        <div class="details-columns">
            <info::JobInfo job=job.clone() detail/>
            <tabs::DetailTabs job/>
        </div>
    }
}
