//! The API calls, one method per endpoint, grouped by area. Each file adds methods to
//! [`crate::TreeherderClient`].

mod job_details;
mod jobs;
mod performance;
mod pushes;

pub(crate) use pushes::encode_segment;
mod refdata;
mod schema;

pub use jobs::JobQuery;
pub use performance::{SignatureQuery, SummaryQuery};
pub use pushes::PushFilter;
pub use schema::parse_schema;
