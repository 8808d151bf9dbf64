//! Whether the journal was closed cleanly, so an open can skip SQLite's
//! whole-file `quick_check` (a cost that grows with every page written,
//! paid by every CLI call and by the app's start) when nothing can have
//! happened to the file since.
//!
//! When the last connection closes cleanly, SQLite folds the write-ahead
//! log into the file and removes it; then [`CloseMark`] writes `<journal>-closed`
//! beside the file: the file's device, inode, size and modification time.
//! The next open checks the whole file unless that mark is there, names
//! the file exactly as it is now, and no `-wal` is left over; or another
//! open store holds the file now (it checked the file, or found it so, when
//! it opened: the app in the tray and the CLI beside it). A crash, a
//! killed process, or a file changed by anything else (restored, copied
//! over, damaged by a tool) each leave a mismatch, and the check runs.
//! Every open that goes on to write removes the mark first, so a crash
//! while open is never taken for a clean close.

use super::convert::side_file;
use std::fs;
use std::io::Write as _;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// What names the file exactly as it is now.
fn stamp(path: &Path) -> Option<String> {
    let m = fs::metadata(path).ok()?;
    Some(format!(
        "closed v1 {} {} {} {} {}\n",
        m.dev(),
        m.ino(),
        m.len(),
        m.mtime(),
        m.mtime_nsec()
    ))
}

/// Was the journal at `path` closed cleanly, and left as it was since?
/// (Asked before anything opens it.)
pub(super) fn closed_cleanly(path: &Path) -> bool {
    if side_file(path, "-wal").exists() {
        return false;
    }
    match (fs::read_to_string(side_file(path, "-closed")), stamp(path)) {
        (Ok(mark), Some(now)) => mark == now,
        _ => false,
    }
}

/// The journal is open to be written: until it closes cleanly again, the
/// next open checks it.
pub(super) fn forget(path: &Path) {
    let _ = fs::remove_file(side_file(path, "-closed"));
}

/// Held by an open store after its connection: dropped after it (fields
/// drop in order), so it sees the file as the close left it.
#[derive(Debug)]
pub(crate) struct CloseMark(pub(super) PathBuf);

impl Drop for CloseMark {
    fn drop(&mut self) {
        let path = &self.0;
        // Another program still has the journal open (its log is still
        // there) or the close did not fold the log in: no mark.
        if side_file(path, "-wal").exists() {
            return;
        }
        let Some(now) = stamp(path) else { return };
        let mark = side_file(path, "-closed");
        let tmp = side_file(path, "-closed.tmp");
        let written = fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&tmp)
            .and_then(|mut f| f.write_all(now.as_bytes()));
        // The mark is only a saving: without it the next open checks.
        if written.is_err() || fs::rename(&tmp, &mark).is_err() {
            let _ = fs::remove_file(&tmp);
        }
    }
}
