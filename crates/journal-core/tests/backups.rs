//! Verified backups on real files: made private and checked, encrypted like
//! the journal, listed newest first, thinned out by the day/week/month rule,
//! never kept when they cannot be made whole (and then nothing is removed),
//! and put back only after the journal as it is has been backed up too.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta, Utc};
use journal_core::{
    encrypt_journal, restore_backup, verify_backup, FixedClock, Journal, KdfCost, Passphrase, Store,
};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

const FIRST: &str = "The first page, before anything went wrong. Marigold.";
const SECOND: &str = "A second version that will be undone.";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn mode(p: &Path) -> u32 {
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn journal(store: Store) -> Journal {
    Journal::new(store, FixedClock::at_utc("2027-03-14T09:30:00Z"))
}

fn names(dir: &Path) -> Vec<String> {
    let mut n: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    n.sort();
    n
}

#[test]
fn a_backup_is_private_checked_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let j = journal(Store::open(&db).unwrap());
    j.save_page(day("2027-03-13"), FIRST, Some(3), None)
        .unwrap();
    j.save_page(day("2027-03-14"), "Today.", None, None)
        .unwrap();

    let made = j.create_backup(None).unwrap();
    let folder = dir.path().join("backups");
    assert_eq!(mode(&folder), 0o700);
    assert_eq!(names(&folder), ["journal-20270314T093000Z.db"]);
    assert_eq!(mode(Path::new(&made.path)), 0o600);
    assert_eq!(made.created_at, "2027-03-14T09:30:00Z");
    assert_eq!(made.pages, 2);
    assert!(made.verified);

    let listed = j.list_backups(None).unwrap();
    assert_eq!(listed, std::slice::from_ref(&made));
    let checked = verify_backup(Path::new(&made.path), None).unwrap();
    assert_eq!(checked, made);
}

#[test]
fn an_encrypted_journals_backups_are_encrypted_the_same_way() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    journal(Store::open(&db).unwrap())
        .save_page(day("2027-03-13"), FIRST, None, None)
        .unwrap();
    let pass = Passphrase::new("sea glass").unwrap();
    encrypt_journal(&db, &pass, KdfCost::FOR_TESTS).unwrap();
    let j = journal(Store::open_with(&db, Some(&pass)).unwrap());
    let made = j.create_backup(None).unwrap();
    let raw = fs::read(&made.path).unwrap();
    assert!(
        !raw.windows(8).any(|w| w == b"Marigold"),
        "no words in the clear"
    );
    // Listed as verified with the journal's own key; checked alone it needs
    // the passphrase.
    assert!(j.list_backups(None).unwrap()[0].verified);
    assert_eq!(
        verify_backup(Path::new(&made.path), None)
            .unwrap_err()
            .code(),
        "passphrase_needed"
    );
    assert_eq!(
        verify_backup(Path::new(&made.path), Some(&pass))
            .unwrap()
            .pages,
        1
    );
    // The file alone plus its passphrase opens anywhere.
    let elsewhere = tempfile::tempdir().unwrap();
    let copy = elsewhere.path().join("moved.db");
    fs::copy(&made.path, &copy).unwrap();
    let moved = journal(Store::open_with(&copy, Some(&pass)).unwrap());
    assert_eq!(moved.get_page(day("2027-03-13")).unwrap().body, FIRST);
}

#[test]
fn a_damaged_backup_fails_its_check() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let j = journal(Store::open(&db).unwrap());
    for d in 1..=20 {
        j.save_page(
            day(&format!("2027-02-{d:02}")),
            &"words of a long page ".repeat(200),
            None,
            None,
        )
        .unwrap();
    }
    let made = j.create_backup(None).unwrap();
    let mut bytes = fs::read(&made.path).unwrap();
    let len = bytes.len();
    bytes.truncate(len / 2);
    fs::write(&made.path, &bytes).unwrap();
    assert!(verify_backup(Path::new(&made.path), None).is_err());
    assert!(!j.list_backups(None).unwrap()[0].verified);
}

#[test]
fn a_backup_that_cannot_be_made_whole_is_not_kept_and_removes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let store = Store::open(&db).unwrap();
    let folder = dir.path().join("backups");
    let offset = FixedOffset::east_opt(0).unwrap();
    // Forty days of backups: the rule has thinned them out to a few.
    let start = utc("2027-01-01T21:00:00Z");
    for d in 0..40 {
        store
            .create_backup(&folder, start + TimeDelta::days(d), offset)
            .unwrap();
    }
    let before = names(&folder);
    assert!(before.len() < 40 && before.len() >= 7, "{before:?}");
    // The next one cannot be written (its working name is taken by a folder).
    let next = start + TimeDelta::days(40);
    fs::create_dir(folder.join(".journal-20270210T210000Z.db.partial")).unwrap();
    let e = store.create_backup(&folder, next, offset).unwrap_err();
    assert!(
        e.user_message().contains("no earlier backup was removed"),
        "{}",
        e.user_message()
    );
    let mut after = names(&folder);
    after.retain(|n| !n.ends_with(".partial"));
    assert_eq!(after, before);
}

#[test]
fn putting_a_backup_back_keeps_the_journal_as_it_was_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let j = Journal::new(
        Store::open(&db).unwrap(),
        FixedClock::at_utc("2027-03-14T09:30:00Z"),
    );
    j.save_page(day("2027-03-14"), FIRST, None, None).unwrap();
    let made = j.create_backup(None).unwrap();
    j.save_page(day("2027-03-14"), SECOND, None, None).unwrap();

    // Not while the journal is open elsewhere.
    let e = restore_backup(
        &db,
        Path::new(&made.path),
        None,
        utc("2027-03-14T10:00:00Z"),
    )
    .unwrap_err();
    assert_eq!(e.code(), "in_use");
    drop(j);

    let previous = restore_backup(
        &db,
        Path::new(&made.path),
        None,
        utc("2027-03-14T10:00:00Z"),
    )
    .unwrap();
    let j = journal(Store::open(&db).unwrap());
    assert_eq!(j.get_page(day("2027-03-14")).unwrap().body, FIRST);
    // What it replaced is in its own backup.
    assert!(previous.verified);
    let copy = dir.path().join("check.db");
    fs::copy(&previous.path, &copy).unwrap();
    let old = journal(Store::open(&copy).unwrap());
    assert_eq!(old.get_page(day("2027-03-14")).unwrap().body, SECOND);
    assert_eq!(mode(&db), 0o600);
}

#[test]
fn the_daily_backup_is_made_once_a_local_day() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    // 23:30 in Berlin is 22:30 UTC; the next local day starts 30 minutes later.
    let berlin = FixedOffset::east_opt(3600).unwrap();
    let mut clock = FixedClock::at_utc("2027-03-14T22:30:00Z");
    clock.offset = berlin;
    let j = Journal::new(Store::open(&db).unwrap(), clock);
    assert!(j.daily_backup().unwrap().is_some(), "the first one is due");
    assert!(j.daily_backup().unwrap().is_none(), "not twice on one day");
    drop(j);
    clock.now = utc("2027-03-14T23:10:00Z"); // 00:10 on the 15th in Berlin
    let j = Journal::new(Store::open(&db).unwrap(), clock);
    let made = j.daily_backup().unwrap().expect("a new local day");
    assert_eq!(made.created_at, "2027-03-14T23:10:00Z");
    assert_eq!(j.list_backups(None).unwrap().len(), 2);
}

#[test]
fn a_plain_backup_is_never_put_back_over_an_encrypted_journal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let j = journal(Store::open(&db).unwrap());
    j.save_page(day("2027-03-14"), FIRST, None, None).unwrap();
    let plain = j
        .create_backup(Some(&dir.path().join("elsewhere")))
        .unwrap();
    drop(j);
    let pass = Passphrase::new("sea glass").unwrap();
    encrypt_journal(&db, &pass, KdfCost::FOR_TESTS).unwrap();
    // Opened once, as the app would (the first open turns its log on).
    drop(Store::open_with(&db, Some(&pass)).unwrap());
    let before = fs::read(&db).unwrap();
    let e = restore_backup(
        &db,
        Path::new(&plain.path),
        Some(&pass),
        utc("2027-03-14T10:00:00Z"),
    )
    .unwrap_err();
    assert_eq!(e.code(), "invalid_input");
    assert!(e.user_message().contains("Nothing was changed"));
    assert!(fs::read(&db).unwrap() == before, "the journal is as it was");
    assert!(journal_core::is_encrypted(&db).unwrap());
}

#[test]
fn backups_go_where_backup_dir_says_and_a_missing_place_is_said_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let drive = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let j = journal(Store::open(&db).unwrap());
    j.save_page(day("2027-03-13"), FIRST, None, None).unwrap();
    let place = drive.path().join("journal-backups");
    fs::create_dir(&place).unwrap();
    j.set_setting("backup.dir", &format!("{}/", place.display()))
        .unwrap();

    let made = j.create_backup(None).unwrap();
    assert!(Path::new(&made.path).starts_with(&place), "{}", made.path);
    assert!(
        !dir.path().join("backups").exists(),
        "nothing beside the journal"
    );
    assert_eq!(j.list_backups(None).unwrap()[0].path, made.path);

    // The drive is not connected: said so, nothing made anywhere, the
    // journal as it was.
    fs::rename(&place, drive.path().join("unplugged")).unwrap();
    for e in [
        j.create_backup(None).unwrap_err(),
        j.list_backups(None).unwrap_err(),
        j.daily_backup().unwrap_err(),
    ] {
        assert_eq!(e.code(), "backup_place_missing");
        assert!(e.user_message().contains("connect the drive"), "{e}");
        assert!(e.user_message().contains("journal itself is safe"), "{e}");
    }
    assert!(!place.exists());
    assert!(!dir.path().join("backups").exists());
    assert_eq!(j.get_page(day("2027-03-13")).unwrap().body, FIRST);
}

#[test]
fn encrypting_converts_the_backups_elsewhere_too_and_waits_for_a_missing_drive() {
    let dir = tempfile::tempdir().unwrap();
    let drive = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let place = drive.path().join("journal-backups");
    fs::create_dir(&place).unwrap();
    {
        let j = journal(Store::open(&db).unwrap());
        j.save_page(day("2027-03-13"), FIRST, None, None).unwrap();
        j.set_setting("backup.dir", &place.display().to_string())
            .unwrap();
        j.create_backup(None).unwrap();
    }
    let pass = Passphrase::new("sea glass").unwrap();

    // The drive is away: nothing is converted, so nothing is left behind
    // in its old form.
    let away = drive.path().join("away");
    fs::rename(&place, &away).unwrap();
    let before = fs::read(&db).unwrap();
    let e = encrypt_journal(&db, &pass, KdfCost::FOR_TESTS).unwrap_err();
    assert_eq!(e.code(), "backup_place_missing");
    assert!(fs::read(&db).unwrap() == before, "the journal is as it was");

    fs::rename(&away, &place).unwrap();
    encrypt_journal(&db, &pass, KdfCost::FOR_TESTS).unwrap();
    for f in names(&place) {
        let raw = fs::read(place.join(&f)).unwrap();
        assert!(
            !raw.windows(8).any(|w| w == b"Marigold"),
            "{f} is in the clear"
        );
    }
    let j = journal(Store::open_with(&db, Some(&pass)).unwrap());
    assert!(j.list_backups(None).unwrap().iter().all(|b| b.verified));
}
