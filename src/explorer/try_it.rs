//! The try-it console: a form generated from the operation's parameters (path parameters
//! required, query parameters optional, arrays repeatable, any extra query parameter), filled
//! from context (repository, last push and job), sent through the app's client, signed with
//! Hawk when asked, and copyable as curl, Rust or Python without sending.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

use super::copy_as::CopyAs;
use super::credentials::CredentialsPanel;
use super::examples;
use super::response_view::{Answer, Outcome, OutcomeView};
use super::snippets::Prepared;
use super::spec::{Op, Param, Spec};
use crate::hallway::api::{use_api, Recent};
use crate::hallway::navigation::use_current_repo;
use crate::widgets::Spinner;

/// Escaped in a path segment: everything that would end or change it.
const SEGMENT: &AsciiSet =
    &CONTROLS.add(b' ').add(b'"').add(b'#').add(b'%').add(b'/').add(b'<').add(b'>').add(b'?').add(b'`').add(b'{').add(b'}');

/// A form field: one parameter and its value(s).
#[derive(Clone)]
struct Field {
    param: Param,
    values: RwSignal<Vec<String>>,
}

/// A value the context offers for a parameter (the repository, the last push or job).
fn context_value(name: &str, op: &Op, recent: &Recent, repo: &str) -> Option<String> {
    match name {
        "project" | "repository" => Some(recent.repo.clone().unwrap_or_else(|| repo.to_string())),
        "id" if op.path.contains("/jobs/{id}") => recent.job_id.map(|i| i.to_string()),
        "id" if op.path.contains("/push/{id}") => recent.push_id.map(|i| i.to_string()),
        "job_id" => recent.job_id.map(|i| i.to_string()),
        "push_id" => recent.push_id.map(|i| i.to_string()),
        "revision" => recent.revision.clone(),
        "task_id" | "taskId" => recent.task_id.clone(),
        _ => None,
    }
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

#[component]
pub fn TryIt(spec: Arc<Spec>, op: Op) -> impl IntoView {
    let api = use_api();
    let repo = use_current_repo().get_untracked();
    let recent = api.recent.get_untracked();
    let op = Arc::new(op);
    let fields: Vec<Field> = op
        .params
        .iter()
        .filter(|p| p.location == "path" || p.location == "query")
        .map(|p| {
            let initial = if p.location == "path" || p.required {
                context_value(&p.name, &op, &recent, &repo).or_else(|| p.enumeration.first().cloned()).unwrap_or_default()
            } else {
                String::new()
            };
            Field { param: p.clone(), values: RwSignal::new(vec![initial]) }
        })
        .collect();
    let fields = Arc::new(fields);
    let extra = RwSignal::new(Vec::<(String, String)>::new());
    let body = RwSignal::new(if op.has_body && !op.hawk { examples::request_body(&spec, &op).unwrap_or_default() } else { String::new() });
    let body_touched = RwSignal::new(false);
    let sign = RwSignal::new(op.hawk);
    let has_credentials = Memo::new(move |_| api.credentials().is_some());
    // Re-signs the curl line now and then: a Hawk header is only good for a minute.
    let sign_tick = RwSignal::new(0u32);
    if op.hawk {
        let handle = set_interval_with_handle(move || sign_tick.update(|t| *t += 1), std::time::Duration::from_secs(20)).ok();
        on_cleanup(move || {
            if let Some(h) = handle {
                h.clear();
            }
        });
        let project = fields.iter().find(|f| f.param.name == "project").map(|f| f.values.get_untracked().concat()).unwrap_or(repo.clone());
        let client = api.client_untracked();
        leptos::task::spawn_local(async move {
            let example = examples::job_submission(&client, &project).await;
            if !body_touched.get_untracked() {
                body.set(example);
            }
        });
    }

    let prepared = {
        let (op, fields) = (op.clone(), fields.clone());
        Memo::new(move |_| {
            sign_tick.track();
            let server = api.server.with(|s| s.url.as_str().trim_end_matches('/').to_string());
            let mut path = op.path.clone();
            let mut query = Vec::new();
            for f in fields.iter() {
                let values = f.values.get();
                if f.param.location == "path" {
                    let v = values.first().map(|v| v.trim().to_string()).unwrap_or_default();
                    if !v.is_empty() {
                        path = path.replace(&format!("{{{}}}", f.param.name), &utf8_percent_encode(&v, SEGMENT).to_string());
                    }
                } else {
                    query.extend(values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()).map(|v| (f.param.name.clone(), v.to_string())));
                }
            }
            query.extend(extra.get().into_iter().filter(|(k, _)| !k.trim().is_empty()).map(|(k, v)| (k.trim().to_string(), v)));
            let body = (op.has_body || op.hawk).then(|| body.get()).filter(|b| !b.trim().is_empty());
            let mut prepared = Prepared { method: op.method.clone(), server, path, query, body, ..Default::default() };
            if sign.get() {
                if let Some(credentials) = api.credentials() {
                    let client = api.client().with_credentials(credentials.clone());
                    let payload = prepared.body.as_ref().map(|b| (b.as_bytes(), "application/json"));
                    prepared.authorization = client.authorization(&prepared.method, &prepared.url(), payload).ok().flatten();
                    prepared.client_id = Some(credentials.client_id().to_string());
                }
            }
            prepared
        })
    };
    let problems = {
        let (op, fields) = (op.clone(), fields.clone());
        Memo::new(move |_| {
            let mut out: Vec<String> = fields
                .iter()
                .filter(|f| f.param.required && f.values.with(|v| v.iter().all(|v| v.trim().is_empty())))
                .map(|f| format!("{} is required", f.param.name))
                .collect();
            if op.has_body || op.hawk {
                let text = body.get();
                if !text.trim().is_empty() {
                    if let Err(e) = serde_json::from_str::<serde_json::Value>(&text) {
                        out.push(format!("the body is not valid JSON ({e})"));
                    }
                }
            }
            if op.hawk && sign.get() && !has_credentials.get() {
                out.push("enter Hawk credentials to sign it".into());
            }
            out
        })
    };

    let outcome = RwSignal::new(None::<Outcome>);
    let sending = RwSignal::new(false);
    let generation = Arc::new(AtomicU64::new(0));
    let send = {
        let generation = generation.clone();
        move || {
            if !problems.with_untracked(Vec::is_empty) {
                return;
            }
            let p = prepared.get_untracked();
            let signing = sign.get_untracked();
            let mut client = api.client_untracked();
            if signing {
                if let Some(c) = untrack(|| api.credentials()) {
                    client = client.with_credentials(c);
                }
            }
            let ticket = generation.fetch_add(1, Ordering::SeqCst) + 1;
            let generation = generation.clone();
            sending.set(true);
            leptos::task::spawn_local(async move {
                let url = p.url();
                let payload = p.body.clone().map(|b| (b.into_bytes(), "application/json"));
                let started = now_ms();
                let result = client.exchange(&p.method, &url, payload, signing).await;
                let elapsed = now_ms() - started;
                if generation.load(Ordering::SeqCst) != ticket {
                    return; // cancelled or superseded
                }
                let signed = signing && client.credentials().is_some();
                outcome.set(Some(match result {
                    Ok(response) => Outcome::Answer(Answer::new(&p.method, &url, response, elapsed, signed)),
                    Err(error) => Outcome::Failed(error),
                }));
                sending.set(false);
            });
        }
    };
    let cancel = move |_| {
        generation.fetch_add(1, Ordering::SeqCst);
        sending.set(false);
    };

    let extra_count = Memo::new(move |_| extra.with(Vec::len));
    // Required and path fields first; optional query fields folded when there are many
    // (`/api/jobs/` has 67).
    let (main_fields, optional): (Vec<Field>, Vec<Field>) =
        fields.iter().cloned().partition(|f| f.param.required || f.param.location == "path");
    let optional_count = optional.len();
    let main_views = main_fields.into_iter().map(field_view).collect_view();
    let optional_views = (optional_count > 0).then(|| {
        view! {
            <details class="optional-params" open=optional_count <= 20>
                <summary>{format!("Optional query parameters ({optional_count})")}</summary>
                {optional.into_iter().map(field_view).collect_view()}
            </details>
        }
    });
    let method_class = format!("method-badge method-{}", op.method.to_lowercase());
    let show_sign = {
        let hawk = op.hawk;
        move || hawk || has_credentials.get()
    };
    view! {
        <section class="try-it" data-operation=op.id.clone()>
            <h2>"Try it"</h2>
            <div class="try-request-line">
                <span class=method_class>{op.method.clone()}</span>
                <code class="try-url-preview">{move || prepared.with(|p| p.url())}</code>
            </div>
            {op.hawk.then(|| view! { <CredentialsPanel/> })}
            <form class="try-form" on:submit={
                let send = send.clone();
                move |e: leptos::ev::SubmitEvent| {
                    e.prevent_default();
                    send();
                }
            }>
                {main_views}
                {optional_views}
                <fieldset class="extra-params">
                    <legend>"Extra query parameters"</legend>
                    {move || (0..extra_count.get()).map(|i| view! {
                        <div class="extra-param">
                            <input class="extra-key" type="text" placeholder="name" aria-label="Parameter name"
                                prop:value=move || extra.with(|e| e.get(i).map(|p| p.0.clone()).unwrap_or_default())
                                on:input=move |e| { let v = event_target_value(&e); extra.update(|x| if let Some(p) = x.get_mut(i) { p.0 = v; }) }/>
                            "="
                            <input class="extra-value" type="text" placeholder="value" aria-label="Parameter value"
                                prop:value=move || extra.with(|e| e.get(i).map(|p| p.1.clone()).unwrap_or_default())
                                on:input=move |e| { let v = event_target_value(&e); extra.update(|x| if let Some(p) = x.get_mut(i) { p.1 = v; }) }/>
                            <button type="button" class="btn btn-small" aria-label="Remove parameter"
                                on:click=move |_| extra.update(|x| { if i < x.len() { x.remove(i); } })>"\u{00d7}"</button>
                        </div>
                    }).collect_view()}
                    <button type="button" class="btn btn-small add-query-param" on:click=move |_| extra.update(|x| x.push((String::new(), String::new())))>
                        "+ Add query parameter"
                    </button>
                </fieldset>
                {(op.has_body || op.hawk).then(|| view! {
                    <label class="try-body-label">"Request body (JSON)"
                        <textarea class="try-body-input" rows="10" spellcheck="false"
                            prop:value=move || body.get()
                            on:input=move |e| { body_touched.set(true); body.set(event_target_value(&e)); }></textarea>
                    </label>
                })}
                {move || show_sign().then(|| view! {
                    <label class="check try-sign">
                        <input type="checkbox" prop:checked=move || sign.get() on:change=move |e| sign.set(event_target_checked(&e))/>
                        "Sign with Hawk"
                    </label>
                })}
                <div class="try-actions">
                    <button type="submit" class="btn btn-primary try-send" disabled=move || sending.get() || !problems.with(Vec::is_empty)>"Send"</button>
                    {move || sending.get().then(|| view! { <button type="button" class="btn try-cancel" on:click=cancel.clone()>"Cancel"</button> })}
                </div>
            </form>
            <CopyAs prepared problems=Signal::from(problems)/>
            <div class="try-outcome" aria-live="polite">
                {move || if sending.get() {
                    view! { <Spinner label=Signal::derive(|| "Waiting for the server…".to_string())/> }.into_any()
                } else {
                    outcome.get().map(|o| view! { <OutcomeView outcome=o/> }).into_any()
                }}
            </div>
        </section>
    }
}

fn field_view(field: Field) -> impl IntoView {
    let Field { param, values } = field;
    let name = param.name.clone();
    let hint = format!("{}{}", param.kind, if param.required { ", required" } else { "" });
    let options = param.enumeration.clone();
    let is_array = param.is_array;
    // Rows are redrawn when their number changes, not on each keystroke (focus stays put).
    let count = Memo::new(move |_| values.with(Vec::len));
    let input = move |i: usize| {
        let name = name.clone();
        let get = move || values.with(|v| v.get(i).cloned().unwrap_or_default());
        let set = move |v: String| {
            values.update(|list| {
                if let Some(slot) = list.get_mut(i) {
                    *slot = v
                }
            })
        };
        if !options.is_empty() {
            view! {
                <select data-param=name.clone() aria-label=name.clone() prop:value=get on:change=move |e| set(event_target_value(&e))>
                    <option value="">"—"</option>
                    {options.iter().map(|o| view! { <option value=o.clone()>{o.clone()}</option> }).collect_view()}
                </select>
            }
            .into_any()
        } else {
            view! {
                <input type="text" data-param=name.clone() aria-label=name.clone() spellcheck="false"
                    prop:value=get on:input=move |e| set(event_target_value(&e))/>
            }
            .into_any()
        }
    };
    view! {
        <div class="try-field" data-location=param.location>
            <label class="try-field-name">
                <code>{param.name.clone()}</code>
                {param.required.then(|| view! { <span class="required">"*"</span> })}
                <span class="muted small">{format!(" {} · {hint}", param.location)}</span>
            </label>
            <div class="try-field-inputs">
                {move || (0..count.get()).map(|i| {
                    let input = input.clone();
                    view! {
                        <div class="try-field-row">
                            {input(i)}
                            {(is_array && i > 0).then(|| view! {
                                <button type="button" class="btn btn-small" aria-label="Remove value"
                                    on:click=move |_| values.update(|v| { if i < v.len() { v.remove(i); } })>"\u{00d7}"</button>
                            })}
                        </div>
                    }
                }).collect_view()}
                {is_array.then(|| view! {
                    <button type="button" class="btn btn-small add-value" on:click=move |_| values.update(|v| v.push(String::new()))>"+ Add value"</button>
                })}
            </div>
        </div>
    }
}
