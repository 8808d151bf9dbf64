//! Correcting a logged contact or urge, or taking it back: nothing is
//! erased. A removed event keeps its row (with `removed_at`) and no longer
//! counts; each change keeps the event as it was before, in `event_change`.

use super::rules::{Contact, ContactKind, Urge};
use super::store::{clean_note, When};
use crate::clock::Clock;
use crate::date::format_date;
use crate::db::{rfc3339, Store};
use crate::error::{Error, Result};
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

/// What to change in a contact; `None` leaves a field as it is. A note of
/// `Some("")` clears it.
#[derive(Debug, Clone, Default)]
pub struct ContactEdit<'a> {
    pub kind: Option<ContactKind>,
    pub date: Option<NaiveDate>,
    pub note: Option<&'a str>,
}

/// What to change in an urge; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct UrgeEdit<'a> {
    pub date: Option<NaiveDate>,
    /// `Some(None)` clears the intensity.
    pub intensity: Option<Option<u8>>,
    pub note: Option<&'a str>,
}

impl Store {
    /// Apply `sql` to the event and keep it as it was before, in one
    /// transaction: the change and its history land together or not at all.
    #[allow(clippy::too_many_arguments)]
    fn change_event<T: Serialize>(
        &mut self,
        event: &str,
        id: i64,
        action: &str,
        before: &T,
        sql: &str,
        args: &[&dyn rusqlite::ToSql],
        clock: &dyn Clock,
    ) -> Result<()> {
        let before = serde_json::to_string(before).expect("an event serializes");
        let tx = self.conn.transaction()?;
        tx.execute(sql, args)?;
        tx.execute(
            "INSERT INTO event_change(event, event_id, action, changed_at, before)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![event, id, action, rfc3339(clock.now()), before],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The instant and day for an event moved to `date` (its own instant
    /// when the day does not change).
    fn moved(
        &self,
        at: &str,
        was: &str,
        date: Option<NaiveDate>,
        clock: &dyn Clock,
    ) -> Result<(String, String)> {
        match date {
            Some(d) if format_date(d) != was => {
                let (at, day) = When::Day(d).resolve(clock)?;
                let at = self.place(day, at)?;
                Ok((rfc3339(at), format_date(day)))
            }
            _ => Ok((at.to_string(), was.to_string())),
        }
    }

    /// Refuse changing an event that counts in a period that has ended.
    fn check_not_final(&self, day: &str, at: &str) -> Result<()> {
        if self.is_final(day, at)? {
            return Err(Error::invalid(format!(
                "the event on {day} belongs to a period of giving space that has ended, \
                 which stays as it was"
            )));
        }
        Ok(())
    }

    pub fn edit_contact(
        &mut self,
        id: i64,
        edit: &ContactEdit<'_>,
        clock: &dyn Clock,
    ) -> Result<Contact> {
        let before = self.contact(id)?;
        if before.removed_at.is_some() {
            return Err(Error::invalid(format!(
                "contact {id} was removed; put it back before changing it"
            )));
        }
        self.check_not_final(&before.date, &before.at)?;
        let note = match edit.note {
            Some(n) => clean_note(Some(n))?,
            None => before.note.clone(),
        };
        let kind = edit.kind.unwrap_or(before.kind);
        let (at, day) = self.moved(&before.at, &before.date, edit.date, clock)?;
        self.change_event(
            "contact",
            id,
            "edit",
            &before,
            "UPDATE contact SET at = ?1, local_date = ?2, kind = ?3, note = ?4 WHERE id = ?5",
            params![at, day, kind.as_str(), note, id],
            clock,
        )?;
        self.contact(id)
    }

    /// Take a contact back: it stays in the journal, marked removed, and no
    /// longer counts (a mis-clicked "pursued" no longer restarts the count).
    pub fn remove_contact(&mut self, id: i64, clock: &dyn Clock) -> Result<Contact> {
        let before = self.contact(id)?;
        if before.removed_at.is_some() {
            return Ok(before);
        }
        self.check_not_final(&before.date, &before.at)?;
        self.change_event(
            "contact",
            id,
            "remove",
            &before,
            "UPDATE contact SET removed_at = ?1 WHERE id = ?2",
            params![rfc3339(clock.now()), id],
            clock,
        )?;
        self.contact(id)
    }

    /// Undo a removal.
    pub fn restore_contact(&mut self, id: i64, clock: &dyn Clock) -> Result<Contact> {
        let before = self.contact(id)?;
        if before.removed_at.is_none() {
            return Ok(before);
        }
        self.check_not_final(&before.date, &before.at)?;
        self.change_event(
            "contact",
            id,
            "restore",
            &before,
            "UPDATE contact SET removed_at = NULL WHERE id = ?1",
            params![id],
            clock,
        )?;
        self.contact(id)
    }

    pub fn edit_urge(&mut self, id: i64, edit: &UrgeEdit<'_>, clock: &dyn Clock) -> Result<Urge> {
        let before = self.urge(id)?;
        if before.removed_at.is_some() {
            return Err(Error::invalid(format!(
                "urge {id} was removed; put it back before changing it"
            )));
        }
        self.check_not_final(&before.date, &before.at)?;
        let intensity = edit.intensity.unwrap_or(before.intensity);
        if let Some(i) = intensity.filter(|i| !(1..=5).contains(i)) {
            return Err(Error::invalid(format!(
                "intensity must be from 1 to 5 (got {i}); nothing was changed"
            )));
        }
        let note = match edit.note {
            Some(n) => clean_note(Some(n))?,
            None => before.note.clone(),
        };
        let (at, day) = self.moved(&before.at, &before.date, edit.date, clock)?;
        self.change_event(
            "urge",
            id,
            "edit",
            &before,
            "UPDATE urge SET at = ?1, local_date = ?2, intensity = ?3, note = ?4 WHERE id = ?5",
            params![at, day, intensity, note, id],
            clock,
        )?;
        self.urge(id)
    }

    pub fn remove_urge(&mut self, id: i64, clock: &dyn Clock) -> Result<Urge> {
        let before = self.urge(id)?;
        if before.removed_at.is_some() {
            return Ok(before);
        }
        self.check_not_final(&before.date, &before.at)?;
        self.change_event(
            "urge",
            id,
            "remove",
            &before,
            "UPDATE urge SET removed_at = ?1 WHERE id = ?2",
            params![rfc3339(clock.now()), id],
            clock,
        )?;
        self.urge(id)
    }

    pub fn restore_urge(&mut self, id: i64, clock: &dyn Clock) -> Result<Urge> {
        let before = self.urge(id)?;
        if before.removed_at.is_none() {
            return Ok(before);
        }
        self.check_not_final(&before.date, &before.at)?;
        self.change_event(
            "urge",
            id,
            "restore",
            &before,
            "UPDATE urge SET removed_at = NULL WHERE id = ?1",
            params![id],
            clock,
        )?;
        self.urge(id)
    }

    /// The event as it was before its latest change, from its history.
    fn before_latest(&self, event: &str, id: i64) -> Result<serde_json::Value> {
        let before: Option<String> = self
            .conn
            .query_row(
                "SELECT before FROM event_change WHERE event = ?1 AND event_id = ?2
                 ORDER BY id DESC LIMIT 1",
                params![event, id],
                |r| r.get(0),
            )
            .optional()?;
        let before = before.ok_or_else(|| {
            Error::invalid(format!(
                "{event} {id} has not been changed, so there is nothing to undo"
            ))
        })?;
        serde_json::from_str(&before)
            .map_err(|_| Error::invalid(format!("the history of {event} {id} cannot be read")))
    }

    /// Put a contact back exactly as it was before its latest change (its
    /// moment, day, kind, note, and whether it stood): an Undo. The undone
    /// state is kept in the history too.
    pub fn revert_contact(&mut self, id: i64, clock: &dyn Clock) -> Result<Contact> {
        let now = self.contact(id)?;
        let was = self.before_latest("contact", id)?;
        let field = |k: &str| was.get(k).and_then(|v| v.as_str()).map(str::to_owned);
        let (Some(at), Some(day), Some(kind)) = (field("at"), field("date"), field("kind")) else {
            return Err(Error::invalid(format!(
                "the history of contact {id} cannot be read"
            )));
        };
        let kind = ContactKind::parse(&kind)?;
        self.check_not_final(&now.date, &now.at)?;
        self.check_not_final(&day, &at)?;
        self.change_event(
            "contact",
            id,
            "edit",
            &now,
            "UPDATE contact SET at = ?1, local_date = ?2, kind = ?3, note = ?4, removed_at = ?5
             WHERE id = ?6",
            params![
                at,
                day,
                kind.as_str(),
                field("note"),
                field("removed_at"),
                id
            ],
            clock,
        )?;
        self.contact(id)
    }

    /// Put an urge back exactly as it was before its latest change.
    pub fn revert_urge(&mut self, id: i64, clock: &dyn Clock) -> Result<Urge> {
        let now = self.urge(id)?;
        let was = self.before_latest("urge", id)?;
        let field = |k: &str| was.get(k).and_then(|v| v.as_str()).map(str::to_owned);
        let (Some(at), Some(day)) = (field("at"), field("date")) else {
            return Err(Error::invalid(format!(
                "the history of urge {id} cannot be read"
            )));
        };
        let intensity = was.get("intensity").and_then(serde_json::Value::as_i64);
        self.check_not_final(&now.date, &now.at)?;
        self.check_not_final(&day, &at)?;
        self.change_event(
            "urge",
            id,
            "edit",
            &now,
            "UPDATE urge SET at = ?1, local_date = ?2, intensity = ?3, note = ?4, removed_at = ?5
             WHERE id = ?6",
            params![at, day, intensity, field("note"), field("removed_at"), id],
            clock,
        )?;
        self.urge(id)
    }

    /// How many changes an event has had (its history is kept whole).
    pub fn event_changes(&self, event: &str, id: i64) -> Result<u32> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM event_change WHERE event = ?1 AND event_id = ?2",
            params![event, id],
            |r| r.get(0),
        )?)
    }
}
