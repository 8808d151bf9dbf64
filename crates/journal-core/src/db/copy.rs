//! A whole, verified copy of the journal in another file: written under the
//! name given, then checked (it opens with the journal's key, SQLite's and
//! SQLCipher's checks are clean, every table holds the journal's rows). What
//! backups are made of.

use super::cipher::{self, Key, Kind, Passphrase};
use super::convert::{export, row_counts};
use super::open::check_readable;
use super::Store;
use crate::error::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::fs;
use std::path::Path;

impl Store {
    /// Write everything the journal holds into `target` (new, or empty: a
    /// name just claimed), encrypted exactly like the journal (SQLCipher's
    /// export; VACUUM INTO is not safe with a key), plain otherwise.
    pub(super) fn write_copy(&self, target: &Path, version: i64) -> Result<()> {
        match &self.key {
            Some(key) => export(&self.conn, target, Some(key), version),
            None => {
                super::convert::create_private(target)?;
                let name = target.to_string_lossy().into_owned();
                self.conn.execute("VACUUM INTO ?1", [name])?;
                Ok(())
            }
        }
    }

    /// Write the journal, whole, to `target` (a new file, 0600), encrypted
    /// exactly like the journal, and verify it. On any failure the file is
    /// removed and the reason returned.
    pub(crate) fn copy_verified_to(&self, target: &Path) -> Result<()> {
        let version = self.schema_version()?;
        let written = (|| {
            self.write_copy(target, version)?;
            let copy = open_checked(target, self.key.as_ref())?;
            if row_counts(&copy)? != row_counts(&self.conn)? {
                return Err(Error::invalid(
                    "the copy does not hold the same rows as the journal",
                ));
            }
            fs::File::open(target)
                .and_then(|f| f.sync_all())
                .map_err(|source| Error::Io {
                    path: target.to_path_buf(),
                    source,
                })
        })();
        if written.is_err() {
            let _ = fs::remove_file(target);
        }
        written
    }

    /// Whether the file at `path` is in this journal's form: plain like it,
    /// or encrypted with its very key.
    pub(crate) fn same_form(&self, path: &Path) -> Result<bool> {
        Ok(match (cipher::sniff(path)?, &self.key) {
            (Kind::Plain, None) => true,
            (Kind::Encrypted(salt), Some(key)) => salt == key.salt(),
            _ => false,
        })
    }

    /// Open another file of ours that was encrypted with this journal's key
    /// (a backup made from it), checked; `None` when it was made with
    /// another key (an earlier passphrase) or is not ours.
    pub(crate) fn open_own_copy(&self, path: &Path) -> Result<Option<Connection>> {
        let fits = match (cipher::sniff(path)?, &self.key) {
            (Kind::Plain, None) => true,
            (Kind::Encrypted(salt), Some(key)) => salt == key.salt(),
            _ => false,
        };
        if !fits {
            return Ok(None);
        }
        open_checked(path, self.key.as_ref()).map(Some)
    }
}

/// Open a copy at `path` with `passphrase` (needed when it is encrypted),
/// checked as [`Store::copy_verified_to`] checks.
pub(crate) fn open_copy(path: &Path, passphrase: Option<&Passphrase>) -> Result<Connection> {
    match cipher::sniff(path)? {
        Kind::Encrypted(salt) => {
            let Some(passphrase) = passphrase else {
                return Err(Error::PassphraseNeeded {
                    path: path.to_path_buf(),
                });
            };
            open_checked(path, Some(&Key::derive(passphrase, salt)?))
        }
        Kind::Plain => open_checked(path, None),
        Kind::New | Kind::Unknown => Err(Error::Damaged {
            path: path.to_path_buf(),
            detail: "it is empty or not a journal file".into(),
        }),
    }
}

/// Open a file of ours read-only with `key` and check it whole: SQLite's
/// checks, and SQLCipher's page checks when it is encrypted.
pub(super) fn open_checked(path: &Path, key: Option<&Key>) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    if let Some(key) = key {
        key.apply(&conn)?;
    }
    check_readable(&conn, path, key.is_some())?;
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if ok != "ok" {
        return Err(Error::Damaged {
            path: path.to_path_buf(),
            detail: ok,
        });
    }
    if key.is_some() {
        let mut problems = Vec::new();
        conn.pragma_query(None, "cipher_integrity_check", |r| {
            problems.push(r.get::<_, String>(0)?);
            Ok(())
        })?;
        if !problems.is_empty() {
            return Err(Error::Damaged {
                path: path.to_path_buf(),
                detail: problems.join("; "),
            });
        }
    }
    Ok(conn)
}
