//! The reminder timer: one thread that sleeps until the next note is due,
//! asks the core what that is, sends it, and records it so a restart never
//! repeats it. It wakes at least once a minute so a changed clock, a changed
//! time zone or a machine waking from sleep is noticed without polling.

use crate::AppState;
use chrono::{DateTime, Utc};
use std::sync::mpsc::{channel, RecvTimeoutError, Sender};
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

/// The longest the timer sleeps before looking again.
const MAX_SLEEP: Duration = Duration::from_secs(60);

/// How long after the start the day's backup waits (scripts/bench-app.sh:
/// made at once, it held a ten-year journal from the first page for about
/// a tenth of a second).
const BACKUP_AFTER_START: Duration = Duration::from_secs(10);

/// The most steps of merging the search index the timer takes each time it
/// wakes (each a few milliseconds: journal_core::TIDY_STEP_PAGES).
const TIDY_STEPS: usize = 8;

/// A handle to wake the timer when something it depends on changed.
#[derive(Default)]
pub struct ReminderTimer {
    wake: Mutex<Option<Sender<()>>>,
}

impl ReminderTimer {
    /// Ask the timer to plan again now (settings changed, a page was saved).
    pub fn replan(&self) {
        if let Some(tx) = self.wake.lock().unwrap_or_else(|p| p.into_inner()).as_ref() {
            let _ = tx.send(());
        }
    }
}

/// The system's time zone: `TZ` when set, else the one the system uses.
/// The wall clock, read through the host's one clock.
fn now() -> DateTime<Utc> {
    journal_core::Clock::now(&journal_host::SystemClock)
}

/// Start the timer thread for this app.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let (tx, rx) = channel::<()>();
    *app.state::<ReminderTimer>()
        .wake
        .lock()
        .unwrap_or_else(|p| p.into_inner()) = Some(tx);
    let app = app.clone();
    let started = Instant::now();
    std::thread::Builder::new()
        .name("reminders".into())
        .spawn(move || loop {
            let mut wait = deliver_due(&app).unwrap_or(MAX_SLEEP).min(MAX_SLEEP);
            // The timer is also the app's idle moment to checkpoint the
            // journal, to merge the search index, and to make the day's verified backup: not while the
            // window is starting (a copy of the whole journal, read back,
            // would hold the journal the first page waits for), but soon.
            // Saves never merge the search index; a few small steps of it
            // here (the journal is free between them) keep searches quick.
            if let Ok(journal) = app.state::<AppState>().journal() {
                for _ in 0..TIDY_STEPS {
                    if !matches!(journal.tidy_search(), Ok(true)) {
                        break;
                    }
                }
                let _ = journal.checkpoint();
            }
            match BACKUP_AFTER_START.checked_sub(started.elapsed()) {
                Some(left) if !left.is_zero() => wait = wait.min(left),
                _ => app.state::<AppState>().daily_backup(),
            }
            match rx.recv_timeout(wait) {
                Ok(()) | Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => break,
            }
        })
        .expect("the reminder thread starts");
}

/// Send whatever is due now; return how long until the next one. While the
/// journal is locked, plan from what was read as it locked.
fn deliver_due<R: Runtime>(app: &AppHandle<R>) -> Option<Duration> {
    let state = app.state::<AppState>();
    let Ok(journal) = state.journal() else {
        return state
            .with_locked_reminders(|locked| loop {
                let (now, zone) = (now(), journal_host::system_zone());
                let planned = locked.next(now, zone)?;
                if planned.at > now {
                    return (planned.at - now).to_std().ok();
                }
                let (title, body) = locked.deliver(&planned);
                let _ = app.notification().builder().title(title).body(body).show();
            })
            .flatten();
    };
    loop {
        let (now, zone) = (now(), journal_host::system_zone());
        let planned = journal.next_reminder(now, zone).ok()??;
        if planned.at > now {
            return (planned.at - now).to_std().ok();
        }
        let (title, body) = journal.notification_text(&planned).ok()?;
        // Recorded first, so a crash while showing it never repeats it every
        // minute; and even if no notification daemon listens: never a burst later.
        journal.record_delivery(&planned).ok()?;
        let _ = app.notification().builder().title(title).body(body).show();
    }
}
