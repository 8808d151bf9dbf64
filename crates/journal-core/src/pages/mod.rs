//! Pages: one per local day, their earlier texts, full-text search, and the
//! recovery file for words that could not be saved.

mod history;
mod look_back;
mod page;
mod recovery;
mod search;
mod store;

pub use history::RevisionSummary;
pub use look_back::{look_back_dates, LookBack};
pub use page::{
    count_words, first_line, is_written, Page, PageSummary, Revision, Saved, MAX_BODY_BYTES,
};
pub use recovery::{RecoveredPage, Recovery, RECOVERY_SUFFIX};
pub use search::{SearchFilter, SearchHit, TIDY_STEP_PAGES};
pub(crate) use store::validate_page;
