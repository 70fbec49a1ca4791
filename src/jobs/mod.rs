//! `/jobs`: pushes of a repository with their jobs, grouped and coloured as Treeherder does.
//!
//! URL (Treeherder's parameters) → [`url_state::JobsParams`] → [`store::JobsStore`] (pushes and
//! jobs from the client) → [`model`] (filter and layout) → components.

mod details;
mod filter_bar;
mod job_rows;
mod keyboard;
pub mod model;
mod page;
mod polling;
mod push_header;
mod push_list;
pub mod revisions;
mod selection;
pub mod store;
pub mod url_state;

pub use page::JobsPage;

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::NavigateOptions;

use model::JobFilter;
use store::JobsStore;
use url_state::{FilterParams, JobsParams};

use crate::hallway::navigation::NavigateFn;

/// What the jobs view's components share.
#[derive(Clone, Copy)]
pub struct JobsContext {
    pub store: JobsStore,
    pub params: Memo<JobsParams>,
    pub filter: Memo<Arc<JobFilter>>,
    /// The URL's query pairs (to rewrite them keeping what we do not own, like `server`).
    pub pairs: Memo<Vec<(String, String)>>,
    /// Groups expanded by hand (`push id|row|symbol|tier`).
    pub expanded: RwSignal<Vec<String>>,
    /// The selected job, resolved against the loaded jobs (or looked up).
    pub selected: Memo<Option<selection::SelectedJob>>,
    pub help_open: RwSignal<bool>,
    /// Each shown push's layout, for keyboard navigation over what is shown (rendered or not).
    pub layouts: StoredValue<std::collections::HashMap<i64, Memo<model::Layout>>>,
    /// The router's navigate, captured when the page was built (event handlers have no
    /// reactive owner to find the router from).
    pub navigate: StoredValue<NavigateFn>,
}

pub fn use_jobs() -> JobsContext {
    expect_context::<JobsContext>()
}

impl JobsContext {
    /// Rewrites the query string (same path). `replace`: no new history entry.
    pub fn set_pairs(&self, pairs: Vec<(String, String)>, replace: bool) {
        let mut ser = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &pairs {
            ser.append_pair(k, v);
        }
        let query = ser.finish();
        let navigate = self.navigate.get_value();
        let path = crate::hallway::views::ViewId::Jobs.path();
        navigate(
            &format!("{path}{}{}", if query.is_empty() { "" } else { "?" }, query),
            NavigateOptions { replace, scroll: false, ..Default::default() },
        );
    }

    /// Applies a change to the filter (pushing a history entry, as Treeherder does).
    pub fn update_filter(&self, change: impl FnOnce(&mut FilterParams)) {
        let mut filter = self.params.with_untracked(|p| p.filter.clone());
        change(&mut filter);
        let pairs = JobsParams::with_filter(&self.pairs.get_untracked(), &filter);
        self.set_pairs(pairs, false);
    }

    /// Sets (or with `None` removes) URL parameters, keeping the others in place.
    pub fn set_params(&self, changes: &[(&str, Option<String>)], replace: bool) {
        let mut pairs = self.pairs.get_untracked();
        for (key, value) in changes {
            let position = pairs.iter().position(|(k, _)| k == key);
            pairs.retain(|(k, _)| k != key);
            if let Some(v) = value {
                let at = position.unwrap_or(pairs.len()).min(pairs.len());
                pairs.insert(at, (key.to_string(), v.clone()));
            }
        }
        self.set_pairs(pairs, replace);
    }
}
