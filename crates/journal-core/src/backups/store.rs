//! Backup files: made, listed, verified and put back. Each is a whole copy of
//! the journal, encrypted exactly like it, named by the moment it was made
//! (`journal-20270314T093000Z.db`), mode 0600, in a 0700 folder.

use super::rules::keep;
use crate::db::{open_copy, Passphrase, Store};
use crate::error::{Error, Result};
use chrono::{DateTime, FixedOffset, NaiveDateTime, SecondsFormat, Utc};
use rusqlite::Connection;
use serde::Serialize;
use std::fs;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The folder beside the journal that backups go to unless told otherwise.
pub const BACKUP_DIR: &str = "backups";
const PREFIX: &str = "journal-";
const SUFFIX: &str = ".db";
const STAMP: &str = "%Y%m%dT%H%M%SZ";

/// One backup, as `backup list` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupInfo {
    pub path: String,
    /// When it was made (RFC 3339, UTC).
    pub created_at: String,
    /// The days with something written that it holds.
    #[ts(type = "number")]
    pub pages: i64,
    /// It opened with the journal's key and passed every check.
    pub verified: bool,
}

/// What Settings shows about backups: the backups beside the journal
/// (newest first, each checked) and why the last automatic one failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupStatus {
    pub backups: Vec<BackupInfo>,
    pub last_error: Option<String>,
}

/// The file name for a backup made at `now`.
pub fn backup_stamp(now: DateTime<Utc>) -> String {
    format!("{PREFIX}{}{SUFFIX}", now.format(STAMP))
}

fn moment_of(path: &Path) -> Option<DateTime<Utc>> {
    stamp_of(path).map(|(t, _)| t)
}

/// The moment in a backup's name, and its number within that second (a
/// second backup in the same second is named "-2", a third "-3"...).
fn stamp_of(path: &Path) -> Option<(DateTime<Utc>, u32)> {
    let name = path.file_name()?.to_str()?;
    let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let (stamp, n) = match stamp.split_once('-') {
        Some((s, n)) => (s, n.parse().ok()?),
        None => (stamp, 1),
    };
    let t = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
    Some((t, n))
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn pages_in(conn: &Connection) -> Result<i64> {
    Ok(
        conn.query_row("SELECT count(*) FROM page WHERE written = 1", [], |r| {
            r.get(0)
        })?,
    )
}

fn info(path: &Path, pages: i64, verified: bool) -> BackupInfo {
    BackupInfo {
        path: path.display().to_string(),
        created_at: moment_of(path)
            .map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true))
            .unwrap_or_default(),
        pages,
        verified,
    }
}

/// Our backup files in `dir`, newest first.
fn backup_files(dir: &Path) -> Result<Vec<(PathBuf, DateTime<Utc>)>> {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(io(dir)(source)),
    };
    let mut found: Vec<(PathBuf, (DateTime<Utc>, u32))> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter_map(|p| stamp_of(&p).map(|t| (p, t)))
        .collect();
    found.sort_by_key(|f| std::cmp::Reverse(f.1));
    Ok(found.into_iter().map(|(p, (t, _))| (p, t)).collect())
}

/// `backups/` beside the journal at `journal`.
pub(crate) fn default_dir_of(journal: &Path) -> PathBuf {
    match journal.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(d) => d.join(BACKUP_DIR),
        None => PathBuf::from(BACKUP_DIR),
    }
}

/// The backup files in `dir` (none when it is not there).
pub(crate) fn backup_files_in(dir: &Path) -> Result<Vec<PathBuf>> {
    Ok(backup_files(dir)?.into_iter().map(|(p, _)| p).collect())
}

impl Store {
    /// `backups/` beside the journal (`None` in memory).
    pub fn default_backup_dir(&self) -> Option<PathBuf> {
        self.path().map(default_dir_of)
    }

    /// Where this journal's backups go: the `backup.dir` setting's folder,
    /// which must be there (a drive that is not connected is said so,
    /// never quietly replaced by another place), or `backups/` beside it.
    pub fn backup_place(&self) -> Result<PathBuf> {
        match self.settings()?.backup_dir {
            Some(dir) if dir.is_dir() => Ok(dir),
            Some(dir) => Err(Error::BackupPlaceMissing { path: dir }),
            None => self
                .default_backup_dir()
                .ok_or_else(|| Error::invalid("An in-memory journal has no backups.")),
        }
    }

    /// Make a verified backup in `dir`, then thin the folder out (the last
    /// 7 days, 4 weeks and 12 months; `offset` places each backup on its
    /// local day). A backup that fails its check is never kept, and then
    /// nothing is removed.
    pub fn create_backup(
        &self,
        dir: &Path,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) -> Result<BackupInfo> {
        let made = self.backup_into(dir, now)?;
        self.thin_backups(dir, &made.0, offset)?;
        Ok(made.1)
    }

    /// A verified backup in `dir` that does not thin the folder out yet: the
    /// caller keeps it with [`Store::thin_backups`], or removes it when what
    /// it was made before did not happen (an import that failed part way).
    pub(crate) fn backup_unthinned(&self, dir: &Path, now: DateTime<Utc>) -> Result<PathBuf> {
        Ok(self.backup_into(dir, now)?.0)
    }

    /// Thins `dir` out around `made`, its newest backup (see
    /// [`Store::create_backup`]).
    pub(crate) fn thin_backups(&self, dir: &Path, made: &Path, offset: FixedOffset) -> Result<()> {
        let files = backup_files(dir)?;
        let moments: Vec<NaiveDateTime> = files
            .iter()
            .map(|(_, t)| t.with_timezone(&offset).naive_local())
            .collect();
        let newest = files.iter().position(|(p, _)| p == made);
        for ((path, _), kept) in files.iter().zip(keep(&moments, newest)) {
            if !kept {
                fs::remove_file(path).map_err(io(path))?;
            }
        }
        Ok(())
    }

    /// Write and verify one backup; no thinning out.
    fn backup_into(&self, dir: &Path, now: DateTime<Utc>) -> Result<(PathBuf, BackupInfo)> {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(io(dir))?;
        let mut target = dir.join(backup_stamp(now));
        let mut n = 2;
        while target.exists() {
            let stem = backup_stamp(now);
            let stem = stem.trim_end_matches(SUFFIX);
            target = dir.join(format!("{stem}-{n}{SUFFIX}"));
            n += 1;
        }
        let partial = dir.join(format!(
            ".{}.partial",
            target
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("backup")
        ));
        let _ = fs::remove_file(&partial);
        self.copy_verified_to(&partial).map_err(|e| {
            Error::invalid(format!(
                "The backup could not be made and checked ({}); nothing was kept, and no \
                 earlier backup was removed.",
                e.user_message()
            ))
        })?;
        fs::rename(&partial, &target).map_err(io(&target))?;
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        let pages = pages_in(&self.conn)?;
        Ok((target.clone(), info(&target, pages, true)))
    }

    /// When the newest backup in `dir` was made (read from the names alone).
    pub fn newest_backup_at(&self, dir: &Path) -> Result<Option<DateTime<Utc>>> {
        Ok(backup_files(dir)?.first().map(|(_, t)| *t))
    }

    /// The backups in `dir`, newest first, each checked with this journal's
    /// key (one made under an earlier passphrase shows as not verified).
    pub fn list_backups(&self, dir: &Path) -> Result<Vec<BackupInfo>> {
        backup_files(dir)?
            .into_iter()
            .map(|(path, _)| {
                Ok(match self.open_own_copy(&path) {
                    Ok(Some(conn)) => info(&path, pages_in(&conn).unwrap_or(0), true),
                    _ => info(&path, 0, false),
                })
            })
            .collect()
    }
}

/// Check a backup file: it opens (with `passphrase` when it is encrypted)
/// and passes SQLite's and SQLCipher's checks.
pub fn verify_backup(path: &Path, passphrase: Option<&Passphrase>) -> Result<BackupInfo> {
    let conn = open_copy(path, passphrase)?;
    Ok(info(path, pages_in(&conn)?, true))
}

/// Put a backup in place of the journal at `journal`. The backup is checked
/// first, and the journal as it is now is backed up (into `backups/` beside
/// it) before anything is replaced. `passphrase` opens whichever of the two
/// is encrypted. Returns the backup taken of the journal as it was.
pub fn restore_backup(
    journal: &Path,
    backup: &Path,
    passphrase: Option<&Passphrase>,
    now: DateTime<Utc>,
) -> Result<BackupInfo> {
    verify_backup(backup, passphrase)?;
    let bytes = fs::read(backup).map_err(io(backup))?;
    let store = Store::open_with(journal, passphrase)?;
    // Putting back a plain backup over an encrypted journal (or one made
    // under another passphrase) would change how the journal opens without
    // a word: refused.
    if !store.same_form(backup)? {
        return Err(Error::invalid(
            "This backup is not in the journal's present form (plain, or encrypted with its \
             present passphrase), so it was not put back. Nothing was changed.",
        ));
    }
    let dir = store.backup_place()?;
    let (_, before) = store.backup_into(&dir, now)?;
    drop(store);
    crate::db::replace_journal(journal, &bytes)?;
    Ok(before)
}
