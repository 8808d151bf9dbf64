//! Encryption at rest: a journal turned encrypted, given a new passphrase
//! and turned plain again keeps every word, opens only with its passphrase,
//! and leaves no file beside it that holds a page's words in the clear. A
//! wrong passphrase or a damaged encrypted file is refused with every byte
//! left as it was.

use chrono::NaiveDate;
use journal_core::{
    decrypt_journal, encrypt_journal, is_encrypted, rekey_journal, FixedClock, Journal, KdfCost,
    Passphrase, Store,
};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

const WORDS: &str = "Walked to the lighthouse at dusk and thought about Marigold.";
const LATER: &str = "Quiet evening, wrote a letter I will never send about Pemberton.";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn pass(s: &str) -> Passphrase {
    Passphrase::new(s).unwrap()
}

fn journal(store: Store) -> Journal {
    Journal::new(store, FixedClock::at_utc("2027-03-14T09:30:00Z"))
}

/// A plain journal with a page, an urge, a copy beside it and a backup.
fn plain_journal(dir: &Path) -> PathBuf {
    let db = dir.join("journal.db");
    let j = journal(Store::open(&db).unwrap());
    j.save_page(
        day("2027-03-11"),
        "An older page about Marigold.",
        None,
        None,
    )
    .unwrap();
    j.create_backup(None).unwrap();
    j.save_page(day("2027-03-12"), WORDS, Some(3), None)
        .unwrap();
    j.log_urge(
        journal_core::When::parse(Some("2027-03-12"), None).unwrap(),
        Some(4),
        Some("wanted to call about Marigold"),
    )
    .unwrap();
    drop(j);
    // A copy as the store keeps before a migration.
    let copy = dir.join("journal.db.before-v5.bak");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("VACUUM INTO ?1", [copy.to_string_lossy()])
        .unwrap();
    db
}

/// Every file in the folder whose raw bytes hold `needle`.
fn files_holding(dir: &Path, needle: &str) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .filter(|p| {
            let bytes = fs::read(p).unwrap();
            bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
        })
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect()
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
fn an_encrypted_journal_keeps_every_word_and_no_file_holds_them_in_the_clear() {
    let dir = tempfile::tempdir().unwrap();
    let db = plain_journal(dir.path());
    assert!(!files_holding(dir.path(), "Marigold").is_empty());

    encrypt_journal(&db, &pass("sea glass"), KdfCost::FOR_TESTS).unwrap();
    assert!(is_encrypted(&db).unwrap());
    assert_eq!(
        names(dir.path()),
        ["backups", "journal.db", "journal.db.before-v5.bak"],
        "no half-made or leftover files"
    );
    assert_eq!(files_holding(dir.path(), "Marigold"), Vec::<String>::new());
    assert_eq!(
        files_holding(dir.path(), "lighthouse"),
        Vec::<String>::new()
    );

    // Everything is there with the passphrase, search included.
    let j = journal(Store::open_with(&db, Some(&pass("sea glass"))).unwrap());
    assert_eq!(j.get_page(day("2027-03-12")).unwrap().body, WORDS);
    assert_eq!(j.search_limited("lighthouse", 10).unwrap().len(), 1);
    assert_eq!(j.urges_with(false).unwrap().len(), 1);
    // New words written while it is open stay unreadable, in the log too.
    j.save_page(day("2027-03-13"), LATER, None, None).unwrap();
    assert_eq!(files_holding(dir.path(), "Pemberton"), Vec::<String>::new());
    assert_eq!(j.search_limited("Pemberton", 10).unwrap().len(), 1);
    drop(j);
    assert_eq!(files_holding(dir.path(), "Pemberton"), Vec::<String>::new());

    // The backup was converted too, and opens with the passphrase.
    let backup = fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let b = journal_core::verify_backup(&backup, Some(&pass("sea glass"))).unwrap();
    assert_eq!(b.pages, 1);

    // The copy beside it was converted too, and opens with the same words.
    let copy = dir.path().join("copy-check.db");
    fs::copy(dir.path().join("journal.db.before-v5.bak"), &copy).unwrap();
    let c = journal(Store::open_with(&copy, Some(&pass("sea glass"))).unwrap());
    assert_eq!(c.get_page(day("2027-03-12")).unwrap().body, WORDS);
}

#[test]
fn an_encrypted_journal_opens_only_with_its_passphrase_and_a_refusal_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = plain_journal(dir.path());
    encrypt_journal(&db, &pass("sea glass"), KdfCost::FOR_TESTS).unwrap();
    let before = fs::read(&db).unwrap();
    let files = names(dir.path());

    let e = Store::open(&db).unwrap_err();
    assert_eq!(e.code(), "passphrase_needed");
    let e = Store::open_with(&db, Some(&pass("sea glas"))).unwrap_err();
    assert_eq!(e.code(), "wrong_passphrase");
    assert!(
        e.user_message().contains("not changed"),
        "{}",
        e.user_message()
    );
    assert_eq!(fs::read(&db).unwrap(), before, "byte for byte as it was");
    assert_eq!(names(dir.path()), files, "no side file left behind");

    // A plain journal ignores a passphrase it does not need.
    let other = dir.path().join("plain.db");
    Store::open_with(&other, Some(&pass("anything"))).unwrap();
    assert!(!is_encrypted(&other).unwrap());
}

#[test]
fn a_damaged_encrypted_journal_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = plain_journal(dir.path());
    // Enough pages that damage can land past the first one.
    let j = journal(Store::open(&db).unwrap());
    for d in 1..=28 {
        let long = format!("{WORDS} {}", "more quiet words ".repeat(300));
        j.save_page(day(&format!("2027-02-{d:02}")), &long, None, None)
            .unwrap();
    }
    drop(j);
    encrypt_journal(&db, &pass("sea glass"), KdfCost::FOR_TESTS).unwrap();
    let good = fs::read(&db).unwrap();
    assert!(good.len() > 20 * 4096);

    let mut cases: Vec<(&str, Vec<u8>)> = Vec::new();
    cases.push(("truncated", good[..good.len() / 2].to_vec()));
    let mut flipped = good.clone();
    let at = good.len() - 3 * 4096 + 100;
    flipped[at] ^= 0x5a;
    cases.push(("a byte changed in a later page", flipped));
    let mut first = good.clone();
    first[200] ^= 0x01;
    cases.push(("a byte changed in the first page", first));
    for (what, bytes) in cases {
        fs::write(&db, &bytes).unwrap();
        let e = Store::open_with(&db, Some(&pass("sea glass"))).unwrap_err();
        assert!(
            ["damaged", "wrong_passphrase"].contains(&e.code()),
            "{what}: {}",
            e.code()
        );
        assert_eq!(fs::read(&db).unwrap(), bytes, "{what}: left as it was");
    }
}

#[test]
fn a_new_passphrase_replaces_the_old_one_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let db = plain_journal(dir.path());
    encrypt_journal(&db, &pass("sea glass"), KdfCost::FOR_TESTS).unwrap();
    let e = rekey_journal(&db, &pass("wrong"), &pass("tide pool"), KdfCost::FOR_TESTS).unwrap_err();
    assert_eq!(e.code(), "wrong_passphrase");
    rekey_journal(
        &db,
        &pass("sea glass"),
        &pass("tide pool"),
        KdfCost::FOR_TESTS,
    )
    .unwrap();

    assert_eq!(
        Store::open_with(&db, Some(&pass("sea glass")))
            .unwrap_err()
            .code(),
        "wrong_passphrase"
    );
    let copy = dir.path().join("journal.db.before-v5.bak");
    let check = dir.path().join("check.db");
    fs::copy(&copy, &check).unwrap();
    assert_eq!(
        Store::open_with(&check, Some(&pass("sea glass")))
            .unwrap_err()
            .code(),
        "wrong_passphrase",
        "the copy beside it no longer opens with the old passphrase either"
    );
    fs::remove_file(&check).unwrap();
    let j = journal(Store::open_with(&db, Some(&pass("tide pool"))).unwrap());
    assert_eq!(j.get_page(day("2027-03-12")).unwrap().body, WORDS);
    assert_eq!(files_holding(dir.path(), "Marigold"), Vec::<String>::new());
}

#[test]
fn turned_plain_again_it_opens_without_a_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let db = plain_journal(dir.path());
    encrypt_journal(&db, &pass("sea glass"), KdfCost::FOR_TESTS).unwrap();
    assert_eq!(
        decrypt_journal(&db, &pass("nope")).unwrap_err().code(),
        "wrong_passphrase"
    );
    assert!(
        is_encrypted(&db).unwrap(),
        "a refused decrypt changed nothing"
    );
    decrypt_journal(&db, &pass("sea glass")).unwrap();
    assert!(!is_encrypted(&db).unwrap());
    let j = journal(Store::open(&db).unwrap());
    assert_eq!(j.get_page(day("2027-03-12")).unwrap().body, WORDS);
    assert_eq!(j.search_limited("lighthouse", 10).unwrap().len(), 1);
    drop(j);
    let copy = dir.path().join("journal.db.before-v5.bak");
    assert!(!is_encrypted(&copy).unwrap(), "the copy is plain again too");
}

#[test]
fn each_conversion_refuses_the_wrong_starting_point() {
    let dir = tempfile::tempdir().unwrap();
    let db = plain_journal(dir.path());
    assert_eq!(
        decrypt_journal(&db, &pass("x")).unwrap_err().code(),
        "invalid_input"
    );
    assert_eq!(
        rekey_journal(&db, &pass("x"), &pass("y"), KdfCost::FOR_TESTS)
            .unwrap_err()
            .code(),
        "invalid_input"
    );
    encrypt_journal(&db, &pass("sea glass"), KdfCost::FOR_TESTS).unwrap();
    let before = fs::read(&db).unwrap();
    assert_eq!(
        encrypt_journal(&db, &pass("again"), KdfCost::FOR_TESTS)
            .unwrap_err()
            .code(),
        "invalid_input"
    );
    assert_eq!(fs::read(&db).unwrap(), before);
}

#[test]
fn a_journal_open_elsewhere_is_never_converted_under_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = plain_journal(dir.path());
    let open = Store::open(&db).unwrap();
    let before = fs::read(&db).unwrap();
    let e = encrypt_journal(&db, &pass("sea glass"), KdfCost::FOR_TESTS).unwrap_err();
    assert_eq!(e.code(), "in_use");
    assert!(e.user_message().contains("Nothing was changed"));
    assert_eq!(fs::read(&db).unwrap(), before);
    assert!(!is_encrypted(&db).unwrap());
    drop(open);
    encrypt_journal(&db, &pass("sea glass"), KdfCost::FOR_TESTS).unwrap();
}

#[test]
fn a_new_journal_can_be_encrypted_before_its_first_word() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fresh").join("journal.db");
    encrypt_journal(&db, &pass("sea glass"), KdfCost::FOR_TESTS).unwrap();
    assert!(is_encrypted(&db).unwrap());
    let j = journal(Store::open_with(&db, Some(&pass("sea glass"))).unwrap());
    j.save_page(day("2027-03-14"), WORDS, None, None).unwrap();
    drop(j);
    assert_eq!(
        files_holding(db.parent().unwrap(), "Marigold"),
        Vec::<String>::new()
    );
}

#[test]
fn refusing_a_passphrase_takes_as_long_as_accepting_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = plain_journal(dir.path());
    encrypt_journal(&db, &pass("sea glass"), KdfCost::DEFAULT).unwrap();
    let t = Instant::now();
    drop(Store::open_with(&db, Some(&pass("sea glass"))).unwrap());
    let accept = t.elapsed().as_secs_f64();
    let t = Instant::now();
    Store::open_with(&db, Some(&pass("sea glasS"))).unwrap_err();
    let refuse = t.elapsed().as_secs_f64();
    let ratio = refuse / accept;
    println!("unlock with the default cost: accepted in {accept:.3} s, refused in {refuse:.3} s");
    assert!(
        (0.6..1.6).contains(&ratio),
        "refused in {refuse:.3} s, accepted in {accept:.3} s"
    );
}
