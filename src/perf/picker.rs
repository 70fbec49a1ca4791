//! "Add test data": Perfherder's series picker. Framework, repository, platform, include
//! subtests, tag, and a text filter over test names; click tests to select them, then add.

use leptos::prelude::*;
use treeherder_client::models::PerformanceSignature;
use treeherder_client::SignatureQuery;

use super::conventions::MAX_SERIES;
use super::url_state::SeriesParam;
use crate::hallway::api::use_api;
use crate::widgets::{ErrorBanner, Spinner};

/// Tests listed at once (refine the filter for more).
const LIST_LIMIT: usize = 300;

fn searchable(s: &PerformanceSignature) -> String {
    format!("{} {} {} {} {}", s.suite, s.test.as_deref().unwrap_or(""), s.machine_platform, s.extra_options.join(" "), s.tags.join(" "))
        .to_lowercase()
}

fn label(s: &PerformanceSignature) -> String {
    let mut name = s.name();
    if !s.extra_options.is_empty() {
        name.push(' ');
        name.push_str(&s.extra_options.join(" "));
    }
    name
}

#[component]
pub fn Picker(
    /// Series already shown (not offered again; counts toward the limit).
    shown: Vec<SeriesParam>,
    repo: String,
    framework: i64,
    timerange: i64,
    #[prop(into)] on_add: Callback<Vec<SeriesParam>>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let api = use_api();
    let framework = RwSignal::new(framework);
    let repo = RwSignal::new(repo);
    let platform = RwSignal::new(String::new());
    let subtests = RwSignal::new(false);
    let tag = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let chosen = RwSignal::new(Vec::<(SeriesParam, String)>::new());
    let room = MAX_SERIES.saturating_sub(shown.len());

    let frameworks = LocalResource::new(move || {
        let client = api.client();
        async move { client.performance_frameworks().await }
    });
    let platforms = LocalResource::new(move || {
        let (client, repo, framework) = (api.client(), repo.get(), framework.get());
        async move { client.performance_platforms(&repo, Some(framework), Some(timerange)).await }
    });
    let signatures = LocalResource::new(move || {
        let (client, repo) = (api.client(), repo.get());
        let query = SignatureQuery {
            framework: Some(framework.get()),
            interval: Some(timerange),
            subtests: Some(subtests.get()),
            platform: Some(platform.get()).filter(|p| !p.is_empty()),
            ..Default::default()
        };
        async move { client.performance_signatures(&repo, &query).await }
    });

    let shown_for_list = shown.clone();
    let list = move || {
        let words: Vec<String> = text.get().to_lowercase().split_whitespace().map(str::to_string).collect();
        let tag = tag.get();
        match signatures.get() {
            None => view! { <Spinner label=Signal::derive(|| "Loading tests…".to_string())/> }.into_any(),
            Some(Err(error)) => {
                view! { <ErrorBanner context="Loading the tests" error on_retry=Callback::new(move |_| signatures.refetch())/> }.into_any()
            }
            Some(Ok(map)) => {
                let repo_now = repo.get_untracked();
                let mut matching: Vec<&PerformanceSignature> = map
                    .values()
                    .filter(|s| tag.is_empty() || s.tags.contains(&tag))
                    .filter(|s| {
                        let hay = searchable(s);
                        words.iter().all(|w| hay.contains(w.as_str()))
                    })
                    .filter(|s| !shown_for_list.iter().any(|p| p.repo == repo_now && p.signature == s.id.to_string()))
                    .collect();
                matching.sort_by_key(|s| label(s).to_lowercase());
                let total = matching.len();
                // "0 tests" says why: nothing in range, the filter, or all already shown.
                let none_why = (total == 0).then(|| {
                    if map.is_empty() {
                        let on = platform.with_untracked(|p| if p.is_empty() { String::new() } else { format!(" on {p}") });
                        format!(
                            "No tests of this framework on {repo_now}{on} in the graph's time range: choose another framework, \
                             repository or platform, or a longer time range."
                        )
                    } else if !words.is_empty() || !tag.is_empty() {
                        format!("No test of the {} here matches the filter: change or clear it.", map.len())
                    } else {
                        "Every test here is already on the graph.".to_string()
                    }
                });
                let items = matching.into_iter().take(LIST_LIMIT).map(|s| {
                    let param = SeriesParam { repo: repo_now.clone(), signature: s.id.to_string(), shown: true, framework: s.framework_id };
                    let name = format!("{} · {}", label(s), s.machine_platform);
                    let (p1, p2) = (param.clone(), param.clone());
                    let picked = move || chosen.with(|c| c.iter().any(|(x, _)| x.same(&p1)));
                    let toggle = move |_| {
                        let (param, name) = (p2.clone(), name.clone());
                        chosen.update(|c| match c.iter().position(|(x, _)| x.same(&param)) {
                            Some(i) => {
                                c.remove(i);
                            }
                            None => c.push((param, name)),
                        })
                    };
                    let text = format!("{} · {}", label(s), s.machine_platform);
                    view! {
                        <li><button type="button" class="picker-test" class:picked=picked data-signature-id=s.id.to_string() on:click=toggle>{text}</button></li>
                    }
                }).collect_view();
                let count = match none_why {
                    Some(why) => why,
                    None if total > LIST_LIMIT => format!("{total} tests; the first {LIST_LIMIT} are listed: refine the filter"),
                    None => format!("{total} test{}", if total == 1 { "" } else { "s" }),
                };
                view! {
                    <p class="muted small picker-count">{count}</p>
                    <ul class="picker-list">{items}</ul>
                }
                .into_any()
            }
        }
    };
    let repositories = move || api.repositories.get().and_then(|r| r.ok()).unwrap_or_default();
    let over = move || chosen.with(Vec::len) > room;

    // A dialog takes the focus (on its filter box) and Esc closes it.
    // The page's Suspense takes the dialog out of the document and back while its lists load,
    // which drops the focus: give it back each time a list arrives, unless the user has put it
    // somewhere already.
    let search_box = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        let _ = (frameworks.get().is_some(), platforms.get().is_some(), signatures.get().is_some());
        if let Some(input) = search_box.get() {
            focus_once_connected(input, 30);
        }
    });
    let on_key = move |e: web_sys::KeyboardEvent| {
        if e.key() == "Escape" {
            e.prevent_default();
            e.stop_propagation();
            on_close.run(());
        }
    };
    view! {
        <div class="modal-backdrop" on:click=move |_| on_close.run(())></div>
        <div class="modal picker" role="dialog" aria-modal="true" aria-label="Add test data" on:keydown=on_key>
            <header class="modal-head"><h2>"Add test data"</h2>
                <button type="button" class="modal-close" aria-label="Close" on:click=move |_| on_close.run(())>"\u{00d7}"</button></header>
            <div class="picker-filters">
                <label>"Framework"
                    <select name="framework" on:change=move |e| if let Ok(f) = event_target_value(&e).parse() { framework.set(f) } prop:value=move || framework.get().to_string()>
                        {move || frameworks.get().and_then(|r| r.ok()).unwrap_or_default().into_iter().map(|f| view! { <option value=f.id.to_string()>{f.name}</option> }).collect_view()}
                    </select>
                </label>
                <label>"Repository"
                    <select name="repository" on:change=move |e| repo.set(event_target_value(&e)) prop:value=move || repo.get()>
                        {move || repositories().into_iter().map(|r| view! { <option value=r.name.clone()>{r.name.clone()}</option> }).collect_view()}
                    </select>
                </label>
                <label>"Platform"
                    <select name="platform" on:change=move |e| platform.set(event_target_value(&e)) prop:value=move || platform.get()>
                        <option value="">"All platforms"</option>
                        {move || platforms.get().and_then(|r| r.ok()).unwrap_or_default().into_iter().map(|p| view! { <option value=p.clone()>{p.clone()}</option> }).collect_view()}
                    </select>
                </label>
                <label>"Tag"
                    <select name="tag" on:change=move |e| tag.set(event_target_value(&e)) prop:value=move || tag.get()>
                        <option value="">"Any tag"</option>
                        {move || {
                            let mut tags: Vec<String> = signatures.get().and_then(|r| r.ok()).map(|m| m.values().flat_map(|s| s.tags.clone()).collect()).unwrap_or_default();
                            tags.sort();
                            tags.dedup();
                            tags.into_iter().map(|t| view! { <option value=t.clone()>{t.clone()}</option> }).collect_view()
                        }}
                    </select>
                </label>
                <label class="check"><input type="checkbox" name="subtests" prop:checked=move || subtests.get() on:change=move |e| subtests.set(event_target_checked(&e))/>"Include subtests"</label>
            </div>
            <input type="search" class="picker-search" node_ref=search_box placeholder="Filter tests: e.g. linux tp5o" aria-label="Filter tests"
                prop:value=move || text.get() on:input=move |e| text.set(event_target_value(&e))/>
            <div class="picker-body">{list}</div>
            <div class="picker-selected">
                <h3>{move || format!("Selected tests ({})", chosen.with(Vec::len))}</h3>
                <ul>{move || chosen.get().into_iter().map(|(p, name)| view! {
                    <li>{format!("{name} ({})", p.repo)}
                        <button type="button" class="link-button" on:click=move |_| chosen.update(|c| c.retain(|(x, _)| !x.same(&p)))>"remove"</button></li>
                }).collect_view()}</ul>
                {move || over().then(|| view! { <p class="form-problem">{format!("At most {MAX_SERIES} series can be shown: {room} more fit.")}</p> })}
            </div>
            <footer class="modal-foot">
                <button type="button" class="btn" on:click=move |_| on_close.run(())>"Cancel"</button>
                <button type="button" class="btn btn-primary picker-add" disabled=move || chosen.with(Vec::is_empty) || over()
                    on:click=move |_| on_add.run(chosen.get_untracked().into_iter().map(|(p, _)| p).collect())>
                    {move || format!("Add {} series", chosen.with(Vec::len))}
                </button>
            </footer>
        </div>
    }
}

/// Focuses `input` as soon as it is in the document (looking again each frame, `tries` times)
/// unless the focus is in the dialog already.
fn focus_once_connected(input: web_sys::HtmlInputElement, tries: u32) {
    // Focus not yet in the dialog: still on the button that opened it, or dropped to the body.
    let focus_outside = || {
        let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
        active.is_none_or(|a| a.closest(".picker").ok().flatten().is_none())
    };
    if input.is_connected() {
        if focus_outside() {
            let _ = input.focus();
        }
    } else if tries > 0 {
        request_animation_frame(move || focus_once_connected(input, tries - 1));
    }
}
