//! How one log line is drawn: its tone (`TEST-PASS` green, `TEST-UNEXPECTED-*` red…, after
//! Treeherder's log formatter), ANSI colour escapes turned into styles (never shown raw), other
//! control characters made visible as their Unicode pictures, http(s) URLs as links (nothing else
//! becomes one) and the search term marked. The result is plain text pieces: the page puts them
//! in text nodes, so markup in a log is only ever text.

use std::ops::Range;

/// A line's colour by what it says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Crash,
    Fail,
    Pass,
    Start,
    Error,
    Warning,
    Info,
    Plain,
}

impl Tone {
    pub fn of(line: &str) -> Tone {
        let has = |s: &str| line.contains(s);
        if has("PROCESS-CRASH") {
            Tone::Crash
        } else if has("TEST-UNEXPECTED-") {
            Tone::Fail
        } else if has("TEST-PASS") || has("TEST-OK") || has("TEST-EXPECTED-") || has("TEST-KNOWN-FAIL") {
            Tone::Pass
        } else if has("TEST-START") {
            Tone::Start
        } else if has(" ERROR - ") || has(" CRITICAL - ") || has(" FATAL - ") || has("[taskcluster:error]") {
            Tone::Error
        } else if has(" WARNING - ") || has("[taskcluster:warn]") {
            Tone::Warning
        } else if has(" INFO - ") {
            Tone::Info
        } else {
            Tone::Plain
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            Tone::Crash => "lv-crash",
            Tone::Fail => "lv-fail",
            Tone::Pass => "lv-pass",
            Tone::Start => "lv-start",
            Tone::Error => "lv-error",
            Tone::Warning => "lv-warning",
            Tone::Info => "lv-info",
            Tone::Plain => "",
        }
    }
}

/// A run of text drawn one way.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    /// ANSI styles as classes (`ansi-fg-1 ansi-bold`), empty when none.
    pub ansi: String,
    pub href: Option<String>,
    /// Holds the search term.
    pub mark: bool,
}

/// The ANSI state a run is drawn in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Ansi {
    fg: Option<u8>,
    bold: bool,
    dim: bool,
    underline: bool,
}

impl Ansi {
    fn apply(&mut self, params: &str) {
        let codes: Vec<u16> = if params.is_empty() { vec![0] } else { params.split(';').map(|p| p.parse().unwrap_or(0)).collect() };
        let mut i = 0;
        while i < codes.len() {
            match codes[i] {
                0 => *self = Ansi::default(),
                1 => self.bold = true,
                2 => self.dim = true,
                4 => self.underline = true,
                22 => (self.bold, self.dim) = (false, false),
                24 => self.underline = false,
                c @ 30..=37 => self.fg = Some((c - 30) as u8),
                39 => self.fg = None,
                c @ 90..=97 => self.fg = Some((c - 90 + 8) as u8),
                // 256-colour and true-colour foregrounds: the nearest of the 16 is enough for logs.
                38 => match codes.get(i + 1) {
                    Some(5) => {
                        self.fg = codes.get(i + 2).map(|&n| if n < 16 { n as u8 } else { 7 });
                        i += 2;
                    }
                    Some(2) => i += 4,
                    _ => {}
                },
                48 => i += if codes.get(i + 1) == Some(&5) { 2 } else { 4 },
                _ => {}
            }
            i += 1;
        }
    }

    fn classes(self) -> String {
        let mut out = String::new();
        let mut add = |c: &str| {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(c);
        };
        if let Some(fg) = self.fg {
            add(&format!("ansi-fg-{fg}"));
        }
        if self.bold {
            add("ansi-bold");
        }
        if self.dim {
            add("ansi-dim");
        }
        if self.underline {
            add("ansi-underline");
        }
        out
    }
}

/// The line without escapes (control characters as their pictures), with the ANSI state of
/// each stretch of it; at most `max_chars` characters, and how many were left out.
fn plain_text(line: &str, max_chars: usize) -> (String, Vec<(Range<usize>, Ansi)>, usize) {
    let mut text = String::with_capacity(line.len().min(max_chars * 2));
    let mut runs: Vec<(Range<usize>, Ansi)> = Vec::new();
    let mut state = Ansi::default();
    let mut run_start = 0;
    let mut shown = 0;
    let mut chars = line.char_indices().peekable();
    let mut left_out = 0;
    while let Some((_, c)) = chars.next() {
        if c == '\u{1b}' {
            if chars.peek().map(|&(_, n)| n) == Some('[') {
                chars.next();
                let mut params = String::new();
                let mut finalizer = None;
                for (_, n) in chars.by_ref() {
                    if ('\u{40}'..='\u{7e}').contains(&n) {
                        finalizer = Some(n);
                        break;
                    }
                    params.push(n);
                }
                if finalizer == Some('m') {
                    let before = state;
                    state.apply(&params);
                    if state != before {
                        if text.len() > run_start {
                            runs.push((run_start..text.len(), before));
                        }
                        run_start = text.len();
                    }
                }
            } else if chars.peek().map(|&(_, n)| n) == Some(']') {
                // An operating-system command (titles, terminal hyperlinks): up to BEL or ESC \.
                chars.next();
                while let Some((_, n)) = chars.next() {
                    if n == '\u{7}' {
                        break;
                    }
                    if n == '\u{1b}' {
                        chars.next();
                        break;
                    }
                }
            } else if let Some((_, '(' | ')' | '*' | '+')) = chars.next() {
                // A character set choice (`ESC ( B`): one more.
                chars.next();
            }
            continue;
        }
        if shown >= max_chars {
            left_out += 1;
            continue;
        }
        match c {
            '\t' => text.push(c),
            c if (c as u32) < 0x20 => text.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
            '\u{7f}' => text.push('\u{2421}'),
            c => text.push(c),
        }
        shown += 1;
    }
    if text.len() > run_start {
        runs.push((run_start..text.len(), state));
    }
    (text, runs, left_out)
}

/// Where http(s) URLs stand in `text`: from the scheme to the first space, quote or angle
/// bracket, without the punctuation that usually follows a link in prose.
pub fn url_ranges(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(offset) = text[at..].find("http") {
        let start = at + offset;
        let rest = &text[start..];
        let scheme = if rest.starts_with("https://") {
            8
        } else if rest.starts_with("http://") {
            7
        } else {
            at = start + 4;
            continue;
        };
        // A URL starts a word: `xhttp://` is not one.
        let starts_word = text[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let mut end =
            start + rest.find(|c: char| c.is_whitespace() || "\"'<>`\u{fffd}".contains(c) || c.is_control()).unwrap_or(rest.len());
        while end > start + scheme && text[..end].ends_with(['.', ',', ';', ':', ')', ']', '}', '!', '?']) {
            end -= 1;
        }
        if starts_word && end > start + scheme {
            found.push(start..end);
        }
        at = end.max(start + scheme);
    }
    found
}

/// The most matches marked in one line.
const MAX_MARKS: usize = 16;

/// Where `needle` stands in `text` (ASCII case folded unless `case_sensitive`).
fn match_ranges(text: &str, needle: &str, case_sensitive: bool) -> Vec<Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
    let (hay, pin) =
        if case_sensitive { (text.to_string(), needle.to_string()) } else { (text.to_ascii_lowercase(), needle.to_ascii_lowercase()) };
    // A term on every other character of a line ("e") marks a few dozen, not hundreds of pieces.
    hay.match_indices(&pin).take(MAX_MARKS).map(|(i, m)| i..i + m.len()).collect()
}

/// The pieces a line is drawn from, and how many characters of it were left out (a line
/// longer than `max_chars`).
pub fn pieces(line: &str, needle: &str, case_sensitive: bool, max_chars: usize) -> (Vec<Piece>, usize) {
    let (text, runs, left_out) = plain_text(line, max_chars);
    let links = url_ranges(&text);
    let marks = match_ranges(&text, needle, case_sensitive);
    // Every place a piece may end.
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for r in runs.iter().map(|(r, _)| r).chain(&links).chain(&marks) {
        cuts.push(r.start);
        cuts.push(r.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let inside = |ranges: &[Range<usize>], at: usize| ranges.iter().find(|r| r.start <= at && at < r.end).cloned();
    let mut out: Vec<Piece> = Vec::new();
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        if from == to {
            continue;
        }
        let ansi = runs.iter().find(|(r, _)| r.start <= from && from < r.end).map(|(_, a)| a.classes()).unwrap_or_default();
        let href = inside(&links, from).map(|r| text[r].to_string());
        let mark = inside(&marks, from).is_some();
        let piece = Piece { text: text[from..to].to_string(), ansi, href, mark };
        match out.last_mut() {
            Some(last) if last.ansi == piece.ansi && last.href == piece.href && last.mark == piece.mark => last.text.push_str(&piece.text),
            _ => out.push(piece),
        }
    }
    (out, left_out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str) -> Vec<(String, String, Option<String>)> {
        pieces(line, "", false, 10_000).0.into_iter().map(|p| (p.text, p.ansi, p.href)).collect()
    }

    #[test]
    fn tones_follow_what_the_line_says() {
        assert_eq!(Tone::of("12:00:01     INFO - TEST-PASS | a.html | ok"), Tone::Pass);
        assert_eq!(Tone::of("TEST-UNEXPECTED-TIMEOUT | b.js | took too long"), Tone::Fail);
        assert_eq!(Tone::of("PROCESS-CRASH | application crashed [@ foo]"), Tone::Crash);
        assert_eq!(Tone::of("[task 2026] 12:00:01     INFO - TEST-START | c.js"), Tone::Start);
        assert_eq!(Tone::of("[task 2026] 12:00:01    ERROR - Return code: 1"), Tone::Error);
        assert_eq!(Tone::of("[task 2026] 12:00:01  WARNING - slow"), Tone::Warning);
        assert_eq!(Tone::of("[task 2026] 12:00:01     INFO - Running"), Tone::Info);
        assert_eq!(Tone::of("plain"), Tone::Plain);
    }

    #[test]
    fn ansi_escapes_become_styles_and_never_show() {
        let got = texts("\u{1b}[31mred\u{1b}[0m plain \u{1b}[1;32mbold green\u{1b}[m\u{1b}[2K end");
        assert_eq!(
            got,
            [
                ("red".into(), "ansi-fg-1".into(), None),
                (" plain ".into(), String::new(), None),
                ("bold green".into(), "ansi-fg-2 ansi-bold".into(), None),
                (" end".into(), String::new(), None),
            ]
        );
        assert!(!pieces("\u{1b}[38;5;208mx\u{1b}[0m\u{1b}", "", false, 100).0.iter().any(|p| p.text.contains('\u{1b}')));
    }

    #[test]
    fn control_characters_are_shown_as_pictures() {
        assert_eq!(texts("a\u{7}b\u{0}c\u{7f}\td")[0].0, "a\u{2407}b\u{2400}c\u{2421}\td");
        // A terminal hyperlink escape is dropped whole: its target never shows, nor links.
        assert_eq!(texts("a\u{1b}(Bb\u{1b}=c")[0].0, "abc");
        let got = texts("x \u{1b}]8;;javascript:alert(2)\u{7}label\u{1b}]8;;\u{7} y");
        assert_eq!(got, [("x label y".to_string(), String::new(), None)]);
    }

    #[test]
    fn only_http_urls_are_links() {
        let got = texts("see https://example.org/a?b=1, or (http://x.test/y). javascript:alert(1) data:text/html,x ftp://f");
        let links: Vec<_> = got.iter().filter_map(|(_, _, h)| h.clone()).collect();
        assert_eq!(links, ["https://example.org/a?b=1", "http://x.test/y"]);
        assert!(url_ranges("xhttp://no.test https:// <https://yes.test/>").len() == 1);
        assert_eq!(url_ranges("\"https://q.test/\"><script>"), vec![std::ops::Range { start: 1, end: 16 }]);
    }

    #[test]
    fn the_search_term_is_marked_without_losing_styles_or_links() {
        let (got, _) = pieces("\u{1b}[31mFAIL\u{1b}[0m at https://fail.test/x", "fail", false, 1000);
        let marked: Vec<_> = got.iter().filter(|p| p.mark).map(|p| (p.text.as_str(), p.ansi.as_str(), p.href.is_some())).collect();
        assert_eq!(marked, [("FAIL", "ansi-fg-1", false), ("fail", "", true)]);
        let joined: String = got.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, "FAIL at https://fail.test/x");
        assert!(pieces("FAIL", "fail", true, 100).0.iter().all(|p| !p.mark));
    }

    #[test]
    fn long_lines_are_cut_and_say_how_much() {
        let line = "é".repeat(50);
        let (got, left_out) = pieces(&line, "", false, 10);
        assert_eq!((got[0].text.chars().count(), left_out), (10, 40));
    }
}
