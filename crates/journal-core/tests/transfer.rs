//! Export and import in our own JSON format, on real files: lossless (a
//! journal exported and imported into an empty one is the same journal,
//! row for row), merging page by page into one in use, the same file twice
//! changing nothing, a dry run writing nothing, and a damaged, foreign or
//! newer file refused with nothing changed.

use chrono::NaiveDate;
use journal_core::{ContactEdit, ContactKind, Export, FixedClock, Journal, Store, UrgeEdit, When};
use proptest::prelude::*;
use std::path::Path;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn journal_at(path: &Path, now: &str) -> Journal {
    Journal::new(Store::open(path).unwrap(), FixedClock::at_utc(now))
}

/// A journal with something of every kind in it.
fn lived_in(path: &Path) -> Journal {
    let j = journal_at(path, "2027-03-01T21:00:00Z");
    j.save_page(
        day("2027-02-10"),
        "Before any of it. Marigold.",
        Some(2),
        None,
    )
    .unwrap();
    j.start_period(
        Some(day("2027-02-12")),
        Some("Told them I would give them room."),
    )
    .unwrap();
    let c = j
        .log_contact(
            ContactKind::Necessary,
            When::Day(day("2027-02-14")),
            Some("school forms"),
        )
        .unwrap();
    j.edit_contact(
        c.id,
        &ContactEdit {
            note: Some("the school forms, signed"),
            ..ContactEdit::default()
        },
    )
    .unwrap();
    let u = j
        .log_urge(When::Day(day("2027-02-15")), Some(4), Some("almost called"))
        .unwrap();
    j.edit_urge(
        u.id,
        &UrgeEdit {
            intensity: Some(Some(3)),
            ..UrgeEdit::default()
        },
    )
    .unwrap();
    let gone = j
        .log_urge(When::Day(day("2027-02-16")), None, None)
        .unwrap();
    j.remove_urge(gone.id).unwrap();
    j.end_period(Some(day("2027-02-20")), Some("We talked, calmly."))
        .unwrap();
    j.start_period(Some(day("2027-02-22")), None).unwrap();
    j.mark_milestone_seen(1).unwrap();
    j.save_page(
        day("2027-03-01"),
        "Tea, a walk, an early night.",
        Some(4),
        None,
    )
    .unwrap();
    j.save_draft("period-outcome", "Half a thought").unwrap();
    j.set_card_helpful("giving-space-keep-the-promise", true)
        .unwrap();
    j.set_card_aside(
        "necessary-contact-keep-it-practical",
        Some(day("2027-03-01")),
        true,
    )
    .unwrap();
    j.set_setting("daily.time", "21:15").unwrap();
    j.set_setting("discreet", "false").unwrap();
    // A page rewritten much later keeps its earlier text.
    let later = journal_at(path, "2027-03-02T21:00:00Z");
    later
        .save_page(
            day("2027-03-01"),
            "Tea, a walk. Then a long call with Mum.",
            Some(4),
            None,
        )
        .unwrap();
    drop(later);
    j
}

fn export_of(j: &Journal) -> Export {
    let mut e = journal_core::parse_export(&j.export_json().unwrap()).unwrap();
    e.exported_at = String::new();
    e
}

#[test]
fn a_journal_exported_and_imported_into_an_empty_one_is_the_same_journal() {
    let dir = tempfile::tempdir().unwrap();
    let a = lived_in(&dir.path().join("a.db"));
    let text = a.export_json().unwrap();
    assert!(text.starts_with("{\n  \"format\": \"breathing-room\",\n  \"version\": 1,"));

    let b = journal_at(&dir.path().join("b.db"), "2027-03-05T09:00:00Z");
    let s = b.import_json(&text, false).unwrap();
    assert_eq!((s.added, s.merged, s.unchanged, s.skipped), (2, 0, 0, 0));
    assert!(s.warnings.is_empty(), "{:?}", s.warnings);

    // Row for row, and read the same way through every reading the CLI has.
    assert_eq!(export_of(&a), export_of(&b));
    assert_eq!(
        a.list_pages(None, None).unwrap(),
        b.list_pages(None, None).unwrap()
    );
    assert_eq!(a.history(None).unwrap(), b.history(None).unwrap());
    assert_eq!(
        a.contacts_with(true).unwrap(),
        b.contacts_with(true).unwrap()
    );
    assert_eq!(a.urges_with(true).unwrap(), b.urges_with(true).unwrap());
    assert_eq!(a.settings().unwrap(), b.settings().unwrap());
    assert_eq!(a.helpful_cards().unwrap(), b.helpful_cards().unwrap());
    assert_eq!(
        a.space_status(Some(day("2027-03-01"))).unwrap(),
        b.space_status(Some(day("2027-03-01"))).unwrap()
    );
    assert_eq!(a.search("marigold").unwrap(), b.search("marigold").unwrap());
    assert_eq!(
        b.get_page(day("2027-03-01")).unwrap().body,
        "Tea, a walk. Then a long call with Mum."
    );
}

#[test]
fn the_same_file_twice_changes_nothing_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let text = lived_in(&dir.path().join("a.db")).export_json().unwrap();
    let b = journal_at(&dir.path().join("b.db"), "2027-03-05T09:00:00Z");
    b.import_json(&text, false).unwrap();
    let once = export_of(&b);
    let s = b.import_json(&text, false).unwrap();
    assert_eq!((s.added, s.merged, s.unchanged, s.skipped), (0, 0, 2, 0));
    assert!(s.warnings.is_empty(), "{:?}", s.warnings);
    assert_eq!(export_of(&b), once);
}

#[test]
fn into_a_journal_in_use_the_imported_text_goes_below_and_its_own_events_stay() {
    let dir = tempfile::tempdir().unwrap();
    let text = lived_in(&dir.path().join("a.db")).export_json().unwrap();
    let b = journal_at(&dir.path().join("b.db"), "2027-03-05T09:00:00Z");
    b.save_page(day("2027-03-01"), "My own words that day.", None, None)
        .unwrap();
    b.start_period(Some(day("2027-03-03")), None).unwrap();

    let dry = b.import_json(&text, true).unwrap();
    assert_eq!((dry.added, dry.merged), (1, 1));
    assert_eq!(
        b.list_pages(None, None).unwrap().len(),
        1,
        "a dry run writes nothing"
    );

    let s = b.import_json(&text, false).unwrap();
    assert_eq!((s.added, s.merged, s.unchanged), (1, 1, 0));
    assert!(
        s.warnings.iter().any(|w| w.contains("has its own")),
        "{:?}",
        s.warnings
    );
    let merged = b.get_page(day("2027-03-01")).unwrap();
    assert_eq!(
        merged.body,
        "My own words that day.\n\nTea, a walk. Then a long call with Mum."
    );
    assert_eq!(merged.mood, Some(4), "a mood is taken where there was none");
    // The page as it was is among its earlier texts.
    assert!(b
        .revisions(day("2027-03-01"))
        .unwrap()
        .iter()
        .any(|r| r.body == "My own words that day."));
    // Its own period stands; none of the file's came in.
    assert_eq!(b.current_period().unwrap().unwrap().start, "2027-03-03");
    assert!(b.contacts_with(true).unwrap().is_empty());
    // A backup was made first.
    assert!(!b.list_backups(None).unwrap().is_empty());

    let again = b.import_json(&text, false).unwrap();
    assert_eq!((again.added, again.merged, again.unchanged), (0, 0, 2));
}

#[test]
fn a_damaged_foreign_or_newer_file_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let text = lived_in(&dir.path().join("a.db")).export_json().unwrap();
    let b = journal_at(&dir.path().join("b.db"), "2027-03-05T09:00:00Z");
    let newer = text.replacen("\"version\": 1", "\"version\": 2", 1);
    let cut = &text[..text.len() / 2];
    for (file, says) in [
        ("not json at all", "line 1"),
        ("{\"format\": \"dayone\"}", "not a Breathing Room export"),
        (newer.as_str(), "newer version"),
        (cut, "line"),
        (
            "{\"format\": \"breathing-room\", \"version\": 1, \"exported_at\": \"x\", \"pages\": 7}",
            "damaged",
        ),
    ] {
        let e = b.import_json(file, false).unwrap_err();
        assert_eq!(e.code(), "invalid_input");
        assert!(e.user_message().contains(says), "{e}");
        assert!(e.user_message().contains("Nothing was imported"), "{e}");
    }
    assert!(b.list_pages(None, None).unwrap().is_empty());
    assert!(
        b.list_backups(None).unwrap().is_empty(),
        "nothing was even backed up"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn any_set_of_pages_comes_back_the_same(
        pages in proptest::collection::btree_map(
            (2000i32..2040, 1u32..=12, 1u32..=28),
            ("[a-zA-Zé' .,\n]{0,80}", proptest::option::of(1u8..=5)),
            0..12,
        )
    ) {
        let dir = tempfile::tempdir().unwrap();
        let a = journal_at(&dir.path().join("a.db"), "2041-01-01T12:00:00Z");
        for ((y, m, d), (body, mood)) in &pages {
            let date = NaiveDate::from_ymd_opt(*y, *m, *d).unwrap();
            a.save_page(date, body, *mood, None).unwrap();
        }
        let b = journal_at(&dir.path().join("b.db"), "2041-01-02T12:00:00Z");
        b.import_json(&a.export_json().unwrap(), false).unwrap();
        prop_assert_eq!(export_of(&a), export_of(&b));
    }
}

#[test]
fn markdown_is_a_file_per_day_and_the_periods_in_space_md_never_written_over() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let j = lived_in(&dir.path().join("a.db"));
    let out = dir.path().join("pages");
    let done = j.export_markdown(&out).unwrap();
    assert_eq!(done.pages, 2);
    let page = out.join("2027/03/2027-03-01.md");
    assert_eq!(
        std::fs::read_to_string(&page).unwrap(),
        "---\ndate: 2027-03-01\nmood: 4\n---\n\nTea, a walk. Then a long call with Mum.\n"
    );
    assert_eq!(
        std::fs::metadata(&page).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(out.join("2027/02/2027-02-10.md").exists());
    let space = std::fs::read_to_string(out.join("space.md")).unwrap();
    assert!(
        space.contains("## From 2027-02-12 to 2027-02-20"),
        "{space}"
    );
    assert!(space.contains("## Since 2027-02-22"), "{space}");
    assert!(
        space.contains("2027-02-14: A contact that had to happen: the school forms, signed"),
        "{space}"
    );
    assert!(
        space.contains(
            "2027-02-15: An urge to reach out, held back (strength 3 of 5): almost called"
        ),
        "{space}"
    );
    assert!(
        !space.contains("2027-02-16"),
        "a taken-back urge no longer counts: {space}"
    );
    assert!(
        space.contains("How it ended: We talked, calmly."),
        "{space}"
    );
    assert_eq!(
        space.matches("give them room").count(),
        1,
        "said once: {space}"
    );

    // A folder with anything in it is refused, and left as it was.
    let e = j.export_markdown(&out).unwrap_err();
    assert_eq!(e.code(), "invalid_input");
    assert_eq!(
        std::fs::read_to_string(&page).unwrap(),
        "---\ndate: 2027-03-01\nmood: 4\n---\n\nTea, a walk. Then a long call with Mum.\n"
    );
}

const JRNL_V2: &str = include_str!("fixtures/import/jrnl-v2.txt");
const JRNL_V4: &str = include_str!("fixtures/import/jrnl-v4.txt");

#[test]
fn a_jrnl_file_becomes_a_page_a_day_each_entry_under_its_time() {
    let dir = tempfile::tempdir().unwrap();
    let j = journal_at(&dir.path().join("j.db"), "2024-03-05T09:00:00Z");
    let s = j.import_jrnl(JRNL_V2, false).unwrap();
    assert_eq!((s.added, s.merged, s.unchanged, s.skipped), (3, 0, 0, 0));
    assert_eq!(
        j.get_page(day("2023-08-21")).unwrap().body,
        "08:05 Early start.\nCoffee on the step before anyone was up.\n\n\
         21:40 Long day at work.\nThe meeting ran over and I missed the bus.\nMade soup anyway. @home"
    );
    assert_eq!(
        j.get_page(day("2023-08-22")).unwrap().body,
        "19:15 ★ Wanted to text him.\nI wrote it out here instead and left it.\n@urge @held"
    );
    assert!(j
        .get_page(day("2023-08-24"))
        .unwrap()
        .body
        .starts_with("22:00 Café with Ana — ünïcödé is fine ☕"));

    // jrnl 4's default time format, 12-hour with seconds.
    let s = j.import_jrnl(JRNL_V4, false).unwrap();
    assert_eq!(s.added, 2);
    assert_eq!(
        j.get_page(day("2024-02-29")).unwrap().body,
        "09:01 A leap day.\nWalked the long way round.\n\n23:30 Late, can't sleep.\nCounted the days again: twelve."
    );
    assert_eq!(j.get_page(day("2024-03-01")).unwrap().body, "12:00 Noon.");

    // Twice: nothing changes.
    let before = export_of(&j);
    let again = j.import_jrnl(JRNL_V2, false).unwrap();
    assert_eq!((again.added, again.merged, again.unchanged), (0, 0, 3));
    assert_eq!(export_of(&j), before);
}

#[test]
fn a_file_that_is_not_a_jrnl_journal_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let j = journal_at(&dir.path().join("j.db"), "2024-03-05T09:00:00Z");
    let e = j
        .import_jrnl("Dear diary,\nno times here.\n", false)
        .unwrap_err();
    assert_eq!(e.code(), "invalid_input");
    assert!(e.user_message().contains("not a jrnl journal file"));
    assert!(j.list_pages(None, None).unwrap().is_empty());
    let s = j
        .import_jrnl(
            "A stray line first.\n[2023-08-21 09:01] Then an entry.\n",
            true,
        )
        .unwrap();
    assert_eq!(s.added, 1);
    assert!(s.warnings[0].contains("left out"), "{:?}", s.warnings);
    assert!(j.list_pages(None, None).unwrap().is_empty(), "a dry run");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn the_jrnl_reader_never_panics_on_any_text(text in "(\\PC|\\n|\\[|\\]|[0-9: -]){0,300}") {
        let dir = tempfile::tempdir().unwrap();
        let j = journal_at(&dir.path().join("j.db"), "2024-03-05T09:00:00Z");
        let _ = j.import_jrnl(&text, true);
    }
}

#[test]
fn jrnls_json_export_comes_in_like_its_text_file() {
    let dir = tempfile::tempdir().unwrap();
    let j = journal_at(&dir.path().join("j.db"), "2024-03-05T09:00:00Z");
    let s = j
        .import_jrnl_json(include_str!("fixtures/import/jrnl-export.json"), false)
        .unwrap();
    assert_eq!((s.added, s.skipped), (1, 0));
    assert!(s.warnings[0].contains("2023-02-30"), "{:?}", s.warnings);
    assert_eq!(
        j.get_page(day("2023-08-22")).unwrap().body,
        "08:05 Early start.\nCoffee on the step before anyone was up.\n\n\
         19:15 ★ Wanted to text him.\nI wrote it out here instead and left it.\n@urge"
    );
    let e = j.import_jrnl_json("{\"entries\": 3}", false).unwrap_err();
    assert!(e.user_message().contains("not a jrnl JSON export"), "{e}");
}

#[test]
fn a_folder_of_markdown_named_by_date_comes_in_and_our_own_export_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let a = lived_in(&dir.path().join("a.db"));
    let md = dir.path().join("md");
    a.export_markdown(&md).unwrap();
    std::fs::write(md.join("notes.txt"), "not a day").unwrap();
    std::fs::write(
        md.join("2027/03/2027-03-04.md"),
        "Written by hand, no front matter.\n",
    )
    .unwrap();

    let b = journal_at(&dir.path().join("b.db"), "2027-03-05T09:00:00Z");
    let s = b.import_markdown(&md, false).unwrap();
    assert_eq!((s.added, s.merged, s.skipped), (3, 0, 0));
    assert!(
        s.warnings.iter().any(|w| w.contains("passed over")),
        "{:?}",
        s.warnings
    );
    for date in ["2027-02-10", "2027-03-01"] {
        let (x, y) = (
            a.get_page(day(date)).unwrap(),
            b.get_page(day(date)).unwrap(),
        );
        assert_eq!((x.body, x.mood), (y.body, y.mood), "{date}");
    }
    assert_eq!(
        b.get_page(day("2027-03-04")).unwrap().body,
        "Written by hand, no front matter."
    );
    let again = b.import_markdown(&md, false).unwrap();
    assert_eq!((again.added, again.unchanged), (0, 3));

    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let e = b.import_markdown(&empty, false).unwrap_err();
    assert!(
        e.user_message().contains("no Markdown files named by date"),
        "{e}"
    );
}

#[test]
fn day_one_entries_land_on_the_day_they_were_written_where_they_were_written() {
    let dir = tempfile::tempdir().unwrap();
    let j = journal_at(&dir.path().join("j.db"), "2024-03-05T09:00:00Z");
    let json = include_bytes!("fixtures/import/dayone-journal.json");
    let s = j.import_dayone(json, false).unwrap();
    assert_eq!((s.added, s.skipped, s.media_skipped), (2, 0, 1));
    // 23:30 UTC is 19:30 that evening in New York, not the next day.
    assert_eq!(
        j.get_page(day("2023-08-21")).unwrap().body,
        "08:00\nLunch by the window.\n\n[photo: 0a1b2c.jpeg]\n\n\
         19:30 ★\nLate evening walk. Felt steadier - finally!\n\nTags: walks, evening\nPlace: Riverside Park"
    );
    // Midnight UTC is nine in the morning in Tokyo: an all-day entry there.
    assert_eq!(
        j.get_page(day("2023-08-22")).unwrap().body,
        "09:00\nA whole day, remembered: the train, the rain."
    );
    let again = j.import_dayone(json, false).unwrap();
    assert_eq!((again.added, again.unchanged), (0, 2));
}

#[test]
fn every_journal_in_a_day_one_zip_comes_in() {
    let dir = tempfile::tempdir().unwrap();
    let j = journal_at(&dir.path().join("j.db"), "2024-03-05T09:00:00Z");
    let s = j
        .import_dayone(include_bytes!("fixtures/import/dayone-export.zip"), false)
        .unwrap();
    assert_eq!((s.added, s.media_skipped), (3, 1));
    assert!(
        s.warnings.iter().any(|w| w.contains("not brought in")),
        "{:?}",
        s.warnings
    );
    assert_eq!(
        j.get_page(day("2023-09-01")).unwrap().body,
        "09:00\nFrom the second journal.\n\nTags: work"
    );
    for bad in [
        &b"PK\x03\x04 not really a zip"[..],
        b"{\"entries\": 5}",
        b"\xff\xfe",
    ] {
        let e = j.import_dayone(bad, true).unwrap_err();
        assert_eq!(e.code(), "invalid_input");
        assert!(e.user_message().contains("Nothing was imported"), "{e}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn the_importers_never_panic_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let dir = tempfile::tempdir().unwrap();
        let j = journal_at(&dir.path().join("j.db"), "2024-03-05T09:00:00Z");
        let _ = j.import_dayone(&bytes, true);
        let text = String::from_utf8_lossy(&bytes);
        let _ = j.import_json(&text, true);
        let _ = j.import_jrnl_json(&text, true);
    }
}

#[test]
fn an_encrypted_export_opens_only_with_its_own_passphrase_and_comes_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let a = lived_in(&dir.path().join("a.db"));
    let pass = journal_core::Passphrase::new("a walk by the lake").unwrap();
    let sealed = a.export_age(&pass).unwrap();
    assert!(sealed.starts_with(b"age-encryption.org/v1\n-> scrypt "));
    assert!(
        !sealed.windows(8).any(|w| w == b"Marigold"),
        "no words in the clear"
    );

    let b = journal_at(&dir.path().join("b.db"), "2027-03-05T09:00:00Z");
    let wrong = journal_core::Passphrase::new("a walk by the sea").unwrap();
    let e = b.import_age(&sealed, &wrong, false).unwrap_err();
    assert_eq!(e.code(), "wrong_passphrase");
    assert!(b.list_pages(None, None).unwrap().is_empty());
    let e = b
        .import_age(b"{\"format\": \"breathing-room\"}", &pass, false)
        .unwrap_err();
    assert!(e.user_message().contains("not an encrypted export"), "{e}");

    let s = b.import_age(&sealed, &pass, false).unwrap();
    assert_eq!(s.added, 2);
    assert_eq!(export_of(&a), export_of(&b));
}

/// The app's Settings and the CLI both go through these: a file chosen in a
/// dialog, written readable by its owner only, read back in the same way.
#[test]
fn exports_written_to_a_chosen_file_come_back_through_the_same_import() {
    use journal_core::{ExportFormat, ImportFormat};
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let a = lived_in(&dir.path().join("a.db"));
    let pass = journal_core::Passphrase::new("a walk by the lake").unwrap();

    let plain = dir.path().join("copy.json");
    let done = a.export_file(ExportFormat::Json, &plain, None).unwrap();
    assert_eq!((done.pages, done.encrypted), (2, false));
    let mode = std::fs::metadata(&plain).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "a plain export is the user's alone");
    assert!(!dir.path().join("copy.json.partial").exists());

    let sealed = dir.path().join("copy.age");
    let e = a.export_file(ExportFormat::Age, &sealed, None).unwrap_err();
    assert_eq!(e.code(), "passphrase_needed");
    assert!(!sealed.exists(), "nothing written without a passphrase");
    let done = a
        .export_file(ExportFormat::Age, &sealed, Some(&pass))
        .unwrap();
    assert_eq!((done.pages, done.encrypted), (2, true));

    let md = dir.path().join("pages");
    assert_eq!(
        a.export_file(ExportFormat::Markdown, &md, None)
            .unwrap()
            .pages,
        2
    );

    let b = journal_at(&dir.path().join("b.db"), "2027-03-05T09:00:00Z");
    let e = b
        .import_file(ImportFormat::Age, &sealed, None, true)
        .unwrap_err();
    assert_eq!(e.code(), "passphrase_needed");
    // The preview: what would come in, and from when to when.
    let preview = b
        .import_file(ImportFormat::Age, &sealed, Some(&pass), true)
        .unwrap();
    assert_eq!(preview.added, 2);
    assert_eq!(preview.first_day.as_deref(), Some("2027-02-10"));
    assert_eq!(preview.last_day.as_deref(), Some("2027-03-01"));
    assert!(
        b.list_pages(None, None).unwrap().is_empty(),
        "a preview writes nothing"
    );
    b.import_file(ImportFormat::Age, &sealed, Some(&pass), false)
        .unwrap();
    assert_eq!(export_of(&a), export_of(&b));
    let again = b
        .import_file(ImportFormat::Json, &plain, None, false)
        .unwrap();
    assert_eq!((again.added, again.merged, again.unchanged), (0, 0, 2));
    let again = b
        .import_file(ImportFormat::Markdown, &md, None, false)
        .unwrap();
    assert_eq!((again.added, again.merged), (0, 0));

    let e = b
        .import_file(
            ImportFormat::Jrnl,
            &dir.path().join("nowhere.txt"),
            None,
            false,
        )
        .unwrap_err();
    assert_eq!(e.code(), "io");
    assert_eq!(
        "jrnl-json".parse::<ImportFormat>().unwrap(),
        ImportFormat::JrnlJson
    );
    assert!("docx".parse::<ImportFormat>().is_err());
}

#[test]
fn a_day_whose_entries_are_apart_in_the_file_is_one_page_counted_once() {
    let dir = tempfile::tempdir().unwrap();
    let j = journal_at(&dir.path().join("j.db"), "2024-03-05T09:00:00Z");
    let file = "[2023-08-21 10:00] Morning.\nA walk.\n\n\
                [2023-08-22 09:00] Next day.\n\n\
                [2023-08-21 08:00] Written later, about the 21st.\n";
    let s = j.import_jrnl(file, false).unwrap();
    assert_eq!((s.added, s.merged, s.unchanged), (2, 0, 0));
    let page = j.get_page(day("2023-08-21")).unwrap();
    assert_eq!(
        page.body,
        "10:00 Morning.\nA walk.\n\n08:00 Written later, about the 21st."
    );
    assert!(
        j.revisions(day("2023-08-21")).unwrap().is_empty(),
        "one import, one page: no earlier text to keep"
    );
    let again = j.import_jrnl(file, false).unwrap();
    assert_eq!((again.added, again.merged, again.unchanged), (0, 0, 2));

    // Into a day already written here: merged once, its own text kept once.
    let k = journal_at(&dir.path().join("k.db"), "2024-03-05T09:00:00Z");
    k.save_page(day("2023-08-21"), "Mine first.", None, None)
        .unwrap();
    let s = k.import_jrnl(file, false).unwrap();
    assert_eq!((s.added, s.merged, s.unchanged), (1, 1, 0));
    assert_eq!(
        k.get_page(day("2023-08-21")).unwrap().body,
        "Mine first.\n\n10:00 Morning.\nA walk.\n\n08:00 Written later, about the 21st."
    );
    let history = k.revisions(day("2023-08-21")).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].body, "Mine first.");
}

#[test]
fn a_file_that_breaks_part_way_changes_nothing_and_leaves_no_backup_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let j = journal_at(&dir.path().join("j.db"), "2024-03-05T09:00:00Z");
    j.save_page(day("2024-03-01"), "Already here.", None, None)
        .unwrap();
    j.create_backup(None).unwrap();
    let before = export_of(&j);

    // Hundreds of good days, then a line that is not text.
    let mut file = Vec::new();
    for n in 0..400 {
        let d = day("2020-01-01") + chrono::Duration::days(n);
        file.extend(format!("[{d} 09:00] Day {n}.\nA quiet one.\n\n").bytes());
    }
    file.extend(b"[2021-02-05 09:00] \xff\xfe\n");
    let path = dir.path().join("journal.txt");
    std::fs::write(&path, &file).unwrap();
    let e = j
        .import_file(journal_core::ImportFormat::Jrnl, &path, None, false)
        .unwrap_err();
    assert!(e.user_message().contains("Line 1201"), "{e}");
    assert!(e.user_message().contains("Nothing was imported"), "{e}");
    assert_eq!(export_of(&j), before);
    assert_eq!(
        j.list_backups(None).unwrap().len(),
        1,
        "only the one before"
    );

    // An encrypted export damaged near its end: pages had been read when
    // the damage was found, and none of them stays.
    let big = journal_at(&dir.path().join("big.db"), "2024-03-05T09:00:00Z");
    for n in 0..300 {
        let d = day("2019-01-01") + chrono::Duration::days(n);
        big.save_page(
            d,
            &"A long day, written out in full. ".repeat(12),
            None,
            None,
        )
        .unwrap();
    }
    let pass = journal_core::Passphrase::new("a walk by the lake").unwrap();
    let mut sealed = big.export_age(&pass).unwrap();
    assert!(sealed.len() > 3 * 65536, "several pieces: {}", sealed.len());
    let near_end = sealed.len() - 100;
    sealed[near_end] ^= 0x20;
    let e = j.import_age(&sealed, &pass, false).unwrap_err();
    assert!(e.user_message().contains("Nothing was imported"), "{e}");
    assert_eq!(export_of(&j), before);
    assert_eq!(j.list_backups(None).unwrap().len(), 1);
}
