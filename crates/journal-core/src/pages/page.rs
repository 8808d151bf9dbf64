//! A page: what the person wrote on one local calendar day.

use serde::Serialize;
use ts_rs::TS;

/// The largest page body the store accepts (1 MiB of UTF-8).
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// One day's page. A day with nothing written is a page with an empty body,
/// no mood and no timestamps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Page {
    /// The local calendar day, `YYYY-MM-DD`.
    pub date: String,
    pub body: String,
    /// 1 (very low) to 5 (good), or none.
    pub mood: Option<u8>,
    pub words: u32,
    /// RFC 3339, UTC; null until the page is first saved.
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    /// Raised by every save; 0 for a page never saved. A save names the
    /// version it started from, so it never replaces text it has not seen.
    pub version: u32,
    /// Something was set down that day ([`is_written`]).
    pub written: bool,
}

impl Page {
    pub fn empty(date: String) -> Self {
        Page {
            date,
            body: String::new(),
            mood: None,
            words: 0,
            created_at: None,
            updated_at: None,
            version: 0,
            written: false,
        }
    }
}

/// A page as a line in a list or a dot on the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PageSummary {
    pub date: String,
    pub mood: Option<u8>,
    pub words: u32,
    pub first_line: String,
}

/// Text a page used to have, kept when a later save replaced or wiped it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Revision {
    #[ts(type = "number")]
    pub id: i64,
    pub date: String,
    pub body: String,
    pub mood: Option<u8>,
    /// When this text was saved, and when a later save replaced it (UTC).
    pub saved_at: String,
    pub replaced_at: String,
    /// Its words, counted as the page counts them.
    pub words: u32,
}

/// What a save did: the page as stored now, and the text another writer
/// had saved meanwhile (kept as a revision) when the save replaced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Saved {
    pub page: Page,
    pub replaced_elsewhere: Option<Revision>,
}

/// The one meaning of "written", for the list, the calendar and the
/// reminders alike: the page holds text that is not blank (even "😢" or
/// "…", which have no words), or a mood.
pub fn is_written(body: &str, mood: Option<u8>) -> bool {
    mood.is_some() || !body.trim().is_empty()
}

/// Words as a person counts them: runs of non-space text holding at least
/// one letter or digit ("—" alone is not a word; "don't" is one).
pub fn count_words(text: &str) -> u32 {
    let n = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

const FIRST_LINE_CHARS: usize = 80;

/// The first line with text in it, shortened to fit a list row.
pub fn first_line(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty());
    let line = line.unwrap_or("");
    if line.chars().count() <= FIRST_LINE_CHARS {
        return line.to_string();
    }
    let cut: String = line.chars().take(FIRST_LINE_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("", 0)]
    #[case("   \n\t ", 0)]
    #[case("one", 1)]
    #[case("I held back today.", 4)]
    #[case("don't  stop — now", 3)]
    #[case("line one\nline two\n\n", 4)]
    #[case("café naïve 😀 ok", 3)]
    #[case("今日は 静か", 2)]
    #[case("dash - and ... only — punctuation !!", 4)]
    #[case("42 days", 2)]
    #[case("a\u{a0}b", 2)] // a no-break space parts words
    #[case("x\u{85}y", 2)] // so does NEL
    #[case("zero\u{feff}width", 1)] // a zero-width no-break space does not
    fn counts_words_like_a_person(#[case] text: &str, #[case] n: u32) {
        assert_eq!(count_words(text), n);
    }

    #[test]
    fn first_line_skips_blank_lines_and_shortens_long_ones() {
        assert_eq!(first_line("\n\n  Quiet morning.  \nmore"), "Quiet morning.");
        let long = "ü".repeat(200);
        let f = first_line(&long);
        assert_eq!(f.chars().count(), FIRST_LINE_CHARS);
        assert!(f.ends_with('…'));
        assert_eq!(first_line(""), "");
    }
}
