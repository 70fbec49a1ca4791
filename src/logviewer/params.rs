//! The log viewer's URL, with Treeherder's parameter names (`ui/logviewer/`): `job_id`, `repo`
//! and `lineNumber` (`N` or `N-M`, lines counted from 1 as the viewer shows them), so a link
//! copied from treeherder.mozilla.org (bugs and intermittent reports carry them) opens the same
//! place. Parsing never fails: what cannot be understood is said in `warnings`.

/// Selected lines, counted from 1, `first <= last`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Selection {
    pub first: usize,
    pub last: usize,
}

impl Selection {
    pub fn line(n: usize) -> Selection {
        Selection { first: n, last: n }
    }

    /// From an anchor line to another, in either order.
    pub fn between(a: usize, b: usize) -> Selection {
        Selection { first: a.min(b), last: a.max(b) }
    }

    pub fn contains(self, n: usize) -> bool {
        (self.first..=self.last).contains(&n)
    }

    pub fn count(self) -> usize {
        self.last - self.first + 1
    }

    /// As `lineNumber` writes it.
    pub fn to_param(self) -> String {
        if self.first == self.last {
            self.first.to_string()
        } else {
            format!("{}-{}", self.first, self.last)
        }
    }

    /// `N` or `N-M` (either order); `None` when it is not that.
    pub fn parse(text: &str) -> Option<Selection> {
        let number = |s: &str| s.trim().parse::<usize>().ok().filter(|&n| n >= 1);
        match text.split_once('-') {
            None => number(text).map(Selection::line),
            Some((a, b)) => Some(Selection::between(number(a)?, number(b)?)),
        }
    }
}

/// What the URL asks for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LogParams {
    pub job_id: Option<i64>,
    pub repo: Option<String>,
    pub selection: Option<Selection>,
    /// Parameters that could not be used, said on screen.
    pub warnings: Vec<String>,
}

impl LogParams {
    pub fn from_pairs(pairs: &[(String, String)]) -> LogParams {
        let mut params = LogParams::default();
        let get = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.trim());
        match get("job_id") {
            None | Some("") => {}
            Some(raw) => match raw.parse::<i64>() {
                Ok(id) if id > 0 => params.job_id = Some(id),
                _ => params.warnings.push(format!("job_id={raw:?} is not a job id (a positive number)")),
            },
        }
        params.repo = get("repo").filter(|r| !r.is_empty()).map(str::to_string);
        match get("lineNumber") {
            None | Some("") => {}
            Some(raw) => match Selection::parse(raw) {
                Some(selection) => params.selection = Some(selection),
                None => {
                    params.warnings.push(format!("lineNumber={raw:?} is not a line (N) or a range of lines (N-M): nothing is selected"))
                }
            },
        }
        params
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(query: &str) -> LogParams {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes()).into_owned().collect();
        LogParams::from_pairs(&pairs)
    }

    #[test]
    fn treeherder_links_parse() {
        let p = parse("job_id=540123&repo=mozilla-central&lineNumber=1234");
        assert_eq!((p.job_id, p.repo.as_deref(), p.selection), (Some(540123), Some("mozilla-central"), Some(Selection::line(1234))));
        assert!(p.warnings.is_empty());
        assert_eq!(parse("job_id=1&repo=a&lineNumber=20-10").selection, Some(Selection { first: 10, last: 20 }));
        assert_eq!(Selection { first: 10, last: 20 }.to_param(), "10-20");
        assert_eq!(Selection::line(7).to_param(), "7");
    }

    #[test]
    fn bad_values_are_said_not_fatal() {
        let p = parse("job_id=abc&lineNumber=x-3");
        assert_eq!((p.job_id, p.selection), (None, None));
        assert_eq!(p.warnings.len(), 2, "{:?}", p.warnings);
        assert_eq!(parse("lineNumber=0").selection, None);
        assert_eq!(parse("job_id=-4").job_id, None);
        assert_eq!(parse("").warnings.len(), 0);
    }
}
