import { describe, expect, it } from 'vitest';
import { markGoneLines, replacedWhen } from '../src/lib/history';

describe('earlier versions', () => {
  it('marks the lines the page no longer has, and only those', () => {
    expect(markGoneLines('Kept line.\nGone line.\n\nKept too.', 'Kept line.\nKept too.\nNew.')).toEqual([
      { text: 'Kept line.', gone: false },
      { text: 'Gone line.', gone: true },
      { text: '', gone: false },
      { text: 'Kept too.', gone: false },
    ]);
  });

  it('writes when a text was replaced the way the app writes days, with the local time', () => {
    const at = new Date(2026, 11, 4, 21, 5);
    expect(replacedWhen(at.toISOString())).toBe('Friday, 4 December 2026, 21:05');
    expect(replacedWhen('not a time')).toBe('not a time');
  });
});
