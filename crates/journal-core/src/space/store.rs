//! Storing and reading the space period, contacts and urges.

use crate::clock::Clock;
use crate::date::{format_date, parse_date};
use crate::db::{rfc3339, Store};
use crate::error::{Error, Result};
use crate::space::{
    reached_milestone, space_status, Contact, ContactKind, Period, SpaceFacts, SpaceStatus, Urge,
};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};
use rusqlite::{params, OptionalExtension, Row};

/// The most a note (upfront note, outcome, contact or urge note) may hold.
pub const MAX_NOTE_BYTES: usize = 64 * 1024;

/// When an event happened, as the person tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Now,
    /// A local calendar day (today means now; an earlier day means its midday).
    Day(NaiveDate),
    /// An exact instant; its own offset decides its calendar day.
    At(DateTime<FixedOffset>),
}

impl When {
    /// From a local day or an RFC 3339 moment as typed (neither means now).
    pub fn parse(date: Option<&str>, at: Option<&str>) -> Result<Self> {
        match (date, at) {
            (Some(_), Some(_)) => Err(Error::invalid("give either a day or a moment, not both")),
            (Some(d), None) => Ok(When::Day(parse_date(d)?)),
            (None, Some(at)) => DateTime::parse_from_rfc3339(at.trim())
                .map(When::At)
                .map_err(|_| {
                    Error::invalid(format!(
                        "\"{at}\" is not a moment; write it as RFC 3339, for example 2027-03-14T21:05:00-04:00"
                    ))
                }),
            (None, None) => Ok(When::Now),
        }
    }

    /// The UTC instant and local date of the event, refusing the future.
    pub(crate) fn resolve(self, clock: &dyn Clock) -> Result<(DateTime<Utc>, NaiveDate)> {
        let (now, today) = (clock.now(), clock.today());
        let (at, date) = match self {
            When::Now => (now, today),
            When::Day(d) if d == today => (now, today),
            When::Day(d) => {
                let noon = d.and_time(NaiveTime::from_hms_opt(12, 0, 0).expect("noon"));
                let at = noon
                    .and_local_timezone(clock.offset())
                    .single()
                    .map_or(now, |t| t.with_timezone(&Utc));
                (at, d)
            }
            When::At(t) => (t.with_timezone(&Utc), t.date_naive()),
        };
        if date > today || at > now + chrono::TimeDelta::minutes(1) {
            return Err(Error::invalid(format!(
                "{} has not happened yet; log what happened today or earlier",
                format_date(date)
            )));
        }
        Ok((at, date))
    }
}

pub(super) fn clean_note(note: Option<&str>) -> Result<Option<String>> {
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    if note.is_some_and(|n| n.len() > MAX_NOTE_BYTES) {
        return Err(Error::invalid(
            "a note can hold at most 64 KiB of text; nothing was saved",
        ));
    }
    Ok(note.map(str::to_string))
}

fn period_from(r: &Row<'_>) -> rusqlite::Result<Period> {
    Ok(Period {
        id: r.get(0)?,
        start: r.get(1)?,
        upfront_note: r.get(2)?,
        end: r.get(3)?,
        outcome: r.get(4)?,
    })
}

const PERIOD_COLS: &str = "id, start_date, upfront_note, end_date, outcome";

fn contact_from(r: &Row<'_>) -> rusqlite::Result<Contact> {
    let kind: String = r.get(3)?;
    Ok(Contact {
        id: r.get(0)?,
        at: r.get(1)?,
        date: r.get(2)?,
        kind: ContactKind::parse(&kind).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(3, rusqlite::types::Type::Text, e.into())
        })?,
        note: r.get(4)?,
        removed_at: r.get(5)?,
    })
}

fn urge_from(r: &Row<'_>) -> rusqlite::Result<Urge> {
    Ok(Urge {
        id: r.get(0)?,
        at: r.get(1)?,
        date: r.get(2)?,
        intensity: r.get(3)?,
        note: r.get(4)?,
        removed_at: r.get(5)?,
    })
}

const CONTACT_COLS: &str = "id, at, local_date, kind, note, removed_at";
const URGE_COLS: &str = "id, at, local_date, intensity, note, removed_at";

fn date_col(s: &str) -> Result<NaiveDate> {
    parse_date(s)
}

impl Store {
    /// The period that is open now, if any.
    pub fn open_period(&self) -> Result<Option<Period>> {
        let sql = format!("SELECT {PERIOD_COLS} FROM space_period WHERE end_date IS NULL");
        Ok(self.conn.query_row(&sql, [], period_from).optional()?)
    }

    /// Every period, the latest first.
    pub fn periods(&self) -> Result<Vec<Period>> {
        let sql =
            format!("SELECT {PERIOD_COLS} FROM space_period ORDER BY start_date DESC, id DESC");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], period_from)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Begin giving space on `start` (day 0). A note given here is the
    /// upfront talk or note, logged as an `upfront` contact on day 0.
    pub fn start_period(
        &mut self,
        start: NaiveDate,
        upfront_note: Option<&str>,
        clock: &dyn Clock,
    ) -> Result<Period> {
        let note = clean_note(upfront_note)?;
        if start > clock.today() {
            return Err(Error::invalid(format!(
                "a period can start today or on an earlier day, not on {}",
                format_date(start)
            )));
        }
        if let Some(open) = self.open_period()? {
            return Err(Error::invalid(format!(
                "a period of giving space is already open since {}; end it before starting another",
                open.start
            )));
        }
        if let Some(prev) = self.periods()?.into_iter().next() {
            if prev
                .end
                .as_deref()
                .is_some_and(|e| e > format_date(start).as_str())
            {
                return Err(Error::invalid(format!(
                    "the last period ended on {}; a new one can start on that day or later",
                    prev.end.unwrap_or_default()
                )));
            }
        }
        let (at, _) = When::Day(start).resolve(clock)?;
        // On the day the last one ended, the note belongs to the new one.
        let at = match self.ended_on(&format_date(start), -1)? {
            Some(ended) => at.max(ended + chrono::TimeDelta::milliseconds(1)),
            None => at,
        };
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO space_period(start_date, upfront_note, started_at) VALUES (?1, ?2, ?3)",
            params![format_date(start), note, rfc3339(clock.now())],
        )?;
        let id = tx.last_insert_rowid();
        if note.is_some() {
            tx.execute(
                "INSERT INTO contact(at, local_date, kind, note) VALUES (?1, ?2, 'upfront', ?3)",
                params![rfc3339(at), format_date(start), note],
            )?;
        }
        tx.commit()?;
        self.period(id)
    }

    fn period(&self, id: i64) -> Result<Period> {
        let sql = format!("SELECT {PERIOD_COLS} FROM space_period WHERE id = ?1");
        Ok(self.conn.query_row(&sql, [id], period_from)?)
    }

    /// End the open period on `end`, with an outcome in the person's words.
    pub fn end_period(
        &mut self,
        end: NaiveDate,
        outcome: Option<&str>,
        clock: &dyn Clock,
    ) -> Result<Period> {
        let outcome = clean_note(outcome)?;
        let open = self
            .open_period()?
            .ok_or_else(|| Error::invalid("there is no open period of giving space to end"))?;
        if end > clock.today() {
            return Err(Error::invalid(format!(
                "a period can end today or on an earlier day, not on {}",
                format_date(end)
            )));
        }
        if end < date_col(&open.start)? {
            return Err(Error::invalid(format!(
                "a period cannot end ({}) before it started ({})",
                format_date(end),
                open.start
            )));
        }
        self.conn.execute(
            "UPDATE space_period SET end_date = ?1, outcome = ?2, ended_at = ?3 WHERE id = ?4",
            params![format_date(end), outcome, rfc3339(clock.now()), open.id],
        )?;
        self.period(open.id)
    }

    /// Where a new (or moved) event dated `date` at `at` goes: refused
    /// before the open period began or inside a period that has ended (an
    /// ended period is final: its figures stay). On the day one period ended
    /// and the next began, it belongs to the new one: its instant is kept
    /// after the moment the old one ended, which is what tells them apart.
    pub(super) fn place(&self, date: NaiveDate, at: DateTime<Utc>) -> Result<DateTime<Utc>> {
        let day = format_date(date);
        if let Some(open) = self.open_period()? {
            if day < open.start {
                return Err(Error::invalid(format!(
                    "{day} is before your period of giving space began ({})",
                    open.start
                )));
            }
            if day == open.start {
                if let Some(ended) = self.ended_on(&day, open.id)? {
                    return Ok(at.max(ended + chrono::TimeDelta::milliseconds(1)));
                }
            }
            return Ok(at);
        }
        let ended: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT start_date, end_date FROM space_period
                 WHERE end_date IS NOT NULL AND start_date <= ?1 AND end_date >= ?1",
                [&day],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((start, end)) = ended {
            return Err(Error::invalid(format!(
                "{day} is inside a period of giving space that has ended ({start} to {end}); \
                 an ended period stays as it was, so nothing was logged"
            )));
        }
        Ok(at)
    }

    /// The moment another period than `except` was ended on `day`, if one was.
    fn ended_on(&self, day: &str, except: i64) -> Result<Option<DateTime<Utc>>> {
        let at: Option<String> = self.conn.query_row(
            "SELECT max(ended_at) FROM space_period WHERE end_date = ?1 AND id != ?2",
            params![day, except],
            |r| r.get(0),
        )?;
        at.map(|a| crate::date::parse_instant(&a)).transpose()
    }

    /// Whether the event on `day` at `at` counts in a period that has ended
    /// (then it stays as it was).
    pub(super) fn is_final(&self, day: &str, at: &str) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM space_period
             WHERE end_date IS NOT NULL AND start_date <= ?1 AND end_date >= ?1
               AND (end_date > ?1 OR ?2 <= ended_at))",
            params![day, at],
            |r| r.get(0),
        )?)
    }

    /// Whether an event on `day` at `at` belongs to `period`: within its
    /// days, and on a day it shares with another period, on its side of the
    /// moment the earlier one ended.
    fn holds(&self, period: &Period, day: &str, at: &str) -> Result<bool> {
        if day < period.start.as_str() || period.end.as_deref().is_some_and(|e| day > e) {
            return Ok(false);
        }
        if period.end.as_deref() == Some(day) {
            let ended: Option<String> = self.conn.query_row(
                "SELECT ended_at FROM space_period WHERE id = ?1",
                [period.id],
                |r| r.get(0),
            )?;
            if ended.is_some_and(|e| at > e.as_str()) {
                return Ok(false);
            }
        }
        if period.start == day {
            if let Some(before) = self.ended_on(day, period.id)? {
                if at <= rfc3339(before).as_str() {
                    return Ok(false);
                }
            }
        }
        Ok(true)
    }

    /// The contacts and urges that count in `period` (removed ones left out).
    pub fn period_events(&self, period: &Period) -> Result<(Vec<Contact>, Vec<Urge>)> {
        let start = Some(date_col(&period.start)?);
        let end = period.end.as_deref().map(date_col).transpose()?;
        let mut contacts = Vec::new();
        for c in self.contacts(start, end)? {
            if self.holds(period, &c.date, &c.at)? {
                contacts.push(c);
            }
        }
        let mut urges = Vec::new();
        for u in self.urges(start, end)? {
            if self.holds(period, &u.date, &u.at)? {
                urges.push(u);
            }
        }
        Ok((contacts, urges))
    }

    pub fn add_contact(
        &mut self,
        kind: ContactKind,
        when: When,
        note: Option<&str>,
        clock: &dyn Clock,
    ) -> Result<Contact> {
        let note = clean_note(note)?;
        let (at, date) = when.resolve(clock)?;
        if kind == ContactKind::Upfront {
            self.upfront_once(date)?;
        }
        let at = self.place(date, at)?;
        self.conn.execute(
            "INSERT INTO contact(at, local_date, kind, note) VALUES (?1, ?2, ?3, ?4)",
            params![rfc3339(at), format_date(date), kind.as_str(), note],
        )?;
        let id = self.conn.last_insert_rowid();
        self.contact(id)
    }

    /// The talk or note before stepping back is logged once a period (a
    /// note given when it started is that one): another on a day of the
    /// open period is refused.
    fn upfront_once(&self, date: NaiveDate) -> Result<()> {
        let Some(open) = self.open_period()? else {
            return Ok(());
        };
        if format_date(date) < open.start {
            return Ok(());
        }
        let (contacts, _) = self.period_events(&open)?;
        match contacts.iter().find(|c| c.kind == ContactKind::Upfront) {
            Some(c) => Err(Error::invalid(format!(
                "telling them you are stepping back is already logged for this period, on {}; it counts once, so change that one instead",
                c.date
            ))),
            None => Ok(()),
        }
    }

    /// One contact, removed or not.
    pub fn contact(&self, id: i64) -> Result<Contact> {
        let sql = format!("SELECT {CONTACT_COLS} FROM contact WHERE id = ?1");
        self.conn
            .query_row(&sql, [id], contact_from)
            .optional()?
            .ok_or_else(|| Error::invalid(format!("there is no contact numbered {id}")))
    }

    /// One urge, removed or not.
    pub fn urge(&self, id: i64) -> Result<Urge> {
        let sql = format!("SELECT {URGE_COLS} FROM urge WHERE id = ?1");
        self.conn
            .query_row(&sql, [id], urge_from)
            .optional()?
            .ok_or_else(|| Error::invalid(format!("there is no urge numbered {id}")))
    }

    pub fn add_urge(
        &mut self,
        when: When,
        intensity: Option<u8>,
        note: Option<&str>,
        clock: &dyn Clock,
    ) -> Result<Urge> {
        let note = clean_note(note)?;
        if let Some(i) = intensity.filter(|i| !(1..=5).contains(i)) {
            return Err(Error::invalid(format!(
                "intensity must be from 1 to 5 (got {i}); nothing was saved"
            )));
        }
        let (at, date) = when.resolve(clock)?;
        let at = self.place(date, at)?;
        self.conn.execute(
            "INSERT INTO urge(at, local_date, intensity, note) VALUES (?1, ?2, ?3, ?4)",
            params![rfc3339(at), format_date(date), intensity, note],
        )?;
        let id = self.conn.last_insert_rowid();
        self.urge(id)
    }

    /// Contacts logged on days `from..=to` (all when unbounded), oldest
    /// first; removed ones left out.
    pub fn contacts(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Vec<Contact>> {
        self.contacts_with(from, to, false)
    }

    /// Contacts on days `from..=to`, with the removed ones when `removed`.
    pub fn contacts_with(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        removed: bool,
    ) -> Result<Vec<Contact>> {
        self.events("contact", CONTACT_COLS, (from, to, removed), contact_from)
    }

    /// Rows of an event table on days `from..=to`, oldest first.
    fn events<T>(
        &self,
        table: &str,
        cols: &str,
        (from, to, removed): (Option<NaiveDate>, Option<NaiveDate>, bool),
        row: fn(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let (from, to) = bounds(from, to);
        let sql = format!(
            "SELECT {cols} FROM {table}
             WHERE local_date >= ?1 AND local_date <= ?2 AND (?3 OR removed_at IS NULL)
             ORDER BY local_date, at, id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![from, to, removed], row)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Urges logged on days `from..=to` (all when unbounded), oldest first;
    /// removed ones left out.
    pub fn urges(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Vec<Urge>> {
        self.urges_with(from, to, false)
    }

    /// Urges on days `from..=to`, with the removed ones when `removed`.
    pub fn urges_with(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        removed: bool,
    ) -> Result<Vec<Urge>> {
        self.events("urge", URGE_COLS, (from, to, removed), urge_from)
    }

    /// The period that `as_of` falls in or after: the latest one begun by then.
    fn period_as_of(&self, as_of: NaiveDate) -> Result<Option<Period>> {
        let sql = format!(
            "SELECT {PERIOD_COLS} FROM space_period WHERE start_date <= ?1
             ORDER BY start_date DESC, id DESC LIMIT 1"
        );
        Ok(self
            .conn
            .query_row(&sql, [format_date(as_of)], period_from)
            .optional()?)
    }

    /// Where the person stands on `as_of`, counting only what happened by then.
    pub fn space_status(&self, as_of: NaiveDate) -> Result<SpaceStatus> {
        let period = self.period_as_of(as_of)?;
        let mut status = self.status_in(period.as_ref(), as_of)?;
        status.time_with_people = self.time_with_people(as_of)?;
        Ok(status)
    }

    /// The figures of `period` as of `as_of`, counting only its own events.
    pub fn status_in(&self, period: Option<&Period>, as_of: NaiveDate) -> Result<SpaceStatus> {
        let (dates, contacts, urges) = match period {
            Some(p) => {
                let start = date_col(&p.start)?;
                let end = p.end.as_deref().map(date_col).transpose()?;
                let (contacts, urges) = self.period_events(p)?;
                let contacts = contacts
                    .into_iter()
                    .map(|c| Ok((date_col(&c.date)?, c.kind)))
                    .collect::<Result<Vec<_>>>()?;
                let urges = urges
                    .into_iter()
                    .map(|u| date_col(&u.date))
                    .collect::<Result<Vec<_>>>()?;
                (Some((start, end)), contacts, urges)
            }
            None => (None, Vec::new(), Vec::new()),
        };
        Ok(space_status(
            &SpaceFacts {
                period: dates,
                contacts: &contacts,
                urges: &urges,
            },
            as_of,
        ))
    }

    /// A milestone the open period has reached that the app has not yet
    /// acknowledged. Marking it seen is [`Store::mark_milestone_seen`].
    pub fn unseen_milestone(&self, clock: &dyn Clock) -> Result<Option<u32>> {
        let Some(open) = self.open_period()? else {
            return Ok(None);
        };
        let status = self.space_status(clock.today())?;
        let Some(days) = reached_milestone(status.current_streak_days) else {
            return Ok(None);
        };
        let seen: bool = self.conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM milestone_seen WHERE period_id = ?1 AND days = ?2)",
            params![open.id, days],
            |r| r.get(0),
        )?;
        Ok((!seen).then_some(days))
    }

    pub fn mark_milestone_seen(&mut self, days: u32, clock: &dyn Clock) -> Result<()> {
        let open = self
            .open_period()?
            .ok_or_else(|| Error::invalid("there is no open period of giving space"))?;
        self.conn.execute(
            "INSERT OR IGNORE INTO milestone_seen(period_id, days, seen_at) VALUES (?1, ?2, ?3)",
            params![open.id, days, rfc3339(clock.now())],
        )?;
        Ok(())
    }
}

fn bounds(from: Option<NaiveDate>, to: Option<NaiveDate>) -> (String, String) {
    (
        from.map(format_date).unwrap_or_default(),
        to.map(format_date).unwrap_or_else(|| "9999-99-99".into()),
    )
}
