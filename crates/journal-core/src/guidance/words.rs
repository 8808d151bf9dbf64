//! Words as the matcher reads them: case, diacritics, apostrophe kinds,
//! contractions, text-speak and word forms made alike, so "Don’t", "dont"
//! and "do not" agree, and "texting", "texted" and "texts" all read "text".
//! A word that is one slip of the keyboard away from a word the matcher
//! listens for ("scard", "afriad", "strangeld") is read as that word.

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{HashMap, HashSet};
use std::sync::{LazyLock, Mutex};

/// One word of a page: its plain form and its stem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    /// Lower case, no diacritics, contractions written out ("not", "am").
    pub raw: String,
    /// The Snowball stem of `raw` ("shove" for "shoved").
    pub stem: String,
}

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// The Snowball stem of a plain lower-case word.
pub(crate) fn stem(word: &str) -> String {
    STEMMER.stem(word).into_owned()
}

pub(crate) use crate::text::fold;

/// Contractions and text-speak as the words they stand for. Forms without
/// the apostrophe are listed where they are not also common words.
const EXPANSIONS: &[(&str, &str)] = &[
    ("can't", "can not"),
    ("cant", "can not"),
    ("cannot", "can not"),
    ("won't", "will not"),
    ("wont", "will not"),
    ("shan't", "shall not"),
    ("ain't", "am not"),
    ("aint", "am not"),
    ("dont", "do not"),
    ("didnt", "did not"),
    ("doesnt", "does not"),
    ("isnt", "is not"),
    ("wasnt", "was not"),
    ("werent", "were not"),
    ("arent", "are not"),
    ("havent", "have not"),
    ("hasnt", "has not"),
    ("hadnt", "had not"),
    ("couldnt", "could not"),
    ("shouldnt", "should not"),
    ("wouldnt", "would not"),
    ("mustnt", "must not"),
    ("im", "i am"),
    ("ive", "i have"),
    ("youre", "you are"),
    ("theyre", "they are"),
    ("hes", "he is"),
    ("shes", "she is"),
    ("thats", "that is"),
    ("whats", "what is"),
    ("abt", "about"),
    ("dosnt", "does not"),
    ("theres", "there is"),
    ("thatd", "that would"),
    ("theyd", "they would"),
    ("youd", "you would"),
    ("hed", "he would"),
    ("theyll", "they will"),
    ("youll", "you will"),
    ("wanna", "want to"),
    ("wana", "want to"),
    ("til", "till"),
    ("y", "why"),
    ("evry1", "everyone"),
    ("every1", "everyone"),
    ("aginst", "against"),
    ("draged", "dragged"),
    ("gonna", "going to"),
    ("gotta", "got to"),
    ("u", "you"),
    ("ur", "your"),
    ("r", "are"),
    ("cuz", "because"),
    ("coz", "because"),
    ("bc", "because"),
    ("idk", "i do not know"),
    ("txt", "text"),
    ("txted", "texted"),
    ("msg", "message"),
    ("msged", "messaged"),
    ("fone", "phone"),
    ("ppl", "people"),
    ("tmrw", "tomorrow"),
    ("pls", "please"),
    ("b4", "before"),
    ("dh", "husband"),
    ("dw", "wife"),
    ("hubby", "husband"),
    ("wifey", "wife"),
    ("mum", "mom"),
    ("mam", "mom"),
    ("mobile", "phone"),
    ("cell", "phone"),
];

static EXPAND: LazyLock<HashMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    EXPANSIONS
        .iter()
        .map(|(k, v)| (*k, v.split(' ').collect()))
        .collect()
});

/// The plain words of one token, contractions written out.
fn expand(token: &str, out: &mut Vec<String>) {
    let token = token.trim_matches('\'');
    if token.is_empty() {
        return;
    }
    if let Some(words) = EXPAND.get(token) {
        out.extend(words.iter().map(|w| w.to_string()));
        return;
    }
    if let Some((head, tail)) = token.split_once('\'') {
        let head = head.to_string();
        match tail {
            "t" if head.ends_with('n') => {
                // "didn't" → "did not"; "can't" and "won't" are listed above.
                out.push(head[..head.len() - 1].to_string());
                out.push("not".into());
            }
            "m" => out.extend([head, "am".into()]),
            "re" => out.extend([head, "are".into()]),
            "ve" => out.extend([head, "have".into()]),
            "ll" => out.extend([head, "will".into()]),
            "d" => out.extend([head, "would".into()]),
            "s" if matches!(
                head.as_str(),
                "he" | "she" | "it" | "that" | "there" | "what"
            ) =>
            {
                out.extend([head, "is".into()])
            }
            // A possessive or anything else: the word itself.
            _ => out.push(head),
        }
        return;
    }
    out.push(token.to_string());
}

/// The words of `text`, normalized; `vocabulary` corrects slips of the keyboard.
pub(crate) fn words(text: &str, vocabulary: &Vocabulary) -> Vec<Word> {
    let folded = fold(text);
    let mut plain = Vec::new();
    for token in folded
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|t| !t.is_empty())
    {
        expand(token, &mut plain);
    }
    {
        let mut seen = vocabulary.seen.lock().unwrap_or_else(|p| p.into_inner());
        if seen.len() > WORDS_SEEN_MAX {
            seen.clear();
        }
        plain
            .into_iter()
            .map(|raw| {
                if let Some(w) = seen.get(&raw) {
                    return w.clone();
                }
                let stem = stem(&raw);
                let word = match vocabulary.correct(&raw, &stem) {
                    Some(fixed) => Word {
                        stem: self::stem(fixed),
                        raw: fixed.to_string(),
                    },
                    None => Word {
                        raw: raw.clone(),
                        stem,
                    },
                };
                seen.insert(raw, word.clone());
                word
            })
            .collect()
    }
}

/// How many distinct words a thread remembers the reading of.
const WORDS_SEEN_MAX: usize = 50_000;

/// The words the matcher listens for hardest, to read a mistyped word as
/// one of them: a letter dropped ("scard"), a letter doubled or added
/// ("hurtt"), or two neighbours swapped ("afriad", "wnat"). A changed
/// letter is not corrected: too many everyday words are one change from a
/// word of danger ("cooked" and "choked", "hunt" and "hurt"). Only words of
/// five letters or more take a dropped or added letter; four-letter words
/// only a swap.
pub(crate) struct Vocabulary {
    known: HashMap<String, &'static str>,
    known_stems: HashSet<String>,
    dropped: HashMap<String, &'static str>,
    swapped: HashMap<String, &'static str>,
    /// Each word's reading (stem, correction) is a pure function of the
    /// word, and pages repeat their words: remembered.
    seen: Mutex<HashMap<String, Word>>,
}

fn deletions_of(word: &str) -> impl Iterator<Item = String> + '_ {
    let chars: Vec<char> = word.chars().collect();
    (0..chars.len()).map(move |i| {
        chars
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, c)| c)
            .collect()
    })
}

fn swaps_of(word: &str) -> impl Iterator<Item = String> + '_ {
    let chars: Vec<char> = word.chars().collect();
    (0..chars.len().saturating_sub(1)).map(move |i| {
        let mut c = chars.clone();
        c.swap(i, i + 1);
        c.into_iter().collect()
    })
}

impl Vocabulary {
    pub(crate) fn new(listened_for: impl IntoIterator<Item = &'static str>) -> Vocabulary {
        let mut v = Vocabulary {
            known: HashMap::new(),
            known_stems: HashSet::new(),
            dropped: HashMap::new(),
            swapped: HashMap::new(),
            seen: Mutex::new(HashMap::new()),
        };
        for w in listened_for {
            if v.known.insert(w.to_string(), w).is_some() {
                continue;
            }
            v.known_stems.insert(stem(w));
            let n = w.chars().count();
            if n >= 5 {
                for d in deletions_of(w) {
                    v.dropped.entry(d).or_insert(w);
                }
            }
            if n >= 4 {
                for s in swaps_of(w).filter(|s| s != w) {
                    v.swapped.entry(s).or_insert(w);
                }
            }
        }
        v
    }

    /// The listened-for word `raw` was probably meant as, if it is not one.
    fn correct(&self, raw: &str, stem: &str) -> Option<&'static str> {
        if raw.len() < 4
            || self.known.contains_key(raw)
            || self.known_stems.contains(stem)
            || !raw.chars().all(|c| c.is_ascii_lowercase())
            || COMMON.contains(&raw)
        {
            return None;
        }
        if let Some(w) = self.swapped.get(raw) {
            return Some(*w);
        }
        if let Some(w) = self.dropped.get(raw) {
            return Some(*w);
        }
        if raw.len() > 5 {
            return deletions_of(raw).find_map(|d| self.known.get(&d).copied());
        }
        None
    }
}

/// Everyday words that are one letter from a listened-for word and must
/// never be "corrected" into it.
const COMMON: &[&str] = &[
    "treat",
    "treats",
    "scare",
    "sacred",
    "cared",
    "hared",
    "shoed",
    "stranger",
    "bruin",
    "afar",
    "spills",
    "skills",
    "still",
    "hurtle",
    "liver",
    "olive",
    "table",
    "tables",
    "chocked",
    "shovel",
    "punches",
    "lunched",
    "bunched",
    "hunched",
    "munched",
    "kicker",
    "slapper",
    "bruiser",
    "thread",
    "threads",
    "dread",
    "bread",
    // Found by reading every word of Debian's British and American word
    // lists through the corrector: real words it took for a slip.
    "abetter",
    "bruisers",
    "choker",
    "coke",
    "coked",
    "egret",
    "gabbed",
    "gong",
    "goring",
    "hurtling",
    "ills",
    "lapped",
    "overdoes",
    "pint",
    "pointy",
    "rally",
    "regally",
    "sapped",
    "scarfed",
    "scarred",
    "skilled",
    "strange",
    "strangler",
    "violet",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> String {
        let v = Vocabulary::new([
            "afraid",
            "scared",
            "strangled",
            "strangle",
            "want",
            "killed",
        ]);
        words(text, &v)
            .into_iter()
            .map(|w| w.raw)
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn contractions_and_apostrophes_read_alike() {
        for text in [
            "I don't want to",
            "I don’t want to",
            "I dont want to",
            "i DO NOT want to",
            "I don`t want to",
        ] {
            assert_eq!(plain(text), "i do not want to", "{text}");
        }
        assert_eq!(plain("I'm scared he'll come"), "i am scared he will come");
        assert_eq!(
            plain("she's gone, it isn't fair"),
            "she is gone it is not fair"
        );
        assert_eq!(plain("can't won't"), "can not will not");
    }

    #[test]
    fn diacritics_fold() {
        assert_eq!(plain("Café naïve Ångström"), "cafe naive angstrom");
        // Combining marks typed apart fold the same.
        assert_eq!(plain("cafe\u{301}"), "cafe");
    }

    #[test]
    fn slips_of_the_keyboard_are_read_as_the_listened_for_word() {
        assert_eq!(plain("so scard"), "so scared");
        assert_eq!(plain("im afriad"), "i am afraid");
        assert_eq!(plain("he strangeld me"), "he strangled me");
        assert_eq!(plain("i wnat"), "i want");
        // Common words stay themselves.
        assert_eq!(plain("my skills"), "my skills");
        assert_eq!(
            plain("a strange room full of skilled strangers"),
            "a strange room full of skilled strangers"
        );
    }

    #[test]
    fn word_forms_share_a_stem() {
        let v = Vocabulary::new([]);
        let stems: Vec<String> = words("texting texted texts text", &v)
            .into_iter()
            .map(|w| w.stem)
            .collect();
        assert!(stems.iter().all(|s| s == "text"), "{stems:?}");
    }
}
