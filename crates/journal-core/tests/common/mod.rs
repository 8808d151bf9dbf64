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
    if std::env::var_os("TRAIN_NEW").is_some() {
        for (_, file) in UNSEEN {
            all.extend(parse(file).into_iter().filter(|l| !held_out(&l.sentence)));
        }
    }
    all
}
