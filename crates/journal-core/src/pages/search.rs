//! Full-text search over pages. Whatever the person types is searched as
//! plain words: FTS5 query syntax is never passed through, so quotes, `AND`,
//! `*`, `-` or a stray bracket can never cause an error.

use crate::db::Store;
use crate::error::Result;
use rusqlite::params;
use serde::Serialize;
use ts_rs::TS;

/// Markers around matched words inside a [`SearchHit::snippet`].
pub const HIGHLIGHT_OPEN: &str = "**";
pub const HIGHLIGHT_CLOSE: &str = "**";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SearchHit {
    pub date: String,
    /// A short excerpt with each matched word wrapped in `**`.
    pub snippet: String,
}

/// Turn free text into a safe FTS5 query: every word becomes a quoted prefix
/// term, all of which must match. Returns `None` when there is no word at all.
fn to_fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = input
        .split(|c: char| !c.is_alphanumeric() && !is_combining_accent(c))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(32)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// Accents typed as separate marks ("e" + U+0301, as some keyboards and
/// pasted text produce) are part of the word, not a break inside it.
fn is_combining_accent(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

impl Store {
    /// Pages matching every word of `query`, best match first.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let Some(fts) = to_fts_query(query) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.date, snippet(page_fts, 0, '**', '**', '…', 12)
             FROM page_fts JOIN page p ON p.rowid = page_fts.rowid
             WHERE page_fts MATCH ?1
             ORDER BY bm25(page_fts), p.date DESC
             LIMIT ?2",
        )?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt.query_map(params![fts, limit], |r| {
            Ok(SearchHit {
                date: r.get(0)?,
                snippet: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operators_and_quotes_become_plain_words() {
        assert_eq!(
            to_fts_query("text AND \"him\" -call (miss*").as_deref(),
            Some("\"text\"* \"AND\"* \"him\"* \"call\"* \"miss\"*")
        );
        assert_eq!(to_fts_query("  \"\" ( ) * - ").as_deref(), None);
    }
}
