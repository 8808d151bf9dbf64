//! `breathing-room-cli` as a script sees it: commands, `--json` shapes and
//! exit codes, on real journal files in temp folders.

use assert_cmd::Command;
use serde_json::{json, Value};
use std::path::Path;

fn cli(db: &Path) -> Command {
    let mut c = Command::cargo_bin("breathing-room-cli").unwrap();
    c.env_remove("BREATHING_ROOM_DB").arg("--db").arg(db);
    c
}

fn json_of(db: &Path, args: &[&str]) -> Value {
    let out = cli(db).arg("--json").args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    k.sort_unstable();
    k
}

#[test]
fn write_then_show_gives_the_exact_json_shape() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    cli(&db)
        .args([
            "write",
            "--date",
            "2026-03-01",
            "--mood",
            "3",
            "Held back. Called a friend.",
        ])
        .assert()
        .success();
    let shown = json_of(&db, &["show", "--date", "2026-03-01"]);
    assert_eq!(
        shown,
        json!({"date": "2026-03-01", "body": "Held back. Called a friend.", "mood": 3, "words": 5})
    );
    assert_eq!(keys(&shown), ["body", "date", "mood", "words"]);

    let none = json_of(&db, &["show", "--date", "2026-03-02"]);
    assert_eq!(
        none,
        json!({"date": "2026-03-02", "body": "", "mood": null, "words": 0})
    );
}

#[test]
fn rewriting_a_day_keeps_its_mood_unless_a_new_one_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    cli(&db)
        .args(["write", "--date", "2026-03-01", "--mood", "2", "first"])
        .assert()
        .success();
    cli(&db)
        .args(["write", "--date", "2026-03-01", "second"])
        .assert()
        .success();
    let shown = json_of(&db, &["show", "--date", "2026-03-01"]);
    assert_eq!(shown["body"], "second");
    assert_eq!(shown["mood"], 2);
}

#[test]
fn text_of_a_dash_is_read_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    cli(&db)
        .args(["write", "--date", "2026-03-01", "-"])
        .write_stdin("line one\nline two — still me 😀\n")
        .assert()
        .success();
    let shown = json_of(&db, &["show", "--date", "2026-03-01"]);
    assert_eq!(shown["body"], "line one\nline two — still me 😀\n");
    assert_eq!(shown["words"], 6);
}

#[test]
fn list_is_oldest_first_within_inclusive_bounds() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    for (d, t) in [
        ("2026-03-03", "third day\nmore"),
        ("2026-03-01", "first day"),
        ("2026-03-02", "second day"),
        ("2026-02-20", "earlier"),
    ] {
        cli(&db).args(["write", "--date", d, t]).assert().success();
    }
    let listed = json_of(&db, &["list", "--from", "2026-03-01", "--to", "2026-03-03"]);
    let dates: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2026-03-01", "2026-03-02", "2026-03-03"]);
    assert_eq!(
        listed[2],
        json!({"date": "2026-03-03", "mood": null, "words": 3, "first_line": "third day"})
    );
    assert_eq!(json_of(&db, &["list"]).as_array().unwrap().len(), 4);
}

#[test]
fn search_ranks_the_best_match_first_and_takes_any_text() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    cli(&db)
        .args(["write", "--date", "2026-03-01", "I missed them a little."])
        .assert()
        .success();
    cli(&db)
        .args([
            "write",
            "--date",
            "2026-03-02",
            "Missed them. Missed the evenings. Missed everything today.",
        ])
        .assert()
        .success();
    let hits = json_of(&db, &["search", "missed"]);
    assert_eq!(hits[0]["date"], "2026-03-02");
    assert_eq!(hits[1]["date"], "2026-03-01");
    // The old fields stay; where the words are comes as ranges, not markers.
    assert_eq!(keys(&hits[0]), ["date", "mood", "ranges", "snippet"]);
    let snippet: Vec<char> = hits[0]["snippet"].as_str().unwrap().chars().collect();
    let first = &hits[0]["ranges"][0];
    let (a, b) = (
        first[0].as_u64().unwrap() as usize,
        first[1].as_u64().unwrap() as usize,
    );
    assert_eq!(snippet[a..b].iter().collect::<String>(), "Missed");
    assert_eq!(hits[0]["ranges"].as_array().unwrap().len(), 3);

    for hostile in [
        "\"", "AND", "(missed", "missed*", "-missed", "NEAR(", "col:x", "",
    ] {
        cli(&db)
            .args(["--json", "search", "--", hostile])
            .assert()
            .success();
    }
}

#[test]
fn path_prints_the_file_in_use_and_the_env_var_sets_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("elsewhere.db");
    let out = Command::cargo_bin("breathing-room-cli")
        .unwrap()
        .env("BREATHING_ROOM_DB", &db)
        .arg("path")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        db.to_str().unwrap()
    );

    let out = Command::cargo_bin("breathing-room-cli")
        .unwrap()
        .env_remove("BREATHING_ROOM_DB")
        .env("HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .arg("path")
        .output()
        .unwrap();
    let default = String::from_utf8(out.stdout).unwrap();
    // A debug build (as `cargo test` makes) has its own journal: a plain
    // `cargo run` never opens the person's; a release build shares the app's.
    let folder = if cfg!(debug_assertions) {
        "data/app.breathingroom.journal.dev/journal.db"
    } else {
        "data/app.breathingroom.journal/journal.db"
    };
    assert_eq!(
        default.trim(),
        dir.path().join(folder).to_str().unwrap(),
        "the CLI defaults to the journal of its build"
    );
}

#[test]
fn bad_input_exits_2_with_one_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let cases: Vec<Vec<String>> = vec![
        vec![
            "write".into(),
            "--date".into(),
            "2026-02-30".into(),
            "x".into(),
        ],
        vec![
            "write".into(),
            "--date".into(),
            "tomorrow".into(),
            "x".into(),
        ],
        vec!["write".into(), "--mood".into(), "6".into(), "x".into()],
        vec!["write".into(), "--mood".into(), "0".into(), "x".into()],
        vec![
            "write".into(),
            "--date".into(),
            "2999-01-01".into(),
            "x".into(),
        ],
        vec!["show".into(), "--date".into(), "2026-3-1".into()],
        vec!["list".into(), "--from".into(), "March".into()],
    ];
    for args in cases {
        let out = cli(&db).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(out.stdout.is_empty());
    }
    // Nothing was written: the bad writes did not even create a page.
    assert_eq!(json_of(&db, &["list"]), json!([]));

    // A page too large for the store, from stdin: refused, the day keeps its text.
    cli(&db)
        .args(["write", "--date", "2026-03-01", "kept"])
        .assert()
        .success();
    let huge = "a".repeat(journal_core::MAX_BODY_BYTES + 1);
    let out = cli(&db)
        .args(["write", "--date", "2026-03-01", "-"])
        .write_stdin(huge)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("1 MiB"));
    assert_eq!(
        json_of(&db, &["show", "--date", "2026-03-01"])["body"],
        "kept"
    );
}

#[test]
fn a_damaged_or_newer_journal_exits_1_and_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let damaged = dir.path().join("damaged.db");
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 253) as u8).collect();
    std::fs::write(&damaged, &garbage).unwrap();
    let out = cli(&damaged).args(["show"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr).unwrap().contains("damaged"));
    assert_eq!(std::fs::read(&damaged).unwrap(), garbage);

    let newer = dir.path().join("newer.db");
    let conn = rusqlite::Connection::open(&newer).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let before = std::fs::read(&newer).unwrap();
    let out = cli(&newer)
        .args(["write", "--date", "2026-03-01", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("newer version"));
    assert_eq!(std::fs::read(&newer).unwrap(), before);
}

#[test]
fn today_follows_the_tz_variable() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let today_in = |tz: &str| {
        let out = cli(&db)
            .env("TZ", tz)
            .args(["--json", "show"])
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        journal_core::parse_date(v["date"].as_str().unwrap()).unwrap()
    };
    // UTC+14 and UTC-12 are 26 hours apart: always on different dates.
    let east = today_in("Etc/GMT-14");
    let west = today_in("Etc/GMT+12");
    assert!(east > west, "{east} should be after {west}");
}

#[test]
fn the_cli_and_an_open_app_share_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    // The app holds the journal open for as long as it runs.
    let mut app = journal_core::Store::open(&db).unwrap();
    let clock = journal_core::FixedClock::at_utc("2026-03-05T10:00:00Z");
    let day = journal_core::parse_date("2026-03-05").unwrap();
    app.save_page(day, "written in the app", None, &clock)
        .unwrap();

    assert_eq!(
        json_of(&db, &["show", "--date", "2026-03-05"])["body"],
        "written in the app"
    );
    cli(&db)
        .args(["write", "--date", "2026-03-04", "written from the terminal"])
        .assert()
        .success();
    let yesterday = journal_core::parse_date("2026-03-04").unwrap();
    assert_eq!(
        app.page(yesterday).unwrap().body,
        "written from the terminal"
    );
    app.save_page(day, "edited in the app", None, &clock)
        .unwrap();
    assert_eq!(
        json_of(&db, &["show", "--date", "2026-03-05"])["body"],
        "edited in the app"
    );
}

#[test]
fn write_append_adds_a_paragraph_and_keeps_the_mood() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let d = "2026-03-01";
    json_of(&db, &["write", "--date", d, "--mood", "4", "Morning."]);
    let page = json_of(
        &db,
        &["write", "--date", d, "--append", "Evening, after the walk."],
    );
    assert_eq!(page["body"], "Morning.\n\nEvening, after the walk.");
    assert_eq!(page["mood"], 4);
    assert_eq!(json_of(&db, &["history", "--date", d]), json!([]));
}

#[test]
fn history_lists_shows_and_restores_what_a_write_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    json_of(
        &db,
        &[
            "write",
            "--date",
            "2026-03-01",
            "The first text of that night.",
        ],
    );
    // A write replaces text it has not seen: what it replaced is kept.
    json_of(&db, &["write", "--date", "2026-03-01", "Replaced."]);
    json_of(&db, &["write", "--date", "2026-03-02", "Another day."]);
    json_of(
        &db,
        &["write", "--date", "2026-03-02", "Another day, again."],
    );

    let all = json_of(&db, &["history"]);
    let list = all.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(
        keys(&list[0]),
        ["date", "first_line", "id", "replaced_at", "words"]
    );
    assert_eq!(list[0]["date"], "2026-03-02", "newest first");
    let one = json_of(&db, &["history", "--date", "2026-03-01"]);
    assert_eq!(one.as_array().unwrap().len(), 1);
    assert_eq!(one[0]["first_line"], "The first text of that night.");
    assert_eq!(one[0]["words"], 6);

    let id = one[0]["id"].as_i64().unwrap().to_string();
    let shown = json_of(&db, &["history", "show", &id]);
    assert_eq!(keys(&shown), ["body", "date", "id", "replaced_at"]);
    assert_eq!(shown["body"], "The first text of that night.");

    let restored = json_of(&db, &["history", "restore", &id]);
    assert_eq!(restored["body"], "The first text of that night.");
    let shown = json_of(&db, &["show", "--date", "2026-03-01"]);
    assert_eq!(shown["body"], "The first text of that night.");
    // "Replaced." is kept in turn, so the restore can be undone.
    let after = json_of(&db, &["history", "--date", "2026-03-01"]);
    assert_eq!(after[0]["first_line"], "Replaced.");

    let out = cli(&db).args(["history", "show", "999"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = cli(&db)
        .args(["history", "--date", "31/12/2026"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn on_this_day_lists_the_earlier_pages_of_the_date_with_the_exact_shape() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    for (date, text) in [
        ("2025-03-02", "Two years back.\nMore."),
        ("2026-03-02", "A year back."),
        ("2026-02-02", "A month back."),
        ("2026-02-03", "Another day."),
    ] {
        cli(&db)
            .args(["write", "--date", date, text])
            .assert()
            .success();
    }
    let earlier = json_of(&db, &["on-this-day", "--date", "2026-03-02"]);
    assert_eq!(
        earlier,
        serde_json::json!([
            {"date": "2026-02-02", "ago": "1 month", "first_line": "A month back."},
            {"date": "2025-03-02", "ago": "1 year", "first_line": "Two years back."},
        ])
    );
}

#[test]
fn insights_gives_the_looking_back_series_with_the_exact_top_level_shape() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    cli(&db)
        .args([
            "write",
            "--date",
            "2026-03-02",
            "--mood",
            "4",
            "A good day.",
        ])
        .assert()
        .success();
    cli(&db)
        .args(["write", "--date", "2026-03-09", "--mood", "2", "Harder."])
        .assert()
        .success();
    let i = json_of(
        &db,
        &["insights", "--from", "2026-03-01", "--to", "2026-03-31"],
    );
    assert_eq!(
        keys(&i),
        [
            "from",
            "helped",
            "mood_weeks",
            "moods",
            "periods",
            "to",
            "weeks",
            "written"
        ]
    );
    assert_eq!(
        i["written"],
        serde_json::json!(["2026-03-02", "2026-03-09"])
    );
    assert_eq!(
        i["mood_weeks"][0],
        serde_json::json!({"week": "2026-03-02", "average": 4.0, "days": 1})
    );
}
