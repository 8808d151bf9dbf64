//! A copy of the journal taken before its format changes.

use super::{Store, SCHEMA_VERSION};
use crate::error::{Error, Result};
use std::fs::OpenOptions;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

impl Store {
    pub(super) fn backup_before_migration(&self) -> Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
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
        let target = bak.to_string_lossy().into_owned();
        self.conn.execute("VACUUM INTO ?1", [target])?;
        Ok(())
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

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
