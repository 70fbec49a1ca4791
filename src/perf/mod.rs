//! `/perfherder/graphs`: Perfherder's graphs view on a canvas. Series picked by framework,
//! repository, platform and name; a chart with an overview brush, zoom, pan, tooltips and
//! alerts; a table view; Perfherder's URL parameters.

pub mod chart;
mod controls;
pub mod conventions;
mod legend;
mod page;
mod picker;
mod related;
pub mod series;
mod table;
mod tooltip;
pub mod url_state;

pub use page::GraphsPage;
