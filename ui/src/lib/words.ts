// How a count of words reads. The count itself is the core's
// (journal-core `count_words`), sent with every page and save.

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
