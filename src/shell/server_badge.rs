use leptos::prelude::*;

use crate::hallway::api::use_api;
use crate::hallway::links::app_href;
use crate::hallway::server::server_kind;
use crate::hallway::views::ViewId;

/// The server in use, at a glance: its kind (production, stage, local, custom) and host.
#[component]
pub fn ServerBadge() -> impl IntoView {
    let api = use_api();
    let kind = move || server_kind(&api.server.get().url);
    let label = move || api.server.get().url.label().to_string();
    let title = move || {
        let s = api.server.get();
        format!("Treeherder server: {} ({})", s.url, s.source.describe())
    };
    view! {
        <a class="server-badge" data-kind=move || kind().to_lowercase() title=title
            href=move || app_href(ViewId::Settings, &[], &api.server.get())>
            <span class="server-kind">{kind}</span>
            <span class="server-host" data-testid="server-host">{label}</span>
        </a>
    }
}
