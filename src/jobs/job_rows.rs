//! Job rows: one row per platform and option, groups `Sym( … )`, job buttons coloured by status
//! (`data-status`, filled when unclassified, outlined when classified) and "+N" counts. Buttons
//! carry no listeners: the push list handles clicks for all of them.

use leptos::prelude::*;

use super::model::{ButtonData, CountData, GroupLayout, Layout, RowLayout};

#[component]
pub fn JobTable(layout: Memo<Layout>, selected: Signal<Option<i64>>) -> impl IntoView {
    view! {
        <table class="job-table">
            <tbody>
                <For
                    each=move || layout.with(|l| l.rows.clone())
                    key=|row| (row.title.to_string(), row.fingerprint)
                    children=move |row| render_row(row, selected.get_untracked())
                />
            </tbody>
        </table>
    }
}

fn render_row(row: RowLayout, selected: Option<i64>) -> impl IntoView {
    let title = row.title.to_string();
    let label = title.clone();
    view! {
        <tr class="platform-row" data-platform=title>
            <th class="platform" scope="row">{label}</th>
            <td class="job-row">
                {row.groups.into_iter().map(|g| render_group(g, selected)).collect_view()}
            </td>
        </tr>
    }
}

fn render_group(group: GroupLayout, selected: Option<i64>) -> AnyView {
    let buttons = group.buttons.into_iter().map(|b| render_button(b, selected)).collect_view();
    if group.symbol.is_empty() {
        return view! { <span class="ungrouped">{buttons}</span> }.into_any();
    }
    let counts = group.counts.into_iter().map(|c| render_count(c, &group.key)).collect_view();
    let tier = (group.tier != 1).then(|| view! { <span class="group-tier">{format!("[tier {}]", group.tier)}</span> });
    let label = format!(
        "{} {} ({}{})",
        if group.expanded { "Collapse" } else { "Expand" },
        group.name,
        group.symbol,
        if group.tier != 1 { format!(", tier {}", group.tier) } else { String::new() }
    );
    let key = group.key.clone();
    view! {
        <span class="job-group" data-group-key=key data-expanded=group.expanded.to_string() title=group.name.to_string()>
            <button type="button" class="group-symbol" data-group-key=group.key aria-expanded=group.expanded.to_string() aria-label=label>
                {group.symbol.to_string()}{tier}
            </button>
            <span class="group-paren">"("</span>
            <span class="group-content">{buttons}{counts}</span>
            <span class="group-paren">")"</span>
        </span>
    }
    .into_any()
}

fn render_button(b: ButtonData, selected: Option<i64>) -> impl IntoView {
    let class = if selected == Some(b.id) { "job-btn selected" } else { "job-btn" };
    view! {
        <button type="button" class=class data-job-id=b.id data-status=b.status.as_str()
            data-classified=b.classified.to_string() title=b.title.to_string()>
            {b.symbol.to_string()}
        </button>
    }
}

fn render_count(c: CountData, group_key: &str) -> impl IntoView {
    let title = format!("{} {} jobs in group", c.count, c.status.as_str());
    view! {
        <button type="button" class="job-count" data-status=c.status.as_str() data-group-key=group_key.to_string()
            data-count=c.count title=title.clone() aria-label=format!("{title}: expand")>
            {format!("+{}", c.count)}
        </button>
    }
}
