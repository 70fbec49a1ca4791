//! The top bar and what it holds.

pub mod repo_picker;
mod server_badge;
mod top_bar;

pub use repo_picker::RepoPicker;
pub use server_badge::ServerBadge;
pub use top_bar::TopBar;
