//! URL state every view shares: the query as pairs, the router's navigate, and the repository
//! of the page (`?repo=`). Views read these here rather than from each other or the shell.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// Treeherder's default repository (`thDefaultRepo`).
pub const DEFAULT_REPO: &str = "autoland";

/// The query map as ordered pairs.
pub fn query_pairs() -> Memo<Vec<(String, String)>> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|q| q.into_iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()))
}

/// The router's navigate, callable from anywhere in a view.
pub type NavigateFn = Arc<dyn Fn(&str, NavigateOptions) + Send + Sync>;

/// The router's navigate function, shareable (event handlers have no reactive owner to find the
/// router from, so views capture it when they are built).
pub fn navigate_fn() -> StoredValue<NavigateFn> {
    let navigate = use_navigate();
    StoredValue::new(Arc::new(move |path: &str, options: NavigateOptions| navigate(path, options)))
}

/// The repository a query names (`?repo=`, default autoland).
fn repo_in(query: &leptos_router::params::ParamsMap) -> String {
    query.get("repo").filter(|r| !r.is_empty()).unwrap_or_else(|| DEFAULT_REPO.to_string())
}

/// The repository of the page.
pub fn use_current_repo() -> Memo<String> {
    let query = use_query_map();
    Memo::new(move |_| query.with(repo_in))
}

/// Same as [`use_current_repo`], read once (for link builders outside a component body).
pub fn current_repo() -> String {
    use_query_map().with(repo_in)
}
