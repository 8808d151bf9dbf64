//! `breathing-room-cli`: the same journal as the desktop app, from a terminal.
//! Every command can print `--json` for scripts. Exit status: 0 on success,
//! 2 on bad input (nothing written), 3 when an encrypted journal's
//! passphrase is missing or wrong (nothing written), 1 on any other failure.

use chrono::{DateTime, NaiveDate, Utc};
use clap::{Parser, Subcommand};
use journal_core::{parse_date, Clock, Error, Journal, Period, Store, When};
use journal_host::SystemClock;
use serde::Serialize;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

mod secret;

#[derive(Parser)]
#[command(
    name = "breathing-room-cli",
    version,
    about = "Your Breathing Room journal, from a terminal."
)]
struct Cli {
    /// The journal file [default: the one the app uses]
    #[arg(long, global = true, env = "BREATHING_ROOM_DB", value_name = "PATH")]
    db: Option<PathBuf>,
    /// Print machine-readable JSON on stdout
    #[arg(long, global = true)]
    json: bool,
    /// An encrypted journal's passphrase: the first line of this file
    /// [else $BREATHING_ROOM_PASSPHRASE, else asked for on a terminal]
    #[arg(long, global = true, value_name = "FILE")]
    passphrase_file: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Replace a day's page (today unless --date); TEXT of "-" reads stdin.
    /// The text it replaces is kept in the page's history.
    Write {
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// Add TEXT as a new paragraph at the end of the page instead
        #[arg(long)]
        append: bool,
        /// How you feel, 1 (very low) to 5 (very good); kept as it was if left out
        #[arg(long)]
        mood: Option<i64>,
        text: String,
    },
    /// Print a day's page (today unless --date)
    Show {
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
    },
    /// List the days that have a page, oldest first
    List {
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<String>,
    },
    /// The series the Looking back page draws: moods and their weekly
    /// average, each period's runs between pursuits, urges and contacts per
    /// week, the days written, the cards that helped
    Insights {
        /// From this day [default: the first page]
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<String>,
        /// Up to this day [default: today]
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<String>,
    },
    /// The earlier pages of a date: a month ago, six months ago, a year ago
    /// and each year before, nearest first
    OnThisDay {
        /// The date [default: today]
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
    },
    /// Search every page, best match first: words (each also the start of a
    /// word: `walk` finds "walked"), "a phrase" in quotes; case and accents
    /// do not matter
    Search {
        query: String,
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// Only pages on or after this day
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<String>,
        /// Only pages on or before this day
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<String>,
        /// Only pages with this mood (1-5)
        #[arg(long, value_name = "1-5")]
        mood: Option<i64>,
    },
    /// Earlier versions of pages: list them, read one, put one back
    History {
        #[command(subcommand)]
        cmd: Option<HistoryCmd>,
        /// Only this day's page [default: every page]
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
    },
    /// Print the journal file's path
    Path,
    /// Start, end or show a period of giving space
    #[command(subcommand)]
    Period(PeriodCmd),
    /// Log a contact with your partner, or list them
    #[command(subcommand)]
    Contact(ContactCmd),
    /// Log an urge to reach out that you held back
    #[command(subcommand)]
    Urge(UrgeCmd),
    /// Time with people: log who kept you company, or list it
    #[command(subcommand)]
    People(PeopleCmd),
    /// Messages written here instead of being sent (nothing is ever sent)
    #[command(subcommand)]
    Unsent(UnsentCmd),
    /// The week looked back on: the figures of the seven days ending on
    /// review.day (this week unless --week-of)
    Review {
        /// Any day of the week to look back on
        #[arg(long, value_name = "YYYY-MM-DD")]
        week_of: Option<String>,
    },
    /// Guidance cards for a day's page (today unless --date), best first
    Guidance {
        #[arg(long, value_name = "YYYY-MM-DD", conflicts_with = "list")]
        date: Option<String>,
        /// List every card in the library instead
        #[arg(long)]
        list: bool,
    },
    /// The next reminder notification
    #[command(subcommand)]
    Reminders(RemindersCmd),
    /// Read or change settings (reminders, quiet hours, discretion, window)
    #[command(subcommand)]
    Settings(SettingsCmd),
    /// Encrypt the journal with a new passphrase (from --new-passphrase-file,
    /// $BREATHING_ROOM_NEW_PASSPHRASE, or asked for twice on a terminal)
    Encrypt {
        #[command(flatten)]
        new: NewPassphrase,
    },
    /// Change an encrypted journal's passphrase (the old one no longer opens it)
    Rekey {
        #[command(flatten)]
        new: NewPassphrase,
    },
    /// Turn encryption off: the journal is plain text again
    Decrypt,
    /// Verified backups: make one, list them, check one, put one back
    #[command(subcommand)]
    Backup(BackupCmd),
    /// Write the whole journal out: JSON (lossless; to stdout unless --out),
    /// or Markdown (a file per day, into a new or empty --out folder)
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// The file to write (0600); stdout when left out
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
        /// An encrypted export's passphrase: the first line of this file
        /// [else $BREATHING_ROOM_EXPORT_PASSPHRASE, else asked for twice]
        #[arg(long, value_name = "FILE")]
        export_passphrase_file: Option<PathBuf>,
    },
    /// Bring pages in from a file: a day that has a page keeps its text and
    /// the imported text goes below it; the same file twice changes nothing
    Import {
        #[arg(long, value_enum)]
        format: ImportFormat,
        path: PathBuf,
        /// Say what would happen, write nothing
        #[arg(long)]
        dry_run: bool,
        /// An encrypted export's passphrase: the first line of this file
        /// [else $BREATHING_ROOM_EXPORT_PASSPHRASE, else asked for]
        #[arg(long, value_name = "FILE")]
        export_passphrase_file: Option<PathBuf>,
    },
    /// Days of giving space, urges held, contacts by kind
    Status {
        /// Evaluate as if this day were today, counting only what happened by then
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
    },
}

/// What `import --json` prints: these fields exactly (scripts read them).
#[derive(serde::Serialize)]
struct ImportOut {
    added: u32,
    merged: u32,
    unchanged: u32,
    skipped: u32,
    media_skipped: u32,
    warnings: Vec<String>,
}

/// The export formats this version writes.
#[derive(Clone, Copy, clap::ValueEnum)]
enum ExportFormat {
    Json,
    Markdown,
    /// the JSON export encrypted in the age format (opens with `age -d` too)
    Age,
}

/// The formats this version reads.
#[derive(Clone, Copy, clap::ValueEnum)]
enum ImportFormat {
    Json,
    /// an encrypted export (age)
    Age,
    /// jrnl's plain-text journal file
    Jrnl,
    /// jrnl's JSON export (`jrnl --export json`)
    JrnlJson,
    /// a folder of Markdown files named by date (2023-08-21.md)
    Markdown,
    /// Day One's export: the .zip (every journal inside) or a journal's .json
    Dayone,
}

#[derive(Subcommand)]
enum BackupCmd {
    /// Make a verified backup (into backups/ beside the journal unless --to),
    /// then keep the last 7 days, 4 weeks and 12 months of them
    Create {
        #[arg(long, value_name = "DIR")]
        to: Option<PathBuf>,
    },
    /// The backups, newest first, each checked
    List {
        /// Another folder of backups [default: backups/ beside the journal]
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Check one backup: exit 0 when it is sound, 1 with the reason when not
    Verify { path: PathBuf },
    /// Put a backup in place of the journal (the journal as it is now is
    /// backed up first)
    Restore { path: PathBuf },
}

#[derive(clap::Args)]
struct NewPassphrase {
    /// The new passphrase: the first line of this file
    #[arg(long, value_name = "FILE")]
    new_passphrase_file: Option<PathBuf>,
}

#[derive(Subcommand)]
enum HistoryCmd {
    /// Print one earlier version whole
    Show { id: i64 },
    /// Put an earlier version back on its page (the current text is kept)
    Restore { id: i64 },
}

#[derive(Subcommand)]
enum PeriodCmd {
    /// Begin giving space (day 0 is --date, default today)
    Start {
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// The upfront note you gave (or will give) your partner
        #[arg(long, conflicts_with = "note_file")]
        note: Option<String>,
        /// Read the upfront note from a file
        #[arg(long, value_name = "FILE")]
        note_file: Option<PathBuf>,
    },
    /// End the open period, with its outcome in your own words
    End {
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        #[arg(long)]
        outcome: Option<String>,
    },
    /// Show the open period, or the last one
    Show,
}

#[derive(Subcommand)]
enum ContactCmd {
    /// Log a contact: pursued, necessary, they-reached-out or upfront
    Add {
        #[arg(long)]
        kind: String,
        #[command(flatten)]
        when: WhenArgs,
        #[arg(long)]
        note: Option<String>,
    },
    /// List every contact, oldest first
    List {
        /// Include removed contacts (they gain "removed_at")
        #[arg(long)]
        all: bool,
    },
    /// Correct a contact's kind, day or note (the earlier version is kept)
    Edit {
        id: i64,
        #[arg(long)]
        kind: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// The new note ("" clears it)
        #[arg(long)]
        note: Option<String>,
    },
    /// Take a contact back: it no longer counts, and stays in the history
    Remove { id: i64 },
}

#[derive(Subcommand)]
enum UrgeCmd {
    /// Log an urge you held back
    Add {
        #[command(flatten)]
        when: WhenArgs,
        /// How strong it was, 1 to 5
        #[arg(long)]
        intensity: Option<i64>,
        #[arg(long)]
        note: Option<String>,
    },
    /// List every urge held back, oldest first
    List {
        /// Include removed urges (they gain "removed_at")
        #[arg(long)]
        all: bool,
    },
    /// Correct an urge's day, intensity or note (the earlier version is kept)
    Edit {
        id: i64,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        #[arg(long)]
        intensity: Option<i64>,
        /// The new note ("" clears it)
        #[arg(long)]
        note: Option<String>,
    },
    /// Take an urge back: it no longer counts, and stays in the history
    Remove { id: i64 },
}

#[derive(Subcommand)]
enum PeopleCmd {
    /// Log time spent with someone
    Add {
        /// The local day it was (default: today)
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// Who it was with
        #[arg(long)]
        who: String,
        /// What you did, a few words
        #[arg(long)]
        what: Option<String>,
        /// How it felt, 1 (heavy) to 5 (good)
        #[arg(long)]
        felt: Option<i64>,
    },
    /// List time with people, oldest first
    List {
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<String>,
    },
}

#[derive(Subcommand)]
enum UnsentCmd {
    /// Keep a message you wanted to send, unsent (this counts as an urge
    /// held); TEXT of "-" reads stdin
    Add {
        /// The local day it was written (default: today)
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        text: String,
    },
    /// Every message kept here, oldest first
    List,
    /// One message, whole
    Show { id: i64 },
}

#[derive(Subcommand)]
enum RemindersCmd {
    /// When the next notification is due, and of which kind
    Next {
        /// Compute as if the clock read this moment, e.g. 2027-03-14T01:00:00-05:00
        #[arg(long, value_name = "RFC3339")]
        as_of: Option<String>,
    },
}

#[derive(Subcommand)]
enum SettingsCmd {
    /// Print one setting, or all of them
    Get { key: Option<String> },
    /// Change a setting
    Set { key: String, value: String },
}

#[derive(clap::Args)]
struct WhenArgs {
    /// The local day it happened (default: now)
    #[arg(long, value_name = "YYYY-MM-DD", conflicts_with = "at")]
    date: Option<String>,
    /// The exact moment, e.g. 2027-03-14T21:05:00-04:00
    #[arg(long, value_name = "RFC3339")]
    at: Option<String>,
}

impl WhenArgs {
    fn resolve(&self) -> Result<When, Error> {
        When::parse(self.date.as_deref(), self.at.as_deref())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let msg = e.user_message().replace('\n', " ");
            eprintln!("breathing-room-cli: {msg}");
            ExitCode::from(if e.is_passphrase() {
                3
            } else if e.is_invalid_input() {
                2
            } else {
                1
            })
        }
    }
}

/// Where the journal is and how to unlock it: the passphrase is asked for
/// only when the file turns out to be encrypted.
struct Access {
    db: PathBuf,
    passphrase_file: Option<PathBuf>,
}

impl Access {
    fn store(&self) -> Result<Store, Error> {
        if journal_core::is_encrypted(&self.db)? {
            Store::open_with(&self.db, Some(&self.passphrase()?))
        } else {
            Store::open(&self.db)
        }
    }

    fn passphrase(&self) -> Result<journal_core::Passphrase, Error> {
        secret::passphrase(self.passphrase_file.as_deref(), &self.db)
    }
}

fn backup(cmd: BackupCmd, access: &Access, clock: SystemClock, json: bool) -> Result<(), Error> {
    let human = |b: &journal_core::BackupInfo| {
        format!(
            "{}  {}  {:>5} pages  {}",
            b.created_at,
            if b.verified {
                "verified"
            } else {
                "NOT verified"
            },
            b.pages,
            b.path
        )
    };
    match cmd {
        BackupCmd::Create { to } => {
            let b = Journal::new(access.store()?, clock).create_backup(to.as_deref())?;
            print_out(json, &b, |b| format!("Backed up and checked: {}", human(b)))
        }
        BackupCmd::List { dir } => {
            let all = Journal::new(access.store()?, clock).list_backups(dir.as_deref())?;
            print_out(json, &all, |all| {
                if all.is_empty() {
                    "No backups yet.".to_string()
                } else {
                    all.iter().map(human).collect::<Vec<_>>().join("\n")
                }
            })
        }
        BackupCmd::Verify { path } => {
            let passphrase = if journal_core::is_encrypted(&path)? {
                Some(secret::passphrase(
                    access.passphrase_file.as_deref(),
                    &path,
                )?)
            } else {
                None
            };
            let b = journal_core::verify_backup(&path, passphrase.as_ref())?;
            print_out(json, &b, |b| format!("Sound: {}", human(b)))
        }
        BackupCmd::Restore { path } => {
            let needs =
                journal_core::is_encrypted(&path)? || journal_core::is_encrypted(&access.db)?;
            let passphrase = if needs {
                Some(access.passphrase()?)
            } else {
                None
            };
            let before =
                journal_core::restore_backup(&access.db, &path, passphrase.as_ref(), clock.now())?;
            let out = Restored {
                restored: path.display().to_string(),
                previous: before,
            };
            print_out(json, &out, |r| {
                format!(
                    "Put back {}. The journal as it was is kept in {}.",
                    r.restored, r.previous.path
                )
            })
        }
    }
}

/// What `backup restore` prints: the backup put back, and the backup taken
/// of the journal as it was just before.
#[derive(Serialize)]
struct Restored {
    restored: String,
    previous: journal_core::BackupInfo,
}

/// `rekey` and `decrypt` need an encrypted journal (checked before asking
/// for any passphrase).
fn plain_refused(db: &std::path::Path) -> Result<(), Error> {
    if journal_core::is_encrypted(db)? {
        Ok(())
    } else {
        Err(Error::invalid(
            "This journal is not encrypted, so there is no passphrase to change or remove.",
        ))
    }
}

/// What `encrypt`, `rekey` and `decrypt` print.
#[derive(Serialize)]
struct Converted {
    path: String,
    encrypted: bool,
}

impl Converted {
    fn new(db: &std::path::Path, encrypted: bool) -> Self {
        Converted {
            path: db.display().to_string(),
            encrypted,
        }
    }
    fn words(&self) -> String {
        if self.encrypted {
            format!(
                "{} is encrypted. Keep the passphrase somewhere safe: without it the journal \
                 cannot be opened by anyone, you included.",
                self.path
            )
        } else {
            format!("{} is plain text again.", self.path)
        }
    }
}

fn day(arg: Option<&str>, clock: &dyn Clock) -> Result<NaiveDate, Error> {
    arg.map_or_else(|| Ok(clock.today()), parse_date)
}

fn run(cli: Cli) -> Result<(), Error> {
    let clock = SystemClock;
    let db = cli.db.clone().unwrap_or_else(journal_host::default_journal);
    let json = cli.json;
    let access = Access {
        db: db.clone(),
        passphrase_file: cli.passphrase_file.clone(),
    };
    match cli.command {
        Command::Encrypt { new } => {
            if journal_core::is_encrypted(&db)? {
                return Err(Error::invalid(
                    "This journal is already encrypted. To change its passphrase, use rekey.",
                ));
            }
            let new = secret::new_passphrase(new.new_passphrase_file.as_deref())?;
            journal_core::encrypt_journal(&db, &new, journal_core::KdfCost::DEFAULT)?;
            print_out(json, &Converted::new(&db, true), |c| c.words())
        }
        Command::Rekey { new } => {
            plain_refused(&db)?;
            let old = access.passphrase()?;
            let new = secret::new_passphrase(new.new_passphrase_file.as_deref())?;
            journal_core::rekey_journal(&db, &old, &new, journal_core::KdfCost::DEFAULT)?;
            print_out(json, &Converted::new(&db, true), |c| c.words())
        }
        Command::Backup(cmd) => backup(cmd, &access, clock, json),
        Command::Export {
            format,
            out,
            export_passphrase_file,
        } => {
            let journal = Journal::new(access.store()?, clock);
            let format = match format {
                ExportFormat::Json => journal_core::ExportFormat::Json,
                ExportFormat::Markdown => journal_core::ExportFormat::Markdown,
                ExportFormat::Age => journal_core::ExportFormat::Age,
            };
            let passphrase = match format {
                journal_core::ExportFormat::Age => Some(secret::export_passphrase(
                    export_passphrase_file.as_deref(),
                    true,
                )?),
                _ => None,
            };
            let Some(path) = out else {
                return match format {
                    journal_core::ExportFormat::Markdown => Err(Error::invalid(
                        "a Markdown export needs --out DIR (a new or empty folder)",
                    )),
                    journal_core::ExportFormat::Age => {
                        let sealed =
                            journal.export_age(passphrase.as_ref().expect("asked above"))?;
                        let _ = std::io::stdout().lock().write_all(&sealed);
                        Ok(())
                    }
                    journal_core::ExportFormat::Json => {
                        let text = journal.export_json()?;
                        let _ = writeln!(std::io::stdout().lock(), "{text}");
                        Ok(())
                    }
                };
            };
            let done = journal.export_file(format, &path, passphrase.as_ref())?;
            if !done.encrypted {
                eprintln!(
                    "breathing-room-cli: {} is not encrypted: anyone who can open it can read every page.",
                    done.path
                );
            }
            match format {
                journal_core::ExportFormat::Markdown => print_out(
                    json,
                    &journal_core::MarkdownExport {
                        folder: done.path,
                        pages: done.pages,
                    },
                    |d| format!("Exported {} days as Markdown to {}", d.pages, d.folder),
                ),
                journal_core::ExportFormat::Age => {
                    print_out(json, &done.path, |p| format!("Exported, encrypted, to {p}"))
                }
                journal_core::ExportFormat::Json => {
                    print_out(json, &done.path, |p| format!("Exported to {p}"))
                }
            }
        }
        Command::Import {
            format,
            path,
            dry_run,
            export_passphrase_file,
        } => {
            let journal = Journal::new(access.store()?, clock);
            let format = match format {
                ImportFormat::Json => journal_core::ImportFormat::Json,
                ImportFormat::Age => journal_core::ImportFormat::Age,
                ImportFormat::Jrnl => journal_core::ImportFormat::Jrnl,
                ImportFormat::JrnlJson => journal_core::ImportFormat::JrnlJson,
                ImportFormat::Markdown => journal_core::ImportFormat::Markdown,
                ImportFormat::Dayone => journal_core::ImportFormat::DayOne,
            };
            let passphrase = match format {
                journal_core::ImportFormat::Age => {
                    // The file first: a missing file is named before a
                    // passphrase is asked for.
                    std::fs::metadata(&path).map_err(|source| Error::Io {
                        path: path.clone(),
                        source,
                    })?;
                    Some(secret::export_passphrase(
                        export_passphrase_file.as_deref(),
                        false,
                    )?)
                }
                _ => None,
            };
            let s = journal.import_file(format, &path, passphrase.as_ref(), dry_run)?;
            let summary = ImportOut {
                added: s.added,
                merged: s.merged,
                unchanged: s.unchanged,
                skipped: s.skipped,
                media_skipped: s.media_skipped,
                warnings: s.warnings,
            };
            print_out(json, &summary, |s| {
                let mut out = format!(
                    "{}{} days added, {} merged below the text already there, {} already there, {} left out.",
                    if dry_run { "Would be: " } else { "" },
                    s.added,
                    s.merged,
                    s.unchanged,
                    s.skipped
                );
                for w in &s.warnings {
                    out.push_str(&format!("\n{w}"));
                }
                out
            })
        }
        Command::Decrypt => {
            plain_refused(&db)?;
            let old = access.passphrase()?;
            journal_core::decrypt_journal(&db, &old)?;
            print_out(json, &Converted::new(&db, false), |c| c.words())
        }
        Command::Path => print_out(json, &db.display().to_string(), |p| p.clone()),
        Command::Write {
            date,
            append,
            mood,
            text,
        } => {
            // Validate everything before opening (and so creating) anything.
            let date = day(date.as_deref(), &clock)?;
            let mood = mood.map(mood_arg).transpose()?;
            let body = if text == "-" { read_stdin()? } else { text };
            let journal = Journal::new(access.store()?, clock);
            let page = if append {
                journal.append_page(date, &body, mood)?
            } else {
                let mood = match mood {
                    Some(m) => Some(m),
                    None => journal.get_page(date)?.mood,
                };
                journal.save_page(date, &body, mood, None)?.page
            };
            print_out(json, &ShownPage::from(page), |p| {
                format!("Saved {} ({} words).", p.date, p.words)
            })
        }
        Command::Show { date } => {
            let date = day(date.as_deref(), &clock)?;
            let page = Journal::new(access.store()?, clock).get_page(date)?;
            print_out(json, &ShownPage::from(page), |p| {
                let mood = p.mood.map(|m| format!(" · mood {m}/5")).unwrap_or_default();
                format!("{} · {} words{mood}\n\n{}", p.date, p.words, p.body)
            })
        }
        Command::List { from, to } => {
            // Checked before opening (and so creating) anything.
            let from = from.as_deref().map(parse_date).transpose()?;
            let to = to.as_deref().map(parse_date).transpose()?;
            let pages = Journal::new(access.store()?, clock).list_pages(from, to)?;
            print_out(json, &pages, |ps| {
                ps.iter()
                    .map(|p| format!("{}  {:>5} words  {}", p.date, p.words, p.first_line))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        Command::History { cmd, date } => history(cmd, date, &access, clock, json),
        Command::Period(cmd) => period(cmd, &access, clock, json),
        Command::Contact(ContactCmd::Add { kind, when, note }) => {
            let when = when.resolve()?;
            let kind = journal_core::ContactKind::parse(&kind)?;
            let journal = Journal::new(access.store()?, clock);
            let c = journal.log_contact(kind, when, note.as_deref())?;
            print_out(json, &c, |c| {
                format!("Logged a contact ({}) on {}.", c.kind.as_str(), c.date)
            })
        }
        Command::Contact(ContactCmd::Edit {
            id,
            kind,
            date,
            note,
        }) => {
            let edit = journal_core::ContactEdit {
                kind: kind
                    .as_deref()
                    .map(journal_core::ContactKind::parse)
                    .transpose()?,
                date: date.as_deref().map(parse_date).transpose()?,
                note: note.as_deref(),
            };
            let c = Journal::new(access.store()?, clock).edit_contact(id, &edit)?;
            print_out(json, &c, |c| {
                format!("Contact {} is now {} on {}.", c.id, c.kind.as_str(), c.date)
            })
        }
        Command::Contact(ContactCmd::Remove { id }) => {
            let c = Journal::new(access.store()?, clock).remove_contact(id)?;
            print_out(json, &c, |c| {
                format!(
                    "Took back the contact on {}; it no longer counts, and is kept in the history.",
                    c.date
                )
            })
        }
        Command::Urge(UrgeCmd::List { all }) => {
            let urges = Journal::new(access.store()?, clock).urges_with(all)?;
            print_out(json, &urges, |us| {
                us.iter()
                    .map(|u| {
                        let note = u
                            .note
                            .as_deref()
                            .map(|n| format!("  {}", journal_core::first_line(n)));
                        let gone = if u.removed_at.is_some() {
                            "  (removed)"
                        } else {
                            ""
                        };
                        format!(
                            "{}  {:>4}  urge held{}{}",
                            u.date,
                            u.id,
                            note.unwrap_or_default(),
                            gone
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        Command::Urge(UrgeCmd::Edit {
            id,
            date,
            intensity,
            note,
        }) => {
            let edit = journal_core::UrgeEdit {
                date: date.as_deref().map(parse_date).transpose()?,
                intensity: intensity.map(intensity_arg).transpose()?.map(Some),
                note: note.as_deref(),
            };
            let u = Journal::new(access.store()?, clock).edit_urge(id, &edit)?;
            print_out(json, &u, |u| format!("Urge {} is now on {}.", u.id, u.date))
        }
        Command::Urge(UrgeCmd::Remove { id }) => {
            let u = Journal::new(access.store()?, clock).remove_urge(id)?;
            print_out(json, &u, |u| {
                format!(
                    "Took back the urge on {}; it no longer counts, and is kept in the history.",
                    u.date
                )
            })
        }
        Command::Contact(ContactCmd::List { all }) => {
            let contacts = Journal::new(access.store()?, clock).contacts_with(all)?;
            print_out(json, &contacts, |cs| {
                cs.iter()
                    .map(|c| {
                        let note = c
                            .note
                            .as_deref()
                            .map(|n| format!("  {}", journal_core::first_line(n)));
                        let gone = if c.removed_at.is_some() {
                            "  (removed)"
                        } else {
                            ""
                        };
                        format!(
                            "{}  {:>4}  {:<16}{}{gone}",
                            c.date,
                            c.id,
                            c.kind.as_str(),
                            note.unwrap_or_default()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        Command::Urge(UrgeCmd::Add {
            when,
            intensity,
            note,
        }) => {
            let when = when.resolve()?;
            let intensity = intensity.map(intensity_arg).transpose()?;
            let journal = Journal::new(access.store()?, clock);
            let u = journal.log_urge(when, intensity, note.as_deref())?;
            print_out(json, &u, |u| {
                format!(
                    "You felt the urge on {} and held back. That counts.",
                    u.date
                )
            })
        }
        Command::People(PeopleCmd::Add {
            date,
            who,
            what,
            felt,
        }) => {
            let when = When::parse(date.as_deref(), None)?;
            let felt = felt
                .map(|f| {
                    u8::try_from(f)
                        .ok()
                        .filter(|f| (1..=5).contains(f))
                        .ok_or_else(|| {
                            Error::invalid(format!("--felt must be from 1 to 5 (got {f})"))
                        })
                })
                .transpose()?;
            let journal = Journal::new(access.store()?, clock);
            let t = journal.log_company(when, &who, what.as_deref(), felt)?;
            print_out(json, &t, |t| {
                format!("Time with {} on {}, kept.", t.who, t.date)
            })
        }
        Command::People(PeopleCmd::List { from, to }) => {
            let from = from.as_deref().map(parse_date).transpose()?;
            let to = to.as_deref().map(parse_date).transpose()?;
            let list = Journal::new(access.store()?, clock).company(from, to)?;
            print_out(json, &list, |list| {
                list.iter()
                    .map(|t| {
                        let what = t.what.as_deref().map(|w| format!(": {w}"));
                        let felt = t.felt.map(|f| format!(" (felt {f}/5)"));
                        format!(
                            "{}  {}{}{}",
                            t.date,
                            t.who,
                            what.unwrap_or_default(),
                            felt.unwrap_or_default()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        Command::Unsent(UnsentCmd::Add { date, text }) => {
            let when = When::parse(date.as_deref(), None)?;
            let body = if text == "-" { read_stdin()? } else { text };
            let journal = Journal::new(access.store()?, clock);
            let m = journal.log_unsent(when, &body, journal_core::UnsentOutcome::Kept)?;
            print_out(json, &m, |m| {
                format!(
                    "Kept here, unsent (message {}, {}). You held back, and that is noted.",
                    m.id, m.date
                )
            })
        }
        Command::Review { week_of } => {
            let week_of = week_of.as_deref().map(parse_date).transpose()?;
            let w = Journal::new(access.store()?, clock).week_review(week_of)?;
            print_out(json, &w, |w| {
                let n = |k: u32, one: &str, many: &str| {
                    if k == 1 {
                        format!("1 {one}")
                    } else {
                        format!("{k} {many}")
                    }
                };
                let c = &w.contacts;
                let mut lines = vec![format!("{} to {}", w.from, w.to)];
                lines.push(if w.days_written > 0 {
                    format!("{} written", n(w.days_written, "day", "days"))
                } else {
                    "No pages this week, and that is all right".into()
                });
                let counted = [
                    (
                        w.days_of_space,
                        "day of giving space",
                        "days of giving space",
                    ),
                    (w.urges_held, "urge held back", "urges held back"),
                    (
                        w.unsent_kept,
                        "message kept here, unsent",
                        "messages kept here, unsent",
                    ),
                    (
                        c.they_reached_out,
                        "time they reached out",
                        "times they reached out",
                    ),
                    (c.necessary, "necessary contact", "necessary contacts"),
                    (
                        c.pursued,
                        "time you reached out, and began again",
                        "times you reached out, and began again",
                    ),
                ];
                for (k, one, many) in counted {
                    if k > 0 {
                        lines.push(n(k, one, many));
                    }
                }
                let days: std::collections::BTreeSet<&str> =
                    w.time_with_people.iter().map(|t| t.date.as_str()).collect();
                if !days.is_empty() {
                    lines.push(format!(
                        "time with people on {}",
                        n(days.len() as u32, "day", "days")
                    ));
                }
                if let Some(d) = &w.answered_on {
                    lines.push(format!("looked back on, on the page of {d}"));
                }
                lines.join("\n")
            })
        }
        Command::Unsent(UnsentCmd::List) => {
            let list = Journal::new(access.store()?, clock).unsent_list()?;
            print_out(json, &list, |list| {
                list.iter()
                    .map(|m| {
                        let first = m.body.lines().next().unwrap_or_default();
                        format!("{}  {:>4}  {}  {}", m.date, m.id, m.outcome.as_str(), first)
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        Command::Unsent(UnsentCmd::Show { id }) => {
            let m = Journal::new(access.store()?, clock).unsent(id)?;
            print_out(json, &m, |m| {
                format!("{} · {}\n\n{}", m.date, m.outcome.as_str(), m.body)
            })
        }
        Command::Guidance { list: true, .. } => {
            let cards: Vec<CardLine> = journal_core::library_cards()
                .into_iter()
                .map(|c| CardLine {
                    id: c.id,
                    theme: c.theme.as_str(),
                    title: c.title,
                    reason: None,
                })
                .collect();
            print_out(json, &cards, |c| human_cards(c))
        }
        Command::Guidance { date, list: false } => {
            let date = date.as_deref().map(parse_date).transpose()?;
            let journal = Journal::new(access.store()?, clock);
            let cards: Vec<CardLine> = journal
                .guidance(date, None, None)?
                .into_iter()
                .map(|c| CardLine {
                    id: c.id,
                    theme: c.theme.as_str(),
                    title: c.title,
                    reason: Some(c.reason),
                })
                .collect();
            print_out(json, &cards, |c| human_cards(c))
        }
        Command::Settings(SettingsCmd::Get { key: None }) => {
            let all = Journal::new(access.store()?, clock).settings()?;
            print_out(json, &all, |all| {
                all.iter()
                    .map(|e| format!("{} = {}", e.key, e.value))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        Command::Settings(SettingsCmd::Get { key: Some(key) }) => {
            let entry = Journal::new(access.store()?, clock).setting(&key)?;
            print_out(json, &entry, |e| e.value.clone())
        }
        Command::Settings(SettingsCmd::Set { key, value }) => {
            journal_core::Settings::default().set(&key, &value)?;
            let entry = Journal::new(access.store()?, clock).set_setting(&key, &value)?;
            print_out(json, &entry, |e| format!("{} = {}", e.key, e.value))
        }
        Command::Reminders(RemindersCmd::Next { as_of }) => {
            let now = match as_of {
                Some(t) => DateTime::parse_from_rfc3339(t.trim())
                    .map_err(|_| {
                        Error::invalid(format!(
                            "\"{t}\" is not a moment; write it as RFC 3339, for example 2027-03-14T01:00:00-05:00"
                        ))
                    })?
                    .with_timezone(&Utc),
                None => clock.now(),
            };
            let zone = journal_host::system_zone();
            let journal = Journal::new(access.store()?, clock);
            let next = journal.next_reminder(now, zone)?.map(|p| NextNote {
                at: p.at.with_timezone(&zone).to_rfc3339(),
                kind: p.kind.as_str(),
            });
            print_out(json, &next, |n| match n {
                Some(n) => format!("{} at {}", n.kind, n.at),
                None => "No reminder is planned.".into(),
            })
        }
        Command::Status { as_of } => {
            let as_of = as_of.as_deref().map(parse_date).transpose()?;
            let journal = Journal::new(access.store()?, clock);
            let status = journal.space_status(as_of)?;
            print_out(json, &status, human_status)
        }
        Command::Insights { from, to } => {
            let from = from.as_deref().map(parse_date).transpose()?;
            let to = to.as_deref().map(parse_date).transpose()?;
            let i = Journal::new(access.store()?, clock).insights(from, to)?;
            print_out(json, &i, |i| {
                let urges: u32 = i.weeks.iter().map(|w| w.urges).sum();
                let reached: u32 = i.weeks.iter().map(|w| w.they_reached_out).sum();
                format!(
                    "{} to {}: {} days written, {} with a mood, {} urges held, they reached out {} times, {} periods.",
                    i.from,
                    i.to,
                    i.written.len(),
                    i.moods.len(),
                    urges,
                    reached,
                    i.periods.len()
                )
            })
        }
        Command::OnThisDay { date } => {
            let date = day(date.as_deref(), &clock)?;
            let earlier = Journal::new(access.store()?, clock).on_this_day(date)?;
            print_out(json, &earlier, |e| {
                if e.is_empty() {
                    return "No earlier page of this date.".into();
                }
                e.iter()
                    .map(|l| format!("{} ago  {}  {}", l.ago, l.date, l.first_line))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        Command::Search {
            query,
            limit,
            from,
            to,
            mood,
        } => {
            let filter = journal_core::SearchFilter {
                from: from.as_deref().map(parse_date).transpose()?,
                to: to.as_deref().map(parse_date).transpose()?,
                mood: mood.map(mood_arg).transpose()?,
                ..journal_core::SearchFilter::default()
            };
            let hits = Journal::new(access.store()?, clock).search_with(&query, &filter, limit)?;
            print_out(json, &hits, |hs| {
                hs.iter()
                    .map(|h| format!("{}  {}", h.date, h.snippet.replace('\n', " ")))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
    }
}

fn history(
    cmd: Option<HistoryCmd>,
    date: Option<String>,
    access: &Access,
    clock: SystemClock,
    json: bool,
) -> Result<(), Error> {
    let date = date.as_deref().map(parse_date).transpose()?;
    let journal = Journal::new(access.store()?, clock);
    match cmd {
        None => {
            let list = journal.history(date)?;
            print_out(json, &list, |list| {
                if list.is_empty() {
                    return "No earlier versions are kept.".into();
                }
                list.iter()
                    .map(|r| {
                        format!(
                            "{:>5}  {}  replaced {}  {:>5} words  {}",
                            r.id, r.date, r.replaced_at, r.words, r.first_line
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        Some(HistoryCmd::Show { id }) => {
            let r = journal.revision(id)?;
            let shown = ShownRevision {
                id: r.id,
                date: r.date,
                replaced_at: r.replaced_at,
                body: r.body,
            };
            print_out(json, &shown, |r| {
                format!("{} · replaced {}\n\n{}", r.date, r.replaced_at, r.body)
            })
        }
        Some(HistoryCmd::Restore { id }) => {
            let page = journal.restore_revision(id)?;
            print_out(json, &ShownPage::from(page), |p| {
                format!(
                    "Put back the earlier version of {} ({} words); the text it replaced is kept in its history.",
                    p.date, p.words
                )
            })
        }
    }
}

#[derive(Serialize)]
struct ShownRevision {
    id: i64,
    date: String,
    replaced_at: String,
    body: String,
}

fn period(cmd: PeriodCmd, access: &Access, clock: SystemClock, json: bool) -> Result<(), Error> {
    let describe = |p: &Option<Period>| match p {
        None => "No period of giving space has been started.".to_string(),
        Some(p) => {
            let end = p
                .end
                .as_deref()
                .map(|e| format!(", ended {e}"))
                .unwrap_or_default();
            let outcome = p
                .outcome
                .as_deref()
                .map(|o| format!("\nOutcome: {o}"))
                .unwrap_or_default();
            let note = p
                .upfront_note
                .as_deref()
                .map(|n| format!("\nUpfront note:\n{n}"))
                .unwrap_or_default();
            format!("Giving space since {}{end}.{outcome}{note}", p.start)
        }
    };
    match cmd {
        PeriodCmd::Start {
            date,
            note,
            note_file,
        } => {
            let date = date.as_deref().map(parse_date).transpose()?;
            let note = match note_file {
                Some(f) => Some(
                    std::fs::read_to_string(&f).map_err(|source| Error::Io { path: f, source })?,
                ),
                None => note,
            };
            let journal = Journal::new(access.store()?, clock);
            let p = Some(journal.start_period(date, note.as_deref())?);
            print_out(json, &p, describe)
        }
        PeriodCmd::End { date, outcome } => {
            let date = date.as_deref().map(parse_date).transpose()?;
            let journal = Journal::new(access.store()?, clock);
            let p = Some(journal.end_period(date, outcome.as_deref())?);
            print_out(json, &p, describe)
        }
        PeriodCmd::Show => {
            let p = Journal::new(access.store()?, clock).current_period()?;
            print_out(json, &p, describe)
        }
    }
}

fn human_status(s: &journal_core::SpaceStatus) -> String {
    let t = &s.time_with_people;
    let people = match (&t.last_date, t.days_since) {
        (Some(last), Some(0)) => format!(
            "\nTime with people: today ({last}) · {} in the last 7 days",
            t.count_7d
        ),
        (Some(last), Some(n)) => format!(
            "\nTime with people: last on {last}, {n} days ago · {} in the last 7 days",
            t.count_7d
        ),
        _ => String::new(),
    };
    let Some(period) = &s.period else {
        return format!("No period of giving space has been started.{people}");
    };
    let mut out = match &period.end {
        None => format!(
            "Day {} of giving space (since {}).",
            s.current_streak_days, period.start
        ),
        Some(end) => format!("A period of giving space from {} to {end}.", period.start),
    };
    out.push_str(&format!(
        "\nBest run: {} days · days of space in all: {} · urges held: {}",
        s.best_streak_days, s.total_space_days, s.urges_resisted
    ));
    let c = &s.contacts;
    out.push_str(&format!(
        "\nContacts: {} necessary · {} from them · {} upfront · {} reaching out",
        c.necessary, c.they_reached_out, c.upfront, c.pursued
    ));
    if let Some(m) = s.next_milestone {
        out.push_str(&format!(
            "\nNext milestone: {} days, in {} days.",
            m.days, m.in_days
        ));
    }
    out.push_str(&people);
    out
}

/// `reminders next --json`: `{"at": RFC 3339 with offset, "kind": ...}`.
#[derive(Serialize)]
struct NextNote {
    at: String,
    kind: &'static str,
}

/// The system's time zone: `TZ` when set, else the one the system uses.
/// A card as `guidance --json` prints it: `reason` only for a day's cards.
#[derive(Serialize)]
struct CardLine {
    id: String,
    theme: &'static str,
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
}

fn human_cards(cards: &[CardLine]) -> String {
    cards
        .iter()
        .map(|c| match &c.reason {
            Some(r) => format!("{}  ({}; {r})", c.title, c.theme),
            None => format!("{:<18} {}  [{}]", c.theme, c.title, c.id),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn intensity_arg(i: i64) -> Result<u8, Error> {
    u8::try_from(i)
        .ok()
        .filter(|i| (1..=5).contains(i))
        .ok_or_else(|| Error::invalid(format!("intensity must be from 1 to 5 (got {i})")))
}

/// A page as `show --json` prints it: exactly these four fields.
#[derive(Serialize)]
struct ShownPage {
    date: String,
    body: String,
    mood: Option<u8>,
    words: u32,
}

impl From<journal_core::Page> for ShownPage {
    fn from(p: journal_core::Page) -> Self {
        ShownPage {
            date: p.date,
            body: p.body,
            mood: p.mood,
            words: p.words,
        }
    }
}

fn mood_arg(m: i64) -> Result<u8, Error> {
    u8::try_from(m)
        .ok()
        .filter(|m| (1..=5).contains(m))
        .ok_or_else(|| Error::invalid(format!("mood must be from 1 to 5 (got {m})")))
}

fn read_stdin() -> Result<String, Error> {
    let mut buf = Vec::new();
    std::io::stdin()
        .take(journal_core::MAX_BODY_BYTES as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(|source| Error::Io {
            path: PathBuf::from("<stdin>"),
            source,
        })?;
    if buf.len() > journal_core::MAX_BODY_BYTES {
        return Err(Error::invalid(
            "the text on stdin is larger than 1 MiB, the most a page can hold; nothing was saved",
        ));
    }
    String::from_utf8(buf).map_err(|_| Error::invalid("the text on stdin is not valid UTF-8"))
}

fn print_out<T: Serialize>(
    json: bool,
    value: &T,
    human: impl Fn(&T) -> String,
) -> Result<(), Error> {
    let text = if json {
        serde_json::to_string_pretty(value).expect("plain data serializes")
    } else {
        human(value)
    };
    if !text.is_empty() {
        // A reader that stops early (`| head`) is not a failure of ours.
        let _ = writeln!(std::io::stdout().lock(), "{text}");
    }
    Ok(())
}
