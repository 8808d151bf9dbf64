//! On this day: which earlier dates a day looks back to (a month, six
//! months, a year and each year before, the same calendar date only), and
//! the written pages found there, in a journal on a real file.

use chrono::{Datelike, NaiveDate};
use journal_core::{look_back_dates, FixedClock, Journal, Store};
use proptest::prelude::*;
use rstest::rstest;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[rstest]
#[case::an_ordinary_day("2027-05-14", "2020-01-01", &[
    ("2027-04-14", "1 month"), ("2026-11-14", "6 months"), ("2026-05-14", "1 year"),
    ("2025-05-14", "2 years"), ("2024-05-14", "3 years"), ("2023-05-14", "4 years"),
    ("2022-05-14", "5 years"), ("2021-05-14", "6 years"), ("2020-05-14", "7 years"),
])]
#[case::the_31st_has_no_month_ago_in_a_short_month("2027-03-31", "2025-01-01", &[
    ("2026-03-31", "1 year"), ("2025-03-31", "2 years"),
])]
#[case::the_29th_of_february_only_in_leap_years("2028-02-29", "2019-06-01", &[
    ("2028-01-29", "1 month"), ("2027-08-29", "6 months"), ("2024-02-29", "4 years"),
    ("2020-02-29", "8 years"),
])]
#[case::across_the_new_year("2027-01-10", "2026-01-01", &[
    ("2026-12-10", "1 month"), ("2026-07-10", "6 months"), ("2026-01-10", "1 year"),
])]
#[case::nothing_before_the_first_page("2027-01-10", "2026-12-20", &[])]
fn a_day_looks_back_to_the_same_date(
    #[case] today: &str,
    #[case] oldest: &str,
    #[case] want: &[(&str, &str)],
) {
    let got: Vec<(String, String)> = look_back_dates(day(today), day(oldest))
        .into_iter()
        .map(|(d, ago)| (d.to_string(), ago))
        .collect();
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(d, a)| ((*d).to_string(), (*a).to_string()))
        .collect();
    assert_eq!(got, want);
}

proptest! {
    #[test]
    fn every_date_looked_back_to_is_the_same_calendar_date_earlier(
        days in 0i64..40_000, back in 0i64..20_000
    ) {
        let today = day("1990-01-01") + chrono::Duration::days(days);
        let oldest = today - chrono::Duration::days(back);
        let mut last = today;
        for (d, _) in look_back_dates(today, oldest) {
            prop_assert_eq!(d.day(), today.day());
            prop_assert!(d < last && d >= oldest);
            prop_assert!(d.month() == today.month() || d > today - chrono::Duration::days(200));
            last = d;
        }
    }
}

#[test]
fn the_written_pages_of_the_date_nearest_first_and_the_setting_hides_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::new(
        Store::open(dir.path().join("journal.db")).unwrap(),
        FixedClock::at_utc("2027-05-14T20:00:00Z"),
    );
    for (d, body) in [
        (
            "2024-05-14",
            "Three years ago: the first walk by the canal.\nMore.",
        ),
        ("2026-05-14", "A year ago. Rain."),
        ("2026-11-14", "   "),
        ("2027-04-14", "A month ago, the heron."),
        ("2027-04-15", "Not this date."),
    ] {
        j.save_page(day(d), body, None, None).unwrap();
    }
    // A mood alone is a written day; whitespace alone is not.
    let earlier = j.on_this_day(day("2027-05-14")).unwrap();
    let got: Vec<(&str, &str, &str)> = earlier
        .iter()
        .map(|l| (l.date.as_str(), l.ago.as_str(), l.first_line.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("2027-04-14", "1 month", "A month ago, the heron."),
            ("2026-05-14", "1 year", "A year ago. Rain."),
            (
                "2024-05-14",
                "3 years",
                "Three years ago: the first walk by the canal."
            ),
        ]
    );
    assert_eq!(j.look_back(day("2027-05-14")).unwrap().len(), 3);
    j.set_setting("look_back", "false").unwrap();
    assert!(j.look_back(day("2027-05-14")).unwrap().is_empty());
    assert_eq!(
        j.on_this_day(day("2027-05-14")).unwrap().len(),
        3,
        "the CLI still answers"
    );
    let empty = Journal::new(
        Store::open(dir.path().join("empty.db")).unwrap(),
        FixedClock::at_utc("2027-05-14T20:00:00Z"),
    );
    assert!(empty.on_this_day(day("2027-05-14")).unwrap().is_empty());
}
