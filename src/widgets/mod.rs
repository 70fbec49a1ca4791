//! Small shared components.

mod error_banner;
mod escape;
mod spinner;

pub use error_banner::{ErrorBanner, Notice};
pub use escape::escape_html;
pub use spinner::Spinner;
