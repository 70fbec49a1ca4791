//! The log search against a plain scan, natively (64-bit words) and in the browser (wasm SIMD:
//! `cargo test --target wasm32-unknown-unknown` runs this file in headless Chromium), over
//! lines where a term stands at every place relative to a 16-byte block, with and without case.

use treeherder_client::log_lines::LogLines;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// The lines holding `needle` as a plain scan of each line finds them.
fn scan(lines: &[String], needle: &str, case_sensitive: bool) -> Vec<u32> {
    let fold = |s: &str| if case_sensitive { s.to_string() } else { s.to_ascii_lowercase() };
    lines.iter().enumerate().filter(|(_, l)| fold(l).contains(&fold(needle))).map(|(i, _)| i as u32).collect()
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn search_finds_what_a_plain_scan_finds_at_every_offset() {
    // Lines whose term sits at each offset 0..40 (past two SIMD blocks), beside bytes that
    // differ from letters only in bit 5 ('@' '[' '`' '{'), non-ASCII and near misses.
    let mut lines = Vec::new();
    for offset in 0..40 {
        let pad: String = "@[`{.x".chars().cycle().take(offset).collect();
        lines.push(format!("{pad}TEST-Unexpected-FAIL é {offset}"));
        lines.push(format!("{pad}test-unexpected-fai"));
        lines.push(format!("{pad}ab{{a[ TeSt"));
    }
    lines.push(String::new());
    lines.push("te".into());
    let mut log = LogLines::new();
    for line in &lines {
        log.push(line.as_bytes());
        log.push(b"\n");
    }
    log.finish();
    for needle in ["TEST-UNEXPECTED-FAIL", "test-unexpected-fai", "te", "a[", "A{", "é 3", "@[", "L é 39", "x"] {
        for case in [false, true] {
            assert_eq!(log.find(needle, case), scan(&lines, needle, case), "{needle:?} case {case}");
        }
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn coloured_lines_are_searched_as_they_read_and_narrowing_agrees() {
    let mut log = LogLines::new();
    log.push(b"plain TEST line\n\x1b[31mTE\x1b[0mST coloured\nTE\x1b[1mST too\nnone here\n\x1b[32mgreen\x1b[0m\n");
    log.finish();
    assert_eq!(log.find("test", false), [0, 1, 2]);
    assert_eq!(log.find("31m", true), Vec::<u32>::new(), "an escape's bytes are not text");
    assert_eq!(log.find("green", true), [4]);
    assert_eq!(log.find_from("TEST", true, 1), [1, 2]);
    let narrowed = log.keep_matching(&log.find("te", false), "test c", false);
    assert_eq!(narrowed, log.find("test c", false));
}
