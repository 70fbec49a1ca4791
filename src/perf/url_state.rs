//! The graphs view's URL, with Perfherder's parameter names, so a Perfherder link opens the
//! same graph here: `series=<repo>,<signature>,<shown>,<framework>` (repeatable), `timerange`,
//! `zoom=x0,x1,y0,y1` (times in ms), `selected=<signature>,<datapoint>`, `highlightAlerts`,
//! `replicates`, `showTable`, `highlightedRevisions`. Parsing never fails: what cannot be
//! understood is reported in `warnings` and left out.

use super::conventions::{DEFAULT_TIME_RANGE, MAX_SERIES, TIME_RANGES};

/// A series as the URL names it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SeriesParam {
    pub repo: String,
    /// Signature id, or its 40-character hash (Perfherder accepts both).
    pub signature: String,
    /// Perfherder always writes `1`; we write `0` for a hidden series.
    pub shown: bool,
    pub framework: i64,
}

impl SeriesParam {
    pub fn to_value(&self) -> String {
        format!("{},{},{},{}", self.repo, self.signature, u8::from(self.shown), self.framework)
    }

    /// Same series, whatever its visibility.
    pub fn same(&self, other: &SeriesParam) -> bool {
        self.repo == other.repo && self.signature == other.signature
    }
}

/// The visible time and value window.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Zoom {
    pub x0: f64,
    pub x1: f64,
    pub y0: f64,
    pub y1: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GraphsParams {
    pub series: Vec<SeriesParam>,
    /// Seconds back from now.
    pub timerange: i64,
    pub zoom: Option<Zoom>,
    /// (signature id, data point id) whose tooltip is locked open.
    pub selected: Option<(i64, i64)>,
    pub highlight_alerts: bool,
    pub replicates: bool,
    pub show_table: bool,
    pub highlighted_revisions: Vec<String>,
    pub warnings: Vec<String>,
}

impl Default for GraphsParams {
    fn default() -> Self {
        GraphsParams {
            series: Vec::new(),
            timerange: DEFAULT_TIME_RANGE,
            zoom: None,
            selected: None,
            highlight_alerts: true,
            replicates: false,
            show_table: false,
            highlighted_revisions: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

fn flag(value: &str) -> Option<bool> {
    match value.trim() {
        "1" | "true" => Some(true),
        "0" | "false" | "" => Some(false),
        _ => None,
    }
}

/// Perfherder's own links sometimes wrap values in brackets or quotes (`zoom=[...]`).
fn unwrap_list(value: &str) -> String {
    value.chars().filter(|c| !matches!(c, '[' | ']' | '{' | '}' | '"')).collect()
}

fn parse_series(value: &str) -> Result<SeriesParam, String> {
    let parts: Vec<&str> = value.split(',').map(str::trim).collect();
    let [repo, signature, shown, framework] = parts.as_slice() else {
        return Err(format!("series={value:?} is not repository,signature,1,framework"));
    };
    if repo.is_empty() || !repo.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(format!("series={value:?}: {repo:?} is not a repository name"));
    }
    let is_hash = signature.len() == 40 && signature.chars().all(|c| c.is_ascii_hexdigit());
    if !is_hash && signature.parse::<i64>().map_or(true, |n| n <= 0) {
        return Err(format!("series={value:?}: {signature:?} is not a signature id"));
    }
    let framework = framework.parse::<i64>().map_err(|_| format!("series={value:?}: {framework:?} is not a framework id"))?;
    Ok(SeriesParam { repo: repo.to_string(), signature: signature.to_string(), shown: *shown != "0", framework })
}

fn parse_zoom(value: &str) -> Result<Zoom, String> {
    let numbers: Result<Vec<f64>, _> = unwrap_list(value).split(',').map(|p| p.trim().parse::<f64>()).collect();
    match numbers.as_deref() {
        Ok([x0, x1, y0, y1]) if [x0, x1, y0, y1].iter().all(|v| v.is_finite()) && x1 > x0 && y1 > y0 => {
            Ok(Zoom { x0: *x0, x1: *x1, y0: *y0, y1: *y1 })
        }
        _ => Err(format!("zoom={value:?} is not x0,x1,y0,y1 with x0 < x1 and y0 < y1; showing everything")),
    }
}

impl GraphsParams {
    pub fn parse(pairs: &[(String, String)]) -> Self {
        let mut p = GraphsParams::default();
        for (key, value) in pairs {
            match key.as_str() {
                "series" => match parse_series(value) {
                    Ok(s) if p.series.iter().any(|x| x.same(&s)) => {}
                    Ok(s) if p.series.len() >= MAX_SERIES => {
                        p.warnings.push(format!("at most {MAX_SERIES} series are shown; {} left out", s.to_value()))
                    }
                    Ok(s) => p.series.push(s),
                    Err(e) => p.warnings.push(e),
                },
                "timerange" => match value.trim().parse::<i64>() {
                    Ok(t) if TIME_RANGES.iter().any(|(v, _)| *v == t) => p.timerange = t,
                    _ => p.warnings.push(format!("timerange={value:?} is not one of Perfherder's ranges; using the last 14 days")),
                },
                "zoom" if !value.is_empty() => match parse_zoom(value) {
                    Ok(z) => p.zoom = Some(z),
                    Err(e) => p.warnings.push(e),
                },
                "selected" if !value.is_empty() => {
                    let numbers: Vec<Option<i64>> = unwrap_list(value).split(',').map(|v| v.trim().parse().ok()).collect();
                    match numbers.as_slice() {
                        [Some(sig), Some(point), ..] => p.selected = Some((*sig, *point)),
                        _ => p.warnings.push(format!("selected={value:?} is not signature,datapoint")),
                    }
                }
                "highlightAlerts" | "replicates" | "showTable" => match flag(value) {
                    Some(b) if key == "highlightAlerts" => p.highlight_alerts = b,
                    Some(b) if key == "replicates" => p.replicates = b,
                    Some(b) => p.show_table = b,
                    None => p.warnings.push(format!("{key}={value:?} is not 0 or 1")),
                },
                "highlightedRevisions" if !value.is_empty() => p.highlighted_revisions.push(value.clone()),
                _ => {}
            }
        }
        p
    }

    /// The URL pairs, keeping parameters this view does not own (`server`, `repo`…).
    pub fn to_pairs(&self, others: &[(String, String)]) -> Vec<(String, String)> {
        const OWN: [&str; 8] =
            ["series", "timerange", "zoom", "selected", "highlightAlerts", "replicates", "showTable", "highlightedRevisions"];
        let mut out: Vec<(String, String)> = others.iter().filter(|(k, _)| !OWN.contains(&k.as_str())).cloned().collect();
        out.extend(self.series.iter().map(|s| ("series".to_string(), s.to_value())));
        out.push(("timerange".into(), self.timerange.to_string()));
        out.push(("highlightAlerts".into(), u8::from(self.highlight_alerts).to_string()));
        out.push(("replicates".into(), u8::from(self.replicates).to_string()));
        if self.show_table {
            out.push(("showTable".into(), "1".into()));
        }
        if let Some(z) = self.zoom {
            out.push(("zoom".into(), format!("{},{},{},{}", z.x0.round(), z.x1.round(), round2(z.y0), round2(z.y1))));
        }
        if let Some((sig, point)) = self.selected {
            out.push(("selected".into(), format!("{sig},{point}")));
        }
        out.extend(self.highlighted_revisions.iter().map(|r| ("highlightedRevisions".to_string(), r.clone())));
        out
    }
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}
