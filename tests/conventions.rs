//! Treeherder's jobs-view conventions, rule by rule, each test named after its rule and citing
//! the Treeherder file that states it; then one table test that runs the app's grouping over
//! every platform of the map × options × tiers × group `?`/named × duplicates and checks it
//! against the rules restated here from Treeherder's code (not from recorded data).

use std::collections::HashMap;

use treeherder_client::conventions::{self, PLATFORMS};
use treeherder_client::models::Job;
use treeherder_explorer::jobs::model::{layout, JobEntry, JobFilter, Layout, Skeleton, Unfolding};
use treeherder_explorer::jobs::url_state::FilterParams;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn job(id: i64, platform: &str, option: &str, group: &str, symbol: &str, tier: i64, result: &str) -> Job {
    Job {
        id,
        push_id: 1,
        failure_classification_id: 1,
        job_group_name: if group == "?" { "unknown".into() } else { format!("group {group}") },
        job_group_symbol: group.into(),
        job_type_name: format!("{platform}/{option}-{group}-{symbol}"),
        job_type_symbol: symbol.into(),
        platform: platform.into(),
        result: result.into(),
        state: "completed".into(),
        tier,
        platform_option: option.into(),
        duration: Some(3),
        ..Job::default()
    }
}

fn every_tier() -> FilterParams {
    FilterParams { tier: vec!["1".into(), "2".into(), "3".into()], ..FilterParams::default() }
}

fn lay_out(jobs: Vec<Job>, show_duplicates: bool) -> Layout {
    let entries: Vec<JobEntry> = jobs.into_iter().map(JobEntry::new).collect();
    let skeleton = Skeleton::build(&entries);
    let unfold = Unfolding { all_expanded: false, expanded_groups: &[], show_duplicates, selected: None };
    layout(1, &entries, &skeleton, &JobFilter::new(&every_tier()), &unfold)
}

/// ui/helpers/constants.js `thPlatformMap`: every platform has its display name, an unknown one
/// shows as it is.
#[wasm_bindgen_test]
fn platform_names_are_thplatformmap_whole() {
    assert!(PLATFORMS.len() >= 250, "the whole map, not a part: {}", PLATFORMS.len());
    assert_eq!(conventions::platform_name("android-hw-a55-14-0-aarch64"), "Android 14.0 Galaxy A55 AArch64");
    assert_eq!(conventions::platform_name("windows11-64-24h2-shippable"), "Windows 11 24H2 Shippable");
    assert_eq!(conventions::platform_name("no-such-platform"), "no-such-platform");
    for (key, name) in PLATFORMS {
        assert_eq!(conventions::platform_name(key), *name);
    }
}

/// ui/job-view/pushes/Platform.jsx: the option leaves the title for simple platforms' `opt`
/// and for names holding Shippable, DevEdition, asan, tsan, ccov or nightlyasrelease.
#[wasm_bindgen_test]
fn row_titles_drop_the_option_where_the_name_says_the_build() {
    assert_eq!(conventions::row_title("Linux 18.04 Shippable", "opt"), "Linux 18.04 Shippable");
    assert_eq!(conventions::row_title("Linux asan", "asan"), "Linux asan");
    assert_eq!(conventions::row_title("Linux 18.04 CCov", "opt"), "Linux 18.04 CCov", "ccov in any case");
    assert_eq!(conventions::row_title("Linux 18.04 DevEdition", "debug"), "Linux 18.04 DevEdition");
    assert_eq!(conventions::row_title("Linux 18.04", "debug"), "Linux 18.04 debug");
    assert_eq!(conventions::row_title("fennec-beta", "opt"), "fennec-beta", "a simple platform's opt");
    assert_eq!(conventions::row_title("fennec-beta", "debug"), "fennec-beta debug");
    // The simple list is compared with display names: a mapped one keeps its option.
    assert_eq!(conventions::row_title("Linting", "opt"), "Linting opt");
}

/// ui/job-view/pushes/Push.jsx `groupJobByPlatform`: one row per display name and option, even
/// where two rows end up with one title (a Shippable platform's opt and debug).
#[wasm_bindgen_test]
fn rows_are_one_per_display_name_and_option() {
    let out = lay_out(
        vec![
            job(1, "linux1804-64-shippable-qr", "opt", "M", "1", 1, "success"),
            job(2, "linux1804-64-shippable", "opt", "M", "2", 1, "success"),
            job(3, "linux1804-64-shippable-qr", "debug", "M", "1", 1, "success"),
        ],
        false,
    );
    let rows: Vec<(&str, &str)> = out.rows.iter().map(|r| (&*r.key, &*r.title)).collect();
    assert_eq!(rows, [("Linux 18.04 Shippable opt", "Linux 18.04 Shippable"), ("Linux 18.04 Shippable debug", "Linux 18.04 Shippable")]);
}

/// ui/job-view/pushes/Push.jsx `sortGroupedJobs` with constants.js `thOptionOrder`: rows by
/// the name's first place in the map × 100 + the option's order (others 10, unknown names first).
#[wasm_bindgen_test]
fn rows_sort_by_map_place_then_option_order() {
    let out = lay_out(
        vec![
            job(1, "windows11-64-24h2", "debug", "?", "B", 1, "success"),
            job(2, "linux64", "debug", "?", "B", 1, "success"),
            job(3, "windows11-64-24h2", "opt", "?", "B", 1, "success"),
            job(4, "linux64", "weird", "?", "B", 1, "success"),
            job(5, "not-in-the-map", "opt", "?", "B", 1, "success"),
            job(6, "linux64", "asan", "?", "B", 1, "success"),
        ],
        false,
    );
    let keys: Vec<&str> = out.rows.iter().map(|r| &*r.key).collect();
    assert_eq!(keys, ["not-in-the-map opt", "Linux asan", "Linux debug", "Linux weird", "Windows 11 24H2 opt", "Windows 11 24H2 debug"]);
}

/// ui/job-view/pushes/Push.jsx: groups by symbol length + tier (stable), jobs by symbol with
/// digits padded to three (R2 before R10).
#[wasm_bindgen_test]
fn groups_sort_by_symbol_length_plus_tier_and_jobs_by_padded_symbol() {
    let out = lay_out(
        vec![
            job(1, "linux64", "opt", "Mlong", "1", 1, "testfailed"),
            job(2, "linux64", "opt", "M", "R10", 2, "testfailed"),
            job(3, "linux64", "opt", "M", "R2", 2, "testfailed"),
            job(4, "linux64", "opt", "W", "1", 1, "testfailed"),
            job(5, "linux64", "opt", "?", "B", 1, "testfailed"),
        ],
        false,
    );
    let groups: Vec<(&str, i64, Vec<&str>)> =
        out.rows[0].groups.iter().map(|g| (&*g.symbol, g.tier, g.buttons.iter().map(|b| &*b.symbol).collect())).collect();
    assert_eq!(groups, [("", 1, vec!["B"]), ("W", 1, vec!["1"]), ("M", 2, vec!["R2", "R10"]), ("Mlong", 1, vec!["1"])]);
}

/// ui/job-view/pushes/JobsAndGroups.jsx and JobGroup.jsx: jobs without a group (`?`) are loose
/// at tier 1; at tier 2 or 3 they are a group with an empty symbol and its `[tier N]`, folded
/// into counts like any group.
#[wasm_bindgen_test]
fn ungrouped_jobs_of_tier_2_and_3_are_a_group_with_its_tier() {
    let out = lay_out(
        vec![
            job(1, "linux64", "opt", "?", "A", 1, "success"),
            job(2, "linux64", "opt", "?", "B", 1, "success"),
            job(3, "linux64", "opt", "?", "C", 2, "success"),
            job(4, "linux64", "opt", "?", "D", 2, "success"),
            job(5, "linux64", "opt", "?", "E", 3, "testfailed"),
        ],
        false,
    );
    let groups = &out.rows[0].groups;
    assert_eq!(groups.len(), 3);
    assert!(conventions::drawn_loose(&groups[0].symbol, groups[0].tier) && groups[0].buttons.len() == 2);
    assert_eq!((&*groups[1].symbol, groups[1].tier, groups[1].expanded, groups[1].counts.len()), ("", 2, false, 1));
    assert_eq!(groups[1].counts[0].count, 2, "two tier-2 successes fold into +2");
    assert_eq!((groups[2].tier, groups[2].buttons.len()), (3, 1), "a failure shows itself");
}

/// ui/job-view/pushes/JobGroup.jsx: a collapsed group shows failures one by one, folds every
/// other status into a count, and a count of one shows its job; with duplicates visible, a
/// symbol that occurs more than once in the group (shown or not) shows every run.
#[wasm_bindgen_test]
fn collapsed_groups_fold_all_but_failures_and_duplicates() {
    let jobs = || {
        vec![
            job(1, "linux64", "opt", "M", "1", 1, "success"),
            job(2, "linux64", "opt", "M", "2", 1, "success"),
            job(3, "linux64", "opt", "M", "3", 1, "busted"),
            job(4, "linux64", "opt", "M", "4", 1, "retry"),
            job(5, "linux64", "opt", "M", "4", 1, "success"),
        ]
    };
    let folded = lay_out(jobs(), false);
    let g = &folded.rows[0].groups[0];
    let buttons: Vec<i64> = g.buttons.iter().map(|b| b.id).collect();
    assert_eq!(buttons, [3, 4], "the failure, and retry's count of one as its job");
    assert_eq!(g.counts.iter().map(|c| (c.status.as_str(), c.count)).collect::<Vec<_>>(), [("success", 3)]);
    let duplicates = lay_out(jobs(), true);
    let g = &duplicates.rows[0].groups[0];
    let mut buttons: Vec<i64> = g.buttons.iter().map(|b| b.id).collect();
    buttons.sort();
    assert_eq!(buttons, [3, 4, 5], "both runs of symbol 4 show");
}

/// ui/helpers/job.js: a button is marked classified unless its classification is 1, 6 or 8
/// (`getBtnClass`), while the filter's "unclassified" is `thUnclassifiedIds` (1, 6, 7, 8).
#[wasm_bindgen_test]
fn autoclassified_intermittents_are_marked_yet_unclassified() {
    let mut j = job(1, "linux64", "opt", "?", "X", 1, "testfailed");
    j.failure_classification_id = 7;
    let entry = JobEntry::new(j);
    assert!(entry.marked_classified && !entry.classified && entry.unclassified_failure);
    for (id, marked) in [(1, false), (2, true), (4, true), (6, false), (7, true), (8, false)] {
        assert_eq!(conventions::button_classified(id), marked, "classification {id}");
    }
}

/// What Treeherder's code draws for one push, restated from Push.jsx, Platform.jsx,
/// JobsAndGroups.jsx and JobGroup.jsx: rows (key, title) in order, each with its groups as
/// (symbol, tier, loose, shown buttons, folded counts).
type Drawn = Vec<(String, String, Vec<DrawnGroup>)>;
/// A group as drawn: symbol, tier, loose, shown buttons, folded counts (status, count).
type DrawnGroup = (String, i64, bool, Vec<i64>, Vec<(String, usize)>);
/// A row while grouping: display name, option, groups (symbol, tier, jobs).
type Grouping<'a> = (String, String, Vec<(String, i64, Vec<&'a Job>)>);

/// constants.js `thSimplePlatforms`.
const SIMPLE: &[&str] = &[
    "gecko-decision",
    "firefox-release",
    "devedition-release",
    "fennec-beta",
    "fennec-release",
    "thunderbird-release",
    "lint",
    "doc",
    "taskcluster-images",
    "packages",
    "toolchains",
    "diff",
];

fn treeherder_draws(jobs: &[Job], show_duplicates: bool) -> Drawn {
    let name = |p: &str| PLATFORMS.iter().find(|(k, _)| *k == p).map_or(p.to_string(), |(_, n)| n.to_string());
    let names: Vec<&str> = PLATFORMS.iter().map(|(_, n)| *n).collect();
    let option_order = |o: &str| match o {
        "opt" => 1,
        "pgo" => 2,
        "asan" => 3,
        "tsan" => 4,
        "debug" => 5,
        "cc" => 6,
        "addon" => 7,
        "all" => 8,
        "debug-isolated-process" => 9,
        _ => 10,
    };
    let mut rows: Vec<Grouping> = Vec::new();
    for j in jobs {
        let (n, o) = (name(&j.platform), j.platform_option.clone());
        let at = match rows.iter().position(|r| r.0 == n && r.1 == o) {
            Some(at) => at,
            None => {
                rows.push((n, o, Vec::new()));
                rows.len() - 1
            }
        };
        let symbol = if j.job_group_symbol == "?" { String::new() } else { j.job_group_symbol.clone() };
        match rows[at].2.iter_mut().find(|g| g.0 == symbol && g.1 == j.tier) {
            Some(g) => g.2.push(j),
            None => rows[at].2.push((symbol, j.tier, vec![j])),
        }
    }
    let rank = |n: &str, o: &str| names.iter().position(|x| *x == n).map_or(-1, |p| p as i64) * 100 + option_order(o);
    rows.sort_by_key(|r| rank(&r.0, &r.1));
    rows.into_iter()
        .map(|(n, o, mut groups)| {
            let lower = n.to_lowercase();
            let simple = SIMPLE.contains(&n.as_str()) && o == "opt";
            let plain = simple
                || n.contains("Shippable")
                || n.contains("DevEdition")
                || ["asan", "tsan", "ccov", "nightlyasrelease"].iter().any(|t| lower.contains(t));
            let title = if plain { n.clone() } else { format!("{n} {o}") };
            groups.sort_by_key(|g| g.0.chars().count() as i64 + g.1);
            let drawn = groups
                .into_iter()
                .map(|(symbol, tier, mut members)| {
                    members.sort_by_key(|j| conventions::symbol_sort_key(&j.job_type_symbol));
                    let loose = symbol.is_empty() && tier == 1;
                    let mut symbol_counts: HashMap<&str, usize> = HashMap::new();
                    for j in &members {
                        *symbol_counts.entry(&j.job_type_symbol).or_default() += 1;
                    }
                    let (mut buttons, mut counts): (Vec<i64>, Vec<(String, usize, i64)>) = (Vec::new(), Vec::new());
                    for j in &members {
                        if loose
                            || ["testfailed", "busted", "exception"].contains(&j.result.as_str())
                            || (show_duplicates && symbol_counts[j.job_type_symbol.as_str()] > 1)
                        {
                            buttons.push(j.id);
                        } else if let Some(c) = counts.iter_mut().find(|c| c.0 == j.result) {
                            c.1 += 1;
                            c.2 = j.id;
                        } else {
                            counts.push((j.result.clone(), 1, j.id));
                        }
                    }
                    buttons.extend(counts.iter().filter(|c| c.1 == 1).map(|c| c.2));
                    let counts = counts.into_iter().filter(|c| c.1 > 1).map(|c| (c.0, c.1)).collect();
                    (symbol, tier, loose, buttons, counts)
                })
                .collect();
            (format!("{n} {o}"), title, drawn)
        })
        .collect()
}

fn app_draws(jobs: &[Job], show_duplicates: bool) -> Drawn {
    lay_out(jobs.to_vec(), show_duplicates)
        .rows
        .iter()
        .map(|r| {
            let groups = r
                .groups
                .iter()
                .map(|g| {
                    let counts = g.counts.iter().map(|c| (c.status.as_str().to_string(), c.count)).collect();
                    (
                        g.symbol.to_string(),
                        g.tier,
                        conventions::drawn_loose(&g.symbol, g.tier),
                        g.buttons.iter().map(|b| b.id).collect(),
                        counts,
                    )
                })
                .collect();
            (r.key.to_string(), r.title.to_string(), groups)
        })
        .collect()
}

/// The table: every platform of the map (and two it lacks) × four options × tiers 1–3 × group
/// `?` and named × a symbol run once or twice × results, in a shuffled order, laid out by the
/// app and by the rules above, with and without duplicates shown.
#[wasm_bindgen_test]
fn the_app_groups_every_job_shape_as_treeherder_s_rules_state() {
    let platforms: Vec<&str> = PLATFORMS.iter().map(|(k, _)| *k).chain(["fennec-beta", "brand-new-platform"]).collect();
    let results = ["success", "testfailed", "busted", "exception", "retry", "usercancel", "success"];
    let mut jobs = Vec::new();
    let mut id = 0;
    for (p, platform) in platforms.iter().enumerate() {
        for (o, option) in ["opt", "debug", "asan", "ccov"].iter().enumerate() {
            for tier in 1..=3 {
                for group in ["?", "M", "Wd"] {
                    // Twice the same symbol on some shapes: a duplicate run.
                    let runs = 1 + (p + o + tier as usize) % 2;
                    for run in 0..runs {
                        id += 1;
                        let result = results[(p * 7 + o * 3 + tier as usize + run) % results.len()];
                        let symbol = format!("{}{}", ["B", "R", "1"][(p + run) % 3], (p + o) % 12);
                        jobs.push(job(id, platform, option, group, &symbol, tier, result));
                    }
                }
            }
        }
    }
    // A deterministic shuffle: the order jobs arrive in must not change the rows.
    let mut state = 0x2545_f491_u64;
    for i in (1..jobs.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        jobs.swap(i, (state % (i as u64 + 1)) as usize);
    }
    assert!(jobs.len() > 10_000, "{} jobs", jobs.len());
    for duplicates in [false, true] {
        let (app, treeherder) = (app_draws(&jobs, duplicates), treeherder_draws(&jobs, duplicates));
        assert_eq!(app.len(), treeherder.len());
        for (a, t) in app.iter().zip(&treeherder) {
            assert_eq!((&a.0, &a.1), (&t.0, &t.1), "row order and title");
            let sorted = |g: &Vec<DrawnGroup>| {
                g.iter()
                    .map(|(s, t, l, b, c)| {
                        let (mut b, mut c) = (b.clone(), c.clone());
                        b.sort();
                        c.sort();
                        (s.clone(), *t, *l, b, c)
                    })
                    .collect::<Vec<_>>()
            };
            assert_eq!(sorted(&a.2), sorted(&t.2), "groups of {} (duplicates {duplicates})", a.0);
        }
    }
}
