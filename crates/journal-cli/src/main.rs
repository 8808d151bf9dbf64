//! `breathing-room-cli`: the same journal as the desktop app, from a terminal.
//! Every command can print `--json` for scripts. Exit status: 0 on success,
//! 2 on bad input (nothing written), 1 on any other failure.

use chrono::{DateTime, FixedOffset, Local, NaiveDate, Utc};
use clap::{Parser, Subcommand};
use journal_core::{parse_date, Clock, Error, Journal, Store, APP_IDENTIFIER, DB_FILE_NAME};
use serde::Serialize;
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

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
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Replace a day's page (today unless --date); TEXT of "-" reads stdin
    Write {
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
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
    /// Search every page; best match first
    Search {
        query: String,
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Print the journal file's path
    Path,
}

/// The wall clock, read in exactly one place; `TZ` is honoured.
struct SystemClock;

impl Clock for SystemClock {
    #[allow(clippy::disallowed_methods)] // the binary's one read of the clock
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
    #[allow(clippy::disallowed_methods)]
    fn offset(&self) -> FixedOffset {
        *Local::now().offset()
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let msg = e.user_message().replace('\n', " ");
            eprintln!("breathing-room-cli: {msg}");
            ExitCode::from(if e.is_invalid_input() { 2 } else { 1 })
        }
    }
}

fn default_db_path() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join(APP_IDENTIFIER)
        .join(DB_FILE_NAME)
}

fn day(arg: Option<&str>, clock: &dyn Clock) -> Result<NaiveDate, Error> {
    arg.map_or_else(|| Ok(clock.today()), parse_date)
}

fn run(cli: Cli) -> Result<(), Error> {
    let clock = SystemClock;
    let db = cli.db.clone().unwrap_or_else(default_db_path);
    let json = cli.json;
    match cli.command {
        Command::Path => print_out(json, &db.display().to_string(), |p| p.clone()),
        Command::Write { date, mood, text } => {
            // Validate everything before opening (and so creating) anything.
            let date = day(date.as_deref(), &clock)?;
            let mood = mood.map(mood_arg).transpose()?;
            let body = if text == "-" { read_stdin()? } else { text };
            let journal = Journal::new(Store::open(&db)?, clock);
            let key = journal_core::format_date(date);
            let mood = match mood {
                Some(m) => Some(m),
                None => journal.get_page(&key)?.mood,
            };
            let page = journal.save_page(&key, &body, mood)?;
            print_out(json, &ShownPage::from(page), |p| {
                format!("Saved {} ({} words).", p.date, p.words)
            })
        }
        Command::Show { date } => {
            let date = day(date.as_deref(), &clock)?;
            let page = Store::open(&db)?.page(date)?;
            print_out(json, &ShownPage::from(page), |p| {
                let mood = p.mood.map(|m| format!(" · mood {m}/5")).unwrap_or_default();
                format!("{} · {} words{mood}\n\n{}", p.date, p.words, p.body)
            })
        }
        Command::List { from, to } => {
            let from = from.as_deref().map(parse_date).transpose()?;
            let to = to.as_deref().map(parse_date).transpose()?;
            let pages = Store::open(&db)?.list_pages(from, to)?;
            print_out(json, &pages, |ps| {
                ps.iter()
                    .map(|p| format!("{}  {:>5} words  {}", p.date, p.words, p.first_line))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        Command::Search { query, limit } => {
            let hits = Store::open(&db)?.search(&query, limit)?;
            print_out(json, &hits, |hs| {
                hs.iter()
                    .map(|h| format!("{}  {}", h.date, h.snippet.replace('\n', " ")))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
    }
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
    if json {
        let s = serde_json::to_string_pretty(value).expect("plain data serializes");
        println!("{s}");
    } else {
        let s = human(value);
        if !s.is_empty() {
            println!("{s}");
        }
    }
    Ok(())
}
