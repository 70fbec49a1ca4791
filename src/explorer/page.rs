use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use leptos_router::NavigateOptions;

use super::credentials::restore_remembered;
use super::menu::DocsMenu;
use super::operation::OperationView;
use super::overview::{Overview, TagView};
use super::spec::{self, Source, Spec};
use super::target::{self, Target};
use crate::hallway::api::use_api;
use crate::hallway::ready::mark_ready;
use crate::widgets::{Notice, Spinner};

/// Treeherder's `/docs`: the server's OpenAPI schema, browsable, searchable and callable.
#[component]
pub fn DocsPage() -> impl IntoView {
    let api = use_api();
    let spec = LocalResource::new(move || {
        let client = api.client();
        async move { spec::load(client).await }
    });
    let spec_resource = spec;
    let location = use_location();
    let target = Memo::new(move |_| target::parse(&location.hash.get()));
    let navigate = crate::hallway::navigation::navigate_fn();
    // Fragment navigation through the router, so history and `server=` stay as they are.
    let go = Callback::new(move |hash: String| {
        let route = crate::hallway::base::route_path(&location.pathname.get_untracked());
        let path = format!("{route}{}{hash}", search_part(&location.search.get_untracked()));
        navigate.with_value(|n| n(&path, NavigateOptions::default()));
    });
    restore_remembered(api);

    let state = move || match spec.get() {
        None => "loading",
        Some(Ok(_)) => "ready",
        Some(Err(_)) => "error",
    };

    view! {
        <section class="docs-page" data-view="docs" data-state=state>
            {move || match spec.get() {
                None => view! {
                    <div class="docs-loading">
                        <Spinner label=Signal::derive(move || format!("Loading the API schema from {}…", api.server.get().url))/>
                    </div>
                }.into_any(),
                Some(Err(message)) => view! {
                    <div class="error-banner" role="alert"><strong class="error-title">"The API schema cannot be shown"</strong>
                    <span class="error-message">{message}</span></div>
                }.into_any(),
                Some(Ok(spec)) => view! { <Loaded spec target go retry=Callback::new(move |_| spec_resource.refetch())/> }.into_any(),
            }}
        </section>
    }
}

fn search_part(search: &str) -> String {
    if search.is_empty() || search.starts_with('?') {
        search.to_string()
    } else {
        format!("?{search}")
    }
}

#[component]
fn Loaded(spec: Arc<Spec>, target: Memo<Target>, go: Callback<String>, retry: Callback<()>) -> impl IntoView {
    // Ready once the menu (every operation) is on screen.
    request_animation_frame(|| mark_ready("docs"));
    let api = use_api();
    let origin = api.server.get_untracked().url.to_string();

    // Window title follows the open operation, as Redoc's does not.
    {
        let spec = spec.clone();
        Effect::new(move |_| {
            let title = match target.get() {
                Target::Operation(id) => spec.op(&id).map_or_else(|| "API".to_string(), |o| format!("{} {}", o.method, o.path)),
                Target::Tag(tag) => format!("{tag} – API"),
                _ => "API".to_string(),
            };
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                doc.set_title(&format!("{title} – Treeherder Explorer"));
            }
        });
    }

    let source_notice = match &spec.source {
        Source::Live => None,
        Source::Bundled(reason) => Some(format!(
            "Showing the schema bundled with Treeherder Explorer (recorded from treeherder.mozilla.org), because {origin} did not provide one: {reason}"
        )),
    };
    let content = {
        let spec = spec.clone();
        move || match target.get() {
            Target::Overview => view! { <Overview spec=spec.clone()/> }.into_any(),
            Target::Tag(tag) if spec.tags.contains(&tag) => view! { <TagView spec=spec.clone() tag/> }.into_any(),
            Target::Operation(id) => match spec.op(&id) {
                Some(op) => view! { <OperationView spec=spec.clone() op=op.clone()/> }.into_any(),
                None => not_found(spec.clone(), format!("No operation \u{201c}{id}\u{201d} in this schema.")),
            },
            Target::Tag(tag) => not_found(spec.clone(), format!("No tag \u{201c}{tag}\u{201d} in this schema.")),
            Target::Unknown(hash) => not_found(spec.clone(), format!("\u{201c}#{hash}\u{201d} is not a link this page knows.")),
        }
    };
    view! {
        <aside class="docs-sidebar">
            <DocsMenu spec=spec.clone() target go/>
        </aside>
        <div class="docs-main" data-source=if spec.source == Source::Live { "live" } else { "bundled" }>
            {source_notice.map(|text| view! {
                <div class="docs-source-notice" role="status">
                    <span>{text}</span>
                    " "<button type="button" class="btn btn-small docs-retry" on:click=move |_| retry.run(())>"Retry the server"</button>
                </div>
            })}
            {content}
        </div>
    }
}

fn not_found(spec: Arc<Spec>, message: String) -> AnyView {
    view! {
        <Notice text=format!("{message} Showing the overview instead.")/>
        <Overview spec/>
    }
    .into_any()
}
