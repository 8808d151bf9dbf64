//! Looking back: the series as pure functions (runs between pursuits and the
//! milestones they reached, weeks of urges and contacts, weekly moods), and
//! read from a journal on a real file.

use chrono::NaiveDate;
use journal_core::{
    mood_weeks, period_runs, week_counts, ContactKind, FixedClock, Journal, Store, When,
};
use rstest::rstest;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn runs(
    start: &str,
    end: Option<&str>,
    pursuits: &[&str],
    last: &str,
) -> Vec<(String, String, u32)> {
    let pursuits: Vec<NaiveDate> = pursuits.iter().map(|d| day(d)).collect();
    period_runs(day(start), end.map(day), &pursuits, day(last))
        .into_iter()
        .map(|r| (r.from, r.to, r.days))
        .collect()
}

#[rstest]
#[case::one_open_run("2027-03-01", None, &[], "2027-03-11", &[("2027-03-01", "2027-03-11", 10)])]
#[case::day_zero_is_no_day_of_space("2027-03-01", None, &[], "2027-03-01", &[("2027-03-01", "2027-03-01", 0)])]
#[case::a_pursuit_ends_a_run_and_its_day_is_not_counted("2027-03-01", None, &["2027-03-05"], "2027-03-10", &[
    ("2027-03-01", "2027-03-04", 3), ("2027-03-05", "2027-03-10", 5),
])]
#[case::two_pursuits_on_one_day_are_one_reset("2027-03-01", None, &["2027-03-05", "2027-03-05"], "2027-03-06", &[
    ("2027-03-01", "2027-03-04", 3), ("2027-03-05", "2027-03-06", 1),
])]
#[case::a_pursuit_on_day_zero_changes_nothing("2027-03-01", None, &["2027-03-01"], "2027-03-03", &[("2027-03-01", "2027-03-03", 2)])]
#[case::an_ended_period_counts_to_its_end("2027-03-01", Some("2027-03-08"), &["2027-03-12"], "2027-04-01", &[("2027-03-01", "2027-03-08", 7)])]
#[case::not_begun_yet("2027-03-05", None, &[], "2027-03-01", &[])]
fn runs_between_pursuits_count_as_the_space_page_counts(
    #[case] start: &str,
    #[case] end: Option<&str>,
    #[case] pursuits: &[&str],
    #[case] last: &str,
    #[case] want: &[(&str, &str, u32)],
) {
    let want: Vec<(String, String, u32)> = want
        .iter()
        .map(|(a, b, n)| ((*a).into(), (*b).into(), *n))
        .collect();
    assert_eq!(runs(start, end, pursuits, last), want);
}

#[test]
fn a_run_names_the_milestones_it_reached() {
    let r = period_runs(
        day("2027-01-01"),
        None,
        &[day("2027-01-16")],
        day("2027-03-05"),
    );
    assert_eq!(r[0].days, 14);
    assert_eq!(r[0].milestones, [1, 3, 7, 14]);
    assert_eq!(r[1].days, 48);
    assert_eq!(r[1].milestones, [1, 3, 7, 14, 21, 30]);
}

#[test]
fn weeks_start_on_monday_and_count_each_kind() {
    // 2027-03-01 is a Monday; 2027-03-07 the Sunday of that week.
    let w = week_counts(
        &[day("2027-03-01"), day("2027-03-07"), day("2027-03-08")],
        &[
            (day("2027-03-02"), ContactKind::TheyReachedOut),
            (day("2027-03-09"), ContactKind::Pursued),
            (day("2027-03-09"), ContactKind::Necessary),
        ],
    );
    assert_eq!(w.len(), 2);
    assert_eq!(
        (w[0].week.as_str(), w[0].urges, w[0].they_reached_out),
        ("2027-03-01", 2, 1)
    );
    assert_eq!(
        (w[1].week.as_str(), w[1].urges, w[1].pursued, w[1].necessary),
        ("2027-03-08", 1, 1, 1)
    );
    let m = mood_weeks(&[
        (day("2027-03-01"), 2),
        (day("2027-03-03"), 5),
        (day("2027-03-10"), 3),
    ]);
    assert_eq!(m.len(), 2);
    assert_eq!(
        (m[0].week.as_str(), m[0].average, m[0].days),
        ("2027-03-01", 3.5, 2)
    );
}

#[test]
fn a_lived_in_journal_gives_every_series() {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::new(
        Store::open(dir.path().join("journal.db")).unwrap(),
        FixedClock::at_utc("2027-03-20T20:00:00Z"),
    );
    j.save_page(day("2027-02-20"), "Before it all.", Some(2), None)
        .unwrap();
    j.save_page(day("2027-03-02"), "", Some(3), None).unwrap();
    j.save_page(day("2027-03-10"), "Better.", Some(4), None)
        .unwrap();
    j.start_period(Some(day("2027-03-01")), Some("I told them."))
        .unwrap();
    j.log_urge(When::Day(day("2027-03-04")), Some(3), None)
        .unwrap();
    j.log_contact(ContactKind::Pursued, When::Day(day("2027-03-08")), None)
        .unwrap();
    j.log_contact(
        ContactKind::TheyReachedOut,
        When::Day(day("2027-03-15")),
        None,
    )
    .unwrap();
    j.set_card_helpful("support-let-people-keep-you-company", true)
        .unwrap();

    let all = j.insights(None, None).unwrap();
    assert_eq!(
        (all.from.as_str(), all.to.as_str()),
        ("2027-02-20", "2027-03-20")
    );
    // A day with only a mood counts as written, as in the calendar.
    assert_eq!(all.written, ["2027-02-20", "2027-03-02", "2027-03-10"]);
    assert_eq!(all.moods.len(), 3);
    assert_eq!(all.periods.len(), 1);
    let days: Vec<u32> = all.periods[0].runs.iter().map(|r| r.days).collect();
    assert_eq!(days, [6, 12]);
    let counted: (u32, u32, u32, u32) = all.weeks.iter().fold((0, 0, 0, 0), |a, w| {
        (
            a.0 + w.urges,
            a.1 + w.pursued,
            a.2 + w.they_reached_out,
            a.3 + w.upfront,
        )
    });
    assert_eq!(counted, (1, 1, 1, 1));
    assert_eq!(all.helped.len(), 1);
    assert!(!all.helped[0].title.is_empty());

    let march = j
        .insights(Some(day("2027-03-05")), Some(day("2027-03-12")))
        .unwrap();
    assert_eq!(march.written, ["2027-03-10"]);
    // A run that began before the range is counted from its true start.
    let runs = &march.periods[0].runs;
    assert_eq!(runs.last().unwrap().days, 4, "2027-03-08 to 2027-03-12");
    assert_eq!(runs[0].days, 6);
}
