//! A copy of the journal taken before its format changes.

use super::cipher::Key;
use super::{Store, SCHEMA_VERSION};
use crate::error::{Error, Result};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags};
use std::fs::{self, OpenOptions};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

impl Store {
    /// `found` is the version the file is at now.
    pub(super) fn backup_before_migration(&self, found: i64) -> Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        // An open that failed after its copy (and is tried again) left the
        // journal as it was: that copy still holds all of it.
        if still_current(&self.conn, path, found, self.key.as_ref()) {
            return Ok(());
        }
        // Another process may be taking its copy at the same moment: the
        // name is claimed by creating it, and a taken name means the next.
        let mut bak = backup_path(path, SCHEMA_VERSION);
        loop {
            match OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&bak)
            {
                Ok(_) => break,
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    bak = backup_path(path, SCHEMA_VERSION);
                }
                Err(source) => return Err(Error::Io { path: bak, source }),
            }
        }
        self.write_copy(&bak, found)
    }
}

/// Whether the newest copy taken for this update is a sound journal at
/// `found` holding exactly what the journal holds now.
fn still_current(conn: &Connection, path: &Path, found: i64, key: Option<&Key>) -> bool {
    let changed = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
    let Some((_, newest)) = copies(path)
        .into_iter()
        .filter_map(|p| changed(&p).map(|t| (t, p)))
        .max()
    else {
        return false;
    };
    let Ok(copy) = Connection::open_with_flags(&newest, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return false;
    };
    if let Some(key) = key {
        if key.apply(&copy).is_err() {
            return false;
        }
    }
    let sound = copy
        .query_row("PRAGMA quick_check", [], |r| r.get::<_, String>(0))
        .is_ok_and(|s| s == "ok");
    let version = copy.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0));
    sound
        && version.is_ok_and(|v| v == found)
        && matches!((fingerprint(&copy), fingerprint(conn)), (Ok(a), Ok(b)) if a == b)
}

/// A digest of every row of every ordinary table, in any order: two files
/// with the same rows have the same digest, whatever their pages look like.
fn fingerprint(conn: &Connection) -> rusqlite::Result<u64> {
    let tables = super::table_names(conn)?;
    let mut digest: u64 = 0xcbf2_9ce4_8422_2325;
    for table in tables {
        let mut rows = 0u64;
        let mut sum = 0u64;
        let mut stmt =
            conn.prepare(&format!("SELECT * FROM \"{}\"", table.replace('"', "\"\"")))?;
        let columns = stmt.column_count();
        let mut q = stmt.query([])?;
        while let Some(row) = q.next()? {
            let mut h = Fnv::new();
            for i in 0..columns {
                match row.get_ref(i)? {
                    ValueRef::Null => h.add(&[0]),
                    ValueRef::Integer(n) => {
                        h.add(&[1]);
                        h.add(&n.to_le_bytes())
                    }
                    ValueRef::Real(x) => {
                        h.add(&[2]);
                        h.add(&x.to_le_bytes())
                    }
                    ValueRef::Text(t) => {
                        h.add(&[3]);
                        h.add(&(t.len() as u64).to_le_bytes());
                        h.add(t)
                    }
                    ValueRef::Blob(b) => {
                        h.add(&[4]);
                        h.add(&(b.len() as u64).to_le_bytes());
                        h.add(b)
                    }
                }
            }
            rows += 1;
            sum = sum.wrapping_add(h.0);
        }
        let mut h = Fnv(digest);
        h.add(table.as_bytes());
        h.add(&rows.to_le_bytes());
        h.add(&sum.to_le_bytes());
        digest = h.0;
    }
    Ok(digest)
}

struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn add(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The copies taken before updating to this version, oldest name first.
fn copies(path: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut candidate = backup_path_at(path, SCHEMA_VERSION, 1);
    let mut n = 1;
    while candidate.exists() {
        found.push(candidate);
        n += 1;
        candidate = backup_path_at(path, SCHEMA_VERSION, n);
    }
    found
}

fn backup_path_at(path: &Path, version: i64, n: u32) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "journal".into());
    if n == 1 {
        path.with_file_name(format!("{name}.before-v{version}.bak"))
    } else {
        path.with_file_name(format!("{name}.before-v{version}.{n}.bak"))
    }
}

/// `<name>.before-v<N>.bak`, or a numbered variant if that one exists.
fn backup_path(path: &Path, version: i64) -> PathBuf {
    let mut n = 1;
    let mut candidate = backup_path_at(path, version, n);
    while candidate.exists() {
        n += 1;
        candidate = backup_path_at(path, version, n);
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn the_copy_taken_before_an_encrypted_journal_is_updated_is_encrypted_too() {
        use crate::{encrypt_journal, is_encrypted, Clock, FixedClock, KdfCost, Passphrase, Store};
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("journal.db");
        {
            let mut store = Store::open(&db).unwrap();
            let day = chrono::NaiveDate::from_ymd_opt(2027, 3, 12).unwrap();
            let clock = FixedClock::at_utc("2027-03-12T20:00:00Z");
            store
                .save_page(
                    day,
                    "Marigold light on the harbour.",
                    None,
                    &clock as &dyn Clock,
                )
                .unwrap();
        }
        let pass = Passphrase::new("sea glass").unwrap();
        encrypt_journal(&db, &pass, KdfCost::FOR_TESTS).unwrap();
        // As an older version of the app left it: the last update not yet made.
        let latest = crate::db::SCHEMA_VERSION;
        {
            let store = Store::open_with(&db, Some(&pass)).unwrap();
            store
                .conn
                .execute_batch(&format!(
                    "DROP INDEX page_list; ALTER TABLE page DROP COLUMN first_line;
                     PRAGMA user_version = {};",
                    latest - 1
                ))
                .unwrap();
        }
        let store = Store::open_with(&db, Some(&pass)).unwrap();
        drop(store);
        let copy = dir.path().join(format!("journal.db.before-v{latest}.bak"));
        assert!(copy.exists(), "a copy was taken before the update");
        assert!(is_encrypted(&copy).unwrap(), "encrypted like the journal");
        let raw = fs::read(&copy).unwrap();
        assert!(
            !raw.windows(8).any(|w| w == b"Marigold"),
            "no words in the clear"
        );
        let opened = Store::open_with(&copy, Some(&pass)).unwrap();
        assert_eq!(
            opened
                .page(chrono::NaiveDate::from_ymd_opt(2027, 3, 12).unwrap())
                .unwrap()
                .body,
            "Marigold light on the harbour."
        );
    }
}
