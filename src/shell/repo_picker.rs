use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use treeherder_client::models::Repository;

use crate::hallway::api::use_api;
use crate::hallway::links::route_with_query;
use crate::hallway::navigation::use_current_repo;
use crate::hallway::views::DEFAULT_VIEW;

/// Repositories grouped as Treeherder's menu groups them, the deployment's favourites first.
pub fn group_repositories<'a>(repos: &'a [Repository], favourites: &[String]) -> Vec<(String, Vec<&'a Repository>)> {
    let mut groups: Vec<(String, Vec<&Repository>)> = Vec::new();
    let favs: Vec<&Repository> = favourites.iter().filter_map(|name| repos.iter().find(|r| &r.name == name)).collect();
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
        let path = crate::hallway::base::route_path(&location.pathname.get_untracked());
        let path = if crate::hallway::views::view_at(&path).is_none() { DEFAULT_VIEW.path().to_string() } else { path };
        navigate(&route_with_query(&path, &[("repo", chosen.as_str())], &api.server.get_untracked()), Default::default());
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
                let unknown = (!known).then(|| {
                    view! {
                        <option value=current.clone() selected=true>{format!("{current} (unknown)")}</option>
                    }
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
