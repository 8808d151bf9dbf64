//! The card library: Markdown files embedded at build time, written in our
//! own words, each with a theme and the triggers that make it fit a moment.

use crate::error::{Error, Result};
use include_dir::{include_dir, Dir};
use serde::Serialize;
use std::sync::LazyLock;
use ts_rs::TS;

static CARD_FILES: Dir = include_dir!("$CARGO_MANIFEST_DIR/guidance");

macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
        pub enum $name { $(#[serde(rename = $s)] #[ts(rename = $s)] $variant),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str { match self { $($name::$variant => $s),+ } }
            pub fn parse(s: &str) -> Option<Self> { Self::ALL.iter().copied().find(|v| v.as_str() == s) }
        }
    };
}

string_enum!(
    /// The theme a card belongs to (exactly one).
    Theme {
        Upfront = "upfront",
        GivingSpace = "giving-space",
        NotTooFar = "not-too-far",
        Urges = "urges",
        Waiting = "waiting",
        Support = "support",
        SelfWork = "self-work",
        Sincerity = "sincerity",
        TheyReachedOut = "they-reached-out",
        Setbacks = "setbacks",
        NecessaryContact = "necessary-contact",
        Safety = "safety",
    }
);

string_enum!(
    /// Where the person is in a period of giving space.
    Stage {
        None = "none",
        Day0 = "day0",
        Days1To3 = "days1-3",
        Days4To7 = "days4-7",
        Days8To30 = "days8-30",
        Beyond30 = "beyond30",
    }
);

string_enum!(
    /// Something logged on the day of the page (`company`: time with
    /// people; `quiet`: none for `support.nudge_days` days).
    DayEvent {
        Urge = "urge",
        Pursued = "pursued",
        TheyReachedOut = "they-reached-out",
        Necessary = "necessary",
        Company = "company",
        Quiet = "quiet",
    }
);

impl Stage {
    /// The stage on a day `days_since_start` after day 0 (None: no period).
    pub fn from_days(days_since_start: Option<u32>) -> Stage {
        match days_since_start {
            None => Stage::None,
            Some(0) => Stage::Day0,
            Some(1..=3) => Stage::Days1To3,
            Some(4..=7) => Stage::Days4To7,
            Some(8..=30) => Stage::Days8To30,
            Some(_) => Stage::Beyond30,
        }
    }

    pub(crate) fn reason(self) -> &'static str {
        match self {
            Stage::None => "for before you begin",
            Stage::Day0 => "for day 0",
            Stage::Days1To3 => "for the first few days",
            Stage::Days4To7 => "for the first week",
            Stage::Days8To30 => "for the weeks after the first",
            Stage::Beyond30 => "for the longer stretch",
        }
    }
}

/// What makes a card especially fitting, from its front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trigger {
    Stage(Stage),
    LowMood,
    HighMood,
    Event(DayEvent),
    /// A word on the page (matched in its simple forms: call, calls, calling).
    Word(String),
}

impl Trigger {
    fn parse(s: &str) -> Option<Trigger> {
        let (kind, value) = s.split_once(':')?;
        match kind {
            "stage" => Stage::parse(value).map(Trigger::Stage),
            "mood" if value == "low" => Some(Trigger::LowMood),
            "mood" if value == "high" => Some(Trigger::HighMood),
            "event" => DayEvent::parse(value).map(Trigger::Event),
            "word" if !value.is_empty() && value.chars().all(|c| c.is_ascii_lowercase()) => {
                Some(Trigger::Word(value.to_string()))
            }
            _ => None,
        }
    }
}

/// A guidance card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub id: String,
    pub theme: Theme,
    pub title: String,
    /// Plain Markdown paragraphs.
    pub body: String,
    pub triggers: Vec<Trigger>,
}

impl Card {
    pub(crate) fn has(&self, t: &Trigger) -> bool {
        self.triggers.contains(t)
    }

    pub(crate) fn words(&self) -> impl Iterator<Item = &str> {
        self.triggers.iter().filter_map(|t| match t {
            Trigger::Word(w) => Some(w.as_str()),
            _ => None,
        })
    }
}

/// A card as shown beside a page, with why it was chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Suggestion {
    pub id: String,
    pub theme: Theme,
    pub title: String,
    pub body: String,
    /// In plain words: "because you wrote about calling".
    pub reason: String,
}

/// A card as the library lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LibraryCard {
    pub id: String,
    pub theme: Theme,
    pub title: String,
    pub body: String,
    /// The words on a page that bring this card (so the library's filter
    /// finds a card by what it is for, not only by what it says).
    pub words: Vec<String>,
}

/// Parse one card file: a `---` front matter of `key: value` lines, then the body.
pub fn parse_card(name: &str, text: &str) -> Result<Card> {
    let bad = |why: &str| Error::invalid(format!("guidance card {name}: {why}"));
    let rest = text
        .strip_prefix("---\n")
        .ok_or_else(|| bad("must start with a --- front matter"))?;
    let (front, body) = rest
        .split_once("\n---\n")
        .ok_or_else(|| bad("front matter must end with ---"))?;
    let (mut id, mut theme, mut title, mut triggers) = (None, None, None, None);
    for line in front.lines().filter(|l| !l.trim().is_empty()) {
        let (key, value) = line
            .split_once(':')
            .ok_or_else(|| bad(&format!("\"{line}\" is not key: value")))?;
        let value = value.trim();
        match key.trim() {
            "id" => id = Some(value.to_string()),
            "theme" => {
                theme = Some(
                    Theme::parse(value).ok_or_else(|| bad(&format!("unknown theme {value}")))?,
                )
            }
            "title" => title = Some(value.to_string()),
            "triggers" => {
                let list = value
                    .strip_prefix('[')
                    .and_then(|v| v.strip_suffix(']'))
                    .ok_or_else(|| bad("triggers must be a [list]"))?;
                let parsed = list
                    .split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(|t| Trigger::parse(t).ok_or_else(|| bad(&format!("bad trigger {t}"))))
                    .collect::<Result<Vec<_>>>()?;
                triggers = Some(parsed);
            }
            other => return Err(bad(&format!("unknown key {other}"))),
        }
    }
    let card = Card {
        id: id.ok_or_else(|| bad("no id"))?,
        theme: theme.ok_or_else(|| bad("no theme"))?,
        title: title.ok_or_else(|| bad("no title"))?,
        body: body.trim().to_string(),
        triggers: triggers.ok_or_else(|| bad("no triggers"))?,
    };
    let id_ok = !card.id.is_empty()
        && card
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !id_ok {
        return Err(bad("id must be lowercase kebab-case"));
    }
    if card.triggers.is_empty() {
        return Err(bad("needs at least one trigger"));
    }
    Ok(card)
}

static LIBRARY: LazyLock<Vec<Card>> = LazyLock::new(|| {
    let mut cards: Vec<Card> = CARD_FILES
        .files()
        .filter(|f| f.path().extension().is_some_and(|e| e == "md"))
        .map(|f| {
            let name = f.path().display().to_string();
            let text = f.contents_utf8().unwrap_or_default();
            // The library is validated by a test; a broken file is a build defect.
            parse_card(&name, text).unwrap_or_else(|e| panic!("{e}"))
        })
        .collect();
    cards.sort_by(|a, b| (a.theme, &a.id).cmp(&(b.theme, &b.id)));
    cards
});

/// Every card, grouped by theme.
pub fn library() -> &'static [Card] {
    &LIBRARY
}

/// Every card as the library page shows it.
pub fn library_cards() -> Vec<LibraryCard> {
    library()
        .iter()
        .map(|c| LibraryCard {
            id: c.id.clone(),
            theme: c.theme,
            title: c.title.clone(),
            body: c.body.clone(),
            words: c.words().map(str::to_string).collect(),
        })
        .collect()
}
