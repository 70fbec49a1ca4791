//! Work that can wait for a quiet moment: run in order, a few milliseconds at a time between
//! frames, so that no task of it holds up a frame for long. The jobs view draws its far pushes
//! this way: each is drawn soon after it changes, whatever the scroll, so the page has its real
//! height and find-in-page sees every job, while the first screen is drawn at once.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::time::Duration;

/// How long one slice may run before the browser gets its turn back.
const SLICE_MS: f64 = 8.0;

/// Work waiting, and whether a slice is already due.
type Queue = (VecDeque<Box<dyn FnOnce()>>, bool);

thread_local! {
    static QUEUE: RefCell<Queue> = RefCell::new((VecDeque::new(), false));
}

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Runs `work` after the work queued before it, when the page has a moment.
pub fn run_when_idle(work: impl FnOnce() + 'static) {
    let start = QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        q.0.push_back(Box::new(work));
        !std::mem::replace(&mut q.1, true)
    });
    if start {
        leptos::prelude::set_timeout(run_slice, Duration::ZERO);
    }
}

fn run_slice() {
    let started = now();
    loop {
        // Taken out before it runs: work may queue more work.
        let Some(work) = QUEUE.with(|q| q.borrow_mut().0.pop_front()) else {
            QUEUE.with(|q| q.borrow_mut().1 = false);
            return;
        };
        work();
        if now() - started > SLICE_MS {
            leptos::prelude::set_timeout(run_slice, Duration::ZERO);
            return;
        }
    }
}
