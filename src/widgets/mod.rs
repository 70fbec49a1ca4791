//! Small shared components.

mod error_banner;
mod spinner;

pub use error_banner::{ErrorBanner, Notice};
pub use spinner::Spinner;
