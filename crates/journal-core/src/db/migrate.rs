//! The schema: numbered SQL folders under `migrations/` (`NN-name/up.sql`),
//! embedded at build time, run in order under one exclusive lock. A step
//! SQL cannot take (text worked out in Rust) follows its file in [`after`].

use super::open::APPLICATION_ID;
use crate::error::Result;
use include_dir::{include_dir, Dir};
use rusqlite::{params, Connection, Transaction, TransactionBehavior};

static MIGRATIONS_DIR: Dir = include_dir!("$CARGO_MANIFEST_DIR/migrations");

/// The schema version this build writes (the number of migrations).
pub const SCHEMA_VERSION: i64 = 11;

/// Every migration's SQL, oldest first: the folder `NN-…` holds version NN.
fn migrations() -> Vec<(i64, &'static str)> {
    let mut found: Vec<(i64, &'static str)> = MIGRATIONS_DIR
        .dirs()
        .map(|d| {
            let name = d.path().to_string_lossy();
            let n = name
                .split('-')
                .next()
                .and_then(|n| n.parse().ok())
                .expect("a migration folder starts with its number");
            let sql = d
                .get_file(d.path().join("up.sql"))
                .and_then(|f| f.contents_utf8())
                .expect("a migration folder holds up.sql");
            (n, sql)
        })
        .collect();
    found.sort_by_key(|m| m.0);
    found
}

/// Bring the schema up to [`SCHEMA_VERSION`] and mark the file as ours.
///
/// Runs in one exclusive transaction that reads the version again inside
/// it: when two processes open a new or old journal at the same moment, the
/// second waits for the first (up to the busy timeout) and then finds
/// nothing left to do. Either every migration lands, or none does.
pub(super) fn to_latest(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
    let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let id: i32 = tx.pragma_query_value(None, "application_id", |r| r.get(0))?;
    if version >= SCHEMA_VERSION && id == APPLICATION_ID {
        return Ok(());
    }
    for (n, sql) in migrations() {
        if n > version {
            tx.execute_batch(sql)?;
            after(n, &tx)?;
        }
    }
    if version < SCHEMA_VERSION {
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.commit()?;
    Ok(())
}

/// What migration `n` needs done in Rust once its SQL has run.
fn after(n: i64, tx: &Transaction) -> Result<()> {
    if n == 11 {
        // The first line of every page saved before it was kept.
        let mut read = tx.prepare("SELECT rowid, body FROM page WHERE first_line IS NULL")?;
        let mut write = tx.prepare("UPDATE page SET first_line = ?2 WHERE rowid = ?1")?;
        let rows = read.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (id, body) = row?;
            write.execute(params![id, crate::pages::first_line(&body)])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_version_matches_the_migration_files() {
        let all = migrations();
        assert_eq!(all.len() as i64, SCHEMA_VERSION);
        let numbers: Vec<i64> = all.iter().map(|m| m.0).collect();
        assert_eq!(numbers, (1..=SCHEMA_VERSION).collect::<Vec<_>>());
    }

    #[test]
    fn pages_written_before_version_11_get_their_first_line() {
        let mut conn = Connection::open_in_memory().unwrap();
        for (_, sql) in migrations().into_iter().take_while(|m| m.0 <= 10) {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 10).unwrap();
        conn.execute(
            "INSERT INTO page(date, body, words, created_at, updated_at, written)
             VALUES ('2026-05-01', '\n\n  A slow Sunday.\nTea.', 4, 'x', 'x', 1),
                    ('2026-05-02', '', 0, 'x', 'x', 0)",
            [],
        )
        .unwrap();
        to_latest(&mut conn).unwrap();
        let lines: Vec<Option<String>> = conn
            .prepare("SELECT first_line FROM page ORDER BY date")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<std::result::Result<_, _>>()
            .unwrap();
        assert_eq!(lines, [Some("A slow Sunday.".into()), Some(String::new())]);
    }

    #[test]
    fn migrating_twice_changes_nothing_the_second_time() {
        let mut conn = Connection::open_in_memory().unwrap();
        to_latest(&mut conn).unwrap();
        to_latest(&mut conn).unwrap();
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, SCHEMA_VERSION);
    }
}
