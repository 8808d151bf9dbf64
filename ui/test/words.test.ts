import { describe, expect, it } from 'vitest';
import { wordsLabel } from '../src/lib/words';

describe('wordsLabel', () => {
  it('reads naturally', () => {
    expect(wordsLabel(0)).toBe('0 words');
    expect(wordsLabel(1)).toBe('1 word');
    expect(wordsLabel(312)).toBe('312 words');
    expect(wordsLabel(1204)).toBe('1,204 words');
  });
});
