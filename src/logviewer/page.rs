//! `/logviewer?job_id=N&repo=R&lineNumber=L`: the job's facts, its raw log streamed into a
//! virtual list, the parser's error lines beside it, search, and the selection in the URL.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use treeherder_client::models::JobLog;
use treeherder_client::{Error, ErrorKind};
use wasm_bindgen::JsCast;

use super::download::{Download, Status};
use super::errors::{error_lines, step_error, ErrorPanel};
use super::header::{job_symbol, JobHeader};
use super::pane::{focus_pane, Jump, LogPane};
use super::params::{LogParams, Selection};
use super::search::Search;
use super::toolbar::{Progress, Toolbar};
use crate::hallway::api::use_api;
use crate::hallway::keys::typing_in_a_field;
use crate::hallway::links::safe_href;
use crate::hallway::navigation::{navigate_fn, query_pairs, DEFAULT_REPO};
use crate::hallway::ready::mark_ready;
use crate::hallway::views::ViewId;
use crate::widgets::{ErrorBanner, Fetched, Notice, Spinner};

#[component]
pub fn LogViewerPage() -> impl IntoView {
    let pairs = query_pairs();
    let params = Memo::new(move |_| pairs.with(|p| LogParams::from_pairs(p)));
    // A new job (or repository) is a new viewer; a new `lineNumber` only moves the selection.
    let job = Memo::new(move |_| params.with(|p| (p.job_id, p.repo.clone())));
    view! {
        {move || {
            let (job_id, repo) = job.get();
            let p = params.get_untracked();
            match job_id {
                Some(job_id) => {
                    let missing_repo = repo.is_none().then(|| format!("No repo= in the URL: looking for job {job_id} in {DEFAULT_REPO}"));
                    let repo = repo.unwrap_or_else(|| DEFAULT_REPO.to_string());
                    let warnings: Vec<String> = p.warnings.iter().cloned().chain(missing_repo).collect();
                    let wanted = Signal::derive(move || params.with(|p| p.selection));
                    view! { <LogViewer job_id repo warnings wanted/> }.into_any()
                }
                None => view! { <NoJob warnings=p.warnings.clone()/> }.into_any(),
            }
        }}
    }
}

/// Without a job: what the view needs, and a box that takes a Treeherder log viewer link.
#[component]
fn NoJob(warnings: Vec<String>) -> impl IntoView {
    let navigate = navigate_fn();
    let pasted = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let open = move |e: web_sys::SubmitEvent| {
        e.prevent_default();
        let text = pasted.get_untracked();
        match web_sys::Url::new(text.trim()) {
            Ok(link) if link.pathname().trim_end_matches('/').ends_with(ViewId::LogViewer.path()) && link.search_params().has("job_id") => {
                let query = link.search().trim_start_matches('?').to_string();
                let path = format!("{}?{query}", ViewId::LogViewer.path());
                navigate.with_value(|n| n(&path, NavigateOptions::default()));
            }
            _ => problem.set(Some("That is not a log viewer link (…/logviewer?job_id=N&repo=R)".into())),
        }
    };
    Effect::new(|_| mark_ready("logviewer"));
    view! {
        <div class="lv-page lv-empty" data-view="logviewer" data-state="ready">
            {warnings.into_iter().map(|w| view! { <Notice text=w/> }).collect_view()}
            <h1>"Log viewer"</h1>
            <p>"Which log? This view opens a job's log from " <code>"job_id"</code> " and " <code>"repo"</code>
                " in the URL, as Treeherder's log viewer links have them (" <code>{format!("{}?job_id=N&repo=R&lineNumber=L", ViewId::LogViewer.path())}</code>
                "). Click a job in the jobs view and press " <kbd>"l"</kbd> ", or paste a link:"</p>
            <form class="lv-paste" on:submit=open>
                <input type="url" placeholder="https://treeherder.mozilla.org/logviewer?job_id=…&repo=…" aria-label="A log viewer link"
                    on:input=move |e| pasted.set(event_target_value(&e))/>
                <button class="btn" type="submit">"Open"</button>
            </form>
            {move || problem.get().map(|p| view! { <p class="error-message" role="alert">{p}</p> })}
        </div>
    }
}

/// The message for a log that did not download.
fn log_failure(error: &Error) -> &'static str {
    match &error.kind {
        ErrorKind::Http { status: 404 | 410, .. } => {
            "The log has expired or was never uploaded (Taskcluster keeps logs for a limited time): downloading it"
        }
        ErrorKind::Network { .. } => "Downloading the log (a network or CORS failure: the raw log link may still open)",
        ErrorKind::Incomplete { .. } => "Downloading the log (the lines that came are shown)",
        _ => "Downloading the log",
    }
}

/// How long the URL waits for the selection to settle.
const URL_WRITE_DELAY: std::time::Duration = std::time::Duration::from_millis(200);

#[component]
fn LogViewer(job_id: i64, repo: String, warnings: Vec<String>, wanted: Signal<Option<Selection>>) -> impl IntoView {
    let api = use_api();
    let navigate = navigate_fn();
    let pairs = query_pairs();
    let download = Download::new();
    let search = Search::new(download);
    let selection = RwSignal::new(wanted.get_untracked());
    let jump = RwSignal::new(Jump::default());
    let go_to = move |line: usize| jump.update(|j| *j = Jump { seq: j.seq + 1, line });
    // Back and forward (or an edited URL) move the selection, and the log to it.
    Effect::new(move |_| {
        let asked = wanted.get();
        if asked != selection.get_untracked() {
            selection.set(asked);
            if let Some(s) = asked {
                go_to(s.first - 1);
            }
        }
    });

    let repo_for = repo.clone();
    let logs = Fetched::new(move || {
        let (client, repo) = (api.client(), repo_for.clone());
        async move { client.job_log_urls(&repo, &[job_id]).await }
    });
    let repo_for = repo.clone();
    let detail = Fetched::new(move || {
        let (client, repo) = (api.client(), repo_for.clone());
        async move {
            let detail = client.job(&repo, job_id).await?;
            let push = client.push(&repo, detail.job.push_id).await.ok();
            Ok::<_, Error>((detail, push))
        }
    });
    let repo_for = repo.clone();
    let parsed = Fetched::new(move || {
        let (client, repo) = (api.client(), repo_for.clone());
        async move {
            let (errors, suggestions) = futures::join!(client.text_log_errors(&repo, job_id), client.bug_suggestions(&repo, job_id));
            // Suggestions are a help: their failure leaves the error lines.
            errors.map(|e| error_lines(&e, &suggestions.unwrap_or_default()))
        }
    });
    let log = Memo::new(move |_| logs.get().map(|r| r.map(|l| JobLog::raw_log(&l).cloned())));
    // Only an http(s) address is downloaded (or linked): a server's data never makes the page
    // fetch a `javascript:` or `data:` URL.
    let log_url = Memo::new(move |_| log.get().and_then(|r| r.ok()).flatten().and_then(|l| safe_href(&l.url)));
    let unsafe_url = Memo::new(move |_| log.get().and_then(|r| r.ok()).flatten().is_some_and(|l| safe_href(&l.url).is_none()));
    Effect::new(move |_| {
        if let Some(url) = log_url.get() {
            download.start(url);
        }
    });
    let error_list = Memo::new(move |_| parsed.get().and_then(|r| r.ok()).unwrap_or_default());
    let error_numbers = Signal::derive(move || Arc::new(error_list.with(|e| e.iter().map(|e| e.line).collect::<Vec<_>>())));

    // The selection is in the URL (`lineNumber`), as Treeherder's viewer keeps it: written a
    // moment after the last change, not in the frame of the jump (a router navigation costs
    // that frame 15–25 ms, and `n` held down would write every step).
    let url_writes = StoredValue::new(0u64);
    Effect::new(move |previous: Option<Option<Selection>>| {
        let current = selection.get();
        if previous.is_some_and(|p| p != current) {
            let write = url_writes.get_value() + 1;
            url_writes.set_value(write);
            set_timeout(
                move || {
                    if url_writes.try_get_value() != Some(write) {
                        return;
                    }
                    let mut next: Vec<(String, String)> = pairs.get_untracked().into_iter().filter(|(k, _)| k != "lineNumber").collect();
                    if let Some(s) = selection.get_untracked() {
                        next.push(("lineNumber".into(), s.to_param()));
                    }
                    let query = form_urlencoded::Serializer::new(String::new()).extend_pairs(next).finish();
                    let path = format!("{}?{query}", ViewId::LogViewer.path());
                    navigate.with_value(|n| n(&path, NavigateOptions { replace: true, scroll: false, ..Default::default() }));
                },
                URL_WRITE_DELAY,
            );
        }
        current
    });
    // First view: the selected line, else the first error line, once the log has reached it.
    let placed = StoredValue::new(false);
    Effect::new(move |_| {
        let lines = download.lines.get();
        if placed.get_value() || lines == 0 {
            return;
        }
        let target = selection.get_untracked().map(|s| s.first - 1).or_else(|| error_list.with(|e| e.first().map(|e| e.line)));
        let done = download.status.with(|s| *s != Status::Loading);
        match target {
            Some(line) if line < lines => {
                placed.set_value(true);
                if selection.get_untracked().is_none() {
                    selection.set(Some(Selection::line(line + 1)));
                }
                go_to(line);
            }
            // Wait for the parser's errors (or the line) unless all is in.
            _ if done && parsed.get().is_some() => placed.set_value(true),
            _ => {}
        }
    });
    let step_errors = move |forward: bool| {
        let from = selection.get_untracked().map(|s| s.first - 1);
        if let Some(line) = error_numbers.with_untracked(|e| step_error(e, from, forward)) {
            selection.set(Some(Selection::line(line + 1)));
            go_to(line);
        }
    };
    let step_match = move |forward: bool| {
        if let Some(line) = search.step(forward) {
            go_to(line);
        }
    };
    let on_line_click = Callback::new(move |(number, shift): (usize, bool)| {
        let next = match (shift, selection.get_untracked()) {
            (true, Some(s)) => Selection::between(s.first, number),
            _ => Selection::line(number),
        };
        selection.set(Some(next));
    });
    // Showing only matching lines, or all again, keeps the line in hand (the current match, else
    // the selection) in view.
    Effect::new(move |previous: Option<bool>| {
        let only = search.only_matching.get();
        if previous.is_some_and(|p| p != only) {
            let current = search.current.get_untracked().and_then(|i| search.matches.with_untracked(|m| m.get(i).map(|&l| l as usize)));
            if let Some(line) = current.or_else(|| selection.get_untracked().map(|s| s.first - 1)) {
                go_to(line);
            }
        }
        only
    });
    let on_go = Callback::new(move |line: usize| go_to(line.min(download.lines.get_untracked().saturating_sub(1))));
    keyboard(step_errors, log_url, search);

    // Title and readiness.
    Effect::new(move |_| {
        if let Some(Ok((d, _))) = detail.get() {
            let title = format!("Log: {} {} ({})", job_symbol(&d.job), d.job.job_type_name, d.job.platform);
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                doc.set_title(&title);
            }
        }
    });
    let state = Memo::new(move |_| match (download.status.get(), download.lines.get(), log.get()) {
        _ if unsafe_url.get() => "error",
        (_, _, Some(Err(_))) | (_, _, Some(Ok(None))) => "error",
        (Status::Failed(_), _, _) => "error",
        (Status::Done, _, _) => "ready",
        (Status::Loading, 0, _) => "loading",
        (Status::Loading, _, _) => "streaming",
    });
    Effect::new(move |_| {
        if state.get() != "loading" {
            request_animation_frame(|| mark_ready("logviewer"));
        }
    });

    let repo_header = repo.clone();
    let header = move || match detail.get() {
        None => view! { <div class="lv-header"><Spinner label=Signal::stored("Loading the job".to_string())/></div> }.into_any(),
        Some(Err(error)) => {
            view! { <ErrorBanner context="Loading the job" error on_retry=Callback::new(move |_| detail.refetch())/> }.into_any()
        }
        Some(Ok((d, push))) => view! { <JobHeader repo=repo_header.clone() detail=d push raw_log=log_url.get()/> }.into_any(),
    };
    let log_problem = move || match (log.get(), download.status.get()) {
        (Some(Err(error)), _) => {
            Some(view! { <ErrorBanner context="Finding the job's log" error on_retry=Callback::new(move |_| logs.refetch())/> }.into_any())
        }
        _ if unsafe_url.get() => {
            Some(view! { <Notice text="The log's address is not an http(s) URL, so it is neither downloaded nor linked."/> }.into_any())
        }
        (Some(Ok(None)), _) => {
            Some(view! { <Notice text="This job has no log (it may not have started, or its task uploaded none)."/> }.into_any())
        }
        (_, Status::Failed(error)) => {
            let context = log_failure(&error);
            Some(view! { <ErrorBanner context error on_retry=Callback::new(move |_| if let Some(url) = log_url.get_untracked() { download.start(url) })/> }.into_any())
        }
        _ => None,
    };
    let side = move || {
        match parsed.get() {
        None => view! { <aside class="lv-errors"><Spinner label=Signal::stored("Loading error lines".to_string())/></aside> }.into_any(),
        Some(Err(error)) => view! { <aside class="lv-errors"><ErrorBanner context="Loading the error lines" error on_retry=Callback::new(move |_| parsed.refetch())/></aside> }.into_any(),
        Some(Ok(list)) => {
            let status = log.get().and_then(|r| r.ok()).flatten().and_then(|l| l.parse_status);
            let pick = Callback::new(move |line: usize| {
                selection.set(Some(Selection::line(line + 1)));
                go_to(line);
            });
            view! { <ErrorPanel errors=list parse_status=status on_pick=pick/> }.into_any()
        }
    }
    };
    view! {
        <div class="lv-page" data-view="logviewer" data-state=move || state.get() data-search-ms=move || format!("{:.1}", search.took_ms.get())>
            {warnings.into_iter().map(|w| view! { <Notice text=w/> }).collect_view()}
            {header}
            <Toolbar download search selection has_errors=Signal::derive(move || error_list.with(|e| !e.is_empty()))
                on_error_step=Callback::new(step_errors) on_go on_match_step=Callback::new(step_match)/>
            <Progress download/>
            {log_problem}
            <div class="lv-body">
                <LogPane download search errors=error_numbers selection jump on_line_click/>
                {side}
            </div>
        </div>
    }
}

/// `n`/`p` next/previous error, `Shift+L` the raw log, `Ctrl+F` or `/` the search box (the
/// browser's own find sees only the rows drawn), outside text fields.
fn keyboard(step_errors: impl Fn(bool) + 'static, log_url: Memo<Option<String>>, search: Search) {
    let handle = window_event_listener(leptos::ev::keydown, move |e: web_sys::KeyboardEvent| {
        let focus_search = || {
            if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(".lv-search-input").ok().flatten())
            {
                if let Ok(input) = el.dyn_into::<web_sys::HtmlInputElement>() {
                    let _ = input.focus();
                    input.select();
                }
            }
        };
        if (e.ctrl_key() || e.meta_key()) && e.key() == "f" {
            e.prevent_default();
            focus_search();
            return;
        }
        if typing_in_a_field(&e) || e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        match e.key().as_str() {
            "n" => step_errors(true),
            "p" => step_errors(false),
            "/" => {
                e.prevent_default();
                focus_search();
            }
            "L" if e.shift_key() => {
                if let Some(url) = log_url.get_untracked() {
                    if let Some(w) = web_sys::window() {
                        let _ = w.open_with_url_and_target(&url, "_blank");
                    }
                }
            }
            "Escape" if search.only_matching.get_untracked() => search.only_matching.set(false),
            "Escape" => focus_pane(),
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
}
