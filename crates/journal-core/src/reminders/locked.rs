//! Reminders while the journal is locked: what the schedule needs, taken
//! from the journal as it locks and kept in memory (nothing about the
//! journal can be read until it is unlocked again). Notes sent meanwhile are
//! remembered here and written to the journal at the next unlock. Their
//! words are always the discreet ones: a locked journal says nothing.

use super::schedule::{next_notification, notification_text, Delivery, Planned, ReminderFacts};
use crate::settings::Settings;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

/// The reminder schedule's inputs as they were when the journal locked.
#[derive(Debug, Clone)]
pub struct LockedReminders {
    pub(crate) settings: Settings,
    pub(crate) facts: ReminderFacts,
    pub(crate) delivered: Vec<Delivery>,
    /// Sent while locked, not yet in the journal.
    pub(crate) sent: Vec<Planned>,
}

impl LockedReminders {
    /// The next note due, as the schedule plans it.
    pub fn next(&self, now: DateTime<Utc>, zone: Tz) -> Option<Planned> {
        next_notification(&self.settings, &self.facts, &self.delivered, now, zone)
    }

    /// Remember that `planned` went out (so it never goes out twice) and
    /// give its words, the discreet ones whatever the setting.
    pub fn deliver(&mut self, planned: &Planned) -> (String, String) {
        self.delivered.push(Delivery {
            kind: planned.kind,
            local_date: planned.local_date,
            topic: planned.topic.clone(),
        });
        self.sent.push(planned.clone());
        notification_text(planned.kind, true, None)
    }

    /// The notes sent while locked, to be recorded in the journal.
    pub fn sent(&self) -> &[Planned] {
        &self.sent
    }
}
