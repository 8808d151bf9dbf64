//! Giving space: the period, the contact log, urges held back, and the counts
//! drawn from them. The counting here is the contract scripts rely on; it is
//! a pure function of the events and the day it is evaluated on.

use crate::date::format_date;
use crate::error::{Error, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use ts_rs::TS;

/// Days of giving space worth a quiet acknowledgement.
pub const MILESTONES: [u32; 10] = [1, 3, 7, 14, 21, 30, 60, 90, 180, 365];

/// What kind of contact with the partner happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ContactKind {
    /// I reached out to press, plead or check on the relationship. The only
    /// kind that starts the count again.
    Pursued,
    /// Children, money, logistics, safety, "I'm OK".
    Necessary,
    /// My partner contacted me.
    TheyReachedOut,
    /// The upfront talk or note that opens a period.
    Upfront,
}

impl ContactKind {
    pub const ALL: [ContactKind; 4] = [
        ContactKind::Pursued,
        ContactKind::Necessary,
        ContactKind::TheyReachedOut,
        ContactKind::Upfront,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ContactKind::Pursued => "pursued",
            ContactKind::Necessary => "necessary",
            ContactKind::TheyReachedOut => "they-reached-out",
            ContactKind::Upfront => "upfront",
        }
    }

    pub fn parse(s: &str) -> Result<Self> {
        ContactKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim())
            .ok_or_else(|| {
                Error::invalid(format!(
                    "\"{s}\" is not a kind of contact; use pursued, necessary, they-reached-out or upfront"
                ))
            })
    }
}

/// A space period as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Period {
    #[ts(type = "number")]
    pub id: i64,
    /// Day 0, `YYYY-MM-DD`.
    pub start: String,
    /// The words said or written to the partner before stepping back.
    pub upfront_note: Option<String>,
    pub end: Option<String>,
    /// In the person's own words, when the period ended.
    pub outcome: Option<String>,
}

/// A logged contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Contact {
    #[ts(type = "number")]
    pub id: i64,
    /// RFC 3339 instant, UTC.
    pub at: String,
    /// The local calendar day it happened on.
    pub date: String,
    pub kind: ContactKind,
    pub note: Option<String>,
    /// When it was removed (it then no longer counts); absent while it stands.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub removed_at: Option<String>,
}

/// An urge to reach out, held back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Urge {
    #[ts(type = "number")]
    pub id: i64,
    pub at: String,
    pub date: String,
    pub intensity: Option<u8>,
    pub note: Option<String>,
    /// When it was removed (it then no longer counts); absent while it stands.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub removed_at: Option<String>,
}

/// Counts per kind of contact, keyed as the CLI's `--json` prints them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct ContactCounts {
    pub pursued: u32,
    pub necessary: u32,
    #[serde(rename = "they-reached-out")]
    #[ts(rename = "they-reached-out")]
    pub they_reached_out: u32,
    pub upfront: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PeriodInfo {
    pub start: String,
    pub end: Option<String>,
    pub days_since_start: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct NextMilestone {
    pub days: u32,
    pub in_days: u32,
}

/// Where the person stands on a given day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SpaceStatus {
    /// The day this was evaluated for.
    pub as_of: String,
    pub current_streak_days: u32,
    pub best_streak_days: u32,
    pub total_space_days: u32,
    pub urges_resisted: u32,
    pub contacts: ContactCounts,
    pub period: Option<PeriodInfo>,
    pub next_milestone: Option<NextMilestone>,
    /// The most recent day a `pursued` contact started the count again.
    pub last_reset: Option<String>,
    /// Time with people up to `as_of` (whatever the period; none in the
    /// figures of a past period).
    pub time_with_people: crate::people::TimeWithPeople,
}

/// The dated facts a status is drawn from.
pub struct SpaceFacts<'a> {
    pub period: Option<(NaiveDate, Option<NaiveDate>)>,
    /// (local date, kind) of every contact.
    pub contacts: &'a [(NaiveDate, ContactKind)],
    /// Local date of every urge.
    pub urges: &'a [NaiveDate],
}

pub(crate) fn days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    u32::try_from(to.signed_duration_since(from).num_days().max(0)).unwrap_or(u32::MAX)
}

/// The figures for `today`, counting only what happened up to it.
///
/// A period that starts after `today` is not yet begun; one that ended after
/// `today` is still open as of `today`; one that ended counts up to its end.
pub fn space_status(facts: &SpaceFacts<'_>, today: NaiveDate) -> SpaceStatus {
    let mut status = SpaceStatus {
        as_of: format_date(today),
        current_streak_days: 0,
        best_streak_days: 0,
        total_space_days: 0,
        urges_resisted: 0,
        contacts: ContactCounts::default(),
        period: None,
        next_milestone: None,
        time_with_people: Default::default(),
        last_reset: None,
    };
    let Some((start, end)) = facts.period.filter(|(s, _)| *s <= today) else {
        return status;
    };
    let end = end.filter(|e| *e <= today);
    let last = end.unwrap_or(today);
    let within = |d: &NaiveDate| *d >= start && *d <= last;

    let pursuits: BTreeSet<NaiveDate> = facts
        .contacts
        .iter()
        .filter(|(d, k)| *k == ContactKind::Pursued && within(d))
        .map(|(d, _)| *d)
        .collect();
    for (_, kind) in facts.contacts.iter().filter(|(d, _)| within(d)) {
        let c = &mut status.contacts;
        match kind {
            ContactKind::Pursued => c.pursued += 1,
            ContactKind::Necessary => c.necessary += 1,
            ContactKind::TheyReachedOut => c.they_reached_out += 1,
            ContactKind::Upfront => c.upfront += 1,
        }
    }
    status.urges_resisted =
        u32::try_from(facts.urges.iter().filter(|d| within(d)).count()).unwrap_or(u32::MAX);

    // Each reset (day 0, then every day with a pursuit) starts a run; a run
    // reaches the day before the next reset, and the last one reaches `last`.
    let resets: Vec<NaiveDate> = std::iter::once(start)
        .chain(pursuits.iter().copied().filter(|d| *d > start))
        .collect();
    let latest = *resets.last().expect("day 0 is always a reset");
    let finished_runs = resets
        .windows(2)
        .map(|w| days_between(w[0], w[1]).saturating_sub(1));
    status.current_streak_days = days_between(latest, last);
    status.best_streak_days = finished_runs
        .chain(std::iter::once(status.current_streak_days))
        .max()
        .unwrap_or(0);
    let pursuit_days_after_start =
        u32::try_from(pursuits.iter().filter(|d| **d > start).count()).unwrap_or(u32::MAX);
    status.total_space_days = days_between(start, last).saturating_sub(pursuit_days_after_start);
    status.last_reset = pursuits.iter().next_back().map(|d| format_date(*d));
    status.period = Some(PeriodInfo {
        start: format_date(start),
        end: end.map(format_date),
        days_since_start: days_between(start, last),
    });
    if end.is_none() {
        status.next_milestone = MILESTONES
            .iter()
            .find(|m| **m > status.current_streak_days)
            .map(|m| NextMilestone {
                days: *m,
                in_days: m - status.current_streak_days,
            });
    }
    status
}

/// The highest milestone the current count has reached, if any.
pub fn reached_milestone(current_streak_days: u32) -> Option<u32> {
    MILESTONES
        .iter()
        .rev()
        .find(|m| **m <= current_streak_days)
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rstest::rstest;

    fn d(s: &str) -> NaiveDate {
        crate::parse_date(s).unwrap()
    }

    fn status(start: &str, end: Option<&str>, pursuits: &[&str], today: &str) -> SpaceStatus {
        let contacts: Vec<_> = pursuits
            .iter()
            .map(|p| (d(p), ContactKind::Pursued))
            .collect();
        space_status(
            &SpaceFacts {
                period: Some((d(start), end.map(d))),
                contacts: &contacts,
                urges: &[],
            },
            d(today),
        )
    }

    // The examples of the contract, one row each:
    // (pursuits, today) -> (current, best, total)
    #[rstest]
    #[case(&[], "2027-01-10", 9, 9, 9)]
    #[case(&["2027-01-05"], "2027-01-10", 5, 5, 8)]
    #[case(&["2027-01-05"], "2027-01-05", 0, 3, 3)]
    #[case(&["2027-01-08"], "2027-01-10", 2, 6, 8)]
    #[case(&["2027-01-05", "2027-01-05"], "2027-01-10", 5, 5, 8)]
    #[case(&[], "2027-01-01", 0, 0, 0)]
    #[case(&["2027-01-01"], "2027-01-10", 9, 9, 9)]
    #[case(&["2027-01-02"], "2027-01-10", 8, 8, 8)]
    #[case(&["2027-01-03", "2027-01-04"], "2027-01-06", 2, 2, 3)]
    fn the_counting_contract(
        #[case] pursuits: &[&str],
        #[case] today: &str,
        #[case] current: u32,
        #[case] best: u32,
        #[case] total: u32,
    ) {
        let s = status("2027-01-01", None, pursuits, today);
        assert_eq!(
            (
                s.current_streak_days,
                s.best_streak_days,
                s.total_space_days
            ),
            (current, best, total)
        );
        assert_eq!(s.contacts.pursued as usize, pursuits.len());
    }

    #[test]
    fn the_last_reset_and_the_next_milestone() {
        let s = status("2027-01-01", None, &["2027-01-05"], "2027-01-10");
        assert_eq!(s.last_reset.as_deref(), Some("2027-01-05"));
        assert_eq!(
            s.next_milestone,
            Some(NextMilestone {
                days: 7,
                in_days: 2
            })
        );
        let s = status("2027-01-01", None, &[], "2027-01-01");
        assert_eq!(
            s.next_milestone,
            Some(NextMilestone {
                days: 1,
                in_days: 1
            })
        );
        let s = status("2026-01-01", None, &[], "2027-01-01");
        assert_eq!(s.current_streak_days, 365);
        assert_eq!(s.next_milestone, None);
    }

    #[test]
    fn an_ended_period_counts_to_its_end_and_no_further() {
        let a = status(
            "2027-01-01",
            Some("2027-01-20"),
            &["2027-01-05"],
            "2027-01-20",
        );
        let b = status(
            "2027-01-01",
            Some("2027-01-20"),
            &["2027-01-05"],
            "2027-06-01",
        );
        assert_eq!(
            a,
            SpaceStatus {
                as_of: a.as_of.clone(),
                ..b.clone()
            }
        );
        assert_eq!(b.current_streak_days, 15);
        assert_eq!(b.period.unwrap().end.as_deref(), Some("2027-01-20"));
        assert_eq!(b.next_milestone, None);
    }

    #[test]
    fn as_of_a_day_before_the_end_the_period_is_still_open() {
        let s = status("2027-01-01", Some("2027-01-20"), &[], "2027-01-10");
        assert_eq!(s.current_streak_days, 9);
        assert_eq!(s.period.unwrap().end, None);
        let s = status("2027-01-05", None, &[], "2027-01-04");
        assert_eq!(s.period, None, "a period that starts later has not begun");
    }

    #[test]
    fn only_pursuit_resets_and_events_outside_the_period_do_not_count() {
        let contacts = [
            (d("2027-01-03"), ContactKind::Necessary),
            (d("2027-01-04"), ContactKind::TheyReachedOut),
            (d("2027-01-01"), ContactKind::Upfront),
            (d("2026-12-20"), ContactKind::Pursued),
            (d("2027-01-12"), ContactKind::Pursued),
        ];
        let urges = [
            d("2027-01-02"),
            d("2027-01-02"),
            d("2026-12-31"),
            d("2027-01-11"),
        ];
        let s = space_status(
            &SpaceFacts {
                period: Some((d("2027-01-01"), None)),
                contacts: &contacts,
                urges: &urges,
            },
            d("2027-01-10"),
        );
        assert_eq!(s.current_streak_days, 9);
        assert_eq!(s.urges_resisted, 2);
        assert_eq!(
            s.contacts,
            ContactCounts {
                pursued: 0,
                necessary: 1,
                they_reached_out: 1,
                upfront: 1
            }
        );
        assert_eq!(s.last_reset, None);
    }

    #[test]
    fn no_period_gives_zeroes_and_nulls() {
        let s = space_status(
            &SpaceFacts {
                period: None,
                contacts: &[],
                urges: &[],
            },
            d("2027-01-10"),
        );
        assert_eq!(
            (
                s.current_streak_days,
                s.best_streak_days,
                s.total_space_days
            ),
            (0, 0, 0)
        );
        assert_eq!(s.period, None);
        assert_eq!(s.next_milestone, None);
    }

    #[test]
    fn contact_kinds_round_trip_and_unknown_ones_are_refused() {
        for k in ContactKind::ALL {
            assert_eq!(ContactKind::parse(k.as_str()).unwrap(), k);
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
        }
        assert!(ContactKind::parse("texted").unwrap_err().is_invalid_input());
    }

    #[test]
    fn milestones_reached() {
        assert_eq!(reached_milestone(0), None);
        assert_eq!(reached_milestone(1), Some(1));
        assert_eq!(reached_milestone(6), Some(3));
        assert_eq!(reached_milestone(400), Some(365));
    }

    proptest! {
        #[test]
        fn invariants_hold_for_any_events(
            pursuit_offsets in proptest::collection::vec(0u32..120, 0..12),
            other_offsets in proptest::collection::vec((0u32..120, 1usize..4), 0..12),
            today_offset in 0u32..150,
            end_offset in proptest::option::of(0u32..150),
        ) {
            let start = d("2027-03-01");
            let at = |o: u32| start + chrono::Days::new(u64::from(o));
            let mut contacts: Vec<_> = pursuit_offsets.iter().map(|o| (at(*o), ContactKind::Pursued)).collect();
            let others: Vec<_> = other_offsets.iter().map(|(o, k)| (at(*o), ContactKind::ALL[*k])).collect();
            let today = at(today_offset);
            let end = end_offset.map(at);
            let facts = |c: &[(NaiveDate, ContactKind)]| space_status(
                &SpaceFacts { period: Some((start, end)), contacts: c, urges: &[] }, today);
            let base = facts(&contacts);
            let last = end.filter(|e| *e <= today).unwrap_or(today);
            let since = days_between(start, last);
            prop_assert!(base.best_streak_days >= base.current_streak_days);
            prop_assert!(base.total_space_days <= since);
            prop_assert!(base.current_streak_days <= since);
            prop_assert!(base.best_streak_days <= base.total_space_days);
            // Only pursuit resets: adding other kinds changes no count of days.
            contacts.extend(others);
            let more = facts(&contacts);
            prop_assert_eq!(
                (more.current_streak_days, more.best_streak_days, more.total_space_days),
                (base.current_streak_days, base.best_streak_days, base.total_space_days)
            );
            // Ending freezes the figures: any later day gives the same counts.
            if let Some(e) = end.filter(|e| *e <= today) {
                let later = space_status(
                    &SpaceFacts { period: Some((start, end)), contacts: &contacts, urges: &[] },
                    e + chrono::Days::new(40),
                );
                prop_assert_eq!(later.current_streak_days, more.current_streak_days);
                prop_assert_eq!(later.best_streak_days, more.best_streak_days);
                prop_assert_eq!(later.total_space_days, more.total_space_days);
            }
        }
    }
}
