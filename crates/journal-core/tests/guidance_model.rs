//! The learned net under the guidance rules: trained here, from the tuning
//! sentences only (never the held-out half), into `src/guidance/weights.rs`:
//! one model for danger (the sentences whose safety card must come first)
//! and one per theme.
//!
//! `cargo test -p journal-core --test guidance_model` fails when the weights
//! in the source are not what training gives today (new sentences, a change
//! in how words are read); `UPDATE_MODEL=1` writes them. It also prints a
//! five-fold cross-validation of the danger model on the tuning sentences
//! (`CV_ALL=1`: of every model), so thresholds are chosen without looking at
//! the held-out half: on single sentences, on pages made of them (eight
//! ordinary sentences; one the model should hear amid four ordinary ones),
//! and on whole ordinary pages written for tuning
//! (`guidance-tuning-pages.txt`, held out a page at a time), each as it is
//! and with one held-out sentence of danger put in it, read the way the app
//! reads a page. Danger is reported with the rules, as the app hears it: the
//! net only adds to them. `SHOW_ALARMS=1` prints the calm tuning sentences
//! the cross-validated danger model alarms on.
//!
//! Experiments, not what ships (see ARCHITECTURE.md for why and their
//! figures): `TRAIN_NEW=1` also trains on half of each unseen set (the other
//! half is what the corpus test measures); `DANGER_OLD=1` trains the danger
//! model as before this was measured, without the fifth to tenth sets and
//! the tuning pages (the theme models always learn from the fifth to
//! seventh and the pages); `DANGER_MEANINGS=1` lets the danger model learn from
//! the word meanings too (`c:` and `p:` features; the theme models always
//! do); `DANGER_NO_CORPUS_THEMES=1` keeps the corpus's tuning theme
//! sentences from the danger model, to see how much of the gap between the
//! corpus's halves is that model having learned them.
//!
//! Training is plain full-batch gradient descent on the logistic loss with
//! L2, in a fixed order with no randomness: the same data gives the same
//! weights on every run.

mod common;

use common::{fnv, held_out, parse, tuning_lines, Line, CORPUS, ORDINARY_PAGE};
use journal_core::{feature_hash, passage_features, row_len};
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::PathBuf;

const EPOCHS: usize = 300;
const RATE: f64 = 0.3;
const L2: f64 = 0.002;
/// Weights smaller than this are left out of the source.
const PRUNE: f64 = 0.01;
/// Each model and the score at which it has heard its subject, from the
/// cross-validation below and the unseen sets' unmeasured halves. Danger,
/// with the rules: 0.22 is the highest score, in steps of 0.01, at which
/// the model misses no more of the danger in the unseen sets' unmeasured
/// halves than the model it replaced (8 of 255 harm, 13 of 233 not living,
/// against 9 and 14); at 0.2 it alarmed on the issue's own "All I want is to
/// go to his flat and talk it out tonight" (0.21). Cross-validated, it
/// hears 92% of the danger sentences and alarms on one ordinary sentence in
/// eight, and on half the whole ordinary tuning pages (see ARCHITECTURE.md
/// for the pages written apart, where it does better). Each theme has few
/// sentences against many, so its scores run low: at 0.2–0.25 each hears a
/// third to a half of unseen wordings while speaking on about 1% of calm
/// days.
const MODELS: &[(&str, f64)] = &[
    ("danger", 0.22),
    ("urges", 0.2),
    ("setbacks", 0.2),
    ("waiting", 0.2),
    ("support", 0.25),
    ("self-work", 0.25),
    ("they-reached-out", 0.2),
    ("necessary-contact", 0.2),
];

struct Sample {
    /// How much it counts when it is not what the model learns to hear.
    weight: f64,
    features: Vec<usize>,
    /// What the model being trained should hear in it.
    yes: bool,
    calm: bool,
    /// The rules hear danger in it (the net only adds to them).
    rules: bool,
    /// For a sentence of a whole tuning page: which page.
    page: Option<usize>,
}

fn rules_hear_danger(text: &str) -> bool {
    journal_core::guidance_explain(text).iter().any(|r| {
        ["Harmed:", "NotLiving:", "Threatened:", "Afraid:", "Unsure:"]
            .iter()
            .any(|g| r.starts_with(g))
    })
}

struct Trained {
    bias: f64,
    weights: Vec<f64>,
}

fn samples(lines: &[Line], index: &mut BTreeMap<String, usize>) -> Vec<Sample> {
    // The eighth set is pairs, one ordinary sentence to one of danger: each
    // pair weighs evenly, so its ordinary half is not weighed up as others are.
    let eighth: HashSet<String> = parse(common::EIGHTH)
        .into_iter()
        .filter(|l| !l.safety_first)
        .map(|l| l.sentence)
        .collect();
    lines
        .iter()
        .map(|l| {
            let features = passage_features(&l.sentence)
                .into_iter()
                .map(|f| {
                    let n = index.len();
                    *index.entry(f).or_insert(n)
                })
                .collect();
            Sample {
                weight: if eighth.contains(&l.sentence) {
                    1.0 / NO_DANGER_WEIGHT
                } else {
                    1.0
                },
                features,
                yes: false,
                calm: l.themes == ["calm"] || l.themes == [ORDINARY_PAGE],
                rules: rules_hear_danger(&l.sentence),
                page: l.page,
            }
        })
        .collect()
}

/// Full-batch AdaGrad: each weight's step shrinks with the gradients it has
/// seen, so rare words (most of them) learn as fast as common ones.
fn train(data: &[&Sample], learns: &[bool], name: &str) -> Trained {
    let width = learns.len();
    let no_weight = no_weight(name);
    let mut w = vec![0.0f64; width];
    let mut seen = vec![1e-8f64; width];
    let (mut bias, mut seen_bias) = (0.0f64, 1e-8f64);
    let n = data.len() as f64;
    for _ in 0..EPOCHS {
        let mut grad = vec![0.0f64; width];
        let mut grad_bias = 0.0;
        for s in data {
            let z = bias + s.features.iter().map(|&f| w[f]).sum::<f64>();
            let p = 1.0 / (1.0 + (-z).exp());
            let err = if s.yes {
                p - 1.0
            } else {
                no_weight * s.weight * p
            };
            grad_bias += err;
            for &f in &s.features {
                grad[f] += err;
            }
        }
        let gb = grad_bias / n;
        seen_bias += gb * gb;
        bias -= RATE * gb / seen_bias.sqrt();
        for ((wi, g), acc) in w
            .iter_mut()
            .zip(grad)
            .zip(seen.iter_mut())
            .zip(learns)
            .filter_map(|(w, &learns)| learns.then_some(w))
        {
            let g = g / n + L2 * *wi;
            *acc += g * g;
            *wi -= RATE * g / acc.sqrt();
        }
    }
    Trained { bias, weights: w }
}

fn predict(m: &Trained, s: &Sample) -> f64 {
    let z = m.bias + s.features.iter().map(|&f| m.weights[f]).sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

fn generated(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("src/guidance")
        .join(name)
}

/// `weights.rs` (the models) and `weights.bin` (the table of features).
fn generate(models: &[(&str, f64, Trained)], index: &BTreeMap<String, usize>) -> (String, Vec<u8>) {
    let mut src = String::new();
    src.push_str(
        "// Generated by `UPDATE_MODEL=1 cargo test -p journal-core --test guidance_model`\n\
         // from the tuning sentences in tests/fixtures (never the held-out half). Do not edit.\n\
         use super::learned::Weights;\n\n\
         pub(super) const MODELS: &[Weights] = &[\n",
    );
    for (name, threshold, m) in models {
        writeln!(
            src,
            "    Weights {{\n        name: {name:?},\n        bias: {:.4},\n        threshold: {threshold:.2},\n    }},",
            m.bias
        )
        .unwrap();
    }
    src.push_str(
        "];\n\n/// One row per feature: its hash, then each model's weight (see learned.rs).\n\
         pub(super) static TABLE: &[u8] = include_bytes!(\"weights.bin\");\n",
    );
    let mut rows: Vec<(u64, Vec<f32>)> = index
        .iter()
        .filter(|(_, &i)| models.iter().any(|(_, _, m)| m.weights[i].abs() >= PRUNE))
        .map(|(feature, &i)| {
            let w = models.iter().map(|(_, _, m)| m.weights[i] as f32).collect();
            (feature_hash(feature), w)
        })
        .collect();
    rows.sort_by_key(|r| r.0);
    assert!(
        rows.windows(2).all(|w| w[0].0 != w[1].0),
        "two features share a hash"
    );
    let mut bin = Vec::with_capacity(rows.len() * row_len(models.len()));
    for (h, ws) in rows {
        bin.extend_from_slice(&h.to_le_bytes());
        for w in ws {
            bin.extend_from_slice(&w.to_le_bytes());
        }
    }
    (src, bin)
}

/// How much a sentence without danger counts against one with it. Nearly
/// half the tuning sentences speak of danger, far more than pages do: at
/// 1.0 a page with no telling words at all sits at the even odds of the
/// data and a short ordinary line ("I keep wanting to contact them") is
/// heard as danger. Weighing the others more asks for real evidence.
fn no_weight(name: &str) -> f64 {
    if name == "danger" {
        NO_DANGER_WEIGHT
    } else {
        1.0
    }
}

const NO_DANGER_WEIGHT: f64 = 3.0;

/// Which features the danger model learns from: every one but the word
/// meanings (`c:`, `p:`; see `learned::MEANINGS`), unless `DANGER_MEANINGS`
/// is set. With them, measured on the danger model as it is now (every
/// set, the rules' verdict, 0.22), it heard a little more unseen harm
/// (88.2% to 89.4%; not living 83.5% both ways) but alarmed more of the
/// corpus's held-out calm days (1 to 3 of 58, over the ceiling) and more
/// ordinary pages (8 to 10 of 30, 19 to 24 of 45), as it did on the model
/// before it; the theme models gain from them with no such cost.
fn danger_learns(index: &BTreeMap<String, usize>) -> Vec<bool> {
    let meanings = std::env::var_os("DANGER_MEANINGS").is_some();
    let mut learns = vec![true; index.len()];
    for (f, &i) in index {
        learns[i] = meanings || !(f.starts_with("c:") || f.starts_with("p:"));
    }
    learns
}

/// Does this line teach model `name` a yes?
fn says(name: &str, l: &Line) -> bool {
    if name == "danger" {
        l.safety_first
    } else {
        l.themes.iter().any(|t| t == name)
    }
}

#[test]
fn the_weights_are_what_the_tuning_sentences_train() {
    let lines = tuning_lines();
    let mut index = BTreeMap::new();
    let mut data = samples(&lines, &mut index);
    let cv_all = std::env::var_os("CV_ALL").is_some();
    let every_feature = vec![true; index.len()];
    let danger_features = danger_learns(&index);
    let corpus_tuning_themes: HashSet<String> = parse(CORPUS)
        .into_iter()
        .filter(|l| !held_out(&l.sentence) && !l.safety_first && l.themes != ["calm"])
        .map(|l| l.sentence)
        .collect();

    let mut trained = Vec::new();
    for &(name, threshold) in MODELS {
        for (s, l) in data.iter_mut().zip(&lines) {
            s.yes = says(name, l);
        }
        // The themes of the tuning pages' sentences are not labelled: only
        // the danger model learns from them.
        let (used, used_lines): (Vec<&Sample>, Vec<&Line>) = data
            .iter()
            .zip(&lines)
            .filter(|(_, l)| {
                if name == "danger" {
                    l.for_danger
                        && !(std::env::var_os("DANGER_NO_CORPUS_THEMES").is_some()
                            && corpus_tuning_themes.contains(&l.sentence))
                } else {
                    l.themes != [ORDINARY_PAGE]
                }
            })
            .unzip();
        let learns = if name == "danger" {
            &danger_features
        } else {
            &every_feature
        };
        if name == "danger" || cv_all {
            cross_validate(name, &used, &used_lines, learns);
        }
        trained.push((name, threshold, train(&used, learns, name)));
    }
    let (src, bin) = generate(&trained, &index);
    if std::env::var_os("UPDATE_MODEL").is_some() {
        std::fs::write(generated("weights.rs"), &src).unwrap();
        std::fs::write(generated("weights.bin"), &bin).unwrap();
        return;
    }
    let fresh = std::fs::read_to_string(generated("weights.rs")).unwrap_or_default() == src
        && std::fs::read(generated("weights.bin")).unwrap_or_default() == bin;
    assert!(
        fresh,
        "src/guidance/weights.rs or weights.bin is stale; run `UPDATE_MODEL=1 cargo test -p journal-core --test guidance_model`"
    );
}

const THRESHOLDS: [f64; 8] = [0.15, 0.2, 0.22, 0.25, 0.3, 0.35, 0.5, 0.65];

/// How often a model hears its subject, at each of [`THRESHOLDS`].
#[derive(Default)]
struct Heard {
    yes: u32,
    calm: u32,
    other: u32,
    caught: [u32; THRESHOLDS.len()],
    calm_alarmed: [u32; THRESHOLDS.len()],
    other_alarmed: [u32; THRESHOLDS.len()],
}

impl Heard {
    fn count(&mut self, yes: bool, calm: bool, score: f64) {
        let (n, hits) = if yes {
            (&mut self.yes, &mut self.caught)
        } else if calm {
            (&mut self.calm, &mut self.calm_alarmed)
        } else {
            (&mut self.other, &mut self.other_alarmed)
        };
        *n += 1;
        for (hit, t) in hits.iter_mut().zip(THRESHOLDS) {
            *hit += u32::from(score >= t);
        }
    }

    fn print(&self, what: &str) {
        let pct = |a: u32, b: u32| f64::from(a) * 100.0 / f64::from(b.max(1));
        for (i, t) in THRESHOLDS.iter().enumerate() {
            eprintln!(
                "{what} at {t}: heard {:.1}% of {}, ordinary {:.1}% of {}, others {:.1}% of {}",
                pct(self.caught[i], self.yes),
                self.yes,
                pct(self.calm_alarmed[i], self.calm),
                self.calm,
                pct(self.other_alarmed[i], self.other),
                self.other,
            );
        }
    }
}

type Pair<'a> = (&'a Sample, &'a Line);

/// Five folds, by the sentence's hash (a tuning page's sentences by their
/// page's, so a page is held out whole): train on four, measure the fifth,
/// sentence by sentence and in pages.
fn cross_validate(name: &str, data: &[&Sample], lines: &[&Line], learns: &[bool]) {
    let (mut sentences, mut pages) = (Heard::default(), Heard::default());
    let mut real_pages = Heard::default();
    for fold in 0..5u64 {
        let fold_of = |l: &Line| {
            let key = l
                .page
                .map_or_else(|| l.sentence.clone(), |p| format!("page {p}"));
            fnv(&key).rotate_right(7) % 5 == fold
        };
        let (held, train_set): (Vec<Pair>, Vec<Pair>) = data
            .iter()
            .copied()
            .zip(lines.iter().copied())
            .partition(|(_, l)| fold_of(l));
        let train_set: Vec<&Sample> = train_set.into_iter().map(|(s, _)| s).collect();
        let held: Vec<&Sample> = held.into_iter().map(|(s, _)| s).collect();
        let m = train(&train_set, learns, name);
        // Danger as the app hears it: the rules, then the net.
        let score = |s: &Sample| {
            if name == "danger" && s.rules {
                1.0
            } else {
                predict(&m, s)
            }
        };
        for s in held.iter().filter(|s| s.page.is_none()) {
            sentences.count(s.yes, s.calm, score(s));
        }
        in_pages(name, &held, &score, &mut pages);
        if name == "danger" {
            in_real_pages(&held, &score, &mut real_pages);
            // The calm tuning sentences the held-out model alarms on, with
            // whether the rules (R) or the net (N) did: to see what it gets
            // wrong, on sentences it may be tuned on.
            if std::env::var_os("SHOW_ALARMS").is_some() {
                for (s, l) in data.iter().zip(lines) {
                    if s.calm && fold_of(l) && score(s) >= MODELS[0].1 {
                        let by = if s.rules { "R" } else { "N" };
                        eprintln!("{:.2} {by} {}", score(s), l.sentence);
                    }
                }
            }
        }
    }
    let with = if name == "danger" {
        " with the rules"
    } else {
        ""
    };
    sentences.print(&format!("{name}{with}, cross-validated"));
    pages.print(&format!("{name}{with}, cross-validated pages"));
    if real_pages.calm > 0 {
        real_pages.print(&format!("{name}{with}, cross-validated whole tuning pages"));
    }
}

/// The held-out whole tuning pages, read as the app reads a page (danger in
/// any one sentence): each as it is, and each with one held-out sentence of
/// danger put in its middle.
fn in_real_pages(held: &[&Sample], score: &dyn Fn(&Sample) -> f64, f: &mut Heard) {
    let mut pages: BTreeMap<usize, f64> = BTreeMap::new();
    for s in held {
        if let Some(p) = s.page {
            let best = pages.entry(p).or_insert(0.0);
            *best = best.max(score(s));
        }
    }
    let pages: Vec<f64> = pages.into_values().collect();
    if pages.is_empty() {
        return;
    }
    for &best in &pages {
        f.count(false, true, best);
    }
    for (k, s) in held.iter().filter(|s| s.yes).enumerate() {
        f.count(true, false, pages[k % pages.len()].max(score(s)));
    }
}

/// Pages of held-out sentences: eight ordinary ones, and each sentence the
/// model should hear amid four ordinary ones. A page scores its best
/// sentence, or (the themes) its best two side by side, as `learned::heard`
/// reads it.
fn in_pages(name: &str, held: &[&Sample], score: &dyn Fn(&Sample) -> f64, f: &mut Heard) {
    let calm: Vec<&Sample> = held
        .iter()
        .copied()
        .filter(|s| s.calm && s.page.is_none())
        .collect();
    if calm.len() < 8 {
        return;
    }
    let page_score = |page: &[&Sample]| {
        let mut best = 0.0f64;
        for (i, s) in page.iter().enumerate() {
            best = best.max(score(s));
            if let Some(next) = page.get(i + 1).filter(|_| name != "danger") {
                let mut features = s.features.clone();
                features.extend_from_slice(&next.features);
                features.sort_unstable();
                features.dedup();
                let rules = s.rules || next.rules;
                best = best.max(score(&Sample {
                    weight: 1.0,
                    features,
                    yes: false,
                    calm: false,
                    rules,
                    page: None,
                }));
            }
        }
        best
    };
    for page in calm.chunks_exact(8) {
        f.count(false, true, page_score(page));
    }
    for (k, s) in held.iter().filter(|s| s.yes).enumerate() {
        let around = |j: usize| calm[(k * 4 + j) % calm.len()];
        let page = [around(0), around(1), s, around(2), around(3)];
        f.count(true, false, page_score(&page));
    }
}
