//! Hawk credentials (client id + secret) for the try-it console. Kept in memory for this tab by
//! default; remembered in this browser, per server origin, only when the user ticks the box.
//! Never put in a URL, a log line or a snippet (snippets carry a ready header or read the secret
//! from the environment).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use treeherder_client::Credentials;

use crate::hallway::api::Api;
use crate::hallway::storage;

#[derive(Serialize, Deserialize)]
struct Stored {
    client_id: String,
    secret: String,
}

fn storage_key(origin: &str) -> String {
    format!("treeherder-explorer:hawk:{origin}")
}

fn remembered(origin: &str) -> Option<Credentials> {
    let text = storage::get(&storage_key(origin))?;
    let stored: Stored = serde_json::from_str(&text).ok()?;
    Credentials::new(&stored.client_id, &stored.secret).ok()
}

fn set_for(api: Api, origin: &str, credentials: Option<Credentials>) {
    api.hawk.update(|list| {
        list.retain(|(o, _)| o != origin);
        if let Some(c) = credentials {
            list.push((origin.to_string(), c));
        }
    });
}

/// Loads credentials the user chose to remember for the active server, once per origin.
pub fn restore_remembered(api: Api) {
    Effect::new(move |_| {
        let origin = api.server.with(|s| s.url.origin().to_string());
        let known = api.hawk.with_untracked(|l| l.iter().any(|(o, _)| *o == origin));
        if !known {
            if let Some(c) = remembered(&origin) {
                set_for(api, &origin, Some(c));
            }
        }
    });
}

/// Entry and status of the credentials for the active server.
#[component]
pub fn CredentialsPanel() -> impl IntoView {
    let api = crate::hallway::api::use_api();
    let origin = Memo::new(move |_| api.server.with(|s| s.url.origin().to_string()));
    let current = Memo::new(move |_| api.credentials());
    let client_id = RwSignal::new(String::new());
    let secret = RwSignal::new(String::new());
    let remember = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let is_remembered = move || {
        current.track();
        storage::get(&storage_key(&origin.get())).is_some()
    };

    let save = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        match Credentials::new(&client_id.get_untracked(), &secret.get_untracked()) {
            Ok(c) => {
                let origin = origin.get_untracked();
                if remember.get_untracked() {
                    let stored = Stored { client_id: c.client_id().to_string(), secret: c.expose_secret().to_string() };
                    if let Ok(text) = serde_json::to_string(&stored) {
                        storage::set(&storage_key(&origin), &text);
                    }
                }
                set_for(api, &origin, Some(c));
                secret.set(String::new());
                problem.set(None);
            }
            Err(e) => problem.set(Some(format!("These credentials cannot be used: {e}."))),
        }
    };
    let forget = move |_| {
        let origin = origin.get_untracked();
        storage::remove(&storage_key(&origin));
        set_for(api, &origin, None);
    };

    view! {
        <div class="hawk-panel" data-signed-in=move || current.with(Option::is_some).to_string()>
            <h3>"Hawk credentials"</h3>
            {move || match current.get() {
                Some(c) => view! {
                    <p class="hawk-status">
                        "Signing as "<code class="hawk-client-id">{c.client_id().to_string()}</code>" for "<code>{origin.get()}</code>
                        {move || if is_remembered() { " (remembered on this device)" } else { " (until this tab closes)" }}
                    </p>
                    <button type="button" class="btn btn-small hawk-forget" on:click=forget>"Forget"</button>
                }.into_any(),
                None => view! {
                    <form class="hawk-form" on:submit=save autocomplete="off">
                        <label>"Client id"
                            <input name="hawk-client-id" type="text" autocomplete="off" spellcheck="false"
                                prop:value=move || client_id.get() on:input=move |e| client_id.set(event_target_value(&e))/>
                        </label>
                        <label>"Secret"
                            <input name="hawk-secret" type="password" autocomplete="new-password"
                                prop:value=move || secret.get() on:input=move |e| secret.set(event_target_value(&e))/>
                        </label>
                        <label class="check">
                            <input type="checkbox" name="hawk-remember" prop:checked=move || remember.get()
                                on:change=move |e| remember.set(event_target_checked(&e))/>
                            {move || format!("Remember on this device for {}", origin.get())}
                        </label>
                        <p class="muted small">"Kept in this tab's memory unless remembered (then in this browser's storage, unencrypted). Never put in URLs or logs."</p>
                        {move || problem.get().map(|p| view! { <p class="form-problem" role="alert">{p}</p> })}
                        <button type="submit" class="btn">"Use these credentials"</button>
                    </form>
                }.into_any(),
            }}
        </div>
    }
}
