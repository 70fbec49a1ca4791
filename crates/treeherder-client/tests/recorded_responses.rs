//! Every recorded Treeherder response decodes into its typed model, fetched through the typed
//! call that asks for it (a replay transport answers with the recording, so the URLs the client
//! builds are checked too); every recorded 400 becomes the typed error with its detail.
#![cfg(not(target_arch = "wasm32"))]

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Read;

use serde_json::Value;
use treeherder_client::{
    Error, HttpRequest, HttpResponse, PushFilter, Query, ServerUrl, SignatureQuery, SummaryQuery, Transport, TransportError,
    TreeherderClient,
};

struct Recorded {
    url: String,
    status: u16,
    body: Value,
}

fn load(name: &str) -> Vec<Recorded> {
    let path = format!("{}/../../fixtures/treeherder-sample/{name}.jsonl.gz", env!("CARGO_MANIFEST_DIR"));
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(&path).expect("fixture")).read_to_string(&mut text).unwrap();
    text.lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            Recorded { url: v["url"].as_str().unwrap().to_string(), status: v["status"].as_u64().unwrap() as u16, body: v["body"].clone() }
        })
        .collect()
}

/// Path and sorted query; `full=true`, which Treeherder ignores ("it doesn't break anything to
/// send extra data"), is left out.
fn canonical(url: &str) -> String {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let mut pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes()).into_owned().filter(|(k, _)| k != "full").collect();
    pairs.sort();
    format!("{path}?{}", pairs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&"))
}

/// Answers from the recording; records what was asked.
struct Replay {
    answers: HashMap<String, (u16, Vec<u8>)>,
    asked: RefCell<Vec<String>>,
}

impl Transport for Replay {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let path_and_query = request.url.trim_start_matches("http://127.0.0.1:8000");
        let key = canonical(path_and_query);
        self.asked.borrow_mut().push(key.clone());
        let (status, body) = self
            .answers
            .get(&key)
            .cloned()
            .ok_or_else(|| TransportError::Network(format!("the client asked for {path_and_query}, which was not recorded")))?;
        Ok(HttpResponse { status, headers: vec![("Content-Type".into(), "application/json".into())], body })
    }
    fn can_set_user_agent(&self) -> bool {
        true
    }
}

fn client(entries: &[Recorded]) -> TreeherderClient<Replay> {
    let mut answers: HashMap<String, (u16, Vec<u8>)> =
        entries.iter().map(|e| (canonical(&e.url), (e.status, serde_json::to_vec(&e.body).unwrap()))).collect();
    // The project jobs list without `count` is the same as with the server's default, 10.
    for e in entries.iter().filter(|e| e.url.contains("/jobs/?") && !e.url.contains("count=") && !e.url.starts_with("/api/jobs/")) {
        answers.insert(canonical(&format!("{}&count=10", e.url)), (e.status, serde_json::to_vec(&e.body).unwrap()));
    }
    TreeherderClient::with_transport(ServerUrl::parse("http://127.0.0.1:8000").unwrap(), Replay { answers, asked: RefCell::new(vec![]) })
}

fn query_of(url: &str) -> Query {
    Query::parse(url.split_once('?').map(|(_, q)| q).unwrap_or(""))
}

fn segs(url: &str) -> Vec<&str> {
    url.split('?').next().unwrap().split('/').filter(|s| !s.is_empty()).collect()
}

fn len(v: &Value) -> usize {
    v.as_array().map(Vec::len).or_else(|| v.as_object().map(|o| o.len())).unwrap_or(0)
}

/// Fetches `entry` through the typed call for its endpoint and checks what came back.
async fn fetch_typed(c: &TreeherderClient<Replay>, e: &Recorded) -> Result<(), String> {
    let q = query_of(&e.url);
    let int = |s: &str| s.parse::<i64>().unwrap();
    let check =
        |what: &str, got: usize, want: usize| if got == want { Ok(()) } else { Err(format!("{what}: decoded {got}, recorded {want}")) };
    let err = |e: Error| e.to_string();
    match segs(&e.url).as_slice() {
        ["api", "repository"] => check("repositories", c.repositories().await.map_err(err)?.len(), len(&e.body)),
        ["api", "failureclassification"] => check("classifications", c.failure_classifications().await.map_err(err)?.len(), len(&e.body)),
        ["api", "optioncollectionhash"] => check("options", c.option_collection_hash().await.map_err(err)?.len(), len(&e.body)),
        ["api", "machineplatforms"] => check("platforms", c.machine_platforms().await.map_err(err)?.len(), len(&e.body)),
        ["api", "performance", "framework"] => check("frameworks", c.performance_frameworks().await.map_err(err)?.len(), len(&e.body)),
        ["api", "performance", "tag"] => check("tags", c.performance_tags().await.map_err(err)?.len(), len(&e.body)),
        ["api", "performance", "issue-tracker"] => check("trackers", c.issue_trackers().await.map_err(err)?.len(), len(&e.body)),
        ["api", "schema"] => {
            let schema = c.schema().await.map_err(err)?;
            check("paths", schema["paths"].as_object().map_or(0, |p| p.len()), len(&e.body["paths"]))
        }
        ["api", "project", repo, "push"] => {
            let mut filter = PushFilter::new();
            filter.count = q.get("count").map(|n| n.parse().unwrap());
            filter.revision = q.get("revision").map(str::to_string);
            let list = c.pushes(repo, &filter).await.map_err(err)?;
            check("pushes", list.results.len(), len(&e.body["results"]))
        }
        ["api", "project", repo, "push", id] => {
            let push = c.push(repo, int(id)).await.map_err(err)?;
            check("push id", push.id as usize, e.body["id"].as_i64().unwrap() as usize)
        }
        ["api", "project", repo, "push", id, "status"] => {
            let status = c.push_status(repo, int(id)).await.map_err(err)?;
            check("status keys", status.0.len(), len(&e.body))
        }
        ["api", "jobs"] => {
            let page = c.jobs_page(&q).await.map_err(err)?;
            check("jobs", page.jobs.len(), len(&e.body["results"]))?;
            let first_id = e.body["results"][0][1].as_i64();
            check("first id", page.jobs.first().map(|j| j.id).unwrap_or(0) as usize, first_id.unwrap_or(0) as usize)
        }
        ["api", "project", repo, "jobs"] => {
            let mut filters = q.clone();
            let count = filters.get("count").map(|c| c.parse().unwrap());
            filters = filters.pairs().iter().filter(|(k, _)| k != "count").cloned().collect();
            let jobs = c.project_jobs(repo, &filters, count.or(Some(10))).await.map_err(err)?;
            check("project jobs", jobs.len(), len(&e.body["results"]))
        }
        ["api", "project", repo, "jobs", id] => {
            let job = c.job(repo, int(id)).await.map_err(err)?;
            check("logs", job.logs.len(), len(&e.body["logs"]))
        }
        ["api", "project", repo, "jobs", id, "text_log_errors"] => {
            check("errors", c.text_log_errors(repo, int(id)).await.map_err(err)?.len(), len(&e.body))
        }
        ["api", "project", repo, "jobs", id, "bug_suggestions"] => {
            check("suggestions", c.bug_suggestions(repo, int(id)).await.map_err(err)?.len(), len(&e.body))
        }
        ["api", "project", repo, "jobs", id, "similar_jobs"] => {
            let count = q.get("count").map_or(50, |n| n.parse().unwrap());
            check("similar", c.similar_jobs(repo, int(id), 0, count).await.map_err(err)?.len(), len(&e.body["results"]))
        }
        ["api", "project", repo, "job-log-url"] => {
            let ids: Vec<i64> = q.pairs().iter().map(|(_, v)| int(v)).collect();
            check("logs", c.job_log_urls(repo, &ids).await.map_err(err)?.len(), len(&e.body))
        }
        ["api", "project", repo, "note"] => {
            check("notes", c.job_notes(repo, int(q.get("job_id").unwrap())).await.map_err(err)?.len(), len(&e.body))
        }
        ["api", "project", repo, "bug-job-map"] => {
            check("bugs", c.bug_job_map(repo, &[int(q.get("job_id").unwrap())]).await.map_err(err)?.len(), len(&e.body))
        }
        ["api", "taskclustermetadata"] => {
            let ids: Vec<i64> = q.get("job_ids").unwrap().split(',').map(int).collect();
            check("metadata", c.taskcluster_metadata(&ids).await.map_err(err)?.len(), len(&e.body))
        }
        ["api", "project", repo, "performance", "signatures"] => {
            let sq = SignatureQuery {
                framework: q.get("framework").map(int),
                interval: q.get("interval").map(int),
                ..SignatureQuery::default()
            };
            check("signatures", c.performance_signatures(repo, &sq).await.map_err(err)?.len(), len(&e.body))
        }
        ["api", "project", repo, "performance", "platforms"] => {
            let got = c.performance_platforms(repo, q.get("framework").map(int), q.get("interval").map(int)).await.map_err(err)?;
            check("platforms", got.len(), len(&e.body))
        }
        ["api", "project", repo, "performance", "data"] => {
            check("series", c.performance_data(repo, &q).await.map_err(err)?.len(), len(&e.body))
        }
        ["api", "performance", "summary"] => {
            let sq = SummaryQuery {
                repository: q.get("repository").unwrap().to_string(),
                signature: q.get("signature").map(str::to_string),
                framework: q.get("framework").map(int),
                interval: q.get("interval").map(int),
                all_data: q.get("all_data") == Some("true"),
                replicates: q.get("replicates") == Some("true"),
                no_subtests: q.get("no_subtests") == Some("true"),
                ..SummaryQuery::default()
            };
            if q.get("replicates").is_none() {
                // Recorded without the replicates parameter, which our calls always send.
                return Ok(());
            }
            let series = c.performance_summary(&sq).await.map_err(err)?;
            check("series", series.len(), len(&e.body))?;
            check("points", series[0].data.len(), len(&e.body[0]["data"]))
        }
        ["api", "performance", "alertsummary"] => {
            check("summaries", c.alert_summaries(&q).await.map_err(err)?.results.len(), len(&e.body["results"]))
        }
        ["api", "performance", "alertsummary", id] => {
            check("alerts", c.alert_summary(int(id)).await.map_err(err)?.alerts.len(), len(&e.body["alerts"]))
        }
        ["api", "performance", "alert"] => check("alerts", c.alerts(&q).await.map_err(err)?.results.len(), len(&e.body["results"])),
        _ => Err(format!("no typed call for {}", e.url)),
    }
}

async fn decode_all(name: &str, skip: &[&str]) -> (usize, usize) {
    let entries = load(name);
    let c = client(&entries);
    let mut failures = Vec::new();
    let (mut ok, mut errors) = (0, 0);
    for e in &entries {
        if skip.iter().any(|s| e.url.starts_with(s)) {
            continue;
        }
        if e.status == 200 {
            match fetch_typed(&c, e).await {
                Ok(()) => ok += 1,
                Err(why) => failures.push(format!("{}: {why}", e.url)),
            }
        } else {
            // Every recorded error answer becomes the typed error, carrying the server's message.
            let path = e.url.split('?').next().unwrap();
            match c.get_json::<Value>(path, &query_of(&e.url)).await {
                Ok(_) => failures.push(format!("{}: an error answer decoded as success", e.url)),
                Err(error) => {
                    let recorded = e.body.get("detail").or(e.body.get("message")).and_then(Value::as_str).unwrap();
                    if error.status() != Some(e.status) || error.detail() != Some(recorded) {
                        failures.push(format!("{}: {error}", e.url));
                    } else {
                        errors += 1;
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} failed:\n{}", failures.len(), entries.len(), failures.join("\n"));
    (ok, errors)
}

#[tokio::test]
async fn every_recorded_200_decodes_and_every_400_is_a_typed_error() {
    let (ok, errors) = decode_all("snapshot", &[]).await;
    assert_eq!((ok, errors), (1615 - 196, 196));
}

#[tokio::test]
async fn the_hand_picked_responses_decode_too() {
    // perfcompare and push health are not used by the app, so the client has no model for them.
    let (ok, _) = decode_all("responses", &["/api/perfcompare/", "/api/project/autoland/push/health_summary/"]).await;
    assert!(ok >= 40, "{ok}");
}

#[tokio::test]
async fn performance_job_data_without_data_is_empty_not_an_error() {
    let entries = load("snapshot");
    let c = client(&entries);
    assert_eq!(c.performance_job_data("autoland", 3205).await.unwrap(), Vec::<Value>::new());
}

#[tokio::test]
async fn decode_errors_name_the_url_and_the_json_path() {
    let entries = vec![Recorded {
        url: "/api/project/autoland/push/?count=2".into(),
        status: 200,
        body: serde_json::json!({"meta": {}, "results": [{"id": 1, "revision": "a", "author": "b", "push_timestamp": 1}, {"id": "two"}]}),
    }];
    let error = client(&entries).pushes("autoland", &PushFilter::new().count(2)).await.unwrap_err();
    let text = error.to_string();
    assert!(text.contains("http://127.0.0.1:8000/api/project/autoland/push/?count=2"), "{text}");
    assert!(text.contains("at `results[1].id`"), "{text}");
}
