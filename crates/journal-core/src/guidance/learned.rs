//! A learned net under the rules: logistic regression over the words of a
//! sentence (stems, and pairs of neighbouring stems), what they mean
//! (classes of words, read by the theme models only) and whether the rules
//! set aside words of danger in it, trained from our own
//! labelled sentences (the tuning sets under `tests/fixtures`, never the
//! held-out half). The rules name what they heard; the net hears the same
//! things said in words no rule was written for. It only ever adds: danger
//! (the safety card), and a theme the rules did not hear.
//!
//! One model for danger and one per theme. Training writes two files:
//! `weights.rs` (each model's name, bias and threshold) and `weights.bin`
//! (one row per feature: its FNV-1a hash, then each model's weight as an
//! `f32`, all little-endian, sorted by hash, so a lookup is a binary search
//! with nothing to build at start-up). `UPDATE_MODEL=1 cargo test -p
//! journal-core --test guidance_model` writes them; that test fails when they
//! are stale, so the models always match their data.

use super::signals::page_sentences;
use super::weights::{MODELS, TABLE};
use super::words::Word;
use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

/// One trained model, as generated (its weights are a column of the table).
pub(super) struct Weights {
    pub name: &'static str,
    pub bias: f64,
    /// The score at or above which the model has heard its subject.
    pub threshold: f64,
}

/// FNV-1a, 64 bits: how a feature is found in the table.
pub fn feature_hash(feature: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in feature.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The bytes of one row: the hash, then a weight per model.
pub const fn row_len(models: usize) -> usize {
    8 + 4 * models
}

/// Adds the weights of the feature with hash `h` to `z`, one per model.
fn add_weights(h: u64, z: &mut [f64]) {
    let row = row_len(MODELS.len());
    let rows = TABLE.len() / row;
    let key = |i: usize| {
        let b: [u8; 8] = TABLE[i * row..i * row + 8].try_into().expect("8 bytes");
        u64::from_le_bytes(b)
    };
    let (mut lo, mut hi) = (0, rows);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match key(mid).cmp(&h) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => {
                let at = mid * row + 8;
                for (m, zm) in z.iter_mut().enumerate() {
                    let b: [u8; 4] = TABLE[at + 4 * m..at + 4 * m + 4]
                        .try_into()
                        .expect("4 bytes");
                    *zm += f64::from(f32::from_le_bytes(b));
                }
                return;
            }
        }
    }
}

/// Words too common to mean anything alone ("I" is in most pages, danger
/// or not): they count only beside their neighbours, in pairs.
const ALONE_MEANS_NOTHING: &[&str] = &[
    "i", "me", "my", "myself", "you", "your", "he", "him", "his", "she", "her", "they", "them",
    "their", "we", "us", "our", "it", "it", "the", "a", "an", "to", "of", "and", "or", "but", "in",
    "on", "at", "for", "with", "was", "were", "is", "am", "are", "be", "been", "would", "will",
    "could", "should", "can", "do", "does", "did", "have", "has", "had", "so", "that", "this",
    "just", "then", "than", "there", "here", "what", "when", "if", "as", "by", "from", "up", "out",
    "about", "into", "over", "after", "all", "some", "any", "very", "realli", "too", "also", "get",
    "got", "go", "went", "keep", "kept", "one", "now", "again", "still", "like",
];

/// Words of one meaning, for the net: a word in a class also counts as the
/// class (`c:hurt`), and two classes near each other as a pair
/// (`p:they_force`), so "he yanked my arm" weighs like "he grabbed my
/// wrist" though only one of them was in the sentences it learned from.
/// The rules' own classes count too (see `signals::CLASSES`); a class named
/// here as one of theirs adds words to it.
const MEANINGS: &[(&str, &str)] = &[
    ("death", "die|dying|dead|death|kill|suicide|suicidal|alive|overdose|noose|funeral|grave|exist|existing|disappear|vanish|burden|pointless|goodbye|goodbyes|farewell|unalive|kms"),
    ("means", "pills|tablets|paracetamol|painkillers|rope|bridge|razor|blade|blades|knife|gun|jump|drown|cliff|train|wrist|wrists|stockpile|stockpiled|hoard|hoarded|ledge|roof|motorway|overdose|sleeping"),
    ("hurt", "hurt|harm|injure|injury|injuries|bruise|bruises|bruised|bleed|bleeding|blood|swollen|mark|marks|broken|wound|pain|sore|limp|cut|cuts|scar|scars|stitches|hospital|sprained|cracked|fracture|concussion|black"),
    ("body", "arm|arms|wrist|wrists|neck|throat|face|hair|head|chest|rib|ribs|eye|eyes|jaw|back|leg|legs|shoulder|shoulders|lip|nose|cheek|stomach|skin|finger|fingers|hand|hands"),
    ("threat", "threat|threats|threaten|threatened|threatening|regret|warn|warned|warning|else|ruin|destroy|pay|promise|swear|swore|take|kill|dare|punish|consequences"),
    ("control", "allow|allowed|permission|let|track|tracking|tracker|location|password|passwords|monitor|monitors|spy|spying|follow|followed|following|lock|locked|locks|keys|wallet|cards|isolate|isolated|forbid|forbade|check|checks|checked|controls|controlling|control|takes|took|hid|hide|smashed|broke"),
    ("home", "home|house|flat|door|bedroom|room|bathroom|car|kitchen|stairs|hallway|front|downstairs|upstairs|garage"),
    ("channel", "text|texts|message|messages|call|calls|email|emails|dm|dms|voicemail|whatsapp|letter|phone|ring|snap|snapchat|instagram|insta|facebook|fb|story|stories|unfollow|block|blocked|unblock|read|seen|typing|reply|replied|answer|answered|number|chat|profile|online"),
    ("wait", "wait|waiting|waited|refresh|refreshing|notification|notifications|silence|silent|hear|heard|nothing|yet|since|days|weeks|hours|still|checking|ticks|reply|respond|response"),
    ("alone", "alone|lonely|loneliness|isolated|empty|quiet|nobody|noone|miss|missing|invisible|unseen|ignored|lonesome|solitary|apart|disconnected|cut|left"),
    // More of the rules' classes (`signals::CLASSES`): their words count too.
    ("others", "colleagues|mates|group|family|people|sibling|kids|pal|pals|team|club|church|class|coworker|coworkers"),
    ("joy", "walk|walked|coffee|sun|sunshine|sunny|garden|gardening|laugh|laughed|laughing|smile|smiled|cake|music|song|park|beach|swim|swam|run|ran|bake|baked|book|books|film|movie|dinner|lunch|breakfast|tea|flowers|bird|birds|dog|cat|game|painting|paint|yoga|cooked|cook|bath|concert|picnic|hike|bike"),
    ("well", "good|great|lovely|nice|calm|peaceful|proud|better|happy|glad|grateful|light|fine|okay|ok|content|relaxed|hopeful|steady|strong|rested|enjoyed|enjoy|fun|wonderful|gentle|easy|easier"),
    ("low", "sad|cry|cried|crying|tears|awful|terrible|heavy|numb|hopeless|exhausted|tired|down|low|miserable|lost|dark|despair|ache|aching|hurting|grief|grieving|wrecked|gutted|sob|sobbed|sobbing|empty|worthless|useless"),
    ("tempt", "tempt|tempted|temptation|urge|urges|itch|itching|crave|craving|almost|nearly|close|resist|resisted|held|hold|stop|stopped|hovered|hovering|draft|drafted|typed|deleted|want|wanted|wanting"),
    ("setback", "cave|caved|slip|slipped|relapse|relapsed|gave|messed|blew|failed|fail|mistake|broke|weak|ruined|undo|undid|lapse|lapsed|weakness|rang|called|texted|sent|showed|turned|went"),
    ("night", "night|tonight|midnight|late|3am|2am|4am|bed|sleep|awake|insomnia|dark|evening|nights"),
    ("kids", "kid|kids|child|children|son|daughter|baby|school|nursery|custody|teacher|pickup|homework|toddler|boys|girls"),
    ("money", "money|mortgage|bill|bills|rent|bank|account|tax|loan|payment|pay|insurance|finances|savings|pension|debt|council|broadband|energy|deposit|car|paperwork|solicitor|lawyer|vet|dentist|doctor|appointment"),
    ("angry", "snapped|shouted|yelled|screamed|slammed|unfair"),
    ("they_did", "texted|called|rang|emailed|messaged|replied|wrote|sent|dropped|knocked|visited|popped|liked|commented|reached|contacted|asked|showed|turned|came"),
];

/// Each stem's meanings: the rules' classes and [`MEANINGS`].
static MEANING_OF: LazyLock<HashMap<String, Vec<&'static str>>> = LazyLock::new(|| {
    let mut map: HashMap<String, Vec<&'static str>> = HashMap::new();
    for (name, words) in MEANINGS.iter().chain(super::signals::CLASSES) {
        if *name == "neg" {
            continue;
        }
        // A word the rules match as written (`=longing`) would, stemmed,
        // take in others ("long"): it is left to the rules.
        for w in words.split('|').filter(|w| !w.starts_with('=')) {
            let list = map.entry(super::words::stem(w)).or_default();
            if !list.contains(name) {
                list.push(name);
            }
        }
    }
    map
});

/// Meanings in most pages, danger or not (a person, a room): they count
/// only beside another meaning, in pairs.
const PAIRS_ONLY: &[&str] = &["they", "them", "me", "others", "home"];

/// How far apart two words may stand and still count as a pair of meanings.
const MEANING_SPAN: usize = 3;

/// Calls `f` with the pieces of each feature of a run of words (a feature
/// is its pieces put together): `u:stem` for each word that means something
/// alone, `b:a_b` for each pair of neighbours, `n:stem` for a word within
/// three after a "not" (so "not afraid" and "afraid" can weigh
/// differently), `c:meaning` for each meaning of a word, `p:a_b` for two
/// meanings at most three words apart, in order, and `r:aside` when the
/// rules found words of danger in the sentence and set them aside as
/// another sense or denied (`signals::danger_set_aside`). A feature may be
/// given more than once.
fn each_feature(ws: &[Word], f: &mut dyn FnMut(&[&str])) {
    let meanings: Vec<&[&'static str]> = ws
        .iter()
        .map(|w| MEANING_OF.get(&w.stem).map_or(&[][..], Vec::as_slice))
        .collect();
    // What the rules know: words of danger they set aside in this sentence
    // ("I killed it at work", "I'm not afraid of him anymore").
    if super::signals::danger_set_aside(ws) {
        f(&["r:aside"]);
    }
    for (i, w) in ws.iter().enumerate() {
        if !ALONE_MEANS_NOTHING.contains(&w.stem.as_str()) {
            f(&["u:", &w.stem]);
        }
        if let Some(next) = ws.get(i + 1) {
            f(&["b:", &w.stem, "_", &next.stem]);
        }
        let negated = ws[i.saturating_sub(3)..i]
            .iter()
            .any(|p| matches!(p.raw.as_str(), "not" | "never" | "no"));
        if negated {
            f(&["n:", &w.stem]);
        }
        for m in meanings[i] {
            if !PAIRS_ONLY.contains(m) {
                f(&["c:", m]);
            }
            for later in &meanings[i + 1..(i + 1 + MEANING_SPAN).min(ws.len())] {
                for m2 in *later {
                    f(&["p:", m, "_", m2]);
                }
            }
        }
    }
}

/// The features of a run of words, by name (see [`each_feature`]).
pub(crate) fn features(ws: &[Word], out: &mut BTreeSet<String>) {
    each_feature(ws, &mut |parts| {
        out.insert(parts.concat());
    });
}

/// Every feature of a whole passage (what the model is trained on).
pub fn passage_features(text: &str) -> Vec<String> {
    let mut out = BTreeSet::new();
    for ws in page_sentences(text) {
        features(&ws, &mut out);
    }
    out.into_iter().collect()
}

/// FNV-1a over several pieces, as if over their concatenation.
fn hash_of(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The hashes of [`features`] of a run of words, sorted, without building
/// a string for each.
fn feature_hashes(ws: &[Word]) -> Vec<u64> {
    let mut out = Vec::with_capacity(ws.len() * 6);
    each_feature(ws, &mut |parts| out.push(hash_of(parts)));
    out.sort_unstable();
    out.dedup();
    out
}

/// The models' weighted sums (before the bias) for one run of features.
fn sums(features: &[u64]) -> Vec<f64> {
    let mut z = vec![0.0; MODELS.len()];
    for &h in features {
        add_weights(h, &mut z);
    }
    z
}

/// The hashes two sorted runs share.
fn shared(a: &[u64], b: &[u64]) -> Vec<u64> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// What the net hears on a page: the names of the models (`danger`,
/// `urges`, `waiting`, …) whose score reached their threshold in any
/// sentence, or (the themes) in any two sentences side by side (so a long,
/// ordinary page does not add up to an alarm, and a theme said over two
/// sentences is heard).
pub(crate) fn heard(sentences: &[Vec<Word>]) -> Vec<&'static str> {
    let hashed: Vec<Vec<u64>> = sentences.iter().map(|ws| feature_hashes(ws)).collect();
    // Each sentence's sums once; two side by side are the two sums less
    // what they share (a feature counts once in a run, as in training).
    let each: Vec<Vec<f64>> = hashed.iter().map(|h| sums(h)).collect();
    let mut best = vec![0.0f64; MODELS.len()];
    for i in 0..hashed.len() {
        let pair = (i + 1 < hashed.len()).then(|| sums(&shared(&hashed[i], &hashed[i + 1])));
        for (m, model) in MODELS.iter().enumerate() {
            let mut z = model.bias + each[i][m];
            best[m] = best[m].max(sigmoid(z));
            // Danger is heard in one sentence at a time: two ordinary
            // sentences side by side add up to an alarm far more often
            // than they carry a danger no single one of them does.
            if let Some(both) = pair.as_ref().filter(|_| model.name != "danger") {
                z += each[i + 1][m] - both[m];
                best[m] = best[m].max(sigmoid(z));
            }
        }
    }
    MODELS
        .iter()
        .zip(best)
        .filter(|(m, b)| *b >= m.threshold)
        .map(|(m, _)| m.name)
        .collect()
}

/// Each model's score on each sentence of a page, and on each two side by
/// side, as `model score: words` where it reached half its threshold (to
/// see why a page got the cards it got, when tuning).
pub fn net_explain(text: &str) -> Vec<String> {
    let sentences = page_sentences(text);
    let mut out = Vec::new();
    for i in 0..sentences.len() {
        for run in [i..i + 1, i..(i + 2).min(sentences.len())] {
            let ws: Vec<Word> = sentences[run.clone()].concat();
            let z = sums(&feature_hashes_of_run(&sentences[run.clone()]));
            for (m, model) in MODELS.iter().enumerate() {
                let p = sigmoid(model.bias + z[m]);
                if p >= model.threshold / 2.0 {
                    let said: Vec<&str> = ws.iter().map(|w| w.raw.as_str()).collect();
                    out.push(format!("{} {p:.2}: {}", model.name, said.join(" ")));
                }
            }
        }
    }
    out.dedup();
    out
}

/// The features of one or two sentences together, each counted once.
fn feature_hashes_of_run(run: &[Vec<Word>]) -> Vec<u64> {
    let mut all: Vec<u64> = run.iter().flat_map(|ws| feature_hashes(ws)).collect();
    all.sort_unstable();
    all.dedup();
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_is_read_with_exactly_the_features_the_models_were_trained_on() {
        let text = "He didn't shove me, not this time. I keep wanting to call her; café at noon";
        for ws in page_sentences(text) {
            let mut named = BTreeSet::new();
            features(&ws, &mut named);
            let mut want: Vec<u64> = named.iter().map(|f| feature_hash(f)).collect();
            want.sort_unstable();
            assert_eq!(feature_hashes(&ws), want);
        }
    }

    fn named(text: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for ws in page_sentences(text) {
            features(&ws, &mut out);
        }
        out
    }

    #[test]
    fn two_wordings_of_one_thing_share_its_meanings() {
        let a = named("she yanked me by the arm");
        let b = named("my husband grabbed me");
        for f in ["c:force", "p:they_force", "p:force_me"] {
            assert!(a.contains(f) && b.contains(f), "{f}: {a:?} / {b:?}");
        }
        // A word the rules read only as written keeps its other senses:
        // "a long call" is not longing.
        assert!(!named("a long call with a client").contains("c:want"));
        // A person alone means nothing; beside another meaning it does.
        assert!(!named("he was there").contains("c:they"));
    }

    #[test]
    fn words_of_danger_the_rules_set_aside_are_a_feature_of_their_own() {
        assert!(named("I killed it at work today").contains("r:aside"));
        assert!(named("I'm not afraid of him anymore").contains("r:aside"));
        // Heard by the rules: nothing was set aside.
        assert!(!named("He hit me and I'm afraid to go home").contains("r:aside"));
        // No words of danger at all.
        assert!(!named("Made soup and watched a film").contains("r:aside"));
    }

    #[test]
    fn a_page_with_no_words_is_heard_as_nothing() {
        assert!(heard(&page_sentences("")).is_empty());
        assert!(heard(&page_sentences("  ... !! ")).is_empty());
    }
}
