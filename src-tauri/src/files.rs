//! Settings → Your data: an export written where the person chooses, an
//! import read from the file they choose. The file dialogs open from here,
//! in the shell: the page has no dialog or file permission of its own and
//! never hands over a path, so it can read or write only what the person
//! picked in a dialog.

use crate::AppState;
use journal_core::{ErrorPayload, ExportDone, ExportFormat, ImportFormat, ImportSummary};
use journal_core::{Passphrase, Result as CoreResult};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tauri::{AppHandle, Manager, Runtime};

/// What a dialog is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// A file (or a folder) to bring in.
    Import { folder: bool },
    /// Where an export goes: a file name to save as, or a folder to put a
    /// new folder of Markdown files in.
    Export { folder: bool, name: String },
}

/// The dialogs (in tests: answers given in advance).
type Chooser = dyn Fn(Ask) -> Option<PathBuf> + Send + Sync;

pub struct Files {
    choose: Box<Chooser>,
    /// The file (or folder) chosen for an import, and how to read it: the
    /// preview and the import itself read this, never a path from the page.
    pending: Mutex<Option<(ImportFormat, PathBuf)>>,
}

impl Files {
    /// The desktop's own file dialogs, over the main window.
    pub fn dialogs<R: Runtime>(app: AppHandle<R>) -> Self {
        Files::answering(move |ask| {
            use tauri_plugin_dialog::DialogExt;
            let mut d = app.dialog().file();
            if let Some(w) = app.get_webview_window(crate::MAIN_WINDOW) {
                d = d.set_parent(&w);
            }
            let chosen = match ask {
                Ask::Import { folder: true } => d
                    .set_title("Choose the folder of Markdown files to bring in")
                    .blocking_pick_folder(),
                Ask::Import { folder: false } => d
                    .set_title("Choose the file to bring in")
                    .blocking_pick_file(),
                Ask::Export { folder: true, .. } => d
                    .set_title("Choose where the folder of Markdown files goes")
                    .set_can_create_directories(true)
                    .blocking_pick_folder(),
                Ask::Export {
                    folder: false,
                    name,
                } => d
                    .set_title("Save a copy of your journal")
                    .set_file_name(name)
                    .set_can_create_directories(true)
                    .blocking_save_file(),
            };
            chosen.and_then(|p| p.into_path().ok())
        })
    }

    pub fn answering(choose: impl Fn(Ask) -> Option<PathBuf> + Send + Sync + 'static) -> Self {
        Files {
            choose: Box::new(choose),
            pending: Mutex::new(None),
        }
    }

    fn pending(&self) -> std::sync::MutexGuard<'_, Option<(ImportFormat, PathBuf)>> {
        self.pending.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Asks for the file (or folder) to import as `format`; its name, or
    /// `None` when the dialog was closed without a choice.
    pub fn choose_import(&self, format: &str) -> Result<Option<String>, ErrorPayload> {
        let format: ImportFormat = format.parse()?;
        let Some(path) = (self.choose)(Ask::Import {
            folder: format.is_folder(),
        }) else {
            return Ok(None);
        };
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        *self.pending() = Some((format, path));
        Ok(Some(name))
    }

    /// The chosen import, read: only counted (`dry_run`), or brought in
    /// (a backup first; then the choice is forgotten).
    pub fn import(
        &self,
        state: &AppState,
        passphrase: Option<String>,
        dry_run: bool,
    ) -> Result<ImportSummary, ErrorPayload> {
        let Some((format, path)) = self.pending().clone() else {
            return Err(journal_core::Error::invalid(
                "Choose a file to bring in first; nothing was imported.",
            )
            .into());
        };
        let passphrase = passphrase
            .filter(|p| !p.is_empty())
            .map(Passphrase::new)
            .transpose()?;
        let summary = state
            .journal()?
            .import_file(format, &path, passphrase.as_ref(), dry_run)?;
        if !dry_run {
            *self.pending() = None;
        }
        Ok(summary)
    }

    /// Forgets a chosen import (the person changed their mind).
    pub fn forget_import(&self) {
        *self.pending() = None;
    }

    /// Asks where the export goes, and writes it there (`None`: the dialog
    /// was closed without a choice; nothing written). Markdown goes into a
    /// new folder inside the one chosen, so no file of the person's is ever
    /// written over.
    pub fn export(
        &self,
        state: &AppState,
        format: &str,
        passphrase: Option<String>,
    ) -> Result<Option<ExportDone>, ErrorPayload> {
        let format: ExportFormat = format.parse()?;
        let passphrase = passphrase
            .filter(|p| !p.is_empty())
            .map(Passphrase::new)
            .transpose()?;
        let journal = state.journal()?;
        let stem = format!("breathing-room-{}", journal.today());
        let ask = match format {
            ExportFormat::Markdown => Ask::Export {
                folder: true,
                name: stem.clone(),
            },
            ExportFormat::Json => Ask::Export {
                folder: false,
                name: format!("{stem}.json"),
            },
            ExportFormat::Age => Ask::Export {
                folder: false,
                name: format!("{stem}.json.age"),
            },
        };
        // An encrypted export without its passphrase is refused before the
        // dialog opens.
        if format == ExportFormat::Age && passphrase.is_none() {
            return Err(journal_core::Error::PassphraseMissing(
                "An encrypted copy needs a passphrase of its own.".into(),
            )
            .into());
        }
        let Some(chosen) = (self.choose)(ask) else {
            return Ok(None);
        };
        let target = match format {
            ExportFormat::Markdown => new_folder_in(&chosen, &stem)?,
            _ => chosen,
        };
        Ok(Some(journal.export_file(
            format,
            &target,
            passphrase.as_ref(),
        )?))
    }
}

/// A name in `parent` that is not taken yet: `stem`, or `stem-2`, `stem-3`…
fn new_folder_in(parent: &Path, stem: &str) -> CoreResult<PathBuf> {
    (1..1000)
        .map(|n| match n {
            1 => parent.join(stem),
            n => parent.join(format!("{stem}-{n}")),
        })
        .find(|p| !p.exists())
        .ok_or_else(|| {
            journal_core::Error::invalid(format!(
                "{} already holds too many exports; choose another folder.",
                parent.display()
            ))
        })
}
