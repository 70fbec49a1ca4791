use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use treeherder_client::models::Repository;

use crate::api::use_api;
use crate::links::app_route;

/// Treeherder's default repository (`thDefaultRepo`).
pub const DEFAULT_REPO: &str = "autoland";

/// The repository of the page (`?repo=`, default autoland).
pub fn use_current_repo() -> Memo<String> {
    let query = use_query_map();
    Memo::new(move |_| query.read().get("repo").filter(|r| !r.is_empty()).unwrap_or_else(|| DEFAULT_REPO.to_string()))
}

/// Same as [`use_current_repo`], read once (for link builders outside a component body).
pub fn current_repo() -> String {
    use_query_map().with(|q| q.get("repo")).filter(|r| !r.is_empty()).unwrap_or_else(|| DEFAULT_REPO.to_string())
}

/// Repositories grouped as Treeherder's menu groups them, the deployment's favourites first.
pub fn group_repositories<'a>(repos: &'a [Repository], favourites: &[String]) -> Vec<(String, Vec<&'a Repository>)> {
    let mut groups: Vec<(String, Vec<&Repository>)> = Vec::new();
    let favs: Vec<&Repository> =
        favourites.iter().filter_map(|name| repos.iter().find(|r| &r.name == name)).collect();
    if !favs.is_empty() {
        groups.push(("Favourites".to_string(), favs));
    }
    for repo in repos {
        let group = repo.group_name().to_string();
        match groups.iter_mut().find(|(g, _)| *g == group) {
            Some((_, list)) => list.push(repo),
            None => groups.push((group, vec![repo])),
        }
    }
    groups
}

/// The repository menu: switching repository opens that repository's jobs (on the jobs view)
/// or the same view for it, keeping the server.
#[component]
pub fn RepoPicker() -> impl IntoView {
    let api = use_api();
    let repo = use_current_repo();
    let navigate = use_navigate();
    let location = use_location();
    let repositories = api.repositories;

    let on_change = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev);
        let path = crate::base::route_path(&location.pathname.get_untracked());
        let path = if path == "/" || path.is_empty() { "/jobs".to_string() } else { path };
        navigate(&app_route(&path, &[("repo", chosen.as_str())], &api.server.get_untracked()), Default::default());
    };

    let options = move || {
        let current = repo.get();
        match repositories.get() {
            None => view! { <option value=current.clone() selected=true>{current.clone()}</option> }.into_any(),
            Some(Err(_)) => view! { <option value=current.clone() selected=true>{current.clone()}</option> }.into_any(),
            Some(Ok(list)) => {
                let favourites = api.config.with(|c| c.config.repositories.clone());
                let mut known = false;
                let groups = group_repositories(&list, &favourites)
                    .into_iter()
                    .map(|(group, repos)| {
                        let items = repos
                            .into_iter()
                            .map(|r| {
                                let selected = r.name == current;
                                known |= selected;
                                view! { <option value=r.name.clone() selected=selected>{r.name.clone()}</option> }
                            })
                            .collect_view();
                        view! { <optgroup label=group>{items}</optgroup> }
                    })
                    .collect_view();
                // A repository the server does not know still shows, so the picker tells the truth.
                let unknown = (!known).then(|| view! {
                    <option value=current.clone() selected=true>{format!("{current} (unknown)")}</option>
                });
                view! { {unknown}{groups} }.into_any()
            }
        }
    };
    let state = move || match repositories.get() {
        None => "loading",
        Some(Err(_)) => "error",
        Some(Ok(_)) => "ready",
    };
    let count = move || repositories.get().and_then(|r| r.ok()).map(|l| l.len()).unwrap_or(0);

    view! {
        <label class="repo-picker">
            <span class="visually-hidden">"Repository"</span>
            <select id="repo-picker" data-state=state data-count=count on:change=on_change
                aria-label="Repository" title="Repository">
                {options}
            </select>
        </label>
    }
}
