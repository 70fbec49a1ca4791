//! The rows on screen, kept in the DOM by their key: a row is rebuilt only when its line, its
//! marks or the search term change, so a scroll of a few rows touches a few rows (and a text
//! selection in the others stays). New rows are written as escaped HTML, parsed by the browser
//! in one call per run of new rows — a jump, whose rows are all new, is one parse for the whole
//! screen — instead of a DOM call per element and attribute (60 rows built one by one cost a
//! frame and more).

use std::collections::HashMap;
use std::fmt::Write;

use super::render::{pieces, Tone};
use crate::widgets::escape_html as esc;

/// The characters of one line that are drawn; the rest is said, not drawn.
pub const MAX_DRAWN_CHARS: usize = 4000;

pub const ERROR: u8 = 1;
pub const SELECTED: u8 = 2;
pub const CURRENT: u8 = 4;

/// A drawn row: its line (0-based), its marks, and the search term it marks.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RowKey {
    pub line: usize,
    pub flags: u8,
    pub term: Option<(String, bool)>,
}

/// A whole row as HTML, every piece of the log escaped.
pub fn row_html(key: &RowKey, text: &str) -> String {
    let number = key.line + 1;
    let (term, case) = key.term.clone().unwrap_or_default();
    let (parts, left_out) = pieces(text, &term, case, MAX_DRAWN_CHARS);
    let mut html = String::with_capacity(text.len().min(MAX_DRAWN_CHARS * 4) + 160);
    html.push_str("<div class=\"lv-row ");
    html.push_str(Tone::of(text).class());
    for (flag, name) in [(ERROR, " lv-error-line"), (SELECTED, " lv-selected"), (CURRENT, " lv-current")] {
        if key.flags & flag != 0 {
            html.push_str(name);
        }
    }
    let _ = write!(html, "\" data-line=\"{number}\"><a class=\"lv-num\" href=\"#L{number}\">{number}</a><span class=\"lv-text\">");
    for p in parts {
        let class = format!("{}{}", p.ansi, if p.mark { " lv-mark" } else { "" });
        let (class, text) = (esc(class.trim_start()), esc(&p.text));
        match p.href {
            Some(href) => {
                let _ = write!(
                    html,
                    "<a class=\"{class}\" href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer nofollow\">{text}</a>",
                    esc(&href)
                );
            }
            None if class.is_empty() => html.push_str(&text),
            None => {
                let _ = write!(html, "<span class=\"{class}\">{text}</span>");
            }
        }
    }
    if left_out > 0 {
        let _ = write!(html, "<span class=\"lv-cut\"> \u{2026} {left_out} more characters (copy the line or open the raw log)</span>");
    }
    html.push_str("</span></div>");
    html
}

/// The rows in the container, in order, with their keys.
#[derive(Default)]
pub struct DrawnRows {
    rows: Vec<(RowKey, web_sys::Element)>,
}

impl DrawnRows {
    /// Makes the container hold exactly `keys`' rows, in order; `text` gives a line's text.
    pub fn show(&mut self, container: &web_sys::Element, keys: Vec<RowKey>, text: impl Fn(usize) -> String) {
        let mut kept: HashMap<RowKey, web_sys::Element> = self.rows.drain(..).collect();
        if !keys.iter().any(|k| kept.contains_key(k)) {
            // Nothing stays: the whole screen in one parse.
            let html: String = keys.iter().map(|k| row_html(k, &text(k.line))).collect();
            container.set_inner_html(&html);
            let mut next = container.first_element_child();
            for key in keys {
                let Some(el) = next else { break };
                next = el.next_element_sibling();
                self.rows.push((key, el));
            }
            return;
        }
        for (_, gone) in kept.iter().filter(|(k, _)| !keys.contains(k)) {
            gone.remove();
        }
        // Walk the new order: a kept row is moved where it belongs (usually it already is), a
        // new one written in place; runs of new rows at an end go in as one piece of HTML.
        let mut next = container.first_element_child();
        let mut i = 0;
        while i < keys.len() {
            if let Some(el) = kept.remove(&keys[i]) {
                if next.as_ref() == Some(&el) {
                    next = el.next_element_sibling();
                } else {
                    let _ = container.insert_before(&el, next.as_ref().map(|n| n.as_ref()));
                }
                self.rows.push((keys[i].clone(), el));
                i += 1;
                continue;
            }
            let run_end = (i..keys.len()).find(|&j| kept.contains_key(&keys[j])).unwrap_or(keys.len());
            let html: String = keys[i..run_end].iter().map(|k| row_html(k, &text(k.line))).collect();
            // Where the run goes, then its first element: after the last row placed so far.
            let before_run = self.rows.last().map(|(_, el)| el.clone());
            match &next {
                Some(n) => {
                    let _ = n.insert_adjacent_html("beforebegin", &html);
                }
                None => {
                    let _ = container.insert_adjacent_html("beforeend", &html);
                }
            }
            let mut el = match &before_run {
                Some(prev) => prev.next_element_sibling(),
                None => container.first_element_child(),
            };
            for key in &keys[i..run_end] {
                let Some(row) = el else { break };
                el = row.next_element_sibling();
                self.rows.push((key.clone(), row));
            }
            i = run_end;
        }
    }
}
