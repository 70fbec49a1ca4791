//! The chart: a main canvas (drag to zoom, Shift+drag or arrows to pan, wheel to zoom in time,
//! double-click or `0` to reset, hover for a tooltip, click to lock it) and an overview strip
//! with a brush. Canvas 2D through web-sys; frames are coalesced to one per animation frame.

pub mod draw;
mod geometry;
pub mod hit;
pub mod scale;

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::CanvasRenderingContext2d;

use self::draw::{MainFrame, Styled};
use self::geometry::{full_domain, value_extent, Plot, MAIN_HEIGHT, MAIN_MARGIN, OVERVIEW_HEIGHT, OVERVIEW_MARGIN};
use super::conventions::style_of;
use super::series::Series;
use super::tooltip::Tooltip;
use super::url_state::Zoom;

/// A series on the chart with its style slot.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub series: Arc<Series>,
    pub slot: usize,
}

fn styled(shown: &[Shown]) -> Vec<Styled<'_>> {
    shown
        .iter()
        .map(|s| {
            let (color, shape, filled) = style_of(s.slot);
            Styled { series: &s.series, color, shape, filled }
        })
        .collect()
}

fn context_of(canvas: &web_sys::HtmlCanvasElement, width: f64, height: f64) -> Option<CanvasRenderingContext2d> {
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0);
    let (pw, ph) = ((width * dpr).round() as u32, (height * dpr).round() as u32);
    if canvas.width() != pw || canvas.height() != ph {
        canvas.set_width(pw);
        canvas.set_height(ph);
    }
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
    Some(ctx)
}

/// What a pointer drag is doing.
#[derive(Clone, Copy, Debug)]
enum Drag {
    /// A zoom rectangle from this corner.
    Zoom {
        x: f64,
        y: f64,
    },
    /// Panning: the start point and the window when it started.
    Pan {
        x: f64,
        y: f64,
        from: Zoom,
    },
    /// On the overview: selecting a new window from this x, or moving the brush.
    Brush {
        x: f64,
    },
    MoveBrush {
        x: f64,
        from: Zoom,
    },
}

fn perf_mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

#[component]
pub fn Chart(
    shown: Memo<Vec<Shown>>,
    zoom: Memo<Option<Zoom>>,
    #[prop(into)] on_zoom: Callback<Option<Zoom>>,
    selected: Memo<Option<(i64, i64)>>,
    #[prop(into)] on_select: Callback<Option<(i64, i64)>>,
    #[prop(into)] highlight_alerts: Signal<bool>,
    #[prop(into)] highlighted_revisions: Signal<Vec<String>>,
) -> impl IntoView {
    let main_ref = NodeRef::<html::Canvas>::new();
    let overview_ref = NodeRef::<html::Canvas>::new();
    let wrapper_ref = NodeRef::<html::Div>::new();
    let width = RwSignal::new(0.0f64);
    // The live window (follows the URL, moves ahead of it while dragging or wheeling).
    let view = RwSignal::new(zoom.get_untracked());
    Effect::new(move |_| view.set(zoom.get()));
    let hover = RwSignal::new(None::<(usize, usize)>);
    let drag = StoredValue::new(None::<Drag>);
    let drag_rect = RwSignal::new(None::<(f64, f64, f64, f64)>);

    let full = Memo::new(move |_| shown.with(|s| full_domain(&s.iter().map(|x| &*x.series).collect::<Vec<_>>())));
    let window = Memo::new(move |_| view.get().or(full.get()));
    let total_points = move || shown.with(|s| s.iter().map(|x| x.series.points.len()).sum::<usize>());
    // The locked tooltip, as indices into `shown`.
    let selected_index = Memo::new(move |_| {
        let (sig, id) = selected.get()?;
        shown.with(|s| {
            s.iter()
                .enumerate()
                .find_map(|(si, x)| (x.series.signature_id == sig).then(|| x.series.points.index_of(id).map(|i| (si, i))).flatten())
        })
    });

    let measure = move || {
        if let Some(w) = wrapper_ref.get_untracked() {
            let cw = f64::from(w.client_width());
            if cw > 0.0 && (cw - width.get_untracked()).abs() > 0.5 {
                width.set(cw);
            }
        }
    };
    // The wrapper's width, whenever layout gives it one (also when the legend or the window
    // changes size).
    Effect::new(move |_| {
        let Some(el) = wrapper_ref.get() else { return };
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| measure());
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&el);
            let kept = send_wrapper::SendWrapper::new((observer, callback));
            on_cleanup(move || kept.0.disconnect());
        }
    });

    let main_plot = move || Plot::new(width.get(), MAIN_HEIGHT, MAIN_MARGIN);
    let overview_plot = move || Plot::new(width.get(), OVERVIEW_HEIGHT, OVERVIEW_MARGIN);

    // Drawing: one frame per animation frame, whatever changed.
    let pending = StoredValue::new(false);
    let drawn_once = StoredValue::new(false);
    let draw_now = move || {
        // The chart may have gone (navigation) between scheduling and this frame.
        if pending.try_set_value(false).is_some() {
            return;
        }
        let Some(w) = width.try_get_untracked() else { return };
        let (Some(main), Some(overview), Some(win), Some(all)) =
            (main_ref.get_untracked(), overview_ref.get_untracked(), window.get_untracked(), full.get_untracked())
        else {
            return;
        };
        if w <= 0.0 {
            return;
        }
        shown.with_untracked(|list| {
            let styles = styled(list);
            let unit = list.first().and_then(|s| s.series.unit.as_deref());
            let revisions = highlighted_revisions.get_untracked();
            if let Some(ctx) = context_of(&main, w, MAIN_HEIGHT) {
                let frame = MainFrame {
                    plot: Plot::new(w, MAIN_HEIGHT, MAIN_MARGIN),
                    xd: (win.x0, win.x1),
                    yd: (win.y0, win.y1),
                    series: &styles,
                    unit,
                    hover: hover.get_untracked(),
                    selected: selected_index.get_untracked(),
                    highlight_alerts: highlight_alerts.get_untracked(),
                    highlighted_revisions: &revisions,
                    drag: drag_rect.get_untracked(),
                };
                draw::draw_main(&ctx, w, MAIN_HEIGHT, &frame);
            }
            if let Some(ctx) = context_of(&overview, w, OVERVIEW_HEIGHT) {
                let plot = Plot::new(w, OVERVIEW_HEIGHT, OVERVIEW_MARGIN);
                draw::draw_overview(&ctx, w, OVERVIEW_HEIGHT, plot, (all.x0, all.x1, all.y0, all.y1), (win.x0, win.x1), &styles);
            }
        });
        if !drawn_once.get_value() {
            drawn_once.set_value(true);
            perf_mark("graphs:first-draw");
        }
    };
    Effect::new(move |_| {
        // Everything drawn: any change schedules one redraw on the next frame.
        shown.track();
        window.track();
        hover.track();
        drag_rect.track();
        selected_index.track();
        width.track();
        highlight_alerts.track();
        highlighted_revisions.track();
        if !pending.get_value() {
            pending.set_value(true);
            request_animation_frame(draw_now);
        }
    });

    // Pointer on the main chart.
    let commit = move |z: Option<Zoom>| {
        view.set(z);
        on_zoom.run(z);
    };
    let on_down = move |e: web_sys::PointerEvent| {
        if e.button() != 0 {
            return;
        }
        let (x, y) = (f64::from(e.offset_x()), f64::from(e.offset_y()));
        if !main_plot().contains(x, y) {
            return;
        }
        let Some(win) = window.get_untracked() else { return };
        drag.set_value(Some(if e.shift_key() { Drag::Pan { x, y, from: win } } else { Drag::Zoom { x, y } }));
        if let Some(t) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = t.set_pointer_capture(e.pointer_id());
        }
    };
    let on_move = move |e: web_sys::PointerEvent| {
        let (x, y) = (f64::from(e.offset_x()), f64::from(e.offset_y()));
        let plot = main_plot();
        match drag.get_value() {
            Some(Drag::Zoom { x: x0, y: y0 }) => {
                let (x1, y1) = (x.clamp(plot.left, plot.right()), y.clamp(plot.top, plot.bottom()));
                drag_rect.set(Some((x0, y0, x1, y1)));
            }
            Some(Drag::Pan { x: x0, y: y0, from }) => {
                let (xs, ys) = (plot.x_scale((from.x0, from.x1)), plot.y_scale((from.y0, from.y1)));
                let (dx, dy) = (xs.invert(x0) - xs.invert(x), ys.invert(y0) - ys.invert(y));
                view.set(Some(Zoom { x0: from.x0 + dx, x1: from.x1 + dx, y0: from.y0 + dy, y1: from.y1 + dy }));
            }
            _ => {
                let Some(win) = window.get_untracked() else { return };
                let found = if plot.contains(x, y) {
                    shown.with_untracked(|list| {
                        hit::nearest(&styled(list), &plot.x_scale((win.x0, win.x1)), &plot.y_scale((win.y0, win.y1)), x, y, 10.0)
                    })
                } else {
                    None
                };
                if hover.get_untracked() != found {
                    hover.set(found);
                }
            }
        }
    };
    let on_up = move |e: web_sys::PointerEvent| {
        let (x, y) = (f64::from(e.offset_x()), f64::from(e.offset_y()));
        let plot = main_plot();
        let gesture = drag.get_value();
        // Cleared first: the callbacks below navigate, which may replace this chart.
        drag.set_value(None);
        match gesture {
            Some(Drag::Zoom { x: x0, y: y0 }) => {
                drag_rect.set(None);
                let (x1, y1) = (x.clamp(plot.left, plot.right()), y.clamp(plot.top, plot.bottom()));
                if (x1 - x0).abs() > 5.0 && (y1 - y0).abs() > 5.0 {
                    if let Some(win) = window.get_untracked() {
                        let (xs, ys) = (plot.x_scale((win.x0, win.x1)), plot.y_scale((win.y0, win.y1)));
                        let (a, b) = (xs.invert(x0.min(x1)), xs.invert(x0.max(x1)));
                        let (c, d) = (ys.invert(y0.max(y1)), ys.invert(y0.min(y1)));
                        commit(Some(Zoom { x0: a, x1: b, y0: c, y1: d }));
                    }
                } else {
                    // A click: lock the tooltip on the point under the pointer, or unlock.
                    let point = hover
                        .get_untracked()
                        .and_then(|(si, i)| shown.with_untracked(|l| l.get(si).map(|s| (s.series.signature_id, s.series.points.id[i]))));
                    on_select.run(point);
                }
            }
            Some(Drag::Pan { .. }) => on_zoom.run(view.get_untracked()),
            _ => {}
        }
    };
    let on_wheel = move |e: web_sys::WheelEvent| {
        let (x, y) = (f64::from(e.offset_x()), f64::from(e.offset_y()));
        let plot = main_plot();
        let Some(win) = window.get_untracked() else { return };
        if !plot.contains(x, y) {
            return;
        }
        e.prevent_default();
        let factor = if e.delta_y() < 0.0 { 0.8 } else { 1.25 };
        let at = plot.x_scale((win.x0, win.x1)).invert(x);
        let (x0, x1) = (at - (at - win.x0) * factor, at + (win.x1 - at) * factor);
        commit(Some(Zoom { x0, x1, ..win }));
    };
    let reset = move || {
        hover.set(None);
        commit(None);
    };
    let on_key = move |e: leptos::ev::KeyboardEvent| {
        let Some(win) = window.get_untracked() else { return };
        let span = win.x1 - win.x0;
        let shift = |f: f64| Some(Zoom { x0: win.x0 + span * f, x1: win.x1 + span * f, ..win });
        let next = match e.key().as_str() {
            "ArrowLeft" => shift(-0.2),
            "ArrowRight" => shift(0.2),
            "+" | "=" => Some(Zoom { x0: win.x0 + span * 0.15, x1: win.x1 - span * 0.15, ..win }),
            "-" => Some(Zoom { x0: win.x0 - span * 0.25, x1: win.x1 + span * 0.25, ..win }),
            "0" => {
                reset();
                return;
            }
            "Escape" => {
                on_select.run(None);
                return;
            }
            _ => return,
        };
        e.prevent_default();
        commit(next);
    };

    // Pointer on the overview: drag a new window, or move the current one.
    let overview_x = move |x: f64| {
        let (plot, all) = (overview_plot(), full.get_untracked()?);
        Some(plot.x_scale((all.x0, all.x1)).invert(x.clamp(plot.left, plot.right())))
    };
    let on_overview_down = move |e: web_sys::PointerEvent| {
        let x = f64::from(e.offset_x());
        let (Some(t), Some(win)) = (overview_x(x), window.get_untracked()) else { return };
        drag.set_value(Some(if t > win.x0 && t < win.x1 && view.get_untracked().is_some() {
            Drag::MoveBrush { x, from: win }
        } else {
            Drag::Brush { x }
        }));
        if let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = el.set_pointer_capture(e.pointer_id());
        }
    };
    let window_for = move |a: f64, b: f64| -> Option<Zoom> {
        let (x0, x1) = (a.min(b), a.max(b));
        let (y0, y1) = shown.with_untracked(|l| value_extent(&l.iter().map(|s| &*s.series).collect::<Vec<_>>(), x0, x1))?;
        Some(Zoom { x0, x1, y0, y1 })
    };
    let on_overview_move = move |e: web_sys::PointerEvent| {
        let x = f64::from(e.offset_x());
        match drag.get_value() {
            Some(Drag::Brush { x: start }) => {
                if let (Some(a), Some(b)) = (overview_x(start), overview_x(x)) {
                    if (x - start).abs() > 3.0 {
                        view.set(window_for(a, b));
                    }
                }
            }
            Some(Drag::MoveBrush { x: start, from }) => {
                if let (Some(a), Some(b)) = (overview_x(start), overview_x(x)) {
                    view.set(Some(Zoom { x0: from.x0 + b - a, x1: from.x1 + b - a, ..from }));
                }
            }
            _ => {}
        }
    };
    let on_overview_up = move |_e: web_sys::PointerEvent| {
        let gesture = drag.get_value();
        drag.set_value(None);
        if matches!(gesture, Some(Drag::Brush { .. } | Drag::MoveBrush { .. })) {
            on_zoom.run(view.get_untracked());
        }
    };

    let tooltip = move || {
        let (si, i) = selected_index.get().or(hover.get())?;
        let locked = selected_index.get().is_some();
        let (w, win) = (width.get(), window.get()?);
        let plot = main_plot();
        let s = shown.with(|l| l.get(si).cloned())?;
        let (x, y) = (plot.x_scale((win.x0, win.x1)).map(s.series.points.t[i]), plot.y_scale((win.y0, win.y1)).map(s.series.points.v[i]));
        if !plot.contains(x, y) {
            return None;
        }
        Some(view! { <Tooltip shown=s index=i x y chart_width=w locked on_close=Callback::new(move |_| on_select.run(None))/> })
    };
    let alert_markers = move || {
        let (win, plot) = (window.get()?, main_plot());
        let xs = plot.x_scale((win.x0, win.x1));
        let markers: Vec<_> = shown.with(|l| {
            l.iter()
                .flat_map(|s| {
                    let s = s.clone();
                    s.series.alerts.clone().into_iter().filter_map(move |a| {
                        let i = s.series.points.push_id.iter().position(|p| *p == a.push_id)?;
                        let x = xs.map(s.series.points.t[i]);
                        (x >= plot.left && x <= plot.right()).then(|| (x, a, s.series.signature_id, s.series.points.id[i]))
                    })
                })
                .collect()
        });
        Some(
            markers
                .into_iter()
                .map(|(x, a, sig, point)| {
                    let kind = if a.is_regression { "regression" } else { "improvement" };
                    let label = format!(
                        "{} {}{}",
                        if a.is_regression { "\u{25b2}" } else { "\u{25bc}" },
                        a.amount_pct.map(|p| format!("{p:.1}% ")).unwrap_or_default(),
                        a.status
                    );
                    view! {
                        <button type="button" class=format!("alert-marker {kind}") style:left=format!("{x:.1}px")
                            data-push-id=a.push_id.to_string() data-kind=kind data-summary-id=a.summary_id.to_string()
                            title=format!("Alert summary {}: {kind} at push {} ({})", a.summary_id, a.push_id, a.status)
                            on:click=move |_| on_select.run(Some((sig, point)))>{label}</button>
                    }
                })
                .collect_view(),
        )
    };

    view! {
        <div class="chart" node_ref=wrapper_ref tabindex="0" aria-label="Performance chart: drag to zoom, Shift+drag or arrows to pan, wheel to zoom time, 0 to reset, Esc to unlock the tooltip"
            data-points=move || total_points().to_string()
            data-x-domain=move || window.get().map(|w| format!("{},{}", w.x0, w.x1)).unwrap_or_default()
            data-y-domain=move || window.get().map(|w| format!("{},{}", w.y0, w.y1)).unwrap_or_default()
            data-plot=move || { let p = main_plot(); format!("{},{},{},{}", p.left, p.top, p.width, p.height) }
            data-zoomed=move || view.get().is_some().to_string()
            on:keydown=on_key on:dblclick=move |_| reset()>
            <canvas class="chart-main" node_ref=main_ref style:width=move || format!("{}px", width.get()) style:height=format!("{MAIN_HEIGHT}px")
                on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up
                on:pointerleave=move |_| if drag.get_value().is_none() { hover.set(None) }
                on:wheel=on_wheel></canvas>
            <div class="alert-markers" style:top=format!("{}px", MAIN_MARGIN.top)>{alert_markers}</div>
            {tooltip}
            <canvas class="chart-overview" node_ref=overview_ref style:width=move || format!("{}px", width.get()) style:height=format!("{OVERVIEW_HEIGHT}px")
                on:pointerdown=on_overview_down on:pointermove=on_overview_move on:pointerup=on_overview_up></canvas>
        </div>
    }
}
