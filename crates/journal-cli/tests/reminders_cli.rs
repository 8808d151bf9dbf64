//! `settings get/set` and `reminders next` as scripts use them, with the DST
//! days of the contract computed in the zone `TZ` names.

use assert_cmd::Command;
use rstest::rstest;
use serde_json::{json, Value};
use std::path::Path;

fn cli(db: &Path, tz: &str) -> Command {
    let mut c = Command::cargo_bin("breathing-room-cli").unwrap();
    c.env_remove("BREATHING_ROOM_DB")
        .env("TZ", tz)
        .arg("--db")
        .arg(db);
    c
}

fn ok(db: &Path, tz: &str, args: &[&str]) -> Value {
    let out = cli(db, tz).arg("--json").args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn settings_list_get_set_and_refuse() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let all = ok(&db, "UTC", &["settings", "get"]);
    let keys: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        [
            "daily.enabled",
            "daily.time",
            "daily.days",
            "quiet.enabled",
            "quiet.start",
            "quiet.end",
            "discreet",
            "milestones",
            "checkin.days",
            "autostart",
            "close_to_tray",
            "lock.idle_minutes",
            "backup.dir",
            "look_back",
            "support.nudge_days",
            "unsent.pause_minutes",
            "review.day"
        ]
    );
    assert_eq!(
        ok(&db, "UTC", &["settings", "get", "daily.days"]),
        json!({"key": "daily.days", "value": "mon,tue,wed,thu,fri,sat,sun"})
    );
    ok(&db, "UTC", &["settings", "set", "daily.time", "07:45"]);
    let out = cli(&db, "UTC")
        .args(["settings", "get", "daily.time"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "07:45\n");

    for (key, value) in [
        ("daily.time", "7:45pm"),
        ("daily.days", "funday"),
        ("checkin.days", "45"),
        ("discreet", "maybe"),
        ("colour", "blue"),
    ] {
        let out = cli(&db, "UTC")
            .args(["settings", "set", key, value])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{key}={value}");
    }
    assert_eq!(
        ok(&db, "UTC", &["settings", "get", "daily.time"])["value"],
        "07:45"
    );
}

#[rstest]
// The reminder at a time that does not exist on a spring-forward day fires at
// the first valid minute after; on a fall-back day, at the first of the two.
#[case(
    "America/New_York",
    "02:30",
    "2027-03-14T00:10:00-05:00",
    "2027-03-14T03:00:00-04:00"
)]
#[case(
    "America/New_York",
    "01:30",
    "2027-11-07T00:10:00-04:00",
    "2027-11-07T01:30:00-04:00"
)]
#[case(
    "Europe/Berlin",
    "02:30",
    "2027-03-28T00:10:00+01:00",
    "2027-03-28T03:00:00+02:00"
)]
#[case(
    "America/New_York",
    "20:30",
    "2027-03-14T00:10:00-05:00",
    "2027-03-14T20:30:00-04:00"
)]
#[case(
    "America/New_York",
    "20:30",
    "2027-11-07T00:10:00-04:00",
    "2027-11-07T20:30:00-05:00"
)]
fn reminders_next_on_dst_days(
    #[case] tz: &str,
    #[case] time: &str,
    #[case] as_of: &str,
    #[case] want: &str,
) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    ok(&db, tz, &["settings", "set", "daily.time", time]);
    ok(&db, tz, &["settings", "set", "quiet.enabled", "false"]);
    let next = ok(&db, tz, &["reminders", "next", "--as-of", as_of]);
    // Clocks change on Sundays, the week's look back by default: its
    // invitation takes the day's slot, at the same time.
    assert_eq!(next, json!({"at": want, "kind": "review"}));
    ok(&db, tz, &["settings", "set", "review.day", "wed"]);
    let next = ok(&db, tz, &["reminders", "next", "--as-of", as_of]);
    assert_eq!(next, json!({"at": want, "kind": "daily"}));
}

#[test]
fn a_written_page_moves_the_reminder_to_tomorrow_and_off_means_null() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let tz = "Europe/Berlin";
    let as_of = "2026-06-10T12:00:00+02:00";
    assert_eq!(
        ok(&db, tz, &["reminders", "next", "--as-of", as_of]),
        json!({"at": "2026-06-10T20:30:00+02:00", "kind": "daily"})
    );
    ok(&db, tz, &["write", "--date", "2026-06-10", "A few lines."]);
    assert_eq!(
        ok(&db, tz, &["reminders", "next", "--as-of", as_of]),
        json!({"at": "2026-06-11T20:30:00+02:00", "kind": "daily"})
    );
    // Later that evening, with the page still empty on the 11th: a catch-up.
    assert_eq!(
        ok(
            &db,
            tz,
            &["reminders", "next", "--as-of", "2026-06-11T21:00:00+02:00"]
        ),
        json!({"at": "2026-06-11T21:00:00+02:00", "kind": "catch-up"})
    );
    ok(&db, tz, &["settings", "set", "daily.enabled", "false"]);
    ok(&db, tz, &["settings", "set", "checkin.days", "0"]);
    assert_eq!(
        ok(&db, tz, &["reminders", "next", "--as-of", as_of]),
        Value::Null
    );
    let out = cli(&db, tz)
        .args(["reminders", "next", "--as-of", "tomorrow"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
