import { describe, expect, it } from 'vitest';
import { snippetParts } from '../src/lib/snippet';

describe('snippetParts', () => {
  it('splits matches from plain text', () => {
    expect(snippetParts('I **miss** them and **miss** home')).toEqual([
      { text: 'I ', match: false },
      { text: 'miss', match: true },
      { text: ' them and ', match: false },
      { text: 'miss', match: true },
      { text: ' home', match: false },
    ]);
  });

  it('keeps markup as plain text', () => {
    expect(snippetParts('<b>**hi**</b>')).toEqual([
      { text: '<b>', match: false },
      { text: 'hi', match: true },
      { text: '</b>', match: false },
    ]);
  });

  it('keeps an unpaired marker as text', () => {
    expect(snippetParts('a **b')).toEqual([{ text: 'a **b', match: false }]);
  });
});
