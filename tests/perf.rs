//! The graphs view's logic in the browser: Perfherder's URL parameters, dates, scales,
//! decimation that keeps spikes, and hit-testing against the full data.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use treeherder_explorer::perf::chart::draw::{columns, Styled};
use treeherder_explorer::perf::chart::hit::nearest;
use treeherder_explorer::perf::chart::scale::{civil, format_day, nice_ticks, time_ticks, Scale};
use treeherder_explorer::perf::conventions::{style_of, Shape};
use treeherder_explorer::perf::series::{iso_to_ms, Points, Series};
use treeherder_explorer::perf::url_state::{GraphsParams, SeriesParam, Zoom};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn pairs(q: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(q.as_bytes()).into_owned().collect()
}

#[wasm_bindgen_test]
fn perfherder_urls_parse_and_round_trip() {
    let p = GraphsParams::parse(&pairs(
        "series=autoland,1,1,1&series=autoland,7,1,13&timerange=604800&zoom=1795000000000,1795500000000,300.5,450&selected=1,101&highlightAlerts=0&replicates=1&showTable=1&repo=try",
    ));
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    assert_eq!(
        p.series,
        vec![
            SeriesParam { repo: "autoland".into(), signature: "1".into(), shown: true, framework: 1 },
            SeriesParam { repo: "autoland".into(), signature: "7".into(), shown: true, framework: 13 },
        ]
    );
    assert_eq!(p.timerange, 604_800);
    assert_eq!(p.zoom, Some(Zoom { x0: 1_795_000_000_000.0, x1: 1_795_500_000_000.0, y0: 300.5, y1: 450.0 }));
    assert_eq!(p.selected, Some((1, 101)));
    assert!(!p.highlight_alerts && p.replicates && p.show_table);
    let back = p.to_pairs(&pairs("repo=try&series=old"));
    assert_eq!(back[0], ("repo".to_string(), "try".to_string()), "other parameters are kept");
    let again = GraphsParams::parse(&back);
    assert_eq!((again.series, again.zoom, again.selected, again.timerange), (p.series, p.zoom, p.selected, p.timerange));
    // Perfherder's bracketed zoom, and its 40-character signature hashes.
    let q = GraphsParams::parse(&pairs("zoom=[1,2,3,4]&series=mozilla-central,f44c0dcf3092736b730be79fcdd991cda3d0a62a,1,1"));
    assert_eq!(q.zoom, Some(Zoom { x0: 1.0, x1: 2.0, y0: 3.0, y1: 4.0 }));
    assert_eq!(q.series[0].signature.len(), 40);
}

#[wasm_bindgen_test]
fn bad_parameters_are_reported_and_left_out() {
    let p = GraphsParams::parse(&pairs(
        "series=autoland,abc,1,1&series=../etc,1,1,1&series=autoland,1&timerange=5&zoom=9,1,0,1&selected=x&replicates=maybe",
    ));
    assert!(p.series.is_empty());
    assert_eq!(p.timerange, 1_209_600);
    assert_eq!(p.zoom, None);
    assert_eq!(p.warnings.len(), 7, "{:?}", p.warnings);
    let many: String = (1..=8).map(|i| format!("series=autoland,{i},1,1&")).collect();
    let p = GraphsParams::parse(&pairs(&many));
    assert_eq!(p.series.len(), 6);
    assert!(p.warnings.iter().any(|w| w.contains("at most 6 series")));
}

#[wasm_bindgen_test]
fn dates_and_scales() {
    assert_eq!(iso_to_ms("2026-11-18T05:58:00"), Some(1_794_981_480_000.0));
    assert_eq!(iso_to_ms("2026-11-18T05:58:00.250000"), Some(1_794_981_480_250.0));
    assert_eq!(iso_to_ms("1970-01-01T00:00:00Z"), Some(0.0));
    assert_eq!(iso_to_ms("2026-13-18T05:58:00"), None);
    assert_eq!(iso_to_ms("yesterday"), None);
    assert_eq!(civil(1_794_981_480_000.0), (2026, 11, 18));
    assert_eq!(format_day(1_794_981_480_000.0), "Nov 18");
    assert_eq!(nice_ticks(0.0, 100.0, 5), vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
    assert_eq!(nice_ticks(372.3, 401.9, 4), vec![380.0, 390.0, 400.0]);
    let day = 86_400_000.0;
    let ticks = time_ticks(10.0 * day + 1.0, 17.0 * day, 800.0, 110.0);
    assert!(ticks.iter().all(|(t, _)| t % day == 0.0) && ticks.len() == 7, "{ticks:?}");
    let s = Scale::new(0.0, 10.0, 100.0, 200.0);
    assert_eq!((s.map(5.0), s.invert(150.0)), (150.0, 5.0));
}

fn series(t: Vec<f64>, v: Vec<f64>) -> Series {
    let n = t.len();
    Series {
        param: SeriesParam { repo: "autoland".into(), signature: "1".into(), shown: true, framework: 1 },
        signature_id: 1,
        signature_hash: String::new(),
        name: "s".into(),
        platform: "p".into(),
        framework_id: 1,
        unit: None,
        application: None,
        alert_settings: Default::default(),
        lower_is_better: true,
        tags: vec![],
        repository_id: None,
        points: Points { t, v, id: (0..n as i64).collect(), push_id: vec![1; n], job_id: vec![None; n], revision: vec![Arc::from("r"); n] },
        alerts: vec![],
        alerts_error: None,
    }
}

#[wasm_bindgen_test]
fn decimation_keeps_every_spike() {
    // 100,000 points over 1,000 px, with one spike.
    let n = 100_000;
    let t: Vec<f64> = (0..n).map(|i| i as f64).collect();
    let mut v: Vec<f64> = (0..n).map(|i| 400.0 + (i % 7) as f64).collect();
    v[54_321] = 900.0;
    let s = series(t, v);
    let xs = Scale::new(0.0, n as f64, 0.0, 1000.0);
    let cols = columns(&s, &xs, 0, n);
    assert!(cols.len() <= 1001, "{}", cols.len());
    assert_eq!(cols.iter().map(|c| c.2).fold(f64::MIN, f64::max), 900.0, "the spike survives");
    assert_eq!(cols.iter().map(|c| c.1).fold(f64::MAX, f64::min), 400.0);
}

#[wasm_bindgen_test]
fn hit_testing_finds_the_nearest_point_of_the_full_data() {
    let s = series(vec![0.0, 10.0, 20.0, 30.0], vec![1.0, 5.0, 2.0, 8.0]);
    let (color, shape, filled) = style_of(0);
    assert_eq!((color, shape, filled), ("#464876", Shape::Circle, true), "Perfherder's first series style");
    let styled = [Styled { series: &s, color, shape, filled }];
    let xs = Scale::new(0.0, 30.0, 0.0, 300.0);
    let ys = Scale::new(0.0, 10.0, 100.0, 0.0);
    assert_eq!(nearest(&styled, &xs, &ys, 101.0, 51.0, 10.0), Some((0, 1)));
    assert_eq!(nearest(&styled, &xs, &ys, 150.0, 50.0, 10.0), None, "nothing within reach");
}
