//! The choice of a few cards that fit the moment: the stage of the period,
//! the mood, the words on the page and what was logged that day.

use super::library::{library, Card, DayEvent, Stage, Suggestion, Theme, Trigger};
use chrono::{Datelike, NaiveDate};

/// At most this many cards stand beside a page.
pub const MAX_SUGGESTIONS: usize = 3;

/// What the choice of cards looks at.
#[derive(Debug, Clone)]
pub struct GuidanceContext<'a> {
    pub date: NaiveDate,
    pub stage: Stage,
    pub mood: Option<u8>,
    pub text: &'a str,
    pub events: &'a [DayEvent],
    /// Cards set aside for this day.
    pub set_aside: &'a [String],
}

/// A word reduced to a simple common form, so "texted", "texting" and "texts"
/// all read as "text", and "calling" and "call" agree.
fn stem(word: &str) -> String {
    let mut w: String = word.to_lowercase().replace('\u{2019}', "'");
    if let Some(i) = w.find('\'') {
        w.truncate(i);
    }
    for suffix in ["ing", "ed", "es", "s"] {
        if w.len() >= suffix.len() + 3 && w.ends_with(suffix) {
            w.truncate(w.len() - suffix.len());
            break;
        }
    }
    if w.len() >= 4 && w.ends_with('e') {
        w.pop();
    }
    let b = w.as_bytes();
    if b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] {
        w.pop();
    }
    w
}

fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .filter(|w| !w.is_empty())
        .map(stem)
        .collect()
}

fn stems(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| stem(w)).collect()
}

/// Does `phrase` (several words) occur in `toks`?
fn has_phrase(toks: &[String], phrase: &str) -> bool {
    let p: Vec<String> = tokens(phrase);
    !p.is_empty() && toks.windows(p.len()).any(|w| w == p.as_slice())
}

fn has_any(toks: &[String], words: &[&str]) -> bool {
    let s = stems(words);
    toks.iter().any(|t| s.contains(t))
}

/// One of `verbs` followed, within three words, by one of `objects`.
fn verb_then(toks: &[String], verbs: &[&str], objects: &[&str]) -> bool {
    let (v, o) = (stems(verbs), stems(objects));
    toks.iter()
        .enumerate()
        .any(|(i, t)| v.contains(t) && toks.iter().skip(i + 1).take(3).any(|n| o.contains(n)))
}

const PARTNER: &[&str] = &[
    "him",
    "her",
    "them",
    "husband",
    "wife",
    "partner",
    "spouse",
    "ex",
    "boyfriend",
    "girlfriend",
];
const REACH_VERBS: &[&str] = &[
    "text", "call", "phone", "ring", "email", "message", "dm", "contact", "write", "see", "visit",
    "beg", "ask", "tell",
];
const REACH_PHRASES: &[&str] = &[
    "reach out",
    "go over there",
    "drive over",
    "show up",
    "send a message",
    "send a text",
    "get in touch",
];
const DANGER_WORDS: &[&str] = &[
    "suicide", "suicidal", "unsafe", "abuse", "abusive", "violent", "violence",
];
const DANGER_PHRASES: &[&str] = &[
    "hurt myself",
    "harm myself",
    "kill myself",
    "end my life",
    "end it all",
    "want to die",
    "wanted to die",
    "self harm",
    "not safe",
    "hit me",
    "hurt me",
    "threatened me",
    "threatens me",
    "no reason to live",
];
const FEAR_WORDS: &[&str] = &["afraid", "scared", "frightened", "terrified"];
const LONELY_WORDS: &[&str] = &[
    "lonely",
    "loneliness",
    "alone",
    "isolated",
    "empty",
    "nobody",
];
const WAITING_WORDS: &[&str] = &["waiting", "phone", "reply", "notification", "silence"];
const WAITING_PHRASES: &[&str] = &[
    "hear from",
    "heard from",
    "check my phone",
    "checked my phone",
];

/// What the page and the day say, as reasons a theme fits.
struct Signals {
    danger: bool,
    wants_to_reach_out: bool,
    lonely: bool,
    waiting: bool,
}

fn read_signals(text: &str) -> Signals {
    let toks = tokens(text);
    let phrase = |list: &[&str]| list.iter().any(|p| has_phrase(&toks, p));
    Signals {
        danger: has_any(&toks, DANGER_WORDS)
            || phrase(DANGER_PHRASES)
            || verb_then(&toks, FEAR_WORDS, PARTNER),
        wants_to_reach_out: verb_then(&toks, REACH_VERBS, PARTNER) || phrase(REACH_PHRASES),
        lonely: has_any(&toks, LONELY_WORDS),
        waiting: has_any(&toks, WAITING_WORDS) || phrase(WAITING_PHRASES),
    }
}

/// A stable number for a day, so the same day shows the same cards.
fn day_number(date: NaiveDate) -> usize {
    usize::try_from(date.num_days_from_ce()).unwrap_or(0)
}

struct Picker<'a> {
    ctx: &'a GuidanceContext<'a>,
    toks: Vec<String>,
    chosen: Vec<Suggestion>,
}

impl<'a> Picker<'a> {
    fn full(&self) -> bool {
        self.chosen.len() >= MAX_SUGGESTIONS
    }

    /// Not shown yet, and not set aside (the safety card cannot be set aside).
    fn available(&self, c: &Card) -> bool {
        !self.chosen.iter().any(|s| s.id == c.id)
            && (c.theme == Theme::Safety || !self.ctx.set_aside.contains(&c.id))
    }

    /// How well a card fits beyond its theme: its words on the page first,
    /// then today's events and mood, then the stage.
    fn fit(&self, c: &Card) -> u32 {
        let words = c.words().filter(|w| self.toks.contains(&stem(w))).count() as u32;
        let events = self
            .ctx
            .events
            .iter()
            .filter(|e| c.has(&Trigger::Event(**e)))
            .count() as u32;
        let mood = match self.ctx.mood {
            Some(1 | 2) => c.has(&Trigger::LowMood),
            Some(4 | 5) => c.has(&Trigger::HighMood),
            _ => false,
        } as u32;
        let stage = c.has(&Trigger::Stage(self.ctx.stage)) as u32;
        words * 8 + events * 4 + mood * 2 + stage
    }

    /// Add the best-fitting card of `theme`, rotating among equals by date.
    fn take(&mut self, theme: Theme, reason: &str) {
        if self.full() || self.chosen.iter().any(|s| s.theme == theme) {
            return;
        }
        let candidates: Vec<&Card> = library()
            .iter()
            .filter(|c| c.theme == theme && self.available(c))
            .collect();
        let Some(best) = candidates.iter().map(|c| self.fit(c)).max() else {
            return;
        };
        let top: Vec<&&Card> = candidates.iter().filter(|c| self.fit(c) == best).collect();
        let card = top[day_number(self.ctx.date) % top.len()];
        self.push(card, reason.to_string());
    }

    fn push(&mut self, card: &Card, reason: String) {
        self.chosen.push(Suggestion {
            id: card.id.clone(),
            theme: card.theme,
            title: card.title.clone(),
            body: card.body.clone(),
            reason,
        });
    }

    /// Fill the remaining places from the stage's cards, a different window
    /// of them each day.
    fn rotate(&mut self) {
        let stage = Trigger::Stage(self.ctx.stage);
        let pool: Vec<&Card> = library()
            .iter()
            .filter(|c| c.theme != Theme::Safety && c.has(&stage))
            .collect();
        if pool.is_empty() {
            return;
        }
        let start = day_number(self.ctx.date) * MAX_SUGGESTIONS;
        for i in 0..pool.len() {
            if self.full() {
                break;
            }
            let card = pool[(start + i) % pool.len()];
            if self.available(card) && !self.chosen.iter().any(|s| s.theme == card.theme) {
                self.push(card, self.ctx.stage.reason().to_string());
            }
        }
    }
}

/// At most three cards for this moment, each with the reason it was chosen.
pub fn select_guidance(ctx: &GuidanceContext<'_>) -> Vec<Suggestion> {
    let signals = read_signals(ctx.text);
    let mut p = Picker {
        ctx,
        toks: tokens(ctx.text),
        chosen: Vec::new(),
    };
    let happened = |e: DayEvent| ctx.events.contains(&e);
    if signals.danger {
        p.take(
            Theme::Safety,
            "because some of what you wrote sounds like you may not be safe",
        );
    }
    if happened(DayEvent::Pursued) {
        p.take(Theme::Setbacks, "because you reached out today");
    }
    if signals.wants_to_reach_out {
        p.take(Theme::Urges, "because you wrote about wanting to reach out");
    }
    if happened(DayEvent::TheyReachedOut) {
        p.take(Theme::TheyReachedOut, "because they reached out today");
    }
    if happened(DayEvent::Urge) {
        p.take(Theme::Urges, "because you held back an urge today");
    }
    if happened(DayEvent::Necessary) {
        p.take(
            Theme::NecessaryContact,
            "because you had a necessary contact today",
        );
    }
    if signals.lonely {
        p.take(Theme::Support, "because you wrote about feeling alone");
    }
    if signals.waiting {
        p.take(
            Theme::Waiting,
            "because you wrote about waiting to hear from them",
        );
    }
    if matches!(ctx.mood, Some(1 | 2)) {
        p.take(Theme::Support, "because today feels heavy");
    }
    match ctx.stage {
        Stage::None => {
            p.take(Theme::Upfront, "because you have not started a period yet");
            p.take(
                Theme::NotTooFar,
                "because you have not started a period yet",
            );
        }
        Stage::Day0 => {
            p.take(Theme::Upfront, "because today is day 0");
            p.take(Theme::NotTooFar, "because today is day 0");
        }
        _ => {}
    }
    p.rotate();
    p.chosen
}
