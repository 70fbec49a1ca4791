//! The job the log belongs to, as Treeherder's log viewer heads it: symbol, name, result,
//! platform, duration, push, and links to the job in the jobs view, the raw log and the same log
//! on the server's own Treeherder.

use leptos::prelude::*;
use treeherder_client::conventions::platform_name;
use treeherder_client::models::{JobDetail, Push};

use crate::hallway::api::use_api;
use crate::hallway::links::{app_href, job_selection, safe_href, treeherder_href};
use crate::hallway::time::{date_time, duration};
use crate::hallway::views::ViewId;

/// `G(sym)` as Treeherder writes a job in a group (`?` is no group).
pub fn job_symbol(job: &treeherder_client::models::ProjectJob) -> String {
    if job.job_group_symbol.is_empty() || job.job_group_symbol == "?" {
        job.job_type_symbol.clone()
    } else {
        format!("{}({})", job.job_group_symbol, job.job_type_symbol)
    }
}

#[component]
pub fn JobHeader(repo: String, detail: JobDetail, push: Option<Push>, raw_log: Option<String>) -> impl IntoView {
    let api = use_api();
    let job = detail.job;
    let status = job.status().to_string();
    let platform = format!("{} {}", platform_name(&job.platform), job.platform_option.clone().unwrap_or_default());
    let ran = job.run_seconds().map(duration).unwrap_or_else(|| "not finished".into());
    let server = api.server.get_untracked();
    let jobs_link = push.as_ref().map(|p| {
        let (key, value) = job_selection(job.task_run(), job.id);
        app_href(ViewId::Jobs, &[("repo", &repo), ("revision", &p.revision), (key, &value)], &server)
    });
    let treeherder = treeherder_href(&server, ViewId::LogViewer, &[("job_id", &job.id.to_string()), ("repo", &repo)]);
    let revision = push.as_ref().map(|p| p.revision.chars().take(12).collect::<String>());
    let author = push.as_ref().map(|p| p.author.clone());
    let pushed = push.as_ref().map(|p| date_time(p.push_timestamp));
    view! {
        <header class="lv-header">
            <div class="lv-title">
                <span class="lv-symbol" data-status=status.clone()>{job_symbol(&job)}</span>
                <h1>{job.job_type_name.clone()}</h1>
            </div>
            <dl class="lv-facts">
                <dt>"Result"</dt><dd data-field="status" class="lv-status" data-status=status.clone()>{status.clone()}</dd>
                <dt>"Platform"</dt><dd data-field="platform">{platform}</dd>
                <dt>"Duration"</dt><dd data-field="duration">{ran}</dd>
                <dt>"Started"</dt><dd>{date_time(job.start_timestamp)}</dd>
                <dt>"Machine"</dt><dd>{job.machine_name.clone().unwrap_or_default()}</dd>
                <dt>"Push"</dt>
                <dd data-field="push">
                    {match (revision, jobs_link.clone()) {
                        (Some(rev), Some(href)) => view! { <span><a href=href>{rev}</a>" "{author}" · "{pushed}</span> }.into_any(),
                        _ => view! { <span class="muted">"—"</span> }.into_any(),
                    }}
                </dd>
            </dl>
            <nav class="lv-actions" aria-label="This job elsewhere">
                {jobs_link.map(|href| view! { <a class="btn" href=href data-link="jobs">"Job in the jobs view"</a> })}
                {raw_log.and_then(|url| safe_href(&url)).map(|href| view! {
                    <a class="btn" href=href target="_blank" rel="noopener noreferrer" data-link="raw" title="Raw log (Shift+L)">"Raw log"</a>
                })}
                {safe_href(&treeherder).map(|href| view! {
                    <a class="btn" href=href target="_blank" rel="noopener noreferrer" data-link="treeherder">"In Treeherder"</a>
                })}
            </nav>
        </header>
    }
}
