//! The job's facts: result, platform, ids, machine, times, logs.

use leptos::prelude::*;
use treeherder_client::models::{Job, JobDetail, JobLog};
use treeherder_client::Error;

use crate::hallway::api::use_api;
use crate::hallway::links::{job_selection, log_viewer_href, safe_href, treeherder_href};
use crate::hallway::time::{date_time, duration};
use crate::hallway::views::ViewId;
use crate::jobs::use_jobs;
use crate::widgets::{CopyButton, ErrorBanner, Spinner};
use treeherder_client::conventions::platform_name;

/// The job's detail and its logs, fetched once for the facts and the action bar.
pub type Detail = LocalResource<(Result<JobDetail, Error>, Result<Vec<JobLog>, Error>)>;

pub fn load_detail(job_id: i64) -> Detail {
    let ctx = use_jobs();
    let api = use_api();
    let repo = ctx.params.with_untracked(|p| p.repo.clone());
    LocalResource::new(move || {
        let client = api.client();
        let repo = repo.clone();
        async move {
            let ids = [job_id];
            futures::join!(client.job(&repo, job_id), client.job_log_urls(&repo, &ids))
        }
    })
}

/// At the panel's top: the log viewer (`l`), the raw log (`Shift+L`) and the job on the
/// server's Treeherder.
#[component]
pub fn ActionBar(job: Job, detail: Detail) -> impl IntoView {
    let ctx = use_jobs();
    let api = use_api();
    let repo = ctx.params.with_untracked(|p| p.repo.clone());
    let server = api.server.get_untracked();
    let viewer = log_viewer_href(job.id, &repo, None, &server);
    let revision = job.push_revision.clone().unwrap_or_default();
    let (key, value) = job_selection(job.task_run(), job.id);
    let treeherder = treeherder_href(&server, ViewId::Jobs, &[("repo", &repo), ("revision", &revision), (key, &value)]);
    let raw = move || {
        match detail.get() {
        None => view! { <span class="btn btn-small disabled" aria-disabled="true">"Raw log"</span> }.into_any(),
        Some((_, Ok(logs))) => match JobLog::raw_log(&logs).and_then(|l| safe_href(&l.url)) {
            Some(href) => view! {
                <a id="open-log" class="btn btn-small" href=href target="_blank" rel="noopener noreferrer" title="Open the raw log (Shift+L)">"Raw log"</a>
            }
            .into_any(),
            None => view! { <span class="btn btn-small disabled" title="This job has no log">"No log"</span> }.into_any(),
        },
        Some((_, Err(_))) => view! { <span class="btn btn-small disabled" title="The job's logs did not load">"Raw log"</span> }.into_any(),
    }
    };
    view! {
        <nav class="details-actions" aria-label="The job's log and links">
            <a id="open-logviewer" class="btn btn-small" href=viewer target="_blank" rel="noopener" title="Open the log viewer (l)">"Log viewer"</a>
            {raw}
            {safe_href(&treeherder).map(|href| view! {
                <a class="btn btn-small" href=href target="_blank" rel="noopener noreferrer" title="This job on the server's Treeherder">"Job in Treeherder"</a>
            })}
            {job.task_id.clone().map(|task| view! { <CopyButton text=Signal::derive(move || task.clone()) label="Copy task id"/> })}
        </nav>
    }
}

#[component]
pub fn JobInfo(job: Job, detail: Detail) -> impl IntoView {
    let ctx = use_jobs();
    let api = use_api();
    let id = job.id;
    let tc_root = Memo::new(move |_| {
        let name = ctx.params.with(|p| p.repo.clone());
        api.repositories.get().and_then(|r| r.ok()).and_then(|l| l.into_iter().find(|r| r.name == name)).and_then(|r| r.tc_root_url)
    });
    let task_link = {
        let task = job.task_id.clone();
        move || {
            let task = task.clone()?;
            let root = tc_root.get()?;
            safe_href(&format!("{}/tasks/{task}", root.trim_end_matches('/')))
        }
    };
    let status = job.status().to_string();
    let platform = format!("{} {}", platform_name(&job.platform), job.platform_option);
    let task_text = job.task_id.clone().map(|t| format!("{t} (run {})", job.retry_id)).unwrap_or_else(|| "—".into());

    let timing = move || {
        detail.get().map(|(fetched, _)| match fetched {
            Ok(d) => {
                let j = d.job;
                let ran = if j.end_timestamp > 0 && j.start_timestamp > 0 { Some(j.end_timestamp - j.start_timestamp) } else { None };
                view! {
                    <dt>"Machine"</dt><dd>{j.machine_name.unwrap_or_default()}</dd>
                    <dt>"Reason"</dt><dd>{j.reason.unwrap_or_default()}</dd>
                    <dt>"Requested by"</dt><dd>{j.who.unwrap_or_default()}</dd>
                    <dt>"Requested"</dt><dd data-field="requested">{date_time(j.submit_timestamp)}</dd>
                    <dt>"Started"</dt><dd data-field="started">{date_time(j.start_timestamp)}</dd>
                    <dt>"Ended"</dt><dd data-field="ended">{date_time(j.end_timestamp)}</dd>
                    <dt>"Duration"</dt><dd data-field="duration">{ran.map(duration).unwrap_or_else(|| "not finished".into())}</dd>
                    <dt>"Build"</dt><dd>{format!("{} {} {}", j.build_os.unwrap_or_default(), j.build_platform.unwrap_or_default(), j.build_architecture.unwrap_or_default())}</dd>
                }
                .into_any()
            }
            Err(error) => view! { <dd class="wide"><ErrorBanner context="Loading the job" error on_retry=Callback::new(move |_| detail.refetch())/></dd> }.into_any(),
        })
    };
    let logs = move || {
        detail.get().map(|(_, logs)| match logs {
            Ok(list) if list.is_empty() => view! { <p class="muted">"No logs."</p> }.into_any(),
            Ok(list) => view! {
                <ul class="log-list">
                    {list.into_iter().map(|log| {
                        let status = log.parse_status.clone().unwrap_or_else(|| "unknown".into());
                        let link = match safe_href(&log.url) {
                            Some(href) => view! {
                                <a href=href target="_blank" rel="noopener noreferrer">{log.name.clone()}</a>
                            }.into_any(),
                            None => view! { <span title="Not an http(s) link: not clickable">{log.name.clone()}</span> }.into_any(),
                        };
                        let shown = status.clone();
                        view! { <li>{link}" "<span class="parse-status" data-parse-status=status>{shown}</span></li> }
                    }).collect_view()}
                </ul>
            }
            .into_any(),
            Err(error) => view! { <ErrorBanner context="Loading the logs" error/> }.into_any(),
        })
    };

    view! {
        <section class="job-info">
            <h2 class="job-title">
                <span class="job-btn static" data-status=status.clone() data-classified=job.is_classified().then_some("true")>{job.job_type_symbol.clone()}</span>
                " "{job.job_type_name.clone()}
            </h2>
            <dl class="facts">
                <dt>"Result"</dt><dd data-field="status">{status}</dd>
                <dt>"Platform"</dt><dd data-field="platform">{platform}</dd>
                <dt>"Job"</dt><dd data-field="job-id">{id}</dd>
                <dt>"Task"</dt>
                <dd data-field="task">
                    {move || match task_link() {
                        Some(href) => view! { <a href=href target="_blank" rel="noopener noreferrer">{task_text.clone()}</a> }.into_any(),
                        None => view! { <span>{task_text.clone()}</span> }.into_any(),
                    }}
                </dd>
                <dt>"Group"</dt><dd>{format!("{} ({})", job.job_group_name, job.job_group_symbol)}</dd>
                <dt>"Tier"</dt><dd>{job.tier}</dd>
                {move || match detail.get() {
                    None => view! { <dd class="wide"><Spinner/></dd> }.into_any(),
                    Some(_) => timing().into_any(),
                }}
            </dl>
            <h3>"Logs"</h3>
            {logs}
        </section>
    }
}
