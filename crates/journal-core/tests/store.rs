//! The journal as a person uses it: writing a day's page, reading it back,
//! listing and searching, the limits on what can be saved, the earlier text
//! kept as revisions, and two programs using the same file at once.
//!
//! Every test runs on a real file database (WAL, synchronous=FULL), as the
//! app and the CLI do.

use chrono::{Days, NaiveDate, SecondsFormat, TimeDelta};
use journal_core::{count_words, first_line, FixedClock, Page, PageSummary, Store, MAX_BODY_BYTES};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use rstest::rstest;
use std::collections::{BTreeMap, BTreeSet};
use tempfile::TempDir;

const T0: &str = "2027-03-14T09:00:00Z";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A clock `secs` seconds after `T0` (before it, if negative).
fn at(secs: i64) -> FixedClock {
    let c = FixedClock::at_utc(T0);
    FixedClock::new(c.now + TimeDelta::seconds(secs), c.offset)
}

/// How the store writes an instant.
fn stamp(secs: i64) -> String {
    at(secs).now.to_rfc3339_opts(SecondsFormat::Millis, true)
}

const MIN: i64 = 60;
const HOUR: i64 = 60 * MIN;
const DAY: i64 = 24 * HOUR;

/// A new, empty journal in a temporary folder.
fn fresh() -> (TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("journal.db")).unwrap();
    (dir, store)
}

fn dates(list: &[PageSummary]) -> Vec<&str> {
    list.iter().map(|s| s.date.as_str()).collect()
}

// ---------------------------------------------------------------------------
// Writing, reading, listing

#[test]
fn a_day_with_nothing_written_is_an_empty_page() {
    let (_dir, store) = fresh();

    let page = store.page(day("2027-03-14")).unwrap();

    assert_eq!(page.date, "2027-03-14");
    assert_eq!(page.body, "");
    assert_eq!(page.mood, None);
    assert_eq!(page.words, 0);
    assert_eq!(page.created_at, None);
    assert_eq!(page.updated_at, None);
    assert!(store.revisions(day("2027-03-14")).unwrap().is_empty());
    assert!(store.list_pages(None, None).unwrap().is_empty());
    assert!(store.search("anything", 10).unwrap().is_empty());
}

#[test]
fn a_saved_page_reads_back_is_listed_and_is_found() {
    let (_dir, mut store) = fresh();
    let d = day("2027-03-14");
    let body = "\n  Quiet morning by the river.  \nThe heron was back.";

    let saved = store.save_page(d, body, Some(4), &at(0)).unwrap();

    let expected = Page {
        date: "2027-03-14".into(),
        body: body.into(),
        mood: Some(4),
        words: 9,
        created_at: Some("2027-03-14T09:00:00.000Z".into()),
        updated_at: Some("2027-03-14T09:00:00.000Z".into()),
        version: 1,
        written: true,
    };
    assert_eq!(saved, expected);
    assert_eq!(store.page(d).unwrap(), expected);
    assert_eq!(
        store.list_pages(None, None).unwrap(),
        [PageSummary {
            date: "2027-03-14".into(),
            mood: Some(4),
            words: 9,
            first_line: "Quiet morning by the river.".into(),
        }]
    );
    let hits = store.search("heron", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].date, "2027-03-14");
    assert_eq!(marked(&hits[0]), ["heron"], "{:?}", hits[0]);
    assert!(!hits[0].snippet.contains("**"));
}

/// The words a hit marks in its snippet.
fn marked(hit: &journal_core::SearchHit) -> Vec<String> {
    let chars: Vec<char> = hit.snippet.chars().collect();
    hit.ranges
        .iter()
        .map(|&(a, b)| chars[a as usize..b as usize].iter().collect())
        .collect()
}

#[test]
fn a_long_first_line_is_shortened_in_the_list() {
    let (_dir, mut store) = fresh();
    let long = "So much happened today that I do not know where to begin, honestly, \
                but I will try to get it all down before I forget.";
    store
        .save_page(day("2027-03-14"), long, None, &at(0))
        .unwrap();

    let line = &store.list_pages(None, None).unwrap()[0].first_line;

    assert!(line.chars().count() <= 80, "{line}");
    assert!(line.ends_with('…'), "{line}");
    assert!(long.starts_with(line.trim_end_matches('…')), "{line}");
}

/// A journal whose days exercise what the list shows and hides.
fn listing_journal() -> (TempDir, Store) {
    let (dir, mut store) = fresh();
    let c = at(0);
    // Saved out of order: the list must be in date order regardless.
    for (d, body, mood) in [
        ("2027-04-01", "April begins.", None),
        ("2027-03-31", "Last of March.", Some(5)),
        ("2027-02-28", "End of February.", None),
        ("2027-03-01", "", None),        // saved empty: nothing to list
        ("2027-03-02", "", Some(2)),     // only a mood: listed
        ("2027-03-03", "  \n\t ", None), // only blanks: nothing to list
        ("2027-03-04", "😢", None),      // no "words", but written
        ("2027-03-05", "— …", None),     // punctuation is still writing
        ("2027-03-10", "To be wiped.", None),
    ] {
        store.save_page(day(d), body, mood, &c).unwrap();
    }
    store
        .save_page(day("2027-03-10"), "", None, &at(MIN))
        .unwrap();
    (dir, store)
}

#[rstest]
#[case::everything(None, None, &["2027-02-28", "2027-03-02", "2027-03-04", "2027-03-05", "2027-03-31", "2027-04-01"])]
#[case::march_inclusive(Some("2027-03-01"), Some("2027-03-31"), &["2027-03-02", "2027-03-04", "2027-03-05", "2027-03-31"])]
#[case::one_day(Some("2027-03-02"), Some("2027-03-02"), &["2027-03-02"])]
#[case::a_gap(Some("2027-03-06"), Some("2027-03-30"), &[])]
#[case::only_an_empty_day(Some("2027-03-01"), Some("2027-03-01"), &[])]
#[case::reversed_bounds(Some("2027-04-01"), Some("2027-03-01"), &[])]
#[case::up_to(None, Some("2027-02-28"), &["2027-02-28"])]
#[case::from(Some("2027-03-31"), None, &["2027-03-31", "2027-04-01"])]
fn the_list_is_oldest_first_within_inclusive_bounds_and_skips_empty_days(
    #[case] from: Option<&str>,
    #[case] to: Option<&str>,
    #[case] want: &[&str],
) {
    let (_dir, store) = listing_journal();

    let list = store.list_pages(from.map(day), to.map(day)).unwrap();

    assert_eq!(dates(&list), want);
}

#[test]
fn list_rows_carry_mood_words_and_first_line() {
    let (_dir, store) = listing_journal();
    let list = store.list_pages(None, None).unwrap();
    let row = |d: &str| list.iter().find(|s| s.date == d).unwrap().clone();

    assert_eq!(
        row("2027-03-02"),
        PageSummary {
            date: "2027-03-02".into(),
            mood: Some(2),
            words: 0,
            first_line: String::new(),
        }
    );
    assert_eq!(row("2027-03-04").first_line, "😢");
    assert_eq!(row("2027-03-31").mood, Some(5));
    assert_eq!(row("2027-03-31").words, 3);
    assert_eq!(row("2027-03-31").first_line, "Last of March.");
}

// ---------------------------------------------------------------------------
// What is refused

#[rstest]
#[case(0)]
#[case(6)]
#[case(255)]
fn a_mood_outside_one_to_five_is_refused_and_nothing_changes(#[case] mood: u8) {
    let (_dir, mut store) = fresh();
    let written = day("2027-03-14");
    let unwritten = day("2027-03-15");
    let before = store
        .save_page(written, "What I wrote this morning.", Some(3), &at(0))
        .unwrap();

    let err = store
        .save_page(written, "Changed text.", Some(mood), &at(HOUR))
        .unwrap_err();
    let err2 = store
        .save_page(unwritten, "New text.", Some(mood), &at(HOUR))
        .unwrap_err();

    for e in [&err, &err2] {
        assert_eq!(e.code(), "invalid_input");
        assert!(e.to_string().contains("1 to 5"), "{e}");
        assert!(e.to_string().contains("nothing was saved"), "{e}");
    }
    assert_eq!(store.page(written).unwrap(), before);
    assert_eq!(
        store.page(unwritten).unwrap(),
        Page::empty("2027-03-15".into())
    );
    assert!(store.revisions(written).unwrap().is_empty());
    assert_eq!(
        dates(&store.list_pages(None, None).unwrap()),
        ["2027-03-14"]
    );
    assert!(store.search("changed", 5).unwrap().is_empty());
}

#[rstest]
#[case::no_mood(None)]
#[case::lowest(Some(1))]
#[case::highest(Some(5))]
fn moods_one_to_five_and_no_mood_are_kept(#[case] mood: Option<u8>) {
    let (_dir, mut store) = fresh();
    let d = day("2027-03-14");
    store.save_page(d, "text", Some(3), &at(0)).unwrap();

    store.save_page(d, "text", mood, &at(MIN)).unwrap();

    assert_eq!(store.page(d).unwrap().mood, mood);
}

#[test]
fn a_body_of_exactly_the_limit_is_kept_and_one_byte_more_is_refused() {
    let (_dir, mut store) = fresh();
    // Two bytes per character: the limit counts bytes, not characters.
    let exact = "é".repeat(MAX_BODY_BYTES / 2);
    assert_eq!(exact.len(), MAX_BODY_BYTES);
    let over = format!("{exact}a");

    let kept = store
        .save_page(day("2027-03-14"), &exact, None, &at(0))
        .unwrap();
    assert_eq!(kept.body, exact);
    assert_eq!(store.page(day("2027-03-14")).unwrap().body, exact);

    let d = day("2027-03-15");
    let earlier = store
        .save_page(d, "The earlier text of the day.", Some(2), &at(0))
        .unwrap();
    let err = store.save_page(d, &over, Some(2), &at(HOUR)).unwrap_err();

    assert_eq!(err.code(), "invalid_input");
    assert!(err.to_string().contains("at most 1 MiB"), "{err}");
    assert!(err.to_string().contains("Nothing was saved"), "{err}");
    assert_eq!(store.page(d).unwrap(), earlier);
    assert!(store.revisions(d).unwrap().is_empty());
    assert_eq!(store.search("earlier", 5).unwrap().len(), 1);
}

// ---------------------------------------------------------------------------
// Text in any script

#[rstest]
#[case::hebrew("היום הרגשתי קצת יותר טוב.\nשלום לכולם")]
#[case::cjk("今日は静かな一日でした。散歩に行った。\n我今天很开心")]
#[case::combining_accents("cafe\u{301} nai\u{308}ve re\u{301}sume\u{301}")]
#[case::precomposed_accents("café naïve résumé Ångström")]
#[case::zwj_family_and_flags("👨‍👩‍👧 at the lake 🏳️‍🌈 👋🏽")]
#[case::mixed_direction("Met דנה at 10 — מעולה! (שלום)")]
#[case::crlf_and_tabs("line one\r\n\tline two\r\n")]
#[case::byte_order_mark("\u{feff}starts with a BOM")]
#[case::nul_character("before\0after")]
#[case::astral_math("𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ∑ ∞")]
fn text_in_any_script_survives_byte_for_byte_and_across_a_reopen(#[case] text: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    let d = day("2027-03-14");
    let mut store = Store::open(&path).unwrap();

    let saved = store.save_page(d, text, Some(3), &at(0)).unwrap();
    assert_eq!(saved.body.as_bytes(), text.as_bytes());
    assert_eq!(saved.words, count_words(text));
    drop(store);

    let store = Store::open(&path).unwrap();
    assert_eq!(store.page(d).unwrap().body.as_bytes(), text.as_bytes());
    let list = store.list_pages(None, None).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].first_line, first_line(text));
}

fn multilingual_journal() -> (TempDir, Store) {
    let (dir, mut store) = fresh();
    for (d, body) in [
        ("2027-03-01", "Coffee at the café with Noa."),
        ("2027-03-02", "A plain cafe near the station."),
        (
            "2027-03-03",
            "Café au lait, written decomposed: cafe\u{301}.",
        ),
        ("2027-03-04", "היום הרגשתי טוב"),
        ("2027-03-05", "今日は静かな一日でした。散歩に行った。"),
        ("2027-03-06", "Sent my résumé today."),
        ("2027-03-07", "👨‍👩‍👧 at the lake"),
    ] {
        store.save_page(day(d), body, None, &at(0)).unwrap();
    }
    (dir, store)
}

#[rstest]
#[case::without_accent("cafe", &["2027-03-01", "2027-03-02", "2027-03-03"])]
#[case::with_accent("café", &["2027-03-01", "2027-03-02", "2027-03-03"])]
#[case::upper_case("CAFÉ", &["2027-03-01", "2027-03-02", "2027-03-03"])]
#[case::decomposed_query("re\u{301}sume\u{301}", &["2027-03-06"])]
#[case::precomposed_query("résumé", &["2027-03-06"])]
#[case::plain_query("resume", &["2027-03-06"])]
#[case::hebrew_word("הרגשתי", &["2027-03-04"])]
#[case::cjk_run_from_its_start("今日", &["2027-03-05"])]
#[case::cjk_whole_run("今日は静かな一日でした", &["2027-03-05"])]
#[case::cjk_second_run("散歩", &["2027-03-05"])]
#[case::word_beside_emoji("lake", &["2027-03-07"])]
fn search_matches_across_accents_case_and_scripts(#[case] query: &str, #[case] want: &[&str]) {
    let (_dir, store) = multilingual_journal();

    let hits = store.search(query, 10).unwrap();

    let mut got: Vec<&str> = hits.iter().map(|h| h.date.as_str()).collect();
    got.sort_unstable();
    assert_eq!(got, want, "{query:?}");
    for h in &hits {
        assert!(!marked(h).is_empty(), "{query:?}: {h:?}");
    }
}

// ---------------------------------------------------------------------------
// Search

#[test]
fn search_ranks_the_page_that_says_it_most_first_and_highlights_it() {
    let (_dir, mut store) = fresh();
    // The page with the word once is the newer one, so a date order would
    // put it first; only ranking puts the other first.
    let many = "The lighthouse again. I walked to the lighthouse, sat under the \
                lighthouse, thought about the lighthouse keeper and the lighthouse \
                light, and went home past the lighthouse.";
    let once = "A long day at work, then groceries, then the news, then a short \
                walk where I saw the lighthouse from far away, then dinner and bed \
                and nothing else to say.";
    store
        .save_page(day("2027-03-01"), many, None, &at(0))
        .unwrap();
    store
        .save_page(day("2027-03-10"), once, None, &at(0))
        .unwrap();
    store
        .save_page(day("2027-03-11"), "Nothing about the sea.", None, &at(0))
        .unwrap();

    let hits = store.search("lighthouse", 10).unwrap();

    let got: Vec<&str> = hits.iter().map(|h| h.date.as_str()).collect();
    assert_eq!(got, ["2027-03-01", "2027-03-10"]);
    for h in &hits {
        assert!(marked(h).iter().any(|w| w == "lighthouse"), "{h:?}");
    }
    let top = store.search("lighthouse", 1).unwrap();
    assert_eq!(top.len(), 1);
    assert_eq!(top[0].date, "2027-03-01");
}

#[test]
fn search_needs_every_word_and_matches_word_beginnings() {
    let (_dir, mut store) = fresh();
    store
        .save_page(
            day("2027-03-01"),
            "Storm over the lighthouse.",
            None,
            &at(0),
        )
        .unwrap();
    store
        .save_page(
            day("2027-03-02"),
            "The lighthouse in sunshine.",
            None,
            &at(0),
        )
        .unwrap();

    let both = store.search("lighthouse storm", 10).unwrap();
    assert_eq!(both.len(), 1);
    assert_eq!(both[0].date, "2027-03-01");

    let prefix = store.search("light", 10).unwrap();
    assert_eq!(prefix.len(), 2);
    assert!(
        marked(&prefix[0]).iter().any(|w| w == "lighthouse"),
        "{:?}",
        prefix[0]
    );

    assert!(store.search("lighthouses", 10).unwrap().is_empty());
}

/// A journal with words for hostile queries to trip over (or find).
fn hostile_journal() -> (TempDir, Store) {
    let (dir, mut store) = fresh();
    store
        .save_page(
            day("2027-03-01"),
            "Near the sea I wanted to text him, and then I didn't. Or nothing. \
             a b col x body.",
            Some(2),
            &at(0),
        )
        .unwrap();
    store
        .save_page(
            day("2027-03-02"),
            "Another day, another page.",
            None,
            &at(0),
        )
        .unwrap();
    (dir, store)
}

#[rstest]
#[case::lone_quote("\"", false)]
#[case::empty_quotes("\"\"", false)]
#[case::and("AND", true)]
#[case::or_not("OR NOT", true)]
#[case::star("*", false)]
#[case::minus("-x", true)]
#[case::open_bracket("(", false)]
#[case::close_bracket(")", false)]
#[case::unbalanced("text AND (him", true)]
#[case::near("NEAR(a b)", true)]
#[case::column_filter("col:x", true)]
#[case::real_column_name("body:text", true)]
#[case::caret("^", false)]
#[case::apostrophe("'", false)]
#[case::empty("", false)]
#[case::blank("   \t\n", false)]
#[case::apostrophe_word("didn't", true)]
#[case::quoted_phrase("\"text him\"", true)]
#[case::trailing_star("tex*", true)]
#[case::braces("{body}: text", true)]
#[case::plus_and_minus("+sea -sea", true)]
#[case::sql_quote("'; DROP TABLE page; --", false)]
#[case::emoji_only("😢🙂👨‍👩‍👧", false)]
#[case::nul("text\0him", true)]
fn search_treats_any_input_as_plain_words_and_never_fails(
    #[case] query: &str,
    #[case] finds_the_page: bool,
) {
    let (_dir, store) = hostile_journal();

    let hits = store
        .search(query, 10)
        .unwrap_or_else(|e| panic!("{query:?}: {e}"));

    let found = hits.iter().any(|h| h.date == "2027-03-01");
    assert_eq!(found, finds_the_page, "{query:?}: {hits:?}");
    assert_eq!(store.page(day("2027-03-01")).unwrap().mood, Some(2));
}

#[test]
fn search_survives_huge_queries() {
    let (_dir, store) = hostile_journal();
    let punctuation: String = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
        .chars()
        .cycle()
        .take(10 * 1024)
        .collect();
    let many_words = "text ".repeat(2_000);
    let many_different: String = (0..2_000).map(|i| format!("w{i} ")).collect();
    let emoji = "😢".repeat(2_500);

    assert!(store.search(&punctuation, 10).unwrap().is_empty());
    assert_eq!(store.search(&many_words, 10).unwrap().len(), 1);
    assert!(store.search(&many_different, 10).unwrap().is_empty());
    assert!(store.search(&emoji, 10).unwrap().is_empty());
}

fn query_strategy() -> impl Strategy<Value = String> {
    let fts_bits = prop::collection::vec(
        prop_oneof![
            Just("\"".to_string()),
            Just("*".to_string()),
            Just("(".to_string()),
            Just(")".to_string()),
            Just(":".to_string()),
            Just("^".to_string()),
            Just("-".to_string()),
            Just("+".to_string()),
            Just("'".to_string()),
            Just(" AND ".to_string()),
            Just(" OR ".to_string()),
            Just(" NOT ".to_string()),
            Just("NEAR".to_string()),
            Just(" ".to_string()),
            "[a-zA-Z0-9]{1,6}",
            "\\PC{1,4}",
        ],
        0..16,
    )
    .prop_map(|parts| parts.concat());
    prop_oneof![any::<String>(), "\\PC{0,40}", fts_bits]
}

#[test]
fn search_never_fails_whatever_is_typed() {
    let (_dir, store) = hostile_journal();
    let mut runner = TestRunner::new(Config {
        cases: 2_000,
        failure_persistence: None,
        ..Config::default()
    });

    runner
        .run(&query_strategy(), |q| {
            store
                .search(&q, 10)
                .map_err(|e| TestCaseError::fail(format!("{q:?}: {e}")))?;
            Ok(())
        })
        .unwrap();
}

// ---------------------------------------------------------------------------
// Earlier text kept as revisions

#[rstest]
#[case::same_instant(0, 0)]
#[case::a_minute_later(MIN, 0)]
#[case::just_under_ten_minutes(10 * MIN - 1, 0)]
#[case::exactly_ten_minutes(10 * MIN, 0)]
#[case::just_over_ten_minutes(10 * MIN + 1, 1)]
#[case::a_day_later(DAY, 1)]
fn replaced_text_is_kept_only_once_it_had_stood_over_ten_minutes(
    #[case] gap: i64,
    #[case] kept: usize,
) {
    let (_dir, mut store) = fresh();
    let d = day("2027-03-14");
    store.save_page(d, "First text.", Some(2), &at(0)).unwrap();

    let page = store
        .save_page(d, "Second text.", Some(4), &at(gap))
        .unwrap();

    assert_eq!(page.body, "Second text.");
    assert_eq!(page.mood, Some(4));
    let revisions = store.revisions(d).unwrap();
    assert_eq!(revisions.len(), kept, "{revisions:?}");
    if let Some(r) = revisions.first() {
        assert_eq!(r.date, "2027-03-14");
        assert_eq!(r.body, "First text.");
        assert_eq!(r.mood, Some(2));
        assert_eq!(r.saved_at, stamp(0));
        assert_eq!(r.replaced_at, stamp(gap));
    }
}

#[test]
fn an_hour_of_autosaves_keeps_no_revisions_and_the_next_days_edit_keeps_one() {
    let (_dir, mut store) = fresh();
    let d = day("2027-03-14");
    let mut text = String::new();
    for i in 0..30 {
        text.push_str(&format!("sentence {i}. "));
        store.save_page(d, &text, None, &at(i * 2 * MIN)).unwrap();
    }
    assert!(store.revisions(d).unwrap().is_empty());

    store
        .save_page(d, "Rewritten the next morning.", None, &at(DAY))
        .unwrap();

    let revisions = store.revisions(d).unwrap();
    assert_eq!(revisions.len(), 1);
    assert_eq!(revisions[0].body, text);
    assert_eq!(revisions[0].saved_at, stamp(29 * 2 * MIN));
}

#[rstest]
#[case::empty("")]
#[case::only_blanks("  \n\t ")]
fn wiping_a_page_always_keeps_its_text_even_seconds_later(#[case] wipe: &str) {
    let (_dir, mut store) = fresh();
    let d = day("2027-03-14");
    store
        .save_page(d, "Everything I wrote tonight.", Some(1), &at(0))
        .unwrap();

    let page = store.save_page(d, wipe, None, &at(1)).unwrap();

    assert_eq!(page.body, wipe);
    let revisions = store.revisions(d).unwrap();
    assert_eq!(revisions.len(), 1);
    assert_eq!(revisions[0].body, "Everything I wrote tonight.");
    assert_eq!(revisions[0].mood, Some(1));
    assert!(store.list_pages(None, None).unwrap().is_empty());
    assert!(store.search("tonight", 5).unwrap().is_empty());

    // Nothing left to keep: wiping again, or writing anew, adds no revision.
    store.save_page(d, "", None, &at(2)).unwrap();
    store.save_page(d, "A new start.", None, &at(3)).unwrap();
    assert_eq!(store.revisions(d).unwrap().len(), 1);
}

#[test]
fn saving_the_same_text_and_mood_changes_nothing() {
    let (_dir, mut store) = fresh();
    let d = day("2027-03-14");
    let first = store.save_page(d, "Same words.", Some(3), &at(0)).unwrap();

    let again = store
        .save_page(d, "Same words.", Some(3), &at(DAY))
        .unwrap();

    assert_eq!(again, first);
    assert_eq!(store.page(d).unwrap().updated_at, Some(stamp(0)));
    assert!(store.revisions(d).unwrap().is_empty());

    // A different mood is a real change.
    let moved = store
        .save_page(d, "Same words.", Some(4), &at(DAY))
        .unwrap();
    assert_eq!(moved.mood, Some(4));
    assert_eq!(moved.updated_at, Some(stamp(DAY)));
}

#[test]
fn created_at_stays_the_first_save_while_updated_at_follows_each_save() {
    let (_dir, mut store) = fresh();
    let d = day("2027-03-14");
    for (secs, body) in [
        (0, "first"),
        (HOUR, "second"),
        (DAY, ""),
        (2 * DAY, "third"),
    ] {
        let page = store.save_page(d, body, None, &at(secs)).unwrap();
        assert_eq!(page.created_at, Some(stamp(0)), "{body:?}");
        assert_eq!(page.updated_at, Some(stamp(secs)), "{body:?}");
        assert_eq!(store.page(d).unwrap(), page);
    }
}

#[test]
fn a_clock_that_jumps_backwards_breaks_nothing() {
    let (_dir, mut store) = fresh();
    let d = day("2027-03-14");
    store
        .save_page(d, "Noon text.", Some(3), &at(3 * HOUR))
        .unwrap();

    // The clock is corrected three hours back.
    let page = store
        .save_page(d, "Morning text.", Some(2), &at(0))
        .unwrap();
    assert_eq!(page.body, "Morning text.");
    assert_eq!(page.created_at, Some(stamp(3 * HOUR)));
    assert_eq!(page.updated_at, Some(stamp(0)));
    let before = store.revisions(d).unwrap().len();

    // Time then moves on normally: the ten-minute rule works from there.
    store
        .save_page(d, "Morning, edited.", Some(2), &at(5 * MIN))
        .unwrap();
    assert_eq!(store.revisions(d).unwrap().len(), before);
    store
        .save_page(d, "Later still.", Some(2), &at(20 * MIN))
        .unwrap();
    let revisions = store.revisions(d).unwrap();
    assert_eq!(revisions.len(), before + 1);
    assert_eq!(revisions[0].body, "Morning, edited.");

    // A wipe dated before every earlier save still keeps the text.
    store.save_page(d, "", None, &at(-DAY)).unwrap();
    let revisions = store.revisions(d).unwrap();
    assert_eq!(revisions.len(), before + 2);
    assert_eq!(revisions[0].body, "Later still.");
    assert_eq!(store.page(d).unwrap().body, "");
    assert_eq!(store.search("later", 5).unwrap().len(), 0);
}

// ---------------------------------------------------------------------------
// Two programs on one file

#[test]
fn a_second_program_can_write_while_the_first_reads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    let reader = Store::open(&path).unwrap();
    const PAGES: u64 = 120;
    let start = day("2027-01-01");

    let writer_path = path.clone();
    let writer = std::thread::spawn(move || {
        let mut store = Store::open(&writer_path).unwrap();
        for i in 0..PAGES {
            let d = start + Days::new(i);
            store
                .save_page(
                    d,
                    &format!("written by the other program, page{i}"),
                    Some(3),
                    &at(0),
                )
                .unwrap();
        }
    });

    let mut seen = 0;
    let mut loops = 0;
    while !writer.is_finished() {
        let listed = reader.list_pages(None, None).unwrap().len();
        assert!(listed >= seen, "pages disappeared: {listed} after {seen}");
        seen = listed;
        reader.search("program", 200).unwrap();
        reader.page(start).unwrap();
        loops += 1;
    }
    writer.join().unwrap();

    assert!(loops > 0);
    let list = reader.list_pages(None, None).unwrap();
    assert_eq!(list.len() as u64, PAGES);
    assert_eq!(reader.search("program", 500).unwrap().len() as u64, PAGES);
    assert_eq!(reader.search("page119", 5).unwrap().len(), 1);
}

#[test]
fn two_programs_can_write_different_days_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.db");
    drop(Store::open(&path).unwrap());
    const PAGES: u64 = 60;

    let writers: Vec<_> = [day("2027-01-01"), day("2028-01-01")]
        .into_iter()
        .map(|start| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut store = Store::open(&path).unwrap();
                for i in 0..PAGES {
                    store
                        .save_page(start + Days::new(i), &format!("day {i}"), None, &at(0))
                        .unwrap();
                    store.list_pages(None, None).unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }

    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.list_pages(None, None).unwrap().len() as u64,
        2 * PAGES
    );
}

// ---------------------------------------------------------------------------
// Any sequence of saves

const REVISION_AFTER_SECS: i64 = 10 * 60;

fn body_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("  \n".to_string()),
        Just("😢".to_string()),
        Just("same".to_string()),
        "[a-z]{1,8}( [a-z]{1,8}){0,5}",
        "\\PC{0,30}",
    ]
}

fn saves_strategy() -> impl Strategy<Value = Vec<(u64, String, Option<u8>, i64)>> {
    prop::collection::vec(
        (
            0u64..6,
            body_strategy(),
            prop::option::of(1u8..=5),
            // Seconds the clock moves before this save (sometimes backwards).
            prop_oneof![0i64..120, 500i64..700, 3_600i64..7_200, -600i64..0],
        ),
        1..24,
    )
}

#[derive(Debug, Clone)]
struct Model {
    body: String,
    mood: Option<u8>,
    updated: i64,
    /// When the text (not only the mood) last changed.
    text_changed: i64,
    revisions: Vec<(String, Option<u8>)>,
}

proptest! {
    #![proptest_config(Config { cases: 48, failure_persistence: None, ..Config::default() })]

    #[test]
    fn the_last_save_of_each_day_is_what_is_read_listed_and_revised(
        saves in saves_strategy(),
    ) {
        let (_dir, mut store) = fresh();
        let start = day("2027-03-01");
        let mut model: BTreeMap<u64, Model> = BTreeMap::new();
        let mut now = 0i64;

        for (offset, body, mood, step) in &saves {
            now += step;
            let d = start + Days::new(*offset);
            store.save_page(d, body, *mood, &at(now)).unwrap();
            match model.get_mut(offset) {
                None => {
                    model.insert(*offset, Model {
                        body: body.clone(),
                        mood: *mood,
                        updated: now,
                        text_changed: now,
                        revisions: Vec::new(),
                    });
                }
                Some(m) if m.body == *body && m.mood == *mood => {}
                Some(m) => {
                    let stood = now - m.text_changed;
                    let wipes = body.trim().is_empty();
                    let halves = count_words(body) * 2 < count_words(&m.body);
                    if m.body != *body
                        && !m.body.trim().is_empty()
                        && (stood > REVISION_AFTER_SECS || wipes || halves)
                    {
                        m.revisions.push((m.body.clone(), m.mood));
                    }
                    if m.body != *body {
                        m.text_changed = now;
                    }
                    m.body = body.clone();
                    m.mood = *mood;
                    m.updated = now;
                }
            }
        }

        for offset in 0u64..6 {
            let d = start + Days::new(offset);
            let page = store.page(d).unwrap();
            match model.get(&offset) {
                None => prop_assert_eq!(page.created_at, None),
                Some(m) => {
                    prop_assert_eq!(&page.body, &m.body);
                    prop_assert_eq!(page.mood, m.mood);
                    prop_assert_eq!(page.words, count_words(&m.body));
                    prop_assert_eq!(page.updated_at, Some(stamp(m.updated)));
                    let got: Vec<(String, Option<u8>)> = store
                        .revisions(d)
                        .unwrap()
                        .into_iter()
                        .rev()
                        .map(|r| (r.body, r.mood))
                        .collect();
                    prop_assert_eq!(&got, &m.revisions);
                }
            }
        }
        let listed: BTreeSet<String> = store
            .list_pages(None, None)
            .unwrap()
            .into_iter()
            .map(|s| s.date)
            .collect();
        let want: BTreeSet<String> = model
            .iter()
            .filter(|(_, m)| !m.body.trim().is_empty() || m.mood.is_some())
            .map(|(o, _)| (start + Days::new(*o)).format("%Y-%m-%d").to_string())
            .collect();
        prop_assert_eq!(listed, want);
    }
}

// ---------------------------------------------------------------------------
// Text it has not seen is never replaced unkept; history and restore

#[test]
fn a_mood_only_save_does_not_restart_the_ten_minutes() {
    let (_dir, mut store) = fresh();
    let d = day("2027-03-14");
    store
        .save_page(d, "Written at nine.", None, &at(0))
        .unwrap();
    // The mood is set eight minutes later: the text itself did not change.
    store
        .save_page(d, "Written at nine.", Some(3), &at(8 * MIN))
        .unwrap();

    store
        .save_page(d, "Rewritten at twelve past.", Some(3), &at(12 * MIN))
        .unwrap();

    let revisions = store.revisions(d).unwrap();
    assert_eq!(revisions.len(), 1, "{revisions:?}");
    assert_eq!(revisions[0].body, "Written at nine.");
}

#[test]
fn a_save_that_drops_more_than_half_the_words_keeps_them_even_seconds_later() {
    let (_dir, mut store) = fresh();
    let d = day("2027-03-14");
    let long = "one two three four five six seven eight nine ten";
    store.save_page(d, long, None, &at(0)).unwrap();
    // Select all and retype: the first keystrokes are saved a moment later.
    store.save_page(d, "A new", None, &at(5)).unwrap();
    store.save_page(d, "A new start", None, &at(6)).unwrap();

    let revisions = store.revisions(d).unwrap();
    assert_eq!(revisions.len(), 1, "{revisions:?}");
    assert_eq!(revisions[0].body, long);

    // Trimming a few words is ordinary editing: nothing kept.
    let (_dir2, mut other) = fresh();
    other.save_page(d, long, None, &at(0)).unwrap();
    other
        .save_page(d, "one two three four five six seven", None, &at(5))
        .unwrap();
    assert!(other.revisions(d).unwrap().is_empty());
}

#[test]
fn a_save_from_an_older_version_keeps_the_text_saved_elsewhere_and_says_so() {
    let (_dir, mut store) = fresh();
    let d = day("2027-03-14");
    let opened = store
        .save_page(d, "Typed in the app.", None, &at(0))
        .unwrap();
    assert_eq!(opened.version, 1);
    // Another writer (the command line) replaces the page a minute later.
    let elsewhere = store
        .save_page_from(d, "Written from the terminal.", None, None, &at(MIN))
        .unwrap();
    assert_eq!(elsewhere.page.version, 2);
    assert!(elsewhere.replaced_elsewhere.is_none());

    // The app, still on version 1, saves its next keystrokes.
    let saved = store
        .save_page_from(d, "Typed in the app, more.", None, Some(1), &at(2 * MIN))
        .unwrap();

    assert_eq!(saved.page.body, "Typed in the app, more.");
    assert_eq!(saved.page.version, 3);
    let other = saved.replaced_elsewhere.expect("the other text is named");
    assert_eq!(other.body, "Written from the terminal.");
    let kept: Vec<String> = store
        .revisions(d)
        .unwrap()
        .into_iter()
        .map(|r| r.body)
        .collect();
    // Nothing anyone wrote is gone: the app's first text (replaced unseen by
    // the terminal) and the terminal's text (replaced unseen by the app).
    assert_eq!(kept, ["Written from the terminal.", "Typed in the app."]);

    // The app's next save starts from version 3: an ordinary save again.
    let next = store
        .save_page_from(d, "Typed in the app, more!", None, Some(3), &at(3 * MIN))
        .unwrap();
    assert!(next.replaced_elsewhere.is_none());
    assert_eq!(store.revisions(d).unwrap().len(), 2);
}

#[test]
fn appending_adds_a_paragraph_and_replaces_nothing() {
    let (_dir, mut store) = fresh();
    let d = day("2027-03-14");
    let first = store.append_to_page(d, "Morning.", None, &at(0)).unwrap();
    assert_eq!(first.body, "Morning.");
    store
        .save_page(d, "Morning.\n\n", Some(4), &at(MIN))
        .unwrap();

    let page = store
        .append_to_page(d, "Evening, after the walk.", None, &at(2 * MIN))
        .unwrap();

    assert_eq!(page.body, "Morning.\n\nEvening, after the walk.");
    assert_eq!(page.mood, Some(4), "the mood stays");
    assert!(store.revisions(d).unwrap().is_empty());
}

#[test]
fn restoring_an_earlier_version_keeps_the_current_text_too() {
    let (_dir, mut store) = fresh();
    let d = day("2027-03-14");
    store
        .save_page(d, "The long first draft of the night.", Some(2), &at(0))
        .unwrap();
    store.save_page(d, "", None, &at(MIN)).unwrap(); // wiped by mistake
    store.save_page(d, "Oops.", None, &at(2 * MIN)).unwrap();
    let history = store.history(Some(d)).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].first_line, "The long first draft of the night.");
    assert_eq!(history[0].words, 7);

    let page = store.restore_revision(history[0].id, &at(3 * MIN)).unwrap();

    assert_eq!(page.body, "The long first draft of the night.");
    assert_eq!(page.mood, Some(2));
    let after = store.history(None).unwrap();
    assert_eq!(after.len(), 2);
    assert_eq!(after[0].first_line, "Oops.", "newest first");
    let e = store.revision(9999).unwrap_err();
    assert_eq!(e.code(), "invalid_input");
}

// ---------------------------------------------------------------------------
// One meaning of "written"

#[rstest]
#[case::words("A walk by the river.", None, true)]
#[case::only_an_emoji("😢", None, true)]
#[case::only_dots("…", None, true)]
#[case::only_a_mood("", Some(2), true)]
#[case::blank("   \n\t", None, false)]
#[case::wiped("", None, false)]
fn the_list_the_calendar_and_the_reminders_agree_on_what_is_written(
    #[case] body: &str,
    #[case] mood: Option<u8>,
    #[case] written: bool,
) {
    let (_dir, mut store) = fresh();
    let d = day("2027-03-14");
    store.save_page(d, "first", None, &at(0)).unwrap();
    let page = store.save_page(d, body, mood, &at(MIN)).unwrap();

    assert_eq!(page.written, written, "the page itself");
    assert_eq!(journal_core::is_written(body, mood), written);
    let listed = store.list_pages(None, None).unwrap();
    assert_eq!(
        !listed.is_empty(),
        written,
        "the list (and the calendar's marks)"
    );
    let facts = store.reminder_facts(d).unwrap();
    assert_eq!(facts.written.contains(&d), written, "the reminders");
}

#[test]
fn the_welcome_shows_on_a_new_journal_until_it_is_done_and_never_on_one_in_use() {
    let (_dir, mut store) = fresh();
    assert!(store.needs_welcome().unwrap());
    store.welcome_done().unwrap();
    store.welcome_done().unwrap();
    assert!(!store.needs_welcome().unwrap());
    // The marker is kept beside the settings but is not one of them.
    let keys: Vec<String> = store
        .settings()
        .unwrap()
        .entries()
        .into_iter()
        .map(|e| e.key)
        .collect();
    assert!(!keys.iter().any(|k| k.contains("welcome")), "{keys:?}");

    // A journal already written in, or with a period begun, is not new.
    let (_dir, mut written) = fresh();
    written
        .save_page(day("2027-03-14"), "A first page.", None, &at(0))
        .unwrap();
    assert!(!written.needs_welcome().unwrap());
    let (_dir, mut giving_space) = fresh();
    giving_space
        .start_period(day("2027-03-14"), None, &at(0))
        .unwrap();
    assert!(!giving_space.needs_welcome().unwrap());
}

#[test]
fn search_finds_phrases_and_keeps_only_the_days_a_filter_keeps() {
    use journal_core::{ContactKind, Journal, SearchFilter, When};
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::new(
        Store::open(dir.path().join("journal.db")).unwrap(),
        FixedClock::at_utc("2027-03-20T21:00:00Z"),
    );
    for (d, body, mood) in [
        (
            "2027-03-01",
            "I called him about the boiler. Rain all day.",
            Some(2),
        ),
        (
            "2027-03-05",
            "Him and me, called off the walk. Rain.",
            Some(4),
        ),
        (
            "2027-03-09",
            "Walked by the river in the rain and called my sister.",
            Some(4),
        ),
    ] {
        j.save_page(day(d), body, mood, None).unwrap();
    }
    j.log_urge(When::Day(day("2027-03-05")), Some(3), None)
        .unwrap();
    let taken_back = j
        .log_urge(When::Day(day("2027-03-09")), None, None)
        .unwrap();
    j.remove_urge(taken_back.id).unwrap();
    j.log_contact(ContactKind::Necessary, When::Day(day("2027-03-01")), None)
        .unwrap();
    let dates = |q: &str, f: &SearchFilter| -> Vec<String> {
        let mut d: Vec<String> = j
            .search_with(q, f, 10)
            .unwrap()
            .into_iter()
            .map(|h| h.date)
            .collect();
        d.sort();
        d
    };
    let all = SearchFilter::default();
    // A phrase is those words in that order; words alone are anywhere.
    assert_eq!(dates("\"called him\"", &all), ["2027-03-01"]);
    assert_eq!(dates("called him", &all).len(), 2);
    assert_eq!(dates("walk*", &all), ["2027-03-05", "2027-03-09"]);
    assert_eq!(
        dates("\"walk\"", &all),
        ["2027-03-05"],
        "a quoted word is whole"
    );
    let from = SearchFilter {
        from: Some(day("2027-03-02")),
        to: Some(day("2027-03-08")),
        ..SearchFilter::default()
    };
    assert_eq!(dates("rain", &from), ["2027-03-05"]);
    let glad = SearchFilter {
        mood: Some(4),
        ..SearchFilter::default()
    };
    assert_eq!(dates("rain", &glad), ["2027-03-05", "2027-03-09"]);
    let urges = SearchFilter {
        urge: true,
        ..SearchFilter::default()
    };
    assert_eq!(
        dates("rain", &urges),
        ["2027-03-05"],
        "a taken-back urge is no urge"
    );
    let necessary = SearchFilter {
        contact: Some(ContactKind::Necessary),
        ..SearchFilter::default()
    };
    assert_eq!(dates("rain", &necessary), ["2027-03-01"]);
    // A card marked as having helped on a day (the clock's day here: 20 March).
    j.save_page(
        day("2027-03-20"),
        "Rain again, and the card about company.",
        None,
        None,
    )
    .unwrap();
    j.set_card_helpful("support-let-people-keep-you-company", true)
        .unwrap();
    let helped = SearchFilter {
        helped: true,
        ..SearchFilter::default()
    };
    assert_eq!(dates("rain", &helped), ["2027-03-20"]);
    let hit = &j.search_with("boiler", &all, 10).unwrap()[0];
    assert_eq!(hit.mood, Some(2));
    // Hostile input is only words.
    for q in [
        "\"", "\"\"\"", "NEAR(", "rain OR", "*", "col:rain", "-rain", "^rain",
    ] {
        assert!(j.search_with(q, &all, 10).is_ok(), "{q}");
    }
}
