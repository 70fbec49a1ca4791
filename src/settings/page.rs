use leptos::prelude::*;
use treeherder_client::ServerUrl;

use crate::hallway::api::use_api;
use crate::hallway::server::{self, ServerSource, KNOWN_SERVERS};

/// Choose the server: production, stage, local or a custom URL; the choice is saved in this
/// browser. `?server=` in a page URL still wins for that page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let api = use_api();
    let custom = RwSignal::new(server::custom_servers());
    let draft = RwSignal::new(String::new());
    let draft_error = RwSignal::new(None::<String>);

    let choose = move |url: Option<ServerUrl>| {
        server::save_server(url.as_ref());
        api.saved.set(url.map(|u| u.as_str().to_string()));
    };
    let saved_url = move || api.saved.get().and_then(|s| ServerUrl::parse(&s).ok());

    let add_custom = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match ServerUrl::parse(&draft.get_untracked()) {
            Ok(url) => {
                custom.update(|list| {
                    if !list.iter().any(|u| u == url.as_str()) {
                        list.push(url.as_str().to_string());
                    }
                    server::save_custom_servers(list);
                });
                draft.set(String::new());
                draft_error.set(None);
                choose(Some(url));
            }
            Err(e) => draft_error.set(Some(e.to_string())),
        }
    };

    let row = move |name: String, url: String, removable: bool| {
        let parsed = ServerUrl::parse(&url).ok();
        let is_saved = {
            let parsed = parsed.clone();
            Memo::new(move |_| saved_url() == parsed)
        };
        let use_it = {
            let parsed = parsed.clone();
            move |_| choose(parsed.clone())
        };
        let url_for_remove = url.clone();
        let remove = move |_| {
            custom.update(|list| {
                list.retain(|u| *u != url_for_remove);
                server::save_custom_servers(list);
            });
            if saved_url().is_some_and(|s| s.as_str() == url_for_remove) {
                choose(None);
            }
        };
        view! {
            <li class="server-row" class:chosen=is_saved>
                <label>
                    <input type="radio" name="server" checked=is_saved on:change=use_it/>
                    <span class="server-name">{name}</span>
                    <code class="server-url">{url.clone()}</code>
                </label>
                {removable.then(|| view! {
                    <button class="btn btn-small" type="button" on:click=remove
                        aria-label=format!("Remove {url}")>"Remove"</button>
                })}
            </li>
        }
    };

    let active = move || api.server.get();
    view! {
        <section class="page settings" data-view="settings" data-state="ready">
            <h1>"Settings"</h1>
            <h2>"Treeherder server"</h2>
            <p class="active-server">
                "In use: " <code data-testid="active-server">{move || active().url.to_string()}</code>
                " — " {move || active().source.describe()}
            </p>
            {move || (active().source == ServerSource::UrlParameter).then(|| view! {
                <p class="hint">"This page's URL sets the server with server=…; it overrides the saved choice below for this tab."</p>
            })}
            <ul class="server-list">
                {KNOWN_SERVERS.iter().map(|k| row(k.name.to_string(), k.url.to_string(), false)).collect_view()}
                {move || custom.get().into_iter().map(|u| row("Custom".to_string(), u, true)).collect_view()}
            </ul>
            <form class="add-server" on:submit=add_custom>
                <label for="custom-server">"Custom server URL"</label>
                <input id="custom-server" type="url" placeholder="https://treeherder.example.org"
                    prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))/>
                <button class="btn" type="submit">"Add and use"</button>
                {move || draft_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            </form>
            <p>
                <button class="btn" type="button" on:click=move |_| choose(None)
                    disabled=move || api.saved.get().is_none()>
                    "Forget the saved choice"
                </button>
                " (then the deployment's default or production is used)"
            </p>
        </section>
    }
}
