//! The weekly look back as pure functions of dated facts: which days a
//! review covers, and its figures. No score, no streak pressure, no
//! prediction: only what happened in those seven days.

use crate::date::format_date;
use crate::insights::{HelpedCard, MoodPoint};
use crate::people::Company;
use crate::space::{ContactCounts, ContactKind};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;
use ts_rs::TS;

/// The heading the three answers go under on the page; a week whose days
/// hold it has been looked back on.
pub const REVIEW_HEADING: &str = "My week, looked back on";

/// The seven days a review covers: those ending on the first `review_day`
/// on or after `day`.
pub fn review_week(day: NaiveDate, review_day: Weekday) -> (NaiveDate, NaiveDate) {
    let ahead = (7 + review_day.num_days_from_monday() - day.weekday().num_days_from_monday()) % 7;
    let to = day + Days::new(u64::from(ahead));
    (to - Days::new(6), to)
}

/// A week looked back on.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WeekReview {
    /// The first and last day of the week (`YYYY-MM-DD`).
    pub from: String,
    pub to: String,
    /// Days with a written page.
    pub days_written: u32,
    /// Days of the week inside a period of giving space (day 0 included).
    pub days_of_space: u32,
    pub urges_held: u32,
    /// Messages written here and kept unsent.
    pub unsent_kept: u32,
    /// Contacts by kind (`they-reached-out`: the partner got in touch).
    pub contacts: ContactCounts,
    /// Time with people, oldest first.
    pub time_with_people: Vec<Company>,
    /// Each day with a mood, oldest first: the week's mood line.
    pub moods: Vec<MoodPoint>,
    /// Cards marked as having helped during the week.
    pub helped: Vec<HelpedCard>,
    /// The day whose page holds this week's three answers, once answered.
    pub answered_on: Option<String>,
}

/// What a week's figures are drawn from (every list may reach outside it).
pub struct WeekFacts<'a> {
    pub written: &'a [NaiveDate],
    /// Each period's first day and, once ended, its last.
    pub periods: &'a [(NaiveDate, Option<NaiveDate>)],
    pub urges: &'a [NaiveDate],
    pub unsent_kept: &'a [NaiveDate],
    pub contacts: &'a [(NaiveDate, ContactKind)],
    pub today: NaiveDate,
}

/// The figures of the week `from..=to`, counting nothing after `today`.
pub fn week_figures(facts: &WeekFacts<'_>, from: NaiveDate, to: NaiveDate) -> WeekReview {
    let last = to.min(facts.today);
    let within = |d: &NaiveDate| *d >= from && *d <= last;
    let mut contacts = ContactCounts::default();
    for (_, kind) in facts.contacts.iter().filter(|(d, _)| within(d)) {
        match kind {
            ContactKind::Pursued => contacts.pursued += 1,
            ContactKind::Necessary => contacts.necessary += 1,
            ContactKind::TheyReachedOut => contacts.they_reached_out += 1,
            ContactKind::Upfront => contacts.upfront += 1,
        }
    }
    let mut days_of_space = 0;
    let mut day = from;
    while day <= last {
        if facts
            .periods
            .iter()
            .any(|(start, end)| *start <= day && end.is_none_or(|e| day <= e))
        {
            days_of_space += 1;
        }
        day = day + Days::new(1);
    }
    WeekReview {
        from: format_date(from),
        to: format_date(to),
        days_written: facts.written.iter().filter(|d| within(d)).count() as u32,
        days_of_space,
        urges_held: facts.urges.iter().filter(|d| within(d)).count() as u32,
        unsent_kept: facts.unsent_kept.iter().filter(|d| within(d)).count() as u32,
        contacts,
        time_with_people: Vec::new(),
        moods: Vec::new(),
        helped: Vec::new(),
        answered_on: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn d(s: &str) -> NaiveDate {
        crate::date::parse_date(s).unwrap()
    }

    #[rstest]
    // A Wednesday, reviewed on Sundays: Monday to the coming Sunday.
    #[case("2027-03-10", Weekday::Sun, "2027-03-08", "2027-03-14")]
    // The review day itself ends its own week.
    #[case("2027-03-14", Weekday::Sun, "2027-03-08", "2027-03-14")]
    // The day after starts the next.
    #[case("2027-03-15", Weekday::Sun, "2027-03-15", "2027-03-21")]
    // Reviewed on Fridays.
    #[case("2027-03-13", Weekday::Fri, "2027-03-13", "2027-03-19")]
    #[case("2027-03-12", Weekday::Fri, "2027-03-06", "2027-03-12")]
    // The weeks the clocks change in Europe (28 March, 31 October 2027) and
    // America (14 March): seven calendar days all the same.
    #[case("2027-03-28", Weekday::Sun, "2027-03-22", "2027-03-28")]
    #[case("2027-10-31", Weekday::Sun, "2027-10-25", "2027-10-31")]
    #[case("2027-03-14", Weekday::Mon, "2027-03-09", "2027-03-15")]
    // Across a year's end.
    #[case("2026-12-31", Weekday::Sun, "2026-12-28", "2027-01-03")]
    fn the_seven_days_a_review_covers(
        #[case] day: &str,
        #[case] review_day: Weekday,
        #[case] from: &str,
        #[case] to: &str,
    ) {
        assert_eq!(review_week(d(day), review_day), (d(from), d(to)));
    }

    fn facts<'a>(
        written: &'a [NaiveDate],
        periods: &'a [(NaiveDate, Option<NaiveDate>)],
        urges: &'a [NaiveDate],
        contacts: &'a [(NaiveDate, ContactKind)],
        today: &str,
    ) -> WeekFacts<'a> {
        WeekFacts {
            written,
            periods,
            urges,
            unsent_kept: &[],
            contacts,
            today: d(today),
        }
    }

    #[test]
    fn a_week_with_no_pages_says_so_in_zeros() {
        let w = week_figures(
            &facts(&[], &[], &[], &[], "2027-03-20"),
            d("2027-03-08"),
            d("2027-03-14"),
        );
        assert_eq!(
            (w.days_written, w.days_of_space, w.urges_held, w.contacts),
            (0, 0, 0, ContactCounts::default())
        );
        assert_eq!(
            (w.from.as_str(), w.to.as_str()),
            ("2027-03-08", "2027-03-14")
        );
    }

    #[test]
    fn the_first_partial_week_of_a_period_counts_from_its_day_0() {
        // Day 0 on Thursday: Thursday to Sunday are days of space.
        let periods = [(d("2027-03-11"), None)];
        let urges = [d("2027-03-12"), d("2027-03-16")];
        let contacts = [
            (d("2027-03-11"), ContactKind::Upfront),
            (d("2027-03-13"), ContactKind::TheyReachedOut),
            (d("2027-03-13"), ContactKind::TheyReachedOut),
            (d("2027-03-07"), ContactKind::Pursued),
        ];
        let written = [d("2027-03-08"), d("2027-03-11"), d("2027-03-15")];
        let w = week_figures(
            &facts(&written, &periods, &urges, &contacts, "2027-03-20"),
            d("2027-03-08"),
            d("2027-03-14"),
        );
        assert_eq!(w.days_of_space, 4);
        assert_eq!(w.days_written, 2);
        assert_eq!(w.urges_held, 1, "the 16th is the next week's");
        assert_eq!(
            (
                w.contacts.upfront,
                w.contacts.they_reached_out,
                w.contacts.pursued
            ),
            (1, 2, 0)
        );
    }

    #[test]
    fn this_week_counts_nothing_after_today_and_an_ended_period_stops() {
        let periods = [(d("2027-03-01"), Some(d("2027-03-10")))];
        let w = week_figures(
            &facts(&[], &periods, &[], &[], "2027-03-12"),
            d("2027-03-08"),
            d("2027-03-14"),
        );
        assert_eq!(w.days_of_space, 3, "8th to 10th");
        let open = [(d("2027-03-01"), None)];
        let w = week_figures(
            &facts(&[], &open, &[], &[], "2027-03-12"),
            d("2027-03-08"),
            d("2027-03-14"),
        );
        assert_eq!(w.days_of_space, 5, "8th to today, the 12th");
    }
}
