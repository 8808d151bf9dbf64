//! The choice of a few cards that fit the moment: the stage of the period,
//! the mood, the words on the page and what was logged that day.

use super::learned;
use super::library::{library, Card, DayEvent, Stage, Suggestion, Theme, Trigger};
use super::signals::{page_sentences, read_signals, Danger};
use super::words::stem;
use chrono::{Datelike, NaiveDate};
use std::collections::HashSet;

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

/// Themes about something that happened: never chosen by the stage's
/// rotation, only when it happened or was written about (a "starting
/// again" card beside a day where nothing went wrong reads as a verdict).
const ONLY_WHEN_HEARD: &[Theme] = &[
    Theme::Safety,
    Theme::Setbacks,
    Theme::TheyReachedOut,
    Theme::NecessaryContact,
    Theme::Urges,
];

/// Beside the safety card: company, and small care.
const SAFE_COMPANY: &str = "support-let-people-keep-you-company";
const SAFE_CARE: &str = "self-work-small-care-every-day";
/// Beside a day with time with people.
const COMPANY_CARD: &str = "support-enjoy-the-company";

/// A stable number for a day, so the same day shows the same cards.
fn day_number(date: NaiveDate) -> usize {
    usize::try_from(date.num_days_from_ce()).unwrap_or(0)
}

struct Picker<'a> {
    ctx: &'a GuidanceContext<'a>,
    /// The stems of the page's words.
    stems: HashSet<String>,
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
        let words = c.words().filter(|w| self.stems.contains(&stem(w))).count() as u32;
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

    /// Add one named card, when it is there and not shown yet.
    fn take_card(&mut self, id: &str, reason: &str) {
        if self.full() {
            return;
        }
        if let Some(card) = library().iter().find(|c| c.id == id && self.available(c)) {
            self.push(card, reason.to_string());
        }
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
            .filter(|c| !ONLY_WHEN_HEARD.contains(&c.theme) && c.has(&stage))
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
    let sentences = page_sentences(ctx.text);
    let (heard, stems) = read_signals(&sentences);
    let mut p = Picker {
        ctx,
        stems,
        chosen: Vec::new(),
    };
    let happened = |e: DayEvent| ctx.events.contains(&e);
    // The rules name what they heard; the learned net only adds: danger, or
    // a theme, said in words no rule was written for.
    let net = learned::heard(&sentences);
    let net_heard = |name: &str| net.contains(&name);
    let danger = heard
        .danger
        .or_else(|| net_heard("danger").then_some(Danger::Unsure));
    if let Some(danger) = danger {
        p.take(Theme::Safety, danger.reason());
        // Beside a page like this, nothing about keeping up the strategy:
        // only company and care.
        // Named cards: company and small care ("one person you can text
        // instead" would read wrong beside this page).
        p.take_card(SAFE_COMPANY, "because no one should carry this alone");
        p.take_card(SAFE_CARE, "because looking after yourself comes first");
        return p.chosen;
    }
    if happened(DayEvent::Pursued) {
        p.take(Theme::Setbacks, "because you reached out today");
    }
    if heard.setback {
        p.take(
            Theme::Setbacks,
            "because you wrote about reaching out when it was hard not to",
        );
    }
    if heard.necessary {
        p.take(
            Theme::NecessaryContact,
            "because you wrote about something practical you share",
        );
    }
    if heard.wants_to_reach_out {
        p.take(Theme::Urges, "because you wrote about wanting to reach out");
    }
    if happened(DayEvent::TheyReachedOut) {
        p.take(Theme::TheyReachedOut, "because they reached out today");
    }
    if heard.they_reached_out {
        p.take(
            Theme::TheyReachedOut,
            "because you wrote that they got in touch",
        );
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
    if heard.lonely {
        p.take(Theme::Support, "because you wrote about feeling alone");
    }
    if heard.waiting {
        p.take(
            Theme::Waiting,
            "because you wrote about waiting to hear from them",
        );
    }
    if heard.angry {
        p.take(Theme::SelfWork, "because you wrote about feeling angry");
    }
    // What only the net heard, in the same plain words.
    let only_net = [
        (
            "setbacks",
            heard.setback,
            Theme::Setbacks,
            "because you wrote about reaching out when it was hard not to",
        ),
        (
            "necessary-contact",
            heard.necessary,
            Theme::NecessaryContact,
            "because you wrote about something practical you share",
        ),
        (
            "urges",
            heard.wants_to_reach_out,
            Theme::Urges,
            "because you wrote about wanting to reach out",
        ),
        (
            "they-reached-out",
            heard.they_reached_out,
            Theme::TheyReachedOut,
            "because you wrote that they got in touch",
        ),
        (
            "waiting",
            heard.waiting,
            Theme::Waiting,
            "because you wrote about waiting to hear from them",
        ),
        (
            "support",
            heard.lonely || heard.with_people,
            Theme::Support,
            "because you wrote about the people in your life, or missing them",
        ),
        (
            "self-work",
            heard.angry || heard.good_day,
            Theme::SelfWork,
            "because you wrote about looking after yourself",
        ),
    ];
    for (name, by_rules, theme, reason) in only_net {
        if !by_rules && net_heard(name) {
            p.take(theme, reason);
        }
    }
    if matches!(ctx.mood, Some(1 | 2)) {
        p.take(Theme::Support, "because today feels heavy");
    }
    // The reason names the company: so does the card (by fit alone another
    // support card could win on the day's other events).
    if happened(DayEvent::Company) && !p.chosen.iter().any(|c| c.theme == Theme::Support) {
        p.take_card(COMPANY_CARD, "because you spent time with people today");
    }
    if heard.with_people {
        p.take(Theme::Support, "because you wrote about time with people");
    }
    if happened(DayEvent::Quiet) && !p.chosen.iter().any(|c| c.theme == Theme::Support) {
        p.take_card(SAFE_COMPANY, "because it has been a few quiet days");
    }
    if heard.good_day {
        p.take(
            Theme::SelfWork,
            "because you wrote about something good for you",
        );
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

impl Danger {
    /// What was heard, in plain words, never quoting the page.
    fn reason(self) -> &'static str {
        match self {
            Danger::Harmed => "because you wrote about being hurt at home",
            Danger::Threatened => "because you wrote about being threatened",
            Danger::Afraid => "because you wrote about being afraid",
            Danger::NotLiving => "because you wrote about not wanting to go on",
            Danger::Unsure => "because some of what you wrote sounds like you may not be safe",
        }
    }
}

/// A reason as it reads beside an earlier day's page: about that day, not
/// today ("because you held back an urge that day").
pub fn reason_for_past_day(reason: &str) -> String {
    match reason {
        "because today feels heavy" => "because that day felt heavy".to_string(),
        "because today is day 0" => "because that was day 0".to_string(),
        "because you have not started a period yet" => {
            "because no period of giving space had begun yet".to_string()
        }
        "because it has been a few quiet days" => {
            "because there had been a few quiet days".to_string()
        }
        _ => match reason.strip_suffix(" today") {
            Some(r) => format!("{r} that day"),
            None => reason.to_string(),
        },
    }
}

#[cfg(test)]
mod past_day_tests {
    use super::reason_for_past_day;

    #[test]
    fn an_earlier_days_reasons_speak_of_that_day() {
        for (today, then) in [
            (
                "because you held back an urge today",
                "because you held back an urge that day",
            ),
            (
                "because they reached out today",
                "because they reached out that day",
            ),
            ("because today feels heavy", "because that day felt heavy"),
            ("because today is day 0", "because that was day 0"),
            (
                "because you have not started a period yet",
                "because no period of giving space had begun yet",
            ),
            (
                "because you wrote about feeling alone",
                "because you wrote about feeling alone",
            ),
            ("for the first week", "for the first week"),
        ] {
            assert_eq!(reason_for_past_day(today), then);
        }
    }
}
