//! Component and logic tests of the app, run in headless Chromium by wasm-bindgen-test.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use treeherder_client::models::Repository;
use treeherder_client::{Error, ErrorKind, ServerUrl};
use treeherder_explorer::hallway::server::{resolve, ServerSource};
use treeherder_explorer::shell::repo_picker::group_repositories;
use treeherder_explorer::widgets::ErrorBanner;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn host() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

#[wasm_bindgen_test]
fn server_precedence_is_url_then_saved_then_config_then_production() {
    let base = "http://127.0.0.1:8000/jobs";
    let all = resolve(Some("https://a.example/"), Some("https://b.example"), Some("https://c.example"), base);
    assert_eq!((all.url.as_str(), all.source), ("https://a.example", ServerSource::UrlParameter));
    let saved = resolve(None, Some("https://b.example"), Some("https://c.example"), base);
    assert_eq!((saved.url.as_str(), saved.source), ("https://b.example", ServerSource::Saved));
    let config = resolve(None, None, Some("/"), base);
    assert_eq!((config.url.as_str(), config.source), ("http://127.0.0.1:8000", ServerSource::Deployment));
    let none = resolve(None, None, None, base);
    assert_eq!((none.url.as_str(), none.source), ("https://treeherder.mozilla.org", ServerSource::Default));
    assert!(none.warning.is_none());
}

#[wasm_bindgen_test]
fn an_invalid_choice_is_skipped_with_a_warning() {
    let r = resolve(Some("javascript:alert(1)"), None, Some("https://c.example"), "http://x/");
    assert_eq!(r.url.as_str(), "https://c.example");
    let warning = r.warning.expect("a warning");
    assert!(warning.contains("server= parameter"), "{warning}");
}

fn repo(id: i64, name: &str, group: &str) -> Repository {
    serde_json::from_value(serde_json::json!({
        "id": id, "name": name, "repository_group": {"name": group, "description": ""}
    }))
    .unwrap()
}

#[wasm_bindgen_test]
fn repositories_are_grouped_with_favourites_first() {
    let repos = vec![repo(1, "mozilla-central", "development"), repo(4, "try", "try"), repo(77, "autoland", "development")];
    let groups = group_repositories(&repos, &["autoland".to_string(), "missing".to_string()]);
    let shape: Vec<(String, Vec<&str>)> = groups.iter().map(|(g, rs)| (g.clone(), rs.iter().map(|r| r.name.as_str()).collect())).collect();
    assert_eq!(
        shape,
        vec![
            ("Favourites".to_string(), vec!["autoland"]),
            ("development".to_string(), vec!["mozilla-central", "autoland"]),
            ("try".to_string(), vec!["try"]),
        ]
    );
}

#[wasm_bindgen_test]
async fn error_banner_shows_the_failure_as_text_and_retries() {
    let host = host();
    let retried = RwSignal::new(0);
    let error = Error::new(
        ErrorKind::Http { status: 404, detail: Some("<b>No project with name nope</b>".into()), body: String::new(), retry_after: None },
        "GET",
        "http://127.0.0.1:8000/api/project/nope/push/",
    );
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <ErrorBanner context="Loading pushes" error=error.clone() on_retry=Callback::new(move |_| retried.update(|n| *n += 1))/> }
    });
    leptos::task::tick().await;
    let banner = host.query_selector(".error-banner").unwrap().expect("banner");
    let text = banner.text_content().unwrap();
    assert!(text.contains("Loading pushes failed: Not found (404)"), "{text}");
    // The server's text is shown as text, never parsed as markup.
    assert!(text.contains("<b>No project with name nope</b>"), "{text}");
    assert!(host.query_selector(".error-banner b").unwrap().is_none());
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    let button: web_sys::HtmlElement = host.query_selector("button").unwrap().unwrap().unchecked_into();
    button.click();
    button.click();
    assert_eq!(retried.get_untracked(), 2);
}

#[wasm_bindgen_test]
fn app_links_keep_a_url_chosen_server() {
    use treeherder_explorer::hallway::links::app_href;
    use treeherder_explorer::hallway::server::ActiveServer;
    use treeherder_explorer::hallway::views::ViewId;
    let url = ServerUrl::parse("http://127.0.0.1:9000").unwrap();
    let from_url = ActiveServer { url: url.clone(), source: ServerSource::UrlParameter, warning: None };
    assert_eq!(app_href(ViewId::Docs, &[("repo", "try")], &from_url), "/docs?repo=try&server=http%3A%2F%2F127.0.0.1%3A9000");
    let saved = ActiveServer { url, source: ServerSource::Saved, warning: None };
    assert_eq!(app_href(ViewId::Docs, &[], &saved), "/docs");
}

#[wasm_bindgen_test]
fn a_malformed_config_is_reported() {
    let err = treeherder_explorer::hallway::config::parse("{\"server\": 5}").unwrap_err();
    assert!(err.starts_with("config.json is not valid"), "{err}");
    let ok = treeherder_explorer::hallway::config::parse("{\"repositories\": [\"try\"], \"extra\": 1}").unwrap();
    assert_eq!(ok.repositories, vec!["try".to_string()]);
}

/// Regression (fuzz target `url_params`): `tier=2,2&tier=1,2` parsed as tiers [2, 1], which the
/// URL writer, seeing the default set, left out, so the URL read back as [1, 2]. Set-valued
/// filters now come out in Treeherder's order whatever the URL's order.
#[wasm_bindgen_test]
fn set_valued_filters_are_in_canonical_order_and_round_trip() {
    use treeherder_explorer::jobs::url_state::JobsParams;
    let pairs: Vec<(String, String)> =
        form_urlencoded::parse(b"resultStatus=success,testfailed,testfailed&classifiedState=unclassified,classified&tier=2,2&tier=1,2")
            .into_owned()
            .collect();
    let parsed = JobsParams::parse(&pairs);
    assert_eq!(parsed.filter.tier, ["1", "2"]);
    assert_eq!(parsed.filter.result_status, ["testfailed", "success"]);
    assert_eq!(parsed.filter.classified_state, ["classified", "unclassified"]);
    let written = JobsParams::with_filter(&pairs, &parsed.filter);
    assert_eq!(JobsParams::parse(&written).filter, parsed.filter);
}

#[wasm_bindgen_test]
fn a_push_s_commits_are_drawn_inert_with_safe_links_only() {
    use treeherder_explorer::jobs::revisions::revisions_html;
    let push: treeherder_client::models::Push = serde_json::from_value(serde_json::json!({
        "id": 7, "revision": "abc", "author": "x", "push_timestamp": 0, "revision_count": 23,
        "revisions": [
            {"revision": "0123456789abcdef", "author": "Ada <b onmouseover=alert(1)> Lovelace <ada@example.com>",
             "comments": "Bug 1234 - <script>window.__pwned = 1</script> fix \"quotes\" & things\nsecond line"},
            {"revision": "\"><img src=x onerror=alert(1)>", "author": "", "comments": "no bug here"}
        ]
    }))
    .unwrap();
    let hg = repo(77, "autoland", "development");
    let hg = Repository { url: Some("https://hg.mozilla.org/integration/autoland".into()), ..hg };
    let evil = Repository { url: Some("javascript:alert(1)".into()), ..repo(78, "evil", "x") };

    let el = host();
    el.set_inner_html(&format!("<ul>{}</ul>", revisions_html(&push, Some(&hg))));
    assert_eq!(el.query_selector_all("script, img, b").unwrap().length(), 0, "{}", el.inner_html());
    let desc = el.query_selector(".revision .rev-desc").unwrap().unwrap();
    assert_eq!(desc.text_content().unwrap(), "Bug 1234 - <script>window.__pwned = 1</script> fix \"quotes\" & things");
    let bug = el.query_selector(".bug-link").unwrap().unwrap();
    assert_eq!(bug.get_attribute("href").as_deref(), Some("https://bugzilla.mozilla.org/show_bug.cgi?id=1234"));
    let sha = el.query_selector(".rev-sha").unwrap().unwrap();
    assert_eq!(sha.text_content().as_deref(), Some("0123456789ab"));
    assert_eq!(sha.get_attribute("href").as_deref(), Some("https://hg.mozilla.org/integration/autoland/rev/0123456789abcdef"));
    let second = el.query_selector_all(".revision").unwrap().item(1).unwrap().unchecked_into::<web_sys::Element>();
    assert_eq!(second.get_attribute("data-revision").as_deref(), Some("\"><img src=x onerror=alert(1)>"));
    let more = el.query_selector(".more-revisions a").unwrap().unwrap();
    assert_eq!(more.text_content().as_deref(), Some("\u{2026}and 21 more"));
    assert!(more
        .get_attribute("href")
        .is_some_and(|h| h.starts_with("https://hg.mozilla.org/integration/autoland/pushloghtml?changeset=")));

    // A repository URL that is not http(s) links nowhere; before repositories load, neither.
    for repo in [Some(&evil), None] {
        el.set_inner_html(&format!("<ul>{}</ul>", revisions_html(&push, repo)));
        assert_eq!(el.query_selector_all("a[href^='javascript'], a.rev-sha[href]").unwrap().length(), 0, "{}", el.inner_html());
        assert_eq!(el.query_selector_all(".revision").unwrap().length(), 2);
    }
}

#[wasm_bindgen_test]
fn every_route_of_the_view_list_resolves_to_its_view() {
    use treeherder_explorer::hallway::views::{view_at, VIEWS};
    for view in VIEWS {
        assert_eq!(view_at(view.path), Some(view.id), "{}", view.path);
        assert_eq!(view_at(&format!("{}/", view.path)), Some(view.id), "{}/", view.path);
        assert_eq!(view_at(&format!("{}/deeper", view.path)), Some(view.id), "{}/deeper", view.path);
        assert_eq!(view_at(&format!("{}x", view.path)), None, "{}x is another path", view.path);
    }
    assert_eq!(view_at("/"), None);
    assert_eq!(view_at("/nowhere"), None);
}
