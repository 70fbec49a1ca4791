//! The table view: one row per push (date, revision), one column per series, every value
//! (retriggers side by side). Long tables are drawn a page at a time.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::chart::scale::format_full;
use super::chart::Shown;
use super::conventions::style_of;
use crate::hallway::api::use_api;
use crate::hallway::links::app_href;
use crate::hallway::views::ViewId;

const PAGE: usize = 300;
/// Values listed in one cell; beyond that, a count and the median (dense synthetic series have
/// thousands per push).
const CELL_VALUES: usize = 12;

fn cell_text(values: &[f64]) -> (String, Option<String>) {
    if values.len() <= CELL_VALUES {
        return (values.iter().map(|v| format!("{v}")).collect::<Vec<_>>().join(", "), None);
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let median = sorted[sorted.len() / 2];
    let shown = values[..CELL_VALUES].iter().map(|v| format!("{v}")).collect::<Vec<_>>().join(", ");
    (format!("{shown} … (+{} more, median {median})", values.len() - CELL_VALUES), Some(format!("{} values", values.len())))
}

#[derive(PartialEq)]
struct Row {
    t: f64,
    push_id: i64,
    revision: String,
    repo: String,
    /// Per shown series: its values at this push.
    cells: Vec<Vec<f64>>,
}

fn rows_of(shown: &[Shown]) -> Vec<Row> {
    // Keyed by (repository, push): series of different repositories never share a push.
    let mut rows: BTreeMap<(String, i64), Row> = BTreeMap::new();
    for (column, s) in shown.iter().enumerate() {
        let p = &s.series.points;
        for i in 0..p.len() {
            let key = (s.series.param.repo.clone(), p.push_id[i]);
            let row = rows.entry(key).or_insert_with(|| Row {
                t: p.t[i],
                push_id: p.push_id[i],
                revision: p.revision[i].to_string(),
                repo: s.series.param.repo.clone(),
                cells: vec![Vec::new(); shown.len()],
            });
            row.t = row.t.min(p.t[i]);
            row.cells[column].push(p.v[i]);
        }
    }
    let mut out: Vec<Row> = rows.into_values().collect();
    out.sort_by(|a, b| a.t.total_cmp(&b.t).then(a.push_id.cmp(&b.push_id)));
    out
}

#[component]
pub fn TableView(shown: Memo<Vec<Shown>>) -> impl IntoView {
    let api = use_api();
    let limit = RwSignal::new(PAGE);
    let rows = Memo::new(move |_| shown.with(|s| std::sync::Arc::new(rows_of(s))));
    let body = move || {
        let server = api.server.get();
        let all = rows.get();
        let n = limit.get().min(all.len());
        all[..n]
            .iter()
            .map(|r| {
                let href = app_href(ViewId::Jobs, &[("repo", &r.repo), ("revision", &r.revision)], &server);
                let cells = shown.with(|s| {
                    r.cells
                        .iter()
                        .zip(s.iter())
                        .map(|(values, s)| {
                            let (text, title) = cell_text(values);
                            view! { <td class="num" title=title data-signature-id=s.series.signature_id.to_string()>{text}</td> }
                        })
                        .collect_view()
                });
                view! {
                    <tr data-push-id=r.push_id.to_string()>
                        <td class="date">{format_full(r.t)}</td>
                        <td><a href=href><code>{r.revision.chars().take(12).collect::<String>()}</code></a></td>
                        {cells}
                    </tr>
                }
            })
            .collect_view()
    };
    let head = move || {
        shown.with(|s| {
            s.iter()
                .map(|x| {
                    let (color, _, _) = style_of(x.slot);
                    view! { <th class="num" style:border-bottom=format!("3px solid {color}")>{format!("{} ({})", x.series.name, x.series.param.repo)}</th> }
                })
                .collect_view()
        })
    };
    let more = move || {
        let (total, shown_rows) = (rows.with(|r| r.len()), limit.get());
        (total > shown_rows).then(|| {
            view! {
                <button type="button" class="btn" on:click=move |_| limit.update(|l| *l += PAGE)>
                    {format!("Show {} more of {}", (total - shown_rows).min(PAGE), total - shown_rows)}
                </button>
            }
        })
    };
    view! {
        <div class="perf-table-wrap">
            <table class="perf-table">
                <thead><tr><th>"Date"</th><th>"Revision"</th>{head}</tr></thead>
                <tbody>{body}</tbody>
            </table>
            {more}
        </div>
    }
}
