//! The desktop shell: it opens the journal, hands each UI request to the core
//! and looks after the window. It holds no journal logic of its own.

mod commands;

use chrono::{DateTime, FixedOffset, Local, Utc};
use journal_core::{Clock, ErrorPayload, Journal, Store, DB_FILE_NAME};
use std::path::PathBuf;
use std::time::Duration;
use tauri::{Emitter, Manager, Runtime, WindowEvent};

/// Environment variable that points the app (and the CLI) at another journal file.
pub const DB_ENV: &str = "BREATHING_ROOM_DB";
/// The event asking the UI to save what it has before the window closes.
pub const FLUSH_EVENT: &str = "flush-requested";
/// How long the UI gets to save before the window closes anyway.
const FLUSH_GRACE: Duration = Duration::from_secs(3);

/// The wall clock, read in exactly one place of the shell.
pub struct SystemClock;

impl Clock for SystemClock {
    #[allow(clippy::disallowed_methods)] // the shell's one read of the clock
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
    #[allow(clippy::disallowed_methods)]
    fn offset(&self) -> FixedOffset {
        *Local::now().offset()
    }
}

/// The journal, or why it could not be opened (shown calmly in the UI).
pub struct AppState {
    journal: Result<Journal, ErrorPayload>,
}

impl AppState {
    pub fn open(path: PathBuf, clock: impl Clock + 'static) -> Self {
        let journal = Store::open(path)
            .map(|store| Journal::new(store, clock))
            .map_err(ErrorPayload::from);
        AppState { journal }
    }

    pub fn journal(&self) -> Result<&Journal, ErrorPayload> {
        self.journal.as_ref().map_err(Clone::clone)
    }
}

/// Everything about the app that tests share with the real thing: state,
/// commands, and the save-before-close handshake. `db` names the journal
/// file; without it the app opens `$BREATHING_ROOM_DB` or its data folder's.
pub fn app_builder<R: Runtime>(
    builder: tauri::Builder<R>,
    db: Option<PathBuf>,
) -> tauri::Builder<R> {
    let builder = match db.or_else(|| std::env::var_os(DB_ENV).map(PathBuf::from)) {
        Some(path) => builder.manage(AppState::open(path, SystemClock)),
        None => builder.setup(|app| {
            let path = app.path().app_data_dir()?.join(DB_FILE_NAME);
            app.manage(AppState::open(path, SystemClock));
            Ok(())
        }),
    };
    builder
        .on_window_event(|window, event| {
            if let WindowEvent::CloseRequested { api, .. } = event {
                // Let the UI save a page being typed, then close (close_ready),
                // or close anyway after a grace period if the UI cannot answer.
                api.prevent_close();
                let _ = window.emit_to(window.label(), FLUSH_EVENT, ());
                let w = window.clone();
                std::thread::spawn(move || {
                    std::thread::sleep(FLUSH_GRACE);
                    let _ = w.destroy();
                });
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::today,
            commands::get_page,
            commands::save_page,
            commands::list_pages,
            commands::search_pages,
            commands::close_ready,
            commands::space_overview,
            commands::space_status,
            commands::start_period,
            commands::end_period,
            commands::log_contact,
            commands::log_urge,
            commands::mark_milestone_seen,
            commands::guidance,
            commands::guidance_library,
            commands::helpful_cards,
            commands::set_card_helpful,
            commands::set_card_aside,
        ])
}

/// Start the desktop app: one instance, window placement remembered.
pub fn run_app<R: Runtime>(builder: tauri::Builder<R>) {
    let builder = builder
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.show();
                let _ = w.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build());
    app_builder(builder, None)
        .run(tauri::generate_context!())
        .expect("Breathing Room could not start");
}
