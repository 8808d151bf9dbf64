//! The message written here instead of being sent: kept unsent (an urge
//! held), or sent as a short, practical version (a necessary contact). The
//! app never sends anything; it only keeps what was written, private like
//! a page, until it is deleted (and then nothing of it is kept).

use crate::clock::Clock;
use crate::date::format_date;
use crate::db::{rfc3339, Store};
use crate::error::{Error, Result};
use crate::space::{ContactKind, When};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The most one message may hold (a page's limit is far larger; a message
/// this long is a letter, and still fits).
pub const MAX_UNSENT_BYTES: usize = 64 * 1024;

/// What became of a message written here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum UnsentOutcome {
    /// Kept here, not sent: an urge held.
    Kept,
    /// It was necessary: a short, practical version was sent.
    SentNecessary,
}

impl UnsentOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            UnsentOutcome::Kept => "kept",
            UnsentOutcome::SentNecessary => "sent-necessary",
        }
    }

    pub fn parse(s: &str) -> Result<Self> {
        match s {
            "kept" => Ok(UnsentOutcome::Kept),
            "sent-necessary" => Ok(UnsentOutcome::SentNecessary),
            _ => Err(Error::invalid(format!(
                "\"{s}\" is not an outcome (kept, sent-necessary)"
            ))),
        }
    }
}

/// A message written here instead of being sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Unsent {
    #[ts(type = "number")]
    pub id: i64,
    /// `YYYY-MM-DD`, the day it was written.
    pub date: String,
    pub body: String,
    pub outcome: UnsentOutcome,
}

const COLS: &str = "id, local_date, body, outcome";

fn unsent_from(r: &Row<'_>) -> rusqlite::Result<Unsent> {
    let outcome: String = r.get(3)?;
    Ok(Unsent {
        id: r.get(0)?,
        date: r.get(1)?,
        body: r.get(2)?,
        outcome: UnsentOutcome::parse(&outcome).unwrap_or(UnsentOutcome::Kept),
    })
}

impl Store {
    /// Keep a message written instead of sent, with what became of it: kept
    /// logs an urge held that day, sent-necessary a necessary contact (each
    /// noted without the message's words).
    pub fn add_unsent(
        &mut self,
        when: When,
        body: &str,
        outcome: UnsentOutcome,
        clock: &dyn Clock,
    ) -> Result<Unsent> {
        let body = body.trim();
        if body.is_empty() {
            return Err(Error::invalid(
                "There is nothing written yet. Nothing was saved.",
            ));
        }
        if body.len() > MAX_UNSENT_BYTES {
            return Err(Error::invalid(
                "This message is too long to keep here. Nothing was saved.",
            ));
        }
        let (_, date) = when.resolve(clock)?;
        // The message and what it logged land together, or neither does.
        self.conn.execute_batch("SAVEPOINT unsent_add")?;
        let added = self.add_unsent_in(date, body, outcome, clock);
        let end = match added {
            Ok(_) => "RELEASE unsent_add",
            Err(_) => "ROLLBACK TO unsent_add; RELEASE unsent_add",
        };
        self.conn.execute_batch(end)?;
        self.unsent(added?)
    }

    fn add_unsent_in(
        &mut self,
        date: chrono::NaiveDate,
        body: &str,
        outcome: UnsentOutcome,
        clock: &dyn Clock,
    ) -> Result<i64> {
        let (urge, contact) = match outcome {
            UnsentOutcome::Kept => {
                let u = self.add_urge(
                    When::Day(date),
                    None,
                    Some("Wrote the message here instead of sending it."),
                    clock,
                )?;
                (Some(u.id), None)
            }
            UnsentOutcome::SentNecessary => {
                let c = self.add_contact(
                    ContactKind::Necessary,
                    When::Day(date),
                    Some("Sent a short, practical version of a message written here."),
                    clock,
                )?;
                (None, Some(c.id))
            }
        };
        self.conn.execute(
            "INSERT INTO unsent (local_date, body, outcome, written_at, urge_id, contact_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                format_date(date),
                body,
                outcome.as_str(),
                rfc3339(clock.now()),
                urge,
                contact
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// One message written here.
    pub fn unsent(&self, id: i64) -> Result<Unsent> {
        self.conn
            .query_row(
                &format!("SELECT {COLS} FROM unsent WHERE id = ?1"),
                [id],
                unsent_from,
            )
            .optional()?
            .ok_or_else(|| Error::invalid(format!("There is no message numbered {id}.")))
    }

    /// Every message written here, oldest first.
    pub fn unsent_list(&self) -> Result<Vec<Unsent>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLS} FROM unsent ORDER BY local_date, id"
        ))?;
        let rows = stmt.query_map([], unsent_from)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Delete a message for good: nothing of its text is kept (the urge or
    /// contact it logged stays, as it happened). The space it took in the
    /// file is overwritten with zeros, and the journal's write-ahead log,
    /// which still holds the page as it was, is folded in and emptied
    /// (when no other program is reading the journal at that moment).
    pub fn delete_unsent(&mut self, id: i64) -> Result<()> {
        self.unsent(id)?;
        self.conn.execute_batch("PRAGMA secure_delete = ON")?;
        let deleted = self.conn.execute("DELETE FROM unsent WHERE id = ?1", [id]);
        self.conn.execute_batch("PRAGMA secure_delete = OFF")?;
        deleted?;
        let _ = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        Ok(())
    }
}
