//! Drafts: words typed in a form beside the journal (the upfront note, a
//! period's outcome, a note on a contact or an urge, a reflection), kept in
//! the journal itself until they are submitted or discarded. Not in the
//! web view's storage: they are the person's words, and stay private and
//! backed up with the rest.

use crate::clock::Clock;
use crate::db::{rfc3339, Store};
use crate::error::{Error, Result};
use crate::space::MAX_NOTE_BYTES;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

/// A draft as it was last typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Draft {
    /// Which form it belongs to, e.g. `upfront-note` or `reflection:2027-03-14`.
    pub key: String,
    pub body: String,
    /// RFC 3339, UTC.
    pub updated_at: String,
}

fn check_key(key: &str) -> Result<()> {
    let fine = !key.is_empty()
        && key.len() <= 64
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b':');
    if fine {
        Ok(())
    } else {
        Err(Error::invalid(format!("\"{key}\" is not a draft's name")))
    }
}

impl Store {
    /// Keep what is typed in a form; blank text removes the draft.
    pub fn save_draft(&mut self, key: &str, body: &str, clock: &dyn Clock) -> Result<()> {
        check_key(key)?;
        if body.len() > MAX_NOTE_BYTES {
            return Err(Error::invalid(
                "a note can hold at most 64 KiB of text; the draft was not kept",
            ));
        }
        if body.trim().is_empty() {
            return self.discard_draft(key);
        }
        self.conn.execute(
            "INSERT INTO draft(key, body, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(key) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            params![key, body, rfc3339(clock.now())],
        )?;
        Ok(())
    }

    /// The draft kept for a form, if any.
    pub fn draft(&self, key: &str) -> Result<Option<Draft>> {
        check_key(key)?;
        Ok(self
            .conn
            .query_row(
                "SELECT key, body, updated_at FROM draft WHERE key = ?1",
                [key],
                |r| {
                    Ok(Draft {
                        key: r.get(0)?,
                        body: r.get(1)?,
                        updated_at: r.get(2)?,
                    })
                },
            )
            .optional()?)
    }

    /// The form was submitted, or the person let the words go.
    pub fn discard_draft(&mut self, key: &str) -> Result<()> {
        check_key(key)?;
        self.conn
            .execute("DELETE FROM draft WHERE key = ?1", [key])?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedClock;

    #[test]
    fn a_draft_is_kept_replaced_and_let_go() {
        let mut s = Store::open_in_memory().unwrap();
        let c = FixedClock::at_utc("2027-03-14T21:00:00Z");
        assert_eq!(s.draft("upfront-note").unwrap(), None);
        s.save_draft("upfront-note", "I am going to step back", &c)
            .unwrap();
        s.save_draft("upfront-note", "I am going to step back for a while.", &c)
            .unwrap();
        let d = s.draft("upfront-note").unwrap().unwrap();
        assert_eq!(d.body, "I am going to step back for a while.");
        assert_eq!(d.updated_at, "2027-03-14T21:00:00.000Z");
        // Blank text is no draft.
        s.save_draft("upfront-note", "  \n", &c).unwrap();
        assert_eq!(s.draft("upfront-note").unwrap(), None);
        s.save_draft("reflection:2027-03-14", "It happens.", &c)
            .unwrap();
        s.discard_draft("reflection:2027-03-14").unwrap();
        assert_eq!(s.draft("reflection:2027-03-14").unwrap(), None);
    }

    #[test]
    fn bad_names_and_huge_drafts_are_refused_and_keep_nothing() {
        let mut s = Store::open_in_memory().unwrap();
        let c = FixedClock::at_utc("2027-03-14T21:00:00Z");
        for key in ["", "Upfront", "a b", "../x", &"k".repeat(65)] {
            assert_eq!(
                s.save_draft(key, "x", &c).unwrap_err().code(),
                "invalid_input"
            );
        }
        let huge = "a".repeat(MAX_NOTE_BYTES + 1);
        assert!(s.save_draft("urge-note", &huge, &c).is_err());
        assert_eq!(s.draft("urge-note").unwrap(), None);
    }
}
