import { describe, expect, it } from 'vitest';
import type { LibraryCard } from '../src/ipc/bindings/LibraryCard';
import type { Theme } from '../src/ipc/bindings/Theme';
import {
  THEME_TITLES,
  bodyBlocks,
  cardMatches,
  filterWords,
  groupByTheme,
  panelToggleLabel,
  themeTitle,
  wordStart,
} from '../src/lib/guidance-words';

describe('bodyBlocks', () => {
  it('splits paragraphs on blank lines and joins the lines of one paragraph', () => {
    expect(bodyBlocks('First line\nstill first.\n\nSecond.\n\n\n  Third.  ')).toEqual([
      { kind: 'p', text: 'First line still first.' },
      { kind: 'p', text: 'Second.' },
      { kind: 'p', text: 'Third.' },
    ]);
  });

  it('reads "- " lines as a list, also right after a paragraph line', () => {
    expect(bodyBlocks('Try these:\n- Eat.\n- Walk,\n  slowly.\n\nThen rest.')).toEqual([
      { kind: 'p', text: 'Try these:' },
      { kind: 'list', items: ['Eat.', 'Walk, slowly.'] },
      { kind: 'p', text: 'Then rest.' },
    ]);
  });

  it('keeps markup as text and copes with Windows line ends and an empty body', () => {
    expect(bodyBlocks('<b>x</b>\r\n\r\n**y**')).toEqual([
      { kind: 'p', text: '<b>x</b>' },
      { kind: 'p', text: '**y**' },
    ]);
    expect(bodyBlocks('')).toEqual([]);
    expect(bodyBlocks('\n\n')).toEqual([]);
  });
});

describe('filtering', () => {
  const c = { title: 'Give the urge twenty minutes', body: 'Set a Timer.\n\nWrite it here.' };

  it('matches every word, in the title or body, in any case', () => {
    expect(cardMatches(c, filterWords(''))).toBe(true);
    expect(cardMatches(c, filterWords('   '))).toBe(true);
    expect(cardMatches(c, filterWords('URGE'))).toBe(true);
    expect(cardMatches(c, filterWords('timer urge'))).toBe(true);
    expect(cardMatches(c, filterWords('timer phone'))).toBe(false);
    expect(cardMatches(c, filterWords('lonely'))).toBe(false);
  });
});

describe('themes', () => {
  it('has a friendly heading for every theme', () => {
    const themes: Theme[] = [
      'upfront',
      'giving-space',
      'not-too-far',
      'urges',
      'waiting',
      'support',
      'self-work',
      'sincerity',
      'they-reached-out',
      'setbacks',
      'necessary-contact',
      'safety',
    ];
    for (const t of themes) expect(THEME_TITLES[t].length).toBeGreaterThan(3);
    expect(themeTitle('urges')).toBe('When you want to reach out');
    expect(themeTitle('something-new')).toBe('something-new');
  });

  it('groups cards by theme in the order they come', () => {
    const card = (id: string, theme: Theme): LibraryCard => ({ id, theme, title: id, body: '', words: [] });
    const groups = groupByTheme([card('a', 'urges'), card('b', 'upfront'), card('c', 'urges')]);
    expect(groups.map((g) => [g.theme, g.title, g.cards.map((x) => x.id)])).toEqual([
      ['urges', 'When you want to reach out', ['a', 'c']],
      ['upfront', 'Before you step back', ['b']],
    ]);
  });

  it('labels the folded panel with how many cards it holds', () => {
    expect(panelToggleLabel(3)).toBe('Guidance (3)');
    expect(panelToggleLabel(0)).toBe('Guidance');
  });
});

describe('the library filter', () => {
  it('finds cards for the words it suggests, by what a card is for and by other forms', async () => {
    const { default: fixture } = await import('../src/ipc/fixtures/guidance.json');
    const cards = fixture.library as { title: string; body: string; words: string[] }[];
    for (const suggestion of ['lonely', 'call', 'children']) {
      const found = cards.filter((c) => cardMatches(c, filterWords(suggestion)));
      expect(found.length, suggestion).toBeGreaterThan(0);
    }
    expect(wordStart('lonely')).toBe('lone');
    expect(wordStart('called')).toBe('call');
    expect(wordStart('tea')).toBe('tea');
    expect(cards.filter((c) => cardMatches(c, filterWords('zzzz')))).toHaveLength(0);
  });
});
