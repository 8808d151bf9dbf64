//! The weekly look back in the store: its figures, and the three answers
//! written into that day's page.

use super::rules::{review_week, week_figures, WeekFacts, WeekReview, REVIEW_HEADING};
use crate::clock::Clock;
use crate::date::{format_date, parse_date};
use crate::db::Store;
use crate::error::{Error, Result};
use crate::insights::MoodPoint;
use chrono::{FixedOffset, NaiveDate};

/// The three questions, in the order they are asked and written down.
pub const REVIEW_QUESTIONS: [&str; 3] = [
    "What helped this week",
    "Who was good company",
    "One small thing for next week",
];

impl Store {
    fn dates(&self, sql: &str, from: NaiveDate, to: NaiveDate) -> Result<Vec<NaiveDate>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map([format_date(from), format_date(to)], |r| {
            r.get::<_, String>(0)
        })?;
        rows.map(|d| parse_date(&d?)).collect()
    }

    /// The week (see [`review_week`]) that holds `day`, as of `today`;
    /// `offset` places a card's marking on its local day.
    pub fn week_review(
        &self,
        day: NaiveDate,
        today: NaiveDate,
        offset: FixedOffset,
    ) -> Result<WeekReview> {
        let (from, to) = review_week(day, self.settings()?.review_day);
        let written = self.dates(
            "SELECT date FROM page WHERE written = 1 AND date >= ?1 AND date <= ?2",
            from,
            to,
        )?;
        let unsent_kept = self.dates(
            "SELECT local_date FROM unsent WHERE outcome = 'kept'
             AND local_date >= ?1 AND local_date <= ?2",
            from,
            to,
        )?;
        let periods = self
            .periods()?
            .into_iter()
            .filter_map(|p| {
                let start = parse_date(&p.start).ok()?;
                let end = p.end.as_deref().and_then(|e| parse_date(e).ok());
                Some((start, end))
            })
            .collect::<Vec<_>>();
        let urges = self
            .urges(Some(from), Some(to))?
            .into_iter()
            .filter_map(|u| parse_date(&u.date).ok())
            .collect::<Vec<_>>();
        let contacts = self
            .contacts(Some(from), Some(to))?
            .into_iter()
            .filter_map(|c| parse_date(&c.date).ok().map(|d| (d, c.kind)))
            .collect::<Vec<_>>();
        let mut review = week_figures(
            &WeekFacts {
                written: &written,
                periods: &periods,
                urges: &urges,
                unsent_kept: &unsent_kept,
                contacts: &contacts,
                today,
            },
            from,
            to,
        );
        let last = to.min(today);
        review.time_with_people = self.company(Some(from), Some(last))?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT date, mood FROM page WHERE mood IS NOT NULL AND date >= ?1 AND date <= ?2
             ORDER BY date",
        )?;
        review.moods = stmt
            .query_map([format_date(from), format_date(last)], |r| {
                Ok(MoodPoint {
                    date: r.get(0)?,
                    mood: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        review.helped = self
            .helped_cards()?
            .into_iter()
            .filter(|h| {
                chrono::DateTime::parse_from_rfc3339(&h.marked_at)
                    .map(|t| {
                        let d = t.with_timezone(&offset).date_naive();
                        d >= from && d <= last
                    })
                    .unwrap_or(false)
            })
            .collect();
        review.answered_on = self.conn.query_row(
            "SELECT max(date) FROM page WHERE date >= ?1 AND date <= ?2 AND instr(body, ?3) > 0",
            rusqlite::params![
                format_date(from),
                format_date(to),
                format!("## {REVIEW_HEADING}")
            ],
            |r| r.get(0),
        )?;
        Ok(review)
    }

    /// The three answers (any may be blank, not all), written into
    /// `today`'s page under the review's heading.
    pub fn answer_review(
        &mut self,
        today: NaiveDate,
        answers: [&str; 3],
        clock: &dyn Clock,
    ) -> Result<crate::Page> {
        let lines: Vec<String> = REVIEW_QUESTIONS
            .iter()
            .zip(answers)
            .map(|(q, a)| (q, a.trim()))
            .filter(|(_, a)| !a.is_empty())
            .map(|(q, a)| format!("**{q}:** {a}"))
            .collect();
        if lines.is_empty() {
            return Err(Error::invalid(
                "Nothing to keep yet: answer one of the questions, in a few words.",
            ));
        }
        let text = format!("## {REVIEW_HEADING}\n\n{}", lines.join("\n\n"));
        self.append_to_page(today, &text, None, clock)
    }
}
