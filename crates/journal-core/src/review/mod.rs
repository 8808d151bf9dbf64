//! A weekly look back: the figures of seven days (`rules`, pure functions
//! of dated facts) and the three answers written into that day's page.

mod rules;
mod store;

pub use rules::{review_week, week_figures, WeekFacts, WeekReview, REVIEW_HEADING};
pub use store::REVIEW_QUESTIONS;
