//! Opening the journal: create it private, refuse a damaged or newer file
//! without changing a byte, copy it aside, then migrate.

use super::cipher::{self, Key, Kind, Passphrase};
use super::closed::{self, CloseMark};
use super::convert::side_file;
use super::lock::FileLock;
use super::migrate;
use super::{Store, SCHEMA_VERSION};
use crate::error::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::fs::{self, OpenOptions};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;
use std::time::Duration;

/// How long a write waits for another program (the CLI) to finish with the
/// journal before it gives up as `busy`. The shell's close grace period is
/// counted from it.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Written in every journal's header (`PRAGMA application_id`), so a SQLite
/// file of another program is never taken for one: "BRJ1".
pub const APPLICATION_ID: i32 = 0x4252_4A31;

impl Store {
    /// Open (creating if needed) the journal at `path`.
    ///
    /// Refuses a damaged file or one from a newer version without changing a
    /// byte of it; copies the file aside before running pending migrations.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        Self::open_with(path, None)
    }

    /// Open the journal at `path`, encrypted or not. An encrypted journal
    /// needs its passphrase (`passphrase_needed` without one,
    /// `wrong_passphrase` for another); a plain one ignores it.
    pub fn open_with(path: impl AsRef<Path>, passphrase: Option<&Passphrase>) -> Result<Self> {
        let mut key = None;
        // SQLite answers "busy" without waiting in a few moments of another
        // process's first open (changing the journal mode, recovering the
        // log): each step is safe to take again, so the whole open is, for
        // as long as the busy timeout would have waited.
        let started = std::time::Instant::now();
        loop {
            match Self::open_once(path.as_ref(), passphrase, &mut key) {
                Err(e) if e.code() == "busy" && started.elapsed() < BUSY_TIMEOUT => {
                    std::thread::sleep(Duration::from_millis(25));
                }
                done => return done,
            }
        }
    }

    fn open_once(
        path: &Path,
        passphrase: Option<&Passphrase>,
        key: &mut Option<Key>,
    ) -> Result<Self> {
        let path = path.to_path_buf();
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
            match OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&path)
            {
                // Another process created it a moment ago: open theirs.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                other => {
                    other.map_err(io)?;
                }
            }
        }

        // The whole file is checked unless it was closed cleanly and left
        // as it was, or another open store holds it now (and checked it, or
        // found it so, when it opened): see `closed`. The check's cost
        // grows with the journal.
        let full_check = !closed::closed_cleanly(&path) && !FileLock::held_elsewhere(&path);
        // Held until the store is dropped: nothing replaces the file meanwhile.
        let lock = FileLock::shared(&path)?;
        match cipher::sniff(&path)? {
            Kind::Encrypted(salt) => {
                // The key is made once per open, even when it is retried.
                if key.as_ref().is_none_or(|k| k.salt() != salt) {
                    let Some(passphrase) = passphrase else {
                        return Err(Error::PassphraseNeeded { path });
                    };
                    *key = Some(Key::derive(passphrase, salt)?);
                }
            }
            _ => *key = None,
        }

        // Decide on a read-only connection: whatever it finds, it cannot
        // change the file, nor fold a leftover `-wal` into one it refuses.
        // Side files it had to create are removed again when it refuses.
        let side = ["-wal", "-shm"].map(|s| side_file(&path, s));
        let had = side.clone().map(|p| p.exists());
        let decided = probe(&path, key.as_ref(), full_check);
        let (found, marked) = match decided {
            Ok(found) => found,
            Err(e) => {
                // Only for a file we refuse, and only side files the look
                // itself made: a busy moment (passed on as busy, and tried
                // again) must never remove another process's live log.
                let refused = matches!(
                    e,
                    Error::Damaged { .. }
                        | Error::Foreign { .. }
                        | Error::NewerSchema { .. }
                        | Error::WrongPassphrase { .. }
                );
                for (p, had) in side.iter().zip(had) {
                    if refused && !had {
                        let _ = fs::remove_file(p);
                    }
                }
                // A mark that did not name the file as it is (so it was
                // checked whole, and refused) goes too.
                if refused && full_check {
                    closed::forget(&path);
                }
                return Err(e);
            }
        };
        closed::forget(&path);
        let conn = Connection::open(&path)?;
        if let Some(key) = key.as_ref() {
            key.apply(&conn)?;
        }
        conn.busy_timeout(BUSY_TIMEOUT)?;
        if existed {
            // Only now, with the file known to be ours and sound, tighten it.
            let mode = fs::metadata(&path).map_err(io)?.permissions().mode();
            if mode & 0o077 != 0 {
                fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).map_err(io)?;
            }
        }
        let mut store = Store {
            conn,
            _close_mark: Some(CloseMark(path.clone())),
            checked_at_open: full_check,
            path: Some(path),
            key: key.take(),
            _lock: Some(lock),
        };
        // The copy is taken before anything (even the journal mode or the
        // mark in the header) changes.
        if found > 0 && (found < SCHEMA_VERSION || !marked) {
            store.backup_before_migration(found)?;
        }
        store.configure()?;
        migrate::to_latest(&mut store.conn)?;
        Ok(store)
    }

    /// A private, throwaway journal in memory.
    pub fn open_in_memory() -> Result<Self> {
        let mut conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrate::to_latest(&mut conn)?;
        Ok(Store {
            conn,
            _close_mark: None,
            checked_at_open: false,
            path: None,
            key: None,
            _lock: None,
        })
    }

    fn configure(&self) -> Result<()> {
        // WAL lets the CLI read while the app writes. In WAL mode NORMAL keeps
        // every committed save through a crash or a killed process (only a
        // power cut can lose the last moments), without a sync per keystroke
        // pause; the database itself is never corrupted either way.
        let mode: String = self
            .conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            // Checked in every build: without WAL the CLI could not read while
            // the app writes, and a save could wait on a reader.
            return Err(Error::NoWal {
                path: self.path.clone().unwrap_or_default(),
                mode,
            });
        }
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        // Checkpoints run when the app is idle (`Store::checkpoint`) and when
        // the last connection closes, not in the middle of a save.
        self.conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(())
    }
}

/// Open read-only and decide: the schema version found and whether the file
/// already carries our mark, or why it is refused.
fn probe(path: &Path, key: Option<&Key>, full_check: bool) -> Result<(i64, bool)> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    if let Some(key) = key {
        key.apply(&conn)?;
    }
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let found = if full_check {
        check_readable(&conn, path, key.is_some())?
    } else {
        read_version(&conn, path, key.is_some())?
    };
    if found > SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            path: path.to_path_buf(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    let marked = check_ours(&conn, path, found)?;
    Ok((found, marked))
}

/// How a failed read of the file is reported: busy or locked is another
/// process at work, not damage (passed on as it is, so the open is tried
/// again); with a key, a first page that does not decrypt is a wrong
/// passphrase; anything else is damage.
fn read_error(path: &Path, keyed: bool) -> impl Fn(rusqlite::Error) -> Error + '_ {
    move |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            Error::Database(e)
        }
        // With a key, a first page that does not decrypt (and pass its
        // check) is a wrong passphrase, or a file damaged at its start.
        Some(rusqlite::ErrorCode::NotADatabase) if keyed => Error::WrongPassphrase {
            path: path.to_path_buf(),
        },
        _ => Error::Damaged {
            path: path.to_path_buf(),
            detail: e.to_string(),
        },
    }
}

/// Read the schema version (the header, and with a key the first page
/// decrypted and its check passed), writing nothing.
fn read_version(conn: &Connection, path: &Path, keyed: bool) -> Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(read_error(path, keyed))
}

/// Read the schema version and run SQLite's quick check, writing nothing.
pub(super) fn check_readable(conn: &Connection, path: &Path, keyed: bool) -> Result<i64> {
    let damaged = |detail: String| Error::Damaged {
        path: path.to_path_buf(),
        detail,
    };
    let version = read_version(conn, path, keyed)?;
    let mut problems = Vec::new();
    conn.pragma_query(None, "quick_check", |r| {
        problems.push(r.get::<_, String>(0)?);
        Ok(())
    })
    .map_err(read_error(path, keyed))?;
    if problems.len() != 1 || problems[0] != "ok" {
        let mut detail = problems.into_iter().take(3).collect::<Vec<_>>().join("; ");
        detail.truncate(300);
        return Err(damaged(detail));
    }
    Ok(version)
}

/// Is this file ours? Marked with our id; or unmarked but empty (a new
/// file) or holding our schema (written before files were marked). Any
/// other SQLite file is another program's, and is refused untouched.
/// Returns whether the mark is already there.
fn check_ours(conn: &Connection, path: &Path, version: i64) -> Result<bool> {
    let id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    if id == APPLICATION_ID {
        return Ok(true);
    }
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    let has_pages: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'page'",
        [],
        |r| r.get(0),
    )?;
    let ours = id == 0 && (tables == 0 || (version > 0 && has_pages));
    if ours {
        Ok(false)
    } else {
        Err(Error::Foreign {
            path: path.to_path_buf(),
        })
    }
}
