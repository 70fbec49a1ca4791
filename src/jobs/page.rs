use std::sync::Arc;

use leptos::prelude::*;

use super::details::DetailsPanel;
use super::filter_bar::FilterBar;
use super::keyboard::{install_shortcuts, ShortcutHelp};
use super::model::JobFilter;
use super::push_list::PushList;
use super::selection::find_loaded;
use super::store::{JobsStore, ListState};
use super::url_state::JobsParams;
use super::JobsContext;
use crate::hallway::api::use_api;
use crate::hallway::navigation::{navigate_fn, query_pairs};
use crate::widgets::Notice;

/// The jobs view of a repository.
#[component]
pub fn JobsPage() -> impl IntoView {
    let api = use_api();
    let pairs = query_pairs();
    let params = Memo::new(move |_| pairs.with(|p| JobsParams::parse(p)));
    let filter = Memo::new(move |_| params.with(|p| Arc::new(JobFilter::new(&p.filter))));
    let store = JobsStore::new();
    let selected = Memo::new(move |_| params.with(|p| store.pushes.with(|ps| find_loaded(&p.selection, ps))));
    let ctx = JobsContext {
        store,
        params,
        filter,
        pairs,
        expanded: RwSignal::new(Vec::new()),
        selected,
        help_open: RwSignal::new(false),
        layouts: StoredValue::new(Default::default()),
        navigate: navigate_fn(),
    };
    provide_context(ctx);

    // Reload when the repository, the range or the server changes, not when the URL changes to
    // what is already loaded (e.g. `fromchange` after "get next").
    let range = Memo::new(move |_| params.with(|p| (p.repo.clone(), p.range.clone())));
    Effect::new(move |_| {
        let (repo, range) = range.get();
        let client = api.client();
        if store.is_loaded(client.server(), &repo, &range) {
            return;
        }
        ctx.expanded.set(Vec::new());
        store.load(client, repo, range);
    });

    // Window title: "[unclassified failures] repo", as Treeherder. A repository's count is first
    // shown once every push's jobs are in (setting the title costs the browser up to ~10 ms each
    // time, and a count climbing push by push tells nobody anything), then kept up to date.
    let counted_repo: StoredValue<Option<String>> = StoredValue::new(None);
    Effect::new(move |_| {
        let repo = store.repo.get();
        if repo.is_empty() {
            return;
        }
        let name = match api.config.with(|c| c.config.title.clone()).filter(|t| t != "Treeherder Explorer") {
            Some(prefix) => format!("{repo} – {prefix}"),
            None => repo.clone(),
        };
        let counted = counted_repo.with_value(|c| c.as_deref() == Some(repo.as_str()));
        let title = if counted || store.all_settled() {
            counted_repo.set_value(Some(repo));
            let unclassified: usize = store.pushes.with(|ps| ps.iter().map(|p| p.jobs.with(|j| j.counts.unclassified_failures)).sum());
            format!("[{unclassified}] {name}")
        } else {
            name
        };
        if let Some(doc) = web_sys::window().and_then(|w| w.document()).filter(|d| d.title() != title) {
            doc.set_title(&title);
        }
    });

    // A job selected by the URL is brought into view once, when it first shows up.
    let scrolled_to: StoredValue<Option<i64>> = StoredValue::new(None);
    Effect::new(move |_| {
        if let Some((id, push)) = selected.with(|s| s.as_ref().map(|s| (s.job.id, s.job.push_id))) {
            if scrolled_to.get_value() != Some(id) {
                scrolled_to.set_value(Some(id));
                super::keyboard::scroll_to_job(id, Some(push));
            }
        }
    });

    // The explorer's try-it fills its defaults from what the user last looked at here.
    Effect::new(move |_| {
        let repo = params.with(|p| p.repo.clone());
        let newest = store.pushes.with(|ps| ps.first().map(|s| (s.push.id, s.push.revision.clone())));
        let job = selected.with(|s| s.as_ref().map(|s| s.job.clone()));
        let recent = crate::hallway::api::Recent {
            repo: Some(repo),
            push_id: job.as_ref().map(|j| j.push_id).or(newest.as_ref().map(|n| n.0)),
            revision: job.as_ref().and_then(|j| j.push_revision.clone()).or(newest.map(|n| n.1)),
            job_id: job.as_ref().map(|j| j.id),
            task_id: job.and_then(|j| j.task_id),
        };
        if api.recent.with_untracked(|r| *r != recent) {
            recent.remember();
            api.recent.set(recent);
        }
    });

    super::polling::start(ctx, api);
    install_shortcuts(ctx);

    let warnings = move || params.with(|p| p.warnings.clone());
    let list_state = move || match store.state.get() {
        ListState::Loading => "loading",
        ListState::Failed(_) => "error",
        ListState::Ready => {
            if store.all_settled() {
                "ready"
            } else {
                "loading-jobs"
            }
        }
    };
    Effect::new(move |_| {
        if list_state() == "ready" {
            crate::hallway::ready::mark("jobs:settled");
            request_animation_frame(|| crate::hallway::ready::mark_ready("jobs"));
        }
    });

    view! {
        <section class="jobs-page" data-view="jobs" data-state=list_state data-repo=move || params.with(|p| p.repo.clone())>
            <h1 class="visually-hidden">{move || params.with(|p| format!("Jobs of {}", p.repo))}</h1>
            <FilterBar/>
            {move || warnings().into_iter().map(|w| view! { <Notice text=w/> }).collect_view()}
            <div class="jobs-main">
                <PushList/>
            </div>
            <DetailsPanel/>
            <ShortcutHelp/>
        </section>
    }
}
