//! Text as the search and the guidance compare it.

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// Lower case, diacritics folded (`café` → `cafe`), every apostrophe kind
/// made `'`.
pub(crate) fn fold(text: &str) -> String {
    if text.is_ascii() {
        // Most pages: nothing to decompose.
        return text
            .bytes()
            .map(|b| match b {
                b'`' => '\'',
                b => char::from(b.to_ascii_lowercase()),
            })
            .collect();
    }
    text.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' | '\u{00b4}' | '`' | '\u{2032}' => '\'',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}
