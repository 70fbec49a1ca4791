//! Every parser of the app's URL: the jobs view's parameters (Treeherder's own), the graphs
//! view's, the explorer's fragment, `?server=`, and the link filter. Input: a query string,
//! optionally `#fragment`, decoded as a browser's URLSearchParams would.
//! Properties: no panic; writing the parsed state back and parsing it again changes nothing;
//! a link the filter lets through is http(s).
#![no_main]

use libfuzzer_sys::fuzz_target;
use treeherder_explorer::explorer::target;
use treeherder_explorer::hallway::links::safe_href;
use treeherder_explorer::jobs::url_state::{parse_task_run, JobsParams};
use treeherder_explorer::perf::url_state::GraphsParams;

fuzz_target!(|data: &[u8]| {
    let (query, hash) = match data.iter().position(|b| *b == b'#') {
        Some(i) => (&data[..i], &data[i..]),
        None => (data, &[][..]),
    };
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query).into_owned().collect();

    let jobs = JobsParams::parse(&pairs);
    let rewritten = JobsParams::with_filter(&pairs, &jobs.filter);
    assert_eq!(JobsParams::parse(&rewritten).filter, jobs.filter, "the jobs filter survives a round trip");

    let graphs = GraphsParams::parse(&pairs);
    let once = GraphsParams::parse(&graphs.to_pairs(&[]));
    let twice = GraphsParams::parse(&once.to_pairs(&[]));
    assert_eq!(format!("{once:?}"), format!("{twice:?}"), "the graphs state is stable once written");

    let _ = target::parse(&String::from_utf8_lossy(hash));
    for (key, value) in &pairs {
        if key == "selectedTaskRun" {
            let _ = parse_task_run(value);
        }
        if key == "server" {
            let _ = treeherder_client::ServerUrl::parse(value);
        }
        if let Some(href) = safe_href(value) {
            let lower = href.to_ascii_lowercase();
            assert!(lower.starts_with("https://") || lower.starts_with("http://"), "unsafe link let through: {href:?}");
        }
    }
});
