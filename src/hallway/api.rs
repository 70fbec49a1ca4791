//! The app's one way to reach Treeherder: a client for the active server, shared as context.

use leptos::prelude::*;
use treeherder_client::models::Repository;
use treeherder_client::{Credentials, Error, ServerUrl, TreeherderClient};

use crate::hallway::config::{AppConfig, LoadedConfig};
use crate::hallway::server::ActiveServer;

/// How the app sends requests: `fetch`, in the browser it runs in, taking the answers the boot
/// script already asked for while the wasm downloaded (`prefetch`). Native builds of the app
/// (its fuzz targets and unit tests of pure logic) get the platform's default instead.
#[cfg(target_arch = "wasm32")]
pub type AppTransport = crate::hallway::prefetch::PrefetchingTransport;
#[cfg(not(target_arch = "wasm32"))]
pub type AppTransport = treeherder_client::transport::DefaultTransport;

/// A client of the server in use (changes when `?server=` or the saved choice changes).
pub type Client = TreeherderClient<AppTransport>;

/// A client of `url`, with the deployment's request timeout when `config.json` sets one: the one
/// place every client of the app is made.
pub fn client_for(url: ServerUrl, config: &AppConfig) -> Client {
    let client = TreeherderClient::with_transport(url, AppTransport::default());
    match config.request_timeout_seconds {
        Some(secs) if secs > 0 => client.timeout(std::time::Duration::from_secs(secs)),
        _ => client,
    }
}

/// Shared handles: which server, the deployment config, the saved choice.
#[derive(Clone, Copy)]
pub struct Api {
    pub server: Memo<ActiveServer>,
    pub config: Signal<LoadedConfig>,
    /// The saved server (settings writes it, the server memo reads it).
    pub saved: RwSignal<Option<String>>,
    /// `/api/repository/` of the active server: the picker, changeset links and repository
    /// checks all read this one request.
    pub repositories: LocalResource<Result<Vec<Repository>, Error>>,
    /// What the user last looked at in the jobs view: the explorer's try-it defaults (kept in
    /// this tab's `sessionStorage`, since the explorer is another chunk, another page load).
    pub recent: RwSignal<Recent>,
    /// Hawk credentials entered in the explorer, per server origin, for this tab's lifetime
    /// (and in `localStorage` only when the user asks).
    pub hawk: RwSignal<Vec<(String, Credentials)>>,
}

/// The repository, push and job last shown or selected.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Recent {
    pub repo: Option<String>,
    pub push_id: Option<i64>,
    pub revision: Option<String>,
    pub job_id: Option<i64>,
    pub task_id: Option<String>,
}

const RECENT_KEY: &str = "treeherder-explorer:recent";

impl Recent {
    /// What an earlier page of this tab remembered.
    pub fn restored() -> Recent {
        let Some(text) = session_storage().and_then(|s| s.get_item(RECENT_KEY).ok().flatten()) else {
            return Recent::default();
        };
        let mut recent = Recent::default();
        for (key, value) in form_urlencoded::parse(text.as_bytes()) {
            match key.as_ref() {
                "repo" => recent.repo = Some(value.into_owned()),
                "push_id" => recent.push_id = value.parse().ok(),
                "revision" => recent.revision = Some(value.into_owned()),
                "job_id" => recent.job_id = value.parse().ok(),
                "task_id" => recent.task_id = Some(value.into_owned()),
                _ => {}
            }
        }
        recent
    }

    /// Keeps it for the other chunks' pages of this tab.
    pub fn remember(&self) {
        let mut ser = form_urlencoded::Serializer::new(String::new());
        let (push_id, job_id) = (self.push_id.map(|i| i.to_string()), self.job_id.map(|i| i.to_string()));
        for (key, value) in [
            ("repo", self.repo.as_deref()),
            ("push_id", push_id.as_deref()),
            ("revision", self.revision.as_deref()),
            ("job_id", job_id.as_deref()),
            ("task_id", self.task_id.as_deref()),
        ] {
            if let Some(value) = value {
                ser.append_pair(key, value);
            }
        }
        if let Some(storage) = session_storage() {
            let _ = storage.set_item(RECENT_KEY, &ser.finish());
        }
    }
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

impl Api {
    /// A client of the active server. Reading it tracks the server, so resources built from
    /// it refetch when the server changes.
    pub fn client(&self) -> Client {
        let url = self.server.get().url;
        self.config.with_untracked(|c| client_for(url, &c.config))
    }

    /// The Hawk credentials for the active server's origin, if any were entered (tracked).
    pub fn credentials(&self) -> Option<Credentials> {
        let origin = self.server.with(|s| s.url.origin().to_string());
        self.hawk.with(|list| list.iter().find(|(o, _)| *o == origin).map(|(_, c)| c.clone()))
    }

    /// Like [`Api::client`] without tracking.
    pub fn client_untracked(&self) -> Client {
        let url = self.server.get_untracked().url;
        self.config.with_untracked(|c| client_for(url, &c.config))
    }
}

pub fn use_api() -> Api {
    // The shell provides it before any page renders; a missing context is a programming error
    // that no user input can cause.
    expect_context::<Api>()
}
