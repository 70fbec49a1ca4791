//! `sample-server`: the recorded Treeherder API (and the built app) on one loopback port.

use std::path::PathBuf;

use clap::Parser;
use sample_server::{build_state, synthetic, Options};

#[derive(Parser, Debug)]
#[command(version, about = "Serve a real Treeherder's recorded API (and the built app) offline")]
struct Args {
    /// Address to listen on (loopback by default: this is test data, not a public service).
    #[arg(long, default_value = "127.0.0.1")]
    host: String,
    /// Port (8000 is what a local Treeherder uses, so the app's "local" server finds it).
    #[arg(long, default_value_t = 8000)]
    port: u16,
    /// A built app to serve beside the API, with single-page-app fallback (e.g. `dist`).
    #[arg(long)]
    dist: Option<PathBuf>,
    /// Add generated pushes to the `try` repository: PUSHES:JOBS_PER_PUSH (e.g. 10:5000).
    #[arg(long, value_parser = synthetic::parse_spec)]
    synthetic: Option<(usize, usize)>,
    /// Add a generated performance series of POINTS points on autoland (signature id 100000),
    /// spread over the last 13 days, for the graphs view's scale benchmark.
    #[arg(long, value_parser = sample_server::synthetic_perf::parse_points)]
    synthetic_series: Option<usize>,
    /// Add a failed job on autoland's newest push whose log has LINES lines (job_guid
    /// `synthetic-log`), for the log viewer's benchmark.
    #[arg(long, value_name = "LINES")]
    synthetic_log: Option<usize>,
    /// Use the wall clock rather than the recording's (relative time ranges then find nothing
    /// once the recording is older than the range).
    #[arg(long)]
    real_clock: bool,
    /// The Treeherder the served app talks to (written into its config.json); by default this
    /// sample server itself.
    #[arg(long, default_value = "/")]
    app_server: String,
    /// Hawk credentials accepted for job submission, CLIENT_ID:SECRET (repeatable). Without any,
    /// the documented demo credentials are accepted.
    #[arg(long = "hawk-client", value_parser = parse_client)]
    hawk_clients: Vec<(String, String)>,
    /// The request timeout (seconds) the served app's config.json sets (tests of slow servers).
    #[arg(long)]
    app_timeout: Option<u64>,
    /// Serve the app's HTML with the Content-Security-Policy the build wrote to dist/csp.txt.
    #[arg(long)]
    csp: bool,
    /// Serve hostile text and URLs (markup, scripts, `javascript:` links) in every free-text and
    /// URL field of the API's answers: for testing that a client renders them inert.
    #[arg(long)]
    hostile: bool,
    /// Gzip the API's answers, as Treeherder's own server does (the app's files are always served
    /// compressed when the build made compressed copies, as a host would).
    #[arg(long)]
    compress_api: bool,
    /// Path the app is opened at, printed with the URL (e.g. `/jobs?repo=autoland`).
    #[arg(long, default_value = "/")]
    open: String,
}

#[tokio::main]
async fn main() {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let args = Args::parse();
    let options = Options {
        host: args.host.clone(),
        port: args.port,
        dist: args.dist.clone(),
        synthetic: args.synthetic,
        synthetic_series: args.synthetic_series,
        synthetic_log: args.synthetic_log,
        real_clock: args.real_clock,
        app_server: args.app_server.clone(),
        csp: args.csp,
        hawk_clients: if args.hawk_clients.is_empty() {
            vec![(sample_server::submit::DEMO_CLIENT_ID.into(), sample_server::submit::DEMO_SECRET.into())]
        } else {
            args.hawk_clients.clone()
        },
    };
    if let Some(dist) = &options.dist {
        if !dist.join("index.html").is_file() {
            eprintln!("error: {} has no index.html; build the app first (trunk build --release)", dist.display());
            std::process::exit(2);
        }
    }
    let listener = match tokio::net::TcpListener::bind((args.host.as_str(), args.port)).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: cannot listen on {}:{}: {e} (choose another with --port)", args.host, args.port);
            std::process::exit(2);
        }
    };
    let addr = listener.local_addr().map(|a| a.to_string()).unwrap_or_default();
    let state = build_state(&options);
    {
        let store = state.store();
        println!(
            "Sample Treeherder API: {} pushes, {} jobs, {} performance signatures",
            store.pushes.len(),
            store.jobs.len(),
            store.signatures.len()
        );
    }
    if options.dist.is_some() {
        println!("Treeherder Explorer: http://{addr}{}", args.open);
    }
    println!("API: http://{addr}/api/");
    let csp = match sample_server::csp_of(&options) {
        Ok(csp) => csp,
        Err(e) => {
            eprintln!("error: --csp needs the policy in dist/csp.txt (written by the build): {e}");
            std::process::exit(2);
        }
    };
    let mut app = sample_server::router_with_timeout(state, options.dist, &options.app_server, csp, args.app_timeout);
    if args.hostile {
        app = app.layer(axum::middleware::from_fn(sample_server::hostile::rewrite));
    }
    if args.compress_api {
        // Outermost: what leaves the server is compressed last.
        app = app.layer(axum::middleware::from_fn(sample_server::compress::gzip_api));
    }
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    if let Err(e) = axum::serve(listener, app).with_graceful_shutdown(shutdown).await {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

fn parse_client(text: &str) -> Result<(String, String), String> {
    match text.split_once(':') {
        Some((id, secret)) if !id.is_empty() && !secret.is_empty() => Ok((id.to_string(), secret.to_string())),
        _ => Err(format!("--hawk-client wants CLIENT_ID:SECRET, got {text:?}")),
    }
}
