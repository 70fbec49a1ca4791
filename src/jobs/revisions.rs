//! A push's commits: short SHA linked to the repository, author initials, first line of the
//! message with bug numbers linked to Bugzilla.

use std::fmt::Write;

use leptos::prelude::*;
use treeherder_client::models::{Push, Repository};

use crate::widgets::escape_html as esc;
use treeherder_client::conventions::bug_url;

/// Treeherder shows (and the API sends) at most 20 commits per push.
const SHOWN: usize = 20;

/// Pieces of a commit summary: text, or a bug number to link.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    Text(String),
    Bug(String, i64),
}

/// Splits "Bug 123 - fix (bug 456)" into text and bug references (`Bug 123`, `bug #123`).
pub fn linkify_bugs(text: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let (mut start, mut i) = (0usize, 0usize);
    while i + 3 <= bytes.len() {
        let at_word = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if at_word && &bytes[i..i + 3] == b"bug" {
            let mut j = i + 3;
            while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'#') {
                j += 1;
            }
            let digits_start = j;
            while j < bytes.len() && bytes[j].is_ascii_digit() {
                j += 1;
            }
            let followed_ok = j == bytes.len() || !bytes[j].is_ascii_alphanumeric();
            if j > digits_start && j - digits_start <= 9 && digits_start > i + 3 && followed_ok {
                if let Ok(n) = text[digits_start..j].parse::<i64>() {
                    if start < i {
                        pieces.push(Piece::Text(text[start..i].to_string()));
                    }
                    pieces.push(Piece::Bug(text[i..j].to_string(), n));
                    start = j;
                    i = j;
                    continue;
                }
            }
        }
        i += 1;
    }
    if start < text.len() {
        pieces.push(Piece::Text(text[start..].to_string()));
    }
    pieces
}

/// "Kavya Rao <krao@example.com>" → ("KR", "Kavya Rao: krao@example.com").
pub fn initials(author: &str) -> (String, String) {
    let (name, email) = match author.split_once('<') {
        Some((n, e)) => (n.trim(), e.trim_end_matches('>').trim()),
        None => (author.trim(), ""),
    };
    let source = if name.is_empty() { email } else { name };
    let initials: String = source.split_whitespace().filter_map(|w| w.chars().next()).take(3).flat_map(char::to_uppercase).collect();
    let title = if email.is_empty() { name.to_string() } else { format!("{name}: {email}") };
    (initials, title)
}

/// A push's commit list, drawn as one escaped HTML string (like the job rows): it never changes
/// once drawn, so a page of pushes keeps one reactive node per push here instead of a few per
/// commit for as long as it is open. Redrawn only when the repository (for changeset links)
/// becomes known.
#[component]
pub fn Revisions(push: std::sync::Arc<Push>, #[prop(into)] repo: Signal<Option<Repository>>) -> impl IntoView {
    let html = move || repo.with(|r| revisions_html(&push, r.as_ref()));
    view! { <ul class="revision-list" inner_html=html></ul> }
}

/// The `<li>`s of a push's commits, every value escaped; links only to http(s) and Bugzilla.
pub fn revisions_html(push: &Push, repo: Option<&Repository>) -> String {
    let shown = push.revisions.iter().take(SHOWN);
    let more = (push.revision_count as usize).saturating_sub(push.revisions.len().min(SHOWN));
    let mut s = String::with_capacity(SHOWN.min(push.revisions.len()) * 400 + 200);
    for c in shown {
        let short: String = c.revision.chars().take(12).collect();
        let (initials, who) = initials(&c.author);
        let href = repo.and_then(|r| r.changeset_url(&c.revision)).map(|u| format!(" href=\"{}\"", esc(&u))).unwrap_or_default();
        let _ = write!(
            s,
            "<li class=\"revision\" data-revision=\"{rev}\"><a class=\"rev-sha\"{href} target=\"_blank\" rel=\"noopener noreferrer\" \
             title=\"Open revision {rev}\">{short}</a><span class=\"rev-author\" title=\"{who}\">{initials}</span><span class=\"rev-desc\">",
            rev = esc(&c.revision),
            short = esc(&short),
            who = esc(&who),
            initials = esc(&initials),
        );
        for piece in linkify_bugs(c.summary()) {
            match piece {
                Piece::Text(t) => {
                    let _ = write!(s, "<span>{}</span>", esc(&t));
                }
                Piece::Bug(label, n) => {
                    let _ = write!(
                        s,
                        "<a class=\"bug-link\" href=\"{url}\" target=\"_blank\" rel=\"noopener noreferrer\" title=\"Bug {n} on Bugzilla\">{label}</a>",
                        url = esc(&bug_url(n)),
                        label = esc(&label),
                    );
                }
            }
        }
        s.push_str("</span></li>");
    }
    if more > 0 {
        let href = repo.and_then(|r| r.pushlog_url(&push.revision)).map(|u| format!(" href=\"{}\"", esc(&u))).unwrap_or_default();
        let _ = write!(
            s,
            "<li class=\"more-revisions\"><a{href} target=\"_blank\" rel=\"noopener noreferrer\">\u{2026}and {more} more</a></li>"
        );
    }
    s
}
