//! Bad input gets Treeherder's status and error shape (`{"detail": …}` and friends), never a
//! panic or an HTML page.

mod common;

use axum::http::StatusCode;
use common::Api;
use serde_json::json;

#[tokio::test]
async fn unknown_repository_is_404_with_detail() {
    let api = Api::new();
    for url in [
        "/api/project/nope/push/",
        "/api/project/nope/jobs/",
        "/api/project/nope/performance/signatures/",
        "/api/project/nope/jobs/1/similar_jobs/",
    ] {
        let (status, body) = api.get(url).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{url}");
        assert_eq!(body, json!({"detail": "No project with name nope"}), "{url}");
    }
}

#[tokio::test]
async fn non_integer_ids_are_400_with_detail() {
    let api = Api::new();
    for (url, what) in [
        ("/api/project/autoland/jobs/abc/", "job"),
        ("/api/project/autoland/push/1.5/", "push"),
        ("/api/project/autoland/push/x/status/", "push"),
        ("/api/project/autoland/jobs/-1/text_log_errors/", "job"),
        ("/api/performance/alertsummary/three/", "alert summary"),
    ] {
        let (status, body) = api.get(url).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{url}");
        let detail = body["detail"].as_str().unwrap_or_default();
        assert!(detail.starts_with(&format!("Invalid {what} id")), "{url}: {body}");
    }
    let (status, body) = api.get("/api/project/autoland/job-log-url/?job_id=x").await;
    assert_eq!((status, body), (StatusCode::BAD_REQUEST, json!({"detail": "The job_id parameter must be an integer"})));
    let (status, body) = api.get("/api/project/autoland/note/").await;
    assert_eq!((status, body), (StatusCode::BAD_REQUEST, json!({"detail": "The job_id parameter is mandatory for this endpoint"})));
}

#[tokio::test]
async fn missing_objects_are_404_as_treeherder_words_them() {
    let api = Api::new();
    assert_eq!(api.get("/api/project/autoland/jobs/999999/").await, (StatusCode::NOT_FOUND, json!("No job with id: 999999")));
    assert_eq!(api.get("/api/project/autoland/push/999/").await, (StatusCode::NOT_FOUND, json!("No push with id: 999")));
    // A mozilla-central job is not an autoland job.
    assert_eq!(api.get("/api/project/autoland/jobs/4937/").await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn unknown_endpoints_are_404_with_detail() {
    let api = Api::new();
    assert_eq!(api.get("/api/nothing/here/").await, (StatusCode::NOT_FOUND, json!({"detail": "Not found."})));
    let (status, body) = api.get("/api/repository").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body["detail"].as_str().unwrap().contains("end with a slash"), "{body}");
}

#[tokio::test]
async fn malformed_parameters_are_400_with_the_servers_messages() {
    let api = Api::new();
    let cases = [
        ("/api/project/autoland/push/?count=lots", json!({"detail": "Valid count value required"})),
        ("/api/project/autoland/push/?count=1001", json!({"detail": "Specified count exceeds api limit: 1000"})),
        ("/api/project/autoland/push/?push_timestamp__gte=soon", json!({"detail": "Invalid timestamp specified for push_timestamp__gte"})),
        ("/api/project/autoland/push/?id__in=1,x", json!({"detail": "Invalid id__in specification"})),
        ("/api/jobs/?push_id=abc", json!({"push_id": ["Enter a number."]})),
        ("/api/jobs/?last_modified__gt=yesterday", json!({"last_modified__gt": ["Enter a valid date/time."]})),
        ("/api/project/autoland/jobs/?count=2001", json!({"detail": "Specified count exceeds API MAX_JOBS_COUNT value: 2000"})),
        ("/api/project/autoland/jobs/?offset=x", json!("Invalid value for offset or count")),
        (
            "/api/performance/summary/?repository=autoland",
            json!({"non_field_errors": ["Required: revision, startday and endday or interval."]}),
        ),
        ("/api/performance/summary/?interval=86400", json!({"repository": ["This field is required."]})),
        (
            "/api/performance/summary/?repository=nope&interval=x",
            json!({"repository": ["nope does not exist."], "interval": ["A valid integer is required."]}),
        ),
    ];
    for (url, expected) in cases {
        let (status, body) = api.get(url).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{url}: {body}");
        assert_eq!(body, expected, "{url}");
    }
    assert_eq!(api.get("/api/jobs/?push_id=1&page=9").await, (StatusCode::NOT_FOUND, json!({"detail": "Invalid page."})));
    assert_eq!(api.get("/api/jobs/?push_id=1&page=zero").await, (StatusCode::NOT_FOUND, json!({"detail": "Invalid page."})));
}

#[tokio::test]
async fn a_revision_that_does_not_exist_is_an_empty_list_or_a_404() {
    let api = Api::new();
    let (status, body) = api.get("/api/project/autoland/push/?revision=0123456789abcdef0123456789abcdef01234567").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["results"], json!([]));
    let (status, body) = api.get("/api/project/autoland/push/?fromchange=deadbeef").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body["detail"].as_str().unwrap().contains("No push with revision deadbeef"), "{body}");
}
