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
/// the two extra sets. The held-out half is never in here.
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
    all
}
