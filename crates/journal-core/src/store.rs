//! The SQLite store: opening safely, migrating with a backup, and keeping
//! pages, their earlier text and the search index in step.

use crate::clock::Clock;
use crate::date::format_date;
use crate::error::{Error, Result};
use crate::page::{count_words, first_line, Page, PageSummary, Revision, MAX_BODY_BYTES};
use crate::search::{to_fts_query, SearchHit};
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use include_dir::{include_dir, Dir};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use rusqlite_migration::Migrations;
use std::fs::{self, OpenOptions};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Duration;

static MIGRATIONS_DIR: Dir = include_dir!("$CARGO_MANIFEST_DIR/migrations");
static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| {
    Migrations::from_directory(&MIGRATIONS_DIR).expect("embedded migrations are well-formed")
});

/// The schema version this build writes (the number of migrations).
pub const SCHEMA_VERSION: i64 = 5;

/// How long a text must have stood before a save that replaces it keeps a copy.
const REVISION_AFTER: chrono::TimeDelta = chrono::TimeDelta::minutes(10);
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The journal on disk (or in memory, for tests).
pub struct Store {
    pub(crate) conn: Connection,
    path: Option<PathBuf>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Open (creating if needed) the journal at `path`.
    ///
    /// Refuses a damaged file or one from a newer version without changing a
    /// byte of it; copies the file aside before running pending migrations.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        let io = |source| Error::Io {
            path: path.clone(),
            source,
        };
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(parent)
                .map_err(io)?;
        }
        let existed = path.exists();
        if !existed {
            OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&path)
                .map_err(io)?;
        }

        let conn = Connection::open(&path)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let found = check_readable(&conn, &path)?;
        if found > SCHEMA_VERSION {
            return Err(Error::NewerSchema {
                path,
                found,
                known: SCHEMA_VERSION,
            });
        }
        if existed {
            // Only now, with the file known to be ours and sound, tighten it.
            let mode = fs::metadata(&path).map_err(io)?.permissions().mode();
            if mode & 0o077 != 0 {
                fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).map_err(io)?;
            }
        }
        let mut store = Store {
            conn,
            path: Some(path),
        };
        // The copy is taken before anything (even the journal mode) changes.
        if found > 0 && found < SCHEMA_VERSION {
            store.backup_before_migration()?;
        }
        store.configure()?;
        MIGRATIONS.to_latest(&mut store.conn)?;
        Ok(store)
    }

    /// Copy what the write-ahead log holds into the main file, without
    /// waiting on readers (call it when idle; a busy journal is skipped).
    pub fn checkpoint(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// A private, throwaway journal in memory.
    pub fn open_in_memory() -> Result<Self> {
        let mut conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        MIGRATIONS.to_latest(&mut conn)?;
        Ok(Store { conn, path: None })
    }

    /// Where the journal lives (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    fn configure(&self) -> Result<()> {
        // WAL lets the CLI read while the app writes. In WAL mode NORMAL keeps
        // every committed save through a crash or a killed process (only a
        // power cut can lose the last moments), without a sync per keystroke
        // pause; the database itself is never corrupted either way.
        let mode: String = self
            .conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        debug_assert_eq!(mode.to_lowercase(), "wal");
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        // Checkpoints run when the app is idle (`Store::checkpoint`) and when
        // the last connection closes, not in the middle of a save.
        self.conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(())
    }

    fn backup_before_migration(&self) -> Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let bak = backup_path(path, SCHEMA_VERSION);
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&bak)
            .map_err(|source| Error::Io {
                path: bak.clone(),
                source,
            })?;
        let target = bak.to_string_lossy().into_owned();
        self.conn.execute("VACUUM INTO ?1", [target])?;
        Ok(())
    }

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

    /// Pages matching every word of `query`, best match first.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let Some(fts) = to_fts_query(query) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.date, snippet(page_fts, 0, '**', '**', '…', 12)
             FROM page_fts JOIN page p ON p.rowid = page_fts.rowid
             WHERE page_fts MATCH ?1
             ORDER BY bm25(page_fts), p.date DESC
             LIMIT ?2",
        )?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt.query_map(params![fts, limit], |r| {
            Ok(SearchHit {
                date: r.get(0)?,
                snippet: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

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

/// Read the schema version and run SQLite's quick check, writing nothing.
fn check_readable(conn: &Connection, path: &Path) -> Result<i64> {
    let damaged = |detail: String| Error::Damaged {
        path: path.to_path_buf(),
        detail,
    };
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|e| damaged(e.to_string()))?;
    let mut problems = Vec::new();
    conn.pragma_query(None, "quick_check", |r| {
        problems.push(r.get::<_, String>(0)?);
        Ok(())
    })
    .map_err(|e| damaged(e.to_string()))?;
    if problems.len() != 1 || problems[0] != "ok" {
        let mut detail = problems.into_iter().take(3).collect::<Vec<_>>().join("; ");
        detail.truncate(300);
        return Err(damaged(detail));
    }
    Ok(version)
}

/// `<name>.before-v<N>.bak`, or a numbered variant if that one exists.
fn backup_path(path: &Path, version: i64) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "journal".into());
    let mut candidate = path.with_file_name(format!("{name}.before-v{version}.bak"));
    let mut n = 2;
    while candidate.exists() {
        candidate = path.with_file_name(format!("{name}.before-v{version}.{n}.bak"));
        n += 1;
    }
    candidate
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

pub(crate) fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_version_matches_the_migration_files() {
        assert_eq!(MIGRATIONS_DIR.dirs().count() as i64, SCHEMA_VERSION);
        assert!(MIGRATIONS.validate().is_ok());
    }

    #[test]
    fn backup_names_never_overwrite_an_earlier_backup() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("journal.db");
        let first = backup_path(&db, 3);
        assert_eq!(first.file_name().unwrap(), "journal.db.before-v3.bak");
        fs::write(&first, b"x").unwrap();
        let second = backup_path(&db, 3);
        assert_eq!(second.file_name().unwrap(), "journal.db.before-v3.2.bak");
    }
}
