//! The development mock (`ui/src/ipc/dev-mock.ts`, `npm run dev` in a plain
//! browser) answers from fixtures the core writes here, so the UI never keeps
//! a second copy of the counting, guidance or settings rules. This test fails
//! when `ui/src/ipc/fixtures/` is stale; run it with `UPDATE_FIXTURES=1` to
//! write the files again.
//!
//! Every scenario is built through the `Journal` facade on an in-memory store
//! with a fixed clock, so the dates are absolute (`TODAY`); the mock only
//! shifts them to the real today.

use chrono::{DateTime, NaiveDate, TimeDelta};
use journal_core::{
    format_date, library_cards, parse_date, ContactKind, ErrorPayload, FixedClock, Journal,
    LibraryCard, NotePreview, PeriodDetail, SettingEntry, SpaceOverview, SpaceStatus, Store,
    Suggestion, When,
};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The fixed "today" every fixture is dated from (a Monday).
const TODAY: &str = "2027-03-15";
/// The fixed "now": the afternoon of `TODAY`, UTC.
const NOW: &str = "2027-03-15T15:00:00Z";

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/ipc/fixtures")
}

fn journal() -> Journal {
    Journal::new(
        Store::open_in_memory().expect("an in-memory journal"),
        FixedClock::at_utc(NOW),
    )
}

/// `TODAY` moved by `offset` days, `YYYY-MM-DD`.
fn day(offset: i64) -> String {
    let today = NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").expect("TODAY is a date");
    format_date(today + TimeDelta::days(offset))
}

/// The day `offset` days from `TODAY`.
fn d(offset: i64) -> NaiveDate {
    parse_date(&day(offset)).expect("a day")
}

/// The hour `hour` (UTC) of the day `offset` days from `TODAY`.
fn at(offset: i64, hour: u32) -> When {
    let t = format!("{}T{hour:02}:00:00Z", day(offset));
    When::At(DateTime::parse_from_rfc3339(&t).expect("a valid instant"))
}

/// The dev mock's modes that show the Space page differently.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scenario {
    /// A period open for twelve days, with contacts and urges in it (and one ended before).
    Default,
    /// Nothing started yet.
    New,
    /// One period, ended.
    Past,
    /// A period open for three days: a milestone waiting to be acknowledged.
    Milestone,
}

impl Scenario {
    const ALL: [Scenario; 4] = [
        Scenario::Default,
        Scenario::New,
        Scenario::Past,
        Scenario::Milestone,
    ];

    fn file(self) -> &'static str {
        match self {
            Scenario::Default => "space-default.json",
            Scenario::New => "space-new.json",
            Scenario::Past => "space-past.json",
            Scenario::Milestone => "space-milestone.json",
        }
    }
}

/// The journal of a scenario: the same events the mock used to make up.
fn build(scenario: Scenario) -> Journal {
    let j = journal();
    if scenario == Scenario::New {
        return j;
    }
    let note = "I am going to give you the room you asked for. I am all right, and I am here.";
    j.start_period(Some(d(-40)), Some(note)).unwrap();
    j.log_urge(
        at(-38, 22),
        Some(5),
        Some("Our anniversary. I wrote a message and deleted it."),
    )
    .unwrap();
    j.log_contact(
        ContactKind::Necessary,
        at(-35, 9),
        Some("The car insurance renewal."),
    )
    .unwrap();
    j.log_urge(at(-31, 13), Some(2), None).unwrap();
    j.log_contact(
        ContactKind::TheyReachedOut,
        at(-25, 17),
        Some("They sent a photo of the dog."),
    )
    .unwrap();
    j.end_period(
        Some(d(-20)),
        Some("We talked calmly in the end. Not fixed, but kinder."),
    )
    .unwrap();
    if scenario == Scenario::Past {
        return j;
    }
    let note = "I can see you need some room, and I want to respect that. I will step back for a \
                while. I am okay, and I am here if you need me.";
    let start = if scenario == Scenario::Milestone {
        -3
    } else {
        -12
    };
    j.start_period(Some(d(start)), Some(note)).unwrap();
    if scenario == Scenario::Milestone {
        return j;
    }
    j.log_urge(at(-11, 20), Some(4), Some("Saw their jacket by the door."))
        .unwrap();
    j.log_contact(
        ContactKind::Necessary,
        at(-9, 8),
        Some("Sorted out the school pickup for Thursday."),
    )
    .unwrap();
    j.log_contact(
        ContactKind::Pursued,
        at(-6, 23),
        Some("Sent a long message late at night."),
    )
    .unwrap();
    j.log_urge(at(-4, 14), None, None).unwrap();
    j.log_contact(
        ContactKind::TheyReachedOut,
        at(-2, 18),
        Some("They asked how I was doing."),
    )
    .unwrap();
    j.log_urge(
        at(-1, 21),
        Some(3),
        Some("Sunday evenings are the hardest."),
    )
    .unwrap();
    j
}

/// What the Space page and its history read, for one scenario.
#[derive(Serialize)]
struct SpaceFixture {
    today: String,
    overview: SpaceOverview,
    status: SpaceStatus,
    /// Every period in full, oldest first.
    periods: Vec<PeriodDetail>,
    /// The milestone still unseen once `overview.unseen_milestone` is acknowledged.
    unseen_after_seen: Option<u32>,
}

fn space(scenario: Scenario) -> SpaceFixture {
    let j = build(scenario);
    let overview = j.space_overview().unwrap();
    let mut ids: Vec<i64> = overview
        .period
        .iter()
        .chain(&overview.past_periods)
        .map(|p| p.id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let periods = ids.iter().map(|&id| j.period_detail(id).unwrap()).collect();
    let status = j.space_status(None).unwrap();
    let unseen_after_seen = match overview.unseen_milestone {
        Some(days) => {
            j.mark_milestone_seen(days).unwrap();
            j.space_overview().unwrap().unseen_milestone
        }
        None => None,
    };
    SpaceFixture {
        today: j.today(),
        overview,
        status,
        periods,
        unseen_after_seen,
    }
}

/// The mock's pages: (day offset from today, words, mood).
const PAGES: [(i64, &str, Option<u8>); 4] = [
    (
        0,
        "Slept better last night. The house felt less heavy this morning.\n\n\
         I noticed the urge to send a message around lunch, and I let it pass. \
         Made tea instead and called Mum. She reminded me that I do not have to fix everything this week.",
        Some(4),
    ),
    (
        -1,
        "A quieter day. I went for a long walk with my sister.",
        Some(3),
    ),
    (-3, "I wanted to text and I did not.", Some(2)),
    (
        -6,
        "Told them calmly that I would give them room.",
        Some(2),
    ),
];

/// Words to paste into today's page in the mock to see other cards.
const TRIES: [&str; 3] = [
    "I feel so alone tonight. Nobody to talk to.",
    "I keep checking my phone for a reply.",
    "I am scared of what he will do when he gets home.",
];

#[derive(Serialize)]
struct GuidanceExample {
    date: String,
    text: String,
    mood: Option<u8>,
    /// One of the mock's pages (the others are words to try).
    page: bool,
    suggestions: Vec<Suggestion>,
    /// The answer once one of those cards is set aside ("Not today"), by card id.
    set_aside: BTreeMap<String, Vec<Suggestion>>,
}

#[derive(Serialize)]
struct GuidanceFixture {
    today: String,
    library: Vec<LibraryCard>,
    /// Cards for the mock's pages, in the default scenario's period.
    examples: Vec<GuidanceExample>,
}

fn guidance_example(date: String, text: &str, mood: Option<u8>, page: bool) -> GuidanceExample {
    let j = build(Scenario::Default);
    let suggestions = j
        .guidance(Some(parse_date(&date).unwrap()), Some(text), mood)
        .unwrap();
    let mut set_aside = BTreeMap::new();
    for s in &suggestions {
        j.set_card_aside(&s.id, Some(parse_date(&date).unwrap()), true)
            .unwrap();
        let answer = j
            .guidance(Some(parse_date(&date).unwrap()), Some(text), mood)
            .unwrap();
        j.set_card_aside(&s.id, Some(parse_date(&date).unwrap()), false)
            .unwrap();
        set_aside.insert(s.id.clone(), answer);
    }
    GuidanceExample {
        date,
        text: text.to_string(),
        mood,
        page,
        suggestions,
        set_aside,
    }
}

fn guidance() -> GuidanceFixture {
    let mut examples: Vec<GuidanceExample> = PAGES
        .iter()
        .map(|&(offset, text, mood)| guidance_example(day(offset), text, mood, true))
        .collect();
    examples.push(guidance_example(day(0), "", None, false));
    for text in TRIES {
        examples.push(guidance_example(day(0), text, None, false));
    }
    GuidanceFixture {
        today: TODAY.to_string(),
        library: library_cards(),
        examples,
    }
}

/// The mock's settings, set through the core (so they are ones it accepts).
const MOCK_SETTINGS: [(&str, &str); 4] = [
    ("daily.time", "20:30"),
    ("discreet", "true"),
    ("checkin.days", "3"),
    ("close_to_tray", "true"),
];

/// Changes to show how the core answers: normalised, or refused.
const SETTING_TRIES: [(&str, &str); 8] = [
    ("daily.time", "7:05"),
    ("daily.time", "25:00"),
    ("daily.days", "sun, mon"),
    ("daily.days", "someday"),
    ("checkin.days", "45"),
    ("discreet", "maybe"),
    ("quiet.start", "22:00:30"),
    ("no.such.key", "true"),
];

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum Answer {
    Ok(SettingEntry),
    Error(ErrorPayload),
}

#[derive(Serialize)]
struct SettingExample {
    key: String,
    value: String,
    answer: Answer,
}

#[derive(Serialize)]
struct Previews {
    discreet: NotePreview,
    plain: NotePreview,
}

#[derive(Serialize)]
struct SettingsFixture {
    today: String,
    entries: Vec<SettingEntry>,
    /// The daily note's words, in the default scenario (a period open).
    previews: Previews,
    examples: Vec<SettingExample>,
}

fn settings() -> SettingsFixture {
    let j = build(Scenario::Default);
    for (key, value) in MOCK_SETTINGS {
        j.set_setting(key, value).unwrap();
    }
    let examples = SETTING_TRIES
        .iter()
        .map(|&(key, value)| SettingExample {
            key: key.to_string(),
            value: value.to_string(),
            // Each on a fresh journal, so one try does not change the next.
            answer: match journal().set_setting(key, value) {
                Ok(entry) => Answer::Ok(entry),
                Err(e) => Answer::Error(e.into()),
            },
        })
        .collect();
    SettingsFixture {
        today: j.today(),
        entries: j.settings().unwrap(),
        previews: Previews {
            discreet: j.notification_preview(true).unwrap(),
            plain: j.notification_preview(false).unwrap(),
        },
        examples,
    }
}

fn json<T: Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).expect("fixtures serialize");
    s.push('\n');
    s
}

#[test]
fn dev_fixtures_are_what_the_core_answers() {
    assert_eq!(journal().today(), TODAY);
    let mut files: Vec<(&str, String)> = Scenario::ALL
        .iter()
        .map(|&s| (s.file(), json(&space(s))))
        .collect();
    files.push(("guidance.json", json(&guidance())));
    files.push(("settings.json", json(&settings())));

    let dir = fixtures_dir();
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        for (name, want) in &files {
            std::fs::write(dir.join(name), want).unwrap();
        }
        return;
    }
    let stale: Vec<&str> = files
        .iter()
        .filter(|(name, want)| std::fs::read_to_string(dir.join(name)).ok().as_ref() != Some(want))
        .map(|(name, _)| *name)
        .collect();
    assert!(
        stale.is_empty(),
        "stale dev fixtures: {stale:?}; run `UPDATE_FIXTURES=1 cargo test -p journal-core --test dev_fixtures` and commit ui/src/ipc/fixtures"
    );
}
