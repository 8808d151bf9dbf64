//! The made-up ten years the bench measures and `examples/gen.rs` writes out:
//! 3,650 consecutive days of 150-600 words drawn from a vocabulary of a few
//! thousand words (common ones far more often), a mood on most days, and one
//! rare word on three days, another on every fifth. Deterministic: the same pages on every run.

#![allow(dead_code)] // each user takes what it needs

use chrono::{Days, NaiveDate};

pub const DAYS: u64 = 3_650;
pub const VOCABULARY: usize = 3_000;
pub const RARE_WORD: &str = "zephyrquill";
pub const RARE_DAYS: [u64; 3] = [412, 1_987, 3_301];
/// A word on every fifth day (a fifth of the pages).
pub const FIFTH_WORD: &str = "lanternfold";

/// xorshift64*: small, deterministic, good enough for made-up prose.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const COMMON: &[&str] = &[
    "the",
    "and",
    "i",
    "to",
    "a",
    "of",
    "was",
    "it",
    "in",
    "that",
    "my",
    "me",
    "but",
    "so",
    "today",
    "felt",
    "with",
    "for",
    "not",
    "about",
    "he",
    "she",
    "we",
    "him",
    "her",
    "they",
    "then",
    "just",
    "really",
    "again",
    "still",
    "walked",
    "talked",
    "slept",
    "work",
    "home",
    "morning",
    "evening",
    "night",
    "tired",
    "better",
    "worse",
    "quiet",
    "long",
    "short",
    "wanted",
    "called",
    "texted",
    "thought",
    "remembered",
    "coffee",
    "rain",
    "sun",
    "friend",
    "mother",
    "father",
    "sister",
    "brother",
    "tomorrow",
    "yesterday",
    "week",
    "dinner",
    "lunch",
];

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ba", "de", "fi", "go", "hu", "ja", "ke", "la",
    "mo", "nu", "pi", "ra", "se", "to", "ve", "wa", "yo", "zu", "an", "el", "in", "or",
];

/// The common words, then made-up ones, none of them the rare word.
pub fn vocabulary() -> Vec<String> {
    let mut rng = Rng(0x0dd_ba11);
    let mut words: Vec<String> = COMMON.iter().map(|w| (*w).to_string()).collect();
    let mut seen: std::collections::HashSet<String> = words.iter().cloned().collect();
    while words.len() < VOCABULARY {
        let syllables = 2 + rng.below(3);
        let w: String = (0..syllables)
            .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
            .collect();
        if seen.insert(w.clone()) {
            words.push(w);
        }
    }
    words
}

/// A page of `n` words, common words far more often than rare ones, in
/// sentences and paragraphs.
pub fn prose(rng: &mut Rng, vocab: &[String], n: usize) -> String {
    let mut out = String::with_capacity(n * 7);
    for i in 0..n {
        // The smaller of two draws: skewed towards the start of the list.
        let idx = rng.below(vocab.len()).min(rng.below(vocab.len()));
        out.push_str(&vocab[idx]);
        out.push(match i % 97 {
            96 => '\n',
            _ if rng.below(12) == 0 => '.',
            _ => ' ',
        });
        if out.ends_with('.') {
            out.push(' ');
        }
    }
    out
}

/// The first day of the ten years.
pub fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2017, 1, 1).expect("a date")
}

/// Each day of the ten years in order: its date, its page and its mood.
pub fn ten_years() -> impl Iterator<Item = (NaiveDate, String, Option<u8>)> {
    let vocab = vocabulary();
    let mut rng = Rng(0x7e4_1ea5);
    (0..DAYS).map(move |i| {
        let n = 150 + rng.below(451);
        let mut body = prose(&mut rng, &vocab, n);
        if RARE_DAYS.contains(&i) {
            body.push_str(&format!("\nA {RARE_WORD} by the window."));
        }
        if i % 5 == 0 {
            body.push_str(&format!("\nThe {FIFTH_WORD} again."));
        }
        let mood = rng.below(6) as u8;
        (first_day() + Days::new(i), body, (mood > 0).then_some(mood))
    })
}
