use crate::client::TreeherderClient;
use crate::error::{Error, ErrorKind};
use crate::models::{decode_job_page, Job, JobDetail, JobPage, ProjectJob};
use crate::paging::{Progress, MAX_JOBS_PER_PAGE};
use crate::query::Query;
use crate::transport::Transport;

use super::pushes::encode_segment;

/// A query of `/api/jobs/` (Treeherder's job filter: any of its fields may be added).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct JobQuery(pub Query);

impl JobQuery {
    pub fn new() -> Self {
        Self::default()
    }

    /// The jobs of one push.
    pub fn push_id(push_id: i64) -> Self {
        JobQuery(Query::new().with("push_id", push_id))
    }

    /// The jobs of several pushes.
    pub fn push_ids(ids: &[i64]) -> Self {
        JobQuery(Query::new().with("push_id__in", ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")))
    }

    /// Only jobs changed after this ISO datetime (live updates).
    pub fn last_modified_gt(mut self, iso: &str) -> Self {
        self.0.push("last_modified__gt", iso);
        self
    }

    /// Page size (at most 2000).
    pub fn page_size(mut self, count: usize) -> Self {
        self.0.set("count", count.min(MAX_JOBS_PER_PAGE));
        self
    }

    /// Any other filter (`result=testfailed`, `tier__in=1,2`…).
    pub fn filter(mut self, key: &str, value: impl ToString) -> Self {
        self.0.push(key, value);
        self
    }
}

/// The page size a query of `/api/jobs/` asks for (`count`, by default Treeherder's 2000).
fn page_size(query: &Query) -> usize {
    query.get("count").and_then(|c| c.parse::<usize>().ok()).unwrap_or(MAX_JOBS_PER_PAGE).max(1)
}

impl<T: Transport> TreeherderClient<T> {
    /// One page of `/api/jobs/`, decoded from its compact rows by column name.
    pub async fn jobs_page(&self, query: &Query) -> Result<JobPage, Error> {
        let url = self.url("/api/jobs/", query);
        let response = self.get("/api/jobs/", query).await?;
        decode_job_page(&response.body).map_err(|(path, message)| {
            log::error!("GET {url}: cannot decode at {path}: {message}");
            Error::new(ErrorKind::Decode { path, message }, "GET", &url)
        })
    }

    /// Every job matching `query`, following `next` past the 2000-row pages.
    ///
    /// ```no_run
    /// # async fn demo(client: treeherder_client::TreeherderClient) -> Result<(), treeherder_client::Error> {
    /// use treeherder_client::JobQuery;
    /// let jobs = client.jobs(&JobQuery::push_id(57)).await?;
    /// let failed = jobs.iter().filter(|j| j.result == "testfailed").count();
    /// # Ok(()) }
    /// ```
    pub async fn jobs(&self, query: &JobQuery) -> Result<Vec<Job>, Error> {
        self.jobs_with_progress(query, &mut |_| {}).await
    }

    /// [`TreeherderClient::jobs`], reporting each page (the server says the total).
    pub async fn jobs_with_progress(&self, query: &JobQuery, on_progress: &mut dyn FnMut(Progress)) -> Result<Vec<Job>, Error> {
        let mut jobs = Vec::new();
        self.for_each_job_page(query, on_progress, &mut |page| jobs.extend(page)).await?;
        Ok(jobs)
    }

    /// Fetches every page of `query`, handing each page's jobs to `on_page` as it arrives (the
    /// jobs view renders pages while later ones load).
    pub async fn for_each_job_page(
        &self,
        query: &JobQuery,
        on_progress: &mut dyn FnMut(Progress),
        on_page: &mut dyn FnMut(Vec<Job>),
    ) -> Result<(), Error> {
        let mut q = query.0.clone();
        let mut progress = Progress::default();
        loop {
            let page = self.jobs_page(&q).await?;
            progress.pages_done += 1;
            progress.items += page.jobs.len();
            if let Some(total) = page.count {
                progress.items_total = Some(total as usize);
                let size = page_size(&q);
                progress.pages_total = Some((total as usize).div_ceil(size).max(1));
            }
            let empty = page.jobs.is_empty();
            on_page(page.jobs);
            on_progress(progress);
            // `next` is an absolute URL the server built from its own idea of its host; only
            // its query is used, on the server this client was made for.
            match page.next.as_deref().and_then(|n| n.split_once('?')).map(|(_, q)| Query::parse(q)) {
                Some(next) if !empty => q = next,
                _ => return Ok(()),
            }
        }
    }

    /// Like [`TreeherderClient::for_each_job_page`], but once the first page says how many jobs
    /// there are, every other page is asked for at once (`page=2…N`) and handed over as it
    /// arrives, in any order: the jobs of many pushes in about two round trips instead of one
    /// per page. A server that does not say its count is followed by `next`, page after page.
    ///
    /// ```no_run
    /// # async fn demo(client: treeherder_client::TreeherderClient) -> Result<(), treeherder_client::Error> {
    /// use treeherder_client::JobQuery;
    /// let mut jobs = Vec::new();
    /// client.for_each_job_page_concurrently(&JobQuery::push_ids(&[57, 58]), &mut |_| {}, &mut |page| jobs.extend(page)).await?;
    /// # Ok(()) }
    /// ```
    pub async fn for_each_job_page_concurrently(
        &self,
        query: &JobQuery,
        on_progress: &mut dyn FnMut(Progress),
        on_page: &mut dyn FnMut(Vec<Job>),
    ) -> Result<(), Error> {
        use futures::stream::{FuturesUnordered, StreamExt};
        let first = self.jobs_page(&query.0).await?;
        let size = page_size(&query.0);
        let mut progress = Progress { pages_done: 1, items: first.jobs.len(), ..Progress::default() };
        let Some(total) = first.count.map(|c| c as usize) else {
            // No count: only `next` can tell what follows.
            let next = first.next.clone();
            on_page(first.jobs);
            on_progress(progress);
            let Some(next) = next.as_deref().and_then(|n| n.split_once('?')).map(|(_, q)| JobQuery(Query::parse(q))) else {
                return Ok(());
            };
            return self.for_each_job_page(&next, on_progress, on_page).await;
        };
        let pages = total.div_ceil(size).max(1);
        progress.items_total = Some(total);
        progress.pages_total = Some(pages);
        let more = first.next.is_some() && !first.jobs.is_empty();
        on_page(first.jobs);
        on_progress(progress);
        if !more {
            return Ok(());
        }
        let mut rest: FuturesUnordered<_> = (2..=pages)
            .map(|page| {
                let mut q = query.0.clone();
                q.set("page", page);
                async move { self.jobs_page(&q).await }
            })
            .collect();
        while let Some(page) = rest.next().await {
            let page = page?;
            progress.pages_done += 1;
            progress.items += page.jobs.len();
            on_page(page.jobs);
            on_progress(progress);
        }
        Ok(())
    }

    /// Jobs from the project-bound endpoint, as full objects. `count: None` fetches all;
    /// above 2000 the client pages with `offset`, as thclient does.
    pub async fn project_jobs(&self, project: &str, filters: &Query, count: Option<usize>) -> Result<Vec<ProjectJob>, Error> {
        #[derive(serde::Deserialize)]
        struct Page {
            results: Vec<ProjectJob>,
        }
        let path = format!("/api/project/{}/jobs/", encode_segment(project));
        let wanted = count.unwrap_or(usize::MAX);
        let mut out: Vec<ProjectJob> = Vec::new();
        let mut offset = 0usize;
        loop {
            let ask = (wanted - out.len()).min(MAX_JOBS_PER_PAGE);
            let mut q = filters.clone();
            q.set("count", ask);
            if offset > 0 {
                q.set("offset", offset);
            }
            let page: Page = self.get_json(&path, &q).await?;
            let got = page.results.len();
            out.extend(page.results);
            offset += got;
            if got < ask || out.len() >= wanted {
                return Ok(out);
            }
        }
    }

    /// One job with its logs.
    ///
    /// ```no_run
    /// # async fn demo(client: treeherder_client::TreeherderClient) -> Result<(), treeherder_client::Error> {
    /// let job = client.job("autoland", 3205).await?;
    /// for log in &job.logs {
    ///     println!("{}: {}", log.name, log.url);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn job(&self, project: &str, job_id: i64) -> Result<JobDetail, Error> {
        let path = format!("/api/project/{}/jobs/{job_id}/", encode_segment(project));
        let detail: JobDetail = self.get_json(&path, &Query::new()).await?;
        // Every field of a job has a default (servers omit some), so an answer of another shape
        // would decode as an empty job: the id is what proves it is the job asked for.
        if detail.job.id != job_id {
            let message = format!("expected job {job_id}, the answer is about job {}", detail.job.id);
            return Err(Error::new(crate::error::ErrorKind::Decode { path: "id".into(), message }, "GET", &self.url(&path, &Query::new())));
        }
        Ok(detail)
    }

    /// Jobs of the same type, newest push first (`offset`/`count`, at most 50 per call).
    pub async fn similar_jobs(&self, project: &str, job_id: i64, offset: usize, count: usize) -> Result<Vec<ProjectJob>, Error> {
        #[derive(serde::Deserialize)]
        struct Page {
            results: Vec<ProjectJob>,
        }
        let q = Query::new().with_opt("offset", (offset > 0).then_some(offset)).with("count", count.min(50));
        let page: Page = self.get_json(&format!("/api/project/{}/jobs/{job_id}/similar_jobs/", encode_segment(project)), &q).await?;
        Ok(page.results)
    }
}
