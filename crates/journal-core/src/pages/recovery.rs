//! Words the app could not save, kept in a file beside the journal when the
//! person chooses to close anyway, so the next start can put them back.
//!
//! The file does not need the journal (a save usually fails because the
//! journal cannot be written), so it is JSON, readable in any editor. Beside
//! an encrypted journal it is sealed (ChaCha20-Poly1305, with a key made from
//! the journal's own, `SealKey`): no page text in the clear, and it opens
//! once the journal is unlocked. It is private (0600), written whole or not
//! at all (a temporary file, synced, then renamed over the old one), and
//! never written over: what it already holds is kept beside what is added,
//! and a file that cannot be read is reported and left exactly as it is.

use crate::db::SealKey;
use crate::error::{Error, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use ts_rs::TS;
use zeroize::Zeroizing;

/// The recovery file is named after the journal, with this added.
pub const RECOVERY_SUFFIX: &str = ".recovery.json";

/// What the file says about itself, for someone who opens it by hand.
const ABOUT: &str = "Words Breathing Room could not save to the journal before it closed. \
                     Open the app to put them back on their pages, or copy them from here.";

/// Words for one day that did not reach the journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecoveredPage {
    /// The local calendar day they were written for, `YYYY-MM-DD`.
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub body: String,
    /// The mood chosen with them, 1 to 5, if any.
    pub mood: Option<u8>,
}

#[derive(Serialize, Deserialize)]
struct Contents {
    #[serde(default)]
    about: String,
    pages: Vec<RecoveredPage>,
}

/// The recovery file of one journal file.
#[derive(Debug, Clone)]
pub struct Recovery {
    path: PathBuf,
    /// The encrypted journal's seal: the file is written sealed with it.
    seal: Option<SealKey>,
}

impl Recovery {
    /// The recovery file beside `journal`: `journal.db` → `journal.db.recovery.json`.
    pub fn beside(journal: &Path) -> Self {
        let mut name = journal
            .file_name()
            .map(|n| n.to_os_string())
            .unwrap_or_else(|| "journal".into());
        name.push(RECOVERY_SUFFIX);
        Recovery {
            path: journal.with_file_name(name),
            seal: None,
        }
    }

    /// The same file, sealed with `key` (an encrypted journal's; `None`
    /// for a plain one). A sealed file is read only with its key.
    pub fn sealed_with(&self, key: Option<SealKey>) -> Self {
        Recovery {
            path: self.path.clone(),
            seal: key,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What the file holds, oldest first; nothing when there is no file.
    /// A file that cannot be read is an error (`recovery_unreadable`) and
    /// is left as it is.
    pub fn read(&self) -> Result<Vec<RecoveredPage>> {
        let bytes = match fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(self.unreadable(e.to_string())),
        };
        let contents: Contents = if SealKey::is_sealed(&bytes) {
            let Some(key) = &self.seal else {
                return Err(Error::Locked);
            };
            let plain = key.open(&bytes).ok_or_else(|| {
                self.unreadable("it was sealed with another passphrase's key".to_string())
            })?;
            serde_json::from_slice(&plain).map_err(|e| self.unreadable(e.to_string()))?
        } else {
            serde_json::from_slice(&bytes).map_err(|e| self.unreadable(e.to_string()))?
        };
        Ok(contents.pages)
    }

    /// Adds `pages` to the file (creating it), keeping everything it already
    /// held; words already in it are not added twice. Returns all it holds
    /// now. A file that cannot be read is not replaced: the error says so
    /// and nothing is written.
    pub fn keep(&self, pages: &[RecoveredPage]) -> Result<Vec<RecoveredPage>> {
        let mut all = self.read()?;
        let before = all.len();
        for page in pages {
            let worth_keeping = !page.body.trim().is_empty() || page.mood.is_some();
            if worth_keeping && !all.contains(page) {
                all.push(page.clone());
            }
        }
        if all.len() == before {
            return Ok(all);
        }
        let contents = Contents {
            about: ABOUT.to_string(),
            pages: all,
        };
        self.write(&contents)?;
        Ok(contents.pages)
    }

    /// Writes the file again in the form this `Recovery` writes (sealed or
    /// plain), keeping what it holds: after encryption is turned on, off or
    /// to a new passphrase. `from` reads it as it is now.
    pub fn convert_from(&self, from: &Recovery) -> Result<()> {
        let pages = from.read()?;
        if pages.is_empty() {
            return Ok(());
        }
        self.write(&Contents {
            about: ABOUT.to_string(),
            pages,
        })
    }

    fn write(&self, contents: &Contents) -> Result<()> {
        let mut bytes = Zeroizing::new(
            serde_json::to_vec_pretty(contents)
                .map_err(|e| Error::invalid(format!("the words could not be written out: {e}")))?,
        );
        bytes.push(b'\n');
        match &self.seal {
            Some(key) => self.replace_with(&key.seal(&bytes)?),
            None => self.replace_with(&bytes),
        }
    }

    /// Removes the file (once its words are back, or the person let them go).
    pub fn discard(&self) -> Result<()> {
        match fs::remove_file(&self.path) {
            Err(e) if e.kind() != ErrorKind::NotFound => Err(self.io(e)),
            _ => Ok(()),
        }
    }

    /// Writes `bytes` to a new private file beside the recovery file, syncs
    /// it, then renames it into place: a reader (or a crash) sees the old
    /// file or the new one, never half of one.
    fn replace_with(&self, bytes: &[u8]) -> Result<()> {
        let dir = match self.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&dir)
            .map_err(|e| self.io(e))?;
        let (tmp, mut file) = self.create_temp()?;
        let written = (|| {
            file.set_permissions(fs::Permissions::from_mode(0o600))?;
            file.write_all(bytes)?;
            file.sync_all()?;
            drop(file);
            fs::rename(&tmp, &self.path)
        })();
        if let Err(e) = written {
            let _ = fs::remove_file(&tmp);
            return Err(self.io(e));
        }
        // Make the rename itself durable. Some file systems cannot sync a
        // folder; the file is already complete under its name either way.
        if let Ok(d) = File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }

    /// A temporary file of our own, created new (a leftover is never reused).
    fn create_temp(&self) -> Result<(PathBuf, File)> {
        let mut n = 0u32;
        loop {
            let mut name = self.path.clone().into_os_string();
            name.push(format!(".{}-{n}.tmp", std::process::id()));
            let tmp = PathBuf::from(name);
            match OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&tmp)
            {
                Ok(file) => return Ok((tmp, file)),
                Err(e) if e.kind() == ErrorKind::AlreadyExists && n < 1000 => n += 1,
                Err(e) => return Err(self.io(e)),
            }
        }
    }

    fn unreadable(&self, detail: String) -> Error {
        Error::RecoveryUnreadable {
            path: self.path.clone(),
            detail,
        }
    }

    fn io(&self, source: std::io::Error) -> Error {
        Error::Io {
            path: self.path.clone(),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_recovery_file_is_named_after_the_journal() {
        let r = Recovery::beside(Path::new("/data/journal.db"));
        assert_eq!(r.path(), Path::new("/data/journal.db.recovery.json"));
    }
}
