//! Data a view fetches, as a plain signal: `None` while it comes, then the answer. Unlike a
//! `LocalResource`, reading it inside the shell's `<Suspense>` does not hold the whole view off
//! the page until it arrives — a view that streams (the log viewer) must be on screen, with its
//! own spinners, while its parts come in one by one.

use std::future::Future;

use leptos::prelude::*;
use treeherder_client::Error;

pub struct Fetched<T: Send + Sync + 'static> {
    value: RwSignal<Option<Result<T, Error>>>,
    again: RwSignal<u32>,
}

impl<T: Send + Sync + 'static> Clone for Fetched<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Fetched<T> {}

impl<T: Clone + Send + Sync + 'static> Fetched<T> {
    /// Runs `fetch` now, again whenever a signal it reads changes, and on [`Fetched::refetch`];
    /// only the latest run's answer is kept.
    pub fn new<F>(fetch: impl Fn() -> F + 'static) -> Fetched<T>
    where
        F: Future<Output = Result<T, Error>> + 'static,
    {
        let value = RwSignal::new(None);
        let again = RwSignal::new(0u32);
        let latest = StoredValue::new(0u32);
        Effect::new(move |_| {
            again.track();
            let pending = fetch();
            let run = latest.get_value() + 1;
            latest.set_value(run);
            value.set(None);
            leptos::task::spawn_local(async move {
                let answer = pending.await;
                if latest.try_get_value() == Some(run) {
                    value.try_set(Some(answer));
                }
            });
        });
        Fetched { value, again }
    }

    pub fn get(&self) -> Option<Result<T, Error>> {
        self.value.get()
    }

    pub fn with<R>(&self, read: impl FnOnce(&Option<Result<T, Error>>) -> R) -> R {
        self.value.with(read)
    }

    pub fn refetch(&self) {
        self.again.update(|n| *n += 1);
    }
}
