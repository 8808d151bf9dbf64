// Development only (imported behind `import.meta.env.DEV` in main.ts, so it
// never reaches a build): a pretend back end with a few pages, to look at the
// page in a plain browser.

import { mockIPC } from '@tauri-apps/api/mocks';
import type { Page } from './bindings/Page';
import { countWords } from '../lib/words';
import { addDays, localToday } from '../lib/dates';

export function installDevMock(mode = ''): void {
  const today = localToday();
  const pages = new Map<string, { body: string; mood: number | null }>([
    [addDays(today, -1), { body: 'A quieter day. I went for a long walk with my sister.', mood: 3 }],
    [addDays(today, -3), { body: 'I wanted to text and I did not.', mood: 2 }],
    [addDays(today, -6), { body: 'Told them calmly that I would give them room.', mood: 2 }],
    [
      today,
      {
        body:
          'Slept better last night. The house felt less heavy this morning.\n\n' +
          'I noticed the urge to send a message around lunch, and I let it pass. ' +
          'Made tea instead and called Mum. She reminded me that I do not have to fix everything this week.',
        mood: 4,
      },
    ],
  ]);
  const page = (date: string): Page => {
    const p = pages.get(date);
    return {
      date,
      body: p?.body ?? '',
      mood: p?.mood ?? null,
      words: countWords(p?.body ?? ''),
      created_at: p ? '2026-01-01T08:00:00Z' : null,
      updated_at: p ? '2026-01-01T08:00:00Z' : null,
    };
  };
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    switch (cmd) {
      case 'today':
        return today;
      case 'get_page':
        return page(a.date as string);
      case 'save_page':
        if (mode === 'save-error') {
          throw { code: 'disk_full', message: 'There is no room left on the disk to save this page.' };
        }
        pages.set(a.date as string, { body: a.body as string, mood: a.mood as number | null });
        return page(a.date as string);
      case 'list_pages':
        return [...pages.keys()]
          .filter((d) => d >= (a.from as string) && d <= (a.to as string))
          .sort()
          .map((d) => ({ date: d, mood: pages.get(d)?.mood ?? null, words: page(d).words, first_line: '' }));
      case 'close_ready':
        return null;
      default:
        throw { code: 'invalid_input', message: `Unknown command ${cmd}` };
    }
  }, { shouldMockEvents: true });

  if (mode === 'long') {
    const p = pages.get(today);
    if (p) p.body = Array.from({ length: 12 }, () => p.body).join('\n\n');
  }
  if (mode === 'save-error' || mode === 'typing') {
    // Pretend to type a little, so the save state can be seen without a person.
    setTimeout(() => {
      const editor = document.querySelector<HTMLTextAreaElement>('[data-testid="editor"]');
      if (!editor) return;
      editor.value += ' And one more thought.';
      editor.dispatchEvent(new Event('input', { bubbles: true }));
    }, 500);
  }
}
