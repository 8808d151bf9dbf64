//! The journal as Markdown files anyone can read in any editor (or in
//! Obsidian, or on GitHub): one file per day, `YYYY/MM/YYYY-MM-DD.md`, with
//! a small front matter (the date, and the mood when one was chosen) and the
//! page's text as written; and `space.md`, each period of giving space with
//! what happened in it, day by day. Written into a new or empty folder
//! only, so nothing already there is ever written over.

use super::json::{EventOut, Export, PeriodOut};
use crate::error::{Error, Result};
use std::fs;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// What a Markdown export wrote.
#[derive(Debug, Clone, serde::Serialize, PartialEq, Eq)]
pub struct MarkdownExport {
    pub folder: String,
    /// Day files written.
    pub pages: u32,
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes `export` as Markdown into `dir`, which must be new or empty.
pub fn write_markdown(export: &Export, dir: &Path) -> Result<MarkdownExport> {
    match fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(Error::invalid(format!(
                    "{} is not empty; choose a new or empty folder, so nothing in it is \
                     written over. Nothing was written.",
                    dir.display()
                )));
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io(dir)(e)),
    }
    make_dir(dir)?;
    let mut pages = 0;
    for page in &export.pages {
        if page.body.trim().is_empty() && page.mood.is_none() {
            continue;
        }
        let (year, month) = (&page.date[0..4], &page.date[5..7]);
        let folder = dir.join(year).join(month);
        make_dir(&folder)?;
        let mut text = format!("---\ndate: {}\n", page.date);
        if let Some(mood) = page.mood {
            text.push_str(&format!("mood: {mood}\n"));
        }
        text.push_str("---\n\n");
        text.push_str(&page.body);
        if !page.body.ends_with('\n') {
            text.push('\n');
        }
        write_new(&folder.join(format!("{}.md", page.date)), &text)?;
        pages += 1;
    }
    if !export.periods.is_empty() {
        write_new(&dir.join("space.md"), &space(export))?;
    }
    Ok(MarkdownExport {
        folder: dir.display().to_string(),
        pages,
    })
}

fn make_dir(dir: &Path) -> Result<()> {
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(io(dir))
}

/// A new file (never one already there), readable by its owner only.
fn write_new(path: &PathBuf, text: &str) -> Result<()> {
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(io(path))?;
    f.write_all(text.as_bytes()).map_err(io(path))
}

/// How a kind of contact reads in `space.md`.
fn contact_words(kind: Option<&str>) -> &'static str {
    match kind {
        Some("pursued") => "Reached out to them",
        Some("necessary") => "A contact that had to happen",
        Some("they-reached-out") => "They reached out",
        Some("upfront") => "Told them I was stepping back",
        _ => "A contact",
    }
}

/// Each period, newest last, with its days: contacts and urges held back
/// (taken-back ones left out, as they no longer count).
fn space(export: &Export) -> String {
    let mut out = String::from("# Giving space\n");
    for p in &export.periods {
        out.push_str(&period(p, export));
    }
    out
}

fn period(p: &PeriodOut, export: &Export) -> String {
    let mut out = match &p.end {
        Some(end) => format!("\n## From {} to {}\n", p.start, end),
        None => format!("\n## Since {}\n", p.start),
    };
    let within = |e: &&EventOut| {
        e.removed_at.is_none()
            && e.date.as_str() >= p.start.as_str()
            && p.end.as_deref().is_none_or(|end| e.date.as_str() <= end)
    };
    // The note said before stepping back, unless it is logged as a contact
    // of its own (then it is in the days below).
    let told = export
        .contacts
        .iter()
        .filter(within)
        .any(|c| c.kind.as_deref() == Some("upfront"));
    if let Some(note) = p
        .upfront_note
        .as_deref()
        .filter(|n| !n.trim().is_empty() && !told)
    {
        out.push_str(&format!(
            "\nWhat I said before stepping back: {}\n",
            note.trim()
        ));
    }
    let mut days: Vec<(String, String)> = Vec::new();
    for c in export.contacts.iter().filter(within) {
        let mut line = contact_words(c.kind.as_deref()).to_string();
        if let Some(note) = c.note.as_deref().filter(|n| !n.trim().is_empty()) {
            line.push_str(&format!(": {}", note.trim()));
        }
        days.push((c.at.clone(), format!("- {}: {line}", c.date)));
    }
    for u in export.urges.iter().filter(within) {
        let mut line = String::from("An urge to reach out, held back");
        if let Some(i) = u.intensity {
            line.push_str(&format!(" (strength {i} of 5)"));
        }
        if let Some(note) = u.note.as_deref().filter(|n| !n.trim().is_empty()) {
            line.push_str(&format!(": {}", note.trim()));
        }
        days.push((u.at.clone(), format!("- {}: {line}", u.date)));
    }
    days.sort();
    if !days.is_empty() {
        out.push('\n');
        for (_, line) in days {
            out.push_str(&line);
            out.push('\n');
        }
    }
    if let Some(outcome) = p.outcome.as_deref().filter(|o| !o.trim().is_empty()) {
        out.push_str(&format!("\nHow it ended: {}\n", outcome.trim()));
    }
    out
}

/// A folder of Markdown files named by date (`2023-08-21.md`, in any
/// subfolder, as this app's Markdown export writes them): each is that
/// day's page, handed to `emit` in order of date, one file read at a time.
/// A small front matter (`---` lines) is read for `mood` and otherwise
/// left out; other files are passed over (and counted in a warning).
pub fn read_markdown_folder(
    dir: &Path,
    imported_at: &str,
    emit: &mut super::stream::Emit<'_>,
) -> Result<super::stream::Arrived> {
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    let mut dated = Vec::new();
    let mut passed_over = 0u32;
    for path in files {
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let is_md = path.extension().and_then(|e| e.to_str()) == Some("md");
        match crate::date::parse_date(name).ok().filter(|_| is_md) {
            Some(date) => dated.push((date, path)),
            None => passed_over += 1,
        }
    }
    if dated.is_empty() {
        return Err(Error::invalid(format!(
            "{} holds no Markdown files named by date (such as 2023-08-21.md). Nothing was \
             imported.",
            dir.display()
        )));
    }
    dated.sort();
    for (date, path) in dated {
        let text = fs::read_to_string(&path).map_err(|e| {
            Error::invalid(format!(
                "{} could not be read as text ({e}). Nothing was imported.",
                path.display()
            ))
        })?;
        let (mood, body) = split_front_matter(&text);
        emit(super::json::PageOut::imported(
            date,
            body.trim_end().to_string(),
            mood,
            imported_at,
        ))?;
    }
    let mut arrived = super::stream::Arrived::default();
    if passed_over > 0 {
        arrived.warnings.push(format!(
            "{passed_over} files not named by date (such as 2023-08-21.md) were passed over."
        ));
    }
    Ok(arrived)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in fs::read_dir(dir).map_err(io(dir))? {
        let path = entry.map_err(io(dir))?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// The mood a front matter names (1 to 5), and the text after it.
fn split_front_matter(text: &str) -> (Option<u8>, &str) {
    let Some(rest) = text.strip_prefix("---\n") else {
        return (None, text);
    };
    let Some(end) = rest
        .find("\n---\n")
        .map(|i| (i, i + 5))
        .or_else(|| rest.strip_suffix("\n---").map(|r| (r.len(), rest.len())))
    else {
        return (None, text);
    };
    let mood = rest[..end.0].lines().find_map(|l| {
        l.strip_prefix("mood:")
            .and_then(|v| v.trim().parse::<u8>().ok())
            .filter(|m| (1..=5).contains(m))
    });
    (mood, rest[end.1..].trim_start_matches('\n'))
}
