//! The weekly look back on a real journal file: the week's figures from
//! everything logged, the three answers written into today's page under
//! the review's heading, and whether the look back is due today.

use chrono::NaiveDate;
use journal_core::{ContactKind, FixedClock, Journal, Store, UnsentOutcome, When, REVIEW_HEADING};
use std::path::Path;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn journal_at(path: &Path, now: &str) -> Journal {
    Journal::new(Store::open(path).unwrap(), FixedClock::at_utc(now))
}

#[test]
fn a_week_is_looked_back_on_and_its_answers_land_on_todays_page() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    // Sunday 14 March 2027, the default review day.
    let j = journal_at(&db, "2027-03-14T18:00:00Z");
    j.start_period(Some(day("2027-03-11")), Some("I told them."))
        .unwrap();
    j.save_page(day("2027-03-09"), "Before it began.", Some(2), None)
        .unwrap();
    j.save_page(day("2027-03-12"), "A long walk.", Some(4), None)
        .unwrap();
    j.log_urge(When::Day(day("2027-03-12")), Some(3), None)
        .unwrap();
    j.log_contact(
        ContactKind::TheyReachedOut,
        When::Day(day("2027-03-13")),
        None,
    )
    .unwrap();
    j.log_company(When::Day(day("2027-03-13")), "Ana", Some("coffee"), Some(4))
        .unwrap();
    j.log_unsent(When::Now, "Words kept here.", UnsentOutcome::Kept)
        .unwrap();
    j.set_card_helpful("urges-wait-twenty-minutes", true)
        .unwrap();

    assert!(j.review_due().unwrap());
    let w = j.week_review(None).unwrap();
    assert_eq!(
        (w.from.as_str(), w.to.as_str()),
        ("2027-03-08", "2027-03-14")
    );
    assert_eq!(w.days_written, 2);
    assert_eq!(w.days_of_space, 4, "Thursday to Sunday");
    assert_eq!(
        w.urges_held, 2,
        "the urge logged, and the message kept unsent"
    );
    assert_eq!(w.unsent_kept, 1);
    assert_eq!(w.contacts.they_reached_out, 1);
    assert_eq!(w.contacts.upfront, 1);
    assert_eq!(w.time_with_people.len(), 1);
    assert_eq!(
        w.moods
            .iter()
            .map(|m| (m.date.as_str(), m.mood))
            .collect::<Vec<_>>(),
        [("2027-03-09", 2), ("2027-03-12", 4)]
    );
    assert_eq!(
        w.helped.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
        ["urges-wait-twenty-minutes"]
    );
    assert_eq!(w.answered_on, None);

    // Nothing to keep: refused, nothing written.
    let e = j.answer_review(" ", "", "").unwrap_err();
    assert_eq!(e.code(), "invalid_input");
    assert!(!j
        .get_page(day("2027-03-14"))
        .unwrap()
        .body
        .contains(REVIEW_HEADING));

    j.save_page(day("2027-03-14"), "Sunday, slow.", None, None)
        .unwrap();
    let w = j
        .answer_review("The walks.", "Ana, over coffee.", "")
        .unwrap();
    assert_eq!(w.answered_on.as_deref(), Some("2027-03-14"));
    assert_eq!(
        j.get_page(day("2027-03-14")).unwrap().body,
        format!(
            "Sunday, slow.\n\n## {REVIEW_HEADING}\n\n**What helped this week:** The walks.\n\n\
             **Who was good company:** Ana, over coffee."
        )
    );
    assert!(!j.review_due().unwrap(), "looked back on");

    // Another week: its own figures; the week before has none of these.
    let before = j.week_review(Some(day("2027-03-03"))).unwrap();
    assert_eq!(
        (before.from.as_str(), before.days_written),
        ("2027-03-01", 0)
    );
    assert_eq!(before.answered_on, None);

    // Not the review day: not due.
    drop(j);
    let monday = journal_at(&db, "2027-03-15T18:00:00Z");
    assert!(!monday.review_due().unwrap());
    // Moved to Mondays, the week ending today already holds the answers;
    // the next Monday's does not.
    monday.set_setting("review.day", "mon").unwrap();
    assert!(!monday.review_due().unwrap());
    drop(monday);
    assert!(journal_at(&db, "2027-03-22T18:00:00Z")
        .review_due()
        .unwrap());
}
