//! jrnl's plain-text journal file: each entry starts with a line holding
//! its time and title, `[2023-08-21 09:01] Title` (jrnl 2 and later; jrnl 1
//! wrote no brackets), with jrnl 4's default time format
//! `[2023-08-21 09:01:00 AM]` read too; the lines after it, up to the next
//! such line, are its body. A title ending in `*` is starred. Tags (`@name`)
//! are part of the text and stay there.
//!
//! Each day's entries become that day's page, in time order, each under its
//! time (and a star when it had one), so nothing of an entry is dropped.

use super::json::{Export, PageOut};
use crate::error::{Error, Result};
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::BTreeMap;

struct Entry {
    at: NaiveDateTime,
    title: String,
    starred: bool,
    body: Vec<String>,
}

/// The time and the rest of an entry's first line, if `line` is one.
fn header(line: &str) -> Option<(NaiveDateTime, &str)> {
    let (stamp, rest) = if let Some(inner) = line.strip_prefix('[') {
        let close = inner.find(']')?;
        (
            &inner[..close],
            inner[close + 1..]
                .strip_prefix(' ')
                .unwrap_or(&inner[close + 1..]),
        )
    } else {
        // jrnl 1: the time, a space, the title.
        let stamp = line.get(..16)?;
        let rest = &line[16..];
        if !(rest.is_empty() || rest.starts_with(' ')) {
            return None;
        }
        (stamp, rest.strip_prefix(' ').unwrap_or(rest))
    };
    let at = NaiveDateTime::parse_from_str(stamp, "%Y-%m-%d %H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(stamp, "%Y-%m-%d %I:%M:%S %p"))
        .or_else(|_| NaiveDateTime::parse_from_str(stamp, "%Y-%m-%d %H:%M:%S"))
        .ok()?;
    Some((at, rest))
}

/// Reads a jrnl text file into pages, one per day (`imported_at` stands as
/// their saving time). Text before the first entry is reported, not kept.
pub fn read_jrnl(text: &str, imported_at: &str) -> Result<(Export, Vec<String>)> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut before = 0usize;
    for (n, line) in text.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if let Some((at, rest)) = header(line) {
            let rest = rest.trim_end();
            let (title, starred) = match rest.strip_suffix('*') {
                Some(t) => (t.trim_end().to_string(), true),
                None => (rest.to_string(), false),
            };
            entries.push(Entry {
                at,
                title,
                starred,
                body: Vec::new(),
            });
        } else if let Some(e) = entries.last_mut() {
            e.body.push(line.to_string());
        } else if !line.trim().is_empty() {
            before = before.max(n + 1);
        }
    }
    if entries.is_empty() {
        return Err(Error::invalid(
            "This is not a jrnl journal file: no line starts with a time such as \
             [2023-08-21 09:01]. Nothing was imported.",
        ));
    }
    let mut warnings = Vec::new();
    if before > 0 {
        warnings.push(format!(
            "The first {before} lines, before the first entry, were left out."
        ));
    }
    Ok((as_pages(entries, imported_at), warnings))
}

/// jrnl's JSON export (`jrnl --export json`): its `entries`, each with
/// `date`, `time`, `title`, `body` and `starred`.
pub fn read_jrnl_json(text: &str, imported_at: &str) -> Result<(Export, Vec<String>)> {
    #[derive(serde::Deserialize)]
    struct File {
        entries: Vec<JsonEntry>,
    }
    #[derive(serde::Deserialize)]
    struct JsonEntry {
        date: String,
        time: String,
        #[serde(default)]
        title: String,
        #[serde(default)]
        body: String,
        #[serde(default)]
        starred: bool,
    }
    let file: File = serde_json::from_str(text).map_err(|e| {
        Error::invalid(format!(
            "This is not a jrnl JSON export (line {}, column {}: {e}). Nothing was imported.",
            e.line(),
            e.column()
        ))
    })?;
    let mut warnings = Vec::new();
    let mut entries = Vec::new();
    for (n, e) in file.entries.into_iter().enumerate() {
        let stamp = format!("{} {}", e.date, e.time);
        match NaiveDateTime::parse_from_str(&stamp, "%Y-%m-%d %H:%M") {
            Ok(at) => entries.push(Entry {
                at,
                title: e.title,
                starred: e.starred,
                body: e.body.lines().map(str::to_string).collect(),
            }),
            Err(_) => warnings.push(format!(
                "Entry {} was left out: \"{stamp}\" is not a date and time.",
                n + 1
            )),
        }
    }
    Ok((as_pages(entries, imported_at), warnings))
}

/// Entries as pages: each day's in time order, each under its time.
fn as_pages(entries: Vec<Entry>, imported_at: &str) -> Export {
    let mut days: BTreeMap<NaiveDate, Vec<Entry>> = BTreeMap::new();
    for e in entries {
        days.entry(e.at.date()).or_default().push(e);
    }
    let pages = days
        .into_iter()
        .map(|(date, mut list)| {
            list.sort_by_key(|e| e.at);
            let body = list
                .iter()
                .map(|e| {
                    let mut head = e.at.format("%H:%M").to_string();
                    if e.starred {
                        head.push_str(" ★");
                    }
                    if !e.title.is_empty() {
                        head.push(' ');
                        head.push_str(&e.title);
                    }
                    let text = e.body.join("\n");
                    let text = text.trim_matches('\n').trim_end();
                    if text.is_empty() {
                        head
                    } else {
                        format!("{head}\n{text}")
                    }
                })
                .collect::<Vec<_>>()
                .join("\n\n");
            PageOut::imported(date, body, None, imported_at)
        })
        .collect();
    Export::of_pages(pages, imported_at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_time_formats_with_and_without_brackets_are_entries() {
        for line in [
            "[2023-08-21 09:01] Title",
            "[2023-08-21 09:01:00 AM] Title",
            "2023-08-21 09:01 Title",
            "[2023-08-21 21:01:00] Title",
        ] {
            let (at, rest) = header(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(at.format("%F").to_string(), "2023-08-21");
            assert_eq!(rest, "Title");
        }
        assert_eq!(
            header("[2023-08-21 09:01:00 PM] x")
                .unwrap()
                .0
                .format("%H:%M")
                .to_string(),
            "21:01"
        );
        for line in [
            "2023-08-21 is a date",
            "[not a time] x",
            "Dear diary",
            "2023-08-21 09:01x",
        ] {
            assert!(header(line).is_none(), "{line}");
        }
    }
}
