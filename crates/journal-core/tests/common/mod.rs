//! The labelled guidance sentences the corpus test and the model share.

/// Sentences split into a tuning half and a held-out half by a fixed hash.
pub const CORPUS: &str = include_str!("../fixtures/guidance-corpus.tsv");
/// More sentences of our own, written apart from the corpus: tuning only.
pub const EXTRA: &str = include_str!("../fixtures/guidance-tuning-extra.tsv");
/// A third set, written later and apart from the matcher (danger in many
/// wordings, and ordinary pages that borrow its words): tuning only.
pub const MORE: &str = include_str!("../fixtures/guidance-tuning-more.tsv");
/// A fourth set, written after the learned net first ran: tuning only.
pub const FOURTH: &str = include_str!("../fixtures/guidance-tuning-fourth.tsv");
/// A fifth set, written after the unseen sets showed ordinary pages alarmed
/// and danger missed in new words, by writers who never saw those sets:
/// danger (harm and control; not living) in many more wordings, ordinary
/// days that borrow danger's words, emotional but safe days, and each theme
/// said many ways. Tuning only.
pub const FIFTH: &str = include_str!("../fixtures/guidance-tuning-fifth.tsv");
/// A sixth set, written apart like the fifth: danger said indirectly (the
/// traces of harm, control, stalking, veiled threats; finality, goodbyes,
/// self-harm in other words). Tuning only.
pub const SIXTH: &str = include_str!("../fixtures/guidance-tuning-sixth.tsv");
/// A seventh set, written apart like the fifth: ordinary and sad days that
/// borrow danger's words and shapes (figures of speech, hurt feelings,
/// fear and harm denied, wanting to reach out, practical contact about keys,
/// cars and phones). Tuning only.
pub const SEVENTH: &str = include_str!("../fixtures/guidance-tuning-seventh.tsv");
/// An eighth set, written apart like the fifth: pairs of sentences in the
/// same words and shapes (what I said, what I will do tonight, if I could,
/// the door, the car, the phone), one ordinary, one of danger, so the danger
/// model learns what a sentence says rather than how it is put. Its
/// ordinary lines are not labelled with themes: only the danger model
/// learns from them, each pair weighing evenly.
pub const EIGHTH: &str = include_str!("../fixtures/guidance-tuning-eighth.tsv");
/// A tenth set, written apart like the fifth: 499 ordinary and sad but safe
/// diary lines, many borrowing danger's words in everyday senses (pets and
/// toddlers at play, sport, kitchen mishaps, figures of speech, keys and
/// phones), for the danger model only (no themes labelled). (A ninth,
/// pairs like the eighth's about harm and about not living, was measured
/// and is not kept: see ARCHITECTURE.md.)
pub const TENTH: &str = include_str!("../fixtures/guidance-tuning-tenth.tsv");

/// Sets written this session apart from the matcher and never trained on:
/// measured only (`tests/guidance_corpus.rs` prints their figures). Ordinary
/// days, many of them long (everyday life; emotional but safe sentences that
/// share danger's words), danger in many more wordings (harm and control by
/// a partner; thoughts of not living), and each theme said a hundred ways.
#[allow(dead_code)] // measured by the corpus test, not trained on by the model's
pub const UNSEEN: [(&str, &str); 5] = [
    (
        "ordinary",
        include_str!("../fixtures/guidance-unseen-ordinary.tsv"),
    ),
    (
        "ordinary 2",
        include_str!("../fixtures/guidance-unseen-ordinary-2.tsv"),
    ),
    (
        "danger, harm",
        include_str!("../fixtures/guidance-unseen-danger-harm.tsv"),
    ),
    (
        "danger, self",
        include_str!("../fixtures/guidance-unseen-danger-self.tsv"),
    ),
    (
        "themes",
        include_str!("../fixtures/guidance-unseen-themes.tsv"),
    ),
];

/// The cards for `text` on an ordinary day eight of a period, nothing
/// logged: what is heard in the words alone.
#[allow(dead_code)] // used by the corpus and pages tests, not the model's
pub fn pick(text: &str) -> Vec<journal_core::Suggestion> {
    journal_core::select_guidance(&journal_core::GuidanceContext {
        date: chrono::NaiveDate::from_ymd_opt(2027, 2, 10).unwrap(),
        stage: journal_core::Stage::Days8To30,
        mood: None,
        text,
        events: &[],
        set_aside: &[],
    })
}

pub struct Line {
    pub sentence: String,
    pub themes: Vec<String>,
    pub safety_first: bool,
    /// For a sentence of a whole tuning page: which page.
    #[allow(dead_code)] // read by the model's test, not the corpus test
    pub page: Option<usize>,
    /// Whether the danger model learns from it (see [`tuning_lines`]).
    #[allow(dead_code)] // read by the model's test, not the corpus test
    pub for_danger: bool,
}

/// The label of a sentence from a whole ordinary page written for tuning:
/// no danger in it, and no theme said (its themes are not labelled, so the
/// theme models leave it out).
pub const ORDINARY_PAGE: &str = "ordinary-page";

/// Whole ordinary pages written for tuning, by writers who never saw the
/// pages `tests/guidance_pages.rs` measures: `=== calm` before each.
pub const TUNING_PAGES: &str = include_str!("../fixtures/guidance-tuning-pages.txt");

/// The tuning pages, each cut into sentences where the app cuts a page
/// (`page_sentences`: at . ! ? ; and line ends).
pub fn tuning_page_lines() -> Vec<Line> {
    let mut out = Vec::new();
    let text: String = TUNING_PAGES
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    let pages = text
        .split("=== calm")
        .map(str::trim)
        .filter(|p| !p.is_empty());
    for (n, page) in pages.enumerate() {
        for sentence in page.split(['.', '!', '?', ';', '\n']) {
            if journal_core::passage_features(sentence).is_empty() {
                continue;
            }
            out.push(Line {
                sentence: sentence.trim().to_string(),
                themes: vec![ORDINARY_PAGE.to_string()],
                safety_first: false,
                page: Some(n),
                for_danger: danger_learns_new(),
            });
        }
    }
    out
}

pub fn parse(tsv: &str) -> Vec<Line> {
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
                page: None,
                for_danger: true,
            }
        })
        .collect()
}

/// FNV-1a: the same split on every machine and every run.
pub fn held_out(sentence: &str) -> bool {
    fnv(sentence) % 2 == 1
}

pub fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Whether the danger model learns from the fifth to tenth sets and the
/// tuning pages too, as it does: with them, and the rules' verdict as a
/// feature (see `learned::each_feature`), it hears more unseen danger and
/// alarms on fewer ordinary pages (see ARCHITECTURE.md). `DANGER_OLD=1`
/// trains it as before, on the corpus's tuning half and the extra, more and
/// fourth sets only, to compare. The theme models learn from all of them
/// but the eighth and tenth sets, whose ordinary lines carry no themes.
pub fn danger_learns_new() -> bool {
    std::env::var_os("DANGER_OLD").is_none()
}

/// Every sentence the matcher may be tuned on: the corpus's tuning half and
/// the extra sets. The held-out half is never in here, nor (unless
/// `TRAIN_NEW` asks for their other halves) the unseen sets.
#[allow(dead_code)] // used by the model's test, not the corpus test
pub fn tuning_lines() -> Vec<Line> {
    let mut all: Vec<Line> = parse(CORPUS)
        .into_iter()
        .filter(|l| !held_out(&l.sentence))
        .collect();
    all.extend(parse(EXTRA));
    all.extend(parse(MORE));
    if std::env::var_os("WITHOUT_FOURTH").is_none() {
        all.extend(parse(FOURTH));
    }
    let newer = |file: &str| {
        parse(file).into_iter().map(|mut l| {
            l.for_danger = danger_learns_new();
            l
        })
    };
    if std::env::var_os("WITHOUT_FIFTH").is_none() {
        all.extend(newer(FIFTH));
    }
    if std::env::var_os("WITHOUT_SIXTH").is_none() {
        all.extend(newer(SIXTH));
    }
    if std::env::var_os("WITHOUT_SEVENTH").is_none() {
        all.extend(newer(SEVENTH));
    }
    // Ordinary lines with no themes labelled: only the danger model learns
    // from them.
    let danger_only = |file: &str| {
        parse(file).into_iter().map(|mut l| {
            if l.themes == ["calm"] {
                l.themes = vec![ORDINARY_PAGE.to_string()];
            }
            l.for_danger = danger_learns_new();
            l
        })
    };
    all.extend(danger_only(EIGHTH));
    all.extend(danger_only(TENTH));
    if std::env::var_os("WITHOUT_PAGES").is_none() {
        all.extend(tuning_page_lines());
    }
    if std::env::var_os("TRAIN_NEW").is_some() {
        for (_, file) in UNSEEN {
            all.extend(parse(file).into_iter().filter(|l| !held_out(&l.sentence)));
        }
    }
    all
}
