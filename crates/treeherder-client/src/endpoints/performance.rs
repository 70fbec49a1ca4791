use std::collections::BTreeMap;

use crate::client::TreeherderClient;
use crate::error::Error;
use crate::models::{Alert, AlertSummary, Page, PerformanceDatum, PerformanceSignature, PerformanceSummary};
use crate::query::Query;
use crate::transport::Transport;

use super::pushes::encode_segment;

/// Which signatures to list (`/api/project/R/performance/signatures/`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SignatureQuery {
    pub framework: Option<i64>,
    /// Only signatures with data in the last `interval` seconds.
    pub interval: Option<i64>,
    /// Include subtests (Treeherder's default).
    pub subtests: Option<bool>,
    pub platform: Option<String>,
    pub ids: Vec<i64>,
    pub parent_signature: Option<String>,
}

impl SignatureQuery {
    pub fn to_query(&self) -> Query {
        let mut q = Query::new()
            .with_opt("framework", self.framework)
            .with_opt("interval", self.interval)
            .with_opt("subtests", self.subtests.map(|s| if s { 1 } else { 0 }))
            .with_opt("platform", self.platform.as_deref())
            .with_opt("parent_signature", self.parent_signature.as_deref());
        for id in &self.ids {
            q.push("id", id);
        }
        q
    }
}

/// A `/api/performance/summary/` query, as Perfherder's graphs view asks it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SummaryQuery {
    pub repository: String,
    /// A signature id (or a 40-character hash).
    pub signature: Option<String>,
    pub framework: Option<i64>,
    /// Seconds back from now.
    pub interval: Option<i64>,
    pub startday: Option<String>,
    pub endday: Option<String>,
    pub revision: Option<String>,
    pub parent_signature: Option<i64>,
    pub all_data: bool,
    pub replicates: bool,
    pub no_subtests: bool,
}

impl SummaryQuery {
    pub fn to_query(&self) -> Query {
        let mut q = Query::new()
            .with("repository", &self.repository)
            .with_opt("signature", self.signature.as_deref())
            .with_opt("framework", self.framework)
            .with_opt("interval", self.interval)
            .with_opt("startday", self.startday.as_deref())
            .with_opt("endday", self.endday.as_deref())
            .with_opt("revision", self.revision.as_deref())
            .with_opt("parent_signature", self.parent_signature);
        if self.all_data {
            q.push("all_data", "true");
        }
        q.push("replicates", self.replicates);
        if self.no_subtests {
            q.push("no_subtests", "true");
        }
        q
    }
}

impl<T: Transport> TreeherderClient<T> {
    /// Performance signatures of a repository, by id.
    ///
    /// ```no_run
    /// # async fn demo(client: treeherder_client::TreeherderClient) -> Result<(), treeherder_client::Error> {
    /// use treeherder_client::SignatureQuery;
    /// let talos = SignatureQuery { framework: Some(1), interval: Some(14 * 86400), ..Default::default() };
    /// for (id, sig) in client.performance_signatures("autoland", &talos).await? {
    ///     println!("{id}: {} on {}", sig.name(), sig.machine_platform);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn performance_signatures(
        &self,
        project: &str,
        query: &SignatureQuery,
    ) -> Result<BTreeMap<i64, PerformanceSignature>, Error> {
        self.get_json(&format!("/api/project/{}/performance/signatures/", encode_segment(project)), &query.to_query()).await
    }

    /// Platforms with performance data in a repository.
    pub async fn performance_platforms(&self, project: &str, framework: Option<i64>, interval: Option<i64>) -> Result<Vec<String>, Error> {
        let q = Query::new().with_opt("framework", framework).with_opt("interval", interval);
        self.get_json(&format!("/api/project/{}/performance/platforms/", encode_segment(project)), &q).await
    }

    /// Series with their data points.
    ///
    /// ```no_run
    /// # async fn demo(client: treeherder_client::TreeherderClient) -> Result<(), treeherder_client::Error> {
    /// use treeherder_client::SummaryQuery;
    /// let query = SummaryQuery {
    ///     repository: "autoland".into(),
    ///     signature: Some("1".into()),
    ///     framework: Some(1),
    ///     interval: Some(14 * 86400),
    ///     all_data: true,
    ///     ..Default::default()
    /// };
    /// let series = client.performance_summary(&query).await?;
    /// println!("{} points", series[0].data.len());
    /// # Ok(()) }
    /// ```
    pub async fn performance_summary(&self, query: &SummaryQuery) -> Result<Vec<PerformanceSummary>, Error> {
        self.get_json("/api/performance/summary/", &query.to_query()).await
    }

    /// Raw performance data by signature hash (`signature_id`, `push_id`, `job_id`, `interval`…).
    pub async fn performance_data(&self, project: &str, query: &Query) -> Result<BTreeMap<String, Vec<PerformanceDatum>>, Error> {
        self.get_json(&format!("/api/project/{}/performance/data/", encode_segment(project)), query).await
    }

    /// One page of alert summaries (`framework`, `repository` id, `alerts__series_signature`,
    /// `status`, `limit`, `page`…).
    ///
    /// ```no_run
    /// # async fn demo(client: treeherder_client::TreeherderClient) -> Result<(), treeherder_client::Error> {
    /// use treeherder_client::Query;
    /// let page = client.alert_summaries(&Query::new().with("alerts__series_signature", 1)).await?;
    /// for summary in &page.results {
    ///     println!("push {}: {}", summary.push_id, summary.status_name());
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn alert_summaries(&self, query: &Query) -> Result<Page<AlertSummary>, Error> {
        self.get_json("/api/performance/alertsummary/", query).await
    }

    /// One alert summary.
    pub async fn alert_summary(&self, id: i64) -> Result<AlertSummary, Error> {
        self.get_json(&format!("/api/performance/alertsummary/{id}/"), &Query::new()).await
    }

    /// One page of alerts (cursor pagination: pass `next`'s `cursor`).
    pub async fn alerts(&self, query: &Query) -> Result<Page<Alert>, Error> {
        self.get_json("/api/performance/alert/", query).await
    }
}
