// How a count of words reads. The count itself is the core's
// (journal-core `count_words`), sent with every page and save.

export function wordsLabel(n: number): string {
  return n === 1 ? '1 word' : `${n.toLocaleString('en-GB')} words`;
}
