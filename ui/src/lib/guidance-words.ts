// Everything the guidance views say about themes and the source, and the
// small pure helpers they share: reading a card's body into paragraphs and
// lists (rendered as text, never as HTML), filtering, grouping by theme.

import type { LibraryCard, Theme } from '../ipc/guidance';

/** Friendly headings for the themes, in the library's usual order. */
export const THEME_TITLES: Record<Theme, string> = {
  upfront: 'Before you step back',
  'giving-space': 'Giving space',
  'not-too-far': 'Space, not silence',
  urges: 'When you want to reach out',
  waiting: 'Not waiting by the phone',
  support: 'Letting people in',
  'self-work': 'Looking after yourself',
  sincerity: 'Meaning it',
  'they-reached-out': 'When they reach out',
  setbacks: 'When you reached out anyway',
  'necessary-contact': 'Practical contact',
  safety: 'If you are not safe',
};

export function themeTitle(theme: string): string {
  return (THEME_TITLES as Record<string, string>)[theme] ?? theme;
}

/** The credit to the source, shown on the library page. */
export const CREDIT =
  'These cards paraphrase, in our own words, the article ' +
  '"Will My Husband Miss Me If I Don\'t Contact Him?" by Leslie Cane (isavedmymarriage.com).';

export type BodyBlock = { kind: 'p'; text: string } | { kind: 'list'; items: string[] };

const BULLET = /^\s*[-*]\s+/;

/**
 * Splits a card body (plain Markdown: paragraphs separated by blank lines,
 * sometimes a short "- " list) into blocks to render as text. Lines of one
 * paragraph are joined with a space; bullet lines form a list.
 */
export function bodyBlocks(body: string): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  for (const chunk of body.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    let para: string[] = [];
    let items: string[] | null = null;
    const flushPara = () => {
      if (para.length > 0) blocks.push({ kind: 'p', text: para.join(' ') });
      para = [];
    };
    const flushList = () => {
      if (items !== null && items.length > 0) blocks.push({ kind: 'list', items });
      items = null;
    };
    for (const raw of chunk.split('\n')) {
      const line = raw.trim();
      if (line === '') continue;
      if (BULLET.test(raw)) {
        flushPara();
        items ??= [];
        items.push(line.replace(BULLET, ''));
      } else if (items !== null && /^\s+/.test(raw)) {
        // An indented line continues the bullet above it.
        items[items.length - 1] += ` ${line}`;
      } else {
        flushList();
        para.push(line);
      }
    }
    flushPara();
    flushList();
  }
  return blocks;
}

/** The words of a filter, lower-cased; empty when there is nothing to filter by. */
export function filterWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter((w) => w !== '');
}

/**
 * The part of a word its other forms share ("lonely" → "lone", "called" →
 * "call", "children" → "child"): a short word whole, a longer one less its
 * last three letters, never under four.
 */
export function wordStart(word: string): string {
  return word.length <= 4 ? word : word.slice(0, Math.max(4, word.length - 3));
}

/**
 * True when every word of the filter (or another form of it) is in the
 * card's title, its text, or the words on a page that bring it (any case).
 */
export function cardMatches(
  card: Pick<LibraryCard, 'title' | 'body'> & { words?: string[] },
  words: string[],
): boolean {
  if (words.length === 0) return true;
  const text = `${card.title}\n${card.body}\n${(card.words ?? []).join(' ')}`.toLowerCase();
  const tokens = text.split(/[^\p{L}\p{N}']+/u).filter((t) => t !== '');
  return words.every((w) => text.includes(w) || tokens.some((t) => t.startsWith(wordStart(w))));
}

export interface ThemeGroup {
  theme: Theme;
  title: string;
  cards: LibraryCard[];
}

/** Groups cards by theme, keeping the order in which themes first appear. */
export function groupByTheme(cards: LibraryCard[]): ThemeGroup[] {
  const groups = new Map<Theme, ThemeGroup>();
  for (const card of cards) {
    let group = groups.get(card.theme);
    if (!group) {
      group = { theme: card.theme, title: themeTitle(card.theme), cards: [] };
      groups.set(card.theme, group);
    }
    group.cards.push(card);
  }
  return [...groups.values()];
}

/** "Guidance (3)": the label of the panel's disclosure on narrow windows. */
export function panelToggleLabel(count: number): string {
  return count > 0 ? `Guidance (${count})` : 'Guidance';
}
