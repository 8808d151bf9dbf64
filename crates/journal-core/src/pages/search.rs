//! Full-text search over pages. Whatever the person types is read as words
//! (each the start of a word), and phrases in quotes: FTS5 query syntax is
//! never passed through, so `AND`, `-`, a stray quote or bracket can never
//! cause an error. A hit says where its words are in its excerpt as
//! character ranges, never with markers inside the text (which would
//! collide with what people write).

use crate::db::Store;
use crate::error::Result;
use rusqlite::params;
use serde::Serialize;
use ts_rs::TS;

/// One page found: its date and mood, and a short excerpt of it with where
/// the matched words are in that excerpt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SearchHit {
    pub date: String,
    /// A short excerpt, as written (no markers of any kind inside it).
    pub snippet: String,
    /// Where the matched words are in `snippet`: `[start, end)` pairs of
    /// character offsets (Unicode scalar values), in order, not overlapping.
    pub ranges: Vec<(u32, u32)>,
    pub mood: Option<u8>,
}

/// Which pages a search keeps, beyond the words: all of them by default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchFilter {
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
    pub mood: Option<u8>,
    /// Only days on which an urge was held.
    pub urge: bool,
    /// Only days on which a contact of this kind was logged.
    pub contact: Option<crate::space::ContactKind>,
    /// Only days on which a guidance card was marked as having helped (the
    /// local day it was marked, `helped_offset_minutes` east of UTC).
    pub helped: bool,
    pub helped_offset_minutes: i32,
}

/// What the person asked for, one piece at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Term {
    /// A word, or the start of one (every word typed is: results come while
    /// the last word is still being typed).
    Prefix(String),
    /// A word on its own in quotes: that whole word only.
    Word(String),
    /// Words in quotes: those words in that order.
    Phrase(Vec<String>),
}

/// The words of `text`: runs of letters and digits (an accent typed as a
/// separate mark is part of its word), as the search index cuts them.
fn words_of(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric() && !is_combining_accent(c))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect()
}

/// Reads what was typed: quoted words are a phrase (or, alone, a whole
/// word); every other word matches as the start of a word (`walk` and
/// `walk*` find "walked"). Anything else is ignored, so nothing typed can
/// be an error.
fn parse_query(input: &str) -> Vec<Term> {
    let mut terms = Vec::new();
    for (i, piece) in input.split('"').enumerate() {
        let words = words_of(piece);
        // Odd pieces were inside quotes.
        if i % 2 == 1 {
            match words.len() {
                0 => {}
                1 => terms.push(Term::Word(words[0].to_string())),
                _ => terms.push(Term::Phrase(words.iter().map(|w| w.to_string()).collect())),
            }
        } else {
            terms.extend(words.iter().map(|w| Term::Prefix(w.to_string())));
        }
    }
    terms.truncate(32);
    terms
}

/// The terms as a safe FTS5 query: each word quoted, so no operator, bracket
/// or column name typed can ever reach FTS5. `None` when there is no word.
fn to_fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = parse_query(input)
        .into_iter()
        .map(|t| match t {
            Term::Prefix(w) => format!("\"{w}\"*"),
            Term::Word(w) => format!("\"{w}\""),
            Term::Phrase(ws) => format!("\"{}\"", ws.join(" ")),
        })
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// Accents typed as separate marks ("e" + U+0301, as some keyboards and
/// pasted text produce) are part of the word, not a break inside it.
fn is_combining_accent(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Where the terms of `query` are in `excerpt`, as character offsets:
/// each word of it compared the way the index compares (case and
/// diacritics folded).
fn match_ranges(excerpt: &str, query: &str) -> Vec<(u32, u32)> {
    let fold = crate::text::fold;
    // Each word of the excerpt: its character span and folded form.
    let mut tokens: Vec<(u32, u32, String)> = Vec::new();
    let mut start: Option<(u32, usize)> = None;
    let mut at = 0u32;
    let chars: Vec<(usize, char)> = excerpt.char_indices().collect();
    for (k, &(byte, c)) in chars.iter().enumerate() {
        let inside = c.is_alphanumeric() || (is_combining_accent(c) && start.is_some());
        match (inside, start) {
            (true, None) => start = Some((at, byte)),
            (false, Some((s, b))) => {
                tokens.push((s, at, fold(&excerpt[b..byte])));
                start = None;
            }
            _ => {}
        }
        at += 1;
        if k + 1 == chars.len() {
            if let Some((s, b)) = start.take() {
                tokens.push((s, at, fold(&excerpt[b..])));
            }
        }
    }
    let mut marked = vec![false; tokens.len()];
    for term in parse_query(query) {
        match term {
            Term::Prefix(w) => {
                let w = fold(&w);
                for (i, t) in tokens.iter().enumerate() {
                    marked[i] |= t.2.starts_with(&w);
                }
            }
            Term::Word(w) => {
                let w = fold(&w);
                for (i, t) in tokens.iter().enumerate() {
                    marked[i] |= t.2 == w;
                }
            }
            Term::Phrase(ws) => {
                let ws: Vec<String> = ws.iter().map(|w| fold(w)).collect();
                for i in 0..tokens.len().saturating_sub(ws.len() - 1) {
                    if ws.iter().enumerate().all(|(j, w)| tokens[i + j].2 == *w) {
                        for m in &mut marked[i..i + ws.len()] {
                            *m = true;
                        }
                    }
                }
            }
        }
    }
    tokens
        .iter()
        .zip(marked)
        .filter(|(_, m)| *m)
        .map(|(t, _)| (t.0, t.1))
        .collect()
}

/// About how many leaf pages of the search index one tidy step writes: a
/// few milliseconds of work, so a save waiting for it waits little.
pub const TIDY_STEP_PAGES: u32 = 32;

impl Store {
    /// One small step of merging the search index's segments, the work no
    /// save does (migration 11): the app takes a few steps whenever it is
    /// idle. Says whether there was anything to merge.
    pub fn tidy_search(&self) -> Result<bool> {
        let changes = |c: &rusqlite::Connection| -> Result<i64> {
            Ok(c.query_row("SELECT total_changes()", [], |r| r.get(0))?)
        };
        let before = changes(&self.conn)?;
        self.conn.execute(
            "INSERT INTO page_fts(page_fts, rank) VALUES ('merge', ?1)",
            [TIDY_STEP_PAGES],
        )?;
        // SQLite's own test of whether a merge did anything: fewer than two
        // rows changed.
        Ok(changes(&self.conn)? - before >= 2)
    }

    /// Pages matching every word of `query`, best match first.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        self.search_with(query, &SearchFilter::default(), limit)
    }

    /// [`Store::search`], keeping only the pages `filter` keeps.
    pub fn search_with(
        &self,
        query: &str,
        filter: &SearchFilter,
        limit: usize,
    ) -> Result<Vec<SearchHit>> {
        let Some(fts) = to_fts_query(query) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.date, snippet(page_fts, 0, '', '', '…', 12), p.mood
             FROM page_fts JOIN page p ON p.rowid = page_fts.rowid
             WHERE page_fts MATCH ?1
               AND (?3 IS NULL OR p.date >= ?3)
               AND (?4 IS NULL OR p.date <= ?4)
               AND (?5 IS NULL OR p.mood = ?5)
               AND (?6 = 0 OR EXISTS (SELECT 1 FROM urge u
                    WHERE u.local_date = p.date AND u.removed_at IS NULL))
               AND (?7 IS NULL OR EXISTS (SELECT 1 FROM contact c
                    WHERE c.local_date = p.date AND c.kind = ?7 AND c.removed_at IS NULL))
               AND (?8 = 0 OR EXISTS (SELECT 1 FROM card_helpful h
                    WHERE date(h.marked_at, ?9 || ' minutes') = p.date))
             ORDER BY bm25(page_fts), p.date DESC
             LIMIT ?2",
        )?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
        let rows = stmt.query_map(
            params![
                fts,
                limit,
                day(filter.from),
                day(filter.to),
                filter.mood,
                filter.urge,
                filter.contact.map(|k| k.as_str()),
                filter.helped,
                format!("{:+}", filter.helped_offset_minutes),
            ],
            |r| {
                let snippet: String = r.get(1)?;
                Ok(SearchHit {
                    date: r.get(0)?,
                    ranges: match_ranges(&snippet, query),
                    snippet,
                    mood: r.get(2)?,
                })
            },
        )?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedClock;
    use chrono::{Days, NaiveDate, TimeDelta};

    fn fts_setting(store: &Store, key: &str) -> i64 {
        store
            .conn
            .query_row("SELECT v FROM page_fts_config WHERE k = ?1", [key], |r| {
                r.get(0)
            })
            .unwrap()
    }

    #[test]
    fn saves_leave_the_index_to_merge_and_tidying_finds_every_page_still() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(fts_setting(&store, "automerge"), 0, "a save never merges");
        assert_eq!(fts_setting(&store, "crisismerge"), 32);
        let mut clock = FixedClock::at_utc("2027-01-01T21:00:00Z");
        let first = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        for i in 0..40u64 {
            let body = format!("Morning walk number {i}, then tea by the harbour.");
            store
                .save_page(first + Days::new(i), &body, None, &clock)
                .unwrap();
            clock.now += TimeDelta::minutes(1);
        }
        // Forty saves made forty small segments: there is merging to do, and
        // it ends.
        let mut steps = 0;
        while store.tidy_search().unwrap() {
            steps += 1;
            assert!(steps < 100, "tidying comes to an end");
        }
        assert!(steps >= 1, "the saves left segments to merge");
        assert!(!store.tidy_search().unwrap(), "nothing left once tidy");
        assert_eq!(store.search("harbour", 100).unwrap().len(), 40);
        assert_eq!(store.search("\"number 7\"", 100).unwrap().len(), 1);
        store
            .conn
            .execute(
                "INSERT INTO page_fts(page_fts) VALUES ('integrity-check')",
                [],
            )
            .expect("the merged index agrees with the pages");
    }

    #[test]
    fn operators_become_plain_words_and_quotes_a_phrase() {
        assert_eq!(
            to_fts_query("text AND \"him\" -call (miss*").as_deref(),
            Some("\"text\"* \"AND\"* \"him\" \"call\"* \"miss\"*")
        );
        assert_eq!(
            to_fts_query("\"called him\" walk*").as_deref(),
            Some("\"called him\" \"walk\"*")
        );
        // An unclosed quote is a phrase to the end.
        assert_eq!(
            to_fts_query("rain \"by the").as_deref(),
            Some("\"rain\"* \"by the\"")
        );
        assert_eq!(to_fts_query("  \"\" ( ) * - ").as_deref(), None);
    }

    #[test]
    fn ranges_are_character_offsets_of_the_matched_words() {
        let excerpt = "…the café by the lake, and I called him. Café again";
        let r = match_ranges(excerpt, "cafe");
        let chars: Vec<char> = excerpt.chars().collect();
        let said: Vec<String> = r
            .iter()
            .map(|&(a, b)| chars[a as usize..b as usize].iter().collect())
            .collect();
        assert_eq!(said, ["café", "Café"]);
        let r = match_ranges(excerpt, "\"called him\" lak");
        let said: Vec<String> = r
            .iter()
            .map(|&(a, b)| chars[a as usize..b as usize].iter().collect())
            .collect();
        assert_eq!(said, ["lake", "called", "him"]);
        assert!(match_ranges(excerpt, "\"him called\"").is_empty());
        // Text that looks like markdown is only text.
        assert_eq!(match_ranges("**bold** words", "bold"), [(2, 6)]);
    }
}
