//! Time with people in the store.

use super::rules::{company_summary, nudge_due, Company, TimeWithPeople};
use crate::clock::Clock;
use crate::date::{format_date, parse_date};
use crate::db::{rfc3339, Store};
use crate::error::{Error, Result};
use crate::space::When;
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row};

/// The most "who" may hold.
pub const MAX_WHO_BYTES: usize = 200;
/// The most "what" may hold.
pub const MAX_WHAT_BYTES: usize = 2000;

/// Kept with the settings but not one of them: the day the quiet-days note
/// last stood beside the page.
const NUDGE_SHOWN: &str = "state.support_nudge_shown";

const COLS: &str = "id, local_date, who, what, felt";

fn company_from(r: &Row<'_>) -> rusqlite::Result<Company> {
    Ok(Company {
        id: r.get(0)?,
        date: r.get(1)?,
        who: r.get(2)?,
        what: r.get(3)?,
        felt: r.get(4)?,
    })
}

impl Store {
    /// Log time spent with `who` (and what, and how it felt, 1 to 5).
    pub fn add_company(
        &mut self,
        when: When,
        who: &str,
        what: Option<&str>,
        felt: Option<u8>,
        clock: &dyn Clock,
    ) -> Result<Company> {
        let who = who.trim();
        if who.is_empty() {
            return Err(Error::invalid(
                "Say who it was with (a name, or \"a friend\"). Nothing was saved.",
            ));
        }
        if who.len() > MAX_WHO_BYTES {
            return Err(Error::invalid(
                "That name is too long to keep; a shorter one will do. Nothing was saved.",
            ));
        }
        let what = what.map(str::trim).filter(|w| !w.is_empty());
        if what.is_some_and(|w| w.len() > MAX_WHAT_BYTES) {
            return Err(Error::invalid(
                "That is too long to keep here; a few words will do. Nothing was saved.",
            ));
        }
        if let Some(f) = felt.filter(|f| !(1..=5).contains(f)) {
            return Err(Error::invalid(format!(
                "How it felt is from 1 to 5 (got {f}). Nothing was saved."
            )));
        }
        let (_, date) = when.resolve(clock)?;
        self.conn.execute(
            "INSERT INTO company (local_date, who, what, felt, logged_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![format_date(date), who, what, felt, rfc3339(clock.now())],
        )?;
        self.company_entry(self.conn.last_insert_rowid())
    }

    /// One time with people, taken back or not.
    fn company_entry(&self, id: i64) -> Result<Company> {
        self.conn
            .query_row(
                &format!("SELECT {COLS} FROM company WHERE id = ?1"),
                [id],
                company_from,
            )
            .optional()?
            .ok_or_else(|| Error::invalid(format!("There is no time with people numbered {id}.")))
    }

    /// Time with people on days `from..=to` (all when unbounded), oldest
    /// first; what was taken back left out.
    pub fn company(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Vec<Company>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLS} FROM company
             WHERE removed_at IS NULL
               AND (?1 IS NULL OR local_date >= ?1) AND (?2 IS NULL OR local_date <= ?2)
             ORDER BY local_date, id"
        ))?;
        let rows = stmt.query_map(
            params![from.map(format_date), to.map(format_date)],
            company_from,
        )?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Take back a time logged by mistake (it no longer counts), or with
    /// `removed` false put it back.
    pub fn set_company_removed(
        &mut self,
        id: i64,
        removed: bool,
        clock: &dyn Clock,
    ) -> Result<Company> {
        let entry = self.company_entry(id)?;
        let at = removed.then(|| rfc3339(clock.now()));
        self.conn.execute(
            "UPDATE company SET removed_at = ?2 WHERE id = ?1",
            params![id, at],
        )?;
        Ok(entry)
    }

    /// The names used before, the most recent first, to offer as one types.
    pub fn company_names(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT who FROM company WHERE removed_at IS NULL
             GROUP BY who ORDER BY max(local_date) DESC, max(id) DESC LIMIT 50",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn company_days(&self) -> Result<Vec<NaiveDate>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT local_date FROM company WHERE removed_at IS NULL")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.map(|d| parse_date(&d?)).collect()
    }

    /// Time with people as of `as_of`.
    pub fn time_with_people(&self, as_of: NaiveDate) -> Result<TimeWithPeople> {
        Ok(company_summary(&self.company_days()?, as_of))
    }

    /// The facts the quiet-days note is drawn from, as of `day`: the last
    /// day with time logged, the journal's first day, and the setting.
    fn quiet_facts(&self, day: NaiveDate) -> Result<(Option<NaiveDate>, Option<NaiveDate>, u32)> {
        let days = self.settings()?.support_nudge_days;
        let last = self.company_days()?.into_iter().filter(|d| *d <= day).max();
        let began: Option<String> = self.conn.query_row(
            "SELECT min(d) FROM (
                 SELECT min(date) AS d FROM page WHERE written
                 UNION ALL SELECT min(start_date) FROM space_period
                 UNION ALL SELECT min(local_date) FROM urge
                 UNION ALL SELECT min(local_date) FROM contact)",
            [],
            |r| r.get(0),
        )?;
        let began = began.map(|d| parse_date(&d)).transpose()?;
        Ok((last, began, days))
    }

    /// Whether `day` is in a quiet stretch long enough for the note (for the
    /// guidance beside that day's page, whether or not the note was shown).
    pub fn quiet_stretch(&self, day: NaiveDate) -> Result<bool> {
        let (last, began, days) = self.quiet_facts(day)?;
        Ok(nudge_due(day, last, began, None, days))
    }

    /// Whether the quiet-days note stands beside `today`'s page (see
    /// [`nudge_due`]); when it does, the day is kept, so it comes once in a
    /// quiet stretch.
    pub fn company_nudge(&mut self, today: NaiveDate) -> Result<bool> {
        let (last, began, days) = self.quiet_facts(today)?;
        let shown: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM setting WHERE key = ?1",
                [NUDGE_SHOWN],
                |r| r.get(0),
            )
            .optional()?;
        let shown = shown.and_then(|s| parse_date(&s).ok());
        let due = nudge_due(today, last, began, shown, days);
        if due && shown != Some(today) {
            self.conn.execute(
                "INSERT INTO setting(key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                params![NUDGE_SHOWN, format_date(today)],
            )?;
        }
        Ok(due)
    }
}
