//! When the next gentle reminder is due. A pure function of the settings,
//! what has been written, what was already delivered, the instant and the
//! time zone, so DST, travel, sleep and restarts are all testable.

use crate::settings::Settings;
use crate::space::MILESTONES;
use chrono::offset::LocalResult;
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use std::collections::BTreeSet;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum NoteKind {
    /// The day's reminder to write, at the chosen time.
    Daily,
    /// The morning a milestone of giving space is reached.
    Milestone,
    /// One note after some days without a page.
    CheckIn,
    /// The day's reminder, missed while the app was closed or asleep.
    CatchUp,
    /// On `review.day`: the invitation to look back on the week, in the
    /// day's slot.
    Review,
}

impl NoteKind {
    pub const ALL: [NoteKind; 5] = [
        NoteKind::Daily,
        NoteKind::Milestone,
        NoteKind::CheckIn,
        NoteKind::CatchUp,
        NoteKind::Review,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NoteKind::Daily => "daily",
            NoteKind::Milestone => "milestone",
            NoteKind::CheckIn => "check-in",
            NoteKind::CatchUp => "catch-up",
            NoteKind::Review => "review",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        NoteKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Daily, catch-up, check-in and review share one slot a day: at most
    /// one of them.
    fn uses_daily_slot(self) -> bool {
        self != NoteKind::Milestone
    }
}

/// A notification already delivered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub kind: NoteKind,
    /// The local date it was for.
    pub local_date: NaiveDate,
    /// What it was about ("milestone:<period>:<days>", "silence:<date>", "").
    pub topic: String,
}

/// What the schedule needs to know about the journal.
#[derive(Debug, Clone, Default)]
pub struct ReminderFacts {
    /// Local dates whose page has at least one word.
    pub written: BTreeSet<NaiveDate>,
    /// The open period's id and the day its current run began (the later of
    /// day 0 and the last pursuit), if a period is open.
    pub streak: Option<(i64, NaiveDate)>,
    /// Days whose week has been looked back on already.
    pub reviewed: BTreeSet<NaiveDate>,
}

/// The next notification: when, what, for which day and about what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub at: DateTime<Utc>,
    pub kind: NoteKind,
    pub local_date: NaiveDate,
    pub topic: String,
    /// For a milestone: the number of days.
    pub days: Option<u32>,
}

/// How late a reminder may fire and still count as on time (not a catch-up).
const ON_TIME: TimeDelta = TimeDelta::minutes(1);
/// How far ahead the daily slot is looked for (a week always has a slot).
const LOOKAHEAD_DAYS: u64 = 8;

/// The instant a local wall-clock time happens on `date` in `zone`: on a
/// fall-back day the first of the two; on a spring-forward day, a time that
/// does not exist moves to the first minute after the gap.
pub fn resolve_local(date: NaiveDate, time: NaiveTime, zone: Tz) -> DateTime<Utc> {
    let mut local = date.and_time(time);
    for _ in 0..=24 * 60 {
        match zone.from_local_datetime(&local) {
            LocalResult::Single(t) => return t.with_timezone(&Utc),
            LocalResult::Ambiguous(first, _) => return first.with_timezone(&Utc),
            LocalResult::None => local += TimeDelta::minutes(1),
        }
    }
    // No zone has a gap of a whole day; fall back to reading it as UTC.
    Utc.from_utc_datetime(&date.and_time(time))
}

fn morning(settings: &Settings) -> NaiveTime {
    if settings.quiet_enabled {
        settings.quiet_end
    } else {
        NaiveTime::from_hms_opt(9, 0, 0).expect("nine o'clock")
    }
}

fn milestone_topic(period: i64, days: u32) -> String {
    format!("milestone:{period}:{days}")
}

fn silence_topic(last_written: NaiveDate) -> String {
    format!("silence:{}", crate::date::format_date(last_written))
}

struct Plan<'a> {
    settings: &'a Settings,
    facts: &'a ReminderFacts,
    delivered: &'a [Delivery],
    now: DateTime<Utc>,
    zone: Tz,
    today: NaiveDate,
}

impl Plan<'_> {
    fn quiet_now(&self) -> bool {
        self.settings
            .is_quiet(self.now.with_timezone(&self.zone).time())
    }

    /// When a note planned for `at` on `date` can go: then, or now if it was
    /// missed today; never for a past day, never inside quiet hours.
    fn when(&self, date: NaiveDate, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        if at > self.now {
            Some(at)
        } else if date == self.today && !self.quiet_now() {
            Some(self.now)
        } else {
            None
        }
    }

    fn daily_slot(&self, date: NaiveDate) -> Option<Planned> {
        let s = self.settings;
        let slot_used = self
            .delivered
            .iter()
            .any(|d| d.local_date == date && d.kind.uses_daily_slot());
        if slot_used || self.facts.written.contains(&date) || s.is_quiet(s.daily_time) {
            return None;
        }
        let silence = self
            .facts
            .written
            .range(..date)
            .next_back()
            .copied()
            .filter(|last| {
                s.checkin_days > 0
                    && date.signed_duration_since(*last).num_days() >= i64::from(s.checkin_days)
            })
            .map(silence_topic)
            .filter(|topic| !self.delivered.iter().any(|d| &d.topic == topic));
        // The day of the week's look back: its invitation takes the slot
        // (on its own day, whatever the reminder days), until that week is
        // looked back on.
        let review = s.daily_enabled
            && date.weekday() == s.review_day
            && !self.facts.reviewed.contains(&date);
        let daily = s.daily_enabled && s.daily_days.contains(&date.weekday());
        if silence.is_none() && !daily && !review {
            return None;
        }
        let planned_at = resolve_local(date, s.daily_time, self.zone);
        let at = self.when(date, planned_at)?;
        let late = at - planned_at > ON_TIME;
        let kind = match (&silence, review, late) {
            (Some(_), _, _) => NoteKind::CheckIn,
            (None, true, _) => NoteKind::Review,
            (None, false, true) => NoteKind::CatchUp,
            (None, false, false) => NoteKind::Daily,
        };
        let topic = match kind {
            NoteKind::Review => format!("review:{}", crate::date::format_date(date)),
            _ => silence.unwrap_or_default(),
        };
        Some(Planned {
            at,
            kind,
            local_date: date,
            topic,
            days: None,
        })
    }

    fn next_milestone(&self) -> Option<Planned> {
        let (period, anchor) = self.facts.streak?;
        if !self.settings.milestones {
            return None;
        }
        MILESTONES.iter().find_map(|m| {
            let date = anchor + chrono::Days::new(u64::from(*m));
            let topic = milestone_topic(period, *m);
            if date < self.today || self.delivered.iter().any(|d| d.topic == topic) {
                return None;
            }
            let at = self.when(date, resolve_local(date, morning(self.settings), self.zone))?;
            Some(Planned {
                at,
                kind: NoteKind::Milestone,
                local_date: date,
                topic,
                days: Some(*m),
            })
        })
    }
}

/// The next notification due at or after `now` (at `now` itself when one is
/// owed right away), or `None` when nothing is planned.
pub fn next_notification(
    settings: &Settings,
    facts: &ReminderFacts,
    delivered: &[Delivery],
    now: DateTime<Utc>,
    zone: Tz,
) -> Option<Planned> {
    let plan = Plan {
        settings,
        facts,
        delivered,
        now,
        zone,
        today: now.with_timezone(&zone).date_naive(),
    };
    let daily = (0..LOOKAHEAD_DAYS)
        .map(|i| plan.today + chrono::Days::new(i))
        .find_map(|d| plan.daily_slot(d));
    [daily, plan.next_milestone()]
        .into_iter()
        .flatten()
        .min_by_key(|p| (p.at, p.kind != NoteKind::Milestone))
}

/// The words of a notification. Discreet text names no partner, no count and
/// no page text; the warmer text may name the day count.
pub fn notification_text(kind: NoteKind, discreet: bool, days: Option<u32>) -> (String, String) {
    let title = "Breathing Room".to_string();
    let body = match (kind, discreet) {
        (NoteKind::Milestone, true) => "Something good to notice today".to_string(),
        (NoteKind::Milestone, false) => match days {
            Some(1) => "One day of giving space. Be gentle with yourself today.".to_string(),
            Some(d) => format!("{d} days of giving space. You have kept your word to yourself."),
            None => "A milestone of giving space today.".to_string(),
        },
        (NoteKind::Review, true) => "A quiet moment to look back".to_string(),
        (NoteKind::Review, false) => {
            "A few minutes to look back on your week, whenever you like.".to_string()
        }
        (NoteKind::CheckIn, true) => "Whenever you are ready, your pages are here".to_string(),
        (NoteKind::CheckIn, false) => {
            "It has been a few days. Your pages are here whenever you are ready.".to_string()
        }
        (_, true) => "A quiet moment for your pages".to_string(),
        (_, false) => match days {
            Some(d) => format!("Day {d} of giving space. A few lines before the day ends?"),
            None => "A few lines before the day ends? Your page is waiting.".to_string(),
        },
    };
    (title, body)
}

/// The time zone to plan in: the `TZ` variable's value when it names one
/// (a leading ':' is allowed), else the system's zone name, else UTC. The
/// caller reads both from its environment; this only decides.
pub fn pick_zone(tz_var: Option<&str>, system: Option<&str>) -> Tz {
    let from_var = tz_var
        .map(|v| v.trim().trim_start_matches(':'))
        .filter(|v| !v.is_empty())
        .and_then(|v| v.parse().ok());
    from_var
        .or_else(|| system.and_then(|s| s.parse().ok()))
        .unwrap_or(chrono_tz::UTC)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tz_variable_wins_then_the_system_then_utc() {
        let ny: Tz = "America/New_York".parse().unwrap();
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        assert_eq!(
            pick_zone(Some(":America/New_York"), Some("Europe/Berlin")),
            ny
        );
        assert_eq!(pick_zone(Some("Not/AZone"), Some("Europe/Berlin")), berlin);
        assert_eq!(pick_zone(None, Some("Europe/Berlin")), berlin);
        assert_eq!(pick_zone(Some(""), None), chrono_tz::UTC);
    }
}
