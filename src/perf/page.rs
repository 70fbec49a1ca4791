//! `/perfherder/graphs`: URL → series to load → loaded series → legend, chart, table.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::NavigateOptions;

use super::chart::{Chart, Shown};
use super::controls::{Change, Controls};
use super::conventions::MAX_SERIES;
use super::legend::{LegendCard, SeriesState};
use super::picker::Picker;
use super::related::{self, Related};
use super::series;
use super::table::TableView;
use super::url_state::{GraphsParams, SeriesParam, Zoom};
use crate::hallway::api::use_api;
use crate::hallway::navigation::{navigate_fn, query_pairs};
use crate::hallway::ready::mark_ready;
use crate::widgets::Notice;

/// What a loaded series depends on: the same key is never fetched twice.
type LoadKey = (String, String, String, i64, i64, bool);

fn key_of(server: &str, p: &SeriesParam, timerange: i64, replicates: bool) -> LoadKey {
    (server.to_string(), p.repo.clone(), p.signature.clone(), p.framework, timerange, replicates)
}

#[component]
pub fn GraphsPage() -> impl IntoView {
    let api = use_api();
    let pairs = query_pairs();
    let params = Memo::new(move |_| pairs.with(|p| GraphsParams::parse(p)));
    let navigate = navigate_fn();
    let update = move |change: &dyn Fn(&mut GraphsParams), replace: bool| {
        let mut p = params.get_untracked();
        change(&mut p);
        let mut ser = form_urlencoded::Serializer::new(String::new());
        for (k, v) in p.to_pairs(&pairs.get_untracked()) {
            ser.append_pair(&k, &v);
        }
        navigate.with_value(|n| {
            n(
                &format!("{}?{}", crate::hallway::views::ViewId::Graphs.path(), ser.finish()),
                NavigateOptions { replace, scroll: false, ..Default::default() },
            )
        });
    };
    let notice = RwSignal::new(None::<String>);
    let picker_open = RwSignal::new(false);

    // Loading: every series of the URL, once per (server, series, range, replicates).
    let states: RwSignal<HashMap<LoadKey, SeriesState>> = RwSignal::new(HashMap::new());
    // Bumped by "Retry" on a failed series: the loader runs again for what is missing.
    let reload = RwSignal::new(0u32);
    Effect::new(move |_| {
        reload.track();
        let server = api.server.with(|s| s.url.as_str().to_string());
        let (list, timerange, replicates) = params.with(|p| (p.series.clone(), p.timerange, p.replicates));
        for param in list {
            let key = key_of(&server, &param, timerange, replicates);
            if states.with_untracked(|s| s.contains_key(&key)) {
                continue;
            }
            states.update(|s| {
                s.insert(key.clone(), SeriesState::Loading);
            });
            let client = api.client_untracked();
            leptos::task::spawn_local(async move {
                let state = match series::load(&client, param, timerange, replicates).await {
                    Ok(s) => {
                        // For the bench: data in memory → first frame drawn.
                        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
                            let _ = p.mark("graphs:series-loaded");
                        }
                        SeriesState::Loaded(Arc::new(s))
                    }
                    Err(message) => SeriesState::Failed(message),
                };
                states.update(|s| {
                    s.insert(key, state);
                });
            });
        }
    });
    // The URL's series with their state, in order (the order gives the colours).
    let entries = Memo::new(move |_| {
        let server = api.server.with(|s| s.url.as_str().to_string());
        params.with(|p| {
            p.series
                .iter()
                .enumerate()
                .map(|(slot, param)| {
                    let state =
                        states.with(|s| s.get(&key_of(&server, param, p.timerange, p.replicates)).cloned()).unwrap_or(SeriesState::Loading);
                    (slot, param.clone(), state)
                })
                .collect::<Vec<_>>()
        })
    });
    let shown = Memo::new(move |_| {
        entries.with(|e| {
            e.iter()
                .filter(|(_, p, _)| p.shown)
                .filter_map(|(slot, _, state)| match state {
                    SeriesState::Loaded(s) => Some(Shown { series: s.clone(), slot: *slot }),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
    });
    let loading = move || entries.with(|e| e.iter().filter(|(_, _, s)| *s == SeriesState::Loading).count());
    let state = move || if loading() > 0 { "loading" } else { "ready" };
    Effect::new(move |_| {
        if state() == "ready" {
            // After the frame that draws the chart.
            request_animation_frame(|| request_animation_frame(|| mark_ready("graphs")));
        }
    });
    Effect::new(move |_| {
        let title = shown.with(|s| s.first().map(|x| x.series.name.clone()));
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&match title {
                Some(name) => format!("{name} – Graphs – Treeherder Explorer"),
                None => "Graphs – Treeherder Explorer".to_string(),
            });
        }
    });

    let frameworks = LocalResource::new(move || {
        let client = api.client();
        async move { client.performance_frameworks().await }
    });
    let framework_name =
        move |id: i64| frameworks.get().and_then(|r| r.ok()).and_then(|l| l.into_iter().find(|f| f.id == id).map(|f| f.name));

    let add_series = move |new: Vec<SeriesParam>| {
        let room = MAX_SERIES.saturating_sub(params.with_untracked(|p| p.series.len()));
        if new.len() > room {
            notice.set(Some(format!("At most {MAX_SERIES} series are shown: {} left out.", new.len() - room)));
        }
        let new: Vec<SeriesParam> = new.into_iter().take(room).collect();
        update(&move |p: &mut GraphsParams| p.series.extend(new.iter().cloned()), false);
    };
    let on_related = move |param: SeriesParam, kind: Related| {
        let client = api.client_untracked();
        let (timerange, list) = params.with_untracked(|p| (p.timerange, p.series.clone()));
        notice.set(Some("Looking for the same test elsewhere…".into()));
        leptos::task::spawn_local(async move {
            match related::find(&client, &param, kind, timerange, &list).await {
                Ok(found) if found.is_empty() => notice.set(Some("No other series of this test in this time range.".into())),
                Ok(found) => {
                    notice.set(None);
                    add_series(found);
                }
                Err(e) => notice.set(Some(format!("Related series could not be found: {e}"))),
            }
        });
    };

    let legend = move || {
        entries.get().into_iter().map(|(slot, param, state)| {
            let framework = framework_name(param.framework);
            let (p1, p2, p3, p4) = (param.clone(), param.clone(), param.clone(), param.clone());
            view! {
                <LegendCard param position=slot state framework
                    on_toggle=move |_| { let p1 = p1.clone(); update(&move |p: &mut GraphsParams| { for s in p.series.iter_mut().filter(|s| s.same(&p1)) { s.shown = !s.shown; } }, false) }
                    on_remove=move |_| { let p2 = p2.clone(); update(&move |p: &mut GraphsParams| { p.series.retain(|s| !s.same(&p2)); if p.selected.is_some() { p.selected = None; } }, false) }
                    on_related=move |kind| on_related(p3.clone(), kind)
                    on_retry=move |_| {
                        let server = api.server.with_untracked(|s| s.url.as_str().to_string());
                        let key = params.with_untracked(|p| key_of(&server, &p4, p.timerange, p.replicates));
                        states.update(|s| { s.remove(&key); });
                        reload.update(|r| *r += 1);
                    }/>
            }
        }).collect_view()
    };

    let zoom = Memo::new(move |_| params.with(|p| p.zoom));
    let selected = Memo::new(move |_| params.with(|p| p.selected));
    let on_zoom = move |z: Option<Zoom>| update(&move |p: &mut GraphsParams| p.zoom = z, true);
    let on_select = move |s: Option<(i64, i64)>| update(&move |p: &mut GraphsParams| p.selected = s, true);
    let highlight_alerts = Signal::derive(move || params.with(|p| p.highlight_alerts));
    let highlighted = Signal::derive(move || params.with(|p| p.highlighted_revisions.clone()));
    let show_table = move || params.with(|p| p.show_table);
    // A memo: the chart is rebuilt only when series appear or all go, not on every URL change.
    let has_series = Memo::new(move |_| params.with(|p| !p.series.is_empty()));

    view! {
        <section class="graphs-page" data-view="graphs" data-state=state>
            <h1 class="visually-hidden">"Performance graphs"</h1>
            <aside class="legend" aria-label="Series">{legend}</aside>
            <div class="graphs-main">
                <Controls params=params update=Callback::new(move |(change, replace): Change| update(&*change, replace))
                    on_add=Callback::new(move |_| picker_open.set(true))/>
                {move || params.with(|p| p.warnings.clone()).into_iter().map(|w| view! { <Notice text=w/> }).collect_view()}
                {move || notice.get().map(|n| view! { <Notice text=n/> })}
                {move || (loading() > 0).then(|| view! {
                    <div class="graphs-progress" role="status">{format!("Loading {} of {} series…", loading(), entries.with(Vec::len))}</div>
                })}
                {move || if has_series.get() {
                    view! {
                        <Chart shown zoom on_zoom selected on_select highlight_alerts highlighted_revisions=highlighted/>
                    }.into_any()
                } else {
                    view! {
                        <div class="graphs-empty">
                            <p>"No series yet. Add tests to compare their results over time, or open a Perfherder graphs link here (same parameters)."</p>
                            <button type="button" class="btn btn-primary" on:click=move |_| picker_open.set(true)>"Add test data"</button>
                        </div>
                    }.into_any()
                }}
                {move || (show_table() && has_series.get()).then(|| view! { <TableView shown/> })}
            </div>
            {move || picker_open.get().then(|| {
                let (list, timerange) = params.with_untracked(|p| (p.series.clone(), p.timerange));
                let framework = list.first().map_or(1, |s| s.framework);
                let repo = list.first().map(|s| s.repo.clone()).unwrap_or_else(crate::hallway::navigation::current_repo);
                view! {
                    <Picker shown=list repo framework timerange
                        on_add=move |new| { picker_open.set(false); add_series(new); }
                        on_close=move |_| picker_open.set(false)/>
                }
            })}
        </section>
    }
}
