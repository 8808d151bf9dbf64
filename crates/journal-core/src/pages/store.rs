//! Pages in the store: reading, saving (with the revision rule) and listing.

use super::page::{count_words, first_line, Page, PageSummary, MAX_BODY_BYTES};
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
                "SELECT date, body, mood, words, created_at, updated_at FROM page WHERE date = ?1",
            )?
            .query_row([key], |r| {
                Ok(Page {
                    date: r.get(0)?,
                    body: r.get(1)?,
                    mood: r.get(2)?,
                    words: r.get(3)?,
                    created_at: r.get(4)?,
                    updated_at: r.get(5)?,
                })
            })
            .optional()?)
    }

    /// Replace the page of `date` with `body` and `mood`, atomically.
    ///
    /// The previous text is kept as a [`Revision`] when it had stood for more
    /// than ten minutes, or when the new body wipes it.
    pub fn save_page(
        &mut self,
        date: NaiveDate,
        body: &str,
        mood: Option<u8>,
        clock: &dyn Clock,
    ) -> Result<Page> {
        validate_body(body)?;
        validate_mood(mood)?;
        let key = format_date(date);
        let now = clock.now();
        let now_s = rfc3339(now);
        let words = count_words(body);

        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let prev: Option<(String, Option<u8>, String)> = tx
            .prepare_cached("SELECT body, mood, updated_at FROM page WHERE date = ?1")?
            .query_row([&key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        if let Some((prev_body, prev_mood, prev_at)) = &prev {
            if prev_body == body && *prev_mood == mood {
                drop(tx);
                return self.page(date);
            }
            let stood = DateTime::parse_from_rfc3339(prev_at)
                .map(|t| now.signed_duration_since(t))
                .unwrap_or(REVISION_AFTER);
            let wipes = body.trim().is_empty();
            if prev_body != body
                && !prev_body.trim().is_empty()
                && (stood > REVISION_AFTER || wipes)
            {
                tx.prepare_cached(
                    "INSERT INTO page_revision(date, body, mood, saved_at, replaced_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )?
                .execute(params![key, prev_body, prev_mood, prev_at, now_s])?;
            }
        }
        tx.prepare_cached(
            "INSERT INTO page(date, body, mood, words, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)
             ON CONFLICT(date) DO UPDATE SET
               body = excluded.body, mood = excluded.mood,
               words = excluded.words, updated_at = excluded.updated_at",
        )?
        .execute(params![key, body, mood, words, now_s])?;
        tx.commit()?;
        self.page(date)
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
        let mut stmt = self.conn.prepare_cached(
            "SELECT date, mood, words, body FROM page
             WHERE date >= ?1 AND date <= ?2 AND (body <> '' OR mood IS NOT NULL)
             ORDER BY date",
        )?;
        let rows = stmt.query_map([from, to], |r| {
            let body: String = r.get(3)?;
            Ok((
                body.trim().is_empty(),
                PageSummary {
                    date: r.get(0)?,
                    mood: r.get(1)?,
                    words: r.get(2)?,
                    first_line: first_line(&body),
                },
            ))
        })?;
        // A page of only "😢" or "…" has no words but was written; a page of
        // only blanks was not (a save of blanks counts as wiping the page).
        let mut pages = Vec::new();
        for row in rows {
            let (blank, summary) = row?;
            if !blank || summary.mood.is_some() {
                pages.push(summary);
            }
        }
        Ok(pages)
    }
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
