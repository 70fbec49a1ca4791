//! The views of the app and where each one lives. The list itself is `src/views.json` (build.rs
//! turns it into `ViewId` and `VIEWS`): the router, the nav bar, links between views, the boot
//! script and index.html's route pattern all read it, so a route string is written only there.
//!
//! Each view belongs to a *chunk*, one wasm file (`src/bin/<chunk>.rs`): a page downloads only its
//! own chunk. Moving between views of one chunk is client-side; into another chunk is a page
//! load, which the boot script serves from that chunk's cached files.

/// One view: its route, its nav-bar label (none: not in the bar) and its chunk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ViewSpec {
    pub id: ViewId,
    pub path: &'static str,
    pub nav: Option<&'static str>,
    pub chunk: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/views.rs"));

impl ViewId {
    pub fn spec(self) -> &'static ViewSpec {
        // Every ViewId comes from the same list as VIEWS, so the lookup always finds it; the
        // fallback keeps this total without a panic path.
        VIEWS.iter().find(|v| v.id == self).unwrap_or(&VIEWS[0])
    }

    /// The route (`/perfherder/graphs`), without the app's prefix.
    pub fn path(self) -> &'static str {
        self.spec().path
    }
}

/// The view at a route (`/jobs`, `/perfherder/graphs/`; a path below a view's is that view):
/// the longest matching path wins, so nested routes can belong to other chunks.
pub fn view_at(route: &str) -> Option<ViewId> {
    let route = route.trim_end_matches('/');
    VIEWS
        .iter()
        .filter(|v| route == v.path || route.strip_prefix(v.path).is_some_and(|rest| rest.starts_with('/')))
        .max_by_key(|v| v.path.len())
        .map(|v| v.id)
}
