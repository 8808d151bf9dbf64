// Counts words the same way the Rust side does (journal-core `count_words`):
// runs of non-whitespace that contain at least one letter or digit.

const WHITESPACE = /\p{White_Space}+/u;
const LETTER_OR_DIGIT = /[\p{Alphabetic}\p{Nd}\p{Nl}\p{No}]/u;

export function countWords(text: string): number {
  let n = 0;
  for (const run of text.split(WHITESPACE)) {
    if (run !== '' && LETTER_OR_DIGIT.test(run)) n += 1;
  }
  return n;
}

export function wordsLabel(n: number): string {
  return n === 1 ? '1 word' : `${n.toLocaleString('en-GB')} words`;
}
