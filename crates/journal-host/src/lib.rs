//! The host side both front ends need and the core may not touch: the wall
//! clock, the machine's time zone and where the journal lives by default.
//! One crate, so the CLI and the desktop shell read each of them one way.

use chrono::{DateTime, FixedOffset, Local, Utc};
use chrono_tz::Tz;
use journal_core::{pick_zone, Clock, APP_IDENTIFIER, DB_FILE_NAME, DEV_IDENTIFIER};
use std::path::PathBuf;

/// The wall clock, read in exactly one place; `TZ` is honoured (by libc).
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    #[allow(clippy::disallowed_methods)] // the one read of the wall clock
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
    #[allow(clippy::disallowed_methods)]
    fn offset(&self) -> FixedOffset {
        *Local::now().offset()
    }
}

/// The time zone reminders are planned in: `TZ` when set (an IANA name such
/// as `Europe/Berlin`, or a POSIX rule such as `CET-1CEST`), else the
/// system's zone, else UTC.
pub fn system_zone() -> Tz {
    let tz = std::env::var("TZ").ok();
    let system = iana_time_zone::get_timezone().ok();
    zone_from(tz.as_deref(), system.as_deref())
}

/// [`system_zone`] from given values: a POSIX `TZ` is read as the zone
/// that follows the same rules, so the clock's offset (which libc takes from
/// `TZ`) and the reminders' zone never disagree.
pub fn zone_from(tz_var: Option<&str>, system: Option<&str>) -> Tz {
    match tz_var.map(str::trim).and_then(posix_zone) {
        Some(zone) => zone,
        None => pick_zone(tz_var, system),
    }
}

/// The zone a POSIX `TZ` rule describes, when it is one we can name: the
/// rules the tz database itself carries (`CET-1CEST`, `EST5EDT`, …), the
/// common ones by their usual zone (`GMT0BST` is London), and any fixed
/// offset (`<+03>-3`, `JST-9`) as `Etc/GMT∓N`. Rules given in full
/// (`…,M3.5.0,M10.5.0/3`) are read by their names and offset.
fn posix_zone(rule: &str) -> Option<Tz> {
    let rule = rule.trim_start_matches(':');
    if rule.contains('/') && !rule.contains(',') {
        return None; // an IANA name: pick_zone reads it
    }
    let head = rule.split(',').next().unwrap_or_default();
    let known = [
        ("CET-1CEST", "CET"),
        ("MET-1MEST", "MET"),
        ("EET-2EEST", "EET"),
        ("WET0WEST", "WET"),
        ("EST5EDT", "EST5EDT"),
        ("CST6CDT", "CST6CDT"),
        ("MST7MDT", "MST7MDT"),
        ("PST8PDT", "PST8PDT"),
        ("GMT0BST", "Europe/London"),
        ("GMT0IST", "Europe/Dublin"),
        ("AEST-10AEDT", "Australia/Sydney"),
        ("ACST-9:30ACDT", "Australia/Adelaide"),
        ("NZST-12NZDT", "Pacific/Auckland"),
        ("AKST9AKDT", "America/Anchorage"),
        ("HST10", "Pacific/Honolulu"),
        ("IST-5:30", "Asia/Kolkata"),
    ];
    if let Some((_, name)) = known.iter().find(|(r, _)| *r == head) {
        return name.parse().ok();
    }
    fixed_offset_zone(head)
}

/// `NAME[+|-]H` with no daylight part, as a fixed `Etc/GMT` zone (whose
/// sign is the POSIX one: `JST-9` is `Etc/GMT-9`, nine hours ahead).
fn fixed_offset_zone(head: &str) -> Option<Tz> {
    let name_end = if let Some(rest) = head.strip_prefix('<') {
        rest.find('>')? + 2
    } else {
        head.find(|c: char| c.is_ascii_digit() || c == '+' || c == '-')?
    };
    if name_end < 3 {
        return None;
    }
    let offset = &head[name_end..];
    let hours: i32 = offset.parse().ok()?;
    // Anything after the offset would be a daylight-saving zone we cannot name.
    if !(-14..=12).contains(&hours) {
        return None;
    }
    let name = if hours == 0 {
        "Etc/GMT".to_string()
    } else {
        format!("Etc/GMT{hours:+}")
    };
    name.parse().ok()
}

/// Where the journal lives unless told otherwise: the app's folder in the
/// user's data directory (`~/.local/share/<identifier>/journal.db`).
pub fn default_db_path(identifier: &str) -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join(identifier)
        .join(DB_FILE_NAME)
}

/// The identifier this build uses: the app's own in a release build, the
/// development one in a debug build (so a plain `cargo run` never opens the
/// person's journal, and a release build never a development one).
pub fn identifier() -> &'static str {
    if cfg!(debug_assertions) {
        DEV_IDENTIFIER
    } else {
        APP_IDENTIFIER
    }
}

/// The journal the app and the CLI of this build share by default.
pub fn default_journal() -> PathBuf {
    default_db_path(identifier())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case(Some("Europe/Berlin"), Some("America/New_York"), "Europe/Berlin")]
    #[case(Some(":America/New_York"), None, "America/New_York")]
    #[case(Some("CET-1CEST"), Some("America/New_York"), "CET")]
    #[case(Some("CET-1CEST,M3.5.0,M10.5.0/3"), None, "CET")]
    #[case(Some("EST5EDT"), None, "EST5EDT")]
    #[case(Some("GMT0BST"), None, "Europe/London")]
    #[case(Some("JST-9"), None, "Etc/GMT-9")]
    #[case(Some("<+03>-3"), None, "Etc/GMT-3")]
    #[case(Some("UTC0"), Some("Europe/Berlin"), "Etc/GMT")]
    #[case(Some("Not/AZone"), Some("Europe/Berlin"), "Europe/Berlin")]
    #[case(Some("XYZ3ABC"), Some("Europe/Berlin"), "Europe/Berlin")]
    #[case(None, Some("Europe/Berlin"), "Europe/Berlin")]
    #[case(None, None, "UTC")]
    fn the_zone_is_read_one_way_posix_rules_included(
        #[case] tz: Option<&str>,
        #[case] system: Option<&str>,
        #[case] want: &str,
    ) {
        assert_eq!(zone_from(tz, system).name(), want);
    }

    #[test]
    fn the_default_journal_is_in_the_apps_data_folder() {
        let p = default_db_path("app.example");
        assert!(p.ends_with("app.example/journal.db"), "{p:?}");
    }
}
