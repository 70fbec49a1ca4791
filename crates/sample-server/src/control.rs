//! `/__sample/…`: controls for tests and demos (not part of Treeherder's API): add a push as if
//! it had just landed, change a job's state, restore the recording.

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::post;
use axum::Router;
use serde_json::json;

use crate::api::error::{ok, ApiError, ApiResult};
use crate::api::params::{parse_python_int, Params};
use crate::api::Shared;
use crate::clock::iso;
use crate::synthetic::Generator;

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/__sample/reset", post(reset))
        .route("/__sample/pushes", post(add_push))
        .route("/__sample/jobs/{id}", post(update_job))
        .route("/__sample/faults", post(crate::faults::add).delete(crate::faults::clear))
}

async fn reset(State(app): State<Shared>) -> ApiResult {
    *app.store_mut() = (*app.pristine).clone();
    ok(json!({ "reset": true }))
}

/// `POST /__sample/pushes?repo=autoland&jobs=20`: a push landing now, its jobs in progress.
async fn add_push(State(app): State<Shared>, RawQuery(q): RawQuery) -> ApiResult {
    let params = Params::parse(q.as_deref());
    let repo = params.get("repo").unwrap_or("autoland").to_string();
    let jobs = params.get("jobs").map_or(Some(20), parse_python_int).filter(|n| (0..=100_000).contains(n));
    let jobs = jobs.ok_or_else(|| ApiError::bad_request("jobs must be an integer from 0 to 100000"))?;
    let commits = params.get("commits").map_or(Some(2), parse_python_int).filter(|n| (1..=1000).contains(n));
    let commits = commits.ok_or_else(|| ApiError::bad_request("commits must be an integer from 1 to 1000"))?;
    let now = app.clock.now();
    let mut store = app.store_mut();
    if !store.repository_exists(&repo) {
        return Err(ApiError::no_project(&repo));
    }
    let seed = store.next_push_id() as u64;
    let mut generator = Generator::new(&store, seed);
    let push_id = generator.add_push_with_commits(&mut store, &repo, jobs as usize, commits as usize, now as i64, now, true);
    let push = store.pushes.get(&push_id).map(|p| p.to_json()).unwrap_or_default();
    Ok((StatusCode::CREATED, axum::Json(push)).into_response())
}

/// `POST /__sample/jobs/{id}?state=completed&result=testfailed`: a job changes, as the
/// ingestion pipeline would change it; `last_modified` moves to now.
async fn update_job(State(app): State<Shared>, Path(id): Path<String>, RawQuery(q): RawQuery) -> ApiResult {
    let id = crate::api::parse_id(&id, "job")?;
    let params = Params::parse(q.as_deref());
    let now = app.clock.now();
    let mut store = app.store_mut();
    let heap_rank = store.next_heap_rank();
    let job = store.jobs.get_mut(&id).ok_or_else(|| ApiError::not_found(format!("No job with id: {id}")))?;
    if let Some(state) = params.get("state") {
        if !["pending", "running", "completed"].contains(&state) {
            return Err(ApiError::bad_request("state must be pending, running or completed"));
        }
        job.state = state.to_string();
        if state == "running" && job.start_timestamp == 0 {
            job.start_timestamp = now as i64;
        }
        if state == "completed" && job.end_timestamp == 0 {
            job.end_timestamp = now as i64;
            if job.start_timestamp == 0 {
                job.start_timestamp = now as i64 - 60;
            }
        }
        job.recorded_duration = None;
    }
    if let Some(result) = params.get("result") {
        job.result = result.to_string();
    }
    if let Some(fc) = params.get("failure_classification_id") {
        job.failure_classification_id =
            parse_python_int(fc).ok_or_else(|| ApiError::bad_request("failure_classification_id must be an integer"))?;
    }
    job.last_modified = iso(now);
    job.last_modified_secs = now;
    job.heap_rank = heap_rank;
    ok(serde_json::to_value(&*job).unwrap_or_default())
}
