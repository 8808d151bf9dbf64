//! Which backups are kept: the newest of each of the last 7 days, the last 4
//! weeks and the last 12 months that have one (grandfather, father, son),
//! and always the newest one that was verified. A pure function of the
//! backups' local moments.

use chrono::{Datelike, NaiveDateTime};
use std::collections::BTreeSet;

pub const KEEP_DAILY: usize = 7;
pub const KEEP_WEEKLY: usize = 4;
pub const KEEP_MONTHLY: usize = 12;

/// For backups taken at `moments` (local time; any order), whether each is
/// kept. `newest_verified` is the index of the newest verified backup, which
/// is always kept whatever the rule says.
pub fn keep(moments: &[NaiveDateTime], newest_verified: Option<usize>) -> Vec<bool> {
    let mut order: Vec<usize> = (0..moments.len()).collect();
    // Newest first; the same moment keeps a stable order.
    order.sort_by(|&a, &b| moments[b].cmp(&moments[a]).then(a.cmp(&b)));
    let mut kept = vec![false; moments.len()];
    let mut pass = |bucket: &dyn Fn(&NaiveDateTime) -> (i32, u32), limit: usize| {
        let mut seen = BTreeSet::new();
        for &i in &order {
            if seen.len() == limit && !seen.contains(&bucket(&moments[i])) {
                break;
            }
            if seen.insert(bucket(&moments[i])) {
                kept[i] = true;
            }
        }
    };
    pass(&|m| (m.year(), m.ordinal()), KEEP_DAILY);
    pass(
        &|m| {
            let w = m.iso_week();
            (w.year(), w.week())
        },
        KEEP_WEEKLY,
    );
    pass(&|m| (m.year(), m.month()), KEEP_MONTHLY);
    if let Some(i) = newest_verified.filter(|&i| i < kept.len()) {
        kept[i] = true;
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use proptest::prelude::*;
    use rstest::rstest;

    fn at(date: &str, hour: u32) -> NaiveDateTime {
        NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .unwrap()
            .and_hms_opt(hour, 0, 0)
            .unwrap()
    }

    /// One backup a day at 21:00 for `days` days up to 2027-06-30.
    fn daily(days: i64) -> Vec<NaiveDateTime> {
        let end = at("2027-06-30", 21);
        (0..days)
            .map(|d| end - chrono::TimeDelta::days(d))
            .collect()
    }

    fn kept_dates(moments: &[NaiveDateTime], keep: &[bool]) -> Vec<String> {
        let mut v: Vec<String> = moments
            .iter()
            .zip(keep)
            .filter(|(_, k)| **k)
            .map(|(m, _)| m.format("%Y-%m-%d").to_string())
            .collect();
        v.sort();
        v.dedup();
        v
    }

    #[rstest]
    #[case::fewer_than_a_week_keeps_all(5, 5)]
    #[case::a_week_keeps_all(7, 7)]
    // The last 7 days; the 4 newest ISO weeks' newest days (30, 27, 20, 13
    // June: two of them not among the 7); the 12 newest months' last days
    // (June is there already).
    #[case::a_month(30, 7 + 2)]
    #[case::a_year(365, 7 + 2 + 11)]
    #[case::three_years(3 * 365, 7 + 2 + 11)]
    fn a_backup_a_day_thins_out_to_days_weeks_and_months(#[case] days: i64, #[case] want: usize) {
        let m = daily(days);
        let k = keep(&m, Some(0));
        assert_eq!(
            k.iter().filter(|k| **k).count(),
            want,
            "{:?}",
            kept_dates(&m, &k)
        );
    }

    #[test]
    fn a_year_keeps_the_last_week_four_sundays_and_month_ends() {
        let m = daily(365);
        let k = keep(&m, Some(0));
        let dates = kept_dates(&m, &k);
        // The last seven days (2027-06-24 to 30).
        for d in 24..=30 {
            assert!(dates.contains(&format!("2027-06-{d:02}")), "{dates:?}");
        }
        // The newest of each earlier ISO week: Sundays.
        for d in ["2027-06-20", "2027-06-13"] {
            assert!(dates.contains(&d.to_string()), "{d}: {dates:?}");
        }
        // The newest of each earlier month: its last day.
        for d in ["2027-05-31", "2027-04-30", "2027-02-28", "2026-07-31"] {
            assert!(dates.contains(&d.to_string()), "{d}: {dates:?}");
        }
        assert!(!dates.contains(&"2027-06-01".to_string()));
        assert!(
            !dates.contains(&"2027-06-06".to_string()),
            "a fifth week back is gone"
        );
        assert!(
            !dates.contains(&"2026-06-30".to_string()),
            "13 months back is gone"
        );
    }

    #[test]
    fn several_backups_on_one_day_keep_only_that_days_newest() {
        let m = vec![
            at("2027-06-30", 9),
            at("2027-06-30", 21),
            at("2027-06-30", 13),
        ];
        assert_eq!(keep(&m, Some(1)), [false, true, false]);
    }

    #[test]
    fn the_newest_verified_backup_is_kept_whatever_its_age() {
        // Twenty newer backups (unverified, say) would push it out; it stays.
        let mut m = daily(400);
        let old = m.len() - 1;
        m.swap(0, old);
        let k = keep(&m, Some(0));
        assert!(k[0]);
    }

    proptest! {
        #[test]
        fn the_newest_backup_is_always_kept_and_at_most_23_are(
            offsets in proptest::collection::vec(0i64..2_000_000, 1..60),
        ) {
            let base = at("2025-01-01", 0);
            let m: Vec<NaiveDateTime> =
                offsets.iter().map(|s| base + chrono::TimeDelta::minutes(*s)).collect();
            let k = keep(&m, None);
            let newest = (0..m.len()).max_by(|&a, &b| m[a].cmp(&m[b]).then(b.cmp(&a))).unwrap();
            prop_assert!(k[newest]);
            prop_assert!(k.iter().filter(|k| **k).count() <= KEEP_DAILY + KEEP_WEEKLY + KEEP_MONTHLY);
        }
    }
}
