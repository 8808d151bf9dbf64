//! The facts the series are drawn from, read in one pass per table.

use super::series::{
    mood_weeks, period_runs, week_counts, MoodPoint, MoodWeek, PeriodRuns, WeekCounts,
};
use crate::date::{format_date, parse_date};
use crate::db::Store;
use crate::error::Result;
use crate::space::ContactKind;
use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

/// A guidance card the person marked as one that helped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HelpedCard {
    pub id: String,
    pub title: String,
    /// When it was marked (RFC 3339, UTC).
    pub marked_at: String,
}

/// Everything the Looking back page shows, for the days `from..=to`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Insights {
    pub from: String,
    pub to: String,
    /// Each day with a mood, oldest first.
    pub moods: Vec<MoodPoint>,
    /// Each week's average mood, oldest first.
    pub mood_weeks: Vec<MoodWeek>,
    /// Each period that overlaps the days, oldest first, as runs between
    /// pursuits (counted up to `to`).
    pub periods: Vec<PeriodRuns>,
    /// Urges held and contacts by kind, per week with any.
    pub weeks: Vec<WeekCounts>,
    /// Every day written, oldest first.
    pub written: Vec<String>,
    /// The cards marked as having helped, most recently marked first.
    pub helped: Vec<HelpedCard>,
}

impl Store {
    /// The series for the days `from..=to` (`None`: from the first page, up
    /// to `today`).
    pub fn insights(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<Insights> {
        let to = to.unwrap_or(today);
        let first: Option<String> =
            self.conn
                .query_row("SELECT min(date) FROM page WHERE written = 1", [], |r| {
                    r.get(0)
                })?;
        let from = from
            .or_else(|| first.as_deref().and_then(|d| parse_date(d).ok()))
            .unwrap_or(to);
        let (f, t) = (format_date(from), format_date(to));

        let mut moods = Vec::new();
        let mut written = Vec::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT date, mood, written FROM page
             WHERE date >= ?1 AND date <= ?2 AND (written = 1 OR mood IS NOT NULL)
             ORDER BY date",
        )?;
        let rows = stmt.query_map([&f, &t], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<u8>>(1)?,
                r.get::<_, bool>(2)?,
            ))
        })?;
        for row in rows {
            let (date, mood, is_written) = row?;
            if let Some(mood) = mood {
                moods.push(MoodPoint {
                    date: date.clone(),
                    mood,
                });
            }
            if is_written {
                written.push(date);
            }
        }
        let dated: Vec<(NaiveDate, u8)> = moods
            .iter()
            .filter_map(|m| parse_date(&m.date).ok().map(|d| (d, m.mood)))
            .collect();
        let mood_weeks: Vec<MoodWeek> = mood_weeks(&dated);

        let contacts: Vec<(NaiveDate, ContactKind)> = self
            .contacts(Some(from), Some(to))?
            .into_iter()
            .filter_map(|c| parse_date(&c.date).ok().map(|d| (d, c.kind)))
            .collect();
        let urges: Vec<NaiveDate> = self
            .urges(Some(from), Some(to))?
            .into_iter()
            .filter_map(|u| parse_date(&u.date).ok())
            .collect();
        let weeks: Vec<WeekCounts> = week_counts(&urges, &contacts);

        let mut periods = Vec::new();
        for p in self.periods()?.into_iter().rev() {
            let Ok(start) = parse_date(&p.start) else {
                continue;
            };
            let end = p.end.as_deref().and_then(|e| parse_date(e).ok());
            if start > to || end.is_some_and(|e| e < from) {
                continue;
            }
            // Pursuits over the whole period: a run that began before
            // `from` is counted from its true start.
            let pursuits: Vec<NaiveDate> = self
                .contacts(Some(start), end.or(Some(to)))?
                .into_iter()
                .filter(|c| c.kind == ContactKind::Pursued)
                .filter_map(|c| parse_date(&c.date).ok())
                .collect();
            periods.push(PeriodRuns {
                id: p.id,
                start: p.start.clone(),
                end: p.end.clone(),
                runs: period_runs(start, end, &pursuits, to),
            });
        }

        let helped = self.helped_cards()?;

        Ok(Insights {
            from: f,
            to: t,
            moods,
            mood_weeks,
            periods,
            weeks,
            written,
            helped,
        })
    }

    /// The cards marked as having helped, most recently marked first.
    pub(crate) fn helped_cards(&self) -> Result<Vec<HelpedCard>> {
        let titles = crate::guidance::library();
        let mut stmt = self.conn.prepare_cached(
            "SELECT card_id, marked_at FROM card_helpful ORDER BY marked_at DESC, card_id",
        )?;
        let helped = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
            .collect::<std::result::Result<Vec<_>, _>>()?
            .into_iter()
            .filter_map(|(id, marked_at)| {
                let card = titles.iter().find(|c| c.id == id)?;
                Some(HelpedCard {
                    title: card.title.clone(),
                    id,
                    marked_at,
                })
            })
            .collect();
        Ok(helped)
    }
}
