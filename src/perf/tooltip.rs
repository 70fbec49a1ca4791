//! The point tooltip, as Perfherder's: value, change against the previous point, date,
//! revision (to our jobs view and to the changeset), job, alert. A click locks it open.

use leptos::prelude::*;

use super::chart::scale::format_full;
use super::chart::Shown;
use super::conventions::style_of;
use crate::hallway::api::use_api;
use crate::hallway::links::app_href;
use crate::hallway::views::ViewId;
use crate::widgets::CopyButton;

fn format_number(v: f64) -> String {
    if v.abs() >= 100.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.3}").trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[component]
pub fn Tooltip(shown: Shown, index: usize, x: f64, y: f64, chart_width: f64, locked: bool, on_close: Callback<()>) -> impl IntoView {
    let api = use_api();
    let s = shown.series.clone();
    let p = &s.points;
    let (color, _, _) = style_of(shown.slot);
    let value = p.v[index];
    let unit = s.unit.clone().unwrap_or_default();
    let revision = p.revision[index].to_string();
    let repo = s.param.repo.clone();
    let server = api.server.get_untracked();
    let delta = (index > 0).then(|| {
        let previous = p.v[index - 1];
        let change = value - previous;
        let pct = if previous != 0.0 { change / previous * 100.0 } else { 0.0 };
        // Worse is up when lower is better.
        let worse = if s.lower_is_better { change > 0.0 } else { change < 0.0 };
        let class = if change == 0.0 { "delta" } else if worse { "delta worse" } else { "delta better" };
        view! { <span class=class>{format!("\u{0394} {}{} ({:+.1}%)", if change >= 0.0 { "+" } else { "" }, format_number(change), pct)}</span> }
    });
    let jobs_link = app_href(ViewId::Jobs, &[("repo", &repo), ("revision", &revision)], &server);
    let changeset = api
        .repositories
        .get_untracked()
        .and_then(|r| r.ok())
        .and_then(|list| list.iter().find(|r| r.name == repo).and_then(|r| r.changeset_url(&revision)));
    let job = p.job_id[index]
        .map(|id| app_href(ViewId::Jobs, &[("repo", &repo), ("revision", &revision), ("selectedJob", &id.to_string())], &server));
    let alert = s.alerts.iter().find(|a| a.push_id == p.push_id[index]).cloned();
    let alert_link = alert.as_ref().map(|a| format!("{}/perfherder/alerts?id={}", server.url.as_str().trim_end_matches('/'), a.summary_id));
    let flip_x = x > chart_width - 340.0;
    let flip_y = y > 230.0;
    // Set through the CSSOM (not a style attribute), which a strict CSP allows.
    let left = format!("{}px", if flip_x { x - 14.0 } else { x + 14.0 });
    let top = format!("{y}px");
    let transform = format!("translate({}, {})", if flip_x { "-100%" } else { "0" }, if flip_y { "calc(-100% - 8px)" } else { "8px" });
    let short = revision.chars().take(12).collect::<String>();
    let copy_revision = revision.clone();
    view! {
        <div class="graph-tooltip" class:locked=locked style:left=left style:top=top style:transform=transform role="dialog" aria-label="Data point"
            data-revision=revision.clone() data-point-id=p.id[index].to_string() data-signature-id=s.signature_id.to_string()>
            <div class="tt-head">
                <span class="tt-swatch" style:background=color></span>
                <span class="tt-name">{s.name.clone()}</span>
                {locked.then(|| view! { <button type="button" class="tt-close" aria-label="Close" on:click=move |_| on_close.run(())>"\u{00d7}"</button> })}
            </div>
            <div class="tt-platform muted">{format!("{} · {}", s.param.repo, s.platform)}</div>
            <div class="tt-value"><strong>{format!("{} {unit}", format_number(value))}</strong>" "{delta}</div>
            <div class="tt-date">{format_full(p.t[index])}</div>
            <div class="tt-revision">
                <a href=jobs_link class="tt-revision-link" title="Open this push in the jobs view">{short}</a>
                {changeset.map(|href| view! { " · "<a href=href target="_blank" rel="noopener noreferrer">"changeset"</a> })}
                {job.map(|href| view! { " · "<a href=href class="tt-job-link">"job"</a> })}
                {locked.then(|| view! { " "<CopyButton text=Signal::derive(move || copy_revision.clone()) label="Copy revision"/> })}
            </div>
            {alert.map(|a| view! {
                <div class=format!("tt-alert {}", if a.is_regression { "regression" } else { "improvement" })>
                    {format!("{} alert{}: {}", if a.is_regression { "Regression" } else { "Improvement" },
                        a.amount_pct.map(|p| format!(" ({p:.1}%)")).unwrap_or_default(), a.status)}
                    {alert_link.map(|href| view! { " · "<a href=href target="_blank" rel="noopener noreferrer">{format!("summary {}", a.summary_id)}</a> })}
                </div>
            })}
            {(!locked).then(|| view! { <div class="tt-hint muted">"Click to keep this open"</div> })}
        </div>
    }
}
