//! The desktop shell: it opens the journal, hands each UI request to the core
//! and looks after the window. It holds no journal logic of its own.

#[cfg(target_os = "linux")]
mod autolock;
mod close;
mod commands;
pub mod files;
mod reminders;
mod tray;

#[cfg(target_os = "linux")]
pub use autolock::{lock_soon, LOCK_GRACE, LOCK_REQUEST_EVENT};
pub use close::{leave, request_close, CloseGuard, FlushRequest, Leave, FLUSH_EVENT, FLUSH_GRACE};
pub use reminders::ReminderTimer;

use journal_core::{
    BackupStatus, Clock, ErrorPayload, Journal, KdfCost, LockState, LockedReminders, Passphrase,
    Recovery, Store, DB_FILE_NAME,
};
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};
use tauri::{Emitter, Manager, Runtime, WindowEvent};
use tauri_plugin_notification::NotificationExt;

/// Environment variable that points the app (and the CLI) at another journal file.
pub const DB_ENV: &str = "BREATHING_ROOM_DB";
/// The event asking the UI to show today's page (tray, notification).
pub const TODAY_EVENT: &str = "go-today";
/// The event telling the UI the shell locked the journal (window to the tray).
pub const LOCKED_EVENT: &str = "journal-locked";
/// The app's one window.
pub const MAIN_WINDOW: &str = "main";

pub use journal_host::SystemClock;

/// The journal, or why it could not be opened (shown calmly in the UI).
/// A journal that could not be opened is tried again by the next request,
/// so the UI's "Try again" really opens the file again. An encrypted journal
/// stays closed (locked) until `unlock` gives its passphrase, and `lock`
/// closes it again, dropping its key.
pub struct AppState {
    path: PathBuf,
    journal: RwLock<Option<Arc<Journal>>>,
    /// Where words that could not be saved are kept; usable even when the
    /// journal itself cannot be opened.
    recovery: Recovery,
    make: Box<dyn Fn(Store) -> Journal + Send + Sync>,
    /// Held while opening, locking or converting, so two requests never
    /// open the file twice.
    opening: Mutex<()>,
    /// Why the last automatic backup failed (shown in Settings), if it did.
    backup_error: Mutex<Option<String>>,
    /// Whether the journal file is encrypted: read once before anything
    /// opens it, then kept up to date here. Looking at the file again while
    /// a connection is open would close a second handle on it, and closing
    /// any handle drops the process's SQLite locks on that file.
    encrypted: AtomicBool,
    /// While locked: what the reminders need, read as the journal locked.
    locked_reminders: Mutex<Option<LockedReminders>>,
    /// How many times the journal has locked since the app started.
    locks: AtomicU64,
}

/// How long a change of encryption waits for a request still using the
/// journal (a save, the reminder timer) to finish before it gives up.
const ALONE_WAIT: Duration = Duration::from_secs(3);

impl AppState {
    pub fn open(path: PathBuf, clock: impl Clock + Clone + 'static) -> Self {
        let recovery = Recovery::beside(&path);
        let encrypted = journal_core::is_encrypted(&path).unwrap_or(false);
        let state = AppState {
            encrypted: AtomicBool::new(encrypted),
            path,
            journal: RwLock::new(None),
            recovery,
            make: Box::new(move |store| Journal::new(store, clock.clone())),
            opening: Mutex::new(()),
            backup_error: Mutex::new(None),
            locked_reminders: Mutex::new(None),
            locks: AtomicU64::new(0),
        };
        // Open at once, so a problem shows on the first screen.
        let _ = state.journal();
        state
    }

    /// The journal file.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    fn current(&self) -> Option<Arc<Journal>> {
        self.journal
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    fn install(&self, journal: Journal) -> Arc<Journal> {
        self.encrypted
            .store(journal.is_encrypted(), Ordering::SeqCst);
        // Notes sent while it was locked go into the journal now.
        let held = self.locked_reminders().take();
        for planned in held.iter().flat_map(|r| r.sent()) {
            let _ = journal.record_delivery(planned);
        }
        let journal = Arc::new(journal);
        *self.journal.write().unwrap_or_else(|p| p.into_inner()) = Some(journal.clone());
        journal
    }

    fn opening(&self) -> std::sync::MutexGuard<'_, ()> {
        self.opening.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn journal(&self) -> Result<Arc<Journal>, ErrorPayload> {
        if let Some(j) = self.current() {
            return Ok(j);
        }
        let _opening = self.opening();
        if let Some(j) = self.current() {
            return Ok(j);
        }
        let store = Store::open(&self.path).map_err(|e| match e {
            journal_core::Error::PassphraseNeeded { .. } => journal_core::Error::Locked,
            e => e,
        })?;
        Ok(self.install((self.make)(store)))
    }

    /// Whether the journal is encrypted, and locked.
    pub fn lock_state(&self) -> LockState {
        let encrypted = self.encrypted.load(Ordering::SeqCst);
        LockState {
            encrypted,
            locked: encrypted && self.current().is_none(),
        }
    }

    /// Open an encrypted journal with its passphrase.
    pub fn unlock(&self, passphrase: String) -> Result<LockState, ErrorPayload> {
        let passphrase = Passphrase::new(passphrase)?;
        let _opening = self.opening();
        if self.current().is_none() {
            let store = Store::open_with(&self.path, Some(&passphrase))?;
            self.install((self.make)(store));
        }
        Ok(self.lock_state())
    }

    /// Close an encrypted journal and forget its key (a plain one stays
    /// open: there is nothing to unlock it with).
    pub fn lock(&self) -> LockState {
        let _opening = self.opening();
        if self.encrypted.load(Ordering::SeqCst) {
            // Reminders go on while it is locked, from what is read now.
            let reminders = self
                .current()
                .and_then(|j| j.locked_reminders(journal_host::system_zone()).ok());
            if reminders.is_some() {
                *self.locked_reminders() = reminders;
            }
            // Closed here once a request still using it is done, so the key
            // and the connection go now, not whenever that request ends (one
            // still busy after the wait lets go of it when it finishes).
            let _ = self.take_alone();
            *self.journal.write().unwrap_or_else(|p| p.into_inner()) = None;
            self.locks.fetch_add(1, Ordering::SeqCst);
        }
        self.lock_state()
    }

    /// How many times the journal has locked since the app started (to
    /// tell whether it locked since some moment, whatever happened after).
    pub fn locks(&self) -> u64 {
        self.locks.load(Ordering::SeqCst)
    }

    /// Encrypt the journal, give it a new passphrase, or turn encryption
    /// off: the journal is closed (once nothing else uses it), converted,
    /// and opened again in its new form; if the change fails, as it was.
    pub fn change_encryption(
        &self,
        current: Option<String>,
        new: Option<String>,
    ) -> Result<LockState, ErrorPayload> {
        let current = current.map(Passphrase::new).transpose()?;
        let new = new.map(Passphrase::new).transpose()?;
        let _opening = self.opening();
        // A wrong current passphrase is refused before anything closes.
        if let (Some(current), Some(open)) = (&current, self.current()) {
            if !open.opens_with(current)? {
                return Err(journal_core::Error::WrongPassphrase {
                    path: self.path.clone(),
                }
                .into());
            }
        }
        // Closed here, so the conversion has the file alone.
        let was_open = self.take_alone()?.is_some();
        let changed = match (&current, &new) {
            (None, Some(new)) => journal_core::encrypt_journal(&self.path, new, KdfCost::DEFAULT),
            (Some(old), Some(new)) => {
                journal_core::rekey_journal(&self.path, old, new, KdfCost::DEFAULT)
            }
            (Some(old), None) => journal_core::decrypt_journal(&self.path, old),
            (None, None) => Err(journal_core::Error::invalid("No passphrase was given.")),
        };
        let (error, reopen_with) = match changed {
            Ok(()) => (None, new.as_ref()),
            // The journal was not changed: open it again as it was.
            Err(e) => (Some(e), current.as_ref()),
        };
        if was_open || error.is_none() {
            match Store::open_with(&self.path, reopen_with) {
                Ok(store) => {
                    self.install((self.make)(store));
                }
                Err(e) if error.is_none() => return Err(e.into()),
                Err(_) => {}
            }
        }
        match error {
            None => Ok(self.lock_state()),
            Some(e) => Err(e.into()),
        }
    }

    /// Put back one of the journal's own backups (Settings → Backups): the
    /// journal is closed once nothing else uses it, backed up as it is,
    /// replaced by the backup, and opened again. An encrypted journal needs
    /// its passphrase (checked before anything closes). On an error it is
    /// opened again as it was. Returns the backup of the journal as it was.
    pub fn restore_backup(
        &self,
        backup: PathBuf,
        passphrase: Option<String>,
    ) -> Result<journal_core::BackupInfo, ErrorPayload> {
        let passphrase = passphrase
            .filter(|p| !p.is_empty())
            .map(Passphrase::new)
            .transpose()?;
        let _opening = self.opening();
        let open = self.current().ok_or(journal_core::Error::Locked)?;
        match (&passphrase, open.is_encrypted()) {
            (None, true) => {
                return Err(journal_core::Error::PassphraseNeeded {
                    path: self.path.clone(),
                }
                .into())
            }
            (Some(p), true) if !open.opens_with(p)? => {
                return Err(journal_core::Error::WrongPassphrase {
                    path: self.path.clone(),
                }
                .into())
            }
            _ => {}
        }
        drop(open);
        let journal = self.take_alone()?.ok_or(journal_core::Error::Locked)?;
        let restored = journal.restore_backup(&backup, passphrase.as_ref());
        match Store::open_with(&self.path, passphrase.as_ref()) {
            Ok(store) => {
                self.install((self.make)(store));
            }
            Err(e) if restored.is_ok() => return Err(e.into()),
            Err(_) => {}
        }
        Ok(restored?)
    }

    /// Take the open journal out, waiting briefly for other users of it.
    fn take_alone(&self) -> Result<Option<Journal>, ErrorPayload> {
        let Some(mut shared) = self
            .journal
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .take()
        else {
            return Ok(None);
        };
        let started = Instant::now();
        loop {
            match Arc::try_unwrap(shared) {
                Ok(journal) => return Ok(Some(journal)),
                Err(still) if started.elapsed() < ALONE_WAIT => {
                    shared = still;
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(still) => {
                    *self.journal.write().unwrap_or_else(|p| p.into_inner()) = Some(still);
                    return Err(journal_core::Error::InUse {
                        path: self.path.clone(),
                    }
                    .into());
                }
            }
        }
    }

    fn locked_reminders(&self) -> std::sync::MutexGuard<'_, Option<LockedReminders>> {
        self.locked_reminders
            .lock()
            .unwrap_or_else(|p| p.into_inner())
    }

    /// Runs `f` on the reminders kept while the journal is locked, if any.
    pub fn with_locked_reminders<T>(&self, f: impl FnOnce(&mut LockedReminders) -> T) -> Option<T> {
        self.locked_reminders().as_mut().map(f)
    }

    /// The day's backup, made at the timer's idle moment when one is due;
    /// only while the journal is open (a locked one is left alone).
    pub fn daily_backup(&self) {
        let Some(journal) = self.current() else {
            return;
        };
        let outcome = journal.daily_backup();
        let mut error = self.backup_error.lock().unwrap_or_else(|p| p.into_inner());
        match outcome {
            Ok(Some(_)) => *error = None,
            Ok(None) => {}
            Err(e) => *error = Some(e.user_message()),
        }
    }

    /// The backups beside the journal and why the last automatic one failed.
    pub fn backup_status(&self) -> Result<BackupStatus, ErrorPayload> {
        let backups = self.journal()?.list_backups(None)?;
        let last_error = self
            .backup_error
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        Ok(BackupStatus {
            backups,
            last_error,
        })
    }

    /// The recovery file, in the journal's form: plain beside a plain
    /// journal (usable even when the journal cannot be opened), sealed with
    /// an encrypted journal's key (usable once it is unlocked; `locked`
    /// before).
    pub fn recovery(&self) -> Result<Recovery, ErrorPayload> {
        if !self.encrypted.load(Ordering::SeqCst) {
            return Ok(self.recovery.clone());
        }
        let journal = self.current().ok_or(journal_core::Error::Locked)?;
        Ok(self.recovery.sealed_with(journal.recovery_key()))
    }
}

/// Everything about the app that tests share with the real thing: state,
/// commands, and the save-before-close handshake. `db` names the journal
/// file; without it, `run_app` opens the one in the app's data folder.
pub fn app_builder<R: Runtime>(
    builder: tauri::Builder<R>,
    db: Option<PathBuf>,
) -> tauri::Builder<R> {
    let builder = match db {
        Some(path) => builder.manage(AppState::open(path, SystemClock)),
        None => builder,
    };
    builder
        .manage(ReminderTimer::default())
        .manage(CloseGuard::default())
        .on_window_event(|window, event| {
            if let WindowEvent::CloseRequested { api, .. } = event {
                // Let the UI save a page being typed first (see close.rs).
                api.prevent_close();
                request_close(window.app_handle(), window.label(), false);
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::today,
            commands::journal_place,
            commands::look_back,
            commands::insights,
            commands::export_journal,
            commands::import_choose,
            commands::import_preview,
            commands::import_run,
            commands::import_forget,
            commands::get_page,
            commands::save_page,
            commands::page_revisions,
            commands::restore_revision,
            commands::list_pages,
            commands::calendar_days,
            commands::search_pages,
            commands::close_ready,
            commands::close_hold,
            commands::read_recovery,
            commands::write_recovery,
            commands::discard_recovery,
            commands::space_overview,
            commands::space_status,
            commands::start_period,
            commands::end_period,
            commands::log_contact,
            commands::log_urge,
            commands::log_company,
            commands::set_company_removed,
            commands::company_names,
            commands::company_nudge,
            commands::log_unsent,
            commands::unsent_list,
            commands::delete_unsent,
            commands::week_review,
            commands::answer_review,
            commands::review_due,
            commands::edit_contact,
            commands::remove_contact,
            commands::restore_contact,
            commands::edit_urge,
            commands::remove_urge,
            commands::restore_urge,
            commands::revert_contact,
            commands::revert_urge,
            commands::period_detail,
            commands::mark_milestone_seen,
            commands::get_draft,
            commands::save_draft,
            commands::discard_draft,
            commands::notification_preview,
            commands::settings_get,
            commands::settings_set,
            commands::guidance,
            commands::guidance_library,
            commands::helpful_cards,
            commands::set_card_helpful,
            commands::set_card_aside,
            commands::lock_state,
            commands::unlock,
            commands::lock,
            commands::quick_hide,
            commands::encrypt_journal,
            commands::change_passphrase,
            commands::decrypt_journal,
            commands::backup_status,
            commands::restore_backup,
            commands::welcome_state,
            commands::welcome_done,
            commands::painted,
        ])
}

/// Bring the window back as it was.
pub fn show_window<R: Runtime>(app: &tauri::AppHandle<R>) {
    if let Some(w) = app.get_webview_window(MAIN_WINDOW) {
        let _ = w.unminimize();
        let _ = w.show();
        let _ = w.set_focus();
    }
}

/// Hide the window (to the tray).
pub fn hide_window<R: Runtime>(app: &tauri::AppHandle<R>) {
    if let Some(w) = app.get_webview_window(MAIN_WINDOW) {
        let _ = w.hide();
    }
}

/// Bring the window back on today's page.
pub fn show_today<R: Runtime>(app: &tauri::AppHandle<R>) {
    show_window(app);
    let _ = app.emit_to(MAIN_WINDOW, TODAY_EVENT, ());
}

/// Settings changed: plan reminders again and match start-at-login to them.
pub fn settings_changed<R: Runtime>(app: &tauri::AppHandle<R>) {
    app.state::<ReminderTimer>().replan();
    let wanted = app
        .try_state::<AppState>()
        .and_then(|s| s.journal().ok().and_then(|j| j.setting("autostart").ok()))
        .is_some_and(|e| e.value == "true");
    if let Some(launcher) = app.try_state::<tauri_plugin_autostart::AutoLaunchManager>() {
        let _ = if wanted {
            launcher.enable()
        } else {
            launcher.disable()
        };
    }
}

/// Keep the page still while it is only being read.
///
/// Draw it without WebKit's compositing mode: in that mode every blink of
/// the caret in a focused editor is a full composited frame, drawn in
/// software on most Linux desktops (6.5% of a core here under Xvfb, several
/// times that on a large or HiDPI window).
///
/// And keep the caret steady. Without compositing, the blink itself was
/// still nearly all of what the app cost while a page sat open: 8 per mille
/// of a core, 7 of them the blink (scripts/idle-cpu.sh; 1 per mille with a
/// 10 s blink, 0 with none). GTK's own fields stop blinking after ten idle
/// seconds (`gtk-cursor-blink-timeout`), but WebKit does not follow that
/// setting, and `gtk-cursor-blink = false` sends it down a path that costs
/// four times more (31 per mille). A blink period longer than anyone will
/// look (about 24 days) is a caret that simply stays: WebKit shows it
/// again at every move, so it is never seen hidden.
fn calm_rendering<R: Runtime>(window: &tauri::WebviewWindow<R>) -> tauri::Result<()> {
    #[cfg(target_os = "linux")]
    window.with_webview(|view| {
        use gtk::prelude::ObjectExt;
        use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
        if let Some(settings) = view.inner().settings() {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
        if let Some(gtk_settings) = gtk::Settings::default() {
            gtk_settings.set_property("gtk-cursor-blink-time", i32::MAX);
        }
    })?;
    #[cfg(not(target_os = "linux"))]
    let _ = window;
    Ok(())
}

/// The app's configuration. A debug build uses the development identifier
/// (its own data folder) unless one was set for the build: a plain `cargo
/// run` never opens the person's journal.
fn context<R: Runtime>() -> tauri::Context<R> {
    let mut context: tauri::Context<R> = tauri::generate_context!();
    let config = context.config_mut();
    if config.identifier == journal_core::APP_IDENTIFIER {
        config.identifier = journal_host::identifier().to_string();
    }
    context
}

/// Start the desktop app: one instance, window placement remembered, a tray
/// icon, and the reminder timer.
pub fn run_app<R: Runtime>(builder: tauri::Builder<R>) {
    let builder = builder
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            show_today(app);
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_notification::init())
        // The dialogs open from the shell (files.rs): the page is given no
        // dialog permission.
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            None,
        ));
    let db = std::env::var_os(DB_ENV).map(PathBuf::from);
    app_builder(builder, db)
        .setup(|app| {
            commands::bench_mark("shell setup");
            // The data folder (journal, web view storage, window state) is the
            // person's alone, whoever created it first.
            let data = app.path().app_data_dir()?;
            std::fs::create_dir_all(&data)?;
            std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o700))?;
            if app.try_state::<AppState>().is_none() {
                app.manage(AppState::open(data.join(DB_FILE_NAME), SystemClock));
            }
            if app.try_state::<files::Files>().is_none() {
                app.manage(files::Files::dialogs(app.handle().clone()));
            }
            if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
                calm_rendering(&window)?;
            }
            tray::install(app.handle())?;
            // A click on one of our notifications brings back today's page.
            let handle = app.handle().clone();
            app.notification().on_action(move |_| show_today(&handle))?;
            reminders::start(app.handle());
            #[cfg(target_os = "linux")]
            autolock::start(app.handle());
            settings_changed(app.handle());
            commands::bench_mark("shell ready");
            Ok(())
        })
        .run(context())
        .expect("Breathing Room could not start");
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_debug_build_has_its_own_data_folder_and_a_release_build_the_apps() {
        let context = super::context::<tauri::test::MockRuntime>();
        let want = if cfg!(debug_assertions) {
            journal_core::DEV_IDENTIFIER
        } else {
            journal_core::APP_IDENTIFIER
        };
        assert_eq!(context.config().identifier, want);
    }
}
