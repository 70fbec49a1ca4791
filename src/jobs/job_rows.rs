//! Job rows: one row per platform and option, groups `Sym( … )`, job buttons coloured by status
//! (`data-status`, filled when unclassified, outlined when classified) and "+N" counts.
//!
//! A filter change can redraw thousands of buttons, so a push's rows are written as one HTML
//! string (every value escaped) and parsed by the browser in one call, instead of one DOM call
//! per element and attribute. Rows are flex boxes rather than a table: cheaper to lay out. Buttons carry no listeners: the push list handles their clicks.

use leptos::prelude::*;
use std::fmt::Write;
use treeherder_client::conventions;

use super::model::{GroupLayout, Layout, RowLayout};
use crate::widgets::escape_html as esc;
use crate::widgets::idle_queue::run_when_idle;

#[component]
pub fn JobTable(layout: Memo<Layout>, selected: Signal<Option<i64>>, render_now: Signal<bool>) -> impl IntoView {
    let body = NodeRef::<leptos::html::Div>::new();
    let rendered = RwSignal::new(false);
    // The whole table in one parse: after a filter change every row usually changes anyway,
    // and one call per push beats one per row (or per element). Pushes near the viewport are
    // drawn at once; the others when the page has a moment (widgets::idle_queue), so the page
    // soon has its real height (no growth while scrolling, `End` lands at the end) and
    // find-in-page finds every job. A layout drawn late is skipped if a newer one came.
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let near = render_now.get();
        layout.track();
        let wanted = generation.get_value() + 1;
        generation.set_value(wanted);
        let draw = move || {
            if generation.try_get_value() != Some(wanted) {
                return;
            }
            let (Some(body), Some(html)) =
                (body.try_get_untracked().flatten(), layout.try_with_untracked(|l| table_html(l, selected.get_untracked())))
            else {
                return;
            };
            body.set_inner_html(&html);
            rendered.try_set(true);
        };
        if near {
            draw();
        } else {
            run_when_idle(draw);
        }
    });
    // Until drawn, a push keeps an estimated height (`contain-intrinsic-size`).
    view! {
        <div class="job-table" role="table" aria-label="Jobs by platform" node_ref=body
            data-rendered=move || rendered.get().to_string()></div>
    }
}

/// Every row of a push.
pub fn table_html(layout: &Layout, selected: Option<i64>) -> String {
    let mut html = String::with_capacity(layout.rows.len() * 512);
    for row in &layout.rows {
        let _ = write!(html, "<div class=\"platform-row\" role=\"row\" data-platform=\"{}\">", esc(&row.key));
        html.push_str(&row_html(row, selected));
        html.push_str("</div>");
    }
    html
}

/// The cells of a row: platform name, then its groups and jobs.
pub fn row_html(row: &RowLayout, selected: Option<i64>) -> String {
    let mut s = String::with_capacity(256 + row.groups.iter().map(|g| 160 * (g.buttons.len() + g.counts.len())).sum::<usize>());
    let _ = write!(s, "<div class=\"platform\" role=\"rowheader\">{}</div><div class=\"job-row\" role=\"cell\">", esc(&row.title));
    for group in &row.groups {
        group_html(&mut s, group, selected);
    }
    s.push_str("</div>");
    s
}

fn group_html(s: &mut String, g: &GroupLayout, selected: Option<i64>) {
    if conventions::drawn_loose(&g.symbol, g.tier) {
        s.push_str("<span class=\"ungrouped\">");
        buttons_html(s, g, selected);
        s.push_str("</span>");
        return;
    }
    let key = esc(&g.key);
    let tier = if g.tier != 1 { format!(", tier {}", g.tier) } else { String::new() };
    let action = if g.expanded { "Collapse" } else { "Expand" };
    let _ = write!(
        s,
        "<span class=\"job-group\" data-group-key=\"{key}\" data-expanded=\"{exp}\" title=\"{name}\">\
         <button type=\"button\" class=\"group-symbol\" data-group-key=\"{key}\" aria-expanded=\"{exp}\" \
         aria-label=\"{action} {name} ({sym}{tier})\">{sym}",
        exp = g.expanded,
        name = esc(&g.name),
        sym = esc(&g.symbol),
        tier = esc(&tier),
    );
    if g.tier != 1 {
        let _ = write!(s, "<span class=\"group-tier\">[tier {}]</span>", g.tier);
    }
    s.push_str("</button><span class=\"group-paren\">(</span><span class=\"group-content\">");
    buttons_html(s, g, selected);
    for c in &g.counts {
        let status = c.status.as_str();
        let _ = write!(
            s,
            "<button type=\"button\" class=\"job-count\" data-status=\"{status}\" data-group-key=\"{key}\" data-count=\"{n}\" \
             title=\"{n} {status} jobs in group\" aria-label=\"{n} {status} jobs in group: expand\">+{n}</button>",
            n = c.count,
        );
    }
    s.push_str("</span><span class=\"group-paren\">)</span></span>");
}

fn buttons_html(s: &mut String, g: &GroupLayout, selected: Option<i64>) {
    for b in &g.buttons {
        // Kept short: a filter change may write thousands of these. The tooltip (name, status,
        // duration) is added when the button is hovered or focused.
        let _ = write!(
            s,
            "<button class=\"job-btn{sel}\" data-job-id=\"{id}\" data-status=\"{status}\"{classified}>{symbol}</button>",
            sel = if selected == Some(b.id) { " selected" } else { "" },
            id = b.id,
            status = b.status.as_str(),
            classified = if b.classified { " data-classified=\"true\"" } else { "" },
            symbol = esc(&b.symbol),
        );
    }
}
