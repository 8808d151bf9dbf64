//! An import, one page at a time, in one transaction: pages merge as the
//! module `json` says, and everything else of our own export comes in once
//! the pages are in. A file that fails part way leaves the journal exactly
//! as it was (the transaction is rolled back when the import is dropped
//! unfinished).

use super::json::{check_header, EventOut, Export, ImportSummary, PageOut};
use crate::db::Store;
use crate::error::Result;
use crate::pages::{count_words, first_line, is_written};
use rusqlite::{params, OptionalExtension};
use std::collections::HashMap;

/// What this import has done to a day so far.
#[derive(Clone, Copy, PartialEq)]
enum Done {
    Added,
    Merged,
    Unchanged,
}

pub(crate) struct Importer<'s> {
    store: &'s Store,
    /// When the import happens: the time of a merged page's change.
    at: String,
    summary: ImportSummary,
    days: HashMap<String, Done>,
    open: bool,
}

impl Drop for Importer<'_> {
    fn drop(&mut self) {
        if self.open {
            let _ = self.store.conn.execute_batch("ROLLBACK");
        }
    }
}

impl<'s> Importer<'s> {
    /// Starts the import's transaction; `at` is the time it happens.
    pub fn begin(store: &'s Store, at: &str) -> Result<Self> {
        store.conn.execute_batch("BEGIN IMMEDIATE")?;
        Ok(Importer {
            store,
            at: at.to_string(),
            summary: ImportSummary::default(),
            days: HashMap::new(),
            open: true,
        })
    }

    /// One day's page from the file. The same day again (its entries were
    /// apart in the file) goes below what this import brought to it.
    pub fn page(&mut self, page: &PageOut) -> Result<()> {
        let s = &mut self.summary;
        let Some(date) = crate::date::parse_date(&page.date).ok() else {
            s.skipped += 1;
            s.warnings.push(format!(
                "a page dated \"{}\" was left out: not a date",
                page.date
            ));
            return Ok(());
        };
        let key = crate::date::format_date(date);
        if let Err(e) = crate::pages::validate_page(&page.body, page.mood) {
            s.skipped += 1;
            s.warnings.push(format!(
                "the page of {key} was left out: {}",
                e.user_message()
            ));
            return Ok(());
        }
        if s.first_day.as_ref().is_none_or(|d| key < *d) {
            s.first_day = Some(key.clone());
        }
        if s.last_day.as_ref().is_none_or(|d| key > *d) {
            s.last_day = Some(key.clone());
        }
        let c = &self.store.conn;
        let existing: Option<(String, Option<u8>)> = c
            .query_row("SELECT body, mood FROM page WHERE date = ?1", [&key], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        let before = self.days.get(&key).copied();
        let Some((body, mood)) = existing else {
            s.added += 1;
            self.days.insert(key.clone(), Done::Added);
            c.execute(
                "INSERT INTO page (date, body, mood, words, created_at, updated_at,
                                   text_changed_at, version, written, first_line)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    key,
                    page.body,
                    page.mood,
                    count_words(&page.body),
                    page.created_at,
                    page.updated_at,
                    page.text_changed_at,
                    page.version.max(1),
                    is_written(&page.body, page.mood),
                    first_line(&page.body),
                ],
            )?;
            for r in &page.revisions {
                c.execute(
                    "INSERT INTO page_revision (date, body, mood, saved_at, replaced_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![key, r.body, r.mood, r.saved_at, r.replaced_at],
                )?;
            }
            return Ok(());
        };
        let incoming = page.body.trim();
        if incoming.is_empty() || body.contains(incoming) {
            if before.is_none() {
                s.unchanged += 1;
                self.days.insert(key.clone(), Done::Unchanged);
            }
            if mood.is_none() && page.mood.is_some() {
                c.execute(
                    "UPDATE page SET mood = ?2, written = 1 WHERE date = ?1",
                    params![key, page.mood],
                )?;
            }
            return Ok(());
        }
        let merged = if body.trim().is_empty() {
            incoming.to_string()
        } else {
            format!("{}\n\n{incoming}", body.trim_end())
        };
        let mood = mood.or(page.mood);
        if let Err(e) = crate::pages::validate_page(&merged, mood) {
            s.skipped += 1;
            s.warnings.push(format!(
                "the page of {key} was left as it is: with the imported text below it {}",
                e.user_message()
            ));
            return Ok(());
        }
        // This import's own text grows: no earlier text to keep, nothing new
        // to count.
        let grows = matches!(before, Some(Done::Added | Done::Merged));
        if !grows {
            if before == Some(Done::Unchanged) {
                s.unchanged -= 1;
            }
            s.merged += 1;
            self.days.insert(key.clone(), Done::Merged);
            // The text as it was is kept among the page's earlier texts.
            c.execute(
                "INSERT INTO page_revision (date, body, mood, saved_at, replaced_at)
                 SELECT date, body, mood, updated_at, ?2 FROM page WHERE date = ?1",
                params![key, self.at],
            )?;
        }
        c.execute(
            "UPDATE page SET body = ?2, mood = ?3, words = ?4, written = ?5,
                             version = version + ?7, updated_at = ?6, text_changed_at = ?6,
                             first_line = ?8
             WHERE date = ?1",
            params![
                key,
                merged,
                mood,
                count_words(&merged),
                is_written(&merged, mood),
                self.at,
                if grows { 0 } else { 1 },
                first_line(&merged),
            ],
        )?;
        Ok(())
    }

    /// Everything but the pages, from our own export (see `json`).
    pub fn rest(&mut self, file: &Export) -> Result<()> {
        check_header(file)?;
        let store = self.store;
        let c = &store.conn;
        let s = &mut self.summary;
        // Brought in before (the same file again): nothing to say about them.
        let same_events = store.export_periods()? == file.periods
            && store.export_events("contact")? == file.contacts
            && store.export_events("urge")? == file.urges;
        let has = |table: &str| -> Result<bool> {
            Ok(
                c.query_row(&format!("SELECT EXISTS(SELECT 1 FROM {table})"), [], |r| {
                    r.get(0)
                })?,
            )
        };
        let events_here = has("space_period")? || has("contact")? || has("urge")?;
        let events_there =
            !file.periods.is_empty() || !file.contacts.is_empty() || !file.urges.is_empty();
        if same_events {
            // Already here, exactly: the same file twice changes nothing.
        } else if events_there && events_here {
            s.warnings.push(
                "Periods of giving space, contacts and urges were not brought in: this journal \
                 has its own, and the two would not add up. Import into an empty journal to \
                 keep them."
                    .to_string(),
            );
        } else {
            for p in &file.periods {
                c.execute(
                    "INSERT INTO space_period (id, start_date, upfront_note, end_date, outcome,
                                               started_at, ended_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![
                        p.id,
                        p.start,
                        p.upfront_note,
                        p.end,
                        p.outcome,
                        p.started_at,
                        p.ended_at
                    ],
                )?;
                for m in &p.milestones_seen {
                    c.execute(
                        "INSERT INTO milestone_seen (period_id, days, seen_at) VALUES (?1, ?2, ?3)",
                        params![p.id, m.days, m.seen_at],
                    )?;
                }
            }
            for e in &file.contacts {
                c.execute(
                    "INSERT INTO contact (id, at, local_date, kind, note, removed_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![e.id, e.at, e.date, e.kind, e.note, e.removed_at],
                )?;
                insert_changes(c, "contact", e)?;
            }
            for e in &file.urges {
                c.execute(
                    "INSERT INTO urge (id, at, local_date, intensity, note, removed_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![e.id, e.at, e.date, e.intensity, e.note, e.removed_at],
                )?;
                insert_changes(c, "urge", e)?;
            }
            if events_there || !file.deliveries.is_empty() {
                if has("delivery")? {
                    s.warnings.push(
                        "The record of reminders already sent was kept as it is here.".to_string(),
                    );
                } else {
                    for d in &file.deliveries {
                        c.execute(
                            "INSERT INTO delivery (kind, local_date, at, topic) VALUES (?1, ?2, ?3, ?4)",
                            params![d.kind, d.date, d.at, d.topic],
                        )?;
                    }
                }
            }
        }
        // Events kept their numbers only when they came in (or were here
        // already, the same): only then do messages keep their links.
        let links_hold = same_events || !events_here;
        for t in &file.company {
            let here: bool = c.query_row(
                "SELECT EXISTS(SELECT 1 FROM company WHERE local_date = ?1 AND who = ?2
                     AND what IS ?3 AND felt IS ?4)",
                params![t.date, t.who, t.what, t.felt],
                |r| r.get(0),
            )?;
            if !here {
                c.execute(
                    "INSERT INTO company (local_date, who, what, felt, logged_at, removed_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![t.date, t.who, t.what, t.felt, t.logged_at, t.removed_at],
                )?;
            }
        }
        for m in &file.unsent {
            let here: bool = c.query_row(
                "SELECT EXISTS(SELECT 1 FROM unsent WHERE local_date = ?1 AND body = ?2)",
                params![m.date, m.body],
                |r| r.get(0),
            )?;
            if !here {
                c.execute(
                    "INSERT INTO unsent (local_date, body, outcome, written_at, urge_id, contact_id)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![
                        m.date,
                        m.body,
                        m.outcome,
                        m.written_at,
                        m.urge_id.filter(|_| links_hold),
                        m.contact_id.filter(|_| links_hold)
                    ],
                )?;
            }
        }
        for d in &file.drafts {
            c.execute(
                "INSERT INTO draft (key, body, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT(key) DO NOTHING",
                params![d.key, d.body, d.updated_at],
            )?;
        }
        for h in &file.guidance.helpful {
            c.execute(
                "INSERT INTO card_helpful (card_id, marked_at) VALUES (?1, ?2)
                 ON CONFLICT(card_id) DO NOTHING",
                params![h.card, h.marked_at],
            )?;
        }
        for a in &file.guidance.set_aside {
            c.execute(
                "INSERT INTO card_set_aside (card_id, date) VALUES (?1, ?2)
                 ON CONFLICT DO NOTHING",
                params![a.card, a.date],
            )?;
        }
        let mut settings_kept = false;
        for kv in &file.settings {
            let known = crate::settings::Settings::default()
                .set(&kv.key, &kv.value)
                .is_ok()
                || kv.key.starts_with("state.");
            if !known {
                s.warnings.push(format!(
                    "the setting \"{}\" is not one this version knows; left out",
                    kv.key
                ));
                continue;
            }
            let here: Option<String> = c
                .query_row("SELECT value FROM setting WHERE key = ?1", [&kv.key], |r| {
                    r.get(0)
                })
                .optional()?;
            match here {
                Some(value) => settings_kept |= value != kv.value,
                None => {
                    c.execute(
                        "INSERT INTO setting (key, value) VALUES (?1, ?2)",
                        params![kv.key, kv.value],
                    )?;
                }
            }
        }
        if settings_kept {
            s.warnings
                .push("Settings already chosen here were kept as they are.".to_string());
        }
        Ok(())
    }

    /// Commits (or, with `dry_run`, rolls back) and says what was done.
    pub fn finish(mut self, dry_run: bool) -> Result<ImportSummary> {
        self.open = false;
        let end = if dry_run { "ROLLBACK" } else { "COMMIT" };
        if let Err(e) = self.store.conn.execute_batch(end) {
            let _ = self.store.conn.execute_batch("ROLLBACK");
            return Err(e.into());
        }
        Ok(std::mem::take(&mut self.summary))
    }
}

fn insert_changes(c: &rusqlite::Connection, event: &str, e: &EventOut) -> Result<()> {
    for ch in &e.changes {
        c.execute(
            "INSERT INTO event_change (event, event_id, action, changed_at, before)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![event, e.id, ch.action, ch.changed_at, ch.before.to_string()],
        )?;
    }
    Ok(())
}

impl Store {
    /// Bring `file` in (see the module `json`), all in one transaction: a
    /// file that fails part way leaves the journal as it was. With
    /// `dry_run`, only says what would happen.
    pub fn import(&self, file: &Export, dry_run: bool) -> Result<ImportSummary> {
        check_header(file)?;
        let mut import = Importer::begin(self, &file.exported_at)?;
        for page in &file.pages {
            import.page(page)?;
        }
        import.rest(file)?;
        import.finish(dry_run)
    }
}
