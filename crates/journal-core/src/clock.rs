//! Time as an input. The core never reads the wall clock: a caller hands it a
//! `Clock`, so streaks, pages and schedules are testable across DST and travel.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

/// Where "now" comes from, and which calendar day it is for the person.
pub trait Clock: Send + Sync {
    /// The current instant.
    fn now(&self) -> DateTime<Utc>;
    /// The local UTC offset in force at `now()`.
    fn offset(&self) -> FixedOffset;
    /// The person's local calendar date at `now()`.
    fn today(&self) -> NaiveDate {
        self.now().with_timezone(&self.offset()).date_naive()
    }
}

/// A clock that reads a fixed instant in a fixed offset (tests, `--as-of`).
#[derive(Debug, Clone, Copy)]
pub struct FixedClock {
    pub now: DateTime<Utc>,
    pub offset: FixedOffset,
}

impl FixedClock {
    pub fn new(now: DateTime<Utc>, offset: FixedOffset) -> Self {
        Self { now, offset }
    }

    /// A clock at UTC `rfc3339`, in UTC. Panics on a malformed literal (tests only).
    pub fn at_utc(rfc3339: &str) -> Self {
        let now = DateTime::parse_from_rfc3339(rfc3339)
            .expect("a valid RFC 3339 instant")
            .with_timezone(&Utc);
        Self::new(now, FixedOffset::east_opt(0).expect("zero offset"))
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.now
    }
    fn offset(&self) -> FixedOffset {
        self.offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_the_local_date_not_the_utc_date() {
        // 23:30 UTC on Jan 1 is already Jan 2 in Berlin (+01:00)...
        let c = FixedClock::new(
            FixedClock::at_utc("2027-01-01T23:30:00Z").now,
            FixedOffset::east_opt(3600).unwrap(),
        );
        assert_eq!(c.today(), NaiveDate::from_ymd_opt(2027, 1, 2).unwrap());
        // ...and still Jan 1 in New York (-05:00).
        let c = FixedClock::new(c.now, FixedOffset::west_opt(5 * 3600).unwrap());
        assert_eq!(c.today(), NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
    }
}
