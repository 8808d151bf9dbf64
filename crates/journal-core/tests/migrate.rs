//! Opening a journal written by an earlier version: it is copied aside first,
//! then brought up to date with nothing lost.

use rusqlite::Connection;
use std::os::unix::fs::PermissionsExt;

const V1: &str = include_str!("../migrations/01-pages/up.sql");

#[test]
fn an_older_journal_is_backed_up_then_migrated_with_its_pages() {
    const { assert!(journal_core::SCHEMA_VERSION >= 2) };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(V1).unwrap();
        conn.execute(
            "INSERT INTO page(date, body, mood, words, created_at, updated_at)
             VALUES ('2026-05-01', 'written by version one', 3, 4, 'x', 'x')",
            [],
        )
        .unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
    }

    let store = journal_core::Store::open(&path).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        journal_core::SCHEMA_VERSION
    );
    let day = journal_core::parse_date("2026-05-01").unwrap();
    assert_eq!(store.page(day).unwrap().body, "written by version one");

    let bak = dir.path().join(format!(
        "journal.db.before-v{}.bak",
        journal_core::SCHEMA_VERSION
    ));
    let mode = std::fs::metadata(&bak).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the backup is readable by its owner only");
    let old = Connection::open(&bak).unwrap();
    let v: i64 = old
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, 1, "the backup is the journal as it was before");
    let body: String = old
        .query_row("SELECT body FROM page WHERE date = '2026-05-01'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(body, "written by version one");
}

#[test]
fn a_new_or_current_journal_makes_no_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    drop(journal_core::Store::open(&path).unwrap());
    drop(journal_core::Store::open(&path).unwrap());
    let baks: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".bak"))
        .collect();
    assert!(baks.is_empty());
}
