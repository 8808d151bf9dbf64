//! Gentle reminders: the schedule (a pure function of settings, facts,
//! deliveries, the instant and a time zone) and what it reads from the store.

mod locked;
mod schedule;
mod store;

pub use locked::LockedReminders;

pub use schedule::{
    next_notification, notification_text, pick_zone, resolve_local, Delivery, NoteKind, Planned,
    ReminderFacts,
};
