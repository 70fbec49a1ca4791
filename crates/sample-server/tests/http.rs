//! Over a real socket: CORS, User-Agent policy, versions, and serving the app.

use sample_server::{Options, SampleServer, BLOCKED_USER_AGENTS};

async fn client_get(url: &str, agent: &str) -> reqwest::Response {
    reqwest::Client::new().get(url).header("User-Agent", agent).send().await.expect("request")
}

#[tokio::test]
async fn default_scripting_user_agents_get_403_with_a_reason() {
    let server = SampleServer::start(Options::default()).await.unwrap();
    let url = format!("{}/api/repository/", server.url());
    for prefix in BLOCKED_USER_AGENTS {
        let response = client_get(&url, &format!("{prefix}2.31.0")).await;
        assert_eq!(response.status(), 403, "{prefix}");
        assert_eq!(response.headers()["access-control-allow-origin"], "*");
        let body: serde_json::Value = response.json().await.unwrap();
        assert!(body["detail"].as_str().unwrap().contains("User-Agent"), "{body}");
    }
    for agent in ["treeherder-explorer/0.1.0", "Mozilla/5.0 (X11; Linux x86_64)", "curl/8.5.0"] {
        assert_eq!(client_get(&url, agent).await.status(), 200, "{agent}");
    }
}

#[tokio::test]
async fn cors_allows_any_origin_and_answers_preflights() {
    let server = SampleServer::start(Options::default()).await.unwrap();
    let http = reqwest::Client::new();
    let response = http
        .request(reqwest::Method::OPTIONS, format!("{}/api/project/autoland/jobs/", server.url()))
        .header("Origin", "https://dashboard.example")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization, content-type")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let h = response.headers();
    assert_eq!(h["access-control-allow-origin"], "*");
    assert!(h["access-control-allow-headers"].to_str().unwrap().contains("authorization"));
    assert!(h["access-control-allow-methods"].to_str().unwrap().contains("POST"));
    let error = client_get(&format!("{}/api/project/nope/push/", server.url()), "t").await;
    assert_eq!((error.status().as_u16(), error.headers()["access-control-allow-origin"].to_str().unwrap()), (404, "*"));
}

#[tokio::test]
async fn unknown_api_versions_are_refused() {
    let server = SampleServer::start(Options::default()).await.unwrap();
    let response = reqwest::Client::new()
        .get(format!("{}/api/repository/", server.url()))
        .header("User-Agent", "t")
        .header("Accept", "application/json; version=9.9")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 406);
    let schema: serde_json::Value = reqwest::Client::new()
        .get(format!("{}/api/schema/?format=json", server.url()))
        .header("User-Agent", "t")
        .header("Accept", "application/json; version=1.1")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(schema["info"]["version"], "0.0.0 (1.1)");
    assert_eq!(schema["paths"].as_object().unwrap().len(), 72);
}

#[tokio::test]
async fn serves_the_app_with_spa_fallback_and_its_config() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), "<!doctype html><title>app</title>").unwrap();
    std::fs::write(dist.path().join("app-0123456789abcdef.js"), "console.log(1)").unwrap();
    std::fs::write(dist.path().join("config.json"), r#"{"server":"https://treeherder.mozilla.org","title":"CI"}"#).unwrap();
    let server = SampleServer::start(Options { dist: Some(dist.path().to_path_buf()), ..Options::default() }).await.unwrap();
    let base = server.url();
    let get = |path: &str| {
        let url = format!("{base}{path}");
        async move { client_get(&url, "t").await }
    };

    let deep = get("/jobs?repo=autoland").await;
    assert_eq!(deep.status(), 200);
    assert_eq!(deep.headers()["cache-control"], "no-cache");
    assert!(deep.text().await.unwrap().contains("<title>app</title>"));
    let asset = get("/app-0123456789abcdef.js").await;
    assert_eq!(asset.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert_eq!(get("/missing-0123456789abcdef.js").await.status(), 404, "a missing file is not the app");
    let config: serde_json::Value = get("/config.json").await.json().await.unwrap();
    assert_eq!(config, serde_json::json!({"server": "/", "title": "CI"}));
    assert_eq!(get("/../Cargo.toml").await.status(), 404);
}
