//! The journal as the app and the CLI use it: one store behind a lock, one
//! clock, and every input arriving as the text a person or a script typed.

use crate::clock::Clock;
use crate::date::{format_date, parse_date};
use crate::error::{Error, Result};
use crate::page::{Page, PageSummary};
use crate::search::SearchHit;
use crate::store::Store;
use std::sync::{Mutex, MutexGuard};

/// How many search results a caller gets at most.
pub const SEARCH_LIMIT: usize = 100;

pub struct Journal {
    store: Mutex<Store>,
    clock: Box<dyn Clock>,
}

impl Journal {
    pub fn new(store: Store, clock: impl Clock + 'static) -> Self {
        Journal {
            store: Mutex::new(store),
            clock: Box::new(clock),
        }
    }

    fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock cannot leave a half-written page
        // (every write is one transaction), so a poisoned lock is safe to reuse.
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Today's local date, `YYYY-MM-DD`.
    pub fn today(&self) -> String {
        format_date(self.clock.today())
    }

    pub fn get_page(&self, date: &str) -> Result<Page> {
        self.store().page(parse_date(date)?)
    }

    /// Save a day's page. Days that have not come yet cannot be written.
    pub fn save_page(&self, date: &str, body: &str, mood: Option<u8>) -> Result<Page> {
        let day = parse_date(date)?;
        if day > self.clock.today() {
            return Err(Error::invalid(format!(
                "{date} has not come yet; you can write today's page or any day before it"
            )));
        }
        self.store().save_page(day, body, mood, self.clock.as_ref())
    }

    pub fn list_pages(&self, from: Option<&str>, to: Option<&str>) -> Result<Vec<PageSummary>> {
        let from = from.map(parse_date).transpose()?;
        let to = to.map(parse_date).transpose()?;
        self.store().list_pages(from, to)
    }

    pub fn search(&self, query: &str) -> Result<Vec<SearchHit>> {
        self.store().search(query, SEARCH_LIMIT)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedClock;

    fn journal() -> Journal {
        let clock = FixedClock::at_utc("2027-03-14T12:00:00Z");
        Journal::new(Store::open_in_memory().unwrap(), clock)
    }

    #[test]
    fn writes_today_and_earlier_days_but_not_the_future() {
        let j = journal();
        assert_eq!(j.today(), "2027-03-14");
        j.save_page("2027-03-14", "today", None).unwrap();
        j.save_page("2027-03-13", "late, for yesterday", Some(3))
            .unwrap();
        let e = j.save_page("2027-03-15", "tomorrow", None).unwrap_err();
        assert_eq!(e.code(), "invalid_input");
        assert_eq!(j.get_page("2027-03-15").unwrap().body, "");
        assert_eq!(j.list_pages(None, None).unwrap().len(), 2);
    }

    #[test]
    fn a_bad_date_from_the_ui_is_a_clear_error() {
        let e = journal().get_page("14/03/2027").unwrap_err();
        assert_eq!(e.code(), "invalid_input");
    }
}
