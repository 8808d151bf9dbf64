//! Not alone, on real journal files: time with people logged, listed,
//! taken back and put back; the quiet-days note once in a quiet stretch;
//! the cards it brings; and messages written instead of being sent, kept
//! (an urge held) or sent as a practical version (a necessary contact),
//! deleted without a trace, and carried through an export.

use chrono::NaiveDate;
use journal_core::{FixedClock, Journal, Store, UnsentOutcome, When};
use std::path::Path;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn journal_at(path: &Path, now: &str) -> Journal {
    Journal::new(Store::open(path).unwrap(), FixedClock::at_utc(now))
}

#[test]
fn time_with_people_is_logged_listed_and_counted_in_the_status() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let j = journal_at(&db, "2027-03-10T19:00:00Z");
    j.log_company(When::Day(day("2027-03-02")), "Ana", Some("coffee"), Some(4))
        .unwrap();
    j.log_company(When::Day(day("2027-03-08")), "my sister", None, None)
        .unwrap();
    let t = j
        .log_company(When::Now, "  Ana ", Some(" a walk by the river "), Some(5))
        .unwrap();
    assert_eq!(
        (t.date.as_str(), t.who.as_str(), t.what.as_deref(), t.felt),
        ("2027-03-10", "Ana", Some("a walk by the river"), Some(5))
    );
    let status = j.space_status(None).unwrap();
    let twp = &status.time_with_people;
    assert_eq!(twp.last_date.as_deref(), Some("2027-03-10"));
    assert_eq!(twp.days_since, Some(0));
    assert_eq!(twp.count_7d, 2, "the 2nd is more than a week back");
    assert_eq!(j.company_names().unwrap(), ["Ana", "my sister"]);

    // Bad input is refused and nothing is saved.
    for (who, felt, says) in [
        ("  ", None, "Say who it was with"),
        ("Ana", Some(6), "1 to 5"),
        (&*"x".repeat(201), None, "too long"),
    ] {
        let e = j.log_company(When::Now, who, None, felt).unwrap_err();
        assert_eq!(e.code(), "invalid_input");
        assert!(e.user_message().contains(says), "{e}");
    }
    let e = j
        .log_company(When::Day(day("2027-03-11")), "Ana", None, None)
        .unwrap_err();
    assert!(e.user_message().contains("has not happened yet"), "{e}");
    assert_eq!(j.company(None, None).unwrap().len(), 3);

    // Undo: taken back, it no longer counts; put back, it does again.
    j.set_company_removed(t.id, true).unwrap();
    let status = j.space_status(None).unwrap();
    assert_eq!(
        status.time_with_people.last_date.as_deref(),
        Some("2027-03-08")
    );
    assert_eq!(j.company(Some(day("2027-03-05")), None).unwrap().len(), 1);
    j.set_company_removed(t.id, false).unwrap();
    assert_eq!(j.company(Some(day("2027-03-05")), None).unwrap().len(), 2);

    // The file keeps it: opened again, it is all there.
    drop(j);
    let again = journal_at(&db, "2027-03-12T19:00:00Z");
    assert_eq!(
        again
            .space_status(None)
            .unwrap()
            .time_with_people
            .days_since,
        Some(2)
    );
}

#[test]
fn the_quiet_days_note_comes_once_in_a_quiet_stretch_and_brings_its_card() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let on = |d: &str| journal_at(&db, &format!("{d}T19:00:00Z"));
    let j = on("2027-03-01");
    j.save_page(day("2027-03-01"), "A first page.", None, None)
        .unwrap();
    j.log_company(When::Now, "Ana", None, None).unwrap();
    assert!(!j.company_nudge().unwrap());
    let guidance = j.guidance(None, Some("A first page."), None).unwrap();
    let enjoy = guidance
        .iter()
        .find(|s| s.id == "support-enjoy-the-company")
        .expect("the card for a day with company");
    assert_eq!(enjoy.reason, "because you spent time with people today");
    drop(j);

    for d in ["2027-03-02", "2027-03-03", "2027-03-04"] {
        assert!(!on(d).company_nudge().unwrap(), "{d}: not yet");
    }
    // Four quiet days: the note, and it stays all that day.
    let j = on("2027-03-05");
    assert!(j.company_nudge().unwrap());
    assert!(j.company_nudge().unwrap(), "still there later that day");
    let guidance = j.guidance(None, Some("Work, then home."), None).unwrap();
    let lean = guidance
        .iter()
        .find(|s| s.reason == "because it has been a few quiet days")
        .expect("a card about company");
    assert_eq!(lean.id, "support-let-people-keep-you-company");
    // The first day's page, opened later: its reasons speak of that day.
    let earlier = j
        .guidance(Some(day("2027-03-01")), Some("A first page."), None)
        .unwrap();
    assert!(
        earlier.iter().any(|s| s.id == "support-enjoy-the-company"
            && s.reason == "because you spent time with people that day"),
        "{earlier:?}"
    );
    // With an urge held that day too, the card for the company is still the
    // one that says so.
    j.log_urge(When::Day(day("2027-03-01")), None, None)
        .unwrap();
    let both = j
        .guidance(Some(day("2027-03-01")), Some("A first page."), None)
        .unwrap();
    let company = both
        .iter()
        .find(|s| s.reason == "because you spent time with people that day")
        .expect("the company reason");
    assert_eq!(company.id, "support-enjoy-the-company");
    drop(j);
    // The next days of the same stretch: not again.
    for d in ["2027-03-06", "2027-03-09", "2027-04-20"] {
        assert!(!on(d).company_nudge().unwrap(), "{d}: once a stretch");
    }
    // Time with someone starts a new stretch; after four quiet days, the
    // note may come again.
    on("2027-04-21")
        .log_company(When::Now, "Sam", Some("dinner"), None)
        .unwrap();
    assert!(!on("2027-04-24").company_nudge().unwrap());
    assert!(on("2027-04-25").company_nudge().unwrap());

    // Off.
    let j = on("2027-05-30");
    j.set_setting("support.nudge_days", "0").unwrap();
    assert!(!j.company_nudge().unwrap());
}

#[test]
fn a_message_kept_unsent_counts_as_an_urge_held_and_a_practical_one_as_necessary() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let j = journal_at(&db, "2027-03-10T21:00:00Z");
    j.start_period(Some(day("2027-03-01")), None).unwrap();
    let before = j.space_status(None).unwrap();

    let kept = j
        .log_unsent(
            When::Now,
            "I miss you. Marigold. Can we talk tonight?",
            UnsentOutcome::Kept,
        )
        .unwrap();
    assert_eq!(kept.outcome, UnsentOutcome::Kept);
    let after = j.space_status(None).unwrap();
    assert_eq!(after.urges_resisted, before.urges_resisted + 1);
    assert_eq!(
        after.current_streak_days, before.current_streak_days,
        "nothing was sent: the count goes on"
    );
    let urge = j.urges_with(false).unwrap().pop().unwrap();
    assert!(
        !urge.note.unwrap_or_default().contains("Marigold"),
        "the urge does not repeat the message"
    );

    let sent = j
        .log_unsent(
            When::Now,
            "The school trip form needs signing by Friday.",
            UnsentOutcome::SentNecessary,
        )
        .unwrap();
    let after2 = j.space_status(None).unwrap();
    assert_eq!(after2.contacts.necessary, after.contacts.necessary + 1);
    assert_eq!(after2.current_streak_days, after.current_streak_days);
    assert_eq!(j.unsent_list().unwrap(), [kept.clone(), sent.clone()]);
    assert_eq!(j.unsent(sent.id).unwrap(), sent);

    let e = j
        .log_unsent(When::Now, "   ", UnsentOutcome::Kept)
        .unwrap_err();
    assert!(e.user_message().contains("nothing written yet"), "{e}");
    assert_eq!(j.unsent_list().unwrap().len(), 2, "nothing saved");

    // Deleted: gone from the list and from the file.
    j.delete_unsent(kept.id).unwrap();
    assert_eq!(j.unsent_list().unwrap(), [sent]);
    assert!(j.unsent(kept.id).is_err());
    assert_eq!(
        j.space_status(None).unwrap().urges_resisted,
        after2.urges_resisted,
        "the urge it logged happened, and still counts"
    );
    drop(j);
    for file in ["j.db", "j.db-wal"] {
        if let Ok(raw) = std::fs::read(dir.path().join(file)) {
            assert!(
                !raw.windows(8).any(|w| w == b"Marigold"),
                "nothing of a deleted message stays in {file}"
            );
        }
    }
}

#[test]
fn time_with_people_and_messages_come_through_an_export_and_merge_once() {
    let dir = tempfile::tempdir().unwrap();
    let a = journal_at(&dir.path().join("a.db"), "2027-03-10T21:00:00Z");
    a.start_period(Some(day("2027-03-01")), None).unwrap();
    a.log_company(When::Day(day("2027-03-04")), "Ana", Some("coffee"), Some(4))
        .unwrap();
    a.log_unsent(When::Now, "Words I did not send.", UnsentOutcome::Kept)
        .unwrap();
    let text = a.export_json().unwrap();

    let b = journal_at(&dir.path().join("b.db"), "2027-03-11T09:00:00Z");
    b.import_json(&text, false).unwrap();
    assert_eq!(
        b.company(None, None).unwrap(),
        a.company(None, None).unwrap()
    );
    assert_eq!(b.unsent_list().unwrap(), a.unsent_list().unwrap());
    b.import_json(&text, false).unwrap();
    assert_eq!(b.company(None, None).unwrap().len(), 1, "twice: no change");
    assert_eq!(b.unsent_list().unwrap().len(), 1);
}
