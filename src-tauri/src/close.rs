//! Every way out saves first. Closing the window and the tray's Quit both
//! ask the UI to save (`flush-requested`); the UI answers `close_ready` once
//! the words are stored (or copied to the recovery file), or `close_hold`
//! while it asks the person what to do about words it could not save. Only
//! a UI that never answers is overruled, after `FLUSH_GRACE`.

use crate::AppState;
use journal_core::BUSY_TIMEOUT;
use serde::Serialize;
use std::sync::Mutex;
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// The event asking the UI to save what it has before the window closes.
pub const FLUSH_EVENT: &str = "flush-requested";

/// The UI's pause before it tries a failed save once more
/// (`CLOSE_RETRY_PAUSE_MS` in ui/src/lib/session.svelte.ts).
const UI_RETRY_PAUSE: Duration = Duration::from_millis(300);

/// How long the UI gets to answer a close request before the window closes
/// anyway, for a UI that cannot answer at all (a web view that hung).
///
/// It must outlast a save that is waiting for the journal, or the window
/// would close under it and the words it carries would be lost: a save waits
/// up to `BUSY_TIMEOUT` while another program (the command line) writes, and
/// when the close comes with a save already waiting, the UI's flush waits for
/// that one and then tries again, which can wait as long once more; before
/// the page, the drafts of the forms beside it are kept, which can wait as
/// long again. If the page's save fails, the UI holds the close before its
/// pause (`UI_RETRY_PAUSE`) and last try, so those run without a clock.
/// Three times the busy timeout, the pause and a second to spare: 16.3 s.
pub const FLUSH_GRACE: Duration = BUSY_TIMEOUT
    .saturating_mul(3)
    .saturating_add(UI_RETRY_PAUSE)
    .saturating_add(Duration::from_secs(1));

/// What the flush event tells the UI: whether this close quits the app.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct FlushRequest {
    pub quit: bool,
}

/// Where an answered close request leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leave {
    /// The window closes: hidden to the tray, or the app quits, as the
    /// `close_to_tray` setting says.
    Window,
    /// The app quits (the tray's Quit).
    App,
}

/// The close requests and the UI's answers, so the grace-period fallback
/// does nothing once the UI has answered (and never closes a window that was
/// hidden to the tray and shown again meanwhile, or one whose close the UI is
/// holding while it asks the person).
#[derive(Default)]
pub struct CloseGuard {
    requests: Mutex<Requests>,
}

#[derive(Default)]
struct Requests {
    asked: u64,
    answered: u64,
    /// The requests waiting (or held) include a quit.
    quit: bool,
}

impl CloseGuard {
    fn requests(&self) -> std::sync::MutexGuard<'_, Requests> {
        self.requests.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A new close request; its number is what its grace timer checks.
    /// A quit asked while a window close waits makes the two a quit.
    pub fn ask(&self, quit: bool) -> u64 {
        let mut r = self.requests();
        let waiting = r.answered < r.asked;
        r.quit = quit || (waiting && r.quit);
        r.asked += 1;
        r.asked
    }

    /// The UI is asking the person: every request so far is answered, and
    /// nothing closes until it says `close_ready`.
    pub fn hold(&self) {
        let mut r = self.requests();
        r.answered = r.asked;
    }

    /// The UI has dealt with the words: where the requests lead.
    pub fn ready(&self) -> Leave {
        let mut r = self.requests();
        r.answered = r.asked;
        if std::mem::take(&mut r.quit) {
            Leave::App
        } else {
            Leave::Window
        }
    }

    /// The grace period of `request` is over: where to go if nothing has
    /// answered it (the UI could not), or `None` to leave the window be.
    pub fn expire(&self, request: u64) -> Option<Leave> {
        if self.requests().answered >= request {
            return None;
        }
        Some(self.ready())
    }
}

/// Ask the UI to save before the window `label` closes (`quit`: the app
/// quits afterwards), and close it anyway if the UI never answers. Returns
/// the request's number.
pub fn request_close<R: Runtime>(app: &AppHandle<R>, label: &str, quit: bool) -> u64 {
    let guard = app.state::<CloseGuard>();
    let request = guard.ask(quit);
    if app.get_webview_window(label).is_none() {
        // No page to save from.
        if let Some(to) = guard.expire(request) {
            let _ = leave(app, to);
        }
        return request;
    }
    let _ = app.emit_to(label, FLUSH_EVENT, FlushRequest { quit });
    let app = app.clone();
    std::thread::spawn(move || {
        std::thread::sleep(FLUSH_GRACE);
        if let Some(to) = app.state::<CloseGuard>().expire(request) {
            let _ = leave(&app, to);
        }
    });
    request
}

/// After the UI has saved: hide the window to the tray (so reminders can
/// fire) or quit.
pub fn leave<R: Runtime>(app: &AppHandle<R>, to: Leave) -> tauri::Result<()> {
    let to_tray = to == Leave::Window
        && app
            .try_state::<AppState>()
            .and_then(|s| {
                s.journal()
                    .ok()
                    .and_then(|j| j.setting("close_to_tray").ok())
            })
            .is_none_or(|e| e.value == "true");
    match app.get_webview_window(crate::MAIN_WINDOW) {
        Some(window) if to_tray => {
            window.hide()?;
            // An encrypted journal locks when its window goes to the tray,
            // and the page drops everything it showed (the unlock screen).
            if let Some(state) = app.try_state::<AppState>() {
                if state.lock_state().encrypted && state.lock().locked {
                    app.emit_to(crate::MAIN_WINDOW, crate::LOCKED_EVENT, ())?;
                }
            }
            Ok(())
        }
        _ => {
            app.exit(0);
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grace_period_outlasts_a_save_waiting_on_a_busy_journal() {
        assert!(FLUSH_GRACE > BUSY_TIMEOUT * 3 + UI_RETRY_PAUSE);
    }

    #[test]
    fn a_held_close_is_left_alone_by_its_timer_and_keeps_its_quit() {
        let guard = CloseGuard::default();
        let quit = guard.ask(true);
        guard.hold();
        assert_eq!(guard.expire(quit), None);
        assert_eq!(guard.ready(), Leave::App, "quit anyway");

        let quit = guard.ask(true);
        guard.hold();
        // The person kept the window open, and later closes it: not a quit.
        let close = guard.ask(false);
        assert_eq!(guard.expire(quit), None);
        assert_eq!(guard.expire(close), Some(Leave::Window));
    }

    #[test]
    fn a_quit_while_a_close_waits_quits() {
        let guard = CloseGuard::default();
        guard.ask(false);
        let quit = guard.ask(true);
        assert_eq!(guard.expire(quit), Some(Leave::App));
        // Both were answered by that: the first's timer does nothing more.
        assert_eq!(guard.expire(1), None);
    }
}
