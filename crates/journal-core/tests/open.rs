//! Opening a journal file: private permissions, the schema version, refusing
//! files it must not touch (newer or damaged) without changing a byte, and
//! keeping what was saved across a reopen or a killed process.
//! Also: the copy kept aside before an older journal is migrated.

use chrono::NaiveDate;
use journal_core::{FixedClock, Store, APPLICATION_ID, SCHEMA_VERSION};
use rstest::rstest;
use rusqlite::{Connection, OpenFlags};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn clock() -> FixedClock {
    FixedClock::at_utc("2027-03-14T09:30:00Z")
}

fn mode(p: &Path) -> u32 {
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// Every file in `dir` other than `keep`, sorted: the side files SQLite or
/// the store may have left next to the journal.
fn others_in(dir: &Path, keep: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p != keep)
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn side(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// A small deterministic generator for garbage bytes and text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| (self.next() >> 32) as u8).collect()
    }
}

/// A real journal of `pages` days of text, closed cleanly.
fn write_journal(path: &Path, pages: u32) {
    let mut store = Store::open(path).unwrap();
    let start = day("2020-01-01");
    let mut rng = Rng(0x5eed);
    for i in 0..pages {
        let words: Vec<String> = (0..250)
            .map(|_| format!("word{}", rng.next() % 5000))
            .collect();
        let body = format!("Day {i}.\n{}", words.join(" "));
        store
            .save_page(
                start + chrono::Days::new(u64::from(i)),
                &body,
                Some(3),
                &clock(),
            )
            .unwrap();
    }
    drop(store);
    assert!(
        !side(path, "-wal").exists(),
        "a clean close checkpoints and removes the WAL"
    );
}

#[test]
fn open_creates_private_folders_and_file_at_the_current_schema_in_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a/b/c/journal.db");

    let mut store = Store::open(&path).unwrap();

    for folder in ["a", "a/b", "a/b/c"] {
        assert_eq!(mode(&dir.path().join(folder)), 0o700, "{folder}");
    }
    assert_eq!(mode(&path), 0o600);
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(store.path(), Some(path.as_path()));

    // The WAL and shared-memory files hold page text too: private as well.
    store
        .save_page(day("2027-03-14"), "private words", None, &clock())
        .unwrap();
    for suffix in ["-wal", "-shm"] {
        let p = side(&path, suffix);
        assert!(p.exists(), "{suffix} exists while the store is open");
        assert_eq!(mode(&p), 0o600, "{suffix}");
    }

    // What another program (the CLI, sqlite3) sees on disk.
    let other = Connection::open(&path).unwrap();
    let journal_mode: String = other
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(journal_mode.to_lowercase(), "wal");
    let version: i64 = other
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
}

#[test]
fn reopening_an_existing_journal_tightens_loose_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    drop(Store::open(&path).unwrap());
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();

    let store = Store::open(&path).unwrap();

    assert_eq!(mode(&path), 0o600);
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
}

/// A journal as a newer app version would leave it: our schema, with a
/// higher `user_version`, in the given journal mode.
fn make_newer_journal(path: &Path, journal_mode: &str) {
    let mut store = Store::open(path).unwrap();
    store
        .save_page(
            day("2027-03-14"),
            "written by the future",
            Some(4),
            &clock(),
        )
        .unwrap();
    drop(store);
    let conn = Connection::open(path).unwrap();
    let set: String = conn
        .pragma_update_and_check(None, "journal_mode", journal_mode, |r| r.get(0))
        .unwrap();
    assert_eq!(set, journal_mode);
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 5)
        .unwrap();
    conn.close().unwrap();
    // Only the file itself: the mark of our last clean close no longer
    // names it anyway (the file changed).
    fs::remove_file(side(path, "-closed")).unwrap();
}

#[rstest]
#[case::wal("wal")]
#[case::rollback_journal("delete")]
fn a_journal_from_a_newer_version_is_refused_and_left_exactly_as_it_was(
    #[case] journal_mode: &str,
) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    make_newer_journal(&path, journal_mode);
    // Loose permissions must not be "fixed" on a file we refuse.
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    let before = fs::read(&path).unwrap();
    assert_eq!(others_in(dir.path(), &path), Vec::<String>::new());

    let err = Store::open(&path).unwrap_err();

    assert_eq!(err.code(), "newer_schema", "{err}");
    let msg = err.user_message();
    assert!(msg.contains("newer version"), "{msg}");
    assert!(msg.contains("please update the app"), "{msg}");
    assert!(msg.contains("not changed"), "{msg}");
    assert!(
        fs::read(&path).unwrap() == before,
        "the file's bytes changed"
    );
    assert_eq!(mode(&path), 0o644, "the file's permissions changed");
    assert_eq!(
        others_in(dir.path(), &path),
        Vec::<String>::new(),
        "side files were left next to a journal we refused"
    );
}

enum Damage {
    Garbage,
    MiddlePagesOverwritten,
    TruncatedToHalf,
}

#[rstest]
#[case::random_garbage_file(Damage::Garbage)]
#[case::middle_pages_overwritten(Damage::MiddlePagesOverwritten)]
#[case::truncated_to_half(Damage::TruncatedToHalf)]
fn a_damaged_file_is_refused_and_left_exactly_as_it_was(#[case] damage: Damage) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    let mut rng = Rng(0xdead_beef);
    match damage {
        Damage::Garbage => fs::write(&path, rng.bytes(64 * 1024)).unwrap(),
        Damage::MiddlePagesOverwritten => {
            write_journal(&path, 300);
            let mut bytes = fs::read(&path).unwrap();
            let page_size = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
            let pages = bytes.len() / page_size;
            assert!(pages >= 50, "only {pages} pages; make the journal bigger");
            for p in [pages / 3, pages / 2, pages / 2 + 1, 2 * pages / 3] {
                let garbage = rng.bytes(page_size);
                bytes[p * page_size..(p + 1) * page_size].copy_from_slice(&garbage);
            }
            fs::write(&path, bytes).unwrap();
        }
        Damage::TruncatedToHalf => {
            write_journal(&path, 300);
            let bytes = fs::read(&path).unwrap();
            fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
        }
    }
    let before = fs::read(&path).unwrap();
    let mode_before = mode(&path);

    let err = Store::open(&path).unwrap_err();

    assert_eq!(err.code(), "damaged", "{err}");
    let msg = err.user_message();
    assert!(msg.contains("damaged"), "{msg}");
    assert!(msg.contains("left exactly as it was"), "{msg}");
    assert!(msg.contains("backup"), "{msg}");
    assert!(
        fs::read(&path).unwrap() == before,
        "the file's bytes changed"
    );
    assert_eq!(mode(&path), mode_before);
    assert_eq!(
        others_in(dir.path(), &path),
        Vec::<String>::new(),
        "side files were left next to a damaged journal"
    );
}

#[test]
fn a_saved_page_is_there_after_the_store_is_closed_and_reopened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    let mut store = Store::open(&path).unwrap();
    let first = store
        .save_page(day("2027-03-13"), "The first text.", Some(2), &clock())
        .unwrap();
    let later = FixedClock::at_utc("2027-03-14T12:00:00Z");
    let saved = store
        .save_page(
            day("2027-03-13"),
            "Walked to the harbour at dusk.",
            Some(4),
            &later,
        )
        .unwrap();
    store
        .save_page(day("2027-03-14"), "Second day.", None, &later)
        .unwrap();
    drop(store);

    let store = Store::open(&path).unwrap();

    assert_eq!(store.page(day("2027-03-13")).unwrap(), saved);
    assert_eq!(store.page(day("2027-03-14")).unwrap().body, "Second day.");
    let dates: Vec<String> = store
        .list_pages(None, None)
        .unwrap()
        .into_iter()
        .map(|s| s.date)
        .collect();
    assert_eq!(dates, ["2027-03-13", "2027-03-14"]);
    let hits = store.search("harbour", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].date, "2027-03-13");
    let revisions = store.revisions(day("2027-03-13")).unwrap();
    assert_eq!(revisions.len(), 1);
    assert_eq!(revisions[0].body, first.body);
}

const CHILD_ENV: &str = "JOURNAL_CORE_TEST_CHILD_DB";

#[test]
fn a_page_reported_saved_survives_the_process_being_killed() {
    // This test runs twice: as the parent, and (re-run with CHILD_ENV set) as
    // the child that saves a page and dies without closing anything.
    if let Some(path) = std::env::var_os(CHILD_ENV) {
        let mut store = Store::open(PathBuf::from(path)).unwrap();
        store
            .save_page(
                day("2027-03-14"),
                "Saved, then the power went out.",
                Some(3),
                &clock(),
            )
            .unwrap();
        std::process::abort();
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    drop(Store::open(&path).unwrap());

    let status = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "a_page_reported_saved_survives_the_process_being_killed",
        ])
        .env(CHILD_ENV, &path)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(!status.success(), "the child was meant to abort");
    assert!(
        side(&path, "-wal").exists(),
        "the child died before checkpointing, so the page is only in the WAL"
    );

    let store = Store::open(&path).unwrap();
    assert!(
        store.checked_at_open(),
        "a killed process: the whole file is checked"
    );
    let page = store.page(day("2027-03-14")).unwrap();
    assert_eq!(page.body, "Saved, then the power went out.");
    assert_eq!(page.mood, Some(3));
    assert_eq!(store.search("power", 5).unwrap().len(), 1);
}

/// A journal as the first released version (schema 1) left it: WAL mode,
/// loose permissions, one page.
fn make_v1_journal(path: &Path) {
    let conn = Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.execute_batch(include_str!("../migrations/01-pages/up.sql"))
        .unwrap();
    conn.execute(
        "INSERT INTO page(date, body, mood, words, created_at, updated_at)
         VALUES ('2026-12-24', 'Written before the update, by the harbour.', 4, 7,
                 '2026-12-24T20:00:00.000Z', '2026-12-24T20:00:00.000Z')",
        [],
    )
    .unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    conn.close().unwrap();
    fs::set_permissions(path, fs::Permissions::from_mode(0o644)).unwrap();
}

fn read_backup(path: &Path) -> (i64, String) {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let version = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let body = conn
        .query_row("SELECT body FROM page WHERE date = '2026-12-24'", [], |r| {
            r.get(0)
        })
        .unwrap();
    (version, body)
}

#[test]
fn an_older_journal_is_copied_aside_privately_before_it_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    make_v1_journal(&path);

    let store = Store::open(&path).unwrap();

    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let page = store.page(day("2026-12-24")).unwrap();
    assert_eq!(page.body, "Written before the update, by the harbour.");
    assert_eq!(page.mood, Some(4));
    assert_eq!(store.search("harbour", 5).unwrap().len(), 1);
    assert_eq!(mode(&path), 0o600);

    let bak = dir
        .path()
        .join(format!("journal.db.before-v{SCHEMA_VERSION}.bak"));
    assert!(
        bak.exists(),
        "no backup (SCHEMA_VERSION {SCHEMA_VERSION}); found {:?}",
        others_in(dir.path(), &path)
    );
    assert_eq!(mode(&bak), 0o600, "the backup holds the whole journal");
    assert_eq!(
        read_backup(&bak),
        (1, "Written before the update, by the harbour.".to_string())
    );
    drop(store);

    // Opening the migrated journal again copies nothing more.
    drop(Store::open(&path).unwrap());
    let bak_name = bak.file_name().unwrap().to_string_lossy().into_owned();
    // Beside it only that copy, and the mark of the clean close.
    assert_eq!(
        others_in(dir.path(), &path),
        ["journal.db-closed".to_string(), bak_name]
    );
}

#[test]
fn an_earlier_backup_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    make_v1_journal(&path);
    let earlier = dir
        .path()
        .join(format!("journal.db.before-v{SCHEMA_VERSION}.bak"));
    fs::write(&earlier, b"an earlier backup the person kept").unwrap();

    drop(Store::open(&path).unwrap());

    assert_eq!(
        fs::read(&earlier).unwrap(),
        b"an earlier backup the person kept"
    );
    let second = dir
        .path()
        .join(format!("journal.db.before-v{SCHEMA_VERSION}.2.bak"));
    assert_eq!(mode(&second), 0o600);
    assert_eq!(read_backup(&second).0, 1);
}

#[test]
fn an_update_that_fails_and_is_tried_again_copies_the_journal_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    make_v1_journal(&path);
    {
        // Something the next step does not expect: the update stops there,
        // rolled back, every time it is tried.
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE space_period(x)").unwrap();
    }
    for _ in 0..3 {
        assert!(Store::open(&path).is_err(), "the update cannot pass");
    }
    let copies = others_in(dir.path(), &path)
        .into_iter()
        .filter(|n| n.ends_with(".bak"))
        .collect::<Vec<_>>();
    assert_eq!(
        copies,
        [format!("journal.db.before-v{SCHEMA_VERSION}.bak")],
        "one copy, however often it is tried"
    );
    let bak = dir.path().join(&copies[0]);
    assert_eq!(
        read_backup(&bak),
        (1, "Written before the update, by the harbour.".to_string())
    );

    // A page written between tries (by the old version) is a new journal:
    // the next try copies it again rather than trusting the old copy.
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute(
            "UPDATE page SET body = 'Changed between tries.' WHERE date = '2026-12-24'",
            [],
        )
        .unwrap();
    }
    assert!(Store::open(&path).is_err());
    let second = dir
        .path()
        .join(format!("journal.db.before-v{SCHEMA_VERSION}.2.bak"));
    assert_eq!(
        read_backup(&second),
        (1, "Changed between tries.".to_string())
    );
}

fn app_id(path: &Path) -> i32 {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    conn.pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap()
}

#[rstest]
#[case::version_0_with_tables(0, 0)]
#[case::another_programs_version(3, 0)]
#[case::another_programs_id(0, 0x1234_5678)]
fn another_programs_sqlite_file_is_refused_untouched(#[case] version: i64, #[case] id: i32) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE recipes(name TEXT); INSERT INTO recipes VALUES ('soup');")
            .unwrap();
        conn.pragma_update(None, "user_version", version).unwrap();
        conn.pragma_update(None, "application_id", id).unwrap();
    }
    let before = fs::read(&path).unwrap();
    let e = Store::open(&path).unwrap_err();
    assert_eq!(e.code(), "foreign", "{e}");
    assert!(e.to_string().contains("left exactly as it was"), "{e}");
    assert_eq!(fs::read(&path).unwrap(), before, "not a byte changed");
    assert!(
        others_in(dir.path(), &path).is_empty(),
        "no side files, no backup"
    );
}

#[test]
fn a_new_journal_is_marked_as_ours() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    drop(Store::open(&path).unwrap());
    assert_eq!(app_id(&path), APPLICATION_ID);
    // And opens again as ours.
    drop(Store::open(&path).unwrap());
}

#[test]
fn a_journal_from_before_the_mark_is_copied_aside_then_marked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    {
        let mut store = Store::open(&path).unwrap();
        store
            .save_page(day("2027-03-14"), "kept through the change", None, &clock())
            .unwrap();
    }
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "application_id", 0).unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.page(day("2027-03-14")).unwrap().body,
        "kept through the change"
    );
    drop(store);
    assert_eq!(app_id(&path), APPLICATION_ID);
    let bak = dir
        .path()
        .join(format!("journal.db.before-v{SCHEMA_VERSION}.bak"));
    assert!(bak.exists(), "a copy was taken before the header changed");
    let copy = Store::open(&bak).unwrap();
    assert_eq!(
        copy.page(day("2027-03-14")).unwrap().body,
        "kept through the change"
    );
}

#[test]
fn a_refused_file_with_a_leftover_wal_is_not_changed_by_the_look() {
    let dir = tempfile::tempdir().unwrap();
    let made = dir.path().join("made.db");
    let path = dir.path().join("other.db");
    // Another program's WAL-mode file, copied while its log still held rows.
    let conn = Connection::open(&made).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    conn.execute_batch("CREATE TABLE photos(name TEXT); INSERT INTO photos VALUES ('beach');")
        .unwrap();
    fs::copy(&made, &path).unwrap();
    fs::copy(side(&made, "-wal"), side(&path, "-wal")).unwrap();
    drop(conn);
    let wal = side(&path, "-wal");
    assert!(fs::metadata(&wal).unwrap().len() > 0, "the log holds rows");
    let before = fs::read(&path).unwrap();
    let wal_before = fs::read(&wal).unwrap();

    let err = Store::open(&path).unwrap_err();

    assert_eq!(err.code(), "foreign", "{err}");
    assert!(
        fs::read(&path).unwrap() == before,
        "the file's bytes changed"
    );
    assert!(
        fs::read(&wal).unwrap() == wal_before,
        "the log was folded in"
    );
}

#[test]
fn two_processes_opening_a_new_or_old_journal_at_once_both_succeed() {
    for round in 0..20 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.db");
        if round % 2 == 1 {
            make_v1_journal(&path);
        }
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(2));
        let opened: Vec<_> = (0..2)
            .map(|_| {
                let (p, b) = (path.clone(), barrier.clone());
                std::thread::spawn(move || {
                    b.wait();
                    Store::open(&p).map(|s| s.schema_version().unwrap())
                })
            })
            .collect();
        for t in opened {
            let version = t.join().unwrap();
            assert_eq!(
                version.map_err(|e| e.to_string()),
                Ok(SCHEMA_VERSION),
                "round {round}"
            );
        }
        let store = Store::open(&path).unwrap();
        if round % 2 == 1 {
            assert_eq!(store.page(day("2026-12-24")).unwrap().words, 7);
        }
    }
}

/// A byte changed in the middle of the file, its size and every page
/// header kept: only a whole-file check finds it.
fn damage_quietly(path: &Path) {
    let mut bytes = fs::read(path).unwrap();
    let page_size = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    let pages = bytes.len() / page_size;
    let p = pages / 2;
    let mut rng = Rng(0xfeed);
    let garbage = rng.bytes(page_size);
    bytes[p * page_size..(p + 1) * page_size].copy_from_slice(&garbage);
    fs::write(path, bytes).unwrap();
}

#[test]
fn a_journal_closed_cleanly_opens_without_reading_every_page_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    write_journal(&path, 120);

    let store = Store::open(&path).unwrap();
    assert!(
        !store.checked_at_open(),
        "closed cleanly and left as it was"
    );
    assert_eq!(store.list_pages(None, None).unwrap().len(), 120);
    assert!(!side(&path, "-closed").exists(), "no mark while it is open");
    drop(store);
    assert_eq!(mode(&side(&path, "-closed")), 0o600);

    // Each clean close marks the file again: every open after stays quick.
    let store = Store::open(&path).unwrap();
    assert!(!store.checked_at_open());
    assert_eq!(
        store.page(day("2020-01-05")).unwrap().body.lines().next(),
        Some("Day 4.")
    );
}

#[test]
fn a_journal_changed_after_its_clean_close_is_checked_whole_and_refused_when_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    write_journal(&path, 300);
    damage_quietly(&path);
    let before = fs::read(&path).unwrap();

    let err = Store::open(&path).unwrap_err();

    assert_eq!(err.code(), "damaged", "{err}");
    assert!(
        fs::read(&path).unwrap() == before,
        "the file's bytes changed"
    );
    assert_eq!(others_in(dir.path(), &path), Vec::<String>::new());
}

#[test]
fn a_journal_left_open_by_a_crash_is_checked_whole_at_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    write_journal(&path, 40);
    // What a crash leaves: the file and its log as they were while open,
    // and no one holding them.
    let store = Store::open(&path).unwrap();
    store.checkpoint().unwrap();
    let copy = dir.path().join("copy").join("journal.db");
    fs::create_dir(copy.parent().unwrap()).unwrap();
    fs::copy(&path, &copy).unwrap();
    fs::copy(side(&path, "-wal"), side(&copy, "-wal")).unwrap();
    assert!(
        !side(&copy, "-closed").exists(),
        "an open store has no mark"
    );
    drop(store);

    let reopened = Store::open(&copy).unwrap();
    assert!(reopened.checked_at_open());
    assert_eq!(reopened.list_pages(None, None).unwrap().len(), 40);
}

#[test]
fn a_second_open_while_the_first_holds_the_journal_trusts_the_first_ones_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    let first = Store::open(&path).unwrap();
    assert!(first.checked_at_open(), "a new file has no mark yet");

    let second = Store::open(&path).unwrap();
    assert!(!second.checked_at_open(), "the first open checked it");
    drop(second);
    assert!(side(&path, "-wal").exists(), "the first still holds it");
    assert!(!side(&path, "-closed").exists(), "no mark while it is open");
    drop(first);
    assert!(side(&path, "-closed").exists());
}
