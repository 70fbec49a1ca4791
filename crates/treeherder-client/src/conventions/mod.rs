//! Treeherder's display conventions, in one place: platform names and their order, build option
//! order, result statuses, failure results. (Names follow Treeherder's `thPlatformMap` and
//! `thOptionOrder` in `ui/helpers/constants.js`.)

mod platform_map;

pub use platform_map::PLATFORMS;

/// Platforms whose `opt` rows are titled without the option (`thSimplePlatforms`). Treeherder
/// compares them with the row's display name, so only names the map does not translate
/// ("fennec-beta", "fennec-release") take effect: "Linting opt" keeps its option there too.
const SIMPLE_PLATFORMS: &[&str] = &[
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

/// A platform row's title (`ui/job-view/pushes/Platform.jsx`): its display name and option,
/// without the option for a simple platform's `opt` and for names that already say the build
/// (Shippable, DevEdition, and asan/tsan/ccov/nightlyasrelease in any case).
pub fn row_title(display_name: &str, option: &str) -> String {
    let lower = display_name.to_lowercase();
    let says_the_build = display_name.contains("Shippable")
        || display_name.contains("DevEdition")
        || ["asan", "tsan", "ccov", "nightlyasrelease"].iter().any(|kind| lower.contains(kind));
    if (SIMPLE_PLATFORMS.contains(&display_name) && option == "opt") || says_the_build {
        display_name.to_string()
    } else {
        format!("{display_name} {option}")
    }
}

/// A job's group symbol as Treeherder groups by it: `?` (no group) is the empty symbol
/// (`getJobGroupInfo` in `ui/job-view/pushes/Push.jsx`).
pub fn group_symbol(job_group_symbol: &str) -> &str {
    if job_group_symbol == "?" {
        ""
    } else {
        job_group_symbol
    }
}

/// Whether a group's jobs are drawn loose, without a group around them: only the empty
/// symbol's tier-1 jobs. Tier 2 and 3 jobs without a group are a group with an empty symbol,
/// labelled with its tier and folded like any other (`ui/job-view/pushes/JobsAndGroups.jsx`).
pub fn drawn_loose(group_symbol: &str, tier: i64) -> bool {
    group_symbol.is_empty() && tier == 1
}

/// Treeherder's display name of a platform (the platform itself when unknown).
pub fn platform_name(platform: &str) -> &str {
    PLATFORMS.iter().find(|(k, _)| *k == platform).map_or(platform, |(_, name)| name)
}

/// Row order of a display name: its first position in the map; unknown names first (-1), as
/// Treeherder's `indexOf` gives.
pub fn platform_rank(display_name: &str) -> i64 {
    PLATFORMS.iter().position(|(_, name)| *name == display_name).map_or(-1, |p| p as i64)
}

/// Build option order (`thOptionOrder`; others 10).
pub fn option_rank(option: &str) -> i64 {
    match option {
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
    }
}

/// A row's sort key: platform order × 100 + option order.
pub fn row_rank(display_name: &str, option: &str) -> i64 {
    platform_rank(display_name) * 100 + option_rank(option)
}

/// Failure classifications that count as unclassified: not classified, new failure not
/// classified, autoclassified intermittent, intermittent needs bug id.
pub fn is_unclassified_id(failure_classification_id: i64) -> bool {
    matches!(failure_classification_id, 1 | 6 | 7 | 8)
}

/// Whether a job's button is marked classified (`getBtnClass` in `ui/helpers/job.js`): any
/// classification but "not classified" (1), "new failure not classified" (6) and "intermittent
/// needs bug id" (8). An autoclassified intermittent (7) is marked, yet still counts among the
/// unclassified failures ([`is_unclassified_id`], `thUnclassifiedIds`).
pub fn button_classified(failure_classification_id: i64) -> bool {
    failure_classification_id > 1 && !matches!(failure_classification_id, 6 | 8)
}

/// Pads the digits of a job symbol so that R2 sorts before R10 (`sortGroupedJobs`).
pub fn symbol_sort_key(symbol: &str) -> String {
    let mut out = String::with_capacity(symbol.len() + 4);
    let mut digits = String::new();
    for c in symbol.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush_digits(&mut out, &mut digits);
            out.push(c);
        }
    }
    flush_digits(&mut out, &mut digits);
    out
}

fn flush_digits(out: &mut String, digits: &mut String) {
    if !digits.is_empty() {
        // Treeherder keeps the last three digits of `00<n>`.
        let padded = format!("00{digits}");
        out.push_str(&padded[padded.len() - 3..]);
        digits.clear();
    }
}

/// A Bugzilla bug link.
pub fn bug_url(bug: i64) -> String {
    format!("https://bugzilla.mozilla.org/show_bug.cgi?id={bug}")
}
