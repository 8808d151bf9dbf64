//! Calendar dates as the person types them: strict `YYYY-MM-DD`.

use crate::error::{Error, Result};
use chrono::NaiveDate;

/// Parse a strict `YYYY-MM-DD` date, refusing anything else with a clear message.
pub fn parse_date(s: &str) -> Result<NaiveDate> {
    let t = s.trim();
    let ok_shape = t.len() == 10
        && t.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    let parsed = ok_shape
        .then(|| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
        .flatten();
    parsed.ok_or_else(|| {
        Error::invalid(format!(
            "\"{s}\" is not a date; write it as YYYY-MM-DD, for example 2027-03-14"
        ))
    })
}

/// Format a date the way the store keeps it.
pub fn format_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// An instant as the store keeps it (RFC 3339, UTC).
pub(crate) fn parse_instant(s: &str) -> Result<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|_| Error::invalid(format!("\"{s}\" in the journal is not a moment")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_real_dates_including_leap_day() {
        assert_eq!(format_date(parse_date("2028-02-29").unwrap()), "2028-02-29");
        assert_eq!(
            format_date(parse_date(" 2027-01-05 ").unwrap()),
            "2027-01-05"
        );
    }

    #[test]
    fn refuses_odd_dates_with_a_message_that_says_what_to_write() {
        for bad in [
            "2027-02-29",
            "2027-13-01",
            "2027-1-5",
            "27-01-05",
            "",
            "yesterday",
            "2027/01/05",
            "2027-01-05T00:00",
        ] {
            let e = parse_date(bad).unwrap_err();
            assert!(e.is_invalid_input(), "{bad}");
            assert!(e.to_string().contains("YYYY-MM-DD"), "{bad}: {e}");
        }
    }

    proptest! {
        #[test]
        fn every_valid_date_round_trips(days in 0i64..3_000_000) {
            let d = NaiveDate::from_ymd_opt(1, 1, 1).unwrap() + chrono::Days::new(days as u64);
            if d.format("%Y").to_string().len() == 4 {
                prop_assert_eq!(parse_date(&format_date(d)).unwrap(), d);
            }
        }
    }
}
