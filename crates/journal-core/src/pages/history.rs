//! A page's earlier texts.

use super::page::Revision;
use crate::date::format_date;
use crate::db::Store;
use crate::error::Result;
use chrono::NaiveDate;

impl Store {
    /// Earlier texts of a page, newest first.
    pub fn revisions(&self, date: NaiveDate) -> Result<Vec<Revision>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, date, body, mood, saved_at, replaced_at FROM page_revision
             WHERE date = ?1 ORDER BY id DESC",
        )?;
        let rows = stmt.query_map([format_date(date)], |r| {
            Ok(Revision {
                id: r.get(0)?,
                date: r.get(1)?,
                body: r.get(2)?,
                mood: r.get(3)?,
                saved_at: r.get(4)?,
                replaced_at: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}
