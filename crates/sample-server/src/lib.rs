//! The embedded sample Treeherder API: real recorded Treeherder data served with Treeherder's
//! query semantics, on loopback, so that the app runs and is tested offline.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let server = sample_server::SampleServer::start(sample_server::Options::default()).await?;
//! println!("API at {}", server.url());
//! # Ok(()) }
//! ```

pub mod api;
pub mod clock;
pub mod compress;
mod control;
pub mod faults;
pub mod hostile;
pub mod logs;
mod policy;
pub mod recorded;
mod static_files;
pub mod store;
pub mod submit;
pub mod synthetic;
pub mod synthetic_perf;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use tokio::net::TcpListener;

pub use api::{AppState, Shared};
pub use policy::{is_blocked_user_agent, BLOCKED_USER_AGENTS};

/// How to run a sample server.
#[derive(Clone, Debug)]
pub struct Options {
    pub host: String,
    /// 0 picks a free port.
    pub port: u16,
    /// A built app (`dist/`) to serve beside the API.
    pub dist: Option<PathBuf>,
    /// Generated pushes on `try`: (pushes, jobs per push).
    pub synthetic: Option<(usize, usize)>,
    /// A generated performance series of this many points on autoland (signature 100000).
    pub synthetic_series: Option<usize>,
    /// A failed job on autoland whose log has this many lines (`logs::add_synthetic_log_job`).
    pub synthetic_log: Option<usize>,
    /// Use the wall clock instead of the recording's.
    pub real_clock: bool,
    /// The server the served app talks to (its `config.json`); `/` is this server itself.
    pub app_server: String,
    /// Hawk client ids and secrets accepted for job submission.
    pub hawk_clients: Vec<(String, String)>,
    /// Send the app's HTML with the Content-Security-Policy in `dist/csp.txt`.
    pub csp: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            host: "127.0.0.1".into(),
            port: 0,
            dist: None,
            synthetic: None,
            synthetic_series: None,
            synthetic_log: None,
            real_clock: false,
            app_server: "/".into(),
            hawk_clients: vec![(submit::DEMO_CLIENT_ID.into(), submit::DEMO_SECRET.into())],
            csp: false,
        }
    }
}

/// The whole HTTP service for some state.
/// `csp`: a Content-Security-Policy to send with the app's HTML (see `--csp`).
pub fn router(state: Shared, dist: Option<PathBuf>, app_server: &str, csp: Option<String>) -> Router {
    router_with_timeout(state, dist, app_server, csp, None)
}

/// [`router`], with the request timeout the served app's `config.json` gives (`--app-timeout`).
pub fn router_with_timeout(
    state: Shared,
    dist: Option<PathBuf>,
    app_server: &str,
    csp: Option<String>,
    app_timeout: Option<u64>,
) -> Router {
    let mut app = api::routes().merge(control::routes()).route("/logs/{job_id}/{file}", axum::routing::get(logs::serve));
    if let Some(root) = dist.clone() {
        let server = app_server.to_string();
        app = app.route("/config.json", axum::routing::get(move || static_files::app_config(root.clone(), server.clone(), app_timeout)));
    }
    app = match dist {
        Some(root) => app.fallback(move |uri: axum::http::Uri, request: axum::extract::Request| {
            let (root, csp) = (root.clone(), csp.clone());
            async move {
                if uri.path().starts_with("/api/") {
                    axum::response::IntoResponse::into_response(api::unknown_endpoint(uri).await)
                } else {
                    static_files::serve(root, request, csp.as_deref()).await
                }
            }
        }),
        None => app.fallback(api::unknown_endpoint),
    };
    app.layer(axum::middleware::from_fn_with_state(state.clone(), faults::inject))
        .layer(axum::middleware::from_fn(policy::api_policy))
        .with_state(state)
}

/// The state the options describe: the recording, plus synthetic pushes if asked.
pub fn build_state(options: &Options) -> Shared {
    let clock = if options.real_clock { clock::Clock::real() } else { clock::Clock::recorded() };
    let mut store = store::Store::from_recording();
    if let Some((pushes, jobs)) = options.synthetic {
        synthetic::populate(&mut store, pushes, jobs, clock.now());
    }
    if let Some(points) = options.synthetic_series {
        synthetic_perf::populate(&mut store, points, clock.now());
    }
    if let Some(lines) = options.synthetic_log {
        if logs::add_synthetic_log_job(&mut store, lines).is_none() {
            log::warn!("--synthetic-log: the recording has no failed job to copy");
        }
    }
    Arc::new(AppState::new(store, clock, &options.hawk_clients))
}

/// A running sample server (stops when dropped).
pub struct SampleServer {
    addr: SocketAddr,
    pub state: Shared,
    task: tokio::task::JoinHandle<()>,
}

impl SampleServer {
    pub async fn start(options: Options) -> std::io::Result<Self> {
        let listener = TcpListener::bind((options.host.as_str(), options.port)).await?;
        let addr = listener.local_addr()?;
        let state = build_state(&options);
        let app = router(state.clone(), options.dist.clone(), &options.app_server, csp_of(&options)?);
        let task = tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, app).await {
                log::error!("sample server stopped: {e}");
            }
        });
        Ok(SampleServer { addr, state, task })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`, without trailing slash.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for SampleServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// The policy `--csp` sends: `dist/csp.txt`, written by the build.
pub fn csp_of(options: &Options) -> std::io::Result<Option<String>> {
    match (&options.dist, options.csp) {
        (Some(dist), true) => Ok(Some(std::fs::read_to_string(dist.join("csp.txt"))?.trim().to_string())),
        _ => Ok(None),
    }
}
