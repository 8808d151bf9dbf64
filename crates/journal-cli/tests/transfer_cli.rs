//! `export` and `import` as scripts use them: the exact JSON of the
//! summary, exit 2 for a file that is not an export (nothing written), a
//! private file for `--out`, and a round trip after which every reading
//! command answers the same.

use assert_cmd::Command;
use serde_json::Value;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

fn cli(db: &Path) -> Command {
    let mut c = Command::cargo_bin("breathing-room-cli").unwrap();
    c.env_remove("BREATHING_ROOM_DB")
        .env("TZ", "Europe/London")
        .arg("--db")
        .arg(db);
    c
}

fn run(db: &Path, args: &[&str]) -> String {
    let out = cli(db).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

fn json(db: &Path, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    serde_json::from_str(&run(db, &all)).unwrap()
}

#[test]
fn exported_and_imported_every_reading_command_answers_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.db");
    run(
        &a,
        &[
            "write",
            "--date",
            "2026-10-30",
            "--mood",
            "2",
            "A long day.",
        ],
    );
    run(
        &a,
        &[
            "write",
            "--date",
            "2026-10-30",
            "Rewritten: a long, quiet day.",
        ],
    );
    run(
        &a,
        &[
            "period",
            "start",
            "--date",
            "2026-11-01",
            "--note",
            "Said I would step back.",
        ],
    );
    run(
        &a,
        &[
            "contact",
            "add",
            "--kind",
            "necessary",
            "--date",
            "2026-11-03",
            "--note",
            "the car",
        ],
    );
    run(
        &a,
        &["urge", "add", "--date", "2026-11-04", "--intensity", "4"],
    );
    run(
        &a,
        &[
            "write",
            "--date",
            "2026-11-04",
            "Did not call. Walked instead.",
        ],
    );
    run(&a, &["settings", "set", "daily.time", "21:40"]);

    // To stdout, and to a private file (said to be unencrypted).
    let out = run(&a, &["export", "--format", "json"]);
    let exported: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(exported["format"], "breathing-room");
    assert_eq!(exported["version"], 1);
    let file = dir.path().join("journal.json");
    let written = cli(&a)
        .args(["export", "--format", "json", "--out"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(written.status.success());
    assert!(String::from_utf8_lossy(&written.stderr).contains("not encrypted"));
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );

    let b = dir.path().join("b.db");
    let summary = json(&b, &["import", "--format", "json", file.to_str().unwrap()]);
    assert_eq!(
        summary,
        serde_json::json!({"added": 2, "merged": 0, "unchanged": 0, "skipped": 0, "media_skipped": 0, "warnings": []})
    );
    for read in [
        vec!["list"],
        vec!["show", "--date", "2026-10-30"],
        vec!["show", "--date", "2026-11-04"],
        vec!["status", "--as-of", "2026-11-05"],
        vec!["contact", "list", "--all"],
        vec!["urge", "list", "--all"],
        vec!["history"],
        vec!["settings", "get"],
        vec!["period", "show"],
    ] {
        assert_eq!(json(&a, &read), json(&b, &read), "{read:?}");
    }

    // The same file again changes nothing.
    let again = json(&b, &["import", "--format", "json", file.to_str().unwrap()]);
    assert_eq!(again["added"], 0);
    assert_eq!(again["unchanged"], 2);
}

#[test]
fn a_file_that_is_not_an_export_exits_2_and_a_dry_run_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let foreign = dir.path().join("entries.json");
    std::fs::write(
        &foreign,
        r#"{"metadata": {"version": "1.0"}, "entries": []}"#,
    )
    .unwrap();
    let out = cli(&db)
        .args(["import", "--format", "json"])
        .arg(&foreign)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a Breathing Room export"));

    let source = dir.path().join("s.db");
    run(
        &source,
        &["write", "--date", "2026-11-04", "Kept elsewhere."],
    );
    let file = dir.path().join("e.json");
    std::fs::write(&file, run(&source, &["export", "--format", "json"])).unwrap();
    let dry = json(
        &db,
        &[
            "import",
            "--format",
            "json",
            "--dry-run",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(dry["added"], 1);
    assert_eq!(json(&db, &["list"]), serde_json::json!([]));
}

#[test]
fn markdown_goes_into_a_new_folder_and_needs_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    run(
        &db,
        &[
            "write",
            "--date",
            "2026-11-04",
            "--mood",
            "3",
            "Did not call.",
        ],
    );
    let out = cli(&db)
        .args(["export", "--format", "markdown"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs --out"));
    let folder = dir.path().join("md");
    let done = json(
        &db,
        &[
            "export",
            "--format",
            "markdown",
            "--out",
            folder.to_str().unwrap(),
        ],
    );
    assert_eq!(done["pages"], 1);
    assert_eq!(
        std::fs::read_to_string(folder.join("2026/11/2026-11-04.md")).unwrap(),
        "---\ndate: 2026-11-04\nmood: 3\n---\n\nDid not call.\n"
    );
}

#[test]
fn a_jrnl_file_comes_in_a_page_a_day() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let file = dir.path().join("journal.txt");
    std::fs::write(
        &file,
        "[2024-02-29 11:30:00 PM] Late.\nCould not sleep.\n\n[2024-02-29 09:01:00 AM] Early. *\n",
    )
    .unwrap();
    let s = json(&db, &["import", "--format", "jrnl", file.to_str().unwrap()]);
    assert_eq!(
        s,
        serde_json::json!({"added": 1, "merged": 0, "unchanged": 0, "skipped": 0, "media_skipped": 0, "warnings": []})
    );
    assert_eq!(
        json(&db, &["show", "--date", "2024-02-29"])["body"],
        "09:01 \u{2605} Early.\n\n23:30 Late.\nCould not sleep."
    );
    std::fs::write(&file, [0xff, 0xfe, 0x00]).unwrap();
    let out = cli(&db)
        .args(["import", "--format", "jrnl"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_encrypted_export_takes_its_own_passphrase_and_a_wrong_one_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.db");
    run(
        &a,
        &["write", "--date", "2026-11-04", "Did not call. Marigold."],
    );
    let file = dir.path().join("journal.age");
    let out = cli(&a)
        .env("BREATHING_ROOM_EXPORT_PASSPHRASE", "a walk by the lake")
        .args(["export", "--format", "age", "--out"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let sealed = std::fs::read(&file).unwrap();
    assert!(sealed.starts_with(b"age-encryption.org/v1"));
    assert!(!sealed.windows(8).any(|w| w == b"Marigold"));
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );

    let b = dir.path().join("b.db");
    // No passphrase and no terminal: exit 3, nothing written.
    let out = cli(&b)
        .env_remove("BREATHING_ROOM_EXPORT_PASSPHRASE")
        .args(["import", "--format", "age"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let wrong = dir.path().join("wrong.txt");
    std::fs::write(&wrong, "a walk by the sea\n").unwrap();
    let out = cli(&b)
        .args(["import", "--format", "age", "--export-passphrase-file"])
        .arg(&wrong)
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{out:?}");
    assert_eq!(json(&b, &["list"]), serde_json::json!([]));

    let right = dir.path().join("right.txt");
    std::fs::write(&right, "a walk by the lake\n").unwrap();
    let out = cli(&b)
        .args([
            "--json",
            "import",
            "--format",
            "age",
            "--export-passphrase-file",
        ])
        .arg(&right)
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        json(&b, &["show", "--date", "2026-11-04"])["body"],
        "Did not call. Marigold."
    );
}
