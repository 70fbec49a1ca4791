//! The jobs view's data: pushes of the URL's range and their jobs, loaded page by page, merged
//! with live updates. One place mutates it; components read signals.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use treeherder_client::models::{Job, Push};
use treeherder_client::{Error, JobQuery, Progress, PushFilter, ServerUrl};

use super::model::{JobEntry, PushCounts, Skeleton};
use super::url_state::PushRange;
use crate::hallway::api::Client;

/// A push's jobs with what is derived from them as a whole.
#[derive(Clone, Debug, Default)]
pub struct PushJobs {
    pub entries: Arc<Vec<JobEntry>>,
    pub skeleton: Arc<Skeleton>,
    pub counts: PushCounts,
}

impl PushJobs {
    fn from_entries(mut entries: Vec<JobEntry>) -> Self {
        entries.sort_by_key(|e| e.job.id);
        let skeleton = Arc::new(Skeleton::build(&entries));
        let counts = PushCounts::of(&entries);
        PushJobs { entries: Arc::new(entries), skeleton, counts }
    }

    /// These jobs with `updates` applied (new jobs added, changed ones replaced).
    fn merged(&self, updates: Vec<Job>) -> Self {
        let mut entries: Vec<JobEntry> = (*self.entries).clone();
        for job in updates {
            let entry = JobEntry::new(job);
            match entries.binary_search_by_key(&entry.job.id, |e| e.job.id) {
                Ok(i) => entries[i] = entry,
                Err(i) => entries.insert(i, entry),
            }
        }
        PushJobs::from_entries(entries)
    }
}

/// How often a load of many pages redraws its pushes (see `fetch_jobs_of`).
const REDRAW_EVERY_MS: f64 = 150.0;

/// Gives the pushes in `pending` all their jobs received so far.
fn draw_received(slots: &[PushSlot], received: &HashMap<i64, Vec<JobEntry>>, pending: &mut Vec<i64>) {
    for slot in slots.iter().filter(|s| pending.contains(&s.push.id)) {
        let entries = received.get(&slot.push.id).cloned().unwrap_or_default();
        slot.jobs.set(PushJobs::from_entries(entries));
    }
    pending.clear();
}

/// How far a push's jobs are loaded.
#[derive(Clone, Debug, PartialEq)]
pub enum PushLoad {
    Loading(Progress),
    Loaded,
    Failed(Error),
    /// `nojobs` in the URL: jobs deliberately not fetched.
    Skipped,
}

/// One push of the list.
#[derive(Clone)]
pub struct PushSlot {
    pub push: Arc<Push>,
    pub jobs: RwSignal<PushJobs>,
    pub load: RwSignal<PushLoad>,
}

impl PushSlot {
    fn new(push: Push) -> Self {
        PushSlot {
            push: Arc::new(push),
            jobs: RwSignal::new(PushJobs::default()),
            load: RwSignal::new(PushLoad::Loading(Progress::default())),
        }
    }
}

/// The list as a whole.
#[derive(Clone, Debug, PartialEq)]
pub enum ListState {
    Loading,
    Ready,
    Failed(Error),
}

/// Live-update health.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PollState {
    pub failures: u32,
    pub last_error: Option<Error>,
    /// Seconds until the next attempt.
    pub next_in: u64,
}

/// Treeherder's poll interval for new pushes and changed jobs.
pub const POLL_SECS: u64 = 60;
/// Pushes shown first.
pub const FIRST_COUNT: usize = 10;
/// Pushes fetched for an explicit range (`thMaxPushFetchSize`).
pub const RANGE_COUNT: usize = 100;

#[derive(Clone, Copy)]
pub struct JobsStore {
    pub pushes: RwSignal<Vec<PushSlot>>,
    /// The repository `pushes` belong to: it changes with them, not before them as the URL does,
    /// so nothing pairs one repository's name with another's counts.
    pub repo: RwSignal<String>,
    pub state: RwSignal<ListState>,
    pub poll: RwSignal<PollState>,
    /// Older pushes being fetched ("get next").
    pub loading_more: RwSignal<bool>,
    /// Bumped whenever a new range loads: answers for an older one are dropped.
    generation: StoredValue<u64>,
    /// Server, repository and range whose pushes are shown (a URL change to the same range,
    /// such as `fromchange` after "get next", does not reload).
    loaded: StoredValue<Option<(ServerUrl, String, PushRange)>>,
    /// Pushes listed beyond the window because they were in sight when they should have left.
    over_window: StoredValue<usize>,
}

impl Default for JobsStore {
    fn default() -> Self {
        Self::new()
    }
}

impl JobsStore {
    pub fn new() -> Self {
        JobsStore {
            pushes: RwSignal::new(Vec::new()),
            repo: RwSignal::new(String::new()),
            state: RwSignal::new(ListState::Loading),
            poll: RwSignal::new(PollState::default()),
            loading_more: RwSignal::new(false),
            generation: StoredValue::new(0),
            loaded: StoredValue::new(None),
            over_window: StoredValue::new(0),
        }
    }

    pub fn is_loaded(&self, server: &ServerUrl, repo: &str, range: &PushRange) -> bool {
        self.loaded.with_value(|l| l.as_ref().is_some_and(|(s, r, g)| s == server && r == repo && g == range))
    }

    /// Records that the shown pushes now cover `range` (after "get next" rewrote the URL).
    pub fn set_loaded_range(&self, range: PushRange) {
        self.loaded.update_value(|l| {
            if let Some(l) = l {
                l.2 = range;
            }
        });
    }

    fn current(&self, generation: u64) -> bool {
        self.generation.get_value() == generation
    }

    /// Loads the pushes of `repo` in `range`, then their jobs.
    pub fn load(&self, client: Client, repo: String, range: PushRange) {
        let generation = self.generation.get_value() + 1;
        self.generation.set_value(generation);
        self.loaded.set_value(Some((client.server().clone(), repo.clone(), range.clone())));
        self.pushes.set(Vec::new());
        self.repo.set(repo.clone());
        self.over_window.set_value(0);
        self.state.set(ListState::Loading);
        self.poll.set(PollState::default());
        let store = *self;
        spawn_local(async move {
            let count = if range.fromchange.is_some() || range.tochange.is_some() { RANGE_COUNT } else { FIRST_COUNT };
            match client.pushes(&repo, &push_filter(&range, count)).await {
                Ok(list) => {
                    if !store.current(generation) {
                        return;
                    }
                    crate::hallway::ready::mark("jobs:pushes-received");
                    let slots: Vec<PushSlot> = list.results.into_iter().map(PushSlot::new).collect();
                    // Jobs requests first, so they are on the wire while the pushes are drawn.
                    store.fetch_jobs(&client, &slots, generation, range.nojobs);
                    store.pushes.set(slots);
                    store.state.set(ListState::Ready);
                }
                Err(e) => {
                    if store.current(generation) {
                        store.state.set(ListState::Failed(e));
                    }
                }
            }
        });
    }

    /// Fetches the jobs of all these pushes in one query (`push_id__in`; its pages at once),
    /// handing each page's jobs to their pushes as they arrive. One request instead of one per
    /// push: on a real line the browser's six connections per host made ten pushes wait in turn.
    fn fetch_jobs(&self, client: &Client, slots: &[PushSlot], generation: u64, nojobs: bool) {
        if nojobs {
            for slot in slots {
                slot.load.set(PushLoad::Skipped);
            }
            return;
        }
        if slots.is_empty() {
            return;
        }
        let (client, store, slots) = (client.clone(), *self, slots.to_vec());
        spawn_local(async move { store.fetch_jobs_of(&client, &slots, generation).await });
    }

    async fn fetch_jobs_of(&self, client: &Client, slots: &[PushSlot], generation: u64) {
        let ids: Vec<i64> = slots.iter().map(|s| s.push.id).collect();
        let mut received: HashMap<i64, Vec<JobEntry>> = HashMap::new();
        // Pushes with jobs not drawn yet. A push is redrawn from all its jobs (grouping and
        // counts are over the whole push), so redrawing it on every page of a 50k-job load cost
        // more than decoding: pages are drawn at once at first, then at most every
        // REDRAW_EVERY_MS, and whatever is left when the last page is in.
        let mut pending: Vec<i64> = Vec::new();
        let mut drawn_at: Option<f64> = None;
        let store = *self;
        let result = client
            .for_each_job_page_concurrently(
                &JobQuery::push_ids(&ids),
                &mut |progress| {
                    if store.current(generation) {
                        for slot in slots {
                            slot.load.set(PushLoad::Loading(progress));
                        }
                    }
                },
                &mut |page| {
                    if !store.current(generation) {
                        return;
                    }
                    crate::hallway::ready::mark("jobs:first-jobs-received");
                    for job in page {
                        if !pending.contains(&job.push_id) {
                            pending.push(job.push_id);
                        }
                        received.entry(job.push_id).or_default().push(JobEntry::new(job));
                    }
                    let now = js_sys::Date::now();
                    if drawn_at.is_none_or(|at| now - at >= REDRAW_EVERY_MS) {
                        draw_received(slots, &received, &mut pending);
                        drawn_at = Some(now);
                    }
                },
            )
            .await;
        if !self.current(generation) {
            return;
        }
        draw_received(slots, &received, &mut pending);
        for slot in slots {
            match &result {
                Ok(()) => slot.load.set(PushLoad::Loaded),
                Err(e) => slot.load.set(PushLoad::Failed(e.clone())),
            }
        }
    }

    /// Retries one push's jobs.
    pub fn retry_push(&self, client: Client, slot: PushSlot) {
        let generation = self.generation.get_value();
        slot.load.set(PushLoad::Loading(Progress::default()));
        slot.jobs.set(PushJobs::default());
        let store = *self;
        spawn_local(async move { store.fetch_jobs_of(&client, &[slot], generation).await });
    }

    /// Whether every push has finished loading (successfully or not).
    pub fn all_settled(&self) -> bool {
        self.state.with(|s| *s == ListState::Ready)
            && self.pushes.with(|ps| ps.iter().all(|p| p.load.with(|l| !matches!(l, PushLoad::Loading(_)))))
    }

    /// Older pushes ("get next N"): up to the oldest loaded push, minus those already here.
    /// Resolves to the oldest revision now loaded (for the URL's `fromchange`).
    pub async fn load_more(&self, client: Client, repo: String, range: PushRange, count: usize) -> Result<Option<String>, Error> {
        let generation = self.generation.get_value();
        let Some(oldest) = self.pushes.with_untracked(|ps| ps.last().map(|p| p.push.push_timestamp)) else {
            return Ok(None);
        };
        self.loading_more.set(true);
        let mut filter = PushFilter::new().count(count + 1);
        filter.author = range.author.clone();
        filter.push_timestamp_lte = Some(oldest);
        let result = client.pushes(&repo, &filter).await;
        self.loading_more.set(false);
        let list = result?;
        if !self.current(generation) {
            return Ok(None);
        }
        let known: Vec<i64> = self.pushes.with_untracked(|ps| ps.iter().map(|p| p.push.id).collect());
        let fresh: Vec<PushSlot> = list.results.into_iter().filter(|p| !known.contains(&p.id)).take(count).map(PushSlot::new).collect();
        self.pushes.update(|ps| ps.extend(fresh.iter().cloned()));
        self.fetch_jobs(&client, &fresh, generation, range.nojobs);
        Ok(self.pushes.with_untracked(|ps| ps.last().map(|p| p.push.revision.clone())))
    }

    /// One live update: pushes newer than the newest shown, then jobs changed since the
    /// newest change seen. Returns the error, if any, for backoff.
    /// `keep`: a push that must stay listed (the selected job's); `out_of_sight`: whether a
    /// push is wholly below what the reader sees (only those may leave the list).
    pub async fn poll_once(
        &self,
        client: &Client,
        repo: &str,
        range: &PushRange,
        keep: Option<i64>,
        out_of_sight: &dyn Fn(i64) -> bool,
    ) -> Result<(), Error> {
        let generation = self.generation.get_value();
        // A closed range (one revision, an upper bound) gets no new pushes.
        let open = range.revision.is_none() && range.tochange.is_none() && range.enddate.is_none();
        let newest = self.pushes.with_untracked(|ps| ps.first().map(|p| p.push.revision.clone()));
        if let (true, Some(newest)) = (open, newest) {
            let mut filter = PushFilter::new().fromchange(newest).count(RANGE_COUNT);
            filter.author = range.author.clone();
            let list = client.pushes(repo, &filter).await?;
            if !self.current(generation) {
                return Ok(());
            }
            let known: Vec<i64> = self.pushes.with_untracked(|ps| ps.iter().map(|p| p.push.id).collect());
            let fresh: Vec<PushSlot> = list.results.into_iter().filter(|p| !known.contains(&p.id)).map(PushSlot::new).collect();
            if !fresh.is_empty() {
                let mut gone = Vec::new();
                let over = self.over_window.get_value();
                self.pushes.update(|ps| {
                    let window = ps.len().saturating_sub(over).max(FIRST_COUNT);
                    ps.splice(0..0, fresh.iter().cloned());
                    ps.sort_by(|a, b| b.push.push_timestamp.cmp(&a.push.push_timestamp).then(b.push.id.cmp(&a.push.id)));
                    gone = slide_window(ps, window, keep, out_of_sight);
                    self.over_window.set_value(ps.len().saturating_sub(window));
                });
                // Their signals live as long as the page unless disposed.
                for slot in gone {
                    slot.jobs.dispose();
                    slot.load.dispose();
                }
                self.fetch_jobs(client, &fresh, generation, range.nojobs);
            }
        }
        let (ids, since) = self.pushes.with_untracked(|ps| {
            let ids: Vec<i64> = ps.iter().filter(|p| p.load.with_untracked(|l| *l == PushLoad::Loaded)).map(|p| p.push.id).collect();
            let newest =
                ps.iter().flat_map(|p| p.jobs.with_untracked(|j| j.entries.iter().map(|e| e.job.last_modified.clone()).max())).max();
            (ids, newest)
        });
        let (Some(since), false) = (since, ids.is_empty()) else { return Ok(()) };
        // Three seconds back, as Treeherder does, so a job changed while we read is not missed.
        let since = crate::hallway::time::shift_iso(&since, -3.0).unwrap_or(since);
        let changed = client.jobs(&JobQuery::push_ids(&ids).last_modified_gt(&since)).await?;
        if !self.current(generation) || changed.is_empty() {
            return Ok(());
        }
        self.pushes.with_untracked(|ps| {
            for slot in ps {
                let mine: Vec<Job> = changed.iter().filter(|j| j.push_id == slot.push.id).cloned().collect();
                if !mine.is_empty() {
                    slot.jobs.update(|j| *j = j.merged(mine));
                }
            }
        });
        Ok(())
    }
}

/// Live updates slide the list rather than grow it: a tab left open on a busy repository for a
/// day keeps the number of pushes it was given (by the URL or "next"), the newest first, so its
/// memory and DOM stay flat. The oldest pushes leave from the bottom, except `keep` (the selected
/// job's push) and any the reader can see (`out_of_sight` false): removing those would move the
/// page under them, so the list waits until they are scrolled away. "next" brings them back.
/// Returns what left.
pub fn slide_window(pushes: &mut Vec<PushSlot>, window: usize, keep: Option<i64>, out_of_sight: &dyn Fn(i64) -> bool) -> Vec<PushSlot> {
    let mut gone = Vec::new();
    let mut index = pushes.len();
    while pushes.len() > window && index > 0 {
        index -= 1;
        let id = pushes[index].push.id;
        if Some(id) == keep {
            continue;
        }
        if !out_of_sight(id) {
            break;
        }
        gone.push(pushes.remove(index));
    }
    gone
}

/// The push query of a range.
pub fn push_filter(range: &PushRange, count: usize) -> PushFilter {
    let mut f = PushFilter::new().count(count);
    f.revision = range.revision.clone();
    f.author = range.author.clone();
    f.fromchange = range.fromchange.clone();
    f.tochange = range.tochange.clone();
    f.startdate = range.startdate.clone();
    f.enddate = range.enddate.clone();
    f
}
