//! The journal as one JSON document, lossless: every page with its earlier
//! texts, every period with the milestones seen in it, every contact and
//! urge with its history of corrections, drafts, what was said about
//! guidance cards, settings and the reminders sent. The format is written
//! down in `docs/export-format.md`; `version` changes only when a reader of
//! the previous one could no longer read it right.
//!
//! Importing it into an empty journal gives back the same journal, row for
//! row. Into one already in use, pages are merged (a day that has a page
//! keeps its text and the imported text goes below it after a blank line;
//! text already there is not added again), and everything else comes in
//! only where the journal has none of that kind yet (periods and their
//! events, drafts, card notes, settings, reminders sent), with a warning
//! naming what was left out, so nothing of either is mixed up or lost.

use crate::db::Store;
use crate::error::{Error, Result};
use crate::pages::{count_words, is_written};
use rusqlite::{params, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};

/// What the file says it is.
pub const FORMAT: &str = "breathing-room";
/// The version of the format this build writes and reads.
pub const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct Export {
    pub format: String,
    pub version: u32,
    pub exported_at: String,
    #[serde(default)]
    pub pages: Vec<PageOut>,
    #[serde(default)]
    pub periods: Vec<PeriodOut>,
    #[serde(default)]
    pub contacts: Vec<EventOut>,
    #[serde(default)]
    pub urges: Vec<EventOut>,
    #[serde(default)]
    pub drafts: Vec<DraftOut>,
    #[serde(default)]
    pub guidance: GuidanceOut,
    #[serde(default)]
    pub settings: Vec<SettingOut>,
    #[serde(default)]
    pub deliveries: Vec<DeliveryOut>,
}

impl Export {
    /// Pages only (what another app's file brings), dated `at`.
    pub(crate) fn of_pages(pages: Vec<PageOut>, at: &str) -> Export {
        Export {
            format: FORMAT.to_string(),
            version: VERSION,
            exported_at: at.to_string(),
            pages,
            periods: Vec::new(),
            contacts: Vec::new(),
            urges: Vec::new(),
            drafts: Vec::new(),
            guidance: GuidanceOut::default(),
            settings: Vec::new(),
            deliveries: Vec::new(),
        }
    }
}

impl PageOut {
    /// A page brought in from another app at `at`, with no history of ours.
    pub(crate) fn imported(
        date: chrono::NaiveDate,
        body: String,
        mood: Option<u8>,
        at: &str,
    ) -> PageOut {
        PageOut {
            date: crate::date::format_date(date),
            body,
            mood,
            created_at: at.to_string(),
            updated_at: at.to_string(),
            text_changed_at: Some(at.to_string()),
            version: 1,
            revisions: Vec::new(),
        }
    }
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct PageOut {
    pub date: String,
    pub body: String,
    pub mood: Option<u8>,
    pub created_at: String,
    pub updated_at: String,
    pub text_changed_at: Option<String>,
    pub version: u32,
    /// Earlier texts of the page, oldest first.
    #[serde(default)]
    pub revisions: Vec<RevisionOut>,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct RevisionOut {
    pub body: String,
    pub mood: Option<u8>,
    pub saved_at: String,
    pub replaced_at: String,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct PeriodOut {
    pub id: i64,
    pub start: String,
    pub upfront_note: Option<String>,
    pub end: Option<String>,
    pub outcome: Option<String>,
    pub started_at: String,
    pub ended_at: Option<String>,
    #[serde(default)]
    pub milestones_seen: Vec<MilestoneOut>,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct MilestoneOut {
    pub days: i64,
    pub seen_at: String,
}

/// A contact (with `kind`) or an urge (with `intensity`).
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct EventOut {
    pub id: i64,
    pub at: String,
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intensity: Option<u8>,
    pub note: Option<String>,
    pub removed_at: Option<String>,
    /// Its corrections, oldest first: each with the event as it was before.
    #[serde(default)]
    pub changes: Vec<ChangeOut>,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct ChangeOut {
    pub action: String,
    pub changed_at: String,
    pub before: serde_json::Value,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct DraftOut {
    pub key: String,
    pub body: String,
    pub updated_at: String,
}

#[derive(Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct GuidanceOut {
    #[serde(default)]
    pub helpful: Vec<HelpfulOut>,
    #[serde(default)]
    pub set_aside: Vec<SetAsideOut>,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct HelpfulOut {
    pub card: String,
    pub marked_at: String,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct SetAsideOut {
    pub card: String,
    pub date: String,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct SettingOut {
    pub key: String,
    pub value: String,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct DeliveryOut {
    pub kind: String,
    pub date: String,
    pub at: String,
    pub topic: String,
}

/// What an import did (or, with a dry run, would do), in days of pages.
#[derive(Debug, Default, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct ImportSummary {
    /// Days that had no page and now have the imported one.
    pub added: u32,
    /// Days that had a page: the imported text went below it.
    pub merged: u32,
    /// Days whose imported text was already there.
    pub unchanged: u32,
    /// Days that could not be brought in (each named in `warnings`).
    pub skipped: u32,
    /// Photos and other media named in the file (none are kept yet).
    pub media_skipped: u32,
    pub warnings: Vec<String>,
    /// The first and last day in the file with a page (none: no pages). Not
    /// in the CLI's `import --json` (its fields are fixed); the app's preview
    /// says them.
    pub first_day: Option<String>,
    pub last_day: Option<String>,
}

fn bad(what: &str) -> impl Fn(rusqlite::Error) -> Error + '_ {
    move |e| Error::invalid(format!("{what} could not be read from the journal ({e})"))
}

impl Store {
    /// The whole journal as an [`Export`].
    pub fn export(&self, exported_at: &str) -> Result<Export> {
        let c = &self.conn;
        let mut revisions: std::collections::HashMap<String, Vec<RevisionOut>> =
            std::collections::HashMap::new();
        let mut stmt = c.prepare(
            "SELECT date, body, mood, saved_at, replaced_at FROM page_revision ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                RevisionOut {
                    body: r.get(1)?,
                    mood: r.get(2)?,
                    saved_at: r.get(3)?,
                    replaced_at: r.get(4)?,
                },
            ))
        })?;
        for row in rows {
            let (date, rev) = row.map_err(bad("an earlier text"))?;
            revisions.entry(date).or_default().push(rev);
        }
        let mut stmt = c.prepare(
            "SELECT date, body, mood, created_at, updated_at, text_changed_at, version
             FROM page ORDER BY date",
        )?;
        let pages = stmt
            .query_map([], |r| {
                Ok(PageOut {
                    date: r.get(0)?,
                    body: r.get(1)?,
                    mood: r.get(2)?,
                    created_at: r.get(3)?,
                    updated_at: r.get(4)?,
                    text_changed_at: r.get(5)?,
                    version: r.get(6)?,
                    revisions: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .map(|mut p| {
                p.revisions = revisions.remove(&p.date).unwrap_or_default();
                p
            })
            .collect();

        let periods = self.export_periods()?;
        let contacts = self.export_events("contact")?;
        let urges = self.export_events("urge")?;

        let mut stmt = c.prepare("SELECT key, body, updated_at FROM draft ORDER BY key")?;
        let drafts = stmt
            .query_map([], |r| {
                Ok(DraftOut {
                    key: r.get(0)?,
                    body: r.get(1)?,
                    updated_at: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = c.prepare("SELECT card_id, marked_at FROM card_helpful ORDER BY card_id")?;
        let helpful = stmt
            .query_map([], |r| {
                Ok(HelpfulOut {
                    card: r.get(0)?,
                    marked_at: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt =
            c.prepare("SELECT card_id, date FROM card_set_aside ORDER BY date, card_id")?;
        let set_aside = stmt
            .query_map([], |r| {
                Ok(SetAsideOut {
                    card: r.get(0)?,
                    date: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = c.prepare("SELECT key, value FROM setting ORDER BY key")?;
        let settings = stmt
            .query_map([], |r| {
                Ok(SettingOut {
                    key: r.get(0)?,
                    value: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = c.prepare("SELECT kind, local_date, at, topic FROM delivery ORDER BY id")?;
        let deliveries = stmt
            .query_map([], |r| {
                Ok(DeliveryOut {
                    kind: r.get(0)?,
                    date: r.get(1)?,
                    at: r.get(2)?,
                    topic: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;

        Ok(Export {
            format: FORMAT.to_string(),
            version: VERSION,
            exported_at: exported_at.to_string(),
            pages,
            periods,
            contacts,
            urges,
            drafts,
            guidance: GuidanceOut { helpful, set_aside },
            settings,
            deliveries,
        })
    }

    fn export_periods(&self) -> Result<Vec<PeriodOut>> {
        let c = &self.conn;
        let mut seen: std::collections::HashMap<i64, Vec<MilestoneOut>> =
            std::collections::HashMap::new();
        let mut stmt = c.prepare(
            "SELECT period_id, days, seen_at FROM milestone_seen ORDER BY period_id, days",
        )?;
        for row in stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                MilestoneOut {
                    days: r.get(1)?,
                    seen_at: r.get(2)?,
                },
            ))
        })? {
            let (id, m) = row?;
            seen.entry(id).or_default().push(m);
        }
        let mut stmt = c.prepare(
            "SELECT id, start_date, upfront_note, end_date, outcome, started_at, ended_at
             FROM space_period ORDER BY id",
        )?;
        let periods = stmt
            .query_map([], |r| {
                Ok(PeriodOut {
                    id: r.get(0)?,
                    start: r.get(1)?,
                    upfront_note: r.get(2)?,
                    end: r.get(3)?,
                    outcome: r.get(4)?,
                    started_at: r.get(5)?,
                    ended_at: r.get(6)?,
                    milestones_seen: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .map(|mut p| {
                p.milestones_seen = seen.remove(&p.id).unwrap_or_default();
                p
            })
            .collect();
        Ok(periods)
    }

    fn export_events(&self, table: &str) -> Result<Vec<EventOut>> {
        let c = &self.conn;
        let mut changes: std::collections::HashMap<i64, Vec<ChangeOut>> =
            std::collections::HashMap::new();
        let mut stmt = c.prepare(
            "SELECT event_id, action, changed_at, before FROM event_change
             WHERE event = ?1 ORDER BY id",
        )?;
        for row in stmt.query_map([table], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })? {
            let (id, action, changed_at, before) = row?;
            let before = serde_json::from_str(&before)
                .map_err(|e| Error::invalid(format!("a correction could not be read ({e})")))?;
            changes.entry(id).or_default().push(ChangeOut {
                action,
                changed_at,
                before,
            });
        }
        let sql = if table == "contact" {
            "SELECT id, at, local_date, kind, NULL, note, removed_at FROM contact ORDER BY id"
        } else {
            "SELECT id, at, local_date, NULL, intensity, note, removed_at FROM urge ORDER BY id"
        };
        let mut stmt = c.prepare(sql)?;
        let events = stmt
            .query_map([], |r| {
                Ok(EventOut {
                    id: r.get(0)?,
                    at: r.get(1)?,
                    date: r.get(2)?,
                    kind: r.get(3)?,
                    intensity: r.get(4)?,
                    note: r.get(5)?,
                    removed_at: r.get(6)?,
                    changes: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .map(|mut e| {
                e.changes = changes.remove(&e.id).unwrap_or_default();
                e
            })
            .collect();
        Ok(events)
    }

    /// Bring `file` in (see the module's documentation), all in one
    /// transaction: a file that fails part way leaves the journal as it
    /// was. With `dry_run`, only says what would happen.
    pub fn import(&mut self, file: &Export, dry_run: bool) -> Result<ImportSummary> {
        check_header(file)?;
        // Brought in before (the same file again): nothing to say about them.
        let same_events = self.export_periods()? == file.periods
            && self.export_events("contact")? == file.contacts
            && self.export_events("urge")? == file.urges;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut s = ImportSummary::default();

        for page in &file.pages {
            let Some(date) = crate::date::parse_date(&page.date).ok() else {
                s.skipped += 1;
                s.warnings.push(format!(
                    "a page dated \"{}\" was left out: not a date",
                    page.date
                ));
                continue;
            };
            let key = crate::date::format_date(date);
            if let Err(e) = crate::pages::validate_page(&page.body, page.mood) {
                s.skipped += 1;
                s.warnings.push(format!(
                    "the page of {key} was left out: {}",
                    e.user_message()
                ));
                continue;
            }
            let existing: Option<(String, Option<u8>)> = tx
                .query_row("SELECT body, mood FROM page WHERE date = ?1", [&key], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?;
            match existing {
                None => {
                    s.added += 1;
                    tx.execute(
                        "INSERT INTO page (date, body, mood, words, created_at, updated_at,
                                           text_changed_at, version, written)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
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
                        ],
                    )?;
                    for r in &page.revisions {
                        tx.execute(
                            "INSERT INTO page_revision (date, body, mood, saved_at, replaced_at)
                             VALUES (?1, ?2, ?3, ?4, ?5)",
                            params![key, r.body, r.mood, r.saved_at, r.replaced_at],
                        )?;
                    }
                }
                Some((body, mood)) => {
                    let incoming = page.body.trim();
                    if incoming.is_empty() || body.contains(incoming) {
                        s.unchanged += 1;
                        if mood.is_none() && page.mood.is_some() {
                            tx.execute(
                                "UPDATE page SET mood = ?2, written = 1 WHERE date = ?1",
                                params![key, page.mood],
                            )?;
                        }
                        continue;
                    }
                    s.merged += 1;
                    let merged = if body.trim().is_empty() {
                        incoming.to_string()
                    } else {
                        format!("{}\n\n{incoming}", body.trim_end())
                    };
                    if let Err(e) = crate::pages::validate_page(&merged, mood.or(page.mood)) {
                        s.merged -= 1;
                        s.skipped += 1;
                        s.warnings.push(format!(
                            "the page of {key} was left as it is: with the imported text below it {}",
                            e.user_message()
                        ));
                        continue;
                    }
                    // The text as it was is kept among the page's earlier texts.
                    tx.execute(
                        "INSERT INTO page_revision (date, body, mood, saved_at, replaced_at)
                         SELECT date, body, mood, updated_at, ?2 FROM page WHERE date = ?1",
                        params![key, file.exported_at],
                    )?;
                    tx.execute(
                        "UPDATE page SET body = ?2, mood = ?3, words = ?4, written = ?5,
                                         version = version + 1, updated_at = ?6, text_changed_at = ?6
                         WHERE date = ?1",
                        params![
                            key,
                            merged,
                            mood.or(page.mood),
                            count_words(&merged),
                            is_written(&merged, mood.or(page.mood)),
                            file.exported_at,
                        ],
                    )?;
                }
            }
        }

        let has = |table: &str| -> Result<bool> {
            Ok(
                tx.query_row(&format!("SELECT EXISTS(SELECT 1 FROM {table})"), [], |r| {
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
                tx.execute(
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
                    tx.execute(
                        "INSERT INTO milestone_seen (period_id, days, seen_at) VALUES (?1, ?2, ?3)",
                        params![p.id, m.days, m.seen_at],
                    )?;
                }
            }
            for e in &file.contacts {
                tx.execute(
                    "INSERT INTO contact (id, at, local_date, kind, note, removed_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![e.id, e.at, e.date, e.kind, e.note, e.removed_at],
                )?;
                insert_changes(&tx, "contact", e)?;
            }
            for e in &file.urges {
                tx.execute(
                    "INSERT INTO urge (id, at, local_date, intensity, note, removed_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![e.id, e.at, e.date, e.intensity, e.note, e.removed_at],
                )?;
                insert_changes(&tx, "urge", e)?;
            }
            if events_there || !file.deliveries.is_empty() {
                if has("delivery")? {
                    s.warnings.push(
                        "The record of reminders already sent was kept as it is here.".to_string(),
                    );
                } else {
                    for d in &file.deliveries {
                        tx.execute(
                            "INSERT INTO delivery (kind, local_date, at, topic) VALUES (?1, ?2, ?3, ?4)",
                            params![d.kind, d.date, d.at, d.topic],
                        )?;
                    }
                }
            }
        }
        for d in &file.drafts {
            tx.execute(
                "INSERT INTO draft (key, body, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT(key) DO NOTHING",
                params![d.key, d.body, d.updated_at],
            )?;
        }
        for h in &file.guidance.helpful {
            tx.execute(
                "INSERT INTO card_helpful (card_id, marked_at) VALUES (?1, ?2)
                 ON CONFLICT(card_id) DO NOTHING",
                params![h.card, h.marked_at],
            )?;
        }
        for a in &file.guidance.set_aside {
            tx.execute(
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
            let here: Option<String> = tx
                .query_row("SELECT value FROM setting WHERE key = ?1", [&kv.key], |r| {
                    r.get(0)
                })
                .optional()?;
            match here {
                Some(value) => settings_kept |= value != kv.value,
                None => {
                    tx.execute(
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

        if dry_run {
            tx.rollback()?;
        } else {
            tx.commit()?;
        }
        Ok(s)
    }
}

fn insert_changes(tx: &rusqlite::Transaction<'_>, event: &str, e: &EventOut) -> Result<()> {
    for c in &e.changes {
        tx.execute(
            "INSERT INTO event_change (event, event_id, action, changed_at, before)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![event, e.id, c.action, c.changed_at, c.before.to_string()],
        )?;
    }
    Ok(())
}

fn check_header(file: &Export) -> Result<()> {
    if file.format != FORMAT {
        return Err(Error::invalid(format!(
            "This is not a Breathing Room export (it says it is \"{}\"). Nothing was imported.",
            file.format
        )));
    }
    if file.version > VERSION {
        return Err(Error::invalid(format!(
            "This export was made by a newer version of Breathing Room (format version {}; this \
             one reads up to {VERSION}). Update the app to import it. Nothing was imported.",
            file.version
        )));
    }
    Ok(())
}

/// Reads an export from its JSON text, with a clear error naming where a
/// damaged or foreign file goes wrong.
pub fn parse_export(text: &str) -> Result<Export> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        Error::invalid(format!(
            "This file is not JSON that can be read (line {}, column {}: {e}). Nothing was imported.",
            e.line(),
            e.column()
        ))
    })?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(Error::invalid(
            "This is not a Breathing Room export (it has no \"format\": \"breathing-room\"). \
             Nothing was imported.",
        ));
    }
    let file: Export = serde_json::from_value(value).map_err(|e| {
        Error::invalid(format!(
            "This Breathing Room export is damaged ({e}). Nothing was imported."
        ))
    })?;
    check_header(&file)?;
    Ok(file)
}
