import { describe, expect, it } from 'vitest';
import { countWords, wordsLabel } from '../src/lib/words';

describe('wordsLabel', () => {
  it('reads naturally', () => {
    expect(wordsLabel(0)).toBe('0 words');
    expect(wordsLabel(1)).toBe('1 word');
    expect(wordsLabel(312)).toBe('312 words');
    expect(wordsLabel(1204)).toBe('1,204 words');
  });
});

describe('countWords', () => {
  // The same cases as the core's count_words (crates/journal-core/src/pages/page.rs).
  it.each([
    ['', 0],
    ['   \n\t ', 0],
    ['one', 1],
    ['I held back today.', 4],
    ["don't  stop — now", 3],
    ['line one\nline two\n\n', 4],
    ['café naïve 😀 ok', 3],
    ['今日は 静か', 2],
    ['dash - and ... only — punctuation !!', 4],
    ['42 days', 2],
    ['a\u00a0b', 2],
    ['x\u0085y', 2],
    ['zero\ufeffwidth', 1],
  ])('counts %j as %i, as the core does', (text, want) => {
    expect(countWords(text)).toBe(want);
  });
});
