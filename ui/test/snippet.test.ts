import { describe, expect, it } from 'vitest';
import { snippetParts } from '../src/lib/snippet';

describe('snippetParts', () => {
  it('cuts the excerpt at the ranges the core sends', () => {
    expect(
      snippetParts('I miss them and miss home', [
        [2, 6],
        [16, 20],
      ]),
    ).toEqual([
      { text: 'I ', match: false },
      { text: 'miss', match: true },
      { text: ' them and ', match: false },
      { text: 'miss', match: true },
      { text: ' home', match: false },
    ]);
  });

  it('reads what people write as text: asterisks and markup are never markers', () => {
    expect(snippetParts('**bold** <b>hi</b>', [[2, 6]])).toEqual([
      { text: '**', match: false },
      { text: 'bold', match: true },
      { text: '** <b>hi</b>', match: false },
    ]);
  });

  it('counts characters, not UTF-16 units: a word after an emoji is marked where it is', () => {
    expect(snippetParts('🌊 lake', [[2, 6]])).toEqual([
      { text: '🌊 ', match: false },
      { text: 'lake', match: true },
    ]);
  });

  it('never trusts a range past the end or out of order', () => {
    expect(
      snippetParts('abc', [
        [2, 9],
        [0, 1],
      ]),
    ).toEqual([
      { text: 'ab', match: false },
      { text: 'c', match: true },
    ]);
  });
});
