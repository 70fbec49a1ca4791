//! Search over the whole log, as the user types: the lines holding the term (ASCII case folded
//! unless asked), which match is current, and "only matching lines". Plain text, not regex: a
//! pattern can never hang the page. While the log downloads, only the new lines are searched.

use std::sync::Arc;

use leptos::prelude::*;

use super::download::Download;

/// A term is searched from two characters on: one matches nearly every line of a log, which
/// tells nothing and costs a full pass per keystroke.
pub const MIN_TERM_CHARS: usize = 2;

/// Whether `term` is long enough to search for.
pub fn searchable(term: &str) -> bool {
    term.chars().nth(MIN_TERM_CHARS - 1).is_some()
}

#[derive(Clone, Copy)]
pub struct Search {
    pub term: RwSignal<String>,
    pub case_sensitive: RwSignal<bool>,
    pub only_matching: RwSignal<bool>,
    /// 0-based lines holding the term, in order.
    pub matches: RwSignal<Arc<Vec<u32>>>,
    /// Index in `matches` of the match last gone to.
    pub current: RwSignal<Option<usize>>,
    /// How long the last full search took, ms (shown, and read by the bench).
    pub took_ms: RwSignal<f64>,
}

impl Search {
    /// Searches whenever the term, the case or the log changes.
    pub fn new(download: Download) -> Search {
        let search = Search {
            term: RwSignal::new(String::new()),
            case_sensitive: RwSignal::new(false),
            only_matching: RwSignal::new(false),
            matches: RwSignal::new(Arc::new(Vec::new())),
            current: RwSignal::new(None),
            took_ms: RwSignal::new(0.0),
        };
        // The lines the matches cover, and for which term.
        let covered = StoredValue::new((String::new(), false, 0usize));
        Effect::new(move |_| {
            let (term, case) = (search.term.get(), search.case_sensitive.get());
            let lines = download.lines.get();
            let (old_term, old_case, old_lines) = covered.get_value();
            if !searchable(&term) {
                covered.set_value((String::new(), case, lines));
                search.matches.set(Arc::new(Vec::new()));
                search.current.set(None);
                return;
            }
            let same_search = old_term == term && old_case == case && lines >= old_lines;
            let started = js_sys::Date::now();
            if same_search {
                if lines == old_lines {
                    return;
                }
                let more = download.with_log(|log| log.find_from(&term, case, old_lines));
                if !more.is_empty() {
                    search.matches.update(|m| Arc::make_mut(m).extend(more));
                }
            } else {
                let grew = !old_term.is_empty() && term.contains(old_term.as_str()) && case == old_case && lines == old_lines;
                let found = if grew {
                    // Only the lines that matched can match.
                    search.matches.with_untracked(|m| download.with_log(|log| log.keep_matching(m, &term, case)))
                } else {
                    download.with_log(|log| log.find(&term, case))
                };
                search.took_ms.set(js_sys::Date::now() - started);
                search.current.set(None);
                search.matches.set(Arc::new(found));
            }
            covered.set_value((term, case, lines));
        });
        search
    }

    /// The line of the next (`forward`) or previous match from the current one, made current.
    pub fn step(&self, forward: bool) -> Option<usize> {
        let count = self.matches.with_untracked(|m| m.len());
        if count == 0 {
            return None;
        }
        let next = match self.current.get_untracked() {
            None if forward => 0,
            None => count - 1,
            Some(i) if forward => (i + 1) % count,
            Some(i) => (i + count - 1) % count,
        };
        self.current.set(Some(next));
        self.matches.with_untracked(|m| m.get(next).map(|&l| l as usize))
    }
}
