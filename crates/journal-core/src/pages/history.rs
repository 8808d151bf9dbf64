//! A page's earlier texts: listing them, reading one, and restoring one.

use super::page::{count_words, first_line, Page, Revision};
use crate::clock::Clock;
use crate::date::{format_date, parse_date};
use crate::db::Store;
use crate::error::{Error, Result};
use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use serde::Serialize;
use ts_rs::TS;

/// An earlier text as a line in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RevisionSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub date: String,
    /// When a later save replaced this text (UTC).
    pub replaced_at: String,
    pub words: u32,
    pub first_line: String,
}

impl Store {
    /// Earlier texts of a page, newest first.
    pub fn revisions(&self, date: NaiveDate) -> Result<Vec<Revision>> {
        self.revisions_where(Some(date))
    }

    /// Earlier texts of one page (or of every page), newest first.
    pub fn history(&self, date: Option<NaiveDate>) -> Result<Vec<RevisionSummary>> {
        Ok(self
            .revisions_where(date)?
            .into_iter()
            .map(|r| RevisionSummary {
                id: r.id,
                words: r.words,
                first_line: first_line(&r.body),
                date: r.date,
                replaced_at: r.replaced_at,
            })
            .collect())
    }

    fn revisions_where(&self, date: Option<NaiveDate>) -> Result<Vec<Revision>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, date, body, mood, saved_at, replaced_at FROM page_revision
             WHERE ?1 IS NULL OR date = ?1 ORDER BY id DESC",
        )?;
        let rows = stmt.query_map([date.map(format_date)], read_revision)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// One earlier text, whole.
    pub fn revision(&self, id: i64) -> Result<Revision> {
        self.conn
            .prepare_cached(
                "SELECT id, date, body, mood, saved_at, replaced_at FROM page_revision
                 WHERE id = ?1",
            )?
            .query_row([id], read_revision)
            .optional()?
            .ok_or_else(|| Error::invalid(format!("there is no earlier version numbered {id}")))
    }

    /// Put an earlier text back on its page. The text the page holds now is
    /// kept as a revision first, so a restore can itself be undone.
    pub fn restore_revision(&mut self, id: i64, clock: &dyn Clock) -> Result<Page> {
        let r = self.revision(id)?;
        let date = parse_date(&r.date)?;
        // No base: the restore replaces the current text without having
        // "seen" it, so that text is always kept.
        Ok(self
            .save_page_from(date, &r.body, r.mood, None, clock)?
            .page)
    }
}

fn read_revision(r: &rusqlite::Row<'_>) -> rusqlite::Result<Revision> {
    let body: String = r.get(2)?;
    Ok(Revision {
        id: r.get(0)?,
        date: r.get(1)?,
        words: count_words(&body),
        body,
        mood: r.get(3)?,
        saved_at: r.get(4)?,
        replaced_at: r.get(5)?,
    })
}
