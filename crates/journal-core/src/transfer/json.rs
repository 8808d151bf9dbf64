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

use super::stream::Emit;
use crate::db::Store;
use crate::error::{Error, Result};
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
    /// Time with people, taken-back entries too.
    #[serde(default)]
    pub company: Vec<CompanyOut>,
    /// Messages written instead of being sent.
    #[serde(default)]
    pub unsent: Vec<UnsentOut>,
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
            company: Vec::new(),
            unsent: Vec::new(),
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
pub struct CompanyOut {
    pub date: String,
    pub who: String,
    pub what: Option<String>,
    pub felt: Option<u8>,
    pub logged_at: String,
    pub removed_at: Option<String>,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct UnsentOut {
    pub date: String,
    pub body: String,
    /// `kept` or `sent-necessary`.
    pub outcome: String,
    pub written_at: String,
    /// The urge (kept) or contact (sent-necessary) it logged.
    pub urge_id: Option<i64>,
    pub contact_id: Option<i64>,
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
        let mut stmt = c.prepare(
            "SELECT local_date, who, what, felt, logged_at, removed_at FROM company ORDER BY id",
        )?;
        let company = stmt
            .query_map([], |r| {
                Ok(CompanyOut {
                    date: r.get(0)?,
                    who: r.get(1)?,
                    what: r.get(2)?,
                    felt: r.get(3)?,
                    logged_at: r.get(4)?,
                    removed_at: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = c.prepare(
            "SELECT local_date, body, outcome, written_at, urge_id, contact_id FROM unsent
             ORDER BY id",
        )?;
        let unsent = stmt
            .query_map([], |r| {
                Ok(UnsentOut {
                    date: r.get(0)?,
                    body: r.get(1)?,
                    outcome: r.get(2)?,
                    written_at: r.get(3)?,
                    urge_id: r.get(4)?,
                    contact_id: r.get(5)?,
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
            company,
            unsent,
        })
    }

    pub(super) fn export_periods(&self) -> Result<Vec<PeriodOut>> {
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

    pub(super) fn export_events(&self, table: &str) -> Result<Vec<EventOut>> {
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
}

pub(crate) fn check_header(file: &Export) -> Result<()> {
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
    let mut pages = Vec::new();
    let mut file = read_export(text.as_bytes(), &mut |p| {
        pages.push(p);
        Ok(())
    })?;
    file.pages = pages;
    Ok(file)
}

/// Reads an export from `reader`, handing each page to `emit` as it is
/// read (a file of any size needs memory for one page); everything else
/// comes back in the [`Export`], whose `pages` are empty. The format and
/// version are checked as soon as they are read (this app writes them
/// first), and again at the end.
pub(crate) fn read_export(reader: impl std::io::Read, emit: &mut Emit<'_>) -> Result<Export> {
    let mut stopped = None;
    let mut saw = Saw::default();
    let mut de = serde_json::Deserializer::from_reader(reader);
    let read = serde::Deserializer::deserialize_map(
        &mut de,
        ExportVisitor {
            emit,
            stopped: &mut stopped,
            saw: &mut saw,
        },
    )
    .and_then(|file| de.end().map(|()| file));
    let file = match (read, stopped) {
        (_, Some(e)) => return Err(e),
        (Ok(file), None) => file,
        (Err(e), None) => {
            use serde_json::error::Category;
            return Err(match e.classify() {
                Category::Io => Error::invalid(format!(
                    "This file could not be read to its end ({e}). Nothing was imported."
                )),
                Category::Syntax | Category::Eof => Error::invalid(format!(
                    "This file is not JSON that can be read (line {}, column {}: {e}). \
                     Nothing was imported.",
                    e.line(),
                    e.column()
                )),
                Category::Data if saw.ours => Error::invalid(format!(
                    "This Breathing Room export is damaged ({e}). Nothing was imported."
                )),
                Category::Data => not_ours(),
            });
        }
    };
    check_header(&file)?;
    Ok(file)
}

fn not_ours() -> Error {
    Error::invalid(
        "This is not a Breathing Room export (it has no \"format\": \"breathing-room\"). \
         Nothing was imported.",
    )
}

/// What the reading has seen of the file so far.
#[derive(Default)]
struct Saw {
    /// It said it is a Breathing Room export.
    ours: bool,
}

struct ExportVisitor<'a, 'e> {
    emit: &'a mut Emit<'e>,
    stopped: &'a mut Option<Error>,
    saw: &'a mut Saw,
}

impl<'de> serde::de::Visitor<'de> for ExportVisitor<'_, '_> {
    type Value = Export;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a Breathing Room export")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<Export, A::Error> {
        use serde::de::Error as _;
        let ExportVisitor { emit, stopped, saw } = self;
        let mut file = Export::of_pages(Vec::new(), "");
        let (mut format, mut exported_at) = (None, None);
        let stop = |e: Error, stopped: &mut Option<Error>| {
            *stopped = Some(e);
            A::Error::custom("stopped")
        };
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => {
                    let f: String = map.next_value()?;
                    if f != FORMAT {
                        let e = Error::invalid(format!(
                            "This is not a Breathing Room export (it says it is \"{f}\"). \
                             Nothing was imported."
                        ));
                        return Err(stop(e, stopped));
                    }
                    saw.ours = true;
                    format = Some(f);
                }
                "version" => {
                    file.version = map.next_value()?;
                    if file.version > VERSION {
                        file.format = FORMAT.to_string();
                        return Err(stop(check_header(&file).unwrap_err(), stopped));
                    }
                }
                "exported_at" => exported_at = Some(map.next_value::<String>()?),
                "pages" => map.next_value_seed(super::stream::EachOf {
                    each: &mut *emit,
                    stopped: &mut *stopped,
                    item: std::marker::PhantomData::<PageOut>,
                })?,
                "periods" => file.periods = map.next_value()?,
                "contacts" => file.contacts = map.next_value()?,
                "urges" => file.urges = map.next_value()?,
                "drafts" => file.drafts = map.next_value()?,
                "guidance" => file.guidance = map.next_value()?,
                "settings" => file.settings = map.next_value()?,
                "deliveries" => file.deliveries = map.next_value()?,
                "company" => file.company = map.next_value()?,
                "unsent" => file.unsent = map.next_value()?,
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        let Some(format) = format else {
            return Err(stop(not_ours(), stopped));
        };
        file.format = format;
        file.exported_at = exported_at.ok_or_else(|| A::Error::missing_field("exported_at"))?;
        Ok(file)
    }
}
