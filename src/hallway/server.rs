//! Which Treeherder the app talks to, chosen at run time:
//! `?server=URL` > the choice saved in settings > the deployer's `config.json` > production.

use treeherder_client::server::{LOCAL, PRODUCTION, STAGE};
use treeherder_client::ServerUrl;

use crate::hallway::storage;

/// Where the active server came from (shown in settings, and decides whether links carry
/// `server=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServerSource {
    /// `?server=` in the page URL: this tab only.
    UrlParameter,
    /// Chosen in settings and saved in this browser.
    Saved,
    /// The deployment's `config.json`.
    Deployment,
    /// Nothing chose: production Treeherder.
    Default,
}

impl ServerSource {
    pub fn describe(self) -> &'static str {
        match self {
            ServerSource::UrlParameter => "from the server= parameter of this page's URL",
            ServerSource::Saved => "saved in this browser's settings",
            ServerSource::Deployment => "this deployment's default (config.json)",
            ServerSource::Default => "the default",
        }
    }
}

/// The server in use, and any problem met while choosing it.
#[derive(Clone, Debug, PartialEq)]
pub struct ActiveServer {
    pub url: ServerUrl,
    pub source: ServerSource,
    /// A choice that was skipped because it was not a valid URL.
    pub warning: Option<String>,
}

/// A server the settings page offers by name.
pub struct KnownServer {
    pub name: &'static str,
    pub url: &'static str,
}

pub const KNOWN_SERVERS: [KnownServer; 3] = [
    KnownServer { name: "Production", url: PRODUCTION },
    KnownServer { name: "Stage", url: STAGE },
    KnownServer { name: "Local", url: LOCAL },
];

/// Production, stage, local, or "custom".
pub fn server_kind(url: &ServerUrl) -> &'static str {
    KNOWN_SERVERS.iter().find(|k| ServerUrl::parse(k.url).is_ok_and(|known| known == *url)).map_or("Custom", |k| k.name)
}

/// Applies the precedence rule. `page_origin` resolves a relative `config.json` server
/// (`"/"`: the origin that serves the app, as the sample server does).
pub fn resolve(url_parameter: Option<&str>, saved: Option<&str>, deployment: Option<&str>, page_base: &str) -> ActiveServer {
    let mut warnings = Vec::new();
    let candidates = [(url_parameter, ServerSource::UrlParameter), (saved, ServerSource::Saved), (deployment, ServerSource::Deployment)];
    for (candidate, source) in candidates {
        let Some(raw) = candidate.map(str::trim).filter(|s| !s.is_empty()) else { continue };
        let absolute = absolutize(raw, page_base);
        match ServerUrl::parse(&absolute) {
            Ok(url) => {
                return ActiveServer { url, source, warning: (!warnings.is_empty()).then(|| warnings.join(" ")) };
            }
            Err(e) => warnings.push(format!("Ignored the server {} ({e}).", source.describe())),
        }
    }
    ActiveServer {
        url: ServerUrl::production(),
        source: ServerSource::Default,
        warning: (!warnings.is_empty()).then(|| warnings.join(" ")),
    }
}

/// A server given relative to the page (`/`, `/treeherder/`) made absolute.
fn absolutize(raw: &str, page_base: &str) -> String {
    if raw.contains("://") {
        return raw.to_string();
    }
    if raw.starts_with('/') {
        if let Some(origin) = ServerUrl::parse(page_base).ok().map(|u| u.origin().to_string()) {
            return format!("{origin}{raw}");
        }
    }
    raw.to_string()
}

const SAVED_KEY: &str = "treeherder-explorer:server";
const CUSTOM_KEY: &str = "treeherder-explorer:custom-servers";

/// The server saved in settings, if any.
pub fn saved_server() -> Option<String> {
    storage::get(SAVED_KEY)
}

/// Saves (or, with `None`, forgets) the server choice.
pub fn save_server(url: Option<&ServerUrl>) {
    match url {
        Some(url) => storage::set(SAVED_KEY, url.as_str()),
        None => storage::remove(SAVED_KEY),
    }
}

/// Custom servers the user added in settings.
pub fn custom_servers() -> Vec<String> {
    storage::get(CUSTOM_KEY).and_then(|raw| serde_json::from_str(&raw).ok()).unwrap_or_default()
}

pub fn save_custom_servers(list: &[String]) {
    if let Ok(raw) = serde_json::to_string(list) {
        storage::set(CUSTOM_KEY, &raw);
    }
}
