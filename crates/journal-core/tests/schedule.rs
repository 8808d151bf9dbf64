//! The reminder schedule: one daily note a local day at most, none once the
//! page has words, nothing in quiet hours, one catch-up and never a burst,
//! DST days and travel handled.

use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Utc};
use chrono_tz::Tz;
use journal_core::{
    next_notification, notification_text, resolve_local, Delivery, NoteKind, Planned,
    ReminderFacts, Settings,
};
use proptest::prelude::*;
use rstest::rstest;
use std::collections::BTreeSet;

fn d(s: &str) -> NaiveDate {
    journal_core::parse_date(s).unwrap()
}

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn zone(name: &str) -> Tz {
    name.parse().unwrap()
}

fn settings(pairs: &[(&str, &str)]) -> Settings {
    let mut s = Settings::default();
    for (k, v) in pairs {
        s.set(k, v).unwrap();
    }
    s
}

fn next(
    s: &Settings,
    facts: &ReminderFacts,
    done: &[Delivery],
    now: &str,
    tz: &str,
) -> Option<Planned> {
    next_notification(s, facts, done, utc(now), zone(tz))
}

fn delivered(p: &Planned) -> Delivery {
    Delivery {
        kind: p.kind,
        local_date: p.local_date,
        topic: p.topic.clone(),
    }
}

#[test]
fn the_daily_reminder_comes_at_the_chosen_time_on_an_empty_day() {
    let p = next(
        &Settings::default(),
        &ReminderFacts::default(),
        &[],
        "2027-05-10T12:00:00+02:00",
        "Europe/Berlin",
    )
    .unwrap();
    assert_eq!(p.kind, NoteKind::Daily);
    assert_eq!(p.at, utc("2027-05-10T20:30:00+02:00"));
    assert_eq!(p.local_date, d("2027-05-10"));
}

#[test]
fn none_today_once_the_page_has_words_and_none_twice() {
    let s = Settings::default();
    let mut facts = ReminderFacts::default();
    facts.written.insert(d("2027-05-10"));
    let p = next(
        &s,
        &facts,
        &[],
        "2027-05-10T12:00:00+02:00",
        "Europe/Berlin",
    )
    .unwrap();
    assert_eq!(
        p.local_date,
        d("2027-05-11"),
        "today is written: tomorrow's"
    );

    let first = next(
        &s,
        &ReminderFacts::default(),
        &[],
        "2027-05-10T20:30:00+02:00",
        "Europe/Berlin",
    )
    .unwrap();
    let p = next(
        &s,
        &ReminderFacts::default(),
        &[delivered(&first)],
        "2027-05-10T20:31:00+02:00",
        "Europe/Berlin",
    )
    .unwrap();
    assert_eq!(p.local_date, d("2027-05-11"));
}

#[test]
fn a_missed_reminder_is_caught_up_once_and_never_for_a_past_day() {
    let s = Settings::default();
    let none = ReminderFacts::default();
    // The app starts at 21:40, after today's 20:30: one catch-up, now.
    let p = next(&s, &none, &[], "2027-05-10T21:40:00+02:00", "Europe/Berlin").unwrap();
    assert_eq!(p.kind, NoteKind::CatchUp);
    assert_eq!(p.at, utc("2027-05-10T21:40:00+02:00"));
    let after = next(
        &s,
        &none,
        &[delivered(&p)],
        "2027-05-10T21:40:05+02:00",
        "Europe/Berlin",
    )
    .unwrap();
    assert_eq!(after.local_date, d("2027-05-11"));
    assert_eq!(after.kind, NoteKind::Daily);

    // Started in quiet hours (23:10) after a missed day: nothing for the past
    // day, nothing now; tomorrow's comes at its time.
    let p = next(&s, &none, &[], "2027-05-10T23:10:00+02:00", "Europe/Berlin").unwrap();
    assert_eq!(p.at, utc("2027-05-11T20:30:00+02:00"));
    // Woken the next morning after a week asleep: no burst of old ones.
    let p = next(&s, &none, &[], "2027-05-18T09:00:00+02:00", "Europe/Berlin").unwrap();
    assert_eq!((p.kind, p.local_date), (NoteKind::Daily, d("2027-05-18")));
}

#[test]
fn quiet_hours_hold_back_a_reminder_set_inside_them() {
    let s = settings(&[("daily.time", "23:00")]);
    assert_eq!(
        next(
            &s,
            &ReminderFacts::default(),
            &[],
            "2027-05-10T12:00:00+02:00",
            "Europe/Berlin"
        ),
        None
    );
    let s = settings(&[("daily.time", "23:00"), ("quiet.enabled", "false")]);
    let p = next(
        &s,
        &ReminderFacts::default(),
        &[],
        "2027-05-10T12:00:00+02:00",
        "Europe/Berlin",
    )
    .unwrap();
    assert_eq!(p.at, utc("2027-05-10T23:00:00+02:00"));
}

#[test]
fn chosen_weekdays_and_off() {
    let s = settings(&[("daily.days", "sat,sun")]);
    // 2027-05-10 is a Monday.
    let p = next(
        &s,
        &ReminderFacts::default(),
        &[],
        "2027-05-10T12:00:00+02:00",
        "Europe/Berlin",
    )
    .unwrap();
    assert_eq!(p.local_date, d("2027-05-15"));
    let s = settings(&[("daily.enabled", "false"), ("checkin.days", "0")]);
    assert_eq!(
        next(
            &s,
            &ReminderFacts::default(),
            &[],
            "2027-05-10T12:00:00+02:00",
            "Europe/Berlin"
        ),
        None
    );
}

#[rstest]
// A time that does not exist on a spring-forward day fires at the first valid minute after.
#[case("America/New_York", "2027-03-14", "02:30", "2027-03-14T03:00:00-04:00")]
#[case("Europe/Berlin", "2027-03-28", "02:15", "2027-03-28T03:00:00+02:00")]
// A time that happens twice on a fall-back day: the first one.
#[case("America/New_York", "2027-11-07", "01:30", "2027-11-07T01:30:00-04:00")]
#[case("Europe/Berlin", "2027-10-31", "02:30", "2027-10-31T02:30:00+02:00")]
// Ordinary times on those days.
#[case("America/New_York", "2027-03-14", "20:30", "2027-03-14T20:30:00-04:00")]
#[case("America/New_York", "2027-11-07", "20:30", "2027-11-07T20:30:00-05:00")]
fn dst_days(#[case] tz: &str, #[case] day: &str, #[case] time: &str, #[case] want: &str) {
    let t = NaiveTime::parse_from_str(time, "%H:%M").unwrap();
    assert_eq!(resolve_local(d(day), t, zone(tz)), utc(want));
    let s = settings(&[("daily.time", time), ("quiet.enabled", "false")]);
    let midnight = resolve_local(d(day), NaiveTime::MIN, zone(tz));
    let p = next_notification(&s, &ReminderFacts::default(), &[], midnight, zone(tz)).unwrap();
    assert_eq!(p.at, utc(want));
    // Once delivered, the repeated hour of a fall-back day does not bring it again.
    let later = next_notification(
        &s,
        &ReminderFacts::default(),
        &[delivered(&p)],
        p.at + TimeDelta::hours(1),
        zone(tz),
    )
    .unwrap();
    assert_eq!(later.local_date, d(day) + chrono::Days::new(1));
}

#[test]
fn travelling_never_brings_two_daily_reminders_for_one_date() {
    let s = Settings::default();
    let none = ReminderFacts::default();
    // Delivered at 20:30 in Berlin; then flown to New York the same evening,
    // where it is still May 10 and 20:30 has not come yet.
    let berlin = next(&s, &none, &[], "2027-05-10T12:00:00+02:00", "Europe/Berlin").unwrap();
    let done = [delivered(&berlin)];
    let ny = next(
        &s,
        &none,
        &done,
        "2027-05-10T14:00:00-04:00",
        "America/New_York",
    )
    .unwrap();
    assert_eq!(ny.local_date, d("2027-05-11"));
}

#[test]
fn a_check_in_after_silence_comes_once() {
    let s = Settings::default();
    let mut facts = ReminderFacts::default();
    facts.written.insert(d("2027-05-01"));
    // Two days of silence: an ordinary daily reminder.
    let p = next(
        &s,
        &facts,
        &[],
        "2027-05-03T12:00:00+02:00",
        "Europe/Berlin",
    )
    .unwrap();
    assert_eq!(p.kind, NoteKind::Daily);
    // Three days: the check-in takes the daily slot.
    let p = next(
        &s,
        &facts,
        &[],
        "2027-05-04T12:00:00+02:00",
        "Europe/Berlin",
    )
    .unwrap();
    assert_eq!(p.kind, NoteKind::CheckIn);
    assert_eq!(p.topic, "silence:2027-05-01");
    // The silence goes on: back to daily reminders, no second check-in.
    let p2 = next(
        &s,
        &facts,
        &[delivered(&p)],
        "2027-05-05T12:00:00+02:00",
        "Europe/Berlin",
    )
    .unwrap();
    assert_eq!(p2.kind, NoteKind::Daily);
    // Off means off.
    let off = settings(&[("checkin.days", "0")]);
    let p = next(
        &off,
        &facts,
        &[],
        "2027-05-04T12:00:00+02:00",
        "Europe/Berlin",
    )
    .unwrap();
    assert_eq!(p.kind, NoteKind::Daily);
}

#[test]
fn a_milestone_waits_for_the_morning_after_quiet_hours() {
    let s = Settings::default();
    let mut facts = ReminderFacts {
        streak: Some((1, d("2027-05-01"))),
        ..Default::default()
    };
    facts.written.insert(d("2027-05-08"));
    // Day 7 is May 8: its note comes at 08:00 (the end of quiet hours).
    let p = next(
        &s,
        &facts,
        &[],
        "2027-05-08T00:30:00+02:00",
        "Europe/Berlin",
    )
    .unwrap();
    assert_eq!(p.kind, NoteKind::Milestone);
    assert_eq!(p.at, utc("2027-05-08T08:00:00+02:00"));
    assert_eq!(p.days, Some(7));
    let after = next(
        &s,
        &facts,
        &[delivered(&p)],
        "2027-05-08T08:00:01+02:00",
        "Europe/Berlin",
    )
    .unwrap();
    assert_ne!(after.kind, NoteKind::Milestone, "{after:?}");
    let off = settings(&[("milestones", "false")]);
    let p = next(
        &off,
        &facts,
        &[],
        "2027-05-08T00:30:00+02:00",
        "Europe/Berlin",
    )
    .unwrap();
    assert_ne!(p.kind, NoteKind::Milestone);
}

#[test]
fn discreet_text_says_nothing_a_glance_could_read_into() {
    for kind in NoteKind::ALL {
        let (title, body) = notification_text(kind, true, Some(14));
        assert_eq!(title, "Breathing Room");
        let all = format!("{title} {body}").to_lowercase();
        let words: Vec<&str> = all.split(|c: char| !c.is_alphanumeric()).collect();
        for word in [
            "partner", "husband", "wife", "marriage", "space", "day", "days", "contact", "streak",
        ] {
            assert!(!words.contains(&word), "{kind:?}: {body}");
        }
        assert!(!all.chars().any(|c| c.is_ascii_digit()), "{kind:?}: {body}");
    }
    let (_, warm) = notification_text(NoteKind::Daily, false, Some(6));
    assert!(warm.contains("Day 6"));
}

const ZONES: [&str; 6] = [
    "Europe/Berlin",
    "America/New_York",
    "Asia/Tokyo",
    "UTC",
    "Asia/Kolkata",
    "America/Los_Angeles",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// A device that travels, sleeps, restarts and writes on some days:
    /// every notification the schedule hands out is delivered when due.
    #[test]
    fn never_two_daily_notes_on_one_local_date_none_once_written_none_in_quiet_hours(
        steps in proptest::collection::vec((0usize..6, 1i64..3000, proptest::bool::ANY), 1..60),
        start_offset in 0i64..(365 * 24 * 60),
        daily in 0u32..(24 * 60),
    ) {
        let s = Settings {
            daily_time: NaiveTime::from_hms_opt(daily / 60, daily % 60, 0).unwrap(),
            ..Default::default()
        };
        let mut now = utc("2027-01-01T00:00:00Z") + TimeDelta::minutes(start_offset);
        let mut facts = ReminderFacts::default();
        let mut done: Vec<(Delivery, DateTime<Utc>, Tz)> = Vec::new();
        for (zi, advance, write) in steps {
            let tz = zone(ZONES[zi]);
            let target = now + TimeDelta::minutes(advance);
            // Run the timer up to `target`: deliver each note when it is due.
            loop {
                let ds: Vec<Delivery> = done.iter().map(|(d, _, _)| d.clone()).collect();
                let Some(p) = next_notification(&s, &facts, &ds, now, tz) else { break };
                prop_assert!(p.at >= now);
                if p.at > target { break; }
                now = p.at;
                let local = now.with_timezone(&tz);
                prop_assert!(!s.is_quiet(local.time()), "{p:?} in quiet hours");
                if p.kind != NoteKind::Milestone {
                    prop_assert!(!facts.written.contains(&p.local_date), "{p:?} after writing");
                    prop_assert_eq!(p.local_date, local.date_naive());
                }
                done.push((delivered(&p), now, tz));
            }
            now = target;
            if write {
                facts.written.insert(now.with_timezone(&tz).date_naive());
            }
        }
        let mut dates = BTreeSet::new();
        for (d, _, _) in done.iter().filter(|(d, _, _)| d.kind != NoteKind::Milestone) {
            prop_assert!(dates.insert(d.local_date), "two daily notes for {}", d.local_date);
        }
    }
}

#[test]
fn on_the_day_of_the_weeks_look_back_its_invitation_takes_the_days_slot() {
    // 9 May 2027 is a Sunday, the default review.day.
    let s = Settings::default();
    let facts = ReminderFacts::default();
    let now = "2027-05-09T12:00:00+02:00";
    let p = next(&s, &facts, &[], now, "Europe/Berlin").unwrap();
    assert_eq!(p.kind, NoteKind::Review);
    assert_eq!(p.at, utc("2027-05-09T20:30:00+02:00"));
    assert_eq!(p.topic, "review:2027-05-09");
    assert_eq!(
        notification_text(NoteKind::Review, true, None).1,
        "A quiet moment to look back"
    );

    // Sent: nothing more that day, not even the daily note.
    let after = next(
        &s,
        &facts,
        &[delivered(&p)],
        "2027-05-09T20:31:00+02:00",
        "Europe/Berlin",
    )
    .unwrap();
    assert_eq!(after.local_date, d("2027-05-10"));
    assert_eq!(after.kind, NoteKind::Daily);

    // The week already looked back on: the usual daily note.
    let mut reviewed = ReminderFacts::default();
    reviewed.reviewed.insert(d("2027-05-09"));
    assert_eq!(
        next(&s, &reviewed, &[], now, "Europe/Berlin").unwrap().kind,
        NoteKind::Daily
    );

    // The same rule as the daily note: none once the page has words.
    let mut written = ReminderFacts::default();
    written.written.insert(d("2027-05-09"));
    assert_eq!(
        next(&s, &written, &[], now, "Europe/Berlin")
            .unwrap()
            .local_date,
        d("2027-05-10")
    );

    // Its own day even when Sunday is not a reminder day; none with
    // reminders off; another review day moves it.
    let weekdays = settings(&[("daily.days", "mon,tue,wed,thu,fri")]);
    assert_eq!(
        next(&weekdays, &facts, &[], now, "Europe/Berlin")
            .unwrap()
            .kind,
        NoteKind::Review
    );
    let off = settings(&[("daily.enabled", "false")]);
    assert_eq!(next(&off, &facts, &[], now, "Europe/Berlin"), None);
    let friday = settings(&[("review.day", "fri")]);
    let p = next(&friday, &facts, &[], now, "Europe/Berlin").unwrap();
    assert_eq!((p.kind, p.local_date), (NoteKind::Daily, d("2027-05-09")));
}
