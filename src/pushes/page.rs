//! The last N pushes of a repository with their job counts by state and result, from
//! `/api/project/R/push/` and each push's `/status/`. Refreshed every minute while visible.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use treeherder_client::models::{Push, PushStatus};
use treeherder_client::{Error, PushFilter};

use crate::hallway::api::use_api;
use crate::hallway::links::app_href;
use crate::hallway::navigation::use_current_repo;
use crate::hallway::ready::mark_ready;
use crate::hallway::views::ViewId;
use crate::widgets::{ErrorBanner, Notice, Spinner};

const DEFAULT_COUNT: usize = 10;
const MAX_COUNT: usize = 50;
const REFRESH_MS: u64 = 60_000;

/// A push and its status (or why the status is missing).
#[derive(Clone, Debug, PartialEq)]
struct Row {
    push: Push,
    status: Result<PushStatus, String>,
}

fn failed(s: &PushStatus) -> i64 {
    ["testfailed", "busted", "exception"].iter().map(|k| s.count(k)).sum()
}

async fn load(client: crate::hallway::api::Client, repo: String, count: usize) -> Result<Vec<Row>, Error> {
    let pushes = client.pushes(&repo, &PushFilter::new().count(count)).await?;
    let statuses = futures::future::join_all(pushes.results.iter().map(|p| client.push_status(&repo, p.id))).await;
    Ok(pushes.results.into_iter().zip(statuses).map(|(push, status)| Row { push, status: status.map_err(|e| e.to_string()) }).collect())
}

#[component]
pub fn PushesPage() -> impl IntoView {
    let api = use_api();
    let repo = use_current_repo();
    let query = use_query_map();
    let count = Memo::new(move |_| query.with(|q| q.get("count")));
    let parsed = Memo::new(move |_| match count.get() {
        None => (DEFAULT_COUNT, None),
        Some(raw) => match raw.trim().parse::<usize>() {
            Ok(n @ 1..=MAX_COUNT) => (n, None),
            Ok(n) if n > MAX_COUNT => (MAX_COUNT, Some(format!("count={n}: at most {MAX_COUNT} pushes are listed"))),
            _ => (DEFAULT_COUNT, Some(format!("count={raw:?} is not a number of pushes; showing {DEFAULT_COUNT}"))),
        },
    });
    let tick = RwSignal::new(0u32);
    let rows = LocalResource::new(move || {
        tick.track();
        let (client, repo, (n, _)) = (api.client(), repo.get(), parsed.get());
        async move { load(client, repo, n).await }
    });
    // Refresh while the page is visible.
    if let Ok(handle) = set_interval_with_handle(
        move || {
            let visible =
                web_sys::window().and_then(|w| w.document()).is_none_or(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
            if visible {
                tick.update(|t| *t += 1);
            }
        },
        std::time::Duration::from_millis(REFRESH_MS),
    ) {
        on_cleanup(move || handle.clear());
    }
    let state = move || match rows.get() {
        None => "loading",
        Some(Ok(_)) => "ready",
        Some(Err(_)) => "error",
    };
    Effect::new(move |_| {
        if state() != "loading" {
            request_animation_frame(|| mark_ready("pushes"));
        }
    });

    let table = move || {
        let server = api.server.get();
        let repo_name = repo.get();
        match rows.get() {
            // What is not a push spans the table's width: inside <tbody> only a row may stand.
            None => view! { <tr class="list-state"><td colspan="5"><Spinner/></td></tr> }.into_any(),
            Some(Err(error)) => view! {
                <tr class="list-state"><td colspan="5">
                    <ErrorBanner context=format!("Loading the pushes of {repo_name}") error on_retry=Callback::new(move |_| tick.update(|t| *t += 1))/>
                </td></tr>
            }
            .into_any(),
            Some(Ok(list)) if list.is_empty() => {
                view! { <tr class="list-state"><td colspan="5" class="muted">{format!("No pushes on {repo_name}.")}</td></tr> }.into_any()
            }
            Some(Ok(list)) => list
                .into_iter()
                .map(|row| {
                    let Row { push, status } = row;
                    let href = app_href(ViewId::Jobs, &[("repo", &repo_name), ("revision", &push.revision)], &server);
                    let summary = push.revisions.first().map(|c| c.summary().to_string()).unwrap_or_default();
                    let summary_title = summary.clone();
                    let cells = match status {
                        Ok(s) => {
                            let chip = |class: &'static str, n: i64, label: &'static str| {
                                (n > 0).then(|| view! { <span class=format!("chip {class}") data-count=n.to_string()>{format!("{n} {label}")}</span> })
                            };
                            view! {
                                <td class="push-counts" data-success=s.count("success").to_string() data-failed=failed(&s).to_string()
                                    data-running=s.running().to_string() data-pending=s.pending().to_string()>
                                    {chip("success", s.count("success"), "passed")}
                                    {chip("failed", failed(&s), "failed")}
                                    {chip("retry", s.count("retry"), "retried")}
                                    {chip("running", s.running(), "running")}
                                    {chip("pending", s.pending(), "pending")}
                                </td>
                            }
                            .into_any()
                        }
                        Err(e) => view! { <td class="push-counts error" title=e>"counts unavailable"</td> }.into_any(),
                    };
                    view! {
                        <tr data-push-id=push.id.to_string()>
                            <td class="when">{crate::hallway::time::push_date(push.push_timestamp)}</td>
                            <td><a href=href><code>{push.revision.chars().take(12).collect::<String>()}</code></a></td>
                            <td class="who" title=push.author.clone()>{push.author.split('@').next().unwrap_or_default().to_string()}</td>
                            <td class="what" title=summary_title>{summary}</td>
                            {cells}
                        </tr>
                    }
                    .into_any()
                })
                .collect_view()
                .into_any(),
        }
    };
    view! {
        <section class="page pushes-page" data-view="pushes" data-state=state>
            <h1>{move || format!("Last pushes of {}", repo.get())}</h1>
            {move || parsed.get().1.map(|w| view! { <Notice text=w/> })}
            <table class="push-status-list">
                <thead><tr><th>"Pushed"</th><th>"Revision"</th><th>"Author"</th><th>"Summary"</th><th>"Jobs"</th></tr></thead>
                <tbody>{table}</tbody>
            </table>
        </section>
    }
}
