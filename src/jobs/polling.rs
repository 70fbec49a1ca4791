//! Live updates: every 60 s (Treeherder's interval) new pushes and changed jobs are merged into
//! the view. Paused while the tab is hidden, resumed (at once if overdue) when it is shown;
//! failures back off exponentially (honouring `Retry-After`) and recover by themselves.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::store::{ListState, PollState, POLL_SECS};
use super::JobsContext;
use crate::hallway::api::Api;

/// Longest wait between attempts after repeated failures.
const MAX_BACKOFF_SECS: u64 = 15 * 60;

/// Delay before the next attempt after `failures` consecutive failures.
pub fn next_delay(failures: u32, retry_after: Option<u64>) -> u64 {
    let backoff = POLL_SECS.saturating_mul(1u64 << failures.min(10)).min(MAX_BACKOFF_SECS);
    backoff.max(retry_after.unwrap_or(0))
}

/// Whether a push's card lies wholly below the viewport (or is not on the page): removing it
/// cannot move what the reader sees.
fn below_the_view(push_id: i64) -> bool {
    let Some(window) = web_sys::window() else { return true };
    let selector = format!("#push-list .push[data-push-id=\"{push_id}\"]");
    let Some(card) = window.document().and_then(|d| d.query_selector(&selector).ok().flatten()) else { return true };
    let view_bottom = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    card.get_bounding_client_rect().top() >= view_bottom
}

fn document_hidden() -> bool {
    web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden())
}

struct Poller {
    ctx: JobsContext,
    api: Api,
    stopped: AtomicBool,
    /// A tick fell while the tab was hidden.
    due: AtomicBool,
    running: AtomicBool,
    timer: std::sync::Mutex<Option<TimeoutHandle>>,
}

impl Poller {
    fn schedule(self: &Arc<Self>, secs: u64) {
        if self.stopped.load(Ordering::Relaxed) {
            return;
        }
        let me = self.clone();
        let handle = set_timeout_with_handle(move || me.tick(), Duration::from_secs(secs)).ok();
        if let Ok(mut t) = self.timer.lock() {
            if let Some(old) = t.take() {
                old.clear();
            }
            *t = handle;
        }
    }

    fn tick(self: &Arc<Self>) {
        if self.stopped.load(Ordering::Relaxed) || self.running.load(Ordering::Relaxed) {
            return;
        }
        if document_hidden() {
            self.due.store(true, Ordering::Relaxed);
            return;
        }
        if self.ctx.store.state.with_untracked(|s| *s != ListState::Ready) {
            self.schedule(POLL_SECS);
            return;
        }
        self.due.store(false, Ordering::Relaxed);
        self.running.store(true, Ordering::Relaxed);
        let me = self.clone();
        spawn_local(async move {
            let (repo, range) = me.ctx.params.with_untracked(|p| (p.repo.clone(), p.range.clone()));
            let client = me.api.client_untracked();
            let keep = me.ctx.selected.with_untracked(|s| s.as_ref().map(|s| s.job.push_id));
            let result = me.ctx.store.poll_once(&client, &repo, &range, keep, &below_the_view).await;
            me.running.store(false, Ordering::Relaxed);
            if me.stopped.load(Ordering::Relaxed) {
                return;
            }
            let delay = match result {
                Ok(()) => {
                    me.ctx.store.poll.set(PollState::default());
                    POLL_SECS
                }
                Err(error) => {
                    let failures = me.ctx.store.poll.with_untracked(|p| p.failures) + 1;
                    let delay = next_delay(failures, error.retry_after());
                    log::warn!("live update failed ({failures} in a row), next try in {delay} s: {error}");
                    me.ctx.store.poll.set(PollState { failures, last_error: Some(error), next_in: delay });
                    delay
                }
            };
            me.schedule(delay);
        });
    }
}

/// Starts polling for the page's lifetime.
pub fn start(ctx: JobsContext, api: Api) {
    let poller = Arc::new(Poller {
        ctx,
        api,
        stopped: AtomicBool::new(false),
        due: AtomicBool::new(false),
        running: AtomicBool::new(false),
        timer: std::sync::Mutex::new(None),
    });
    poller.schedule(POLL_SECS);

    let on_visible = {
        let poller = poller.clone();
        Closure::<dyn Fn()>::new(move || {
            if !document_hidden() && poller.due.swap(false, Ordering::Relaxed) {
                poller.tick();
            }
        })
    };
    let document = web_sys::window().and_then(|w| w.document());
    if let Some(d) = &document {
        let _ = d.add_event_listener_with_callback("visibilitychange", on_visible.as_ref().unchecked_ref());
    }
    let listener = send_wrapper::SendWrapper::new((document, on_visible));
    on_cleanup(move || {
        poller.stopped.store(true, Ordering::Relaxed);
        if let Ok(mut t) = poller.timer.lock() {
            if let Some(h) = t.take() {
                h.clear();
            }
        }
        let (document, on_visible) = listener.take();
        if let Some(d) = document {
            let _ = d.remove_event_listener_with_callback("visibilitychange", on_visible.as_ref().unchecked_ref());
        }
    });
}
