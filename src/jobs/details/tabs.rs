//! The panel's tabs: failure summary, annotations, similar jobs, performance.

use leptos::prelude::*;
use treeherder_client::models::{BugJobMap, BugSuggestion, FailureClassification, Job, JobNote, ProjectJob, TextLogError};

use crate::hallway::api::use_api;
use crate::hallway::links::{app_href, log_viewer_href};
use crate::hallway::views::ViewId;
use crate::jobs::use_jobs;
use crate::widgets::Loaded;
use treeherder_client::conventions::{bug_url, platform_name};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Failure,
    Annotations,
    Similar,
    Performance,
}

impl Tab {
    fn label(self) -> &'static str {
        match self {
            Tab::Failure => "Failure summary",
            Tab::Annotations => "Annotations",
            Tab::Similar => "Similar jobs",
            Tab::Performance => "Performance",
        }
    }
    fn id(self) -> &'static str {
        match self {
            Tab::Failure => "failure",
            Tab::Annotations => "annotations",
            Tab::Similar => "similar",
            Tab::Performance => "performance",
        }
    }
}

#[component]
pub fn DetailTabs(job: Job) -> impl IntoView {
    let first = if job.result().is_failure() || job.is_classified() { Tab::Failure } else { Tab::Similar };
    let tab = RwSignal::new(first);
    let tabs = [Tab::Failure, Tab::Annotations, Tab::Similar, Tab::Performance];
    let panel_job = job.clone();
    view! {
        <section class="detail-tabs">
            <div class="tab-list" role="tablist">
                {tabs.into_iter().map(|t| view! {
                    <button type="button" role="tab" id=format!("tab-{}", t.id()) aria-selected=move || (tab.get() == t).to_string()
                        aria-controls="tab-panel" on:click=move |_| tab.set(t)>{t.label()}</button>
                }).collect_view()}
            </div>
            <div class="tab-panel" id="tab-panel" role="tabpanel" data-tab=move || tab.get().id()>
                {move || {
                    let job = panel_job.clone();
                    match tab.get() {
                        Tab::Failure => view! { <FailureSummary job/> }.into_any(),
                        Tab::Annotations => view! { <Annotations job/> }.into_any(),
                        Tab::Similar => view! { <SimilarJobs job/> }.into_any(),
                        Tab::Performance => view! { <Performance job/> }.into_any(),
                    }
                }}
            </div>
        </section>
    }
}

fn repo_name() -> String {
    use_jobs().params.with_untracked(|p| p.repo.clone())
}

#[component]
fn FailureSummary(job: Job) -> impl IntoView {
    let api = use_api();
    let (id, repo) = (job.id, repo_name());
    let data = Loaded::new(move || {
        let (client, repo) = (api.client(), repo.clone());
        async move {
            let (suggestions, errors) = futures::join!(client.bug_suggestions(&repo, id), client.text_log_errors(&repo, id));
            Ok((suggestions?, errors?))
        }
    });
    let (repo, server) = (repo_name(), api.server.get_untracked());
    // Each failure line opens the log viewer at that line.
    let at_line = move |line: Option<i64>| log_viewer_href(id, &repo, line, &server);
    data.view("Loading the failure summary", Some("Loading the failure summary…"), move |(suggestions, errors): &(Vec<BugSuggestion>, Vec<TextLogError>)| {
        match (suggestions, errors) {
        (suggestions, errors) if suggestions.is_empty() && errors.is_empty() => {
            view! { <p class="muted">"No failure lines were found in this job's logs."</p> }.into_any()
        }
        (suggestions, errors) => view! {
            <ul class="failure-lines">
                {suggestions.iter().map(|s| {
                    let bugs: Vec<_> = s.bugs.open_recent.iter().chain(s.bugs.all_others.iter()).cloned().collect();
                    view! {
                        <li class="failure-line">
                            <a class="error-line-link" href=at_line(s.line_number) target="_blank" rel="noopener"
                                title=s.line_number.map(|n| format!("Line {} in the log viewer", n + 1))><code class="error-line">{s.search.clone()}</code></a>
                            <ul class="bug-suggestions">
                                {bugs.into_iter().map(|b| {
                                    let label = b.id.map(|n| n.to_string()).unwrap_or_else(|| "internal".into());
                                    let status = [b.status.clone().unwrap_or_default(), b.resolution.clone().unwrap_or_default()].join(" ").trim().to_string();
                                    view! {
                                        <li class="bug-suggestion">
                                            {match b.id {
                                                Some(n) => view! { <a class="bug-link" href=bug_url(n) target="_blank" rel="noopener noreferrer">{format!("Bug {label}")}</a> }.into_any(),
                                                None => view! { <span>{format!("Issue {}", b.internal_id.unwrap_or_default())}</span> }.into_any(),
                                            }}
                                            " "<span class="bug-summary">{b.summary.clone()}</span>
                                            " "<span class="bug-status">{status}</span>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </li>
                    }
                }).collect_view()}
                {errors.iter().map(|e| view! {
                    <li class="text-log-error">
                        <a class="line-number" href=at_line(e.line_number) target="_blank" rel="noopener">{e.line_number.map(|n| format!("line {}: ", n + 1)).unwrap_or_default()}</a>
                        <code>{e.line.clone()}</code>
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any(),
    }
    })
}

#[component]
fn Annotations(job: Job) -> impl IntoView {
    let api = use_api();
    let (id, repo) = (job.id, repo_name());
    let data = Loaded::new(move || {
        let (client, repo) = (api.client(), repo.clone());
        async move {
            let ids = [id];
            let (notes, bugs, kinds) =
                futures::join!(client.job_notes(&repo, id), client.bug_job_map(&repo, &ids), client.failure_classifications());
            Ok((notes?, bugs?, kinds?))
        }
    });
    data.view("Loading the classifications", None, |(notes, bugs, kinds): &(Vec<JobNote>, Vec<BugJobMap>, Vec<FailureClassification>)| {
            let kind = |fc: i64| kinds.iter().find(|k| k.id == fc).map_or_else(|| format!("classification {fc}"), |k| k.name.clone());
            view! {
                <div class="annotations">
                    <h3>"Classifications"</h3>
                    {if notes.is_empty() {
                        view! { <p class="muted">"Not classified."</p> }.into_any()
                    } else {
                        view! {
                            <table class="simple">
                                <thead><tr><th>"Classification"</th><th>"By"</th><th>"When"</th><th>"Note"</th></tr></thead>
                                <tbody>
                                    {notes.iter().map(|n| view! {
                                        <tr class="note"><td>{kind(n.failure_classification_id)}</td><td>{n.who.clone().unwrap_or_default()}</td>
                                            <td>{n.created.clone().unwrap_or_default()}</td><td>{n.text.clone()}</td></tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    }}
                    <h3>"Bugs"</h3>
                    {if bugs.is_empty() {
                        view! { <p class="muted">"No bugs linked."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="linked-bugs">
                                {bugs.iter().map(|b| match b.bug_id {
                                    Some(n) => view! { <li><a class="bug-link" href=bug_url(n) target="_blank" rel="noopener noreferrer">{format!("Bug {n}")}</a>{format!(" — {}", b.who.clone().unwrap_or_default())}</li> }.into_any(),
                                    None => view! { <li>{format!("Internal issue {}", b.bug_internal_id.unwrap_or_default())}</li> }.into_any(),
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </div>
            }
            .into_any()
    })
}

/// Similar jobs, ten at a time.
#[component]
fn SimilarJobs(job: Job) -> impl IntoView {
    const PAGE: usize = 10;
    let api = use_api();
    let (id, repo) = (job.id, repo_name());
    let page = RwSignal::new(0usize);
    let repo_fetch = repo.clone();
    let data = Loaded::new(move || {
        let (client, repo, offset) = (api.client(), repo_fetch.clone(), page.get() * PAGE);
        // One more than a page tells whether there is a next page.
        async move { client.similar_jobs(&repo, id, offset, PAGE + 1).await }
    });
    let row = move |j: ProjectJob| {
        let status = if j.state == "completed" { j.result.clone() } else { j.state.clone() };
        let href = app_href(ViewId::Jobs, &[("repo", &repo), ("selectedJob", &j.id.to_string())], &api.server.get_untracked());
        view! {
            <tr class="similar-job">
                <td><span class="job-btn static" data-status=status.clone()>{j.job_type_symbol.clone()}</span></td>
                <td><a href=href>{format!("push {}", j.push_id)}</a></td>
                <td>{status}</td>
                <td>{format!("{} {}", platform_name(&j.platform), j.platform_option.clone().unwrap_or_default())}</td>
                <td>{crate::hallway::time::date_time(j.start_timestamp)}</td>
                <td>{if j.end_timestamp > j.start_timestamp && j.start_timestamp > 0 { crate::hallway::time::duration(j.end_timestamp - j.start_timestamp) } else { "—".into() }}</td>
            </tr>
        }
    };
    view! {
        <div class="similar-jobs">
            {data.view("Loading similar jobs", None, move |jobs: &Vec<ProjectJob>| {
                    let has_next = jobs.len() > PAGE;
                    let jobs = jobs.iter().take(PAGE).cloned().collect::<Vec<_>>();
                    if jobs.is_empty() && page.get_untracked() == 0 {
                        return view! { <p class="muted">"No other jobs of this type."</p> }.into_any();
                    }
                    view! {
                        <table class="simple">
                            <thead><tr><th>""</th><th>"Push"</th><th>"Result"</th><th>"Platform"</th><th>"Started"</th><th>"Duration"</th></tr></thead>
                            <tbody>{jobs.into_iter().map(row.clone()).collect_view()}</tbody>
                        </table>
                        <div class="pager small">
                            <button type="button" class="btn btn-small" disabled=move || page.get() == 0 on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>"Newer"</button>
                            <span class="page-number">{move || format!("page {}", page.get() + 1)}</span>
                            <button type="button" class="btn btn-small" disabled=!has_next on:click=move |_| page.update(|p| *p += 1)>"Older"</button>
                        </div>
                    }
                    .into_any()
            })}
        </div>
    }
}

#[component]
fn Performance(job: Job) -> impl IntoView {
    let api = use_api();
    let (id, repo) = (job.id, repo_name());
    let data = Loaded::new(move || {
        let (client, repo) = (api.client(), repo.clone());
        async move { client.performance_job_data(&repo, id).await }
    });
    data.view("Loading performance data", None, |values: &Vec<serde_json::Value>| {
        if values.is_empty() {
            return view! { <p class="muted">"This job produced no performance data."</p> }.into_any();
        }
        view! {
            <table class="simple perf-values">
                <thead><tr><th>"Series"</th><th>"Value"</th></tr></thead>
                <tbody>
                    {values.iter().map(|v: &serde_json::Value| {
                        let name = v.get("name").and_then(|n| n.as_str()).map(str::to_string).unwrap_or_else(|| {
                            format!("{} {}", v.get("suite").and_then(|s| s.as_str()).unwrap_or(""), v.get("test").and_then(|s| s.as_str()).unwrap_or(""))
                        });
                        let value = v.get("value").map(|x| x.to_string()).unwrap_or_default();
                        view! { <tr><td>{name}</td><td>{value}</td></tr> }
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    })
}
