//! Time with people as figures, and when the quiet-days note is due: pure
//! functions of dated facts, so they are tested without a journal.

use crate::date::format_date;
use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

/// Time spent with someone, on the local day it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Company {
    #[ts(type = "number")]
    pub id: i64,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Who it was with, in the person's own words.
    pub who: String,
    /// What they did, a few words.
    pub what: Option<String>,
    /// How it felt, 1 (heavy) to 5 (good).
    pub felt: Option<u8>,
}

/// Time with people as of a day, for `status`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct TimeWithPeople {
    /// The last day with time logged, up to the day asked about.
    pub last_date: Option<String>,
    /// Days since then (0: that day itself).
    pub days_since: Option<u32>,
    /// Times logged in the seven days ending that day.
    pub count_7d: u32,
}

/// The figures as of `today`, from the day of every time logged.
pub fn company_summary(days: &[NaiveDate], today: NaiveDate) -> TimeWithPeople {
    let last = days.iter().filter(|d| **d <= today).max().copied();
    let week_start = today - chrono::Days::new(6);
    TimeWithPeople {
        last_date: last.map(format_date),
        days_since: last.map(|d| crate::space::days_between(d, today)),
        count_7d: days
            .iter()
            .filter(|d| **d >= week_start && **d <= today)
            .count() as u32,
    }
}

/// Whether the quiet-days note stands beside today's page.
///
/// A quiet stretch runs from the last day with time logged (or, when none
/// ever was, from `began`, the journal's first day) to `today`. The note is
/// due once `nudge_days` days of it have passed (`0`: never), once in a
/// stretch: `shown` is the day it last stood, and on that day it stays.
pub fn nudge_due(
    today: NaiveDate,
    last_logged: Option<NaiveDate>,
    began: Option<NaiveDate>,
    shown: Option<NaiveDate>,
    nudge_days: u32,
) -> bool {
    if nudge_days == 0 {
        return false;
    }
    let Some(since) = last_logged.filter(|d| *d <= today).or(began) else {
        return false;
    };
    if shown == Some(today) && last_logged != Some(today) {
        return true;
    }
    if shown.is_some_and(|s| s > since && s <= today) {
        return false;
    }
    crate::space::days_between(since, today) >= nudge_days
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rstest::rstest;

    fn d(s: &str) -> NaiveDate {
        crate::date::parse_date(s).unwrap()
    }

    #[rstest]
    // Four quiet days after the last time with someone: due.
    #[case("2027-03-10", Some("2027-03-06"), None, None, 4, true)]
    #[case("2027-03-09", Some("2027-03-06"), None, None, 4, false)]
    // Off.
    #[case("2027-03-10", Some("2027-03-01"), None, None, 0, false)]
    // Nothing logged ever: counted from the journal's first day.
    #[case("2027-03-10", None, Some("2027-03-06"), None, 4, true)]
    #[case("2027-03-10", None, Some("2027-03-08"), None, 4, false)]
    // A brand-new journal with nothing in it: nothing to say.
    #[case("2027-03-10", None, None, None, 4, false)]
    // Shown today: it stays for the day.
    #[case("2027-03-10", Some("2027-03-06"), None, Some("2027-03-10"), 4, true)]
    // Shown earlier in this stretch: not again.
    #[case("2027-03-14", Some("2027-03-06"), None, Some("2027-03-10"), 4, false)]
    #[case("2027-04-30", Some("2027-03-06"), None, Some("2027-03-10"), 4, false)]
    // Time with someone since: a new stretch, and after it the note may come.
    #[case("2027-03-16", Some("2027-03-12"), None, Some("2027-03-10"), 4, true)]
    // Logged today, after the note came: it goes.
    #[case("2027-03-10", Some("2027-03-10"), None, Some("2027-03-10"), 4, false)]
    // A longer setting.
    #[case("2027-03-12", Some("2027-03-06"), None, None, 7, false)]
    #[case("2027-03-13", Some("2027-03-06"), None, None, 7, true)]
    fn the_quiet_days_note(
        #[case] today: &str,
        #[case] last: Option<&str>,
        #[case] began: Option<&str>,
        #[case] shown: Option<&str>,
        #[case] days: u32,
        #[case] due: bool,
    ) {
        assert_eq!(
            nudge_due(d(today), last.map(d), began.map(d), shown.map(d), days),
            due
        );
    }

    #[rstest]
    #[case(&[], "2027-03-10", None, None, 0)]
    #[case(&["2027-03-10"], "2027-03-10", Some("2027-03-10"), Some(0), 1)]
    // The seven days ending today: the 4th is in, the 3rd is not.
    #[case(&["2027-03-03", "2027-03-04", "2027-03-09", "2027-03-09"], "2027-03-10", Some("2027-03-09"), Some(1), 3)]
    // A later day is not counted as of an earlier one.
    #[case(&["2027-03-01", "2027-03-20"], "2027-03-10", Some("2027-03-01"), Some(9), 0)]
    fn the_figures(
        #[case] days: &[&str],
        #[case] today: &str,
        #[case] last: Option<&str>,
        #[case] since: Option<u32>,
        #[case] week: u32,
    ) {
        let days: Vec<NaiveDate> = days.iter().map(|s| d(s)).collect();
        let s = company_summary(&days, d(today));
        assert_eq!(s.last_date.as_deref(), last);
        assert_eq!(s.days_since, since);
        assert_eq!(s.count_7d, week);
    }

    proptest! {
        /// Walking day by day through a quiet stretch, recording the day the
        /// note first stands, it stands on one day only.
        #[test]
        fn never_twice_in_one_quiet_stretch(
            quiet_from in 0i64..400,
            length in 0u64..120,
            nudge_days in 0u32..15,
            began_earlier in any::<bool>(),
        ) {
            let start = d("2026-01-01") + chrono::Days::new(quiet_from as u64);
            let (last, began) = if began_earlier { (None, Some(start)) } else { (Some(start), None) };
            let mut shown: Option<NaiveDate> = None;
            let mut days_shown = 0;
            for n in 0..=length {
                let today = start + chrono::Days::new(n);
                // The app asks several times a day; the first time it is due
                // it records the day.
                for _ in 0..3 {
                    if nudge_due(today, last, began, shown, nudge_days) && shown != Some(today) {
                        shown = Some(today);
                        days_shown += 1;
                    }
                }
            }
            prop_assert!(days_shown <= 1, "shown on {days_shown} days");
            if nudge_days > 0 && length >= u64::from(nudge_days) {
                prop_assert_eq!(days_shown, 1, "a long enough stretch has its note");
            }
        }
    }
}
