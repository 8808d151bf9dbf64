//! The person's settings: reminders, quiet hours, discretion and the window.
//! Keys and value forms are a contract (`settings get/set` in the CLI).

use crate::error::{Error, Result};
use chrono::{NaiveTime, Weekday};
use serde::Serialize;
use ts_rs::TS;

/// Every setting. The CLI and the Settings page read and write them as
/// key/value text ([`Settings::get`], [`Settings::set`], [`SettingEntry`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub daily_enabled: bool,
    /// `HH:MM`, local time.
    pub daily_time: NaiveTime,
    pub daily_days: Vec<Weekday>,
    pub quiet_enabled: bool,
    pub quiet_start: NaiveTime,
    pub quiet_end: NaiveTime,
    pub discreet: bool,
    pub milestones: bool,
    /// 0 turns the check-in after silence off.
    pub checkin_days: u32,
    pub autostart: bool,
    pub close_to_tray: bool,
    /// Minutes without keyboard or pointer input in the app after which an
    /// encrypted journal locks itself; 0 never.
    pub lock_idle_minutes: u32,
    /// Where backups go, when not in `backups/` beside the journal.
    pub backup_dir: Option<std::path::PathBuf>,
    /// A quiet line on a day's page naming the earlier pages of its date.
    pub look_back: bool,
    /// Quiet days (no time with people logged) before a gentle note beside
    /// the page; 0 turns it off.
    pub support_nudge_days: u32,
    /// Minutes of pause between writing a message here and choosing what
    /// becomes of it; 0: no pause.
    pub unsent_pause_minutes: u32,
    /// The day of the week's look back (the week it covers ends on it).
    pub review_day: Weekday,
}

/// One setting as text, the form the CLI prints and the UI edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SettingEntry {
    pub key: String,
    pub value: String,
}

/// The keys, in the order `settings get` lists them.
pub const SETTING_KEYS: [&str; 17] = [
    "daily.enabled",
    "daily.time",
    "daily.days",
    "quiet.enabled",
    "quiet.start",
    "quiet.end",
    "discreet",
    "milestones",
    "checkin.days",
    "autostart",
    "close_to_tray",
    "lock.idle_minutes",
    "backup.dir",
    "look_back",
    "support.nudge_days",
    "unsent.pause_minutes",
    "review.day",
];

/// The longest `lock.idle_minutes` (a day).
pub const MAX_IDLE_MINUTES: u32 = 1440;

const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("a valid time")
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            daily_enabled: true,
            daily_time: hm(20, 30),
            daily_days: WEEK.to_vec(),
            quiet_enabled: true,
            quiet_start: hm(22, 0),
            quiet_end: hm(8, 0),
            discreet: true,
            milestones: true,
            checkin_days: 3,
            autostart: false,
            close_to_tray: true,
            lock_idle_minutes: 5,
            backup_dir: None,
            look_back: true,
            support_nudge_days: 4,
            unsent_pause_minutes: 20,
            review_day: Weekday::Sun,
        }
    }
}

fn day_name(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "mon",
        Weekday::Tue => "tue",
        Weekday::Wed => "wed",
        Weekday::Thu => "thu",
        Weekday::Fri => "fri",
        Weekday::Sat => "sat",
        Weekday::Sun => "sun",
    }
}

pub fn format_time(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

fn parse_bool(key: &str, v: &str) -> Result<bool> {
    match v.trim() {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(Error::invalid(format!(
            "{key} must be true or false (got \"{v}\")"
        ))),
    }
}

fn parse_time(key: &str, v: &str) -> Result<NaiveTime> {
    let t = v.trim();
    let shape = t.len() == 5 && t.as_bytes()[2] == b':';
    shape
        .then(|| NaiveTime::parse_from_str(t, "%H:%M").ok())
        .flatten()
        .ok_or_else(|| {
            Error::invalid(format!(
                "{key} must be a 24-hour time HH:MM, for example 20:30 (got \"{v}\")"
            ))
        })
}

/// A whole number from 0 (which means `zero`) to `max`.
fn parse_upto(key: &str, value: &str, max: u32, zero: &str) -> Result<u32> {
    value
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| *n <= max)
        .ok_or_else(|| {
            Error::invalid(format!(
                "{key} must be a whole number from 0 ({zero}) to {max} (got \"{value}\")"
            ))
        })
}

fn parse_days(key: &str, v: &str) -> Result<Vec<Weekday>> {
    let bad = || {
        Error::invalid(format!(
            "{key} must be days from mon,tue,wed,thu,fri,sat,sun separated by commas (got \"{v}\")"
        ))
    };
    let mut days = Vec::new();
    for part in v.split(',') {
        let d = WEEK
            .iter()
            .find(|d| day_name(**d) == part.trim().to_lowercase())
            .ok_or_else(bad)?;
        if !days.contains(d) {
            days.push(*d);
        }
    }
    days.sort_by_key(|d| d.num_days_from_monday());
    Ok(days)
}

impl Settings {
    /// The value of `key` in its text form.
    pub fn get(&self, key: &str) -> Result<String> {
        Ok(match key {
            "daily.enabled" => self.daily_enabled.to_string(),
            "daily.time" => format_time(self.daily_time),
            "daily.days" => self
                .daily_days
                .iter()
                .map(|d| day_name(*d))
                .collect::<Vec<_>>()
                .join(","),
            "quiet.enabled" => self.quiet_enabled.to_string(),
            "quiet.start" => format_time(self.quiet_start),
            "quiet.end" => format_time(self.quiet_end),
            "discreet" => self.discreet.to_string(),
            "milestones" => self.milestones.to_string(),
            "checkin.days" => self.checkin_days.to_string(),
            "autostart" => self.autostart.to_string(),
            "close_to_tray" => self.close_to_tray.to_string(),
            "look_back" => self.look_back.to_string(),
            "support.nudge_days" => self.support_nudge_days.to_string(),
            "unsent.pause_minutes" => self.unsent_pause_minutes.to_string(),
            "review.day" => day_name(self.review_day).to_string(),
            "lock.idle_minutes" => self.lock_idle_minutes.to_string(),
            "backup.dir" => self
                .backup_dir
                .as_ref()
                .map(|d| d.display().to_string())
                .unwrap_or_default(),
            _ => return Err(unknown(key)),
        })
    }

    /// Every setting as key/value text, in the documented order.
    pub fn entries(&self) -> Vec<SettingEntry> {
        SETTING_KEYS
            .iter()
            .map(|k| SettingEntry {
                key: (*k).to_string(),
                value: self.get(k).expect("every listed key is known"),
            })
            .collect()
    }

    /// Set `key` from its text form, refusing a bad value with a clear error.
    pub fn set(&mut self, key: &str, value: &str) -> Result<()> {
        match key {
            "daily.enabled" => self.daily_enabled = parse_bool(key, value)?,
            "daily.time" => self.daily_time = parse_time(key, value)?,
            "daily.days" => self.daily_days = parse_days(key, value)?,
            "quiet.enabled" => self.quiet_enabled = parse_bool(key, value)?,
            "quiet.start" => self.quiet_start = parse_time(key, value)?,
            "quiet.end" => self.quiet_end = parse_time(key, value)?,
            "discreet" => self.discreet = parse_bool(key, value)?,
            "milestones" => self.milestones = parse_bool(key, value)?,
            "checkin.days" => self.checkin_days = parse_upto(key, value, 30, "off")?,
            "autostart" => self.autostart = parse_bool(key, value)?,
            "close_to_tray" => self.close_to_tray = parse_bool(key, value)?,
            "look_back" => self.look_back = parse_bool(key, value)?,
            "review.day" => {
                self.review_day = *WEEK
                    .iter()
                    .find(|d| day_name(**d) == value.trim().to_lowercase())
                    .ok_or_else(|| {
                        Error::invalid(format!(
                            "review.day must be one of mon,tue,wed,thu,fri,sat,sun (got \"{value}\")"
                        ))
                    })?
            }
            "unsent.pause_minutes" => self.unsent_pause_minutes = parse_upto(key, value, 120, "no pause")?,
            "support.nudge_days" => self.support_nudge_days = parse_upto(key, value, 30, "off")?,
            "lock.idle_minutes" => {
                self.lock_idle_minutes = value
                    .trim()
                    .parse::<u32>()
                    .ok()
                    .filter(|n| *n <= MAX_IDLE_MINUTES)
                    .ok_or_else(|| {
                        Error::invalid(format!(
                            "lock.idle_minutes must be a whole number of minutes from 0 (never) to {MAX_IDLE_MINUTES} (got \"{value}\")"
                        ))
                    })?
            }
            "backup.dir" => self.backup_dir = parse_dir(key, value)?,
            _ => return Err(unknown(key)),
        }
        Ok(())
    }

    /// Is `t` (local) inside the quiet hours? They may run past midnight.
    pub fn is_quiet(&self, t: NaiveTime) -> bool {
        if !self.quiet_enabled || self.quiet_start == self.quiet_end {
            return false;
        }
        if self.quiet_start < self.quiet_end {
            t >= self.quiet_start && t < self.quiet_end
        } else {
            t >= self.quiet_start || t < self.quiet_end
        }
    }
}

/// A folder given in full (`/media/me/drive/journal`), or nothing for the
/// default; a trailing `/` is dropped.
fn parse_dir(key: &str, v: &str) -> Result<Option<std::path::PathBuf>> {
    let t = v.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let trimmed = t.trim_end_matches('/');
    if !t.starts_with('/') || trimmed.is_empty() || t.chars().any(char::is_control) {
        return Err(Error::invalid(format!(
            "{key} must be a folder given in full, such as /media/you/drive/journal-backups, \
             or empty for the backups folder beside the journal (got \"{v}\")"
        )));
    }
    Ok(Some(std::path::PathBuf::from(trimmed)))
}

fn unknown(key: &str) -> Error {
    Error::invalid(format!(
        "there is no setting \"{key}\"; the settings are {}",
        SETTING_KEYS.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[test]
    fn defaults_read_back_as_the_contract_says() {
        let s = Settings::default();
        let got: Vec<String> = SETTING_KEYS.iter().map(|k| s.get(k).unwrap()).collect();
        assert_eq!(
            got,
            [
                "true",
                "20:30",
                "mon,tue,wed,thu,fri,sat,sun",
                "true",
                "22:00",
                "08:00",
                "true",
                "true",
                "3",
                "false",
                "true",
                "5",
                "",
                "true",
                "4",
                "20",
                "sun"
            ]
        );
    }

    #[rstest]
    #[case("daily.enabled", "false", "false")]
    #[case("daily.time", "07:05", "07:05")]
    #[case("daily.days", "sun, mon,MON", "mon,sun")]
    #[case("quiet.start", "23:59", "23:59")]
    #[case("checkin.days", "0", "0")]
    #[case("checkin.days", "30", "30")]
    #[case("close_to_tray", "false", "false")]
    #[case("look_back", "false", "false")]
    #[case("support.nudge_days", "0", "0")]
    #[case("support.nudge_days", " 7 ", "7")]
    #[case("unsent.pause_minutes", "0", "0")]
    #[case("unsent.pause_minutes", "120", "120")]
    #[case("review.day", " FRI ", "fri")]
    #[case("lock.idle_minutes", "0", "0")]
    #[case("lock.idle_minutes", " 15 ", "15")]
    #[case("lock.idle_minutes", "1440", "1440")]
    #[case("backup.dir", "/media/me/drive/journal/", "/media/me/drive/journal")]
    #[case("backup.dir", " /srv/backups ", "/srv/backups")]
    #[case("backup.dir", "", "")]
    fn good_values_are_kept(#[case] key: &str, #[case] value: &str, #[case] shown: &str) {
        let mut s = Settings::default();
        s.set(key, value).unwrap();
        assert_eq!(s.get(key).unwrap(), shown);
    }

    #[rstest]
    #[case("daily.enabled", "yes")]
    #[case("daily.time", "8:30")]
    #[case("daily.time", "24:00")]
    #[case("daily.time", "20:30:00")]
    #[case("daily.days", "monday")]
    #[case("daily.days", "")]
    #[case("checkin.days", "31")]
    #[case("checkin.days", "-1")]
    #[case("support.nudge_days", "31")]
    #[case("support.nudge_days", "a few")]
    #[case("unsent.pause_minutes", "121")]
    #[case("review.day", "sunday")]
    #[case("review.day", "mon,tue")]
    #[case("lock.idle_minutes", "1441")]
    #[case("lock.idle_minutes", "5m")]
    #[case("lock.idle_minutes", "never")]
    #[case("backup.dir", "backups")]
    #[case("backup.dir", "~/backups")]
    #[case("backup.dir", "/")]
    #[case("volume", "11")]
    fn bad_values_are_refused_and_change_nothing(#[case] key: &str, #[case] value: &str) {
        let mut s = Settings::default();
        let e = s.set(key, value).unwrap_err();
        assert!(e.is_invalid_input());
        assert_eq!(s, Settings::default());
    }

    #[test]
    fn quiet_hours_can_run_past_midnight() {
        let s = Settings::default();
        assert!(s.is_quiet(hm(22, 0)));
        assert!(s.is_quiet(hm(3, 0)));
        assert!(s.is_quiet(hm(7, 59)));
        assert!(!s.is_quiet(hm(8, 0)));
        assert!(!s.is_quiet(hm(21, 59)));
        let mut day = Settings::default();
        day.set("quiet.start", "13:00").unwrap();
        day.set("quiet.end", "15:00").unwrap();
        assert!(day.is_quiet(hm(14, 0)));
        assert!(!day.is_quiet(hm(16, 0)));
        day.set("quiet.enabled", "false").unwrap();
        assert!(!day.is_quiet(hm(14, 0)));
    }
}
