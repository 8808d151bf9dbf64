//! Giving space: periods, contacts and urges, and the counting contract
//! (`rules`, pure functions of dated facts) beside their storage.

mod history;
mod rules;
mod store;

pub use history::{ContactEdit, UrgeEdit};
pub(crate) use rules::days_between;
pub use rules::{
    reached_milestone, space_status, Contact, ContactCounts, ContactKind, NextMilestone, Period,
    PeriodInfo, SpaceFacts, SpaceStatus, Urge, MILESTONES,
};
pub use store::{When, MAX_NOTE_BYTES};
