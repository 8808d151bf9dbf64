//! Guidance measured on sentences it was not tuned on.
//!
//! `tests/fixtures/guidance-corpus.tsv` holds labelled sentences of our own
//! (sentence, the themes that fit what was written, whether the safety card
//! must come first). They are split once, by a fixed hash of the sentence,
//! into a tuning half and a held-out half. The matcher may be changed by
//! looking at the tuning half only (`CORPUS_SHOW=tuning` prints its misses);
//! the held-out half is never printed, only counted, and must meet the floors.
//!
//! More tuning sentences, written later and apart from the matcher, are in
//! `guidance-tuning-extra.tsv`, `-more.tsv` and `-fourth.tsv`; each was
//! measured once before anything was tuned on it (the figures are in
//! ARCHITECTURE.md), and the learned net is trained on all of them with
//! the tuning half (`tests/guidance_model.rs`), never on the held-out half.
//!
//! The sets under `UNSEEN` were written later still, apart from the
//! matcher, and are only measured (printed): nothing is trained or tuned on
//! them.
//!
//! The held-out half must meet the floors set for this matcher.

/// Held-out floors: safety first, the right theme, calm days alarmed.
const FLOOR_SAFETY_FIRST: f64 = 98.0;
const FLOOR_RIGHT_THEME: f64 = 85.0;
const CEILING_CALM_ALARMED: f64 = 5.0;

use journal_core::Theme;

mod common;
use common::{held_out, parse, pick, Line, CORPUS, EXTRA, FIFTH, FOURTH, MORE, UNSEEN};

fn corpus() -> Vec<Line> {
    parse(CORPUS)
}

#[derive(Default, Debug)]
struct Figures {
    safety_needed: u32,
    safety_first: u32,
    themed: u32,
    theme_right: u32,
    calm: u32,
    calm_alarmed: u32,
    /// Of those, with the safety card first.
    calm_safety: u32,
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
        if self.calm == 0 {
            0.0
        } else {
            Self::pct(self.calm_alarmed, self.calm)
        }
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
                if first == Some(Theme::Safety) {
                    f.calm_safety += 1;
                }
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
            eprintln!(
                "{why}: {} | want {:?} | got {got:?} | rules {:?}",
                l.sentence,
                l.themes,
                journal_core::guidance_explain(&l.sentence)
            );
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
    let more_lines = parse(MORE);
    let more: Vec<&Line> = more_lines.iter().collect();
    let m = measure(&more, show);
    let fourth_lines = parse(FOURTH);
    let fourth: Vec<&Line> = fourth_lines.iter().collect();
    let f4 = measure(&fourth, show);
    let fifth_lines = parse(FIFTH);
    let fifth: Vec<&Line> = fifth_lines.iter().collect();
    let f5 = measure(&fifth, show);
    for (name, file) in UNSEEN {
        let lines: Vec<Line> = parse(file)
            .into_iter()
            .filter(|l| held_out(&l.sentence))
            .collect();
        let f = measure(&lines.iter().collect::<Vec<_>>(), false);
        eprintln!(
            "{:>12} ({} sentences, never trained on): safety first {:.1}% of {}, right theme {:.1}% of {}, calm days alarmed {:.1}% of {}",
            format!("unseen {name}"),
            lines.len(),
            f.safety(),
            f.safety_needed,
            f.right(),
            f.themed,
            f.alarms(),
            f.calm
        );
    }
    for (name, f, n) in [
        ("tuning", &t, tuning.len()),
        ("extra tuning", &e, extra.len()),
        ("more tuning", &m, more.len()),
        ("fourth tuning", &f4, fourth.len()),
        ("fifth tuning", &f5, fifth.len()),
        ("held-out", &h, held.len()),
    ] {
        eprintln!(
            "{name:>12} ({n} sentences): safety first {:.1}% of {}, right theme {:.1}% of {}, calm days alarmed {:.1}% of {} ({} with the safety card)",
            f.safety(),
            f.safety_needed,
            f.right(),
            f.themed,
            f.alarms(),
            f.calm,
            f.calm_safety
        );
    }
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
