// How a count of words reads. The count itself is the core's
// (journal-core `count_words`), sent with every page and save.

/**
 * Words as a person counts them, by the core's rule (pages::count_words):
 * runs of non-space text holding at least one letter or digit ("—" alone
 * is not a word; "don't" is one).
 */
export function countWords(text: string): number {
  let n = 0;
  // Rust's split_whitespace and char::is_alphanumeric, in Unicode's terms.
  for (const run of text.split(/\p{White_Space}+/u)) {
    if (/[\p{Alphabetic}\p{N}]/u.test(run)) n += 1;
  }
  return n;
}

export function wordsLabel(n: number): string {
  return n === 1 ? '1 word' : `${n.toLocaleString('en-GB')} words`;
}

/** The five moods, as the mood picker and search name them. */
export const MOODS: readonly { value: number; label: string }[] = [
  { value: 1, label: 'Very low' },
  { value: 2, label: 'Low' },
  { value: 3, label: 'Okay' },
  { value: 4, label: 'Good' },
  { value: 5, label: 'Very good' },
];

export function moodLabel(mood: number | null): string {
  return MOODS.find((m) => m.value === mood)?.label ?? '';
}

/** "1 month" → "A month ago", "6 months" → "Six months ago", "3 years" → "3 years ago". */
export function agoLabel(ago: string): string {
  switch (ago) {
    case '1 month':
      return 'A month ago';
    case '6 months':
      return 'Six months ago';
    case '1 year':
      return 'A year ago';
    default:
      return `${ago} ago`;
  }
}

/** How an earlier page of the date is named in the line: in words up to a
 * year ago, then by its year ("2024"). */
export function shortAgo(e: { date: string; ago: string }): string {
  return ['1 month', '6 months', '1 year'].includes(e.ago) ? agoLabel(e.ago) : e.date.slice(0, 4);
}
