//! Not alone: the time a person spends with others (who, what, how it
//! felt), the gentle note after a quiet stretch (`rules`, pure functions of
//! dated facts), and the messages written here instead of being sent.

mod rules;
mod store;
mod unsent;

pub use rules::{company_summary, nudge_due, Company, TimeWithPeople};
pub use store::{MAX_WHAT_BYTES, MAX_WHO_BYTES};
pub use unsent::{Unsent, UnsentOutcome, MAX_UNSENT_BYTES};
