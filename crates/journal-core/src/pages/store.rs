//! Pages in the store: reading, saving (with the revision rule) and listing.

use super::page::{
    count_words, first_line, is_written, Page, PageSummary, Revision, Saved, MAX_BODY_BYTES,
};
use crate::clock::Clock;
use crate::date::format_date;
use crate::db::{rfc3339, Store};
use crate::error::{Error, Result};
use chrono::{DateTime, NaiveDate};
use rusqlite::{params, OptionalExtension, TransactionBehavior};

/// How long a text must have stood before a save that replaces it keeps a copy.
const REVISION_AFTER: chrono::TimeDelta = chrono::TimeDelta::minutes(10);

impl Store {
    /// The page of `date`: an empty page when nothing was written that day.
    pub fn page(&self, date: NaiveDate) -> Result<Page> {
        let key = format_date(date);
        Ok(self.find_page(&key)?.unwrap_or_else(|| Page::empty(key)))
    }

    fn find_page(&self, key: &str) -> Result<Option<Page>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT date, body, mood, words, created_at, updated_at, version, written
                 FROM page WHERE date = ?1",
            )?
            .query_row([key], |r| {
                Ok(Page {
                    date: r.get(0)?,
                    body: r.get(1)?,
                    mood: r.get(2)?,
                    words: r.get(3)?,
                    created_at: r.get(4)?,
                    updated_at: r.get(5)?,
                    version: r.get(6)?,
                    written: r.get(7)?,
                })
            })
            .optional()?)
    }

    /// Replace the page of `date` with `body` and `mood`, atomically, as a
    /// writer that has seen what the page holds now (see [`Store::save_page_from`]).
    pub fn save_page(
        &mut self,
        date: NaiveDate,
        body: &str,
        mood: Option<u8>,
        clock: &dyn Clock,
    ) -> Result<Page> {
        Ok(self.save(date, body, mood, Base::Current, clock)?.page)
    }

    /// Replace the page of `date` with `body` and `mood`, atomically.
    ///
    /// `base` is the version of the page the writer started from; `None`
    /// means it never read the page (a script replacing it). A save never
    /// replaces text its writer has not seen: when the stored page moved on
    /// since `base` (or there is no base), the text it held is kept as a
    /// [`Revision`], and with a base the reply names it, so the writer can
    /// show both texts. Otherwise the previous text is kept when it had stood
    /// for more than ten minutes since its text last changed, when the new
    /// body wipes it, or when the new body drops more than half its words.
    pub fn save_page_from(
        &mut self,
        date: NaiveDate,
        body: &str,
        mood: Option<u8>,
        base: Option<u32>,
        clock: &dyn Clock,
    ) -> Result<Saved> {
        let base = base.map_or(Base::Unseen, Base::Seen);
        self.save(date, body, mood, base, clock)
    }

    /// The save itself, in one transaction that reads the page once and
    /// writes it once; the page it returns is made from what it wrote.
    fn save(
        &mut self,
        date: NaiveDate,
        body: &str,
        mood: Option<u8>,
        base: Base,
        clock: &dyn Clock,
    ) -> Result<Saved> {
        validate_body(body)?;
        validate_mood(mood)?;
        let key = format_date(date);
        let now = clock.now();
        let now_s = rfc3339(now);
        let words = count_words(body);

        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let prev: Option<Stored> = tx
            .prepare_cached(
                "SELECT body, mood, words, created_at, updated_at,
                        coalesce(text_changed_at, updated_at), version, written
                 FROM page WHERE date = ?1",
            )?
            .query_row([&key], |r| {
                Ok(Stored {
                    body: r.get(0)?,
                    mood: r.get(1)?,
                    words: r.get(2)?,
                    created_at: r.get(3)?,
                    updated_at: r.get(4)?,
                    text_changed_at: r.get(5)?,
                    version: r.get(6)?,
                    written: r.get(7)?,
                })
            })
            .optional()?;
        let mut replaced_elsewhere = None;
        let mut text_changed_at = now_s.clone();
        if let Some(prev) = &prev {
            if prev.body == body && prev.mood == mood {
                drop(tx);
                let page = prev.clone().into_page(key);
                return Ok(Saved {
                    page,
                    replaced_elsewhere: None,
                });
            }
            let unseen = match base {
                Base::Seen(v) => v != prev.version,
                Base::Unseen => true,
                Base::Current => false,
            };
            if prev.body == body {
                text_changed_at = prev.text_changed_at.clone();
            } else if !prev.body.trim().is_empty() {
                let stood = DateTime::parse_from_rfc3339(&prev.text_changed_at)
                    .map(|t| now.signed_duration_since(t))
                    .unwrap_or(REVISION_AFTER);
                let wipes = body.trim().is_empty();
                let halves = u64::from(words) * 2 < u64::from(prev.words);
                if unseen || stood > REVISION_AFTER || wipes || halves {
                    tx.prepare_cached(
                        "INSERT INTO page_revision(date, body, mood, saved_at, replaced_at)
                         VALUES (?1, ?2, ?3, ?4, ?5)",
                    )?
                    .execute(params![
                        key,
                        prev.body,
                        prev.mood,
                        prev.updated_at,
                        now_s
                    ])?;
                    if unseen && matches!(base, Base::Seen(_)) {
                        replaced_elsewhere = Some(Revision {
                            id: tx.last_insert_rowid(),
                            date: key.clone(),
                            body: prev.body.clone(),
                            mood: prev.mood,
                            saved_at: prev.updated_at.clone(),
                            replaced_at: now_s.clone(),
                            words: prev.words,
                        });
                    }
                }
            }
        }
        let written = is_written(body, mood);
        tx.prepare_cached(
            "INSERT INTO page(date, body, mood, words, created_at, updated_at, text_changed_at,
                              version, written, first_line)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, 1, ?7, ?8)
             ON CONFLICT(date) DO UPDATE SET
               body = excluded.body, mood = excluded.mood,
               words = excluded.words, updated_at = excluded.updated_at,
               text_changed_at = excluded.text_changed_at, version = page.version + 1,
               written = excluded.written, first_line = excluded.first_line",
        )?
        .execute(params![
            key,
            body,
            mood,
            words,
            now_s,
            text_changed_at,
            written,
            first_line(body),
        ])?;
        tx.commit()?;
        let page = Page {
            date: key,
            body: body.to_string(),
            mood,
            words,
            created_at: Some(
                prev.as_ref()
                    .map_or_else(|| now_s.clone(), |p| p.created_at.clone()),
            ),
            updated_at: Some(now_s),
            version: prev.as_ref().map_or(1, |p| p.version + 1),
            written,
        };
        Ok(Saved {
            page,
            replaced_elsewhere,
        })
    }

    /// Add `text` to the end of the day's page as a paragraph of its own,
    /// in one transaction (nothing already there is replaced).
    pub fn append_to_page(
        &mut self,
        date: NaiveDate,
        text: &str,
        mood: Option<u8>,
        clock: &dyn Clock,
    ) -> Result<Page> {
        let current = self.page(date)?;
        let body = join_paragraph(&current.body, text);
        let mood = mood.or(current.mood);
        // Should another writer save in between, what it wrote is kept as a
        // revision by the save itself (never written twice by a retry).
        let saved = self.save_page_from(date, &body, mood, Some(current.version), clock)?;
        Ok(saved.page)
    }

    /// Days with something written (or a mood), oldest first, within the
    /// inclusive bounds given.
    pub fn list_pages(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<PageSummary>> {
        let from = from.map(format_date).unwrap_or_default();
        let to = to.map(format_date).unwrap_or_else(|| "9999-99-99".into());
        // Answered from the index page_list alone: no page's text is read
        // (store tests: the_list_is_read_from_its_index_without_the_pages).
        let mut stmt = self.conn.prepare_cached(LIST_PAGES)?;
        let rows = stmt.query_map([from, to], |r| {
            Ok(PageSummary {
                date: r.get(0)?,
                mood: r.get(1)?,
                words: r.get(2)?,
                first_line: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}

/// The list of written days in a range, from the index `page_list`.
pub(crate) const LIST_PAGES: &str = "SELECT date, mood, words, first_line FROM page
     WHERE date >= ?1 AND date <= ?2 AND written = 1
     ORDER BY date";

/// Which text a save was written against.
#[derive(Clone, Copy)]
enum Base {
    /// The writer read the page at this version.
    Seen(u32),
    /// The writer never read the page (a script replacing it).
    Unseen,
    /// Whatever the page holds when the save begins (one process alone).
    Current,
}

/// A page's text and mood, checked as a save checks them.
pub(crate) fn validate_page(body: &str, mood: Option<u8>) -> Result<()> {
    validate_body(body)?;
    validate_mood(mood)
}

fn validate_body(body: &str) -> Result<()> {
    if body.len() > MAX_BODY_BYTES {
        return Err(Error::invalid(format!(
            "this page is {:.1} MiB; a page can hold at most 1 MiB of text. Nothing was saved.",
            body.len() as f64 / (1024.0 * 1024.0)
        )));
    }
    Ok(())
}

fn validate_mood(mood: Option<u8>) -> Result<()> {
    match mood {
        Some(m) if !(1..=5).contains(&m) => Err(Error::invalid(format!(
            "mood must be from 1 to 5 (got {m}); nothing was saved"
        ))),
        _ => Ok(()),
    }
}

/// A page as it stands in the store, before a save.
#[derive(Clone)]
struct Stored {
    body: String,
    mood: Option<u8>,
    words: u32,
    created_at: String,
    updated_at: String,
    text_changed_at: String,
    version: u32,
    written: bool,
}

impl Stored {
    fn into_page(self, date: String) -> Page {
        Page {
            date,
            body: self.body,
            mood: self.mood,
            words: self.words,
            created_at: Some(self.created_at),
            updated_at: Some(self.updated_at),
            version: self.version,
            written: self.written,
        }
    }
}

/// `text` as a new paragraph after `body` (or the whole page when empty).
pub(crate) fn join_paragraph(body: &str, text: &str) -> String {
    let head = body.trim_end();
    if head.is_empty() {
        text.to_string()
    } else {
        format!("{head}\n\n{text}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedClock;

    #[test]
    fn the_list_is_read_from_its_index_without_the_pages() {
        let store = Store::open_in_memory().unwrap();
        let plan: Vec<String> = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {LIST_PAGES}"))
            .unwrap()
            .query_map(["", "9999-99-99"], |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<std::result::Result<_, _>>()
            .unwrap();
        assert_eq!(plan.len(), 1, "{plan:?}");
        assert!(
            plan[0].contains("USING COVERING INDEX page_list"),
            "the list reads the index alone: {plan:?}"
        );
    }

    #[test]
    fn a_save_returns_the_page_as_it_was_stored() {
        let mut store = Store::open_in_memory().unwrap();
        let mut clock = FixedClock::at_utc("2027-03-14T20:00:00Z");
        let day = NaiveDate::from_ymd_opt(2027, 3, 14).unwrap();
        let first = store.save_page(day, "Rain.", None, &clock).unwrap();
        assert_eq!(first, store.page(day).unwrap());
        clock.now += chrono::TimeDelta::minutes(3);
        let second = store
            .save_page(day, "\n  Rain, then sun.\nA walk.", Some(4), &clock)
            .unwrap();
        assert_eq!(second, store.page(day).unwrap());
        assert_eq!(second.version, 2);
        assert_eq!(
            second.created_at, first.created_at,
            "made once, changed since"
        );
        assert_ne!(second.updated_at, first.updated_at);
        let same = store
            .save_page(day, "\n  Rain, then sun.\nA walk.", Some(4), &clock)
            .unwrap();
        assert_eq!(same, second, "saving the same text changes nothing");
        let list = store.list_pages(None, None).unwrap();
        assert_eq!(list[0].first_line, "Rain, then sun.");
        assert_eq!(list[0].words, 5);
    }
}
