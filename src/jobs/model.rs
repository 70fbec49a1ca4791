//! Jobs as the view needs them: each job's derived facts computed once when it arrives
//! (status, display platform, search text, tooltip), the push's row/group skeleton built once
//! per change of its jobs, and the filter applied on top, so a filter change only walks flat
//! data (no string building, no allocation per job).

use std::collections::HashMap;
use std::sync::Arc;

use treeherder_client::models::{Job, JobStatus};

use super::url_state::{FilterParams, Match, FIELD_FILTERS};
use treeherder_client::conventions::{self, is_unclassified_id, platform_name, row_rank, symbol_sort_key};

/// A status's bit in the filter's set of shown statuses.
fn status_bit(status: JobStatus) -> u16 {
    1 << (status as u16)
}

/// A job with what the view derives from it.
#[derive(Clone, Debug)]
pub struct JobEntry {
    pub job: Job,
    pub status: JobStatus,
    /// Classified as the filter counts it (`isClassified`: not in `thUnclassifiedIds`).
    pub classified: bool,
    pub unclassified_failure: bool,
    /// Drawn as classified (`getBtnClass`), which an autoclassified intermittent also is.
    pub marked_classified: bool,
    /// Which row the job is in: display name and option, "Linux 18.04 Shippable opt".
    pub row_key: Arc<str>,
    /// What the row is titled, by Treeherder's rule: "Linux 18.04 Shippable".
    pub row_title: Arc<str>,
    pub row_rank: i64,
    /// Group symbol, "" for ungrouped (`?`) jobs.
    pub group_symbol: Arc<str>,
    pub group_name: Arc<str>,
    pub symbol: Arc<str>,
    symbol_sort: String,
    /// "<type name> - <status> - <n> mins" (Treeherder's hover text).
    pub title: Arc<str>,
    /// Lower-cased text the quick filter searches: platform, option, group, name, `G(sym)`.
    search_text: String,
    lower: LowerFields,
}

#[derive(Clone, Debug)]
struct LowerFields {
    type_name: String,
    type_symbol: String,
    group_name: String,
    group_symbol: String,
    platform_and_option: String,
}

impl JobEntry {
    pub fn new(job: Job) -> Self {
        let status = job.job_status();
        let classified = !is_unclassified_id(job.failure_classification_id);
        let platform = platform_name(&job.platform);
        let row_key: Arc<str> = Arc::from(format!("{platform} {}", job.platform_option));
        let row_title: Arc<str> = Arc::from(conventions::row_title(platform, &job.platform_option));
        let group_symbol: Arc<str> = Arc::from(conventions::group_symbol(&job.job_group_symbol));
        let mut search_text = String::with_capacity(96);
        search_text.push_str(platform);
        search_text.push(' ');
        search_text.push_str(&job.platform_option);
        if job.job_group_name != "unknown" {
            search_text.push(' ');
            search_text.push_str(&job.job_group_name);
        }
        search_text.push(' ');
        search_text.push_str(&job.job_type_name);
        search_text.push(' ');
        search_text.push_str(&group_symbol);
        search_text.push('(');
        search_text.push_str(&job.job_type_symbol);
        search_text.push(')');
        let minutes = job.duration.unwrap_or(0);
        let title = format!("{} - {} - {minutes} min{}", job.job_type_name, status.as_str(), if minutes > 1 { "s" } else { "" });
        JobEntry {
            status,
            classified,
            unclassified_failure: status.is_failure() && !classified,
            marked_classified: conventions::button_classified(job.failure_classification_id),
            row_rank: row_rank(platform, &job.platform_option),
            lower: LowerFields {
                type_name: job.job_type_name.to_lowercase(),
                type_symbol: job.job_type_symbol.to_lowercase(),
                group_name: job.job_group_name.to_lowercase(),
                group_symbol: job.job_group_symbol.to_lowercase(),
                platform_and_option: row_key.to_lowercase(),
            },
            row_key,
            row_title,
            group_symbol,
            group_name: Arc::from(job.job_group_name.as_str()),
            symbol: Arc::from(job.job_type_symbol.as_str()),
            symbol_sort: symbol_sort_key(&job.job_type_symbol),
            title: Arc::from(title),
            search_text: search_text.to_lowercase(),
            job,
        }
    }
}

/// The filter, compiled for speed.
#[derive(Clone, Debug, PartialEq)]
pub struct JobFilter {
    statuses: u16,
    classified: bool,
    unclassified: bool,
    tiers: [bool; 4],
    search: Vec<String>,
    fields: Vec<(&'static str, Match, Vec<String>)>,
}

impl JobFilter {
    pub fn new(params: &FilterParams) -> Self {
        let mut tiers = [false; 4];
        for t in &params.tier {
            if let Ok(n) = t.parse::<usize>() {
                if n < 4 {
                    tiers[n] = true;
                }
            }
        }
        JobFilter {
            statuses: params
                .result_status
                .iter()
                .map(|s| JobStatus::parse(s))
                .filter(|s| *s != JobStatus::Unknown)
                .fold(0, |m, s| m | status_bit(s)),
            classified: params.classified_state.iter().any(|c| c == "classified"),
            unclassified: params.classified_state.iter().any(|c| c == "unclassified"),
            tiers,
            search: params.search.clone(),
            fields: params
                .fields
                .iter()
                .filter_map(|(k, v)| FIELD_FILTERS.iter().find(|(f, _, _)| f == k).map(|(f, _, m)| (*f, *m, v.clone())))
                .collect(),
        }
    }

    /// Whether the job is shown (Treeherder's `FilterModel.showJob`).
    pub fn shows(&self, e: &JobEntry) -> bool {
        if self.statuses & status_bit(e.status) == 0 {
            return false;
        }
        if (e.classified && !self.classified) || (!e.classified && !self.unclassified) {
            return false;
        }
        let tier = e.job.tier.clamp(0, 3) as usize;
        if !self.tiers[tier] {
            return false;
        }
        if !self.search.iter().all(|w| e.search_text.contains(w.as_str())) {
            return false;
        }
        self.fields.iter().all(|(field, how, values)| {
            let fc;
            let value: &str = match *field {
                "job_type_name" => &e.lower.type_name,
                "job_type_symbol" => &e.lower.type_symbol,
                "job_group_name" => &e.lower.group_name,
                "job_group_symbol" => &e.lower.group_symbol,
                "platform" => &e.lower.platform_and_option,
                "failure_classification_id" => {
                    fc = e.job.failure_classification_id.to_string();
                    &fc
                }
                // Test paths need the decision task's manifests, which this view does not
                // fetch; a job without the field passes, as in Treeherder.
                _ => "",
            };
            if value.is_empty() {
                return true;
            }
            match how {
                Match::Substring => values.iter().any(|v| value.contains(v.as_str())),
                Match::Exact => values.iter().any(|v| v == value),
            }
        })
    }
}

/// A push's jobs grouped into rows and groups (Treeherder's `groupJobByPlatform` +
/// `sortGroupedJobs`), by index into the job list. Built once per change of the jobs.
#[derive(Clone, Debug, Default)]
pub struct Skeleton {
    pub rows: Vec<SkeletonRow>,
}

#[derive(Clone, Debug)]
pub struct SkeletonRow {
    /// Display name and option: rows are one per pair, even where two share a title.
    pub key: Arc<str>,
    pub title: Arc<str>,
    pub rank: i64,
    pub groups: Vec<SkeletonGroup>,
}

#[derive(Clone, Debug)]
pub struct SkeletonGroup {
    pub symbol: Arc<str>,
    pub name: Arc<str>,
    pub tier: i64,
    pub jobs: Vec<usize>,
}

impl Skeleton {
    pub fn build(jobs: &[JobEntry]) -> Self {
        let mut rows: Vec<SkeletonRow> = Vec::new();
        let mut row_index: HashMap<Arc<str>, usize> = HashMap::new();
        for (i, e) in jobs.iter().enumerate() {
            let r = *row_index.entry(e.row_key.clone()).or_insert_with(|| {
                rows.push(SkeletonRow { key: e.row_key.clone(), title: e.row_title.clone(), rank: e.row_rank, groups: Vec::new() });
                rows.len() - 1
            });
            let groups = &mut rows[r].groups;
            match groups.iter_mut().find(|g| g.symbol == e.group_symbol && g.tier == e.job.tier) {
                Some(g) => g.jobs.push(i),
                None => groups.push(SkeletonGroup {
                    symbol: e.group_symbol.clone(),
                    name: e.group_name.clone(),
                    tier: e.job.tier,
                    jobs: vec![i],
                }),
            }
        }
        for row in &mut rows {
            for g in &mut row.groups {
                g.jobs.sort_by(|a, b| jobs[*a].symbol_sort.cmp(&jobs[*b].symbol_sort));
            }
            // Ungrouped jobs first, then groups by symbol length and tier (stable).
            row.groups.sort_by_key(|g| g.symbol.chars().count() as i64 + g.tier);
        }
        rows.sort_by_key(|r| r.rank);
        Skeleton { rows }
    }
}

/// What to draw for one job button.
#[derive(Clone, Debug, PartialEq)]
pub struct ButtonData {
    pub id: i64,
    pub symbol: Arc<str>,
    pub status: JobStatus,
    pub classified: bool,
    pub title: Arc<str>,
}

/// A folded count ("+3") of jobs of one status in a collapsed group.
#[derive(Clone, Debug, PartialEq)]
pub struct CountData {
    pub status: JobStatus,
    pub count: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GroupLayout {
    /// "" for ungrouped jobs (tier 1: drawn loose; tiers 2 and 3: a group without a symbol).
    pub symbol: Arc<str>,
    pub name: Arc<str>,
    pub tier: i64,
    pub key: String,
    pub expanded: bool,
    pub buttons: Vec<ButtonData>,
    pub counts: Vec<CountData>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RowLayout {
    pub key: Arc<str>,
    pub title: Arc<str>,
    pub groups: Vec<GroupLayout>,
    /// Changes whenever what the row shows changes (rows are redrawn only then).
    pub fingerprint: u64,
}

/// The drawable rows of a push under a filter.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    pub rows: Vec<Arc<RowLayout>>,
    pub shown: usize,
}

/// What the reader asked to see beyond the filter and the folded groups.
#[derive(Clone, Copy)]
pub struct Unfolding<'a> {
    /// Every group expanded (Treeherder's `group_state=expanded`).
    pub all_expanded: bool,
    /// Groups expanded one by one, as `push_id|group key`.
    pub expanded_groups: &'a [String],
    /// Superseded runs of a job shown beside the last one.
    pub show_duplicates: bool,
    /// The selected job, shown whatever the filter.
    pub selected: Option<i64>,
}

/// Folds a push's skeleton through the filter. Collapsed groups show failures (and duplicates
/// when asked) one by one and fold other statuses into counts; a count of one shows the job.
pub fn layout(push_id: i64, jobs: &[JobEntry], skeleton: &Skeleton, filter: &JobFilter, unfold: &Unfolding) -> Layout {
    let Unfolding { all_expanded, expanded_groups, show_duplicates, selected } = *unfold;
    let mut out = Layout::default();
    for row in &skeleton.rows {
        let mut groups = Vec::new();
        let mut hasher = Fnv::default();
        for g in &row.groups {
            let key = format!("{push_id}|{}|{}|{}", row.key, g.symbol, g.tier);
            // The selected job stays visible whatever the filter (as in Treeherder).
            let visible: Vec<&JobEntry> =
                g.jobs.iter().map(|i| &jobs[*i]).filter(|e| filter.shows(e) || selected == Some(e.job.id)).collect();
            if visible.is_empty() {
                continue;
            }
            out.shown += visible.len();
            let expanded = conventions::drawn_loose(&g.symbol, g.tier) || all_expanded || expanded_groups.contains(&key);
            let button = |e: &JobEntry| ButtonData {
                id: e.job.id,
                symbol: e.symbol.clone(),
                status: e.status,
                classified: e.marked_classified,
                title: e.title.clone(),
            };
            let (mut buttons, mut counts) = (Vec::new(), Vec::new());
            if expanded {
                buttons = visible.iter().map(|e| button(e)).collect();
            } else {
                // Duplicates are counted over the whole group, shown or not (`countBy(jobs, …)`
                // in Treeherder's JobGroup.jsx).
                let mut symbol_counts: HashMap<&str, usize> = HashMap::new();
                if show_duplicates {
                    for i in &g.jobs {
                        *symbol_counts.entry(&jobs[*i].job.job_type_symbol).or_default() += 1;
                    }
                }
                let mut folded: Vec<(JobStatus, usize, &JobEntry)> = Vec::new();
                for e in &visible {
                    let duplicate = show_duplicates && symbol_counts.get(e.job.job_type_symbol.as_str()).copied().unwrap_or(0) > 1;
                    if e.status.is_failure() || duplicate || selected == Some(e.job.id) {
                        buttons.push(button(e));
                    } else {
                        match folded.iter_mut().find(|(s, _, _)| *s == e.status) {
                            Some(f) => {
                                f.1 += 1;
                                f.2 = e;
                            }
                            None => folded.push((e.status, 1, e)),
                        }
                    }
                }
                for (status, count, last) in folded {
                    if count == 1 {
                        buttons.push(button(last));
                    } else {
                        counts.push(CountData { status, count });
                    }
                }
            }
            for b in &buttons {
                hasher.write_i64(b.id);
                hasher.write_u8(b.status as u8);
                hasher.write_u8(b.classified as u8);
            }
            for c in &counts {
                hasher.write_u8(c.status as u8);
                hasher.write_i64(c.count as i64);
            }
            hasher.write_u8(expanded as u8);
            groups.push(GroupLayout { symbol: g.symbol.clone(), name: g.name.clone(), tier: g.tier, key, expanded, buttons, counts });
        }
        if !groups.is_empty() {
            out.rows.push(Arc::new(RowLayout { key: row.key.clone(), title: row.title.clone(), groups, fingerprint: hasher.0 }));
        }
    }
    out
}

/// Job counts of a push, as its header shows them (superseded jobs are not counted).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PushCounts {
    pub pending: usize,
    pub running: usize,
    pub completed: usize,
    pub fixed_by_commit: usize,
    /// Failures nobody classified yet: what still needs a look.
    pub unclassified_failures: usize,
    pub total: usize,
}

impl PushCounts {
    pub fn of(jobs: &[JobEntry]) -> Self {
        let mut c = PushCounts { total: jobs.len(), ..Default::default() };
        for e in jobs {
            if e.job.failure_classification_id == 2 {
                c.fixed_by_commit += 1;
            }
            if e.unclassified_failure {
                c.unclassified_failures += 1;
            }
            if e.job.result == "superseded" {
                continue;
            }
            match e.job.state.as_str() {
                "pending" => c.pending += 1,
                "running" => c.running += 1,
                _ => c.completed += 1,
            }
        }
        c
    }

    pub fn in_progress(&self) -> usize {
        self.pending + self.running
    }

    /// Floor of the completed share, as Treeherder's `getPercentComplete`.
    pub fn percent_complete(&self) -> usize {
        let total = self.completed + self.in_progress();
        (self.completed * 100).checked_div(total).unwrap_or(0)
    }
}

/// FNV-1a, enough to notice a row changed.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write_u8(&mut self, b: u8) {
        self.0 ^= b as u64;
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }
    fn write_i64(&mut self, n: i64) {
        for b in n.to_le_bytes() {
            self.write_u8(b);
        }
    }
}
