//! The calendar's days: what each one holds, for its marks (a page, its
//! mood, the day a period began, a day the person reached out anyway, a day
//! their partner got in touch).

use crate::date::format_date;
use crate::db::Store;
use crate::error::Result;
use crate::space::ContactKind;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

/// One day on the calendar with something to mark.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct CalendarDay {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Something was set down that day (pages::is_written).
    pub written: bool,
    /// 1 (very low) to 5 (good), or none.
    pub mood: Option<u8>,
    /// A period of giving space began that day (its day 0).
    pub began: bool,
    /// The person reached out anyway: the count started again that day.
    pub reached_out: bool,
    /// Their partner got in touch that day.
    pub they_reached_out: bool,
}

impl Store {
    /// The days `from..=to` with anything to mark, oldest first; days with
    /// nothing are left out.
    pub fn calendar_days(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<CalendarDay>> {
        let mut days: BTreeMap<String, CalendarDay> = BTreeMap::new();
        fn day<'a>(days: &'a mut BTreeMap<String, CalendarDay>, date: &str) -> &'a mut CalendarDay {
            days.entry(date.to_string()).or_insert_with(|| CalendarDay {
                date: date.to_string(),
                ..CalendarDay::default()
            })
        }
        for page in self.list_pages(Some(from), Some(to))? {
            let d = day(&mut days, &page.date);
            d.written = true;
            d.mood = page.mood;
        }
        let (first, last) = (format_date(from), format_date(to));
        for period in self.periods()? {
            if period.start >= first && period.start <= last {
                day(&mut days, &period.start).began = true;
            }
        }
        for contact in self.contacts(Some(from), Some(to))? {
            match contact.kind {
                ContactKind::Pursued => day(&mut days, &contact.date).reached_out = true,
                ContactKind::TheyReachedOut => {
                    day(&mut days, &contact.date).they_reached_out = true
                }
                ContactKind::Necessary | ContactKind::Upfront => {}
            }
        }
        Ok(days.into_values().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedClock;
    use crate::space::When;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn each_day_carries_its_page_its_mood_a_begun_period_and_its_contacts() {
        let mut store = Store::open_in_memory().unwrap();
        let clock = FixedClock::at_utc("2026-12-05T20:00:00Z");
        store
            .save_page(d("2026-11-02"), "Day one.", Some(2), &clock)
            .unwrap();
        store
            .save_page(d("2026-11-04"), "", Some(5), &clock)
            .unwrap();
        store
            .save_page(d("2026-11-06"), "Only words.", None, &clock)
            .unwrap();
        store
            .save_page(d("2026-11-07"), "   ", None, &clock)
            .unwrap();
        store
            .start_period(d("2026-11-02"), Some("I am stepping back."), &clock)
            .unwrap();
        let contact = |store: &mut Store, kind, day| {
            store
                .add_contact(kind, When::Day(d(day)), None, &clock)
                .unwrap()
        };
        contact(&mut store, ContactKind::TheyReachedOut, "2026-11-09");
        contact(&mut store, ContactKind::Pursued, "2026-11-09");
        contact(&mut store, ContactKind::Necessary, "2026-11-10");
        contact(&mut store, ContactKind::Pursued, "2026-12-01");

        let days = store
            .calendar_days(d("2026-11-01"), d("2026-11-30"))
            .unwrap();
        let mark = |date: &str, written, mood, began, reached_out, they_reached_out| CalendarDay {
            date: date.into(),
            written,
            mood,
            began,
            reached_out,
            they_reached_out,
        };
        assert_eq!(
            days,
            [
                mark("2026-11-02", true, Some(2), true, false, false),
                mark("2026-11-04", true, Some(5), false, false, false),
                mark("2026-11-06", true, None, false, false, false),
                mark("2026-11-09", false, None, false, true, true),
            ],
            "blank pages and necessary contacts leave no mark; December is not November"
        );
    }
}
