//! The raw log, downloading: streamed into a [`LogLines`] so the first screen shows while the
//! rest comes, redrawn at most every `REDRAW_MS` meanwhile, and stopped when the page goes.
//! A retry downloads the log again while the lines already shown stay on screen, until the new
//! copy has as many.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use treeherder_client::log_lines::LogLines;
use treeherder_client::raw_log::{stream_raw_log, Received};
use treeherder_client::Error;

use crate::hallway::ready::mark;

/// How often the page hears of new lines while the download goes on.
const REDRAW_MS: f64 = 120.0;

/// Where the download stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Loading,
    Done,
    Failed(Error),
}

/// A log's download, shared by the parts of the page that draw it.
#[derive(Clone, Copy)]
pub struct Download {
    log: StoredValue<Rc<RefCell<LogLines>>, LocalStorage>,
    /// Lines shown so far (every change redraws what depends on the log).
    pub lines: RwSignal<usize>,
    pub received: RwSignal<(u64, Option<u64>)>,
    pub status: RwSignal<Status>,
    /// Bumped to stop a download: each one goes on only while the generation is its own.
    generation: StoredValue<u32>,
}

fn now() -> f64 {
    js_sys::Date::now()
}

impl Download {
    pub fn new() -> Download {
        let download = Download {
            log: StoredValue::new_local(Rc::new(RefCell::new(LogLines::new()))),
            lines: RwSignal::new(0),
            received: RwSignal::new((0, None)),
            status: RwSignal::new(Status::Loading),
            generation: StoredValue::new(0),
        };
        on_cleanup(move || download.stop());
        download
    }

    /// Reads the log shown.
    pub fn with_log<R>(&self, read: impl FnOnce(&LogLines) -> R) -> R {
        let log = self.log.with_value(Rc::clone);
        let log = log.borrow();
        read(&log)
    }

    /// Stops the download in progress, if any.
    pub fn stop(&self) {
        self.generation.try_update_value(|g| *g += 1);
    }

    /// Downloads `url` (again): what is shown stays until the new copy has caught up.
    pub fn start(&self, url: String) {
        self.stop();
        let this = *self;
        let generation = self.generation.get_value();
        let shown = self.log.with_value(Rc::clone);
        let fresh = shown.borrow().is_empty();
        let incoming = if fresh { shown } else { Rc::new(RefCell::new(LogLines::new())) };
        self.status.set(Status::Loading);
        self.received.set((0, None));
        leptos::task::spawn_local(async move {
            let mut last_told = 0.0;
            let mut reserved = false;
            let mut on_chunk = |chunk: &[u8], received: Received| -> bool {
                if this.generation.try_get_value() != Some(generation) {
                    return false;
                }
                let mut log = incoming.borrow_mut();
                if !reserved {
                    // For the bench: the first bytes, then (below) the first lines shown.
                    mark("logviewer:first-bytes");
                    if let Some(total) = received.total {
                        log.reserve(total as usize);
                    }
                    reserved = true;
                }
                log.push(chunk);
                let count = log.len();
                drop(log);
                let (now, shown) = (now(), this.lines.get_untracked());
                // The first lines at once, then at most every REDRAW_MS.
                if (shown == 0 && count > 0) || now - last_told >= REDRAW_MS {
                    if shown == 0 && count > 0 {
                        request_animation_frame(|| mark("logviewer:first-lines"));
                    }
                    last_told = now;
                    this.adopt_if_caught_up(&incoming, count);
                    this.received.set((received.bytes, received.total));
                }
                true
            };
            let outcome = stream_raw_log(&url, &mut on_chunk).await;
            if this.generation.try_get_value() != Some(generation) {
                return;
            }
            match outcome {
                Ok(received) => {
                    mark("logviewer:last-byte");
                    incoming.borrow_mut().finish();
                    let count = incoming.borrow().len();
                    this.log.set_value(Rc::clone(&incoming));
                    this.lines.set(count);
                    this.received.set((received.bytes, received.total.or(Some(received.bytes))));
                    this.status.set(Status::Done);
                    request_animation_frame(|| mark("logviewer:indexed"));
                }
                Err(error) => {
                    // What came is shown, its last (cut) line too.
                    if Rc::ptr_eq(&this.log.with_value(Rc::clone), &incoming) {
                        incoming.borrow_mut().finish();
                    }
                    let count = incoming.borrow().len();
                    this.adopt_if_caught_up(&incoming, count);
                    this.status.set(Status::Failed(error));
                }
            }
        });
    }

    /// Shows the new copy once it has at least the lines on screen.
    fn adopt_if_caught_up(&self, incoming: &Rc<RefCell<LogLines>>, count: usize) {
        let same = self.log.with_value(|shown| Rc::ptr_eq(shown, incoming));
        if same || count >= self.lines.get_untracked() {
            if !same {
                self.log.set_value(Rc::clone(incoming));
            }
            self.lines.set(count);
        }
    }
}
