//! A legend card per series, as Perfherder's: colour and marker, name, repository, platform,
//! framework, tags; show/hide, remove, and the same test elsewhere.

use std::sync::Arc;

use leptos::prelude::*;
use treeherder_client::models::AlertSettings;

use super::conventions::{style_of, Shape};
use super::related::Related;
use super::series::Series;
use super::url_state::SeriesParam;

/// Where a series is.
#[derive(Clone, Debug, PartialEq)]
pub enum SeriesState {
    Loading,
    Loaded(Arc<Series>),
    Failed(String),
}

/// The marker swatch: (border, background, radius, transform), set through the CSSOM (a strict
/// CSP refuses style attributes).
fn marker(slot: usize) -> (String, &'static str, &'static str, &'static str) {
    let (color, shape, filled) = style_of(slot);
    let fill = if filled { color } else { "transparent" };
    let radius = match shape {
        Shape::Circle => "50%",
        _ => "1px",
    };
    let rotate = if shape == Shape::Diamond { "rotate(45deg) scale(0.85)" } else { "none" };
    (format!("2px solid {color}"), fill, radius, rotate)
}

#[component]
pub fn LegendCard(
    param: SeriesParam,
    position: usize,
    state: SeriesState,
    framework: Option<String>,
    #[prop(into)] on_toggle: Callback<()>,
    #[prop(into)] on_remove: Callback<()>,
    #[prop(into)] on_related: Callback<Related>,
    #[prop(into)] on_retry: Callback<()>,
) -> impl IntoView {
    let (color, _, _) = style_of(position);
    let (border, fill, radius, rotate) = marker(position);
    let signature_id = match &state {
        SeriesState::Loaded(s) => s.signature_id.to_string(),
        _ => param.signature.clone(),
    };
    let shown = param.shown;
    let body = match &state {
        SeriesState::Loading => {
            view! { <div class="legend-name muted">{format!("Loading signature {} on {}…", param.signature, param.repo)}</div> }.into_any()
        }
        SeriesState::Failed(message) => view! {
            <div class="legend-name">{format!("Signature {} on {}", param.signature, param.repo)}</div>
            <div class="legend-error" role="alert">{message.clone()}</div>
            <button type="button" class="btn btn-small legend-retry" on:click=move |_| on_retry.run(())>"Retry"</button>
        }
        .into_any(),
        SeriesState::Loaded(s) => {
            let tags = s.tags.clone();
            view! {
                <div class="legend-name" title=s.name.clone()>{s.name.clone()}</div>
                <div class="legend-fact">{s.param.repo.clone()}</div>
                <div class="legend-fact">{s.platform.clone()}</div>
                {s.application.clone().map(|a| view! { <div class="legend-fact">{a}</div> })}
                {framework.clone().map(|f| view! { <span class="legend-framework">{f}</span> })}
                {(!tags.is_empty()).then(|| view! { <div class="legend-tags">{tags.iter().map(|t| view! { <span class="legend-tag">{t.clone()}</span> }).collect_view()}</div> })}
                <div class="legend-fact muted">{format!("{} points{}", s.points.len(), s.unit.as_deref().map(|u| format!(" · {u}")).unwrap_or_default())}</div>
                <AlertSettingsFacts settings=s.alert_settings.clone()/>
                {s.alerts_error.clone().map(|e| view! { <div class="legend-error">{e}</div> })}
                <div class="legend-hash muted" title=s.signature_hash.clone()>{format!("{}…", s.signature_hash.chars().take(16).collect::<String>())}</div>
            }
            .into_any()
        }
    };
    view! {
        <article class="legend-card" class:hidden-series=!shown data-signature-id=signature_id data-repo=param.repo.clone()
            data-state=match &state { SeriesState::Loading => "loading", SeriesState::Loaded(_) => "ready", SeriesState::Failed(_) => "error" }
            style:border-left-color=color>
            <div class="legend-top">
                <span class="legend-marker" style:border=border style:background=fill style:border-radius=radius style:transform=rotate aria-hidden="true"></span>
                <label class="legend-toggle" title="Show or hide this series">
                    <input type="checkbox" prop:checked=shown on:change=move |_| on_toggle.run(())/>
                    <span class="visually-hidden">"Shown"</span>
                </label>
                <button type="button" class="legend-remove" aria-label="Remove this series" on:click=move |_| on_remove.run(())>"\u{00d7}"</button>
            </div>
            {body}
            {matches!(state, SeriesState::Loaded(_)).then(|| view! {
                <div class="legend-related">
                    "Same test on: "
                    <button type="button" class="link-button" on:click=move |_| on_related.run(Related::Repositories)>"other repositories"</button>
                    " · "
                    <button type="button" class="link-button" on:click=move |_| on_related.run(Related::Platforms)>"other platforms"</button>
                </div>
            })}
        </article>
    }
}

/// The series' alerting, in Perfherder's words (`should_alert: true`, `alert_change_type:
/// percentage`, `alert_threshold: null`), so a sheriff sees why a change did or did not alert.
#[component]
fn AlertSettingsFacts(settings: AlertSettings) -> impl IntoView {
    let threshold = settings.threshold.map_or_else(|| "null".to_string(), |t| t.to_string());
    view! {
        <div class="legend-alerting" data-should-alert=settings.should_alert.to_string()>
            <div>{format!("should_alert: {}", settings.should_alert)}</div>
            <div>{format!("alert_change_type: {}", if settings.absolute_change { "absolute" } else { "percentage" })}</div>
            <div>{format!("alert_threshold: {threshold}")}</div>
        </div>
    }
}
