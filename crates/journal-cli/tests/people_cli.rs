//! `people` and `unsent` as scripts use them: the exact JSON fields, the
//! time with people in `status`, and exit 2 for what cannot be saved.

use assert_cmd::Command;
use serde_json::{json, Value};
use std::path::Path;

fn cli(db: &Path) -> Command {
    let mut c = Command::cargo_bin("breathing-room-cli").unwrap();
    c.env_remove("BREATHING_ROOM_DB")
        .env("TZ", "Europe/London")
        .arg("--db")
        .arg(db);
    c
}

fn ok(db: &Path, args: &[&str]) -> Value {
    let out = cli(db).arg("--json").args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    k.sort();
    k
}

#[test]
fn people_add_and_list_follow_the_contract_and_count_in_status() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let none = ok(&db, &["status", "--as-of", "2026-03-10"]);
    assert_eq!(
        none["time_with_people"],
        serde_json::json!({"last_date": null, "days_since": null, "count_7d": 0})
    );

    let t = ok(
        &db,
        &[
            "people",
            "add",
            "--date",
            "2026-03-02",
            "--who",
            "Ana",
            "--what",
            "coffee",
            "--felt",
            "4",
        ],
    );
    assert_eq!(keys(&t), ["date", "felt", "id", "what", "who"]);
    assert_eq!(
        (&t["date"], &t["who"], &t["what"], &t["felt"]),
        (
            &Value::from("2026-03-02"),
            &Value::from("Ana"),
            &Value::from("coffee"),
            &Value::from(4)
        )
    );
    ok(
        &db,
        &[
            "people",
            "add",
            "--date",
            "2026-03-08",
            "--who",
            "my sister",
        ],
    );

    let all = ok(&db, &["people", "list"]);
    assert_eq!(all.as_array().unwrap().len(), 2);
    assert_eq!(all[1]["what"], Value::Null);
    assert_eq!(all[1]["felt"], Value::Null);
    let later = ok(&db, &["people", "list", "--from", "2026-03-05"]);
    assert_eq!(later.as_array().unwrap().len(), 1);
    assert_eq!(later[0]["who"], "my sister");
    let earlier = ok(&db, &["people", "list", "--to", "2026-03-05"]);
    assert_eq!(earlier[0]["who"], "Ana");

    let s = ok(&db, &["status", "--as-of", "2026-03-10"]);
    assert_eq!(
        s["time_with_people"],
        serde_json::json!({"last_date": "2026-03-08", "days_since": 2, "count_7d": 1})
    );

    for bad in [
        &["people", "add", "--who", "Ana", "--felt", "9"][..],
        &["people", "add", "--who", "  "],
        &["people", "add", "--who", "Ana", "--date", "soon"],
    ] {
        let code = cli(&db).args(bad).output().unwrap().status.code();
        assert_eq!(code, Some(2), "{bad:?}");
    }
    assert_eq!(ok(&db, &["people", "list"]).as_array().unwrap().len(), 2);
}

#[test]
fn unsent_add_list_and_show_follow_the_contract_and_count_as_urges_held() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    ok(&db, &["period", "start", "--date", "2026-03-01"]);
    let m = ok(
        &db,
        &[
            "unsent",
            "add",
            "--date",
            "2026-03-04",
            "I miss you. Call me?",
        ],
    );
    assert_eq!(keys(&m), ["body", "date", "id", "outcome"]);
    assert_eq!(m["outcome"], "kept");
    assert_eq!(m["body"], "I miss you. Call me?");

    let out = cli(&db)
        .args(["--json", "unsent", "add", "--date", "2026-03-05", "-"])
        .write_stdin("Line one.\nLine two.\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let second: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(second["body"], "Line one.\nLine two.");

    let list = ok(&db, &["unsent", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_eq!(list[0], m);
    let id = second["id"].as_i64().unwrap().to_string();
    assert_eq!(ok(&db, &["unsent", "show", &id]), second);

    let s = ok(&db, &["status", "--as-of", "2026-03-06"]);
    assert_eq!(s["urges_resisted"], 2, "each kept message is an urge held");
    assert_eq!(s["current_streak_days"], 5, "nothing was sent");

    assert_eq!(
        cli(&db)
            .args(["unsent", "add", " "])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        cli(&db)
            .args(["unsent", "show", "99"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn review_gives_the_weeks_figures_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    ok(&db, &["period", "start", "--date", "2026-03-05"]);
    ok(
        &db,
        &["write", "--date", "2026-03-06", "--mood", "4", "A walk."],
    );
    ok(&db, &["urge", "add", "--date", "2026-03-06"]);
    ok(
        &db,
        &["people", "add", "--date", "2026-03-07", "--who", "Ana"],
    );
    ok(
        &db,
        &["unsent", "add", "--date", "2026-03-07", "Kept here."],
    );
    // 4 March 2026 is a Wednesday: the week of Monday 2nd to Sunday 8th.
    let w = ok(&db, &["review", "--week-of", "2026-03-04"]);
    assert_eq!(
        keys(&w),
        [
            "answered_on",
            "contacts",
            "days_of_space",
            "days_written",
            "from",
            "helped",
            "moods",
            "time_with_people",
            "to",
            "unsent_kept",
            "urges_held"
        ]
    );
    assert_eq!(
        (&w["from"], &w["to"]),
        (&json!("2026-03-02"), &json!("2026-03-08"))
    );
    assert_eq!(w["days_written"], 1);
    assert_eq!(w["days_of_space"], 4);
    assert_eq!(w["urges_held"], 2);
    assert_eq!(w["unsent_kept"], 1);
    assert_eq!(w["moods"], json!([{ "date": "2026-03-06", "mood": 4 }]));
    assert_eq!(w["time_with_people"][0]["who"], "Ana");
    assert_eq!(w["answered_on"], Value::Null);

    ok(&db, &["settings", "set", "review.day", "wed"]);
    let w = ok(&db, &["review", "--week-of", "2026-03-04"]);
    assert_eq!(
        (&w["from"], &w["to"]),
        (&json!("2026-02-26"), &json!("2026-03-04"))
    );
    assert_eq!(
        cli(&db)
            .args(["review", "--week-of", "soon"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}
