//! The side panel: the error lines the log parser found (`text_log_errors`, shown at
//! `line_number + 1` as Treeherder's viewer does), each with the bugs Treeherder suggests for
//! it; a click goes to the line, `n`/`p` to the next or previous one.

use leptos::prelude::*;
use treeherder_client::conventions::bug_url;
use treeherder_client::models::{BugMatch, BugSuggestion, TextLogError};

/// An error line with its suggestions.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorLine {
    /// 0-based, as the parser counts.
    pub line: usize,
    pub text: String,
    pub bugs: Vec<BugMatch>,
}

/// The error lines, in log order, each with the bugs of the suggestion for the same line
/// (open recent ones first).
pub fn error_lines(errors: &[TextLogError], suggestions: &[BugSuggestion]) -> Vec<ErrorLine> {
    let mut out: Vec<ErrorLine> = errors
        .iter()
        .filter_map(|e| {
            let line = usize::try_from(e.line_number?).ok()?;
            let bugs = suggestions
                .iter()
                .find(|s| s.line_number == e.line_number)
                .map(|s| s.bugs.open_recent.iter().chain(&s.bugs.all_others).cloned().collect())
                .unwrap_or_default();
            Some(ErrorLine { line, text: e.line.clone(), bugs })
        })
        .collect();
    out.sort_by_key(|e| e.line);
    out.dedup_by_key(|e| e.line);
    out
}

/// The next error line after `from` (or the first), or the previous before it (or the last).
pub fn step_error(lines: &[usize], from: Option<usize>, forward: bool) -> Option<usize> {
    match (from, forward) {
        (None, true) => lines.first().copied(),
        (None, false) => lines.last().copied(),
        (Some(at), true) => lines.iter().copied().find(|&l| l > at).or_else(|| lines.first().copied()),
        (Some(at), false) => lines.iter().rev().copied().find(|&l| l < at).or_else(|| lines.last().copied()),
    }
}

#[component]
pub fn ErrorPanel(errors: Vec<ErrorLine>, parse_status: Option<String>, on_pick: Callback<usize>) -> impl IntoView {
    if errors.is_empty() {
        let why = match parse_status.as_deref() {
            Some("pending") => "The log has not been parsed yet: no error lines to list.",
            Some("skipped-size") => "Treeherder skipped parsing this log (too big): no error lines to list.",
            Some("failed") => "Treeherder failed to parse this log: no error lines to list.",
            _ => "The log parser found no error lines.",
        };
        return view! { <aside class="lv-errors"><p class="muted">{why}</p></aside> }.into_any();
    }
    let count = errors.len();
    view! {
        <aside class="lv-errors" aria-label="Error lines">
            <h2>{format!("{count} error line{}", if count == 1 { "" } else { "s" })}<span class="muted">" · n / p"</span></h2>
            <ol>
                {errors.into_iter().map(|e| {
                    let number = e.line + 1;
                    let line = e.line;
                    view! {
                        <li class="lv-error-item" data-line=number>
                            <button type="button" class="lv-error-jump" on:click=move |_| on_pick.run(line) title=format!("Go to line {number}")>
                                <span class="lv-error-number">{number}</span>
                                <span class="lv-error-text">{e.text}</span>
                            </button>
                            {(!e.bugs.is_empty()).then(|| view! {
                                <ul class="lv-bugs">
                                    {e.bugs.into_iter().take(5).map(|bug| {
                                        let label = bug.id.map(|id| format!("Bug {id}")).unwrap_or_else(|| "Internal".into());
                                        let status = [bug.status.clone(), bug.resolution.clone()].into_iter().flatten().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ");
                                        view! {
                                            <li>
                                                {match bug.id {
                                                    Some(id) => view! { <a href=bug_url(id) target="_blank" rel="noopener noreferrer">{label}</a> }.into_any(),
                                                    None => view! { <span>{label}</span> }.into_any(),
                                                }}
                                                {(!status.is_empty()).then(|| view! { <span class="lv-bug-status">{status}</span> })}
                                                " "{bug.summary}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </aside>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_and_previous_wrap_around() {
        let lines = [10, 20, 30];
        assert_eq!(step_error(&lines, None, true), Some(10));
        assert_eq!(step_error(&lines, Some(10), true), Some(20));
        assert_eq!(step_error(&lines, Some(30), true), Some(10));
        assert_eq!(step_error(&lines, Some(15), false), Some(10));
        assert_eq!(step_error(&lines, Some(10), false), Some(30));
        assert_eq!(step_error(&[], Some(1), true), None);
    }
}
