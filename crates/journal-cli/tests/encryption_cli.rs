//! The CLI on an encrypted journal: `encrypt`, `rekey` and `decrypt`, where
//! the passphrase comes from (a file's first line, then the environment,
//! never an argument), exit 3 with one line and nothing written when it is
//! missing or wrong, and every other command giving the same output as on a
//! plain journal.

use assert_cmd::Command;
use serde_json::{json, Value};
use std::fs;
use std::path::{Path, PathBuf};

fn cli(db: &Path) -> Command {
    let mut c = Command::cargo_bin("breathing-room-cli").unwrap();
    c.env_remove("BREATHING_ROOM_DB")
        .env_remove("BREATHING_ROOM_PASSPHRASE")
        .env_remove("BREATHING_ROOM_NEW_PASSPHRASE")
        .env("TZ", "UTC")
        .arg("--db")
        .arg(db);
    c
}

fn secret_file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, text).unwrap();
    p
}

fn encrypt(db: &Path, passphrase: &str) {
    let dir = db.parent().unwrap();
    let f = secret_file(
        dir,
        "new.txt",
        &format!("{passphrase}\nignored second line\n"),
    );
    let out = cli(db)
        .args(["--json", "encrypt", "--new-passphrase-file"])
        .arg(&f)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v,
        json!({"path": db.display().to_string(), "encrypted": true})
    );
}

/// Exit 3, exactly one line on stderr, nothing on stdout.
fn assert_refused(out: &std::process::Output) -> String {
    assert_eq!(out.status.code(), Some(3), "{out:?}");
    assert!(out.stdout.is_empty(), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    err
}

#[test]
fn a_missing_or_wrong_passphrase_exits_3_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    cli(&db)
        .args(["write", "--date", "2026-03-01", "The harbour at noon."])
        .assert()
        .success();
    encrypt(&db, "sea glass");
    let before = fs::read(&db).unwrap();

    let out = cli(&db)
        .args(["show", "--date", "2026-03-01"])
        .output()
        .unwrap();
    let err = assert_refused(&out);
    assert!(err.contains("passphrase"), "{err}");

    let out = cli(&db)
        .env("BREATHING_ROOM_PASSPHRASE", "sea glas")
        .args(["write", "--date", "2026-03-02", "Should never land."])
        .output()
        .unwrap();
    let err = assert_refused(&out);
    assert!(err.contains("does not open"), "{err}");

    let wrong = secret_file(dir.path(), "wrong.txt", "tide pool\n");
    let out = cli(&db)
        .arg("--passphrase-file")
        .arg(&wrong)
        .args(["urge", "add", "--date", "2026-03-02"])
        .output()
        .unwrap();
    assert_refused(&out);

    let out = cli(&db)
        .arg("--passphrase-file")
        .arg(dir.path().join("no-such-file"))
        .args(["list"])
        .output()
        .unwrap();
    assert_refused(&out);

    let empty = secret_file(dir.path(), "empty.txt", "\n");
    let out = cli(&db)
        .arg("--passphrase-file")
        .arg(&empty)
        .args(["list"])
        .output()
        .unwrap();
    assert_refused(&out);

    assert_eq!(fs::read(&db).unwrap(), before, "nothing was written");
}

#[test]
fn the_passphrase_file_comes_before_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    cli(&db)
        .args(["write", "--date", "2026-03-01", "The harbour at noon."])
        .assert()
        .success();
    encrypt(&db, "sea glass");
    let right = secret_file(dir.path(), "right.txt", "sea glass\r\n");
    let out = cli(&db)
        .env("BREATHING_ROOM_PASSPHRASE", "not this one")
        .arg("--passphrase-file")
        .arg(&right)
        .args(["--json", "show", "--date", "2026-03-01"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["body"], "The harbour at noon.");
}

#[test]
fn every_command_gives_the_same_output_on_an_encrypted_journal() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.db");
    let locked = dir.path().join("locked.db");
    encrypt(&locked, "sea glass");
    let steps: &[&[&str]] = &[
        &[
            "write",
            "--date",
            "2026-03-01",
            "--mood",
            "4",
            "Walked to the lighthouse.",
        ],
        &["write", "--date", "2026-03-01", "--append", "Then tea."],
        &["write", "--date", "2026-03-02", "Quiet day."],
        &["show", "--date", "2026-03-01"],
        &["list"],
        &["search", "lighthouse"],
        &[
            "period",
            "start",
            "--date",
            "2026-03-01",
            "--note",
            "I will give you room.",
        ],
        &[
            "contact",
            "add",
            "--kind",
            "necessary",
            "--date",
            "2026-03-02",
            "--note",
            "school",
        ],
        &["contact", "list"],
        &["urge", "add", "--date", "2026-03-02", "--intensity", "3"],
        &["urge", "list"],
        &["status", "--as-of", "2026-03-03"],
        &["settings", "get"],
        &["settings", "set", "daily.time", "20:30"],
        &["guidance", "--date", "2026-03-01"],
        &["history", "--date", "2026-03-01"],
    ];
    for step in steps {
        let a = cli(&plain).arg("--json").args(*step).output().unwrap();
        let b = cli(&locked)
            .env("BREATHING_ROOM_PASSPHRASE", "sea glass")
            .arg("--json")
            .args(*step)
            .output()
            .unwrap();
        assert!(a.status.success(), "{step:?}: {a:?}");
        assert_eq!(a.status.code(), b.status.code(), "{step:?}");
        let mut va: Value = serde_json::from_slice(&a.stdout).unwrap();
        let mut vb: Value = serde_json::from_slice(&b.stdout).unwrap();
        // Moments of writing differ between the two runs by a few ms.
        for v in [&mut va, &mut vb] {
            scrub_times(v);
        }
        assert_eq!(va, vb, "{step:?}");
    }
    let raw = fs::read(&locked).unwrap();
    assert!(!raw.windows(10).any(|w| w == b"lighthouse"));
}

fn scrub_times(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for (k, x) in map.iter_mut() {
                if k.ends_with("_at") || k == "at" {
                    *x = Value::Null;
                } else {
                    scrub_times(x);
                }
            }
        }
        Value::Array(xs) => xs.iter_mut().for_each(scrub_times),
        _ => {}
    }
}

#[test]
fn rekey_then_decrypt() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    cli(&db)
        .args(["write", "--date", "2026-03-01", "The harbour at noon."])
        .assert()
        .success();
    encrypt(&db, "sea glass");

    // Missing new passphrase: exit 3, nothing changed.
    let before = fs::read(&db).unwrap();
    let out = cli(&db)
        .env("BREATHING_ROOM_PASSPHRASE", "sea glass")
        .arg("rekey")
        .output()
        .unwrap();
    assert_refused(&out);
    assert_eq!(fs::read(&db).unwrap(), before);

    cli(&db)
        .env("BREATHING_ROOM_PASSPHRASE", "sea glass")
        .env("BREATHING_ROOM_NEW_PASSPHRASE", "tide pool")
        .arg("rekey")
        .assert()
        .success();
    let out = cli(&db)
        .env("BREATHING_ROOM_PASSPHRASE", "sea glass")
        .args(["show", "--date", "2026-03-01"])
        .output()
        .unwrap();
    assert_refused(&out);

    let out = cli(&db)
        .env("BREATHING_ROOM_PASSPHRASE", "tide pool")
        .args(["--json", "decrypt"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["encrypted"], false);
    let out = cli(&db)
        .args(["--json", "show", "--date", "2026-03-01"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["body"], "The harbour at noon.");
}

#[test]
fn encrypting_twice_or_decrypting_a_plain_journal_is_refused_as_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    cli(&db).args(["write", "Plain words."]).assert().success();
    cli(&db)
        .env("BREATHING_ROOM_PASSPHRASE", "x")
        .arg("decrypt")
        .assert()
        .code(2);
    encrypt(&db, "sea glass");
    cli(&db)
        .env("BREATHING_ROOM_NEW_PASSPHRASE", "again")
        .arg("encrypt")
        .assert()
        .code(2);
}
