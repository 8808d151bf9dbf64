//! Writes out the made-up ten years the bench measures (see
//! `benches/common/mod.rs`), deterministic, for measuring the app and the
//! CLI as whole processes:
//!
//! - `gen --db PATH`: a journal with the 3,650 pages;
//! - `gen --jrnl PATH [TIMES]`: the same pages as jrnl's plain-text journal
//!   file (`[YYYY-MM-DD HH:MM] ` before each day), to import; `TIMES` copies
//!   of the ten years, each a decade before the next, make a huge file.
//!
//! `cargo run --release -p journal-core --example gen -- --jrnl ten-years.txt`

#[path = "../benches/common/mod.rs"]
mod common;

use chrono::TimeDelta;
use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(what), Some(path)) = (args.first(), args.get(1)) else {
        eprintln!("usage: gen --db PATH | --jrnl PATH [TIMES]");
        std::process::exit(2);
    };
    match what.as_str() {
        "--db" => {
            let mut store = journal_core::Store::open(path).expect("a new journal");
            let mut clock = journal_core::FixedClock::at_utc("2017-01-01T21:00:00Z");
            for (day, body, mood) in common::ten_years() {
                store.save_page(day, &body, mood, &clock).expect("saved");
                clock.now += TimeDelta::days(1);
            }
        }
        "--jrnl" => {
            let file = std::fs::File::create(path).expect("the jrnl file");
            let mut out = std::io::BufWriter::new(file);
            let times: i64 = args
                .get(2)
                .map_or(1, |t| t.parse().expect("TIMES, a number"));
            for copy in (0..times).rev() {
                for (day, body, _) in common::ten_years() {
                    let day = day - TimeDelta::days(3650 * copy);
                    writeln!(out, "[{day} 21:00] {}\n", body.trim_end()).expect("written");
                }
            }
            out.flush().expect("written");
        }
        _ => {
            eprintln!("usage: gen --db PATH | --jrnl PATH [TIMES]");
            std::process::exit(2);
        }
    }
}
