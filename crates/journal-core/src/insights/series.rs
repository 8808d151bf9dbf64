//! The series behind the Looking back page, as pure functions of dated
//! facts: moods and their weekly average, each period's runs between
//! pursuits and the milestones they reached, urges and contacts per week.

use crate::date::format_date;
use crate::space::{days_between, ContactKind, MILESTONES};
use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

/// A day's mood.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MoodPoint {
    pub date: String,
    pub mood: u8,
}

/// The average mood of a week (Monday to Sunday) over its days with one.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MoodWeek {
    /// The Monday it starts on.
    pub week: String,
    pub average: f64,
    pub days: u32,
}

/// Days of space between one reset (day 0, or a day with a pursuit) and the
/// next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Run {
    /// The reset it began after.
    pub from: String,
    /// Its last day of space (the day before the next pursuit, the period's
    /// end, or the last day looked at).
    pub to: String,
    pub days: u32,
    /// The milestones it reached.
    pub milestones: Vec<u32>,
}

/// One period of giving space, as runs between pursuits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PeriodRuns {
    #[ts(type = "number")]
    pub id: i64,
    pub start: String,
    pub end: Option<String>,
    pub runs: Vec<Run>,
}

/// Urges held and contacts logged in one week, by kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct WeekCounts {
    /// The Monday it starts on.
    pub week: String,
    pub urges: u32,
    pub pursued: u32,
    pub necessary: u32,
    #[serde(rename = "they-reached-out")]
    #[ts(rename = "they-reached-out")]
    pub they_reached_out: u32,
    pub upfront: u32,
}

/// The Monday of `day`'s week.
pub fn week_of(day: NaiveDate) -> NaiveDate {
    day - Days::new(u64::from(day.weekday().num_days_from_monday()))
}

/// Each week's average mood, oldest first, over the days that have one.
pub fn mood_weeks(moods: &[(NaiveDate, u8)]) -> Vec<MoodWeek> {
    let mut weeks: BTreeMap<NaiveDate, (u32, u32)> = BTreeMap::new();
    for (day, mood) in moods {
        let w = weeks.entry(week_of(*day)).or_default();
        w.0 += u32::from(*mood);
        w.1 += 1;
    }
    weeks
        .into_iter()
        .map(|(week, (sum, days))| MoodWeek {
            week: format_date(week),
            average: f64::from(sum) / f64::from(days),
            days,
        })
        .collect()
}

/// A period's runs of days of space, counted as the Space page counts them
/// (`space::space_status`): each reset (day 0, then every day with a
/// pursuit) starts a run that reaches the day before the next reset; the
/// last reaches the period's end, or `last` (today) while it is open.
pub fn period_runs(
    start: NaiveDate,
    end: Option<NaiveDate>,
    pursuits: &[NaiveDate],
    last: NaiveDate,
) -> Vec<Run> {
    let last = end.map_or(last, |e| e.min(last));
    if last < start {
        return Vec::new();
    }
    let mut resets: Vec<NaiveDate> = vec![start];
    let mut later: Vec<NaiveDate> = pursuits
        .iter()
        .copied()
        .filter(|d| *d > start && *d <= last)
        .collect();
    later.sort_unstable();
    later.dedup();
    resets.extend(later);
    let run = |from: NaiveDate, to: NaiveDate, days: u32| Run {
        from: format_date(from),
        to: format_date(to),
        days,
        milestones: MILESTONES.iter().copied().filter(|m| *m <= days).collect(),
    };
    let mut out: Vec<Run> = resets
        .windows(2)
        .map(|w| {
            let days = days_between(w[0], w[1]).saturating_sub(1);
            run(w[0], w[1] - Days::new(1), days)
        })
        .collect();
    let latest = *resets.last().expect("day 0 is always a reset");
    out.push(run(latest, last, days_between(latest, last)));
    out
}

/// Urges and contacts counted per week, oldest first; weeks with none are
/// left out.
pub fn week_counts(urges: &[NaiveDate], contacts: &[(NaiveDate, ContactKind)]) -> Vec<WeekCounts> {
    let mut weeks: BTreeMap<NaiveDate, WeekCounts> = BTreeMap::new();
    for day in urges {
        week_entry(&mut weeks, *day).urges += 1;
    }
    for (day, kind) in contacts {
        let w = week_entry(&mut weeks, *day);
        match kind {
            ContactKind::Pursued => w.pursued += 1,
            ContactKind::Necessary => w.necessary += 1,
            ContactKind::TheyReachedOut => w.they_reached_out += 1,
            ContactKind::Upfront => w.upfront += 1,
        }
    }
    weeks.into_values().collect()
}

/// The counts of `day`'s week, made when first needed.
fn week_entry(weeks: &mut BTreeMap<NaiveDate, WeekCounts>, day: NaiveDate) -> &mut WeekCounts {
    let week = week_of(day);
    weeks.entry(week).or_insert_with(|| WeekCounts {
        week: format_date(week),
        ..WeekCounts::default()
    })
}
