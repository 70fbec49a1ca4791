//! The pushes, newest first, each with its revisions and job rows; "get next 10 | 20 | 50".

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::job_rows::JobTable;
use super::keyboard::select_job;
use super::model::{layout, Unfolding};
use super::push_header::PushHeader;
use super::revisions::Revisions;
use super::store::{ListState, PushLoad, PushSlot};
use super::use_jobs;
use crate::hallway::api::use_api;
use crate::widgets::{ErrorBanner, Notice, Spinner};

#[component]
pub fn PushList() -> impl IntoView {
    let ctx = use_jobs();
    let api = use_api();
    let store = ctx.store;
    let selected_id = Memo::new(move |_| ctx.selected.with(|s| s.as_ref().map(|s| s.job.id)));

    // Selection changes touch two buttons, not every button.
    Effect::new(move |previous: Option<Option<i64>>| {
        let current = selected_id.get();
        let document = web_sys::window().and_then(|w| w.document());
        if let Some(d) = &document {
            if let Some(Some(old)) = previous {
                if let Ok(Some(el)) = d.query_selector(&format!("#push-list .job-btn[data-job-id=\"{old}\"]")) {
                    let _ = el.class_list().remove_1("selected");
                }
            }
            if let Some(id) = current {
                if let Ok(Some(el)) = d.query_selector(&format!("#push-list .job-btn[data-job-id=\"{id}\"]")) {
                    let _ = el.class_list().add_1("selected");
                }
            }
        }
        current
    });

    // One listener for every job button, group symbol and count.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        if let Ok(Some(button)) = target.closest(".job-btn") {
            if let Some(id) = button.get_attribute("data-job-id").and_then(|v| v.parse::<i64>().ok()) {
                if crate::hallway::embed::is_embed() {
                    // Embedded: the job opens in the full app.
                    crate::hallway::embed::open_full_with("selectedJob", &id.to_string());
                    return;
                }
                let already = selected_id.get_untracked() == Some(id);
                select_job(ctx, if already { None } else { Some(id) });
            }
            return;
        }
        if let Ok(Some(toggle)) = target.closest(".group-symbol, .job-count") {
            if let Some(key) = toggle.get_attribute("data-group-key") {
                ctx.expanded.update(|keys| {
                    if let Some(i) = keys.iter().position(|k| *k == key) {
                        keys.remove(i);
                    } else {
                        keys.push(key);
                    }
                });
            }
        }
    };

    // Tooltips are not written into the rows (they would double their size); they are added
    // when a button is hovered or focused.
    let add_title = move |target: Option<web_sys::EventTarget>| {
        let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let Ok(Some(button)) = el.closest(".job-btn:not([title])") else { return };
        let Some(id) = button.get_attribute("data-job-id").and_then(|v| v.parse::<i64>().ok()) else { return };
        let title = store.pushes.with_untracked(|ps| {
            ps.iter().find_map(|p| p.jobs.with_untracked(|j| j.entries.iter().find(|e| e.job.id == id).map(|e| e.title.to_string())))
        });
        if let Some(title) = title {
            let _ = button.set_attribute("title", &title);
            let _ = button.set_attribute("aria-label", &format!("{}: {title}", button.text_content().unwrap_or_default()));
        }
    };
    let repo_name = Memo::new(move |_| ctx.params.with(|p| p.repo.clone()));
    let repository = Memo::new(move |_| {
        let name = repo_name.get();
        api.repositories.with(|r| r.as_ref().and_then(|r| r.as_ref().ok()).and_then(|list| list.iter().find(|r| r.name == name).cloned()))
    });
    let unknown_repo = move || {
        let name = repo_name.get();
        api.repositories.with(|r| matches!(r, Some(Ok(list)) if !list.iter().any(|r| r.name == name)))
    };

    view! {
        <div id="push-list" on:click=on_click on:mouseover=move |e| add_title(e.target()) on:focusin=move |e| add_title(e.target())>
            {move || match store.state.get() {
                ListState::Loading => view! { <div class="list-status"><Spinner label=Signal::stored("Loading pushes…".to_string())/></div> }.into_any(),
                ListState::Failed(error) => {
                    let repo = ctx.params.with_untracked(|p| p.repo.clone());
                    let context = if unknown_repo() { format!("Loading pushes of {repo} (a repository this server does not know)") } else { format!("Loading pushes of {repo}") };
                    view! {
                        <ErrorBanner context error on_retry=Callback::new(move |_| {
                            let (repo, range) = ctx.params.with_untracked(|p| (p.repo.clone(), p.range.clone()));
                            store.load(api.client_untracked(), repo, range);
                        })/>
                    }.into_any()
                }
                ListState::Ready => {
                    let empty = store.pushes.with(Vec::is_empty);
                    empty.then(|| view! { <EmptyList/> }).into_any()
                }
            }}
            {move || store.poll.get().last_error.map(|error| {
                let next = store.poll.with(|p| p.next_in);
                view! {
                    <div class="poll-error" role="status">
                        <Notice text=format!("Live updates paused: {error}. Retrying in {next} s; what is shown stays as it was.")/>
                    </div>
                }
            })}
            <For each=move || store.pushes.get() key=|slot| slot.push.id
                children=move |slot| view! { <PushView push_slot=slot repository=Signal::derive(move || repository.get()) selected=Signal::derive(move || selected_id.get())/> }/>
            <Pager/>
        </div>
    }
}

#[component]
fn EmptyList() -> impl IntoView {
    let ctx = use_jobs();
    let text = move || {
        ctx.params.with(|p| match &p.range.revision {
            Some(rev) => format!("No push with revision {rev} in {}.", p.repo),
            None if p.range.author.is_some() => format!("No pushes by {} in {}.", p.range.author.clone().unwrap_or_default(), p.repo),
            None => format!("No pushes found in {} for this range.", p.repo),
        })
    };
    // A notice, not grey text: the URL asked for something this repository does not have.
    view! { <div class="notice list-status empty" role="status">{text}</div> }
}

#[component]
fn PushView(
    push_slot: PushSlot,
    repository: Signal<Option<treeherder_client::models::Repository>>,
    selected: Signal<Option<i64>>,
) -> impl IntoView {
    let ctx = use_jobs();
    let api = use_api();
    let slot = push_slot;
    let push_id = slot.push.id;
    let jobs = slot.jobs;
    let layout = Memo::new(move |_| {
        let all_expanded = ctx.params.with(|p| p.groups_expanded);
        let duplicates = ctx.params.with(|p| p.duplicates_visible);
        let prefix = format!("{push_id}|");
        let expanded: Vec<String> = ctx.expanded.with(|e| e.iter().filter(|k| k.starts_with(&prefix)).cloned().collect());
        let chosen = selected.get();
        ctx.filter.with(|f| {
            jobs.with(|j| {
                layout(
                    push_id,
                    &j.entries,
                    &j.skeleton,
                    f,
                    &Unfolding { all_expanded, expanded_groups: &expanded, show_duplicates: duplicates, selected: chosen },
                )
            })
        })
    });
    ctx.layouts.update_value(|m| {
        m.insert(push_id, layout);
    });
    on_cleanup(move || {
        ctx.layouts.update_value(|m| {
            m.remove(&push_id);
        })
    });
    let collapsed = Signal::derive(move || ctx.params.with(|p| p.collapsed_pushes.contains(&push_id)));
    // The first pushes are drawn at once (no frame waiting for the observer); the others when
    // they come within a screen or so of the viewport.
    let eager = Memo::new(move |_| ctx.store.pushes.with(|ps| ps.iter().position(|p| p.push.id == push_id).is_some_and(|i| i < 3)));
    let near = RwSignal::new(false);
    let section = NodeRef::<leptos::html::Section>::new();
    watch_nearness(section, near);
    let render_now = Signal::derive(move || eager.get() || near.get());
    let load = slot.load;
    let retry_slot = slot.clone();
    let status = move || match load.get() {
        PushLoad::Loading(progress) => {
            let text = match (progress.items_total, progress.pages_total) {
                (Some(total), _) => format!("Loading jobs\u{2026} {} of {total}", progress.items),
                _ => "Loading jobs\u{2026}".to_string(),
            };
            let value = progress.fraction().map(|f| (f * 100.0).round());
            view! {
                <div class="push-loading" role="status">
                    <progress max="100" value=value.map(|v| v.to_string()) aria-label="Loading jobs"></progress>
                    <span>{text}</span>
                </div>
            }
            .into_any()
        }
        PushLoad::Failed(error) => {
            let slot = retry_slot.clone();
            view! {
                <ErrorBanner context=format!("Loading the jobs of push {push_id}") error
                    on_retry=Callback::new(move |_| ctx.store.retry_push(api.client_untracked(), slot.clone()))/>
            }
            .into_any()
        }
        PushLoad::Skipped => view! { <div class="push-loading">"Jobs not loaded (nojobs)."</div> }.into_any(),
        PushLoad::Loaded => {
            let nothing = layout.with(|l| l.rows.is_empty()) && jobs.with(|j| !j.entries.is_empty());
            nothing.then(|| view! { <div class="push-nothing">"No jobs match the filters."</div> }).into_any()
        }
    };
    let push = slot.push.clone();
    let header_slot = slot.clone();
    view! {
        <section class="push" node_ref=section id=format!("push-{push_id}") data-push-id=push_id
            data-loaded=move || load.with(|l| matches!(l, PushLoad::Loaded)).to_string()
            data-shown=move || layout.with(|l| l.shown)>
            <PushHeader push_slot=header_slot collapsed/>
            <Show when=move || !collapsed.get()>
                <div class="push-body">
                    <Revisions push=push.clone() repo=repository/>
                    <div class="push-jobs">
                        {status.clone()}
                        <JobTable layout selected render_now/>
                    </div>
                </div>
            </Show>
        </section>
    }
}

/// "get next: 10 | 20 | 50" older pushes.
#[component]
fn Pager() -> impl IntoView {
    let ctx = use_jobs();
    let api = use_api();
    let store = ctx.store;
    let error = RwSignal::new(None::<treeherder_client::Error>);
    let more = move |count: usize| {
        let (repo, mut range) = ctx.params.with_untracked(|p| (p.repo.clone(), p.range.clone()));
        let client = api.client_untracked();
        leptos::task::spawn_local(async move {
            match store.load_more(client, repo, range.clone(), count).await {
                Ok(Some(oldest)) => {
                    error.set(None);
                    // As Treeherder: a single revision becomes the top of the range, a start
                    // date is dropped, and the URL's fromchange marks what is loaded.
                    let mut changes: Vec<(&str, Option<String>)> = vec![("fromchange", Some(oldest.clone()))];
                    if let Some(rev) = range.revision.take() {
                        changes.push(("revision", None));
                        changes.push(("tochange", Some(rev.clone())));
                        range.tochange = Some(rev);
                    }
                    if range.startdate.take().is_some() {
                        changes.push(("startdate", None));
                    }
                    range.fromchange = Some(oldest);
                    store.set_loaded_range(range);
                    ctx.set_params(&changes, true);
                }
                Ok(None) => {}
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <Show when=move || store.state.with(|s| *s == ListState::Ready) && !store.pushes.with(Vec::is_empty)>
            <div class="pager">
                <span>"get next:"</span>
                {[10usize, 20, 50].into_iter().map(|n| view! {
                    <button type="button" class="btn-link" disabled=move || store.loading_more.get() on:click=move |_| more(n)>{n}</button>
                }).collect_view()}
                {move || store.loading_more.get().then(|| view! { <Spinner label=Signal::stored("Loading older pushes…".to_string())/> })}
            </div>
            {move || error.get().map(|e| view! { <ErrorBanner context="Loading older pushes" error=e/> })}
        </Show>
    }
}

/// Sets `near` while the element is within a screen or so of the viewport.
fn watch_nearness(element: NodeRef<leptos::html::Section>, near: RwSignal<bool>) {
    use wasm_bindgen::closure::Closure;
    // The observer and its callback live as long as the element does.
    type Watcher = send_wrapper::SendWrapper<(web_sys::IntersectionObserver, Closure<dyn Fn(js_sys::Array)>)>;
    let observer: StoredValue<Option<Watcher>> = StoredValue::new(None);
    Effect::new(move |_| {
        let Some(el) = element.get() else { return };
        if observer.with_value(Option::is_some) {
            return;
        }
        let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            for entry in entries.iter() {
                if let Ok(entry) = entry.dyn_into::<web_sys::IntersectionObserverEntry>() {
                    near.set(entry.is_intersecting());
                }
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin("600px 0px 600px 0px");
        if let Ok(obs) = web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options) {
            obs.observe(&el);
            observer.set_value(Some(send_wrapper::SendWrapper::new((obs, callback))));
        }
    });
    on_cleanup(move || {
        if let Some(pair) = observer.try_update_value(Option::take).flatten() {
            pair.0.disconnect();
        }
    });
}
