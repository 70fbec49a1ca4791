//! Treeherder's query semantics beyond the recorded URLs.

mod common;

use axum::http::StatusCode;
use common::Api;
use sample_server::Options;
use serde_json::Value;

fn ids(body: &Value) -> Vec<i64> {
    body["results"].as_array().unwrap().iter().map(|p| p["id"].as_i64().unwrap()).collect()
}

#[tokio::test]
async fn push_list_is_newest_first_and_counts() {
    let api = Api::new();
    let (status, body) = api.get("/api/project/autoland/push/").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ids(&body), (51..=60).rev().collect::<Vec<_>>(), "10 newest by default");
    assert_eq!(body["meta"]["count"], 10);
}

#[tokio::test]
async fn push_ranges_by_revision_author_date_and_id() {
    let api = Api::new();
    let (_, all) = api.get("/api/project/autoland/push/?count=1000").await;
    let pushes = all["results"].as_array().unwrap();
    let rev = |id: i64| pushes.iter().find(|p| p["id"] == id).unwrap()["revision"].as_str().unwrap().to_string();

    let (_, range) = api.get(&format!("/api/project/autoland/push/?fromchange={}&tochange={}&count=100", rev(40), rev(45))).await;
    assert_eq!(ids(&range), (40..=45).rev().collect::<Vec<_>>());
    assert!(range["meta"]["filter_params"]["push_timestamp__gte"].is_number());
    assert_eq!(range["meta"]["fromchange"], rev(40));

    let short = &rev(50)[..12];
    let (_, one) = api.get(&format!("/api/project/autoland/push/?revision={short}")).await;
    assert_eq!(ids(&one), vec![50]);
    assert_eq!(one["meta"]["filter_params"]["revisions_short_revision"], short);

    let author = pushes[0]["author"].as_str().unwrap();
    let (_, by) = api.get(&format!("/api/project/autoland/push/?author={author}&count=100")).await;
    assert!(!ids(&by).is_empty() && by["results"].as_array().unwrap().iter().all(|p| p["author"] == author));
    let (_, not_by) = api.get(&format!("/api/project/autoland/push/?author=-{author}&count=100")).await;
    assert_eq!(ids(&by).len() + ids(&not_by).len(), 60);

    let (_, day) = api.get("/api/project/autoland/push/?startdate=2026-11-27&enddate=2026-11-27&count=100").await;
    assert!(day["results"].as_array().unwrap().iter().all(|p| p["push_timestamp"].as_i64().unwrap() >= 1_795_737_600));
    assert!(!ids(&day).is_empty());

    let (_, some) = api.get("/api/project/autoland/push/?id__in=3,5,99").await;
    assert_eq!(ids(&some), vec![5, 3]);
    let (_, older) = api.get("/api/project/autoland/push/?id__lt=4&count=100").await;
    assert_eq!(ids(&older), vec![3, 2, 1]);
}

#[tokio::test]
async fn push_status_counts_unclassified_jobs_by_state_and_result() {
    let api = Api::new();
    let (_, status) = api.get("/api/project/autoland/push/60/status/").await;
    assert_eq!(status, serde_json::json!({"completed": 4, "pending": 21, "running": 25, "success": 4}));
}

#[tokio::test]
async fn jobs_paging_past_2000_rows_returns_every_row_once() {
    let api = Api::with(Options { synthetic: Some((1, 4500)), ..Options::default() });
    let push_id = *api.state.store().pushes.keys().next_back().unwrap();
    let mut url = format!("/api/jobs/?push_id={push_id}");
    let mut seen = Vec::new();
    let mut pages = 0;
    loop {
        let (status, body) = api.get(&url).await;
        assert_eq!(status, StatusCode::OK, "{url}: {body}");
        assert_eq!(body["count"], 4500);
        let names: Vec<&str> = body["job_property_names"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        let id_col = names.iter().position(|n| *n == "id").unwrap();
        seen.extend(body["results"].as_array().unwrap().iter().map(|r| r[id_col].as_i64().unwrap()));
        pages += 1;
        match body["next"].as_str() {
            Some(next) => url = next.trim_start_matches("http://127.0.0.1:8000").to_string(),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!((seen.len(), unique.len()), (4500, 4500));
    let (_, smaller) = api.get(&format!("/api/jobs/?push_id={push_id}&count=1000&page=2")).await;
    assert!(smaller["previous"].as_str().unwrap().ends_with(&format!("/api/jobs/?count=1000&push_id={push_id}")));
    assert!(smaller["next"].as_str().unwrap().ends_with(&format!("/api/jobs/?count=1000&page=3&push_id={push_id}")));
}

#[tokio::test]
async fn changed_jobs_are_found_by_last_modified_and_new_pushes_by_fromchange() {
    let api = Api::new();
    let (_, newest) = api.get("/api/project/autoland/push/?count=1").await;
    let newest_rev = newest["results"][0]["revision"].as_str().unwrap().to_string();

    let (status, added) = api.post("/__sample/pushes?repo=autoland&jobs=12").await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, polled) = api.get(&format!("/api/project/autoland/push/?fromchange={newest_rev}")).await;
    assert_eq!(ids(&polled), vec![added["id"].as_i64().unwrap(), 60], "the poll finds the new push");

    let (_, jobs) = api.get(&format!("/api/jobs/?push_id={}", added["id"])).await;
    assert_eq!(jobs["count"], 12);
    let job_id = jobs["results"][0][1].as_i64().unwrap();
    let since = sample_server::clock::iso(api.state.clock.now() - 1.0);
    api.post(&format!("/__sample/jobs/{job_id}?state=completed&result=testfailed")).await;
    let (_, changed) = api.get(&format!("/api/jobs/?push_id__in=59,60,{}&last_modified__gt={since}", added["id"])).await;
    let changed_ids: Vec<i64> = changed["results"].as_array().unwrap().iter().map(|r| r[1].as_i64().unwrap()).collect();
    assert_eq!(changed_ids, vec![job_id]);
    assert_eq!(changed["results"][0][10], "testfailed");

    api.post("/__sample/reset").await;
    assert_eq!(ids(&api.get("/api/project/autoland/push/?count=1").await.1), vec![60]);
}

#[tokio::test]
async fn performance_summary_follows_interval_and_signature() {
    let api = Api::new();
    let (_, one) = api.get("/api/performance/summary/?repository=autoland&signature=1&framework=1&interval=1209600&all_data=true").await;
    assert_eq!(one.as_array().unwrap().len(), 1);
    let points = one[0]["data"].as_array().unwrap().len();
    assert!(points > 250, "{points} points in two weeks");
    let (_, day) = api.get("/api/performance/summary/?repository=autoland&signature=1&framework=1&interval=86400&all_data=true").await;
    let recent = day[0]["data"].as_array().unwrap().len();
    assert!(recent > 0 && recent < points, "the last day has fewer points ({recent} of {points})");
    let (_, by_hash) = api.get("/api/performance/summary/?repository=autoland&signature=f44c0dcf3092736b730be79fcdd991cda3d0a62a&interval=1209600&all_data=true").await;
    assert_eq!(by_hash[0]["signature_id"], 1);
}

#[tokio::test]
async fn a_synthetic_series_has_every_point_in_time_order_with_a_regression_and_spikes() {
    let api = Api::with(Options { synthetic_series: Some(20_000), ..Options::default() });
    let (status, body) =
        api.get("/api/performance/summary/?repository=autoland&signature=100000&framework=1&interval=1209600&all_data=true").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let data = body[0]["data"].as_array().unwrap();
    assert_eq!(data.len(), 20_000);
    let times: Vec<&str> = data.iter().map(|d| d["push_timestamp"].as_str().unwrap()).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "time order");
    let values: Vec<f64> = data.iter().map(|d| d["value"].as_f64().unwrap()).collect();
    let mean = |s: &[f64]| s.iter().sum::<f64>() / s.len() as f64;
    assert!(mean(&values[10_000..]) > mean(&values[..10_000]) * 1.03, "a regression half-way");
    assert!(values.iter().any(|v| *v > 550.0), "spikes");
    assert!(data.iter().all(|d| d["job_id"].as_i64().unwrap() > 0 && d["revision"].as_str().unwrap().len() == 40));
    // Listed like any signature, so the picker offers it.
    let (_, listing) = api.get("/api/project/autoland/performance/signatures/?framework=1").await;
    assert_eq!(listing["100000"]["suite"], "synthetic");
}
