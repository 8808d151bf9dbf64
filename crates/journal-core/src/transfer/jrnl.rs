//! jrnl's plain-text journal file: each entry starts with a line holding
//! its time and title, `[2023-08-21 09:01] Title` (jrnl 2 and later; jrnl 1
//! wrote no brackets), with jrnl 4's default time format
//! `[2023-08-21 09:01:00 AM]` read too; the lines after it, up to the next
//! such line, are its body. A title ending in `*` is starred. Tags (`@name`)
//! are part of the text and stay there.
//!
//! Each day's entries become that day's page, in time order, each under its
//! time (and a star when it had one), so nothing of an entry is dropped.
//! The file is read line by line (see `stream`), never whole.

use super::stream::{each_in_field, Arrived, Days, Emit};
use crate::error::{Error, Result};
use chrono::NaiveDateTime;
use std::io::BufRead;

struct Entry {
    at: NaiveDateTime,
    title: String,
    starred: bool,
    body: String,
}

impl Entry {
    /// The entry on its page: its time (and a star) and title, then its text.
    fn text(&self) -> String {
        let mut head = self.at.format("%H:%M").to_string();
        if self.starred {
            head.push_str(" ★");
        }
        if !self.title.is_empty() {
            head.push(' ');
            head.push_str(&self.title);
        }
        let text = self.body.trim_matches('\n').trim_end();
        if text.is_empty() {
            head
        } else {
            format!("{head}\n{text}")
        }
    }
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

/// Reads a jrnl text file, line by line, handing each day's page to
/// `emit` (`imported_at` stands as its saving time). Text before the first
/// entry is reported, not kept.
pub fn read_jrnl(
    mut reader: impl BufRead,
    imported_at: &str,
    emit: &mut Emit<'_>,
) -> Result<Arrived> {
    let mut days = Days::new(imported_at);
    let mut entry: Option<Entry> = None;
    let mut before = 0usize;
    let mut raw = Vec::new();
    let mut n = 0usize;
    loop {
        raw.clear();
        let read = reader.read_until(b'\n', &mut raw).map_err(|e| {
            Error::invalid(format!(
                "The file could not be read after line {n} ({e}). Nothing was imported."
            ))
        })?;
        if read == 0 {
            break;
        }
        n += 1;
        let line = std::str::from_utf8(&raw).map_err(|_| {
            Error::invalid(format!(
                "Line {n} is not UTF-8 text, so this is not a jrnl journal file as it is. \
                 Nothing was imported."
            ))
        })?;
        let line = line.strip_suffix('\n').unwrap_or(line);
        let line = line.strip_suffix('\r').unwrap_or(line);
        if let Some((at, rest)) = header(line) {
            if let Some(done) = entry.take() {
                days.add(done.at, done.text(), emit)?;
            }
            let rest = rest.trim_end();
            let (title, starred) = match rest.strip_suffix('*') {
                Some(t) => (t.trim_end().to_string(), true),
                None => (rest.to_string(), false),
            };
            entry = Some(Entry {
                at,
                title,
                starred,
                body: String::new(),
            });
        } else if let Some(e) = entry.as_mut() {
            e.body.push_str(line);
            e.body.push('\n');
        } else if !line.trim().is_empty() {
            before = n;
        }
    }
    let Some(last) = entry else {
        return Err(Error::invalid(
            "This is not a jrnl journal file: no line starts with a time such as \
             [2023-08-21 09:01]. Nothing was imported.",
        ));
    };
    days.add(last.at, last.text(), emit)?;
    days.flush(emit)?;
    let mut arrived = Arrived::default();
    if before > 0 {
        arrived.warnings.push(format!(
            "The first {before} lines, before the first entry, were left out."
        ));
    }
    Ok(arrived)
}

/// jrnl's JSON export (`jrnl --export json`): its `entries`, each with
/// `date`, `time`, `title`, `body` and `starred`, read one at a time.
pub fn read_jrnl_json(
    reader: impl std::io::Read,
    imported_at: &str,
    emit: &mut Emit<'_>,
) -> Result<Arrived> {
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
    let mut days = Days::new(imported_at);
    let mut arrived = Arrived::default();
    let mut n = 0usize;
    each_in_field(
        reader,
        "entries",
        |e: JsonEntry| {
            n += 1;
            let stamp = format!("{} {}", e.date, e.time);
            match NaiveDateTime::parse_from_str(&stamp, "%Y-%m-%d %H:%M") {
                Ok(at) => {
                    let entry = Entry {
                        at,
                        title: e.title,
                        starred: e.starred,
                        body: e.body,
                    };
                    days.add(at, entry.text(), emit)
                }
                Err(_) => {
                    arrived.warnings.push(format!(
                        "Entry {n} was left out: \"{stamp}\" is not a date and time."
                    ));
                    Ok(())
                }
            }
        },
        |e| {
            Error::invalid(format!(
                "This is not a jrnl JSON export (line {}, column {}: {e}). Nothing was imported.",
                e.line(),
                e.column()
            ))
        },
    )?;
    days.flush(emit)?;
    Ok(arrived)
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
