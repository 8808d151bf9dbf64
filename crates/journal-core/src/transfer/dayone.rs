//! Day One's JSON export (`Journal.json`, or several of them inside the
//! export's `.zip`, one per journal). Each entry goes on the local day it
//! was written: its `creationDate` seen in its own `timeZone` (all-day
//! entries too), not the day in UTC. Several entries on one day become one
//! page, in time order, each under its time. Day One's Markdown escapes
//! (`\.`, `\-`, `\!` …) are undone. Its star, tags and place are written
//! into the text so nothing is dropped; photos and other media are named
//! there and counted (none are kept yet). Entries are read one at a time,
//! from the file or straight out of the `.zip` (see `stream`).

use super::stream::{each_in_field, Arrived, Days, Emit};
use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Deserialize;
use std::io::{Read, Seek};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Entry {
    creation_date: String,
    #[serde(default)]
    time_zone: Option<String>,
    #[serde(default)]
    text: String,
    #[serde(default)]
    starred: bool,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    location: Option<Location>,
    #[serde(default)]
    photos: Vec<Media>,
    #[serde(default)]
    videos: Vec<Media>,
    #[serde(default)]
    audios: Vec<Media>,
    #[serde(default)]
    pdf_attachments: Vec<Media>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(default)]
    place_name: Option<String>,
    #[serde(default)]
    locality_name: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Media {
    #[serde(default)]
    identifier: Option<String>,
    #[serde(default)]
    md5: Option<String>,
    #[serde(rename = "type", default)]
    kind: Option<String>,
}

impl Media {
    fn name(&self) -> String {
        match (&self.md5, &self.kind) {
            (Some(md5), Some(kind)) => format!("{md5}.{kind}"),
            (Some(md5), None) => md5.clone(),
            _ => self.identifier.clone().unwrap_or_else(|| "unnamed".into()),
        }
    }
}

/// Day One's Markdown with its escapes undone: a backslash before
/// punctuation is dropped (`\.` → `.`), a double one kept as one.
pub(crate) fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&next) = chars.peek() {
                if next.is_ascii_punctuation() {
                    out.push(next);
                    chars.next();
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

/// One entry as its local time, its text on the page, and the media it
/// named; `n` counts from 0 in `source`.
fn entry_page(e: Entry, source: &str, n: usize) -> Result<(chrono::NaiveDateTime, String, u32)> {
    let at: DateTime<Utc> = DateTime::parse_from_rfc3339(&e.creation_date)
        .map_err(|_| {
            Error::invalid(format!(
                "{source}, entry {}: \"{}\" is not a date and time. Nothing was imported.",
                n + 1,
                e.creation_date
            ))
        })?
        .with_timezone(&Utc);
    let zone: Option<Tz> = e.time_zone.as_deref().and_then(|z| z.parse().ok());
    let local = match zone {
        Some(tz) => at.with_timezone(&tz).naive_local(),
        None => at.naive_utc(),
    };
    let all_media: Vec<&Media> = e
        .photos
        .iter()
        .chain(&e.videos)
        .chain(&e.audios)
        .chain(&e.pdf_attachments)
        .collect();
    let mut text = unescape(&e.text);
    // Day One puts each photo in the text as a link to itself; say its name.
    for m in &all_media {
        if let Some(id) = &m.identifier {
            text = text.replace(
                &format!("![](dayone-moment://{id})"),
                &format!("[photo: {}]", m.name()),
            );
            text = text.replace(
                &format!("![](dayone-moment:/video/{id})"),
                &format!("[video: {}]", m.name()),
            );
        }
    }
    let mut notes = Vec::new();
    if !e.tags.is_empty() {
        notes.push(format!("Tags: {}", e.tags.join(", ")));
    }
    if let Some(l) = &e.location {
        if let Some(place) = l.place_name.as_ref().or(l.locality_name.as_ref()) {
            notes.push(format!("Place: {place}"));
        }
    }
    let unmentioned: Vec<String> = all_media
        .iter()
        .map(|m| m.name())
        .filter(|name| !text.contains(name.as_str()))
        .collect();
    if !unmentioned.is_empty() {
        notes.push(format!("Media not brought in: {}", unmentioned.join(", ")));
    }
    let mut head = local.format("%H:%M").to_string();
    if e.starred {
        head.push_str(" ★");
    }
    let mut body = text.trim().to_string();
    if !notes.is_empty() {
        body.push_str("\n\n");
        body.push_str(&notes.join("\n"));
    }
    Ok((
        local,
        format!("{head}\n{}", body.trim()),
        all_media.len() as u32,
    ))
}

/// One journal file's entries, read one at a time onto their local days;
/// `media` counts what was named but not kept.
fn entries_of(
    reader: impl Read,
    source: &str,
    days: &mut Days<'_>,
    media: &mut u32,
    emit: &mut Emit<'_>,
) -> Result<()> {
    let mut n = 0;
    each_in_field(
        reader,
        "entries",
        |e: Entry| {
            let (at, text, named) = entry_page(e, source, n)?;
            n += 1;
            *media += named;
            days.add(at, text, emit)
        },
        |e| {
            Error::invalid(format!(
                "{source} is not a Day One export (line {}, column {}: {e}). Nothing was imported.",
                e.line(),
                e.column()
            ))
        },
    )
}

/// Reads Day One's export: a `Journal.json`, or the `.zip` holding one or
/// more of them (every journal inside), handing each day's page to `emit`.
pub fn read_dayone(
    mut reader: impl Read + Seek,
    imported_at: &str,
    emit: &mut Emit<'_>,
) -> Result<Arrived> {
    let unreadable = |e: std::io::Error| {
        Error::invalid(format!(
            "The file could not be read ({e}). Nothing was imported."
        ))
    };
    let mut magic = [0u8; 2];
    let got = reader.read(&mut magic).map_err(unreadable)?;
    reader.rewind().map_err(unreadable)?;
    let mut days = Days::new(imported_at);
    let mut media = 0;
    if got == 2 && &magic == b"PK" {
        let mut zip = zip::ZipArchive::new(reader).map_err(|e| {
            Error::invalid(format!(
                "This .zip could not be opened ({e}). Nothing was imported."
            ))
        })?;
        let mut found = 0;
        for i in 0..zip.len() {
            let f = zip.by_index(i).map_err(|e| {
                Error::invalid(format!("This .zip is damaged ({e}). Nothing was imported."))
            })?;
            let name = f.name().to_string();
            if !name.to_ascii_lowercase().ends_with(".json") || name.contains("__MACOSX") {
                continue;
            }
            entries_of(
                std::io::BufReader::new(f),
                &name,
                &mut days,
                &mut media,
                emit,
            )?;
            found += 1;
        }
        if found == 0 {
            return Err(Error::invalid(
                "This .zip holds no Day One journal (.json). Nothing was imported.",
            ));
        }
    } else {
        entries_of(reader, "This file", &mut days, &mut media, emit)?;
    }
    days.flush(emit)?;
    let mut arrived = Arrived {
        media,
        ..Arrived::default()
    };
    if media > 0 {
        arrived.warnings.push(format!(
            "{media} photos and other media are named in the pages but not brought in (this \
             journal keeps words only, for now)."
        ));
    }
    Ok(arrived)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_ones_escapes_are_undone() {
        assert_eq!(
            unescape(r"Walked 3\.5 km \- slowly\! \\o/"),
            r"Walked 3.5 km - slowly! \o/"
        );
        assert_eq!(unescape("a\\b c\\"), "a\\b c\\");
    }
}
