//! Pages: one per local day, their earlier texts, and full-text search.

mod history;
mod page;
mod search;
mod store;

pub use history::RevisionSummary;
pub use page::{count_words, first_line, Page, PageSummary, Revision, Saved, MAX_BODY_BYTES};
pub use search::{SearchHit, HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN};
