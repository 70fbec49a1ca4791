//! The REST API: routes, shared state and the helpers handlers share.

mod alerts;
pub mod error;
mod job_details;
mod job_filter;
mod jobs;
pub mod params;
mod performance;
pub mod pushes;
mod refdata;

pub use refdata::requested_version;

use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, Uri};
use axum::routing::get;
use axum::Router;

use crate::clock::Clock;
use crate::store::{canonical_url, Store};
use error::{ok, ApiError, ApiResult};

/// Everything handlers share.
pub struct AppState {
    store: RwLock<Store>,
    /// The store as loaded, for `/__sample/reset`.
    pub pristine: Arc<Store>,
    pub clock: Clock,
    pub faults: crate::faults::Faults,
    pub hawk: crate::submit::HawkKeys,
}

pub type Shared = Arc<AppState>;

impl AppState {
    pub fn new(store: Store, clock: Clock, hawk_clients: &[(String, String)]) -> Self {
        AppState {
            pristine: Arc::new(store.clone()),
            store: RwLock::new(store),
            clock,
            faults: Default::default(),
            hawk: crate::submit::HawkKeys::new(hawk_clients),
        }
    }

    /// Read access; a poisoned lock (a panicking writer) still holds consistent data here
    /// because writers only insert whole records.
    pub fn store(&self) -> RwLockReadGuard<'_, Store> {
        self.store.read().unwrap_or_else(|e| e.into_inner())
    }

    pub fn store_mut(&self) -> RwLockWriteGuard<'_, Store> {
        self.store.write().unwrap_or_else(|e| e.into_inner())
    }
}

/// An id from the URL path: Treeherder's routes accept any text there and then fail on it; we
/// answer 400 with the reason.
pub fn parse_id(raw: &str, what: &str) -> Result<i64, ApiError> {
    params::parse_python_int(raw)
        .filter(|n| *n >= 0)
        .ok_or_else(|| ApiError::bad_request(format!("Invalid {what} id: {raw:?} is not an integer")))
}

/// The absolute URL of the current request, for pagination links (DRF's
/// `build_absolute_uri`).
pub fn request_url(headers: &HeaderMap, path: &str, query: Option<&str>) -> String {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost");
    match query.filter(|q| !q.is_empty()) {
        Some(q) => format!("http://{host}{path}?{q}"),
        None => format!("http://{host}{path}"),
    }
}

/// Every `/api/` route of the sample server.
pub fn routes() -> Router<Shared> {
    use performance as perf;
    Router::new()
        .route("/api/repository/", get(refdata::repositories))
        .route("/api/repository/{id}/", get(refdata::repository))
        .route("/api/failureclassification/", get(refdata::failure_classifications))
        .route("/api/optioncollectionhash/", get(refdata::option_collection_hashes))
        .route("/api/machineplatforms/", get(refdata::machine_platforms))
        .route("/api/performance/framework/", get(refdata::frameworks))
        .route("/api/performance/tag/", get(refdata::performance_tags))
        .route("/api/performance/issue-tracker/", get(refdata::issue_trackers))
        .route("/api/schema/", get(refdata::schema))
        .route("/api/project/{project}/push/", get(pushes::list))
        .route("/api/project/{project}/push/decisiontask/", get(pushes::decision_task))
        .route("/api/project/{project}/push/health_summary/", get(pushes::health_summary))
        .route("/api/project/{project}/push/{id}/", get(pushes::retrieve))
        .route("/api/project/{project}/push/{id}/status/", get(pushes::status))
        .route("/api/jobs/", get(jobs::list))
        .route("/api/project/{project}/jobs/", get(jobs::project_list).post(crate::submit::post_jobs))
        .route("/api/project/{project}/jobs/{id}/", get(jobs::retrieve))
        .route("/api/project/{project}/jobs/{id}/similar_jobs/", get(jobs::similar_jobs))
        .route("/api/project/{project}/jobs/{id}/text_log_errors/", get(job_details::text_log_errors))
        .route("/api/project/{project}/jobs/{id}/bug_suggestions/", get(job_details::bug_suggestions))
        .route("/api/project/{project}/job-log-url/", get(job_details::job_log_urls))
        .route("/api/project/{project}/note/", get(job_details::notes))
        .route("/api/project/{project}/bug-job-map/", get(job_details::bug_job_map))
        .route("/api/project/{project}/performance/job-data/", get(job_details::performance_job_data))
        .route("/api/taskclustermetadata/", get(job_details::taskcluster_metadata))
        .route("/api/project/{project}/performance/signatures/", get(perf::signatures))
        .route("/api/project/{project}/performance/platforms/", get(perf::platforms))
        .route("/api/project/{project}/performance/data/", get(perf::data))
        .route("/api/performance/summary/", get(perf::summary))
        .route("/api/performance/alertsummary/", get(alerts::summaries))
        .route("/api/performance/alertsummary/{id}/", get(alerts::summary))
        .route("/api/performance/alert/", get(alerts::alerts))
        .route("/api/performance/alert/{id}/", get(alerts::alert))
        .route("/api/perfcompare/results/", get(recorded_only))
}

/// Endpoints served only as recorded (their computation is out of scope for a sample).
async fn recorded_only(State(app): State<Shared>, uri: Uri, RawQuery(q): RawQuery) -> ApiResult {
    let store = app.store();
    match store.recorded_only.get(&canonical_url(uri.path(), q.as_deref().unwrap_or(""))) {
        Some((200, body)) => ok(body.clone()),
        _ => Err(ApiError::not_found("This sample server only has the recorded perfcompare comparison")),
    }
}

/// Unknown `/api/` URLs: a 404 with DRF's `detail`.
pub async fn unknown_endpoint(uri: Uri) -> ApiError {
    if !uri.path().ends_with('/') && uri.path().starts_with("/api/") {
        // Django would redirect to the slashed URL (APPEND_SLASH) when that one exists.
        return ApiError::not_found(format!("Not found. Treeherder API URLs end with a slash: {}/", uri.path()));
    }
    ApiError::not_found("Not found.")
}
