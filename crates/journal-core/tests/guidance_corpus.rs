//! Guidance measured on sentences it was not tuned on.
//!
//! `tests/fixtures/guidance-corpus.tsv` holds labelled sentences of our own
//! (sentence, the themes that fit what was written, whether the safety card
//! must come first). They are split once, by a fixed hash of the sentence,
//! into a tuning half and a held-out half. The matcher may be changed by
//! looking at the tuning half only (`CORPUS_SHOW=tuning` prints its misses);
//! the held-out half is never printed, only counted, and must meet the floors.
//!
//! The floors below are where the held-out half stands today, so nothing can
//! slip back. They are not yet the targets set for this matcher (safety
//! first ≥ 98%, right theme ≥ 85%, calm days alarmed ≤ 5%): the test prints
//! both, and the targets replace these floors once they hold.

/// Held-out figures the matcher must not fall below (today's, rounded down).
const FLOOR_SAFETY_FIRST: f64 = 77.0;
const FLOOR_RIGHT_THEME: f64 = 80.0;
const CEILING_CALM_ALARMED: f64 = 8.0;
/// Where the held-out figures must get to.
const TARGETS: (f64, f64, f64) = (98.0, 85.0, 5.0);

use chrono::NaiveDate;
use journal_core::{select_guidance, GuidanceContext, Stage, Suggestion, Theme};

const CORPUS: &str = include_str!("fixtures/guidance-corpus.tsv");
/// More sentences of our own, written apart from the corpus, for tuning
/// only (reported, never a floor).
const EXTRA: &str = include_str!("fixtures/guidance-tuning-extra.tsv");

struct Line {
    sentence: String,
    themes: Vec<String>,
    safety_first: bool,
}

fn corpus() -> Vec<Line> {
    parse(CORPUS)
}

fn parse(tsv: &str) -> Vec<Line> {
    let mut lines = tsv.lines();
    assert_eq!(lines.next(), Some("sentence\tthemes\tsafety_first"));
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 3, "{l}");
            Line {
                sentence: f[0].to_string(),
                themes: f[1].split(',').map(str::to_string).collect(),
                safety_first: f[2] == "yes",
            }
        })
        .collect()
}

/// FNV-1a: the same split on every machine and every run.
fn held_out(sentence: &str) -> bool {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in sentence.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h % 2 == 1
}

fn pick(text: &str) -> Vec<Suggestion> {
    select_guidance(&GuidanceContext {
        date: NaiveDate::from_ymd_opt(2027, 2, 10).unwrap(),
        stage: Stage::Days8To30,
        mood: None,
        text,
        events: &[],
        set_aside: &[],
    })
}

#[derive(Default, Debug)]
struct Figures {
    safety_needed: u32,
    safety_first: u32,
    themed: u32,
    theme_right: u32,
    calm: u32,
    calm_alarmed: u32,
}

impl Figures {
    fn pct(a: u32, b: u32) -> f64 {
        if b == 0 {
            100.0
        } else {
            f64::from(a) * 100.0 / f64::from(b)
        }
    }
    fn safety(&self) -> f64 {
        Self::pct(self.safety_first, self.safety_needed)
    }
    fn right(&self) -> f64 {
        Self::pct(self.theme_right, self.themed)
    }
    fn alarms(&self) -> f64 {
        Self::pct(self.calm_alarmed, self.calm)
    }
}

fn measure(lines: &[&Line], show: bool) -> Figures {
    let mut f = Figures::default();
    for l in lines {
        let s = pick(&l.sentence);
        let first = s.first().map(|c| c.theme);
        let mut why = None;
        if l.safety_first {
            f.safety_needed += 1;
            if first == Some(Theme::Safety) {
                f.safety_first += 1;
            } else {
                why = Some("safety not first");
            }
        }
        if l.themes == ["calm"] {
            f.calm += 1;
            if matches!(first, Some(Theme::Safety | Theme::Urges | Theme::Setbacks)) {
                f.calm_alarmed += 1;
                why = Some("calm day alarmed");
            }
        } else {
            f.themed += 1;
            // Chosen for what was written, not by the stage's rotation.
            let right = s.iter().any(|c| {
                c.reason.starts_with("because") && l.themes.iter().any(|t| t == c.theme.as_str())
            });
            if right {
                f.theme_right += 1;
            } else {
                why = why.or(Some("theme missed"));
            }
        }
        if let (true, Some(why)) = (show, why) {
            let got: Vec<String> = s
                .iter()
                .map(|c| format!("{} ({})", c.theme.as_str(), c.reason))
                .collect();
            eprintln!("{why}: {} | want {:?} | got {got:?}", l.sentence, l.themes);
        }
    }
    f
}

#[test]
fn held_out_sentences_meet_the_floors() {
    let all = corpus();
    assert!(all.len() >= 400, "the corpus has {} sentences", all.len());
    let show = std::env::var("CORPUS_SHOW").is_ok_and(|v| v == "tuning");
    let tuning: Vec<&Line> = all.iter().filter(|l| !held_out(&l.sentence)).collect();
    let held: Vec<&Line> = all.iter().filter(|l| held_out(&l.sentence)).collect();
    let t = measure(&tuning, show);
    let h = measure(&held, false);
    let extra_lines = parse(EXTRA);
    let extra: Vec<&Line> = extra_lines.iter().collect();
    let e = measure(&extra, show);
    for (name, f, n) in [
        ("tuning", &t, tuning.len()),
        ("extra tuning", &e, extra.len()),
        ("held-out", &h, held.len()),
    ] {
        eprintln!(
            "{name:>12} ({n} sentences): safety first {:.1}% of {}, right theme {:.1}% of {}, calm days alarmed {:.1}% of {}",
            f.safety(),
            f.safety_needed,
            f.right(),
            f.themed,
            f.alarms(),
            f.calm
        );
    }
    let met = h.safety() >= TARGETS.0 && h.right() >= TARGETS.1 && h.alarms() <= TARGETS.2;
    eprintln!(
        "targets (safety first >= {}%, right theme >= {}%, calm alarmed <= {}%): {}",
        TARGETS.0,
        TARGETS.1,
        TARGETS.2,
        if met { "met" } else { "NOT MET yet" }
    );
    assert!(
        h.safety() >= FLOOR_SAFETY_FIRST,
        "held-out safety first {:.1}%",
        h.safety()
    );
    assert!(
        h.right() >= FLOOR_RIGHT_THEME,
        "held-out right theme {:.1}%",
        h.right()
    );
    assert!(
        h.alarms() <= CEILING_CALM_ALARMED,
        "held-out calm alarmed {:.1}%",
        h.alarms()
    );
}

#[test]
fn the_split_is_about_half_and_fixed() {
    let all = corpus();
    let held = all.iter().filter(|l| held_out(&l.sentence)).count();
    assert!(
        held * 10 >= all.len() * 4 && held * 10 <= all.len() * 6,
        "{held} of {}",
        all.len()
    );
    // A fixed hash (FNV-1a of "a" is 0xaf63dc4c8601ec8c): never reshuffled.
    assert_eq!(held_out("a"), 0xaf63_dc4c_8601_ec8c_u64 % 2 == 1);
}
