//! Who has the journal open. Every open holds a shared lock on the file
//! (`flock`, which SQLite's own record locks never touch); a change that
//! replaces the whole file (encrypting it, a new passphrase) needs the lock
//! alone, so it can never pull the file out from under the app or the CLI.

use super::BUSY_TIMEOUT;
use crate::error::{Error, Result};
use std::fs::{File, TryLockError};
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::time::{Duration, Instant};

/// Held for as long as a store is open.
#[derive(Debug)]
pub(crate) struct FileLock(#[allow(dead_code)] File);

impl FileLock {
    /// A shared hold on the journal at `path` (which exists). Waits while a
    /// replacement is under way, then holds the file the path names now.
    pub(crate) fn shared(path: &Path) -> Result<FileLock> {
        let started = Instant::now();
        loop {
            let file = File::open(path).map_err(|source| Error::Io {
                path: path.to_path_buf(),
                source,
            })?;
            match file.try_lock_shared() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) if started.elapsed() < BUSY_TIMEOUT => {
                    std::thread::sleep(Duration::from_millis(25));
                    continue;
                }
                Err(TryLockError::WouldBlock) => return Err(Error::InUse { path: path.into() }),
                Err(TryLockError::Error(source)) => {
                    return Err(Error::Io {
                        path: path.to_path_buf(),
                        source,
                    })
                }
            }
            // The file may have been replaced while we waited: hold the one
            // the path names now.
            if same_file(&file, path) {
                return Ok(FileLock(file));
            }
        }
    }

    /// Does another open store (in this process or another) hold the
    /// journal at `path` now? Asked before taking our own hold.
    pub(crate) fn held_elsewhere(path: &Path) -> bool {
        let Ok(file) = File::open(path) else {
            return false;
        };
        // Our exclusive try is let go at once (the file closes).
        matches!(file.try_lock(), Err(TryLockError::WouldBlock))
    }

    /// The journal alone, or `in_use` at once.
    pub(crate) fn exclusive(path: &Path) -> Result<FileLock> {
        let file = File::open(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        match file.try_lock() {
            Ok(()) => Ok(FileLock(file)),
            Err(TryLockError::WouldBlock) => Err(Error::InUse { path: path.into() }),
            Err(TryLockError::Error(source)) => Err(Error::Io {
                path: path.to_path_buf(),
                source,
            }),
        }
    }
}

fn same_file(file: &File, path: &Path) -> bool {
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}
