//! Treeherder's display conventions, in one place: platform names and their order, build option
//! order, result statuses, failure results. (Names follow Treeherder's `thPlatformMap` and
//! `thOptionOrder` in `ui/helpers/constants.js`.)

/// Platform → display name, in Treeherder's row order.
const PLATFORMS: &[(&str, &str)] = &[
    ("linux32", "Linux x86"),
    ("linux-shippable", "Linux x86 Shippable"),
    ("linux32-shippable", "Linux x86 Shippable"),
    ("linux1804-32-qr", "Linux 18.04 x86"),
    ("linux1804-32-shippable-qr", "Linux 18.04 x86 Shippable"),
    ("linux2404-32", "Linux 24.04 x86"),
    ("linux2404-32-shippable", "Linux 24.04 x86 Shippable"),
    ("linux64", "Linux"),
    ("linux64-asan", "Linux asan"),
    ("linux64-asan-reporter", "Linux asan reporter"),
    ("linux64-add-on-devel", "Linux addon"),
    ("linux64-qr", "Linux"),
    ("linux64-shippable", "Linux Shippable"),
    ("linux64-devedition", "Linux DevEdition"),
    ("linux64-ccov", "Linux CCov"),
    ("linux64-noopt", "Linux NoOpt"),
    ("linux64-aarch64", "Linux AArch64"),
    ("linux64-aarch64-shippable", "Linux AArch64 Shippable"),
    ("linux1804-64", "Linux 18.04"),
    ("linux1804-64-qr", "Linux 18.04"),
    ("linux1804-64-shippable", "Linux 18.04 Shippable"),
    ("linux1804-64-shippable-qr", "Linux 18.04 Shippable"),
    ("linux1804-64-devedition-qr", "Linux 18.04 DevEdition"),
    ("linux1804-64-asan", "Linux 18.04 asan"),
    ("linux1804-64-asan-qr", "Linux 18.04 asan"),
    ("linux1804-64-tsan-qr", "Linux 18.04 tsan"),
    ("linux1804-64-ccov-qr", "Linux 18.04 CCov"),
    ("linux2204-64-wayland", "Linux 22.04 Wayland"),
    ("linux2204-64-wayland-shippable", "Linux 22.04 Wayland Shippable"),
    ("linux2404-64", "Linux 24.04"),
    ("linux2404-64-shippable", "Linux 24.04 Shippable"),
    ("linux2404-64-devedition", "Linux 24.04 DevEdition"),
    ("linux2404-64-asan", "Linux 24.04 asan"),
    ("linux2404-64-tsan", "Linux 24.04 tsan"),
    ("linux2404-64-ccov", "Linux 24.04 CCov"),
    ("linux64-snap", "Linux Snap"),
    ("osx-cross", "macOS"),
    ("osx-cross-aarch64", "macOS AArch64"),
    ("osx-shippable", "macOS Shippable"),
    ("osx-aarch64-shippable", "macOS AArch64 Shippable"),
    ("osx-cross-noopt", "macOS NoOpt"),
    ("osx-cross-ccov", "macOS CCov"),
    ("osx-cross-devedition", "macOS DevEdition"),
    ("macosx1015-64", "macOS 10.15"),
    ("macosx1015-64-qr", "macOS 10.15"),
    ("macosx1015-64-shippable-qr", "macOS 10.15 Shippable"),
    ("macosx1100-64-qr", "macOS 11"),
    ("macosx1100-aarch64-qr", "macOS 11 AArch64"),
    ("macosx1300-64-shippable-qr", "macOS 13 Shippable"),
    ("macosx1400-64-shippable-qr", "macOS 14.00 Shippable"),
    ("macosx1470-64", "macOS 14.70"),
    ("macosx1470-64-shippable", "macOS 14.70 Shippable"),
    ("macosx1470-64-devedition", "macOS 14.70 DevEdition"),
    ("macosx1500-aarch64", "macOS 15 AArch64"),
    ("macosx1500-aarch64-shippable", "macOS 15 AArch64 Shippable"),
    ("macosx64", "macOS"),
    ("macosx64-shippable", "macOS Shippable"),
    ("win32-shippable", "Windows x86 Shippable"),
    ("windows10-32-qr", "Windows 10 x86"),
    ("windows11-32-24h2", "Windows 11 x86 24H2"),
    ("windows11-32-24h2-shippable", "Windows 11 x86 24H2 Shippable"),
    ("win64-shippable", "Windows Shippable"),
    ("win64-devedition", "Windows DevEdition"),
    ("windows10-64", "Windows 10"),
    ("windows10-64-qr", "Windows 10"),
    ("windows10-64-shippable-qr", "Windows 10 Shippable"),
    ("windows11-64", "Windows 11"),
    ("windows11-64-2009-qr", "Windows 11 22H2"),
    ("windows11-64-2009-shippable-qr", "Windows 11 2009 Shippable"),
    ("windows11-64-24h2-devedition", "Windows 11 24H2 DevEdition"),
    ("windows11-64-24h2-ccov", "Windows 11 24H2 CCov"),
    ("windows11-64-24h2-mingwclang", "Windows 11 24H2 MinGW"),
    ("windows11-64-24h2-hw-ref", "Windows 11 24H2 Ref HW"),
    ("windows11-64-24h2-shippable", "Windows 11 24H2 Shippable"),
    ("windows11-64-24h2", "Windows 11 24H2"),
    ("windows2012-32", "Windows x86"),
    ("windows2012-32-shippable", "Windows x86 Shippable"),
    ("windows2012-64", "Windows"),
    ("windows2012-64-shippable", "Windows Shippable"),
    ("win64-asan-reporter", "Windows asan reporter"),
    ("windows2012-64-noopt", "Windows NoOpt"),
    ("windows2012-64-devedition", "Windows DevEdition"),
    ("windows2012-aarch64", "Windows AArch64"),
    ("windows2022-64", "Windows 2022"),
    ("windows-mingw32", "Windows x86 MinGW"),
    ("win32", "Windows x86"),
    ("win64", "Windows"),
    ("android-5-0-armv7", "Android ARMv7"),
    ("android-5-0-armv7-shippable", "Android ARMv7 Shippable"),
    ("android-5-0-aarch64", "Android AArch64"),
    ("android-5-0-aarch64-shippable", "Android AArch64 Shippable"),
    ("android-5-0-x86", "Android x86"),
    ("android-5-0-x86_64", "Android x86-64"),
    ("android-5-0-x86_64-shippable", "Android x86-64 Shippable"),
    ("android-5-0-geckoview-fat-aar", "Android GeckoView multi-arch fat AAR"),
    ("android-em-7-0-x86", "Android 7.0 x86"),
    ("android-em-7-0-x86_64-qr", "Android 7.0 x86-64"),
    ("android-em-7-0-x86_64-lite-qr", "Android 7.0 x86-64 Lite"),
    ("android-em-7-0-x86_64-shippable-qr", "Android 7.0 x86-64 Shippable"),
    ("android-hw-a51-11-0-aarch64-qr", "Android 11.0 Galaxy A51 AArch64"),
    ("android-hw-p5-13-0-android-aarch64-qr", "Android 13.0 Pixel5 AArch64"),
    ("android-em-14-x86_64", "Android 14.0 x86-64"),
    ("android-em-14-x86_64-shippable", "Android 14.0 x86-64 Shippable"),
    ("Android", "Android"),
    ("ios", "iOS"),
    ("gecko-decision", "Gecko Decision Task"),
    ("firefox-release", "Firefox Release Tasks"),
    ("devedition-release", "Devedition Release Tasks"),
    ("thunderbird-release", "Thunderbird Release Tasks"),
    ("diff", "Diffoscope"),
    ("lint", "Linting"),
    ("doc", "Documentation"),
    ("fetch", "Fetch"),
    ("symbols", "Symbols"),
    ("taskcluster-images", "Docker Images"),
    ("packages", "Packages"),
    ("toolchains", "Toolchains"),
    ("updatebot", "Updatebot"),
    ("other", "Other"),
];

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
