//! Delivered notifications in the store, and the facts the reminder
//! schedule reads from the journal.

use super::schedule::{Delivery, NoteKind, Planned, ReminderFacts};
use crate::clock::Clock;
use crate::date::{format_date, parse_date};
use crate::db::{rfc3339, Store};
use crate::error::Result;
use chrono::NaiveDate;
use rusqlite::params;

impl Store {
    pub fn deliveries(&self) -> Result<Vec<Delivery>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT kind, local_date, topic FROM delivery ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (kind, date, topic) = row?;
            if let Some(kind) = NoteKind::parse(&kind) {
                out.push(Delivery {
                    kind,
                    local_date: parse_date(&date)?,
                    topic,
                });
            }
        }
        Ok(out)
    }

    /// Remember that a notification went out, so it never goes out twice.
    pub fn record_delivery(&mut self, planned: &Planned, clock: &dyn Clock) -> Result<()> {
        self.conn.execute(
            "INSERT INTO delivery(kind, local_date, at, topic) VALUES (?1, ?2, ?3, ?4)",
            params![
                planned.kind.as_str(),
                format_date(planned.local_date),
                rfc3339(clock.now()),
                planned.topic
            ],
        )?;
        Ok(())
    }

    /// Which days are written ([`crate::pages::is_written`]), and where the
    /// open period's current run began.
    pub fn reminder_facts(&self, today: NaiveDate) -> Result<ReminderFacts> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT date FROM page WHERE written = 1 ORDER BY date")?;
        let written = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .map(|d| parse_date(&d?))
            .collect::<Result<_>>()?;
        let streak = match self.open_period()? {
            Some(p) => {
                let start = parse_date(&p.start)?;
                let status = self.space_status(today)?;
                let reset = status.last_reset.as_deref().map(parse_date).transpose()?;
                Some((p.id, reset.map_or(start, |r| r.max(start))))
            }
            None => None,
        };
        // Days whose week has been looked back on (from its first day to
        // its last): on those, no invitation to look back. Only this week's
        // pages can say so for the days the schedule looks at (today and
        // the week ahead), so only they are read, not every page's text.
        let review_day = self.settings()?.review_day;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT date FROM page WHERE date >= ?1 AND instr(body, ?2) > 0")?;
        let mut reviewed = std::collections::BTreeSet::new();
        let heading = format!("## {}", crate::review::REVIEW_HEADING);
        let week_start = crate::date::format_date(today - chrono::Days::new(6));
        for d in stmt.query_map([week_start, heading], |r| r.get::<_, String>(0))? {
            let (from, to) = crate::review::review_week(parse_date(&d?)?, review_day);
            let mut day = from;
            while day <= to {
                reviewed.insert(day);
                day = day + chrono::Days::new(1);
            }
        }
        Ok(ReminderFacts {
            written,
            streak,
            reviewed,
        })
    }
}
