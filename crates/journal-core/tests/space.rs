//! Giving space, through the store on a real file: periods, the contact log,
//! urges, refusals that store nothing, and days that stay put across zones.

use chrono::{DateTime, FixedOffset, NaiveDate};
use journal_core::{ContactKind, FixedClock, Store, When};

fn d(s: &str) -> NaiveDate {
    journal_core::parse_date(s).unwrap()
}

/// Noon UTC on `day`, seen from an offset of `hours`.
fn clock(day: &str, hours: i32) -> FixedClock {
    FixedClock::new(
        FixedClock::at_utc(&format!("{day}T12:00:00Z")).now,
        FixedOffset::east_opt(hours * 3600).unwrap(),
    )
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path().join("j.db")).unwrap();
    (dir, s)
}

#[test]
fn the_contract_example_through_the_store() {
    let (_dir, mut s) = store();
    let c = clock("2027-01-10", 0);
    s.start_period(d("2027-01-01"), Some("I'll step back for a while."), &c)
        .unwrap();
    s.add_contact(ContactKind::Pursued, When::Day(d("2027-01-05")), None, &c)
        .unwrap();
    s.add_contact(
        ContactKind::Pursued,
        When::Day(d("2027-01-05")),
        Some("again"),
        &c,
    )
    .unwrap();
    s.add_contact(ContactKind::Necessary, When::Day(d("2027-01-07")), None, &c)
        .unwrap();
    s.add_urge(When::Day(d("2027-01-08")), Some(4), None, &c)
        .unwrap();
    s.add_urge(When::Now, None, Some("after the song on the radio"), &c)
        .unwrap();

    let st = s.space_status(d("2027-01-10")).unwrap();
    assert_eq!(st.current_streak_days, 5);
    assert_eq!(st.best_streak_days, 5);
    assert_eq!(st.total_space_days, 8);
    assert_eq!(st.urges_resisted, 2);
    assert_eq!(st.contacts.pursued, 2);
    assert_eq!(
        st.contacts.upfront, 1,
        "the upfront note is logged on day 0"
    );
    assert_eq!(st.contacts.necessary, 1);
    assert_eq!(st.last_reset.as_deref(), Some("2027-01-05"));

    // As of an earlier day, only what had happened by then counts.
    let then = s.space_status(d("2027-01-04")).unwrap();
    assert_eq!(then.current_streak_days, 3);
    assert_eq!(then.contacts.pursued, 0);
    assert_eq!(then.urges_resisted, 0);
    assert_eq!(then.last_reset, None);
}

#[test]
fn refusals_are_clear_and_store_nothing() {
    let (_dir, mut s) = store();
    let c = clock("2027-01-10", 0);
    let bad = |e: journal_core::Error| {
        assert!(e.is_invalid_input(), "{e}");
        e.to_string()
    };
    bad(s.start_period(d("2027-01-11"), None, &c).unwrap_err());
    s.start_period(d("2027-01-03"), None, &c).unwrap();
    let msg = bad(s.start_period(d("2027-01-04"), None, &c).unwrap_err());
    assert!(msg.contains("already open"), "{msg}");
    let msg = bad(s
        .add_contact(ContactKind::Pursued, When::Day(d("2027-01-02")), None, &c)
        .unwrap_err());
    assert!(msg.contains("before"), "{msg}");
    bad(s
        .add_contact(ContactKind::Necessary, When::Day(d("2027-01-11")), None, &c)
        .unwrap_err());
    let future = DateTime::parse_from_rfc3339("2027-01-10T18:00:00+00:00").unwrap();
    bad(s.add_urge(When::At(future), None, None, &c).unwrap_err());
    bad(s.add_urge(When::Now, Some(6), None, &c).unwrap_err());
    bad(s.end_period(d("2027-01-02"), Some("x"), &c).unwrap_err());
    bad(s.end_period(d("2027-01-12"), Some("x"), &c).unwrap_err());
    assert!(ContactKind::parse("called").is_err());

    assert!(s.contacts(None, None).unwrap().is_empty());
    assert!(s.urges(None, None).unwrap().is_empty());
    assert_eq!(s.periods().unwrap().len(), 1);
    assert_eq!(s.open_period().unwrap().unwrap().end, None);
}

#[test]
fn ending_freezes_the_figures_and_a_new_period_keeps_the_old_one() {
    let (_dir, mut s) = store();
    let c = clock("2027-02-01", 0);
    s.start_period(d("2027-01-01"), None, &c).unwrap();
    s.add_urge(When::Day(d("2027-01-03")), None, None, &c)
        .unwrap();
    let ended = s
        .end_period(
            d("2027-01-20"),
            Some("We talked, calmly, for the first time in months."),
            &c,
        )
        .unwrap();
    assert_eq!(ended.end.as_deref(), Some("2027-01-20"));
    assert!(s.open_period().unwrap().is_none());

    let frozen = s.space_status(d("2027-02-01")).unwrap();
    assert_eq!(frozen.current_streak_days, 19);
    assert_eq!(
        frozen.period.as_ref().unwrap().end.as_deref(),
        Some("2027-01-20")
    );
    assert_eq!(
        s.space_status(d("2027-06-01")).unwrap().current_streak_days,
        19
    );

    // A new period cannot begin inside the last one; it can after it.
    assert!(s.start_period(d("2027-01-19"), None, &c).is_err());
    s.start_period(d("2027-01-25"), None, &c).unwrap();
    let st = s.space_status(d("2027-02-01")).unwrap();
    assert_eq!(st.current_streak_days, 7);
    assert_eq!(st.urges_resisted, 0, "the old period's urges stay with it");
    assert_eq!(s.periods().unwrap().len(), 2);
    assert_eq!(
        s.periods().unwrap()[1].outcome.as_deref(),
        Some("We talked, calmly, for the first time in months.")
    );
}

#[test]
fn a_contact_keeps_its_own_local_day_whatever_zone_reads_it_later() {
    let (_dir, mut s) = store();
    // Logged at 23:30 in New York on Jan 5 (04:30 UTC on Jan 6).
    let ny = clock("2027-01-06", -5);
    s.start_period(d("2027-01-01"), None, &ny).unwrap();
    let at = DateTime::parse_from_rfc3339("2027-01-05T23:30:00-05:00").unwrap();
    let c = s
        .add_contact(ContactKind::Pursued, When::At(at), None, &ny)
        .unwrap();
    assert_eq!(c.date, "2027-01-05");
    assert_eq!(c.at, "2027-01-06T04:30:00.000Z");
    // Read later from Tokyo: still Jan 5, still one reset.
    let st = s.space_status(d("2027-01-10")).unwrap();
    assert_eq!(st.last_reset.as_deref(), Some("2027-01-05"));
    assert_eq!(st.current_streak_days, 5);

    // "Now" in a zone east of UTC is that zone's calendar day.
    let tokyo = FixedClock::new(
        FixedClock::at_utc("2027-01-10T20:00:00Z").now,
        FixedOffset::east_opt(9 * 3600).unwrap(),
    );
    let u = s.add_urge(When::Now, None, None, &tokyo).unwrap();
    assert_eq!(u.date, "2027-01-11");
}

#[test]
fn across_a_dst_change_days_are_neither_split_nor_merged() {
    let (_dir, mut s) = store();
    // Europe/Berlin springs forward on 2027-03-28: +01:00 before, +02:00 after.
    let before = clock("2027-03-27", 1);
    s.start_period(d("2027-03-20"), None, &before).unwrap();
    let late_sat = DateTime::parse_from_rfc3339("2027-03-27T23:59:00+01:00").unwrap();
    let early_sun = DateTime::parse_from_rfc3339("2027-03-28T03:01:00+02:00").unwrap();
    let after = clock("2027-03-29", 2);
    s.add_contact(ContactKind::Pursued, When::At(late_sat), None, &after)
        .unwrap();
    s.add_contact(ContactKind::Pursued, When::At(early_sun), None, &after)
        .unwrap();
    let st = s.space_status(d("2027-03-29")).unwrap();
    assert_eq!(st.contacts.pursued, 2);
    assert_eq!(st.last_reset.as_deref(), Some("2027-03-28"));
    assert_eq!(st.current_streak_days, 1);
    // Mar 20..29: 9 days after day 0, minus the two pursuit days.
    assert_eq!(st.total_space_days, 7);
}

#[test]
fn a_milestone_is_acknowledged_once() {
    let (_dir, mut s) = store();
    let day1 = clock("2027-01-02", 0);
    s.start_period(d("2027-01-01"), None, &day1).unwrap();
    assert_eq!(s.unseen_milestone(&day1).unwrap(), Some(1));
    s.mark_milestone_seen(1, &day1).unwrap();
    assert_eq!(s.unseen_milestone(&day1).unwrap(), None);
    let day3 = clock("2027-01-04", 0);
    assert_eq!(s.unseen_milestone(&day3).unwrap(), Some(3));
    s.mark_milestone_seen(3, &day3).unwrap();
    s.mark_milestone_seen(3, &day3).unwrap();
    assert_eq!(s.unseen_milestone(&clock("2027-01-06", 0)).unwrap(), None);
}

#[test]
fn everything_survives_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.db");
    let c = clock("2027-01-10", 0);
    {
        let mut s = Store::open(&path).unwrap();
        s.start_period(d("2027-01-01"), Some("note"), &c).unwrap();
        s.add_urge(When::Now, Some(2), Some("held"), &c).unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(
        s.open_period().unwrap().unwrap().upfront_note.as_deref(),
        Some("note")
    );
    assert_eq!(
        s.urges(None, None).unwrap()[0].note.as_deref(),
        Some("held")
    );
    assert_eq!(
        s.space_status(d("2027-01-10")).unwrap().current_streak_days,
        9
    );
}

#[test]
fn a_mis_clicked_pursued_can_be_taken_back_and_the_count_comes_back() {
    let (_dir, mut s) = store();
    let c = clock("2027-01-10", 0);
    s.start_period(d("2027-01-01"), None, &c).unwrap();
    let oops = s
        .add_contact(ContactKind::Pursued, When::Day(d("2027-01-08")), None, &c)
        .unwrap();
    assert_eq!(
        s.space_status(d("2027-01-10")).unwrap().current_streak_days,
        2
    );

    let removed = s.remove_contact(oops.id, &c).unwrap();

    assert!(removed.removed_at.is_some());
    let st = s.space_status(d("2027-01-10")).unwrap();
    assert_eq!(st.current_streak_days, 9, "the count recomputes");
    assert_eq!(st.contacts.pursued, 0);
    assert!(s.contacts(None, None).unwrap().is_empty());
    let all = s.contacts_with(None, None, true).unwrap();
    assert_eq!(all.len(), 1, "nothing is erased");
    assert_eq!(s.event_changes("contact", oops.id).unwrap(), 1);

    // Undo: it is back, and counts again.
    let back = s.restore_contact(oops.id, &c).unwrap();
    assert!(back.removed_at.is_none());
    assert_eq!(
        s.space_status(d("2027-01-10")).unwrap().current_streak_days,
        2
    );
    assert_eq!(s.event_changes("contact", oops.id).unwrap(), 2);
}

#[test]
fn a_contact_and_an_urge_can_be_corrected_and_the_figures_follow() {
    let (_dir, mut s) = store();
    let c = clock("2027-01-10", 0);
    s.start_period(d("2027-01-01"), None, &c).unwrap();
    let contact = s
        .add_contact(
            ContactKind::Pursued,
            When::Day(d("2027-01-08")),
            Some("school run"),
            &c,
        )
        .unwrap();
    let edited = s
        .edit_contact(
            contact.id,
            &journal_core::ContactEdit {
                kind: Some(ContactKind::Necessary),
                date: Some(d("2027-01-07")),
                note: None,
            },
            &c,
        )
        .unwrap();
    assert_eq!(edited.kind, ContactKind::Necessary);
    assert_eq!(edited.date, "2027-01-07");
    assert_eq!(
        edited.note.as_deref(),
        Some("school run"),
        "a note left out stays"
    );
    let st = s.space_status(d("2027-01-10")).unwrap();
    assert_eq!(
        st.current_streak_days, 9,
        "a necessary contact does not restart the count"
    );
    assert_eq!(st.contacts.necessary, 1);

    let urge = s.add_urge(When::Now, Some(2), Some("song"), &c).unwrap();
    let u = s
        .edit_urge(
            urge.id,
            &journal_core::UrgeEdit {
                date: Some(d("2027-01-09")),
                intensity: Some(Some(5)),
                note: Some(""),
            },
            &c,
        )
        .unwrap();
    assert_eq!(
        (u.date.as_str(), u.intensity, u.note.as_deref()),
        ("2027-01-09", Some(5), None)
    );
    s.remove_urge(urge.id, &c).unwrap();
    assert_eq!(s.space_status(d("2027-01-10")).unwrap().urges_resisted, 0);
    assert_eq!(s.event_changes("urge", urge.id).unwrap(), 2);

    // Bad corrections change nothing.
    let bad = journal_core::UrgeEdit {
        intensity: Some(Some(9)),
        ..Default::default()
    };
    let e = s.edit_urge(urge.id, &bad, &c).unwrap_err();
    assert_eq!(e.code(), "invalid_input");
    let future = journal_core::ContactEdit {
        date: Some(d("2027-02-01")),
        ..Default::default()
    };
    assert!(s.edit_contact(contact.id, &future, &c).is_err());
    assert_eq!(s.contact(contact.id).unwrap().date, "2027-01-07");
    assert!(s.edit_contact(999, &future, &c).is_err());
}

#[test]
fn an_ended_period_is_final() {
    let (_dir, mut s) = store();
    let c = clock("2027-02-10", 0);
    s.start_period(d("2027-01-01"), None, &c).unwrap();
    let urge = s
        .add_urge(When::Day(d("2027-01-05")), None, None, &c)
        .unwrap();
    s.end_period(d("2027-01-20"), Some("We agreed to talk in spring."), &c)
        .unwrap();
    let frozen = s.space_status(d("2027-02-10")).unwrap();

    // Nothing new lands inside it, and what is in it stays.
    let e = s
        .add_contact(ContactKind::Pursued, When::Day(d("2027-01-10")), None, &c)
        .unwrap_err();
    assert!(e.to_string().contains("ended"), "{e}");
    assert!(s
        .add_urge(When::Day(d("2027-01-20")), None, None, &c)
        .is_err());
    assert!(s.remove_urge(urge.id, &c).is_err());
    assert_eq!(s.space_status(d("2027-02-10")).unwrap(), frozen);

    // After it, and on day 0 of the next (its last day), events are fine.
    s.add_urge(When::Day(d("2027-01-25")), None, None, &c)
        .unwrap();
    s.start_period(d("2027-02-01"), None, &c).unwrap();
    s.add_urge(When::Day(d("2027-02-01")), None, None, &c)
        .unwrap();
}

#[test]
fn the_day_one_period_ended_and_the_next_began_keeps_the_ended_one_as_it_was() {
    let (_dir, mut s) = store();
    let c = clock("2027-01-20", 0);
    s.start_period(d("2027-01-01"), None, &c).unwrap();
    let before_end = s.add_urge(When::Now, Some(3), None, &c).unwrap();
    let ended = s.end_period(d("2027-01-20"), None, &c).unwrap();
    let figures = |s: &Store| {
        let p = s
            .periods()
            .unwrap()
            .into_iter()
            .find(|p| p.id == ended.id)
            .unwrap();
        (
            s.status_in(Some(&p), d("2027-01-20")).unwrap(),
            s.period_events(&p).unwrap(),
        )
    };
    let frozen = figures(&s);
    assert_eq!(frozen.0.urges_resisted, 1);

    // The next period begins the same day; what is logged now is its own.
    s.start_period(d("2027-01-20"), Some("Starting again, gently."), &c)
        .unwrap();
    let after = s.add_urge(When::Now, None, None, &c).unwrap();
    s.add_contact(ContactKind::TheyReachedOut, When::Now, None, &c)
        .unwrap();
    let later = clock("2027-01-25", 0);
    let late = s
        .add_urge(When::Day(d("2027-01-20")), None, None, &later)
        .unwrap();
    assert_eq!(figures(&s), frozen, "the ended period's figures stay");

    // What counted in the ended period cannot be changed; the new one's can.
    let e = s.remove_urge(before_end.id, &later).unwrap_err();
    assert!(e.to_string().contains("ended"), "{e}");
    assert!(s
        .edit_urge(
            before_end.id,
            &journal_core::UrgeEdit {
                intensity: Some(None),
                ..Default::default()
            },
            &later
        )
        .is_err());
    s.remove_urge(after.id, &later).unwrap();
    s.edit_urge(
        late.id,
        &journal_core::UrgeEdit {
            intensity: Some(Some(2)),
            ..Default::default()
        },
        &later,
    )
    .unwrap();
    assert_eq!(figures(&s), frozen);

    let now = s.space_status(d("2027-01-25")).unwrap();
    assert_eq!(
        now.urges_resisted, 1,
        "only the late urge still counts here"
    );
    assert_eq!(now.contacts.they_reached_out, 1);
    assert_eq!(now.contacts.upfront, 1);
}

#[test]
fn undo_puts_an_event_back_exactly_as_it_was() {
    let (_dir, mut s) = store();
    let evening = FixedClock::new(
        FixedClock::at_utc("2027-03-10T21:14:09Z").now,
        FixedOffset::east_opt(0).unwrap(),
    );
    s.start_period(d("2027-03-01"), None, &evening).unwrap();
    let urge = s
        .add_urge(When::Now, None, Some("after dinner"), &evening)
        .unwrap();
    let contact = s
        .add_contact(ContactKind::Pursued, When::Now, None, &evening)
        .unwrap();
    let later = clock("2027-03-12", 0);
    let status = s.space_status(d("2027-03-12")).unwrap();

    // A day moved, a strength given, a note cleared: Undo restores all of it,
    // the moment in the evening included (not midday of that day).
    s.edit_urge(
        urge.id,
        &journal_core::UrgeEdit {
            date: Some(d("2027-03-08")),
            intensity: Some(Some(4)),
            note: Some(""),
        },
        &later,
    )
    .unwrap();
    assert_eq!(s.revert_urge(urge.id, &later).unwrap(), urge);

    // A mis-click "pursued" changed to "necessary", then undone, then removed
    // and put back: each time as it was, and the counts with it.
    s.edit_contact(
        contact.id,
        &journal_core::ContactEdit {
            kind: Some(ContactKind::Necessary),
            ..Default::default()
        },
        &later,
    )
    .unwrap();
    assert_ne!(s.space_status(d("2027-03-12")).unwrap(), status);
    assert_eq!(s.revert_contact(contact.id, &later).unwrap(), contact);
    assert_eq!(s.space_status(d("2027-03-12")).unwrap(), status);
    s.remove_contact(contact.id, &later).unwrap();
    assert_eq!(s.revert_contact(contact.id, &later).unwrap(), contact);
    assert_eq!(s.space_status(d("2027-03-12")).unwrap(), status);

    // Every step is in the history; nothing to undo is said plainly.
    assert_eq!(s.event_changes("urge", urge.id).unwrap(), 2);
    assert_eq!(s.event_changes("contact", contact.id).unwrap(), 4);
    let fresh = s.add_urge(When::Now, None, None, &later).unwrap();
    let e = s.revert_urge(fresh.id, &later).unwrap_err();
    assert!(e.to_string().contains("nothing to undo"), "{e}");
}

#[test]
fn telling_them_you_are_stepping_back_counts_once_a_period() {
    let (_dir, mut s) = store();
    let c = clock("2027-01-10", 0);
    s.start_period(d("2027-01-01"), Some("I'll step back for a while."), &c)
        .unwrap();

    let err = s
        .add_contact(ContactKind::Upfront, When::Day(d("2027-01-02")), None, &c)
        .unwrap_err();

    assert!(err.is_invalid_input(), "{err}");
    assert!(err.to_string().contains("already logged"), "{err}");
    assert!(err.to_string().contains("2027-01-01"), "{err}");
    assert_eq!(s.space_status(d("2027-01-10")).unwrap().contacts.upfront, 1);

    // Once that one is taken back, the talk can be logged again.
    let first = s.contacts(None, None).unwrap()[0].id;
    s.remove_contact(first, &c).unwrap();
    s.add_contact(ContactKind::Upfront, When::Day(d("2027-01-02")), None, &c)
        .unwrap();
    assert_eq!(s.space_status(d("2027-01-10")).unwrap().contacts.upfront, 1);

    // A period started without a note: the talk is logged once, by hand.
    let (_dir2, mut t) = store();
    t.start_period(d("2027-01-01"), None, &c).unwrap();
    t.add_contact(ContactKind::Upfront, When::Day(d("2027-01-01")), None, &c)
        .unwrap();
    assert!(t
        .add_contact(ContactKind::Upfront, When::Day(d("2027-01-03")), None, &c)
        .is_err());
}
