//! The API calls, one method per endpoint, grouped by area.

use crate::client::TreeherderClient;
use crate::error::Error;
use crate::models::Repository;
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
}
