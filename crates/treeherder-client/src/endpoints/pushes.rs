use std::collections::HashSet;

use crate::client::TreeherderClient;
use crate::error::Error;
use crate::models::{Push, PushList, PushStatus};
use crate::paging::{Progress, MAX_PUSHES_PER_PAGE};
use crate::query::Query;
use crate::transport::Transport;

/// Which pushes to list (`/api/project/R/push/`): every filter Treeherder's push endpoint takes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PushFilter {
    /// How many (newest first). `None`: the server's default (10). Above 1000 (the server's
    /// limit) the client pages; [`PushFilter::all`] fetches every push.
    pub count: Option<usize>,
    /// The push whose tip is this revision (12+ characters).
    pub revision: Option<String>,
    /// Pushes containing this commit.
    pub commit_revision: Option<String>,
    /// Pushed by this author (`-author` excludes).
    pub author: Option<String>,
    /// From this push on (its revision).
    pub fromchange: Option<String>,
    /// Up to this push (its revision).
    pub tochange: Option<String>,
    /// From this day (`YYYY-MM-DD`).
    pub startdate: Option<String>,
    /// Up to this day, inclusive (`YYYY-MM-DD`).
    pub enddate: Option<String>,
    pub push_timestamp_gte: Option<i64>,
    pub push_timestamp_gt: Option<i64>,
    pub push_timestamp_lte: Option<i64>,
    pub push_timestamp_lt: Option<i64>,
    pub id_lt: Option<i64>,
    pub id_gt: Option<i64>,
    pub ids: Vec<i64>,
}

impl PushFilter {
    pub fn new() -> Self {
        Self::default()
    }

    /// Every push that matches.
    pub fn all() -> Self {
        PushFilter { count: Some(usize::MAX), ..Self::default() }
    }

    pub fn count(mut self, count: usize) -> Self {
        self.count = Some(count);
        self
    }

    pub fn revision(mut self, revision: impl Into<String>) -> Self {
        self.revision = Some(revision.into());
        self
    }

    pub fn author(mut self, author: impl Into<String>) -> Self {
        self.author = Some(author.into());
        self
    }

    pub fn fromchange(mut self, revision: impl Into<String>) -> Self {
        self.fromchange = Some(revision.into());
        self
    }

    pub fn tochange(mut self, revision: impl Into<String>) -> Self {
        self.tochange = Some(revision.into());
        self
    }

    pub fn startdate(mut self, day: impl Into<String>) -> Self {
        self.startdate = Some(day.into());
        self
    }

    pub fn enddate(mut self, day: impl Into<String>) -> Self {
        self.enddate = Some(day.into());
        self
    }

    /// The query string for one request asking for `count` pushes.
    pub fn to_query(&self, count: Option<usize>) -> Query {
        let mut q = Query::new()
            .with_opt("count", count)
            .with_opt("revision", self.revision.as_deref())
            .with_opt("commit_revision", self.commit_revision.as_deref())
            .with_opt("author", self.author.as_deref())
            .with_opt("fromchange", self.fromchange.as_deref())
            .with_opt("tochange", self.tochange.as_deref())
            .with_opt("startdate", self.startdate.as_deref())
            .with_opt("enddate", self.enddate.as_deref())
            .with_opt("push_timestamp__gte", self.push_timestamp_gte)
            .with_opt("push_timestamp__gt", self.push_timestamp_gt)
            .with_opt("push_timestamp__lte", self.push_timestamp_lte)
            .with_opt("push_timestamp__lt", self.push_timestamp_lt)
            .with_opt("id__lt", self.id_lt)
            .with_opt("id__gt", self.id_gt);
        if !self.ids.is_empty() {
            q.push("id__in", self.ids.iter().map(i64::to_string).collect::<Vec<_>>().join(","));
        }
        q
    }
}

impl<T: Transport> TreeherderClient<T> {
    /// Pushes of a repository, newest first, with the server's `meta`.
    ///
    /// ```no_run
    /// # async fn demo(client: treeherder_client::TreeherderClient) -> Result<(), treeherder_client::Error> {
    /// use treeherder_client::PushFilter;
    /// let list = client.pushes("autoland", &PushFilter::new().count(10)).await?;
    /// for push in &list.results {
    ///     println!("{} by {}", &push.revision[..12], push.author);
    /// }
    /// let one = client.pushes("autoland", &PushFilter::new().revision("37fe03380afc")).await?;
    /// # Ok(()) }
    /// ```
    pub async fn pushes(&self, project: &str, filter: &PushFilter) -> Result<PushList, Error> {
        self.pushes_with_progress(project, filter, &mut |_| {}).await
    }

    /// [`TreeherderClient::pushes`], reporting each page. Past 1000 pushes the client pages
    /// backwards in time (`push_timestamp__lte` the oldest seen, as Treeherder's UI does) and
    /// drops the pushes it already has.
    pub async fn pushes_with_progress(
        &self,
        project: &str,
        filter: &PushFilter,
        on_progress: &mut dyn FnMut(Progress),
    ) -> Result<PushList, Error> {
        let path = format!("/api/project/{}/push/", encode_segment(project));
        let wanted = filter.count;
        let first_count = wanted.map(|w| w.min(MAX_PUSHES_PER_PAGE));
        let mut list: PushList = self.get_json(&path, &filter.to_query(first_count)).await?;
        let mut progress = Progress { pages_done: 1, items: list.results.len(), ..Progress::default() };
        on_progress(progress);
        let Some(wanted) = wanted.filter(|w| *w > MAX_PUSHES_PER_PAGE) else { return Ok(list) };
        let mut seen: HashSet<i64> = list.results.iter().map(|p| p.id).collect();
        let mut page_filter = filter.clone();
        while list.results.len() < wanted {
            let Some(oldest) = list.results.last().map(|p| p.push_timestamp) else { break };
            page_filter.push_timestamp_lte = Some(oldest);
            let ask = (wanted - list.results.len()).saturating_add(1).min(MAX_PUSHES_PER_PAGE);
            let page: PushList = self.get_json(&path, &page_filter.to_query(Some(ask))).await?;
            let fresh: Vec<Push> = page.results.into_iter().filter(|p| seen.insert(p.id)).collect();
            progress.pages_done += 1;
            if fresh.is_empty() {
                break;
            }
            list.results.extend(fresh);
            list.results.truncate(wanted);
            progress.items = list.results.len();
            on_progress(progress);
        }
        list.meta.count = list.results.len() as i64;
        Ok(list)
    }

    /// One push by id.
    pub async fn push(&self, project: &str, push_id: i64) -> Result<Push, Error> {
        self.get_json(&format!("/api/project/{}/push/{push_id}/", encode_segment(project)), &Query::new()).await
    }

    /// Job counts of a push by state and result (unclassified jobs below tier 3).
    pub async fn push_status(&self, project: &str, push_id: i64) -> Result<PushStatus, Error> {
        self.get_json(&format!("/api/project/{}/push/{push_id}/status/", encode_segment(project)), &Query::new()).await
    }
}

/// A path segment from user input (a repository name), percent-encoded.
pub(crate) fn encode_segment(segment: &str) -> String {
    form_urlencoded::byte_serialize(segment.as_bytes()).collect::<String>().replace('+', "%20")
}
