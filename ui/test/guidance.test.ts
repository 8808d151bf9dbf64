import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import App from '../src/App.svelte';
import type { LibraryCard } from '../src/ipc/bindings/LibraryCard';
import type { SpaceOverview } from '../src/ipc/bindings/SpaceOverview';
import type { SpaceStatus } from '../src/ipc/bindings/SpaceStatus';
import type { Suggestion } from '../src/ipc/bindings/Suggestion';
import type { Theme } from '../src/ipc/bindings/Theme';
import { GUIDANCE_DELAY_MS } from '../src/lib/guidance.svelte';
import { CREDIT } from '../src/lib/guidance-words';
import { deferred, makePage, makeSaved } from './helpers';

const TODAY = '2026-11-29';
const YESTERDAY = '2026-11-28';
const START = '2026-11-23';

type Args = Record<string, unknown>;

function card(id: string, theme: Theme, title: string, body = `The body of ${title}.`): LibraryCard {
  return { id, theme, title, body, words: [] };
}

const URGES = card(
  'urges-wait-twenty-minutes',
  'urges',
  'Give the urge twenty minutes',
  'Set a timer and wait.\n\nIf you still want to, write it here first.',
);
const STAGE = card('giving-space-keep-the-promise', 'giving-space', 'Keeping your word');
const SAFETY = card('safety-you-come-first', 'safety', 'If you are not safe, this can wait', 'Call for help now.');
const LOW = card('support-lean-on-steady-people', 'support', 'Lean on steady people', 'Call a friend tonight.');
const HELD = card('urges-write-it-here-instead', 'urges', 'Write it here instead');
const UPFRONT = card('upfront-say-it-before-you-step-back', 'upfront', 'Say it before you step back', 'A short note is enough.');
const SLIP = card('setbacks-no-shame', 'setbacks', 'No shame in a slip', 'It happens.\n\n- Stop there.\n- Begin again.');

const LIBRARY: LibraryCard[] = [UPFRONT, STAGE, URGES, HELD, LOW, SLIP, SAFETY];

function suggest(c: LibraryCard, reason: string): Suggestion {
  return { ...c, reason };
}

const STATUS: SpaceStatus = {
  as_of: TODAY,
  current_streak_days: 6,
  best_streak_days: 6,
  total_space_days: 6,
  urges_resisted: 0,
  contacts: { pursued: 0, necessary: 0, 'they-reached-out': 0, upfront: 1 },
  period: { start: START, end: null, days_since_start: 6 },
  next_milestone: { days: 7, in_days: 1 },
  last_reset: null,
  time_with_people: { last_date: null, days_since: null, count_7d: 0 },
};

/**
 * A pretend Rust side. Its `guidance` picks cards with a few simple rules,
 * close enough to the real matching (tested in Rust) to see the panel change.
 */
function fakeBackend(initial: Record<string, { body: string; mood: number | null }> = {}) {
  const pages = new Map(Object.entries(initial));
  const calls: { cmd: string; args: Args }[] = [];
  const overrides = new Map<string, (args: Args) => unknown>();
  const aside = new Set<string>();
  let helpful: string[] = [];
  let urgesToday = 0;
  const status = (): SpaceStatus => ({ ...STATUS, urges_resisted: urgesToday });
  const overview = (): SpaceOverview => ({
    status: status(),
    period: { id: 1, start: START, upfront_note: null, end: null, outcome: null },
    contacts: [],
    urges: [],
    unseen_milestone: null,
    past_periods: [],
  });

  function guidance(args: Args): Suggestion[] {
    const date = args.date as string;
    const text = (args.text as string).toLowerCase();
    const out: Suggestion[] = [];
    const add = (c: LibraryCard, reason: string) => {
      if (c.theme !== 'safety' && aside.has(`${date}|${c.id}`)) return;
      if (!out.some((s) => s.id === c.id)) out.push(suggest(c, reason));
    };
    if (text.includes('unsafe')) add(SAFETY, 'because some of what you wrote sounds like you may not be safe');
    if (text.includes('text him')) add(URGES, 'because you wrote about wanting to reach out');
    if (urgesToday > 0 && date === TODAY) add(HELD, 'because you held back an urge today');
    if (args.mood !== null && (args.mood as number) <= 2) add(LOW, 'because today feels heavy');
    add(STAGE, 'for the first week');
    add(UPFRONT, 'for the first week');
    return out.slice(0, 3);
  }

  mockIPC(
    (cmd, payload) => {
      const args = (payload ?? {}) as Args;
      calls.push({ cmd, args });
      const override = overrides.get(cmd);
      if (override) return override(args);
      switch (cmd) {
        case 'today':
          return TODAY;
        case 'get_page': {
          const p = pages.get(args.date as string);
          return makePage(args.date as string, p?.body ?? '', p?.mood ?? null);
        }
        case 'save_page':
          pages.set(args.date as string, { body: args.body as string, mood: args.mood as number | null });
          return makeSaved(args.date as string, args.body as string, args.mood as number | null);
        case 'calendar_days':
          return [];
        case 'close_ready':
          return null;
        case 'space_status':
          return status();
        case 'space_overview':
          return overview();
        case 'log_urge':
          urgesToday += 1;
          return { id: 9, at: `${TODAY}T12:00:00Z`, date: TODAY, intensity: null, note: null };
        case 'guidance':
          return guidance(args);
        case 'guidance_library':
          return structuredClone(LIBRARY);
        case 'helpful_cards':
          return [...helpful];
        case 'set_card_helpful': {
          const id = args.id as string;
          helpful = helpful.filter((x) => x !== id);
          if (args.helpful) helpful.unshift(id);
          return null;
        }
        case 'set_card_aside':
          if (args.aside === false) aside.delete(`${args.date as string}|${args.id as string}`);
          else aside.add(`${args.date as string}|${args.id as string}`);
          return null;
      }
      throw { code: 'invalid_input', message: `no such command: ${cmd}` };
    },
    { shouldMockEvents: true },
  );
  return {
    pages,
    calls,
    overrides,
    setHelpful: (ids: string[]) => (helpful = [...ids]),
    argsOf: (cmd: string) => calls.filter((c) => c.cmd === cmd).map((c) => c.args),
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 6; i++) {
    await vi.advanceTimersByTimeAsync(0);
  }
}

async function startApp(): Promise<HTMLTextAreaElement> {
  render(App);
  await settle();
  return screen.getByTestId('editor') as HTMLTextAreaElement;
}

async function type(editor: HTMLTextAreaElement, text: string): Promise<void> {
  await fireEvent.input(editor, { target: { value: text } });
}

function panelCards(): HTMLElement[] {
  return within(screen.getByTestId('guidance-panel')).queryAllByTestId('guidance-card');
}

function shownIds(): string[] {
  return panelCards().map((c) => c.dataset.id ?? '');
}

function cardById(id: string): HTMLElement {
  const found = panelCards().find((c) => c.dataset.id === id);
  if (!found) throw new Error(`no card ${id} in the panel; shown: ${shownIds().join(', ')}`);
  return found;
}

beforeEach(() => {
  vi.useFakeTimers();
});

describe('guidance beside the page', () => {
  it("asks for the day's cards when the page opens, with its text and mood", async () => {
    const backend = fakeBackend({ [TODAY]: { body: 'A calm morning.', mood: 3 } });
    await startApp();
    expect(backend.argsOf('guidance')).toEqual([{ date: TODAY, text: 'A calm morning.', mood: 3 }]);
    expect(shownIds()).toEqual([STAGE.id, UPFRONT.id]);
    const first = cardById(STAGE.id);
    expect(first.dataset.theme).toBe('giving-space');
    expect(within(first).getByRole('heading').textContent).toBe('Keeping your word');
    expect(within(first).getByTestId('card-reason').textContent).toBe('for the first week');
  });

  it('shows the urges card with its reason after a pause in typing, before the save', async () => {
    const backend = fakeBackend();
    const editor = await startApp();
    const before = backend.argsOf('guidance').length;
    await type(editor, 'I really want to text him tonight');
    await vi.advanceTimersByTimeAsync(GUIDANCE_DELAY_MS - 50);
    expect(backend.argsOf('guidance')).toHaveLength(before);

    await vi.advanceTimersByTimeAsync(50);
    await settle();
    expect(backend.argsOf('guidance').slice(before)).toEqual([
      { date: TODAY, text: 'I really want to text him tonight', mood: null },
    ]);
    // Asked from the text on screen: nothing has been saved yet.
    expect(backend.argsOf('save_page')).toEqual([]);
    const urges = cardById(URGES.id);
    expect(urges.dataset.theme).toBe('urges');
    expect(shownIds()[0]).toBe(URGES.id);
    expect(within(urges).getByTestId('card-reason').textContent).toBe(
      'because you wrote about wanting to reach out',
    );
  });

  it('asks once for a burst of typing, with the latest text', async () => {
    const backend = fakeBackend();
    const editor = await startApp();
    const before = backend.argsOf('guidance').length;
    let text = '';
    for (const word of ['I', ' want', ' to', ' text', ' him']) {
      text += word;
      await type(editor, text);
      await vi.advanceTimersByTimeAsync(150);
    }
    await vi.advanceTimersByTimeAsync(GUIDANCE_DELAY_MS);
    await settle();
    expect(backend.argsOf('guidance').slice(before).map((a) => a.text)).toEqual(['I want to text him']);
  });

  it('ignores a slower, earlier answer that arrives after a newer one', async () => {
    const backend = fakeBackend();
    const editor = await startApp();
    const slow = deferred<Suggestion[]>();
    backend.overrides.set('guidance', () => slow.promise);
    await type(editor, 'I really want to text him tonight');
    await vi.advanceTimersByTimeAsync(GUIDANCE_DELAY_MS);
    await settle();

    backend.overrides.set('guidance', () => [suggest(LOW, 'because today feels heavy')]);
    await type(editor, 'I really want to text him tonight. No, I will call my sister.');
    await vi.advanceTimersByTimeAsync(GUIDANCE_DELAY_MS);
    await settle();
    expect(shownIds()).toEqual([LOW.id]);

    slow.resolve([suggest(URGES, 'because you wrote about wanting to reach out')]);
    await settle();
    expect(shownIds()).toEqual([LOW.id]);
  });

  it('keeps the cards it has until the new ones arrive', async () => {
    const backend = fakeBackend();
    const editor = await startApp();
    expect(shownIds()).toEqual([STAGE.id, UPFRONT.id]);
    const reply = deferred<Suggestion[]>();
    backend.overrides.set('guidance', () => reply.promise);
    await type(editor, 'I really want to text him tonight');
    await vi.advanceTimersByTimeAsync(GUIDANCE_DELAY_MS);
    await settle();
    expect(shownIds()).toEqual([STAGE.id, UPFRONT.id]);
    reply.resolve([suggest(URGES, 'because you wrote about wanting to reach out')]);
    await settle();
    expect(shownIds()).toEqual([URGES.id]);
  });

  it('keeps the cards it has, quietly, when guidance cannot be read', async () => {
    const backend = fakeBackend();
    const editor = await startApp();
    backend.overrides.set('guidance', () => {
      throw { code: 'database', message: 'The journal could not be read.' };
    });
    await type(editor, 'Anything at all');
    await vi.advanceTimersByTimeAsync(GUIDANCE_DELAY_MS);
    await settle();
    expect(shownIds()).toEqual([STAGE.id, UPFRONT.id]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks for the new day when the day changes', async () => {
    const backend = fakeBackend({ [YESTERDAY]: { body: 'Saturday words.', mood: 2 } });
    await startApp();
    await fireEvent.click(screen.getByTestId('prev-day'));
    await settle();
    expect(backend.argsOf('guidance').at(-1)).toEqual({ date: YESTERDAY, text: 'Saturday words.', mood: 2 });
    expect(shownIds()).toContain(LOW.id);
  });

  it('asks again at once, with the mood, when the mood changes', async () => {
    const backend = fakeBackend({ [TODAY]: { body: 'Some words.', mood: null } });
    await startApp();
    const before = backend.argsOf('guidance').length;
    await fireEvent.click(screen.getByTestId('mood-2'));
    await settle();
    expect(backend.argsOf('guidance').slice(before)).toEqual([{ date: TODAY, text: 'Some words.', mood: 2 }]);
    expect(cardById(LOW.id).dataset.theme).toBe('support');
  });

  it('asks again after an urge is logged on the Giving space page', async () => {
    const backend = fakeBackend();
    await startApp();
    expect(shownIds()).not.toContain(HELD.id);
    await fireEvent.keyDown(window, { key: '2', ctrlKey: true });
    await settle();
    await fireEvent.click(screen.getByTestId('log-urge'));
    await settle();
    expect(backend.argsOf('log_urge')).toHaveLength(1);
    await fireEvent.keyDown(window, { key: '1', ctrlKey: true });
    await settle();
    expect(backend.argsOf('guidance').at(-1)).toEqual({ date: TODAY, text: '', mood: null });
    expect(within(cardById(HELD.id)).getByTestId('card-reason').textContent).toBe(
      'because you held back an urge today',
    );
  });
});

describe('marking cards', () => {
  it('"This helped" marks the card, and pressing again takes the mark away', async () => {
    const backend = fakeBackend();
    await startApp();
    const button = () => within(cardById(STAGE.id)).getByTestId('card-helpful');
    expect(button().textContent?.trim()).toBe('This helped');
    expect(button().getAttribute('aria-pressed')).toBe('false');

    await fireEvent.click(button());
    await settle();
    expect(backend.argsOf('set_card_helpful')).toEqual([{ id: STAGE.id, helpful: true }]);
    expect(button().textContent?.trim()).toBe('Helped ✓');
    expect(button().getAttribute('aria-pressed')).toBe('true');

    await fireEvent.click(button());
    await settle();
    expect(backend.argsOf('set_card_helpful')).toEqual([
      { id: STAGE.id, helpful: true },
      { id: STAGE.id, helpful: false },
    ]);
    expect(button().textContent?.trim()).toBe('This helped');
  });

  it('shows cards already marked helpful as marked', async () => {
    const backend = fakeBackend();
    backend.setHelpful([UPFRONT.id]);
    await startApp();
    expect(within(cardById(UPFRONT.id)).getByTestId('card-helpful').textContent?.trim()).toBe('Helped ✓');
    expect(within(cardById(STAGE.id)).getByTestId('card-helpful').textContent?.trim()).toBe('This helped');
  });

  it('takes the mark back, calmly, when it cannot be kept', async () => {
    const backend = fakeBackend();
    backend.overrides.set('set_card_helpful', () => {
      throw { code: 'database', message: 'The journal is busy.' };
    });
    await startApp();
    await fireEvent.click(within(cardById(STAGE.id)).getByTestId('card-helpful'));
    await settle();
    expect(within(cardById(STAGE.id)).getByTestId('card-helpful').getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByTestId('guidance-panel').textContent).toContain('The journal is busy.');
  });

  it('"Not today" puts the card away for the page\'s day and asks again', async () => {
    const backend = fakeBackend({ [YESTERDAY]: { body: 'Saturday.', mood: null } });
    await startApp();
    await fireEvent.click(screen.getByTestId('prev-day'));
    await settle();
    expect(shownIds()).toEqual([STAGE.id, UPFRONT.id]);
    const before = backend.argsOf('guidance').length;

    await fireEvent.click(within(cardById(STAGE.id)).getByTestId('card-aside'));
    await settle();
    expect(backend.argsOf('set_card_aside')).toEqual([{ id: STAGE.id, date: YESTERDAY, aside: true }]);
    expect(backend.argsOf('guidance').slice(before)).toEqual([
      { date: YESTERDAY, text: 'Saturday.', mood: null },
    ]);
    expect(shownIds()).toEqual([UPFRONT.id]);
  });

  it('"Not today" can be undone: the card comes back beside the page', async () => {
    const backend = fakeBackend({ [YESTERDAY]: { body: 'Saturday.', mood: null } });
    await startApp();
    await fireEvent.click(screen.getByTestId('prev-day'));
    await settle();
    await fireEvent.click(within(cardById(STAGE.id)).getByTestId('card-aside'));
    await settle();
    expect(shownIds()).toEqual([UPFRONT.id]);
    expect(screen.getByTestId('aside-note').textContent).toContain('Set aside for this day');

    await fireEvent.click(screen.getByTestId('aside-undo'));
    await settle();
    expect(backend.argsOf('set_card_aside').at(-1)).toEqual({ id: STAGE.id, date: YESTERDAY, aside: false });
    expect(shownIds()).toEqual([STAGE.id, UPFRONT.id]);
    expect(screen.queryByTestId('aside-note')).toBeNull();
  });

  it('gives the safety card no "Not today", calm but set apart', async () => {
    fakeBackend();
    const editor = await startApp();
    await type(editor, 'I feel unsafe at home and I want to text him');
    await vi.advanceTimersByTimeAsync(GUIDANCE_DELAY_MS);
    await settle();
    expect(shownIds()).toEqual([SAFETY.id, URGES.id, STAGE.id]);
    const safety = cardById(SAFETY.id);
    expect(safety.dataset.theme).toBe('safety');
    expect(safety.classList.contains('safety')).toBe(true);
    expect(within(safety).queryByTestId('card-aside')).toBeNull();
    expect(within(safety).getByTestId('card-helpful')).toBeTruthy();
    // Shown whole, with no "Read more".
    expect(within(safety).queryByTestId('card-more')).toBeNull();
    expect(within(cardById(URGES.id)).getByTestId('card-aside')).toBeTruthy();
  });
});

describe('reading a card', () => {
  it('renders the body as text, never as HTML', async () => {
    const backend = fakeBackend();
    backend.overrides.set('guidance', () => [
      suggest(card('odd', 'waiting', 'A <i>title</i>', 'Look: <b>x</b> & <img src=x onerror=alert(1)>'), 'because'),
    ]);
    await startApp();
    const odd = cardById('odd');
    expect(odd.querySelector('b')).toBeNull();
    expect(odd.querySelector('i')).toBeNull();
    expect(odd.querySelector('img')).toBeNull();
    expect(within(odd).getByTestId('card-body').textContent).toContain('Look: <b>x</b> & <img src=x onerror=alert(1)>');
    expect(within(odd).getByRole('heading').textContent).toBe('A <i>title</i>');
  });

  it('shows a long card\'s first paragraph, with "Read more" for the rest', async () => {
    const backend = fakeBackend();
    backend.overrides.set('guidance', () => [suggest(SLIP, 'because you reached out today')]);
    await startApp();
    const slip = cardById(SLIP.id);
    const body = within(slip).getByTestId('card-body');
    expect(body.querySelectorAll('p')).toHaveLength(1);
    expect(body.querySelector('li')).toBeNull();
    const more = within(slip).getByTestId('card-more');
    expect(more.getAttribute('aria-expanded')).toBe('false');

    await fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect([...body.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Stop there.', 'Begin again.']);
  });

  it('folds away behind "Guidance (n)" for narrow windows, and opens on request', async () => {
    fakeBackend();
    await startApp();
    const toggle = screen.getByTestId('guidance-toggle');
    expect(toggle.textContent?.trim()).toBe('Guidance (2)');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByTestId('guidance-panel').classList.contains('open')).toBe(false);
    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByTestId('guidance-panel').classList.contains('open')).toBe(true);
  });
});

describe('the guidance library', () => {
  async function openLibrary() {
    await startApp();
    await fireEvent.click(screen.getByTestId('nav-guidance'));
    await settle();
  }

  const sections = () => screen.queryAllByTestId('library-theme');

  it('opens with Ctrl+3 and lists every theme with a friendly heading', async () => {
    const backend = fakeBackend();
    await startApp();
    const tab = screen.getByTestId('nav-guidance');
    expect(tab.getAttribute('aria-keyshortcuts')).toBe('Control+3');
    await fireEvent.keyDown(window, { key: '3', ctrlKey: true });
    await settle();
    expect(tab.getAttribute('aria-current')).toBe('page');
    expect(screen.queryByTestId('editor')).toBeNull();
    expect(backend.argsOf('guidance_library')).toHaveLength(1);
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Guidance' }));

    expect(sections().map((s) => s.dataset.theme)).toEqual([
      'upfront',
      'giving-space',
      'urges',
      'support',
      'setbacks',
      'safety',
    ]);
    const headings = sections().map((s) => within(s).getByRole('heading', { level: 2 }).textContent);
    expect(headings).toEqual([
      'Before you step back',
      'Giving space',
      'When you want to reach out',
      'Letting people in',
      'When you reached out anyway',
      'If you are not safe',
    ]);
    const urges = sections()[2];
    expect(within(urges).getAllByTestId('library-card').map((c) => c.dataset.id)).toEqual([URGES.id, HELD.id]);
    // Whole cards here: the list in the slip card is shown.
    expect(within(sections()[4]).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Stop there.',
      'Begin again.',
    ]);

    await fireEvent.keyDown(window, { key: '1', ctrlKey: true });
    await settle();
    expect(document.activeElement).toBe(screen.getByTestId('editor'));
  });

  it('credits the source as plain text', async () => {
    fakeBackend();
    await openLibrary();
    const credit = screen.getByTestId('library-credit');
    expect(credit.textContent).toBe(CREDIT);
    expect(credit.textContent).toContain('"Will My Husband Miss Me If I Don\'t Contact Him?" by Leslie Cane');
    expect(credit.textContent).toContain('isavedmymarriage.com');
    expect(document.querySelector('a[href]')).toBeNull();
  });

  it('narrows by words in the title or body, and says calmly when nothing matches', async () => {
    fakeBackend();
    await openLibrary();
    const filter = screen.getByTestId('library-filter') as HTMLInputElement;
    await fireEvent.input(filter, { target: { value: 'CALL' } });
    expect(screen.getAllByTestId('library-card').map((c) => c.dataset.id)).toEqual([LOW.id, SAFETY.id]);
    expect(sections().map((s) => s.dataset.theme)).toEqual(['support', 'safety']);

    await fireEvent.input(filter, { target: { value: 'friend tonight' } });
    expect(screen.getAllByTestId('library-card').map((c) => c.dataset.id)).toEqual([LOW.id]);

    await fireEvent.input(filter, { target: { value: 'twenty minutes' } });
    expect(screen.getAllByTestId('library-card').map((c) => c.dataset.id)).toEqual([URGES.id]);

    await fireEvent.input(filter, { target: { value: 'zebra' } });
    expect(sections()).toHaveLength(0);
    expect(screen.getByTestId('library-empty').textContent).toContain('Nothing matches');

    await fireEvent.click(screen.getByRole('button', { name: 'show every card' }));
    expect(filter.value).toBe('');
    expect(sections()).toHaveLength(6);
    expect(screen.queryByTestId('library-empty')).toBeNull();
  });

  it('shows the cards that helped first, most recent first, and lets them be unmarked there', async () => {
    const backend = fakeBackend();
    backend.setHelpful([SLIP.id, STAGE.id]);
    await openLibrary();
    const helped = screen.getByTestId('library-helpful');
    expect(within(helped).getByRole('heading', { level: 2 }).textContent).toBe('What has helped you');
    expect(screen.getAllByTestId('library-card').slice(0, 2).map((c) => c.dataset.id)).toEqual([
      SLIP.id,
      STAGE.id,
    ]);
    // Helped comes before the first theme section on the page.
    expect(helped.compareDocumentPosition(sections()[0]) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const first = within(helped).getAllByTestId('library-card')[0];
    await fireEvent.click(within(first).getByTestId('card-helpful'));
    await settle();
    expect(backend.argsOf('set_card_helpful')).toEqual([{ id: SLIP.id, helpful: false }]);
    expect(within(screen.getByTestId('library-helpful')).getAllByTestId('library-card').map((c) => c.dataset.id)).toEqual([
      STAGE.id,
    ]);
    // Still in its own theme, to mark again.
    const slip = within(sections()[4]).getByTestId('library-card');
    expect(within(slip).getByTestId('card-helpful').textContent?.trim()).toBe('This helped');
  });

  it('has no helped section until something is marked, then gains one', async () => {
    const backend = fakeBackend();
    await openLibrary();
    expect(screen.queryByTestId('library-helpful')).toBeNull();
    const urges = within(sections()[2]).getAllByTestId('library-card')[0];
    await fireEvent.click(within(urges).getByTestId('card-helpful'));
    await settle();
    expect(backend.argsOf('set_card_helpful')).toEqual([{ id: URGES.id, helpful: true }]);
    expect(within(screen.getByTestId('library-helpful')).getAllByTestId('library-card').map((c) => c.dataset.id)).toEqual([
      URGES.id,
    ]);
  });

  it('keeps the safety card easy to find, even from a filtered page', async () => {
    fakeBackend();
    await openLibrary();
    await fireEvent.input(screen.getByTestId('library-filter'), { target: { value: 'zebra' } });
    await fireEvent.click(screen.getByRole('button', { name: 'If you are not safe right now, read this first' }));
    await settle();
    const safety = sections().find((s) => s.dataset.theme === 'safety');
    expect(safety).toBeTruthy();
    expect(document.activeElement).toBe(within(safety!).getByRole('heading', { level: 2 }));
  });

  it('lists the themes at the top as well, for a narrow window, and jumps to one from there', async () => {
    fakeBackend();
    await openLibrary();
    const names = (id: string) =>
      within(screen.getByTestId(id))
        .getAllByRole('button')
        .map((b) => b.textContent?.trim());
    expect(names('library-themes-inline')).toEqual(names('library-themes'));
    const last = within(screen.getByTestId('library-themes-inline')).getAllByRole('button').at(-1)!;
    await fireEvent.click(last);
    await settle();
    expect(document.activeElement?.textContent).toBe(last.textContent?.trim());
  });

  it('says calmly when the library cannot be opened, and tries again', async () => {
    const backend = fakeBackend();
    backend.overrides.set('guidance_library', () => {
      throw { code: 'database', message: 'The journal could not be read.' };
    });
    await openLibrary();
    expect(screen.getByRole('alert').textContent).toContain('The journal could not be read.');
    backend.overrides.delete('guidance_library');
    await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await settle();
    expect(sections()).toHaveLength(6);
  });
});
