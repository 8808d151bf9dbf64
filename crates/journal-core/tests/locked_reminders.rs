//! Reminders while the journal is locked: planned from what was read as it
//! locked, never twice, always in the discreet words.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use journal_core::{FixedClock, Journal, NoteKind, Store};

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn journal() -> Journal {
    let j = Journal::new(
        Store::open_in_memory().unwrap(),
        FixedClock::at_utc("2027-03-14T09:00:00Z"),
    );
    j.set_setting("daily.enabled", "true").unwrap();
    j.set_setting("daily.time", "21:00").unwrap();
    j.set_setting("daily.days", "mon,tue,wed,thu,fri,sat,sun")
        .unwrap();
    j.set_setting("quiet.enabled", "false").unwrap();
    j.set_setting("discreet", "false").unwrap();
    // The 14th is a Sunday; the week's look back is on Wednesdays here, so
    // these are the day's notes (the look back's is tested in schedule.rs).
    j.set_setting("review.day", "wed").unwrap();
    j
}

#[test]
fn a_locked_journal_still_gets_its_daily_note_once_and_discreetly() {
    let zone: Tz = "UTC".parse().unwrap();
    let j = journal();
    let mut locked = j.locked_reminders(zone).unwrap();
    drop(j);

    let next = locked
        .next(utc("2027-03-14T09:00:00Z"), zone)
        .expect("a note today");
    assert_eq!(next.kind, NoteKind::Daily);
    assert_eq!(next.at, utc("2027-03-14T21:00:00Z"));
    let (title, body) = locked.deliver(&next);
    assert_eq!(title, "Breathing Room");
    assert_eq!(
        body, "A quiet moment for your pages",
        "discreet while locked"
    );

    // Not again that day; the next day's comes.
    let after = locked
        .next(utc("2027-03-14T21:00:30Z"), zone)
        .expect("tomorrow's");
    assert_eq!(
        after.local_date,
        NaiveDate::from_ymd_opt(2027, 3, 15).unwrap()
    );
    assert_eq!(
        locked.sent().len(),
        1,
        "kept to be recorded at the next unlock"
    );
}

#[test]
fn a_page_written_before_locking_means_no_note_that_day() {
    let zone: Tz = "UTC".parse().unwrap();
    let j = journal();
    j.save_page(
        NaiveDate::from_ymd_opt(2027, 3, 14).unwrap(),
        "Written in the morning.",
        None,
        None,
    )
    .unwrap();
    let locked = j.locked_reminders(zone).unwrap();
    let next = locked.next(utc("2027-03-14T09:00:00Z"), zone).unwrap();
    assert_eq!(
        next.local_date,
        NaiveDate::from_ymd_opt(2027, 3, 15).unwrap(),
        "today is written: the next note is tomorrow's"
    );
}
