//! `period`, `contact`, `urge` and `status` as scripts use them.

use assert_cmd::Command;
use serde_json::{json, Value};
use std::path::Path;

fn cli(db: &Path) -> Command {
    let mut c = Command::cargo_bin("breathing-room-cli").unwrap();
    c.env_remove("BREATHING_ROOM_DB").arg("--db").arg(db);
    c
}

fn ok(db: &Path, args: &[&str]) -> Value {
    let out = cli(db).arg("--json").args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn exit_code(db: &Path, args: &[&str]) -> Option<i32> {
    cli(db).args(args).output().unwrap().status.code()
}

#[test]
fn status_follows_the_contract_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let none = ok(&db, &["status", "--as-of", "2026-01-10"]);
    assert_eq!(none["period"], Value::Null);
    assert_eq!(none["next_milestone"], Value::Null);
    assert_eq!(none["last_reset"], Value::Null);
    assert_eq!(none["current_streak_days"], 0);

    ok(
        &db,
        &[
            "period",
            "start",
            "--date",
            "2026-01-01",
            "--note",
            "I will step back.",
        ],
    );
    ok(
        &db,
        &[
            "contact",
            "add",
            "--kind",
            "pursued",
            "--date",
            "2026-01-05",
        ],
    );
    ok(
        &db,
        &[
            "contact",
            "add",
            "--kind",
            "necessary",
            "--date",
            "2026-01-06",
            "--note",
            "bills",
        ],
    );
    ok(
        &db,
        &[
            "contact",
            "add",
            "--kind",
            "they-reached-out",
            "--date",
            "2026-01-07",
        ],
    );
    ok(
        &db,
        &["urge", "add", "--date", "2026-01-08", "--intensity", "5"],
    );

    let s = ok(&db, &["status", "--as-of", "2026-01-10"]);
    assert_eq!(s["current_streak_days"], 5);
    assert_eq!(s["best_streak_days"], 5);
    assert_eq!(s["total_space_days"], 8);
    assert_eq!(s["urges_resisted"], 1);
    assert_eq!(
        s["contacts"],
        json!({"pursued": 1, "necessary": 1, "they-reached-out": 1, "upfront": 1})
    );
    assert_eq!(
        s["period"],
        json!({"start": "2026-01-01", "end": null, "days_since_start": 9})
    );
    assert_eq!(s["next_milestone"], json!({"days": 7, "in_days": 2}));
    assert_eq!(s["last_reset"], "2026-01-05");

    // On the day of the pursuit itself, and before it.
    assert_eq!(
        ok(&db, &["status", "--as-of", "2026-01-05"])["current_streak_days"],
        0
    );
    let early = ok(&db, &["status", "--as-of", "2026-01-04"]);
    assert_eq!(early["current_streak_days"], 3);
    assert_eq!(early["contacts"]["pursued"], 0);
    assert_eq!(early["urges_resisted"], 0);
}

#[test]
fn period_start_show_end_and_the_note_from_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let note = dir.path().join("note.txt");
    std::fs::write(
        &note,
        "I'm going to give you room.\nI'm okay, and here if you need me.\n",
    )
    .unwrap();
    let p = ok(
        &db,
        &[
            "period",
            "start",
            "--date",
            "2026-02-01",
            "--note-file",
            note.to_str().unwrap(),
        ],
    );
    assert_eq!(p["start"], "2026-02-01");
    assert_eq!(p["end"], Value::Null);
    assert!(p["upfront_note"]
        .as_str()
        .unwrap()
        .contains("here if you need me"));
    let contacts = ok(&db, &["contact", "list"]);
    assert_eq!(contacts[0]["kind"], "upfront");
    assert_eq!(contacts[0]["date"], "2026-02-01");
    // The note was the talk: logging it again by hand counts nothing twice.
    assert_eq!(
        exit_code(
            &db,
            &[
                "contact",
                "add",
                "--kind",
                "upfront",
                "--date",
                "2026-02-02"
            ]
        ),
        Some(2)
    );
    assert_eq!(ok(&db, &["contact", "list"]).as_array().unwrap().len(), 1);

    assert_eq!(
        exit_code(&db, &["period", "start", "--date", "2026-02-03"]),
        Some(2)
    );
    assert_eq!(
        exit_code(&db, &["period", "end", "--date", "2026-01-30"]),
        Some(2)
    );
    let ended = ok(
        &db,
        &[
            "period",
            "end",
            "--date",
            "2026-02-20",
            "--outcome",
            "We had a calm talk.",
        ],
    );
    assert_eq!(ended["end"], "2026-02-20");
    assert_eq!(ended["outcome"], "We had a calm talk.");
    assert_eq!(ok(&db, &["period", "show"])["end"], "2026-02-20");
    let frozen = ok(&db, &["status", "--as-of", "2026-03-30"]);
    assert_eq!(frozen["current_streak_days"], 19);
    assert_eq!(frozen["next_milestone"], Value::Null);
    assert_eq!(
        exit_code(&db, &["period", "end"]),
        Some(2),
        "nothing open to end"
    );
}

#[test]
fn bad_events_exit_2_and_store_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    ok(&db, &["period", "start", "--date", "2026-01-10"]);
    for args in [
        &["contact", "add", "--kind", "texted"][..],
        &[
            "contact",
            "add",
            "--kind",
            "pursued",
            "--date",
            "2026-01-09",
        ],
        &[
            "contact",
            "add",
            "--kind",
            "pursued",
            "--date",
            "2999-01-01",
        ],
        &[
            "contact",
            "add",
            "--kind",
            "pursued",
            "--at",
            "yesterday evening",
        ],
        &[
            "contact",
            "add",
            "--kind",
            "pursued",
            "--at",
            "2999-01-01T10:00:00Z",
        ],
        &["urge", "add", "--intensity", "0"],
        &["urge", "add", "--intensity", "6"],
        &["urge", "add", "--date", "2026-02-30"],
        &["status", "--as-of", "someday"],
    ] {
        let out = cli(&db).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            String::from_utf8(out.stderr)
                .unwrap()
                .trim_end()
                .lines()
                .count(),
            1,
            "{args:?}"
        );
    }
    assert_eq!(ok(&db, &["contact", "list"]), json!([]));
    assert_eq!(ok(&db, &["status"])["urges_resisted"], 0);
}

#[test]
fn an_instant_keeps_the_day_of_its_own_offset_and_tz_sets_today() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    ok(&db, &["period", "start", "--date", "2026-01-01"]);
    // 23:30 in New York is already the next day in UTC and in Berlin.
    let c = ok(
        &db,
        &[
            "contact",
            "add",
            "--kind",
            "pursued",
            "--at",
            "2026-01-05T23:30:00-05:00",
        ],
    );
    assert_eq!(c["date"], "2026-01-05");
    for tz in ["America/New_York", "Europe/Berlin", "Asia/Tokyo"] {
        let out = cli(&db)
            .env("TZ", tz)
            .args(["--json", "status", "--as-of", "2026-01-10"])
            .output()
            .unwrap();
        let s: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(s["last_reset"], "2026-01-05", "read in {tz}");
        assert_eq!(s["current_streak_days"], 5, "read in {tz}");
    }

    // Without --date, an urge lands on today as the TZ variable sees it.
    let day_in = |tz: &str| {
        let out = cli(&db)
            .env("TZ", tz)
            .args(["--json", "urge", "add"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        let u: Value = serde_json::from_slice(&out.stdout).unwrap();
        let shown = cli(&db)
            .env("TZ", tz)
            .args(["--json", "show"])
            .output()
            .unwrap();
        let today: Value = serde_json::from_slice(&shown.stdout).unwrap();
        assert_eq!(u["date"], today["date"], "in {tz}");
        journal_core::parse_date(u["date"].as_str().unwrap()).unwrap()
    };
    assert!(day_in("Etc/GMT-14") > day_in("Etc/GMT+12"));
}

#[test]
fn contacts_and_urges_can_be_corrected_and_taken_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    ok(&db, &["period", "start", "--date", "2026-01-01"]);
    let c = ok(
        &db,
        &[
            "contact",
            "add",
            "--kind",
            "pursued",
            "--date",
            "2026-01-05",
        ],
    );
    let id = c["id"].as_i64().unwrap().to_string();
    assert_eq!(
        ok(&db, &["status", "--as-of", "2026-01-10"])["current_streak_days"],
        5
    );

    // The mis-click taken back: the count recomputes; the list leaves it out.
    let removed = ok(&db, &["contact", "remove", &id]);
    assert!(removed["removed_at"].is_string());
    assert_eq!(
        ok(&db, &["status", "--as-of", "2026-01-10"])["current_streak_days"],
        9
    );
    assert_eq!(ok(&db, &["contact", "list"]), json!([]));
    let all = ok(&db, &["contact", "list", "--all"]);
    assert_eq!(all[0]["id"].as_i64().unwrap().to_string(), id);
    assert!(all[0]["removed_at"].is_string());

    let n = ok(
        &db,
        &[
            "contact",
            "add",
            "--kind",
            "pursued",
            "--date",
            "2026-01-06",
            "--note",
            "x",
        ],
    );
    let n_id = n["id"].as_i64().unwrap().to_string();
    let edited = ok(
        &db,
        &[
            "contact",
            "edit",
            &n_id,
            "--kind",
            "necessary",
            "--note",
            "school forms",
        ],
    );
    assert_eq!(edited["kind"], "necessary");
    assert_eq!(edited["note"], "school forms");
    assert_eq!(edited["date"], "2026-01-06");
    let listed = ok(&db, &["contact", "list"]);
    let mut k: Vec<&str> = listed[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    k.sort_unstable();
    assert_eq!(
        k,
        ["at", "date", "id", "kind", "note"],
        "no removed_at while it stands"
    );

    let u = ok(
        &db,
        &["urge", "add", "--date", "2026-01-07", "--intensity", "2"],
    );
    let u_id = u["id"].as_i64().unwrap().to_string();
    let ue = ok(
        &db,
        &[
            "urge",
            "edit",
            &u_id,
            "--intensity",
            "4",
            "--date",
            "2026-01-08",
        ],
    );
    assert_eq!(
        (ue["intensity"].as_i64(), ue["date"].as_str()),
        (Some(4), Some("2026-01-08"))
    );
    assert_eq!(ok(&db, &["urge", "list"]).as_array().unwrap().len(), 1);
    ok(&db, &["urge", "remove", &u_id]);
    assert_eq!(ok(&db, &["urge", "list"]), json!([]));
    assert_eq!(
        ok(&db, &["urge", "list", "--all"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        ok(&db, &["status", "--as-of", "2026-01-10"])["urges_resisted"],
        0
    );

    assert_eq!(
        exit_code(&db, &["contact", "edit", "999", "--kind", "necessary"]),
        Some(2)
    );
    assert_eq!(
        exit_code(&db, &["contact", "edit", &n_id, "--kind", "hugged"]),
        Some(2)
    );
    assert_eq!(
        exit_code(&db, &["urge", "edit", &u_id, "--intensity", "3"]),
        Some(2)
    );
}
