//! The journal file: the [`Store`] that every domain keeps its rows in,
//! opening it safely (`open`), migrating it (`migrate`) and copying it aside
//! before any change (`backup`).

mod backup;
mod cipher;
mod closed;
mod convert;
mod copy;
mod lock;
mod migrate;
mod open;

pub use cipher::{is_encrypted, KdfCost, Passphrase, SealKey};

/// The purpose the recovery file's key is made for (see `Key::sub_key`).
pub(crate) const RECOVERY_PURPOSE: &str = "breathing-room recovery file v1";

pub(crate) use convert::replace_journal;
pub use convert::{decrypt_journal, encrypt_journal, rekey_journal};
pub(crate) use copy::open_copy;

pub use migrate::SCHEMA_VERSION;
pub use open::{APPLICATION_ID, BUSY_TIMEOUT};

use crate::error::Result;
use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::Connection;
use serde::Serialize;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// Whether the journal is encrypted, and whether it is locked (encrypted and
/// not open: its passphrase is needed before anything can be read).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct LockState {
    pub encrypted: bool,
    pub locked: bool,
}

/// The journal on disk (or in memory, for tests).
pub struct Store {
    pub(crate) conn: Connection,
    /// Marks a clean close once `conn` has closed (it drops after it).
    _close_mark: Option<closed::CloseMark>,
    /// Whether this open ran the whole-file check (see `closed`).
    checked_at_open: bool,
    path: Option<PathBuf>,
    /// The key of an encrypted journal (wiped when the store is dropped).
    key: Option<cipher::Key>,
    /// Our shared hold on the file (see `lock`).
    _lock: Option<lock::FileLock>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Whether this open checked the whole file: the first open after an
    /// unclean close, or of a file changed since it was closed.
    pub fn checked_at_open(&self) -> bool {
        self.checked_at_open
    }

    /// Copy what the write-ahead log holds into the main file, without
    /// waiting on readers (call it when idle; a busy journal is skipped).
    pub fn checkpoint(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Where the journal lives (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether the journal is encrypted on disk.
    pub fn is_encrypted(&self) -> bool {
        self.key.is_some()
    }

    /// What seals this journal's recovery file (`None` for a plain journal:
    /// its recovery file is plain too).
    pub fn recovery_key(&self) -> Option<SealKey> {
        self.key.as_ref().map(|k| k.sub_key(RECOVERY_PURPOSE))
    }

    /// Whether `passphrase` is the one this open, encrypted journal was
    /// opened with (takes as long as an unlock). False for a plain journal.
    pub fn opens_with(&self, passphrase: &Passphrase) -> Result<bool> {
        match &self.key {
            Some(key) => Ok(cipher::Key::derive(passphrase, key.salt())?.same_as(key)),
            None => Ok(false),
        }
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }
}

/// The journal's ordinary tables (no SQLite internals), in name order.
pub(crate) fn table_names(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut names: Vec<String> = conn
        .prepare(
            "SELECT name FROM pragma_table_list
             WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    names.sort();
    Ok(names)
}

pub(crate) fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}
