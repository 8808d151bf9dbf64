import { describe, expect, it } from 'vitest';
import { countWords, wordsLabel } from '../src/lib/words';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n\t ', 0],
    ['one', 1],
    ['Two words', 2],
    ['  spaced   out\n\nlines  ', 3],
    ['dash - and ... only — punctuation !!', 4],
    ["don't stop", 2],
    ['42 days', 2],
    ['café naïve Ärger', 3],
    ['日本語 テキスト', 2],
    ['a\u00a0b', 2], // no-break space separates words, as in Rust
    ['x\u0085y', 2], // NEL is whitespace in Rust
  ])('%j has %i words', (text, n) => {
    expect(countWords(text)).toBe(n);
  });
});

describe('wordsLabel', () => {
  it('reads naturally', () => {
    expect(wordsLabel(0)).toBe('0 words');
    expect(wordsLabel(1)).toBe('1 word');
    expect(wordsLabel(312)).toBe('312 words');
    expect(wordsLabel(1204)).toBe('1,204 words');
  });
});
