//! `breathing-room-cli backup`: create, list, verify and restore, with their
//! JSON shapes and exit codes, on plain and encrypted journals.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::Path;

fn cli(db: &Path) -> Command {
    let mut c = Command::cargo_bin("breathing-room-cli").unwrap();
    c.env_remove("BREATHING_ROOM_DB")
        .env_remove("BREATHING_ROOM_PASSPHRASE")
        .env_remove("BREATHING_ROOM_NEW_PASSPHRASE")
        .arg("--db")
        .arg(db);
    c
}

fn json(c: &mut Command) -> Value {
    let out = c.arg("--json").output().unwrap();
    assert!(out.status.success(), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    k.sort_unstable();
    k
}

#[test]
fn create_list_verify_and_restore() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    cli(&db)
        .args(["write", "--date", "2026-03-01", "Before."])
        .assert()
        .success();

    let made = json(cli(&db).args(["backup", "create"]));
    assert_eq!(keys(&made), ["created_at", "pages", "path", "verified"]);
    assert_eq!(made["pages"], 1);
    assert_eq!(made["verified"], true);
    let path = made["path"].as_str().unwrap().to_string();
    assert!(path.starts_with(&dir.path().join("backups").display().to_string()));

    let listed = json(cli(&db).args(["backup", "list"]));
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0], made);

    cli(&db)
        .args(["backup", "verify", &path])
        .assert()
        .success();

    cli(&db)
        .args(["write", "--date", "2026-03-01", "After."])
        .assert()
        .success();
    let restored = json(cli(&db).args(["backup", "restore", &path]));
    assert_eq!(restored["restored"], path.as_str());
    assert_eq!(restored["previous"]["verified"], true);
    let page = json(cli(&db).args(["show", "--date", "2026-03-01"]));
    assert_eq!(page["body"], "Before.");

    // Newest first: the backup of "After." taken before the restore.
    let listed = json(cli(&db).args(["backup", "list"]));
    assert_eq!(listed.as_array().unwrap().len(), 2);
    assert_eq!(listed[0]["path"], restored["previous"]["path"]);
}

#[test]
fn a_damaged_backup_fails_verify_with_exit_1_and_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    cli(&db).args(["write", "Words."]).assert().success();
    let made = json(
        cli(&db)
            .args(["backup", "create", "--to"])
            .arg(dir.path().join("elsewhere")),
    );
    let path = made["path"].as_str().unwrap();
    fs::write(
        path,
        b"not a journal at all, just some bytes written over it",
    )
    .unwrap();
    let out = cli(&db).args(["backup", "verify", path]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("damaged") || err.contains("not a journal"),
        "{err}"
    );
    // Restoring it is refused and the journal is left as it was.
    let before = fs::read(&db).unwrap();
    cli(&db).args(["backup", "restore", path]).assert().code(1);
    assert_eq!(fs::read(&db).unwrap(), before);
}

#[test]
fn an_encrypted_journals_backup_needs_its_passphrase_to_be_checked_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    cli(&db).args(["write", "Words."]).assert().success();
    cli(&db)
        .env("BREATHING_ROOM_NEW_PASSPHRASE", "sea glass")
        .arg("encrypt")
        .assert()
        .success();
    let made = json(
        cli(&db)
            .env("BREATHING_ROOM_PASSPHRASE", "sea glass")
            .args(["backup", "create"]),
    );
    let path = made["path"].as_str().unwrap();
    cli(&db).args(["backup", "verify", path]).assert().code(3);
    cli(&db)
        .env("BREATHING_ROOM_PASSPHRASE", "sea glass")
        .args(["backup", "verify", path])
        .assert()
        .success();
}
