//! Files are read as streams: each importer hands over one day's page at a
//! time, as soon as that day is complete, and the import writes it inside
//! its transaction. A file of any size needs memory for one day, never for
//! the whole of it.
//!
//! A day is complete when an entry of another day follows. Entries of one
//! day that sit together in the file (as jrnl and Day One write them, in
//! order of time) become the page in time order; an entry of that day
//! found later in the file is added below it, in the order it comes.

use super::json::PageOut;
use crate::error::{Error, Result};
use chrono::{NaiveDate, NaiveDateTime};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::marker::PhantomData;

/// Where an importer hands each page.
pub(crate) type Emit<'a> = dyn FnMut(PageOut) -> Result<()> + 'a;

/// What an importer says once the whole file is read.
#[derive(Default)]
pub(crate) struct Arrived {
    /// Everything but the pages, from our own export (none from others).
    pub rest: Option<super::json::Export>,
    pub warnings: Vec<String>,
    /// Photos and other media named but not kept.
    pub media: u32,
}

/// Collects entries, each with its local time, and hands over a day's
/// page when the next entry is of another day.
pub(crate) struct Days<'a> {
    imported_at: &'a str,
    day: Option<NaiveDate>,
    entries: Vec<(NaiveDateTime, String)>,
}

impl<'a> Days<'a> {
    pub fn new(imported_at: &'a str) -> Self {
        Days {
            imported_at,
            day: None,
            entries: Vec::new(),
        }
    }

    /// An entry written at `at`, as its text on the page.
    pub fn add(&mut self, at: NaiveDateTime, text: String, emit: &mut Emit<'_>) -> Result<()> {
        if self.day != Some(at.date()) {
            self.flush(emit)?;
            self.day = Some(at.date());
        }
        self.entries.push((at, text));
        Ok(())
    }

    /// The day in hand, as a page.
    pub fn flush(&mut self, emit: &mut Emit<'_>) -> Result<()> {
        let Some(day) = self.day.take() else {
            return Ok(());
        };
        // Stable: entries at the same minute keep the file's order.
        self.entries.sort_by_key(|(at, _)| *at);
        let body = self
            .entries
            .drain(..)
            .map(|(_, text)| text)
            .collect::<Vec<_>>()
            .join("\n\n");
        emit(PageOut::imported(day, body, None, self.imported_at))
    }
}

/// A JSON array handed over one element at a time to `each`; an error of
/// `each` stops the reading and is kept in `stopped`.
pub(crate) struct EachOf<'f, T, F: ?Sized> {
    pub each: &'f mut F,
    pub stopped: &'f mut Option<Error>,
    pub item: PhantomData<T>,
}

impl<'de, T, F> DeserializeSeed<'de> for EachOf<'_, T, F>
where
    T: Deserialize<'de>,
    F: FnMut(T) -> Result<()> + ?Sized,
{
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, T, F> Visitor<'de> for EachOf<'_, T, F>
where
    T: Deserialize<'de>,
    F: FnMut(T) -> Result<()> + ?Sized,
{
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        while let Some(item) = seq.next_element::<T>()? {
            if let Err(e) = (self.each)(item) {
                *self.stopped = Some(e);
                return Err(de::Error::custom("stopped"));
            }
        }
        Ok(())
    }
}

/// An object whose array `field` is handed over element by element (its
/// other fields passed over); it is an error for the field to be missing.
pub(crate) struct FieldOf<'f, T, F> {
    pub field: &'static str,
    pub each: EachOf<'f, T, F>,
}

impl<'de, T, F> Visitor<'de> for FieldOf<'_, T, F>
where
    T: Deserialize<'de>,
    F: FnMut(T) -> Result<()>,
{
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "an object with \"{}\"", self.field)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        let FieldOf { field, each } = self;
        let mut each = Some(each);
        while let Some(key) = map.next_key::<String>()? {
            match (key == field, each.take()) {
                (true, Some(seed)) => map.next_value_seed(seed)?,
                (_, rest) => {
                    each = rest;
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        if each.is_some() {
            return Err(de::Error::missing_field(field));
        }
        Ok(())
    }
}

/// Reads an object from `reader`, handing each element of its array
/// `field` to `each`. A JSON error comes back as what `bad` makes of it
/// (with its line and column); an error of `each` as it was.
pub(crate) fn each_in_field<T, F>(
    reader: impl std::io::Read,
    field: &'static str,
    mut each: F,
    bad: impl Fn(&serde_json::Error) -> Error,
) -> Result<()>
where
    T: serde::de::DeserializeOwned,
    F: FnMut(T) -> Result<()>,
{
    let mut stopped = None;
    let mut de = serde_json::Deserializer::from_reader(reader);
    let read = serde::Deserializer::deserialize_map(
        &mut de,
        FieldOf {
            field,
            each: EachOf {
                each: &mut each,
                stopped: &mut stopped,
                item: PhantomData,
            },
        },
    )
    .and_then(|()| de.end());
    match (read, stopped) {
        (_, Some(e)) => Err(e),
        (Err(e), None) => Err(bad(&e)),
        (Ok(()), None) => Ok(()),
    }
}

/// A file to import, read through a buffer.
pub(crate) fn open(path: &std::path::Path) -> Result<std::io::BufReader<std::fs::File>> {
    std::fs::File::open(path)
        .map(|f| std::io::BufReader::with_capacity(1 << 16, f))
        .map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })
}

#[cfg(test)]
mod tests {
    use super::super::{read_dayone, read_export, read_jrnl, read_jrnl_json};
    use super::*;
    use std::io::{BufReader, Read};

    /// A file whose reading fails after `data`, as a disk pulled out would.
    struct Breaks(std::io::Cursor<Vec<u8>>);

    impl std::io::Seek for Breaks {
        fn seek(&mut self, to: std::io::SeekFrom) -> std::io::Result<u64> {
            self.0.seek(to)
        }
    }

    impl Read for Breaks {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            match self.0.read(buf)? {
                0 => Err(std::io::Error::other("the disk went away")),
                n => Ok(n),
            }
        }
    }

    fn breaking(text: String) -> BufReader<Breaks> {
        BufReader::with_capacity(64, Breaks(std::io::Cursor::new(text.into_bytes())))
    }

    /// The days handed over before the reading failed: a reader that held
    /// the whole file first would hand over none.
    fn before_the_break(read: impl FnOnce(&mut Emit<'_>) -> Result<Arrived>) -> Vec<String> {
        let mut days = Vec::new();
        let e = read(&mut |p| {
            days.push(p.date);
            Ok(())
        })
        .err()
        .expect("the reading fails");
        assert!(e.user_message().contains("Nothing was imported"), "{e}");
        days
    }

    const AT: &str = "2024-03-05T09:00:00.000Z";

    #[test]
    fn each_reader_hands_over_pages_while_it_reads() {
        let jrnl: String = (1..=5)
            .map(|d| format!("[2023-08-0{d} 09:00] Day {d}.\nText.\n\n"))
            .collect();
        assert_eq!(
            before_the_break(|emit| read_jrnl(breaking(jrnl), AT, emit)),
            ["2023-08-01", "2023-08-02", "2023-08-03"],
            "the fourth day is complete only once the fifth's entry is"
        );

        let entries: Vec<String> = (1..=5)
            .map(|d| {
                format!("{{\"date\": \"2023-08-0{d}\", \"time\": \"09:00\", \"body\": \"x\"}}")
            })
            .collect();
        let jrnl_json = format!("{{\"entries\": [{}", entries.join(", "));
        assert_eq!(
            before_the_break(|emit| read_jrnl_json(breaking(jrnl_json), AT, emit)).len(),
            4
        );

        let entries: Vec<String> = (1..=5)
            .map(|d| format!("{{\"creationDate\": \"2023-08-0{d}T09:00:00Z\", \"text\": \"x\"}}"))
            .collect();
        let dayone = format!("{{\"entries\": [{}", entries.join(", "));
        assert_eq!(
            before_the_break(|emit| read_dayone(breaking(dayone), AT, emit)).len(),
            4
        );

        let pages: Vec<String> = (1..=5)
            .map(|d| {
                format!(
                    "{{\"date\": \"2023-08-0{d}\", \"body\": \"x\", \"mood\": null, \
                     \"created_at\": \"{AT}\", \"updated_at\": \"{AT}\", \
                     \"text_changed_at\": null, \"version\": 1}}"
                )
            })
            .collect();
        let ours = format!(
            "{{\"format\": \"breathing-room\", \"version\": 1, \"exported_at\": \"{AT}\", \
             \"pages\": [{}",
            pages.join(", ")
        );
        assert_eq!(
            before_the_break(|emit| read_export(breaking(ours), emit).map(|_| Arrived::default()))
                .len(),
            5
        );
    }
}
