//! Remembering which guidance cards helped and which were set aside for a day.

use crate::clock::Clock;
use crate::date::format_date;
use crate::db::{rfc3339, Store};
use crate::error::{Error, Result};
use crate::guidance::library;
use chrono::NaiveDate;
use rusqlite::params;

fn known_card(id: &str) -> Result<()> {
    if library().iter().any(|c| c.id == id) {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "there is no guidance card \"{id}\""
        )))
    }
}

impl Store {
    /// Mark a card as one that helped (or take the mark away).
    pub fn set_card_helpful(&mut self, id: &str, helpful: bool, clock: &dyn Clock) -> Result<()> {
        known_card(id)?;
        if helpful {
            self.conn.execute(
                "INSERT OR IGNORE INTO card_helpful(card_id, marked_at) VALUES (?1, ?2)",
                params![id, rfc3339(clock.now())],
            )?;
        } else {
            self.conn
                .execute("DELETE FROM card_helpful WHERE card_id = ?1", [id])?;
        }
        Ok(())
    }

    /// Cards marked as helpful, most recently marked first.
    pub fn helpful_cards(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT card_id FROM card_helpful ORDER BY marked_at DESC, card_id")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Set a card aside for one day's page (or, with `aside` false, bring
    /// it back: "Not today" can be undone).
    pub fn set_card_aside(&mut self, id: &str, date: NaiveDate, aside: bool) -> Result<()> {
        known_card(id)?;
        if aside {
            self.conn.execute(
                "INSERT OR IGNORE INTO card_set_aside(card_id, date) VALUES (?1, ?2)",
                params![id, format_date(date)],
            )?;
        } else {
            self.conn.execute(
                "DELETE FROM card_set_aside WHERE card_id = ?1 AND date = ?2",
                params![id, format_date(date)],
            )?;
        }
        Ok(())
    }

    pub fn cards_set_aside(&self, date: NaiveDate) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT card_id FROM card_set_aside WHERE date = ?1 ORDER BY card_id",
        )?;
        let rows = stmt.query_map([format_date(date)], |r| r.get(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}
