//! Small shared components.

mod copy_button;
mod error_banner;
mod escape;
mod fetched;
pub mod idle_queue;
mod json_tree;
mod loaded;
mod spinner;

pub use copy_button::CopyButton;
pub use error_banner::{ErrorBanner, Notice};
pub use escape::escape_html;
pub use fetched::Fetched;
pub use json_tree::JsonTree;
pub use loaded::Loaded;
pub use spinner::Spinner;
