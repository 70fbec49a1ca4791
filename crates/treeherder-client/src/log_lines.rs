//! A raw log (for the log viewer) as it arrives: its bytes and where each line starts, split the way Treeherder's log
//! parser splits it (`requests`' `iter_lines`, i.e. `bytes.splitlines()`: `\r\n`, `\r` or `\n`
//! end a line; a last line without one still counts; no empty line after a final break).
//! Treeherder's `text_log_errors.line_number` is the 0-based index of a line in this split, and
//! its log viewer shows it as `line_number + 1`.
//!
//! Search: [`crate::log_search::Finder`], a term's lines found in one pass over the bytes.
//!
//! Memory: the bytes once, lines with colour escapes once more (as they read), and 8 bytes a
//! line (a 40 MB log of 300,000 lines holds ~43 MB); lines are decoded only when drawn or
//! searched.

use crate::log_search::Finder;

/// The log so far.
#[derive(Default)]
pub struct LogLines {
    bytes: Vec<u8>,
    /// Where each complete line starts; the line ends where the next starts, minus its break.
    starts: Vec<u32>,
    /// Each complete line's length without its break.
    lengths: Vec<u32>,
    /// Start of the line not yet ended (the download goes on).
    open_from: usize,
    /// The last byte was a `\r`: a `\n` at the start of the next chunk belongs to it.
    after_cr: bool,
    /// The longest complete line's length in bytes (the page sizes its width from it).
    longest: u32,
    /// Lines holding an escape (ANSI colours): searched as they read, escapes taken out.
    escaped: Vec<u32>,
    /// Those lines as they read, one after the other, each ended by `\n` (a term never holds
    /// one, so a match never runs from one into the next): searched in one pass like the log.
    readable: Vec<u8>,
    /// Where each of them starts in `readable` (parallel to `escaped`).
    readable_starts: Vec<u32>,
}

impl LogLines {
    pub fn new() -> LogLines {
        LogLines::default()
    }

    /// Room for a download of `bytes` (its announced size), so that a big log is not copied
    /// as its buffer doubles: without it a 40 MB log would briefly need 96 MB.
    pub fn reserve(&mut self, bytes: usize) {
        self.bytes.reserve_exact(bytes.saturating_sub(self.bytes.len()));
    }

    /// Takes the next chunk of the download.
    pub fn push(&mut self, chunk: &[u8]) {
        let mut from = self.bytes.len();
        // Grow by half rather than double when the size is unknown (a gzip-encoded download):
        // memory stays within about twice the log even while the buffer moves.
        let needed = from + chunk.len();
        if needed > self.bytes.capacity() {
            self.bytes.reserve_exact((needed - from).max(from / 2));
        }
        self.bytes.extend_from_slice(chunk);
        if self.after_cr && self.bytes.get(from) == Some(&b'\n') {
            from += 1;
            self.open_from = from;
        }
        self.after_cr = false;
        let mut i = from;
        while let Some(offset) = memchr::memchr2(b'\n', b'\r', &self.bytes[i..]) {
            let end = i + offset;
            self.close_line(end);
            let next = if self.bytes[end] == b'\r' {
                match self.bytes.get(end + 1) {
                    Some(b'\n') => end + 2,
                    Some(_) => end + 1,
                    None => {
                        self.after_cr = true;
                        end + 1
                    }
                }
            } else {
                end + 1
            };
            self.open_from = next;
            i = next;
        }
    }

    /// The download is complete: a last line without a break becomes a line.
    pub fn finish(&mut self) {
        if self.open_from < self.bytes.len() {
            self.close_line(self.bytes.len());
            self.open_from = self.bytes.len();
        }
    }

    fn close_line(&mut self, end: usize) {
        // Offsets fit u32 up to 4 GiB; Treeherder's logs are far below (its parser stops at 5 MB
        // compressed), and a bigger one is cut at the last line that fits rather than wrapped.
        let (Ok(start), Ok(length)) = (u32::try_from(self.open_from), u32::try_from(end - self.open_from)) else { return };
        let line = &self.bytes[self.open_from..end];
        if memchr::memchr(0x1b, line).is_some() {
            let Ok(at) = u32::try_from(self.readable.len()) else { return };
            let readable = without_escapes(line);
            self.escaped.push(self.starts.len() as u32);
            self.readable_starts.push(at);
            self.readable.extend_from_slice(&readable);
            self.readable.push(b'\n');
        }
        self.starts.push(start);
        self.lengths.push(length);
        self.longest = self.longest.max(length);
    }

    /// The longest complete line, in bytes.
    pub fn longest(&self) -> usize {
        self.longest as usize
    }

    /// Complete lines so far.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    pub fn byte_len(&self) -> usize {
        self.bytes.len()
    }

    /// Line `index` (0-based) as raw bytes, without its break.
    pub fn raw(&self, index: usize) -> Option<&[u8]> {
        let start = *self.starts.get(index)? as usize;
        let length = *self.lengths.get(index)? as usize;
        self.bytes.get(start..start + length)
    }

    /// Line `index` (0-based) as text: invalid UTF-8 replaced, as Treeherder's parser does.
    pub fn text(&self, index: usize) -> Option<std::borrow::Cow<'_, str>> {
        self.raw(index).map(String::from_utf8_lossy)
    }

    /// The 0-based indexes of lines containing `needle` (each line once); ASCII case folded
    /// unless `case_sensitive` (log text is overwhelmingly ASCII; other letters match as
    /// written). Lines are searched as they read: a line with ANSI escapes without them. One
    /// pass over the whole log, never line by line: a match's line is found from its offset,
    /// and the search goes on from the next line; then the few lines with escapes.
    pub fn find(&self, needle: &str, case_sensitive: bool) -> Vec<u32> {
        self.find_from(needle, case_sensitive, 0)
    }

    /// [`LogLines::find`] over the lines from `first_line` on (a download that goes on is
    /// searched only where it grew).
    pub fn find_from(&self, needle: &str, case_sensitive: bool, first_line: usize) -> Vec<u32> {
        let raw = self.find_raw(needle.as_bytes(), case_sensitive, first_line);
        if self.escaped.is_empty() || needle.is_empty() {
            return raw;
        }
        let from = self.escaped.partition_point(|&l| (l as usize) < first_line);
        let escaped = &self.escaped[from..];
        let Some(finder) = Finder::new(needle.as_bytes(), case_sensitive) else { return raw };
        let in_escaped = self.find_readable(&finder, from);
        // The raw pass's results, less the lines with escapes (whose raw text is not what shows),
        // merged with those lines' own results.
        // All three lists are sorted: one walk over them.
        let mut merged = Vec::with_capacity(raw.len() + in_escaped.len());
        let (mut skip, mut add) = (escaped.iter().peekable(), in_escaped.into_iter().peekable());
        for line in raw {
            while add.peek().is_some_and(|&a| a < line) {
                merged.extend(add.next());
            }
            while skip.peek().is_some_and(|&&e| e < line) {
                skip.next();
            }
            if skip.peek() != Some(&&line) {
                merged.push(line);
            }
        }
        merged.extend(add);
        merged
    }

    /// Of `lines` (sorted), those holding `needle` as [`LogLines::find`] counts them: a term
    /// the user extends ("TES" → "TEST") can only match lines that matched before, so the new
    /// search looks at those lines only.
    pub fn keep_matching(&self, lines: &[u32], needle: &str, case_sensitive: bool) -> Vec<u32> {
        let needle = needle.as_bytes();
        if needle.contains(&b'\n') || needle.contains(&b'\r') {
            return Vec::new();
        }
        let Some(finder) = Finder::new(needle, case_sensitive) else { return Vec::new() };
        lines
            .iter()
            .copied()
            .filter(|&line| {
                let Some(raw) = self.raw(line as usize) else { return false };
                let text = match self.escaped.binary_search(&line) {
                    Ok(i) => self.readable_text(i),
                    Err(_) => raw,
                };
                finder.find(text).is_some()
            })
            .collect()
    }

    fn find_raw(&self, needle: &[u8], case_sensitive: bool, first_line: usize) -> Vec<u32> {
        let mut found = Vec::new();
        if needle.is_empty() || needle.contains(&b'\n') || needle.contains(&b'\r') || first_line >= self.starts.len() {
            return found;
        }
        let end = self.starts.last().zip(self.lengths.last()).map_or(0, |(s, l)| (*s + *l) as usize);
        let haystack = &self.bytes[..end];
        let mut at = self.starts[first_line] as usize;
        let Some(finder) = Finder::new(needle, case_sensitive) else { return found };
        // Matches come in order, so each one's line is found from the last one's (`gallop`).
        let mut cursor = first_line;
        while at < haystack.len() {
            let hit = finder.find(&haystack[at..]);
            let Some(offset) = hit else { break };
            let position = (at + offset) as u32;
            // The line holding the match: the last start at or before it.
            let line = self.line_at(position, cursor);
            cursor = line;
            // A match over a line break is no match (the needle has none, but `\r\n` pairs
            // are two bytes): it must end inside its line.
            if position as usize + needle.len() <= (self.starts[line] + self.lengths[line]) as usize {
                found.push(line as u32);
                at = self.starts.get(line + 1).map_or(haystack.len(), |&s| s as usize);
            } else {
                at = position as usize + 1;
            }
        }
        found
    }

    /// The line holding byte `position`, at or after line `from`.
    fn line_at(&self, position: u32, from: usize) -> usize {
        gallop(&self.starts, position, from)
    }

    /// Escaped line `i` (an index into `escaped`) as it reads.
    fn readable_text(&self, i: usize) -> &[u8] {
        let start = self.readable_starts.get(i).map_or(self.readable.len(), |&s| s as usize);
        let end = self.readable_starts.get(i + 1).map_or(self.readable.len(), |&s| s as usize);
        // Without its `\n`.
        self.readable.get(start..end.saturating_sub(1).max(start)).unwrap_or_default()
    }

    /// The escaped lines from `escaped[from]` on that hold the term as they read: one pass
    /// over their readable text, as over the log.
    fn find_readable(&self, finder: &Finder, from: usize) -> Vec<u32> {
        let mut found = Vec::new();
        let Some(&begin) = self.readable_starts.get(from) else { return found };
        let mut at = begin as usize;
        let mut cursor = from;
        while let Some(offset) = self.readable.get(at..).and_then(|rest| finder.find(rest)) {
            let i = gallop(&self.readable_starts, (at + offset) as u32, cursor);
            cursor = i;
            found.extend(self.escaped.get(i).copied());
            at = self.readable_starts.get(i + 1).map_or(self.readable.len(), |&s| s as usize);
        }
        found
    }
}

/// The index of the last of `starts` (sorted) at or before `position`, looked for from index
/// `from` on by steps doubling from there (matches come in order: a frequent term's next one is
/// a line or two on, a rare one's far), not by a search of the whole index each time.
fn gallop(starts: &[u32], position: u32, from: usize) -> usize {
    let starts = &starts[from..];
    let mut step = 1;
    while step < starts.len() && starts[step] <= position {
        step *= 2;
    }
    let upper = step.min(starts.len());
    from + starts[step / 2..upper].partition_point(|&s| s <= position) + step / 2 - 1
}

/// A line as it reads: ANSI escapes (`ESC [ … final`, `ESC ] … BEL` or `ESC ] … ESC \\`,
/// `ESC ( x` and two-byte `ESC x`) taken out.
pub fn without_escapes(line: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(line.len());
    let mut i = 0;
    while i < line.len() {
        if line[i] != 0x1b {
            out.push(line[i]);
            i += 1;
            continue;
        }
        match line.get(i + 1) {
            Some(b'[') => {
                i += 2;
                while i < line.len() && !(0x40..=0x7e).contains(&line[i]) {
                    i += 1;
                }
                i += 1;
            }
            Some(b']') => {
                i += 2;
                while i < line.len() && line[i] != 0x07 && line[i] != 0x1b {
                    i += 1;
                }
                i += if line.get(i) == Some(&0x1b) { 2 } else { 1 };
            }
            // Character set choices (`ESC ( B`) take one byte more.
            Some(b'(' | b')' | b'*' | b'+') => i += 3,
            _ => i += 2,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::LogLines;

    fn lines(chunks: &[&[u8]]) -> Vec<String> {
        let mut log = LogLines::new();
        for chunk in chunks {
            log.push(chunk);
        }
        log.finish();
        (0..log.len()).map(|i| log.text(i).unwrap_or_default().into_owned()).collect()
    }

    /// Python's `b"...".splitlines()`, which Treeherder's parser applies through `iter_lines`.
    #[test]
    fn lines_split_as_bytes_splitlines_does() {
        assert_eq!(lines(&[b"a\nb\r\nc\rd"]), ["a", "b", "c", "d"]);
        assert_eq!(lines(&[b"a\n\nb\n"]), ["a", "", "b"]);
        assert_eq!(lines(&[b"\r\n\r\n"]), ["", ""]);
        assert_eq!(lines(&[b"a\r\r\nb"]), ["a", "", "b"]);
        assert_eq!(lines(&[b""]), Vec::<String>::new());
    }

    #[test]
    fn a_break_cut_between_two_chunks_is_one_break() {
        assert_eq!(lines(&[b"a\r", b"\nb"]), ["a", "b"]);
        assert_eq!(lines(&[b"a\r", b"b"]), ["a", "b"]);
        assert_eq!(lines(&[b"a", b"b\n", b"c"]), ["ab", "c"]);
        // Every way of cutting a log into two chunks gives the same lines as one chunk.
        let text = b"x\r\ny\rz\n\r\n\xff\xfe end";
        let whole = lines(&[text]);
        for cut in 0..=text.len() {
            assert_eq!(lines(&[&text[..cut], &text[cut..]]), whole, "cut at {cut}");
        }
    }

    #[test]
    fn lines_are_counted_only_when_ended_until_the_download_finishes() {
        let mut log = LogLines::new();
        log.push(b"one\ntw");
        assert_eq!(log.len(), 1);
        log.push(b"o");
        assert_eq!(log.len(), 1);
        log.finish();
        assert_eq!(log.len(), 2);
        assert_eq!(log.text(1).as_deref(), Some("two"));
    }

    #[test]
    fn invalid_utf8_is_replaced_not_fatal() {
        assert_eq!(lines(&[b"ok \xff\n\xe2\x82"]), ["ok \u{fffd}", "\u{fffd}"]);
    }

    #[test]
    fn search_counts_lines_with_and_without_case() {
        let mut log = LogLines::new();
        log.push(b"TEST-PASS a\nTEST-UNEXPECTED-FAIL b\ntest-unexpected-fail c\nnothing\n");
        log.finish();
        assert_eq!(log.find("TEST-UNEXPECTED", true), [1]);
        assert_eq!(log.find("test-unexpected", false), [1, 2]);
        assert_eq!(log.find("", false), Vec::<u32>::new());
        assert_eq!(log.find("not in the log at all, longer than any line", false), Vec::<u32>::new());
        assert_eq!(log.find("a\nTEST", true), Vec::<u32>::new(), "a needle with a break matches nothing");
        assert_eq!(log.find("pass a", false), [0]);
        assert_eq!(log.find("fail", false), [1, 2], "each line once");
        assert_eq!(log.find_from("fail", false, 2), [2]);
        assert_eq!(log.find_from("fail", false, 9), Vec::<u32>::new());
        assert_eq!(log.longest(), "TEST-UNEXPECTED-FAIL b".len());
    }

    #[test]
    fn lines_with_colour_escapes_are_searched_as_they_read() {
        let mut log = LogLines::new();
        log.push(b"\x1b[1;31mcoloured\x1b[0m by its harness\nplain coloured by\n31m plain\n\x1b]8;;http://x\x07link\x1b]8;;\x07 text\n");
        log.finish();
        assert_eq!(log.find("coloured by", false), [0, 1]);
        assert_eq!(log.find("31m", true), [2], "the escape's own bytes are not text");
        assert_eq!(log.find("link text", true), [3]);
        assert_eq!(log.find_from("COLOURED", false, 1), [1]);
        assert_eq!(super::without_escapes(b"a\x1b[0mb\x1b(Bc\x1b]0;t\x1b\\d"), b"abcd");
        // Narrowing a search gives what a fresh search gives.
        for (before, after) in [("c", "coloured b"), ("li", "link t"), ("3", "31m"), ("by", "BY ITS")] {
            for case in [false, true] {
                let narrowed = log.keep_matching(&log.find(before, case), after, case);
                assert_eq!(narrowed, log.find(after, case), "{before} → {after}, case {case}");
            }
        }
    }

    #[test]
    fn a_match_never_spans_two_lines() {
        let mut log = LogLines::new();
        log.push(b"ab\r\ncd\nab");
        log.finish();
        assert_eq!(log.find("b\r", true), Vec::<u32>::new());
        assert_eq!(log.find("ab", true), [0, 2]);
        assert_eq!(log.find("AB", false), [0, 2]);
        assert_eq!(log.find("CD", true), Vec::<u32>::new());
    }

    #[test]
    fn folded_search_agrees_with_a_plain_scan() {
        let text = "Zz TEST-unexpected-FAIL | x/y.html | zZ\nnothing here\nunexpected-failure\n[task] INFO - Ok\n";
        let mut log = LogLines::new();
        log.push(text.as_bytes());
        log.finish();
        for needle in ["unexpected-f", "ZZ", "info", "x/Y", "-", "q", "ok", "E"] {
            let expected: Vec<u32> = text
                .lines()
                .enumerate()
                .filter(|(_, l)| l.to_ascii_lowercase().contains(&needle.to_ascii_lowercase()))
                .map(|(i, _)| i as u32)
                .collect();
            assert_eq!(log.find(needle, false), expected, "{needle}");
        }
    }
}
