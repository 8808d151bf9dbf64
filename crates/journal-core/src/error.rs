//! The one error type of the core, and the `{code, message}` shape it takes
//! when it crosses to the UI or a script.

use serde::Serialize;
use std::path::PathBuf;
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Something the person typed cannot be used (bad date, mood, size...).
    #[error("{0}")]
    InvalidInput(String),

    #[error(
        "this journal ({path}) was written by a newer version of Breathing Room \
         (schema {found}, this version knows up to {known}); please update the app. \
         The file was not changed."
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    #[error(
        "the journal file {path} is damaged ({detail}). It was left exactly as it was; \
         restore it from a backup (look for a .bak file beside it)."
    )]
    Damaged { path: PathBuf, detail: String },

    #[error(
        "{path} is not a Breathing Room journal (it holds another program's data). \
         It was left exactly as it was; choose a journal file or a new file name."
    )]
    Foreign { path: PathBuf },

    #[error("the journal {path} is encrypted: it opens with its passphrase. Nothing was changed.")]
    PassphraseNeeded { path: PathBuf },

    #[error(
        "that passphrase does not open the journal {path} (or the start of the file is \
         damaged). The file was not changed; try again."
    )]
    WrongPassphrase { path: PathBuf },

    #[error(
        "that passphrase does not open this encrypted export (or the file is damaged). \
         Nothing was imported."
    )]
    WrongExportPassphrase,

    /// The journal is encrypted and locked: nothing can be read until it is
    /// unlocked.
    #[error("The journal is locked. Unlock it with its passphrase to go on.")]
    Locked,

    /// No passphrase could be had (a script gave none, a file was unreadable).
    #[error("{0}")]
    PassphraseMissing(String),

    #[error(
        "the journal {path} is in use by another program (the app, or a breathing-room-cli \
         command). Close the other one (the app: Quit in its tray menu) and try again. \
         Nothing was changed."
    )]
    InUse { path: PathBuf },

    /// The folder the `backup.dir` setting names is not there (a drive
    /// that is not connected).
    #[error(
        "The backup folder {path} is not there. If it is on a drive, connect the drive; \
         until then no backup can be made or read there. Your journal itself is safe."
    )]
    BackupPlaceMissing { path: PathBuf },

    #[error("could not use {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("the journal database failed: {0}")]
    Database(#[from] rusqlite::Error),

    #[error(
        "the recovery file {path} could not be read ({detail}). It was left as it is, \
         so nothing in it is lost; it is plain text you can open in any text editor."
    )]
    RecoveryUnreadable { path: PathBuf, detail: String },

    #[error(
        "the journal {path} cannot use its write-ahead log here (the file system gave \
         \"{mode}\"), so the app and the command line could not share it safely. \
         Move the journal to a local disk."
    )]
    NoWal { path: PathBuf, mode: String },
}

impl Error {
    pub fn invalid(msg: impl Into<String>) -> Self {
        Error::InvalidInput(msg.into())
    }

    pub fn is_invalid_input(&self) -> bool {
        matches!(self, Error::InvalidInput(_))
    }

    /// A passphrase was missing or did not open the journal.
    pub fn is_passphrase(&self) -> bool {
        matches!(
            self,
            Error::PassphraseNeeded { .. }
                | Error::PassphraseMissing(_)
                | Error::WrongPassphrase { .. }
                | Error::WrongExportPassphrase
        )
    }

    /// A stable, machine-readable code for the UI and scripts.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidInput(_) => "invalid_input",
            Error::NewerSchema { .. } => "newer_schema",
            Error::Damaged { .. } => "damaged",
            Error::Foreign { .. } => "foreign",
            Error::PassphraseNeeded { .. } | Error::PassphraseMissing(_) => "passphrase_needed",
            Error::WrongPassphrase { .. } | Error::WrongExportPassphrase => "wrong_passphrase",
            Error::InUse { .. } => "in_use",
            Error::BackupPlaceMissing { .. } => "backup_place_missing",
            Error::Locked => "locked",
            Error::Io { source, .. } if is_disk_full(source) => "disk_full",
            Error::Io { .. } => "io",
            Error::Database(e) if is_sqlite_full(e) => "disk_full",
            Error::Database(e) if is_busy(e) => "busy",
            Error::NoWal { .. } => "no_wal",
            Error::RecoveryUnreadable { .. } => "recovery_unreadable",
            Error::Database(_) => "database",
        }
    }

    /// What the person sees: what happened and what to do.
    pub fn user_message(&self) -> String {
        match self.code() {
            "disk_full" => "The disk is full, so this could not be saved. Your text is still \
                            here; free some space and try again."
                .to_string(),
            "busy" => "The journal is busy in another program. Try again in a moment.".into(),
            _ => self.to_string(),
        }
    }
}

fn is_disk_full(e: &std::io::Error) -> bool {
    e.raw_os_error() == Some(28) // ENOSPC
}

fn is_sqlite_full(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::DiskFull))
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// An error as it crosses IPC: `{ "code": "...", "message": "..." }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
}

impl From<&Error> for ErrorPayload {
    fn from(e: &Error) -> Self {
        ErrorPayload {
            code: e.code().to_string(),
            message: e.user_message(),
        }
    }
}

impl From<Error> for ErrorPayload {
    fn from(e: Error) -> Self {
        ErrorPayload::from(&e)
    }
}
