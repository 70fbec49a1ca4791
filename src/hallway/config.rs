//! The deployer's `config.json`, beside `index.html`: default server, repositories to list
//! first, title. Missing is fine; malformed is reported and ignored.

use serde::Deserialize;

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct AppConfig {
    /// Default Treeherder (absolute, or relative to the page such as `/`).
    pub server: Option<String>,
    /// Repositories shown first in the picker.
    pub repositories: Vec<String>,
    /// Window title prefix, e.g. "Firefox CI".
    pub title: Option<String>,
    /// How long to wait for an answer before saying the server did not answer (default 30).
    pub request_timeout_seconds: Option<u64>,
}

/// The outcome of loading `config.json`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoadedConfig {
    pub config: AppConfig,
    /// Why the file was ignored, when it was.
    pub problem: Option<String>,
}

/// Parses the file's text.
pub fn parse(text: &str) -> Result<AppConfig, String> {
    serde_json::from_str(text).map_err(|e| format!("config.json is not valid: {e}"))
}

/// Fetches `config.json` relative to the document's base URL.
pub async fn load() -> LoadedConfig {
    let url = crate::hallway::base::asset_url("config.json");
    #[cfg(target_arch = "wasm32")]
    if let Some(answer) = crate::hallway::prefetch::take_answer(&url).await {
        return from_answer(answer.status, String::from_utf8_lossy(&answer.body).as_ref());
    }
    let response = match gloo_net::http::Request::get(&url).send().await {
        Ok(r) => r,
        Err(e) => return LoadedConfig { config: AppConfig::default(), problem: Some(format!("config.json could not be read: {e}")) },
    };
    match response.text().await {
        Ok(text) => from_answer(response.status(), &text),
        Err(e) => LoadedConfig { config: AppConfig::default(), problem: Some(format!("config.json could not be read: {e}")) },
    }
}

/// The config from the file's answer: none (404) is the defaults, an error or bad JSON is the
/// defaults with the reason.
fn from_answer(status: u16, text: &str) -> LoadedConfig {
    if status == 404 {
        return LoadedConfig::default();
    }
    if !(200..300).contains(&status) {
        return LoadedConfig { config: AppConfig::default(), problem: Some(format!("config.json answered HTTP {status}")) };
    }
    match parse(text) {
        Ok(config) => LoadedConfig { config, problem: None },
        Err(problem) => {
            log::warn!("{problem}; using defaults");
            LoadedConfig { config: AppConfig::default(), problem: Some(problem) }
        }
    }
}
