//! Exports written to, and imports read from, files the person chose: the
//! same paths for the app (its file dialogs) and the CLI.

use crate::{Error, Result};
use serde::Serialize;
use std::io::Write;
use std::path::Path;
use ts_rs::TS;

/// What an import reads. The names are the CLI's `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportFormat {
    /// Our own JSON export.
    Json,
    /// Our JSON export sealed in the age format.
    Age,
    /// Day One's export: its `.zip`, or one journal's `.json`.
    DayOne,
    /// jrnl's plain-text journal file.
    Jrnl,
    /// jrnl's JSON export.
    JrnlJson,
    /// A folder of Markdown files named by date.
    Markdown,
}

impl ImportFormat {
    pub const ALL: [ImportFormat; 6] = [
        ImportFormat::Json,
        ImportFormat::Age,
        ImportFormat::DayOne,
        ImportFormat::Jrnl,
        ImportFormat::JrnlJson,
        ImportFormat::Markdown,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ImportFormat::Json => "json",
            ImportFormat::Age => "age",
            ImportFormat::DayOne => "dayone",
            ImportFormat::Jrnl => "jrnl",
            ImportFormat::JrnlJson => "jrnl-json",
            ImportFormat::Markdown => "markdown",
        }
    }

    /// Whether it reads a folder rather than a file.
    pub fn is_folder(self) -> bool {
        self == ImportFormat::Markdown
    }
}

impl std::str::FromStr for ImportFormat {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        ImportFormat::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| {
                Error::invalid(format!(
                    "\"{s}\" is not a format this journal imports (json, age, dayone, jrnl, jrnl-json, markdown)"
                ))
            })
    }
}

/// What an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Json,
    /// A folder: a file per day, and `space.md`.
    Markdown,
    Age,
}

impl std::str::FromStr for ExportFormat {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s {
            "json" => Ok(ExportFormat::Json),
            "markdown" => Ok(ExportFormat::Markdown),
            "age" => Ok(ExportFormat::Age),
            _ => Err(Error::invalid(format!(
                "\"{s}\" is not a format this journal exports (json, markdown, age)"
            ))),
        }
    }
}

/// An export written out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ExportDone {
    /// The file (or, for Markdown, the folder) written.
    pub path: String,
    /// Days with a page in it.
    pub pages: u32,
    /// Whether it is sealed with a passphrase.
    pub encrypted: bool,
}

/// Writes `bytes` to `path`, readable by its owner only, whole or not at
/// all: into a `.partial` file beside it first, then renamed over it.
pub(crate) fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".partial");
    let tmp = path.with_file_name(name);
    let written = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    written.map_err(|source| {
        let _ = std::fs::remove_file(&tmp);
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    })
}
