//! An encrypted journal locks by itself when the desktop's screen locks and
//! before the machine sleeps. The desktop says so on D-Bus:
//! `org.freedesktop.ScreenSaver` and `org.gnome.ScreenSaver` send
//! `ActiveChanged(true)` on the session bus; logind sends its session's
//! `Lock` and the manager's `PrepareForSleep(true)` on the system bus.
//!
//! Hearing one, the shell asks the page to save what is being typed and
//! lock (the same path as Ctrl+L); if the page has not locked within
//! [`LOCK_GRACE`], the shell locks it itself. (Idle time is watched by the
//! page, which is where the keyboard and pointer are.)
//!
//! `BREATHING_ROOM_LOGIND_BUS=session` listens for logind's signals on the
//! session bus instead, so the end-to-end tests can send them on a private
//! bus without touching the machine's own logind.

use crate::AppState;
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager, Runtime};
use zbus::blocking::{Connection, MessageIterator};
use zbus::message::Type;
use zbus::MatchRule;

/// The event asking the page to save and lock.
pub const LOCK_REQUEST_EVENT: &str = "lock-requested";
/// How long the page has to save and lock before the shell locks.
pub const LOCK_GRACE: Duration = Duration::from_secs(3);
/// See the module's documentation.
pub const LOGIND_BUS_ENV: &str = "BREATHING_ROOM_LOGIND_BUS";

/// Why the journal should lock now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    ScreenLocked,
    SessionLocked,
    Sleeping,
}

/// The signals listened for, as (interface, member).
const SIGNALS: [(&str, &str); 4] = [
    ("org.freedesktop.ScreenSaver", "ActiveChanged"),
    ("org.gnome.ScreenSaver", "ActiveChanged"),
    ("org.freedesktop.login1.Session", "Lock"),
    ("org.freedesktop.login1.Manager", "PrepareForSleep"),
];

/// What a signal means for the journal: `flag` is its boolean argument,
/// where it has one. The screen unlocking and the machine waking lock
/// nothing.
pub fn trigger(interface: &str, member: &str, flag: Option<bool>) -> Option<Trigger> {
    match (interface, member, flag) {
        ("org.freedesktop.ScreenSaver" | "org.gnome.ScreenSaver", "ActiveChanged", Some(true)) => {
            Some(Trigger::ScreenLocked)
        }
        ("org.freedesktop.login1.Session", "Lock", _) => Some(Trigger::SessionLocked),
        ("org.freedesktop.login1.Manager", "PrepareForSleep", Some(true)) => {
            Some(Trigger::Sleeping)
        }
        _ => None,
    }
}

/// Asks the page to save and lock, and locks after [`LOCK_GRACE`] if it
/// has not. Nothing happens to a plain or already locked journal.
pub fn lock_soon<R: Runtime>(app: &AppHandle<R>) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    let now = state.lock_state();
    if !now.encrypted || now.locked {
        return;
    }
    let asked_at = state.locks();
    let _ = app.emit_to(crate::MAIN_WINDOW, LOCK_REQUEST_EVENT, ());
    let app = app.clone();
    std::thread::spawn(move || {
        std::thread::sleep(LOCK_GRACE);
        let state = app.state::<AppState>();
        // Locked since it was asked (and perhaps unlocked again by the
        // person since): done. Otherwise the page did not answer.
        if state.locks() == asked_at && state.lock().locked {
            let _ = app.emit_to(crate::MAIN_WINDOW, crate::LOCKED_EVENT, ());
        }
    });
}

/// Listens on the session and system buses, each on its own thread. A bus
/// that is not there (no desktop session, no logind) is simply not heard.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let logind_on_session = std::env::var(LOGIND_BUS_ENV).is_ok_and(|v| v == "session");
    let (session, system): (Vec<_>, Vec<_>) = SIGNALS
        .iter()
        .partition(|(interface, _)| logind_on_session || !interface.contains("login1"));
    for (bus, signals) in [(Bus::Session, session), (Bus::System, system)] {
        if signals.is_empty() {
            continue;
        }
        let app = app.clone();
        let _ = std::thread::Builder::new()
            .name(format!("autolock-{bus:?}"))
            .spawn(move || {
                let _ = listen(bus, &signals, |_| lock_soon(&app));
            });
    }
}

#[derive(Debug, Clone, Copy)]
enum Bus {
    Session,
    System,
}

fn listen(bus: Bus, signals: &[&(&str, &str)], on: impl Fn(Trigger)) -> zbus::Result<()> {
    let conn = match bus {
        Bus::Session => Connection::session()?,
        Bus::System => Connection::system()?,
    };
    // Every message the connection receives, read from before the bus is
    // asked for the signals, so none is missed between the two.
    let messages = MessageIterator::from(&conn);
    let dbus = zbus::blocking::fdo::DBusProxy::new(&conn)?;
    for (interface, member) in signals {
        let rule = MatchRule::builder()
            .msg_type(Type::Signal)
            .interface(*interface)?
            .member(*member)?
            .build();
        dbus.add_match_rule(rule)?;
    }
    for message in messages {
        let Ok(message) = message else { continue };
        let header = message.header();
        if header.message_type() != Type::Signal {
            continue;
        }
        let (Some(interface), Some(member)) = (header.interface(), header.member()) else {
            continue;
        };
        let flag = message.body().deserialize::<bool>().ok();
        if let Some(t) = trigger(interface.as_str(), member.as_str(), flag) {
            on(t);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case(
        "org.freedesktop.ScreenSaver",
        "ActiveChanged",
        Some(true),
        Some(Trigger::ScreenLocked)
    )]
    #[case(
        "org.gnome.ScreenSaver",
        "ActiveChanged",
        Some(true),
        Some(Trigger::ScreenLocked)
    )]
    #[case("org.freedesktop.ScreenSaver", "ActiveChanged", Some(false), None)]
    #[case("org.gnome.ScreenSaver", "ActiveChanged", None, None)]
    #[case(
        "org.freedesktop.login1.Session",
        "Lock",
        None,
        Some(Trigger::SessionLocked)
    )]
    #[case("org.freedesktop.login1.Session", "Unlock", None, None)]
    #[case(
        "org.freedesktop.login1.Manager",
        "PrepareForSleep",
        Some(true),
        Some(Trigger::Sleeping)
    )]
    #[case("org.freedesktop.login1.Manager", "PrepareForSleep", Some(false), None)]
    #[case("org.example.Other", "ActiveChanged", Some(true), None)]
    fn a_signal_locks_only_when_the_screen_locks_or_the_machine_sleeps(
        #[case] interface: &str,
        #[case] member: &str,
        #[case] flag: Option<bool>,
        #[case] want: Option<Trigger>,
    ) {
        assert_eq!(trigger(interface, member, flag), want);
    }
}
