//! The recovery file: words the app could not save, kept beside the journal
//! when the person closes anyway, on a real temporary folder.

use chrono::NaiveDate;
use journal_core::{RecoveredPage, Recovery};
use std::fs;
use std::io::Read;
use std::os::unix::fs::PermissionsExt;

fn words(date: &str, body: &str, mood: Option<u8>) -> RecoveredPage {
    RecoveredPage {
        date: NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap(),
        body: body.into(),
        mood,
    }
}

/// Every file in the folder, by name.
fn names(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn unsaved_words_are_kept_privately_beside_the_journal_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = Recovery::beside(&dir.path().join("journal.db"));
    assert_eq!(recovery.read().unwrap(), [], "no file: nothing to put back");

    let kept = [words(
        "2026-11-29",
        "The disk was full when I wrote this.\n\nStill, I wrote it.",
        Some(3),
    )];
    recovery.keep(&kept).unwrap();

    assert_eq!(recovery.path(), dir.path().join("journal.db.recovery.json"));
    let mode = fs::metadata(recovery.path()).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "only the person can read it");
    assert_eq!(recovery.read().unwrap(), kept);
    // Plain JSON, so the words can be read without the app.
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(recovery.path()).unwrap()).unwrap();
    assert_eq!(json["pages"][0]["date"], "2026-11-29");
    assert_eq!(json["pages"][0]["body"], kept[0].body.as_str());
    assert_eq!(
        names(dir.path()),
        ["journal.db.recovery.json"],
        "no temporary file is left behind"
    );
}

#[test]
fn a_second_keep_holds_the_first_words_too_and_replaces_the_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = Recovery::beside(&dir.path().join("journal.db"));
    let first = words("2026-11-28", "Saturday, not saved.", None);
    recovery.keep(std::slice::from_ref(&first)).unwrap();
    let mut before = String::new();
    let mut old = fs::File::open(recovery.path()).unwrap();

    let later = [
        words("2026-11-29", "Sunday, not saved either.", Some(2)),
        words("2026-11-28", "Saturday again, other words.", None),
        // Already kept: not added twice.
        first.clone(),
    ];
    recovery.keep(&later).unwrap();

    assert_eq!(
        recovery.read().unwrap(),
        [first.clone(), later[0].clone(), later[1].clone()],
        "nothing the first file held is lost, and nothing is doubled"
    );
    // The new file took the old one's place in one step: whoever had the old
    // one open still reads it whole (it was never cut short and rewritten).
    old.read_to_string(&mut before).unwrap();
    assert!(before.contains("Saturday, not saved."), "{before}");
    assert!(!before.contains("Sunday"), "{before}");
    let mode = fs::metadata(recovery.path()).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    assert_eq!(names(dir.path()), ["journal.db.recovery.json"]);
}

#[test]
fn discarding_removes_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = Recovery::beside(&dir.path().join("journal.db"));
    recovery
        .keep(&[words("2026-11-29", "Let these go.", None)])
        .unwrap();
    recovery.discard().unwrap();
    assert!(!recovery.path().exists());
    assert_eq!(recovery.read().unwrap(), []);
    recovery.discard().unwrap(); // nothing there: still fine
                                 // Nothing to keep makes no file.
    recovery.keep(&[words("2026-11-29", "  \n", None)]).unwrap();
    assert!(!recovery.path().exists());
}

#[test]
fn a_damaged_recovery_file_is_reported_and_left_exactly_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = Recovery::beside(&dir.path().join("journal.db"));
    let damaged = b"{\"pages\": [{\"date\": \"2026-11-29\", \"body\": \"cut sho";
    fs::write(recovery.path(), damaged).unwrap();

    let err = recovery.read().unwrap_err();
    assert_eq!(err.code(), "recovery_unreadable");
    let message = err.user_message();
    assert!(
        message.contains("journal.db.recovery.json") && message.contains("left as it is"),
        "{message}"
    );
    assert_eq!(fs::read(recovery.path()).unwrap(), damaged);

    // Nor is it written over by new words: they are refused, and it stays.
    let err = recovery
        .keep(&[words("2026-11-29", "New words.", None)])
        .unwrap_err();
    assert_eq!(err.code(), "recovery_unreadable");
    assert_eq!(fs::read(recovery.path()).unwrap(), damaged);
    assert_eq!(names(dir.path()), ["journal.db.recovery.json"]);
}

/// An encrypted journal in `dir` (its passphrase "sea glass") and its store.
fn encrypted_journal(dir: &std::path::Path) -> journal_core::Store {
    use journal_core::{encrypt_journal, KdfCost, Passphrase, Store};
    let db = dir.join("journal.db");
    drop(Store::open(&db).unwrap());
    let pass = Passphrase::new("sea glass").unwrap();
    encrypt_journal(&db, &pass, KdfCost::FOR_TESTS).unwrap();
    Store::open_with(&db, Some(&pass)).unwrap()
}

#[test]
fn beside_an_encrypted_journal_the_words_are_sealed_and_open_only_with_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let store = encrypted_journal(dir.path());
    let db = dir.path().join("journal.db");
    let sealed = Recovery::beside(&db).sealed_with(store.recovery_key());
    let kept = vec![words("2027-03-14", "Marigold evening, not saved.", Some(2))];
    sealed.keep(&kept).unwrap();

    let raw = fs::read(sealed.path()).unwrap();
    assert!(
        !raw.windows(8).any(|w| w == b"Marigold"),
        "no words in the clear"
    );
    assert_eq!(
        fs::metadata(sealed.path()).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(sealed.read().unwrap(), kept);
    // Without the key (the journal locked): said so, the file untouched.
    let e = Recovery::beside(&db).read().unwrap_err();
    assert_eq!(e.code(), "locked");
    // Another journal's key: unreadable, untouched.
    let other = tempfile::tempdir().unwrap();
    let stranger =
        Recovery::beside(&db).sealed_with(encrypted_journal(other.path()).recovery_key());
    assert_eq!(stranger.read().unwrap_err().code(), "recovery_unreadable");
    assert!(
        fs::read(sealed.path()).unwrap() == raw,
        "left exactly as it was"
    );
}

#[test]
fn turning_encryption_on_seals_words_kept_before_and_off_opens_them_again() {
    use journal_core::{decrypt_journal, encrypt_journal, KdfCost, Passphrase, Store};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    drop(Store::open(&db).unwrap());
    let kept = vec![words("2027-03-14", "Marigold evening, not saved.", None)];
    Recovery::beside(&db).keep(&kept).unwrap();

    let pass = Passphrase::new("sea glass").unwrap();
    encrypt_journal(&db, &pass, KdfCost::FOR_TESTS).unwrap();
    let raw = fs::read(Recovery::beside(&db).path()).unwrap();
    assert!(
        !raw.windows(8).any(|w| w == b"Marigold"),
        "sealed with the journal"
    );
    let store = Store::open_with(&db, Some(&pass)).unwrap();
    assert_eq!(
        Recovery::beside(&db)
            .sealed_with(store.recovery_key())
            .read()
            .unwrap(),
        kept
    );
    drop(store);

    decrypt_journal(&db, &pass).unwrap();
    assert_eq!(
        Recovery::beside(&db).read().unwrap(),
        kept,
        "plain JSON again"
    );
}
