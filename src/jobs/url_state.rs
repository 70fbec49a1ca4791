//! The jobs view's URL, with Treeherder's parameter names and defaults, so a URL copied from
//! treeherder.mozilla.org opens the same view here. Parsing never fails: what cannot be
//! understood is reported in `warnings` and left out.

use treeherder_client::models::{status_names, JobStatus};

/// Parameters that change which pushes are fetched (a change reloads).
pub const RANGE_PARAMS: [&str; 7] = ["revision", "author", "fromchange", "tochange", "startdate", "enddate", "nojobs"];

/// Field filters: URL name, label, how values match.
pub const FIELD_FILTERS: [(&str, &str, Match); 7] = [
    ("job_type_name", "job name", Match::Substring),
    ("job_type_symbol", "job symbol", Match::Exact),
    ("job_group_name", "group name", Match::Substring),
    ("job_group_symbol", "group symbol", Match::Exact),
    ("platform", "platform", Match::Substring),
    ("failure_classification_id", "failure classification", Match::Exact),
    ("test_paths", "test path", Match::Substring),
];

/// Every filter parameter (without the legacy `filter-` prefix).
pub const FILTER_PARAMS: [&str; 11] = [
    "resultStatus",
    "classifiedState",
    "tier",
    "searchStr",
    "job_type_name",
    "job_type_symbol",
    "job_group_name",
    "job_group_symbol",
    "platform",
    "failure_classification_id",
    "test_paths",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    /// One of the values is a substring of the field.
    Substring,
    /// One of the values equals the field.
    Exact,
}

/// The push range to fetch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PushRange {
    pub revision: Option<String>,
    pub author: Option<String>,
    pub fromchange: Option<String>,
    pub tochange: Option<String>,
    pub startdate: Option<String>,
    pub enddate: Option<String>,
    pub nojobs: bool,
}

/// Which jobs are shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterParams {
    pub result_status: Vec<String>,
    pub classified_state: Vec<String>,
    pub tier: Vec<String>,
    /// Quick filter words (all must match).
    pub search: Vec<String>,
    /// Field filters in [`FIELD_FILTERS`] order, each with its values.
    pub fields: Vec<(&'static str, Vec<String>)>,
}

impl Default for FilterParams {
    fn default() -> Self {
        FilterParams {
            result_status: JobStatus::SHOWN_BY_DEFAULT.iter().map(|s| s.as_str().to_string()).collect(),
            classified_state: vec!["classified".into(), "unclassified".into()],
            tier: vec!["1".into(), "2".into()],
            search: Vec::new(),
            fields: Vec::new(),
        }
    }
}

/// The selected job: `selectedTaskRun=<taskId>.<runId>` (Treeherder also wrote `-`), or the
/// legacy `selectedJob=<id>`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    pub task_run: Option<(String, i64)>,
    pub job_id: Option<i64>,
}

impl Selection {
    pub fn is_some(&self) -> bool {
        self.task_run.is_some() || self.job_id.is_some()
    }
}

/// Everything the jobs view reads from its URL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JobsParams {
    pub repo: String,
    pub range: PushRange,
    pub filter: FilterParams,
    pub selection: Selection,
    pub collapsed_pushes: Vec<i64>,
    pub groups_expanded: bool,
    pub duplicates_visible: bool,
    /// What was ignored and why.
    pub warnings: Vec<String>,
}

fn same_set(a: &[String], b: &[&str]) -> bool {
    a.len() == b.len() && a.iter().all(|x| b.contains(&x.as_str()))
}

/// Lower-cased values of a filter parameter, split on commas and spaces (Treeherder's rule).
fn split_values(raw: &str) -> impl Iterator<Item = String> + '_ {
    raw.split([',', ' ']).filter(|s| !s.is_empty()).map(str::to_lowercase)
}

/// `taskId.runId` or `taskId-runId` (a task id is 22 URL-safe base64 characters).
pub fn parse_task_run(raw: &str) -> Option<(String, i64)> {
    let raw = raw.trim();
    let split = raw.rfind(['.', '-']).filter(|&i| i == 22 || (i > 0 && raw[..i].len() >= 10))?;
    let (task, run) = (&raw[..split], &raw[split + 1..]);
    let run: i64 = run.parse().ok()?;
    let valid = !task.is_empty() && task.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    valid.then(|| (task.to_string(), run))
}

impl JobsParams {
    /// Reads the URL's query pairs.
    pub fn parse(pairs: &[(String, String)]) -> Self {
        let mut p = JobsParams { repo: crate::hallway::navigation::DEFAULT_REPO.to_string(), ..Default::default() };
        let mut collected: Vec<(&str, Vec<String>)> = Vec::new();
        for (raw_key, value) in pairs {
            let key = raw_key.strip_prefix("filter-").unwrap_or(raw_key);
            match key {
                "repo" if !value.trim().is_empty() => p.repo = value.trim().to_string(),
                "revision" => p.range.revision = non_empty(value),
                "author" => p.range.author = non_empty(value),
                "fromchange" => p.range.fromchange = non_empty(value),
                "tochange" => p.range.tochange = non_empty(value),
                "startdate" => p.range.startdate = non_empty(value),
                "enddate" => p.range.enddate = non_empty(value),
                "nojobs" => p.range.nojobs = true,
                "selectedTaskRun" => match parse_task_run(value) {
                    Some(tr) => p.selection.task_run = Some(tr),
                    None => p.warnings.push(format!("Ignored selectedTaskRun={value:?}: expected <taskId>.<runId>")),
                },
                "selectedJob" => match value.trim().parse::<i64>() {
                    Ok(id) if id > 0 => p.selection.job_id = Some(id),
                    _ => p.warnings.push(format!("Ignored selectedJob={value:?}: expected a job id")),
                },
                "collapsedPushes" => {
                    for part in value.split(',').filter(|s| !s.is_empty()) {
                        match part.trim().parse::<i64>() {
                            Ok(id) => p.collapsed_pushes.push(id),
                            Err(_) => p.warnings.push(format!("Ignored collapsedPushes entry {part:?}: not a push id")),
                        }
                    }
                }
                "group_state" => p.groups_expanded = value == "expanded",
                "duplicate_jobs" => p.duplicates_visible = value == "visible",
                k if FILTER_PARAMS.contains(&k) => {
                    let Some(name) = FILTER_PARAMS.iter().find(|n| **n == k).copied() else { continue };
                    let values: Vec<String> = split_values(value).collect();
                    match collected.iter_mut().find(|(n, _)| *n == name) {
                        Some((_, list)) => list.extend(values),
                        None => collected.push((name, values)),
                    }
                }
                _ => {}
            }
        }
        for (name, values) in collected {
            p.apply_filter(name, values);
        }
        p
    }

    fn apply_filter(&mut self, name: &'static str, values: Vec<String>) {
        let f = &mut self.filter;
        match name {
            "resultStatus" => {
                let (known, unknown): (Vec<String>, Vec<String>) =
                    values.into_iter().partition(|v| JobStatus::parse(v) != JobStatus::Unknown);
                if !unknown.is_empty() {
                    self.warnings.push(format!(
                        "Ignored unknown result status {} (resultStatus takes {})",
                        quote_all(&unknown),
                        status_names(&JobStatus::FILTERABLE).join(", ")
                    ));
                }
                if !known.is_empty() || unknown.is_empty() {
                    f.result_status = in_order(&known, &status_names(&JobStatus::FILTERABLE));
                }
            }
            "classifiedState" => {
                let (known, unknown): (Vec<String>, Vec<String>) =
                    values.into_iter().partition(|v| v == "classified" || v == "unclassified");
                if !unknown.is_empty() {
                    self.warnings.push(format!("Ignored classifiedState {}: use classified, unclassified", quote_all(&unknown)));
                }
                if !known.is_empty() || unknown.is_empty() {
                    f.classified_state = in_order(&known, &["classified", "unclassified"]);
                }
            }
            "tier" => {
                let (known, unknown): (Vec<String>, Vec<String>) = values.into_iter().partition(|v| ["1", "2", "3"].contains(&v.as_str()));
                if !unknown.is_empty() {
                    self.warnings.push(format!("Ignored tier {}: tiers are 1, 2 and 3", quote_all(&unknown)));
                }
                if !known.is_empty() {
                    f.tier = in_order(&known, &["1", "2", "3"]);
                }
            }
            "searchStr" => f.search = values,
            field => {
                if let Some((key, _, _)) = FIELD_FILTERS.iter().find(|(k, _, _)| *k == field) {
                    if !values.is_empty() {
                        f.fields.push((key, dedup(values)));
                    }
                }
            }
        }
    }

    /// The filter as URL pairs, without defaults (Treeherder's `getUrlParamsWithoutDefaults`).
    pub fn filter_pairs(filter: &FilterParams) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if !same_set(&filter.result_status, &status_names(&JobStatus::SHOWN_BY_DEFAULT)) {
            out.push(("resultStatus".to_string(), filter.result_status.join(",")));
        }
        if !same_set(&filter.classified_state, &["classified", "unclassified"]) {
            out.push(("classifiedState".to_string(), filter.classified_state.join(",")));
        }
        if !same_set(&filter.tier, &["1", "2"]) {
            out.push(("tier".to_string(), filter.tier.join(",")));
        }
        if !filter.search.is_empty() {
            out.push(("searchStr".to_string(), filter.search.join(" ")));
        }
        for (key, values) in &filter.fields {
            out.push((key.to_string(), values.join(",")));
        }
        out
    }

    /// `pairs` with the filter replaced by `filter` (legacy `filter-` names removed, other
    /// parameters kept in place).
    pub fn with_filter(pairs: &[(String, String)], filter: &FilterParams) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> =
            pairs.iter().filter(|(k, _)| !FILTER_PARAMS.contains(&k.strip_prefix("filter-").unwrap_or(k))).cloned().collect();
        out.extend(Self::filter_pairs(filter));
        out
    }
}

fn non_empty(v: &str) -> Option<String> {
    let t = v.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// A set-valued parameter in its canonical order (`tier=2,1,2` is `1,2`), so that equal sets
/// compare equal and a URL written back reads the same (found by the url_params fuzz target).
fn in_order(values: &[String], order: &[&str]) -> Vec<String> {
    order.iter().filter(|o| values.iter().any(|v| v == *o)).map(|o| o.to_string()).collect()
}

fn dedup(mut v: Vec<String>) -> Vec<String> {
    let mut seen = Vec::new();
    v.retain(|x| {
        let fresh = !seen.contains(x);
        if fresh {
            seen.push(x.clone());
        }
        fresh
    });
    v
}

fn quote_all(values: &[String]) -> String {
    values.iter().map(|v| format!("\u{201c}{v}\u{201d}")).collect::<Vec<_>>().join(", ")
}

impl FilterParams {
    pub fn values_of(&self, field: &str) -> &[String] {
        self.fields.iter().find(|(k, _)| *k == field).map_or(&[], |(_, v)| v.as_slice())
    }

    /// Showing only unclassified failures (Treeherder's `isUnclassifiedFailures`).
    pub fn is_unclassified_failures_only(&self) -> bool {
        same_set(&self.result_status, &status_names(&JobStatus::FAILURES)) && self.classified_state == ["unclassified"]
    }

    /// Toggles "unclassified failures only" (back to the defaults when it was on).
    pub fn toggle_unclassified_failures(&mut self) {
        if self.is_unclassified_failures_only() {
            let defaults = FilterParams::default();
            self.result_status = defaults.result_status;
            self.classified_state = defaults.classified_state;
        } else {
            self.result_status = JobStatus::FAILURES.iter().map(|s| s.as_str().to_string()).collect();
            self.classified_state = vec!["unclassified".into()];
        }
    }

    /// Toggles statuses as a group: all on when any is off, else all off.
    pub fn toggle_statuses(&mut self, statuses: &[&str]) {
        let all_on = statuses.iter().all(|s| self.result_status.iter().any(|r| r == s));
        if all_on {
            self.result_status.retain(|r| !statuses.contains(&r.as_str()));
        } else {
            for s in statuses {
                if !self.result_status.iter().any(|r| r == s) {
                    self.result_status.push(s.to_string());
                }
            }
        }
    }

    pub fn set_field(&mut self, field: &'static str, values: Vec<String>) {
        self.fields.retain(|(k, _)| *k != field);
        if !values.is_empty() {
            self.fields.push((field, values));
            self.fields.sort_by_key(|(k, _)| FIELD_FILTERS.iter().position(|(f, _, _)| f == k));
        }
    }

    pub fn add_field_value(&mut self, field: &'static str, value: &str) {
        let mut values = self.values_of(field).to_vec();
        for v in split_values(value) {
            if !values.contains(&v) {
                values.push(v);
            }
        }
        self.set_field(field, values);
    }

    pub fn remove_field_value(&mut self, field: &str, value: &str) {
        if let Some((key, values)) = self.fields.iter().find(|(k, _)| *k == field).cloned() {
            self.set_field(key, values.into_iter().filter(|v| v != value).collect());
        }
    }
}
