//! The explorer's logic in the browser: schema flattening, search, deep-link fragments, safe
//! Markdown, cyclic schemas and the copied snippets.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::prelude::*;
use treeherder_explorer::explorer::markdown::{parse, safe_link, Markdown, Md, MdTag};
use treeherder_explorer::explorer::schema_tree::SchemaTree;
use treeherder_explorer::explorer::snippets::{curl, python, rust, shell_quote, Prepared};
use treeherder_explorer::explorer::spec::{Source, Spec};
use treeherder_explorer::explorer::target::{operation_href, parse as parse_target, tag_href, Target};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const RECORDED: &str = include_str!("../fixtures/treeherder-sample/openapi.json");

fn recorded() -> Spec {
    Spec::parse(RECORDED.to_string(), Source::Live).expect("the recorded schema parses")
}

fn host() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

#[wasm_bindgen_test]
fn the_recorded_schema_flattens_to_88_operations_plus_hawk_submission() {
    let spec = recorded();
    assert_eq!(spec.operations.len(), 89);
    assert_eq!(spec.operations.iter().filter(|o| !o.extra).count(), 88);
    assert_eq!(spec.tags.len(), 22);
    assert_eq!(spec.tags.last().map(String::as_str), Some("hawk (legacy)"));
    let push = spec.op("project_push_retrieve").expect("push list");
    assert_eq!((push.method.as_str(), push.path.as_str()), ("GET", "/api/project/{project}/push/"));
    assert!(push.params.iter().any(|p| p.name == "project" && p.location == "path" && p.required));
    // The parameters the server reads but the schema omits are there, marked.
    let count = push.params.iter().find(|p| p.name == "count").expect("count");
    assert!(count.undocumented && !count.required);
    let jobs = spec.op("jobs_list").expect("jobs list");
    assert_eq!(jobs.params.len(), 67);
    assert!(jobs.params.iter().all(|p| !p.undocumented));
    assert!(spec.op("project_jobs_submit_hawk").is_some_and(|o| o.hawk && o.needs_auth && o.extra));
    assert!(spec.op("performance_alert_partial_update").is_some_and(|o| o.needs_auth && !o.hawk));
    assert!(push.security.contains(&"None".to_string()));
}

#[wasm_bindgen_test]
fn search_words_all_match_with_a_reason_when_the_path_does_not_show_it() {
    let spec = recorded();
    let words = |q: &str| q.split_whitespace().map(|w| w.to_lowercase()).collect::<Vec<_>>();
    let found: Vec<&str> = spec.operations.iter().filter(|o| o.matches(&words("signature"))).map(|o| o.id.as_str()).collect();
    assert!(found.contains(&"performance_alertsummary_list"), "{found:?}");
    assert!(found.contains(&"project_performance_data_retrieve"));
    let alerts = spec.op("performance_alertsummary_list").unwrap();
    assert_eq!(alerts.match_hint(&words("signature")).as_deref(), Some("parameter alerts__series_signature"));
    let signatures = spec.op("project_performance_signatures_retrieve").unwrap();
    assert_eq!(signatures.match_hint(&words("signature")), None, "the path shows it");
    // Every word must match.
    assert!(spec.op("project_push_retrieve").unwrap().matches(&words("push revision")));
    assert!(!spec.op("project_push_retrieve").unwrap().matches(&words("push signature")));
    assert!(spec.operations.iter().all(|o| o.matches(&[])));
}

#[wasm_bindgen_test]
fn fragments_in_redoc_and_swagger_forms() {
    assert_eq!(parse_target(""), Target::Overview);
    assert_eq!(parse_target("#operation/project_push_retrieve"), Target::Operation("project_push_retrieve".into()));
    assert_eq!(parse_target("#tag/performance"), Target::Tag("performance".into()));
    assert_eq!(parse_target("#tag/project/operation/project_push_retrieve"), Target::Operation("project_push_retrieve".into()));
    assert_eq!(parse_target("#/project/project_push_retrieve"), Target::Operation("project_push_retrieve".into()));
    assert_eq!(parse_target("#section/Authentication"), Target::Unknown("section/Authentication".into()));
    assert_eq!(parse_target("#operation/"), Target::Unknown("operation/".into()));
    for tag in ["performance", "hawk (legacy)", "a/b#c"] {
        assert_eq!(parse_target(&tag_href(tag)), Target::Tag(tag.into()));
    }
    assert_eq!(parse_target(&operation_href("x_y")), Target::Operation("x_y".into()));
}

fn links(nodes: &[Md], out: &mut Vec<Option<String>>) {
    for n in nodes {
        if let Md::Element(tag, children) = n {
            if let MdTag::Link(href, _) = tag {
                out.push(href.clone());
            }
            links(children, out);
        }
    }
}

#[wasm_bindgen_test]
fn markdown_keeps_only_http_links_and_never_parses_html() {
    for bad in [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "//evil.example",
        "/relative",
    ] {
        assert_eq!(safe_link(bad), None, "{bad:?}");
    }
    assert_eq!(safe_link("https://example.org/a?b=c").as_deref(), Some("https://example.org/a?b=c"));
    assert_eq!(safe_link("#operation/x").as_deref(), Some("#operation/x"));
    let nodes = parse("[a](javascript:alert(1)) [b](https://ok.example/) <script>alert(1)</script> <b onclick=x>hi</b>");
    let mut found = Vec::new();
    links(&nodes, &mut found);
    assert_eq!(found, vec![None, Some("https://ok.example/".to_string())]);

    let el = host();
    let text = "Hello <script>window.__md = 1</script> **x** <img src=y onerror=\"window.__md = 2\"> [z](javascript:window.__md=3)";
    let _mount = mount_to(el.clone(), move || view! { <Markdown text=text/> });
    assert_eq!(el.query_selector_all("script, img").unwrap().length(), 0);
    assert_eq!(el.query_selector_all("a").unwrap().length(), 0);
    assert!(el.text_content().unwrap().contains("<script>window.__md = 1</script>"));
    assert_eq!(el.query_selector("strong").unwrap().unwrap().text_content().as_deref(), Some("x"));
}

#[wasm_bindgen_test]
fn a_schema_that_contains_itself_renders_with_the_cycle_cut() {
    let raw = r##"{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{},
        "components":{"schemas":{"Node":{"type":"object","properties":{
            "name":{"type":"string"},"children":{"type":"array","items":{"$ref":"#/components/schemas/Node"}}}}}}}"##;
    let spec = Arc::new(Spec::parse(raw.to_string(), Source::Live).unwrap());
    let schema = serde_json::json!({ "$ref": "#/components/schemas/Node" });
    let el = host();
    let _mount = mount_to(el.clone(), move || view! { <SchemaTree schema api=spec.clone()/> });
    let text = el.text_content().unwrap();
    assert!(text.contains("children"), "{text}");
    assert!(text.contains("Node (circular)"), "{text}");
}

#[wasm_bindgen_test]
fn snippets_quote_everything_and_never_hold_the_secret() {
    assert_eq!(shell_quote("it's $HOME `x`"), r#"'it'"'"'s $HOME `x`'"#);
    let request = Prepared {
        method: "GET".into(),
        server: "https://treeherder.mozilla.org".into(),
        path: "/api/project/autoland/push/".into(),
        query: vec![("count".into(), "3".into()), ("author".into(), "a b&c'd".into())],
        ..Default::default()
    };
    let line = curl(&request);
    assert!(line.contains("'https://treeherder.mozilla.org/api/project/autoland/push/?count=3&author=a+b%26c%27d'"), "{line}");
    assert!(line.contains("User-Agent: treeherder-explorer/"), "Treeherder refuses default agents");
    let py = python(&request);
    assert!(py.contains("(\"author\", \"a b&c'd\")"), "{py}");
    assert!(rust(&request).contains(".with(\"count\", \"3\")"));

    let signed = Prepared {
        method: "POST".into(),
        body: Some("[{\"a\": \"it's\"}]".into()),
        authorization: Some("Hawk id=\"me\", ts=\"1\", nonce=\"n\", mac=\"m\"".into()),
        client_id: Some("me".into()),
        ..request
    };
    let line = curl(&signed);
    assert!(line.contains("-H 'Authorization: Hawk id=\"me\""), "{line}");
    assert!(line.contains(r#"--data-raw '[{"a": "it'"'"'s"}]'"#), "{line}");
    assert!(python(&signed).contains("HawkAuth(id=\"me\", key=os.environ[\"TREEHERDER_SECRET\"])"));
    assert!(rust(&signed).contains("std::env::var(\"TREEHERDER_SECRET\")"));
}
