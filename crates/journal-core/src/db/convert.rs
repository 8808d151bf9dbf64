//! Turning encryption on, off, or to a new passphrase. Every file the
//! journal keeps beside it (the journal, its `before-vN` copies and the
//! backups in `backups/`) is
//! written again in its new form under a temporary name, verified (it opens
//! with the new key, SQLite's and SQLCipher's checks are clean, every table
//! holds as many rows as before), and only then renamed over the old one.
//! Until that moment the old files are untouched: a failure at any step
//! leaves everything as it was.

use super::cipher::{self, KdfCost, Key, Kind, Passphrase, Salt};
use super::lock::FileLock;
use super::open::check_readable;
use super::{Store, APPLICATION_ID};
use crate::error::{Error, Result};
use rusqlite::Connection;
use std::fs::{self, File, OpenOptions};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// Encrypt a plain journal (creating an empty one if there is none yet).
pub fn encrypt_journal(path: impl AsRef<Path>, new: &Passphrase, cost: KdfCost) -> Result<()> {
    let path = path.as_ref();
    let to = Key::derive(new, Salt::fresh(cost)?)?;
    convert(path, None, Some(&to))
}

/// Give an encrypted journal a new passphrase: afterwards the old one opens
/// neither the journal nor the copies beside it.
pub fn rekey_journal(
    path: impl AsRef<Path>,
    old: &Passphrase,
    new: &Passphrase,
    cost: KdfCost,
) -> Result<()> {
    let path = path.as_ref();
    let to = Key::derive(new, Salt::fresh(cost)?)?;
    convert(path, Some(old), Some(&to))
}

/// Turn an encrypted journal back into a plain one.
pub fn decrypt_journal(path: impl AsRef<Path>, old: &Passphrase) -> Result<()> {
    convert(path.as_ref(), Some(old), None)
}

fn convert(path: &Path, old: Option<&Passphrase>, to: Option<&Key>) -> Result<()> {
    // Open it the usual way first: a damaged, foreign or newer file is
    // refused untouched, a wrong passphrase too, and an older one is brought
    // up to date (with its copy) before anything else happens.
    if old.is_none() && cipher::is_encrypted(path)? {
        return Err(Error::invalid(
            "This journal is already encrypted. To change its passphrase, use rekey.",
        ));
    }
    let mut store = Store::open_with(path, old)?;
    let from = store.key.take();
    if old.is_some() && from.is_none() {
        return Err(Error::invalid(
            "This journal is not encrypted, so there is no passphrase to change or remove.",
        ));
    }
    let salt_before = from.as_ref().map(Key::salt);
    // Backups elsewhere (`backup.dir`) are converted too, so that place must
    // be there: a drive that is not connected is said so before anything
    // changes, rather than leaving its backups in their old form.
    let place = store.backup_place()?;
    drop(store);

    // Alone with the file from here on, and sure it is the one checked.
    let _lock = FileLock::exclusive(path)?;
    let unchanged = match (cipher::sniff(path)?, salt_before) {
        (Kind::Plain | Kind::New, None) => true,
        (Kind::Encrypted(now), Some(before)) => now == before,
        _ => false,
    };
    if !unchanged {
        return Err(Error::invalid(
            "The journal changed while this was starting; nothing was changed. Try again.",
        ));
    }

    // Words a close could not save, read now in their present form (a file
    // that cannot be read stops everything before anything changes), and
    // written in the new form once the journal is converted.
    let recovery = crate::pages::Recovery::beside(path);
    let recovery_now =
        recovery.sealed_with(from.as_ref().map(|k| k.sub_key(super::RECOVERY_PURPOSE)));
    recovery_now.read()?;

    // The copies first and the journal last: if anything stops on the way,
    // the journal itself is still as it was and opens as before.
    let mut files: Vec<PathBuf> = copies_beside(path)?;
    let beside = crate::backups::default_dir_of(path);
    files.extend(crate::backups::backup_files_in(&beside)?);
    if place != beside {
        files.extend(crate::backups::backup_files_in(&place)?);
    }
    // An empty copy (a name claimed by a copy that then failed) holds no
    // words: there is nothing to convert.
    files.retain(|f| fs::metadata(f).is_ok_and(|m| m.len() > 0));
    files.push(path.to_path_buf());
    let mut done: Vec<(PathBuf, PathBuf)> = Vec::new();
    let finished = (|| -> Result<()> {
        for file in &files {
            let tmp = convert_one(file, from.as_ref(), to)?;
            done.push((file.clone(), tmp));
        }
        // The journal's log must be empty (our connection, the last, folded
        // it in when it closed): a log left beside the new file would be
        // read as part of it.
        // The mark of the last clean close names the file being replaced.
        super::closed::forget(path);
        for side in ["-wal", "-shm"] {
            let p = side_file(path, side);
            match fs::metadata(&p) {
                Ok(m) if side == "-wal" && m.len() > 0 => {
                    return Err(Error::InUse { path: path.into() })
                }
                Ok(_) => fs::remove_file(&p).map_err(|source| Error::Io {
                    path: p.clone(),
                    source,
                })?,
                Err(_) => {}
            }
        }
        while let Some((file, tmp)) = done.first().cloned() {
            fs::rename(&tmp, &file).map_err(|source| Error::Io {
                path: file.clone(),
                source,
            })?;
            done.remove(0);
        }
        Ok(())
    })();
    // Whatever was not put in place is removed: no half-made file stays.
    for (_, tmp) in &done {
        let _ = fs::remove_file(tmp);
    }
    finished?;
    recovery
        .sealed_with(to.map(|k| k.sub_key(super::RECOVERY_PURPOSE)))
        .convert_from(&recovery_now)?;
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
    Ok(())
}

/// Write `file` again with the new key under a temporary name, verified.
fn convert_one(file: &Path, from: Option<&Key>, to: Option<&Key>) -> Result<PathBuf> {
    let kind = cipher::sniff(file)?;
    let fits = match (&kind, from) {
        (Kind::Plain, None) => true,
        (Kind::Encrypted(salt), Some(key)) => *salt == key.salt(),
        _ => false,
    };
    if !fits {
        return Err(Error::invalid(format!(
            "{} is not in the same form as the journal (plain or encrypted with the same \
             passphrase), so it was not converted. Nothing was changed; move that copy \
             elsewhere and try again.",
            file.display()
        )));
    }
    let src = Connection::open(file)?;
    if let Some(key) = from {
        key.apply(&src)?;
    }
    let version = check_readable(&src, file, from.is_some())?;
    let tmp = side_file(file, ".converting");
    let _ = fs::remove_file(&tmp); // a half-written one from an earlier failure
    let result = export(&src, &tmp, to, version).and_then(|()| {
        verify(&src, &tmp, to)?;
        File::open(&tmp)
            .and_then(|f| f.sync_all())
            .map_err(|source| Error::Io {
                path: tmp.clone(),
                source,
            })
    });
    match result {
        Ok(()) => Ok(tmp),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// `target`, new and empty (or emptied), readable by its owner only: what
/// a copy is written into.
pub(super) fn create_private(target: &Path) -> Result<()> {
    OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(target)
        .map_err(|source| Error::Io {
            path: target.to_path_buf(),
            source,
        })?;
    Ok(())
}

/// Copy everything `conn` holds into a new file at `target`, encrypted with
/// `key` or plain (SQLCipher's export: schema, rows, the search index).
/// `target` is new or empty (a name claimed a moment ago).
pub(super) fn export(
    conn: &Connection,
    target: &Path,
    key: Option<&Key>,
    version: i64,
) -> Result<()> {
    create_private(target)?;
    let literal = key.map(Key::literal);
    let name = target.to_string_lossy().into_owned();
    conn.execute(
        "ATTACH DATABASE ?1 AS target KEY ?2",
        rusqlite::params![name, literal.as_deref().map_or("", |s| s.as_str())],
    )?;
    let copied = (|| -> rusqlite::Result<()> {
        conn.query_row("SELECT sqlcipher_export('target')", [], |_| Ok(()))?;
        conn.execute_batch(&format!(
            "PRAGMA target.user_version = {version};
             PRAGMA target.application_id = {APPLICATION_ID};"
        ))
    })();
    let detached = conn.execute("DETACH DATABASE target", []);
    copied?;
    detached?;
    Ok(())
}

/// The new file opens with its key, passes both checks and holds the rows.
fn verify(src: &Connection, tmp: &Path, key: Option<&Key>) -> Result<()> {
    let fail = |detail: String| {
        Error::invalid(format!(
            "The converted copy of {} did not check out ({detail}); nothing was changed.",
            tmp.display()
        ))
    };
    let copy = super::copy::open_checked(tmp, key).map_err(|e| fail(e.to_string()))?;
    for pragma in ["user_version", "application_id"] {
        let a: i64 = src.pragma_query_value(None, pragma, |r| r.get(0))?;
        let b: i64 = copy.pragma_query_value(None, pragma, |r| r.get(0))?;
        if a != b {
            return Err(fail(format!("{pragma} {b} instead of {a}")));
        }
    }
    if row_counts(src)? != row_counts(&copy)? {
        return Err(fail("the tables do not hold the same rows".into()));
    }
    Ok(())
}

/// Every ordinary table's name and row count, in name order.
pub(super) fn row_counts(conn: &Connection) -> rusqlite::Result<Vec<(String, i64)>> {
    super::table_names(conn)?
        .into_iter()
        .map(|n| {
            let sql = format!("SELECT count(*) FROM \"{}\"", n.replace('"', "\"\""));
            let count = conn.query_row(&sql, [], |r| r.get(0))?;
            Ok((n, count))
        })
        .collect()
}

/// The `before-vN` copies kept beside the journal.
fn copies_beside(path: &Path) -> Result<Vec<PathBuf>> {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Ok(Vec::new());
    };
    let dir = match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(d) => d.to_path_buf(),
        None => PathBuf::from("."),
    };
    let prefix = format!("{name}.before-v");
    let mut found: Vec<PathBuf> = fs::read_dir(&dir)
        .map_err(|source| Error::Io {
            path: dir.clone(),
            source,
        })?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .map(|n| n.to_string_lossy())
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".bak"))
        })
        .collect();
    found.sort();
    Ok(found)
}

/// A file beside the journal: its name with `suffix` added (`-wal`).
pub(super) fn side_file(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_os_string();
    p.push(suffix);
    PathBuf::from(p)
}

/// Put `bytes` (a whole journal file, already checked) in place of the
/// journal at `path`: alone with the file, written under a temporary name,
/// read back, then renamed over it.
pub(crate) fn replace_journal(path: &Path, bytes: &[u8]) -> Result<()> {
    let _lock = FileLock::exclusive(path)?;
    let tmp = side_file(path, ".restoring");
    let _ = fs::remove_file(&tmp);
    let io = |p: &Path| {
        let p = p.to_path_buf();
        move |source| Error::Io { path: p, source }
    };
    let written = (|| -> Result<()> {
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&tmp)
            .map_err(io(&tmp))?;
        std::io::Write::write_all(&mut f, bytes).map_err(io(&tmp))?;
        f.sync_all().map_err(io(&tmp))?;
        if fs::read(&tmp).map_err(io(&tmp))? != bytes {
            return Err(Error::invalid(
                "The copy read back differently; nothing was replaced.",
            ));
        }
        super::closed::forget(path);
        for side in ["-wal", "-shm"] {
            let p = side_file(path, side);
            match fs::metadata(&p) {
                Ok(m) if side == "-wal" && m.len() > 0 => {
                    return Err(Error::InUse { path: path.into() })
                }
                Ok(_) => fs::remove_file(&p).map_err(io(&p))?,
                Err(_) => {}
            }
        }
        fs::rename(&tmp, path).map_err(io(path))
    })();
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written?;
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
    Ok(())
}
