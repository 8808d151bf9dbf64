//! On this day: the earlier pages written on the same calendar date as a
//! day: a month ago, six months ago, a year ago and each year before.

use crate::date::format_date;
use crate::db::Store;
use crate::error::Result;
use crate::pages::first_line;
use chrono::{Datelike, Months, NaiveDate};
use rusqlite::OptionalExtension;
use serde::Serialize;
use ts_rs::TS;

/// An earlier page of the same calendar date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LookBack {
    pub date: String,
    /// How long before: `"1 month"`, `"6 months"`, `"1 year"`, `"2 years"` …
    pub ago: String,
    pub first_line: String,
}

/// The same calendar date `months` months before `day`, when that month has
/// it (the 31st has no month-ago in a month of 30 days; the 29th of
/// February, a year-ago only in a leap year four years back).
fn same_date_before(day: NaiveDate, months: u32) -> Option<NaiveDate> {
    let back = day.checked_sub_months(Months::new(months))?;
    (back.day() == day.day()).then_some(back)
}

/// The dates an earlier page of `day` may be on, nearest first, back to
/// `oldest` (the first page ever written), with how long before each is.
pub fn look_back_dates(day: NaiveDate, oldest: NaiveDate) -> Vec<(NaiveDate, String)> {
    let mut out = Vec::new();
    let mut push = |months: u32, ago: String| {
        if let Some(d) = same_date_before(day, months).filter(|d| *d >= oldest) {
            out.push((d, ago));
        }
    };
    push(1, "1 month".into());
    push(6, "6 months".into());
    let years = u32::try_from(day.year() - oldest.year()).unwrap_or(0);
    for y in 1..=years {
        push(
            12 * y,
            if y == 1 {
                "1 year".into()
            } else {
                format!("{y} years")
            },
        );
    }
    out
}

impl Store {
    /// The written pages of the same calendar date as `day`, before it:
    /// a month ago, six months ago, a year ago and each year before,
    /// nearest first.
    pub fn on_this_day(&self, day: NaiveDate) -> Result<Vec<LookBack>> {
        let oldest: Option<String> =
            self.conn
                .query_row("SELECT min(date) FROM page WHERE written = 1", [], |r| {
                    r.get(0)
                })?;
        let Some(oldest) = oldest.and_then(|d| crate::date::parse_date(&d).ok()) else {
            return Ok(Vec::new());
        };
        let mut stmt = self
            .conn
            .prepare_cached("SELECT body FROM page WHERE date = ?1 AND written = 1")?;
        let mut out = Vec::new();
        for (date, ago) in look_back_dates(day, oldest) {
            let date = format_date(date);
            let body: Option<String> = stmt.query_row([&date], |r| r.get(0)).optional()?;
            if let Some(body) = body {
                out.push(LookBack {
                    first_line: first_line(&body),
                    date,
                    ago,
                });
            }
        }
        Ok(out)
    }
}
