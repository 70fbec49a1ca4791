use std::collections::BTreeMap;

use crate::client::TreeherderClient;
use crate::error::Error;
use crate::models::{
    FailureClassification, IssueTracker, MachinePlatform, OptionCollection, PerformanceFramework, PerformanceTag, Repository,
};
use crate::query::Query;
use crate::transport::Transport;

impl<T: Transport> TreeherderClient<T> {
    /// Every repository the server follows (`GET /api/repository/`).
    ///
    /// ```no_run
    /// # async fn demo(client: treeherder_client::TreeherderClient) -> Result<(), treeherder_client::Error> {
    /// for repo in client.repositories().await? {
    ///     println!("{} ({})", repo.name, repo.group_name());
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn repositories(&self) -> Result<Vec<Repository>, Error> {
        self.get_json("/api/repository/", &Query::new()).await
    }

    /// Failure classifications (`/api/failureclassification/`).
    ///
    /// ```no_run
    /// # async fn demo(client: treeherder_client::TreeherderClient) -> Result<(), treeherder_client::Error> {
    /// let names = client.failure_classifications().await?;
    /// assert!(names.iter().any(|c| c.name == "intermittent"));
    /// # Ok(()) }
    /// ```
    pub async fn failure_classifications(&self) -> Result<Vec<FailureClassification>, Error> {
        self.get_json("/api/failureclassification/", &Query::new()).await
    }

    /// Option collection hash → option names, as thclient's `get_option_collection_hash`.
    ///
    /// ```no_run
    /// # async fn demo(client: treeherder_client::TreeherderClient) -> Result<(), treeherder_client::Error> {
    /// let options = client.option_collection_hash().await?;
    /// let opt = options.get("102210fe594ee9b33d82058545b1ed14f4c8206e"); // Some(["opt"])
    /// # Ok(()) }
    /// ```
    pub async fn option_collection_hash(&self) -> Result<BTreeMap<String, Vec<String>>, Error> {
        let list: Vec<OptionCollection> = self.get_json("/api/optioncollectionhash/", &Query::new()).await?;
        Ok(list.into_iter().map(|c| (c.option_collection_hash, c.options.into_iter().map(|o| o.name).collect())).collect())
    }

    /// Machine platforms (`/api/machineplatforms/`).
    pub async fn machine_platforms(&self) -> Result<Vec<MachinePlatform>, Error> {
        self.get_json("/api/machineplatforms/", &Query::new()).await
    }

    /// Performance frameworks (`/api/performance/framework/`): talos, awsy, browsertime…
    ///
    /// ```no_run
    /// # async fn demo(client: treeherder_client::TreeherderClient) -> Result<(), treeherder_client::Error> {
    /// let talos = client.performance_frameworks().await?.into_iter().find(|f| f.name == "talos");
    /// # Ok(()) }
    /// ```
    pub async fn performance_frameworks(&self) -> Result<Vec<PerformanceFramework>, Error> {
        self.get_json("/api/performance/framework/", &Query::new()).await
    }

    /// Performance tags (`/api/performance/tag/`).
    pub async fn performance_tags(&self) -> Result<Vec<PerformanceTag>, Error> {
        self.get_json("/api/performance/tag/", &Query::new()).await
    }

    /// Issue trackers alert bugs are filed in (`/api/performance/issue-tracker/`).
    pub async fn issue_trackers(&self) -> Result<Vec<IssueTracker>, Error> {
        self.get_json("/api/performance/issue-tracker/", &Query::new()).await
    }
}
