import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import App from '../src/App.svelte';
import type { Contact } from '../src/ipc/bindings/Contact';
import type { ContactKind } from '../src/ipc/bindings/ContactKind';
import type { Period } from '../src/ipc/bindings/Period';
import type { SpaceOverview } from '../src/ipc/bindings/SpaceOverview';
import type { SpaceStatus } from '../src/ipc/bindings/SpaceStatus';
import type { Urge } from '../src/ipc/bindings/Urge';
import { DRAFT_NOTE } from '../src/lib/space-words';
import { makePage, makeSaved } from './helpers';

const TODAY = '2026-11-29'; // a Sunday
const START = '2026-11-23';

type Args = Record<string, unknown>;

function status(over: Partial<SpaceStatus> = {}): SpaceStatus {
  return {
    as_of: TODAY,
    current_streak_days: 6,
    best_streak_days: 9,
    total_space_days: 12,
    urges_resisted: 3,
    contacts: { pursued: 0, necessary: 0, 'they-reached-out': 0, upfront: 1 },
    period: { start: START, end: null, days_since_start: 6 },
    next_milestone: { days: 7, in_days: 1 },
    last_reset: null,
    ...over,
  };
}

const NO_STATUS: SpaceStatus = {
  as_of: TODAY,
  current_streak_days: 0,
  best_streak_days: 0,
  total_space_days: 0,
  urges_resisted: 0,
  contacts: { pursued: 0, necessary: 0, 'they-reached-out': 0, upfront: 0 },
  period: null,
  next_milestone: null,
  last_reset: null,
};

const OPEN_PERIOD: Period = {
  id: 1,
  start: START,
  upfront_note: 'I am stepping back for a while.',
  end: null,
  outcome: null,
};

/**
 * A pretend Rust side, reached through the real src/ipc wrappers via mockIPC.
 * It keeps a small state and updates the counts in the simplest way; the real
 * counting is tested in Rust.
 */
function fakeBackend(initial: { open?: boolean; unseen?: number | null; past?: Period[] } = {}) {
  const calls: { cmd: string; args: Args }[] = [];
  const overrides = new Map<string, (args: Args) => unknown>();
  const pages = new Map<string, { body: string; mood: number | null }>();
  let nextId = 100;
  let at = Date.parse(`${TODAY}T08:00:00Z`);
  const stamp = () => new Date((at += 60_000)).toISOString();

  const state: SpaceOverview = {
    status: initial.open === false ? { ...NO_STATUS } : status(),
    period: initial.open === false ? null : { ...OPEN_PERIOD },
    contacts:
      initial.open === false
        ? []
        : [{ id: 1, at: `${START}T19:00:00Z`, date: START, kind: 'upfront', note: OPEN_PERIOD.upfront_note }],
    urges: [],
    unseen_milestone: initial.unseen ?? null,
    past_periods: initial.past ?? [],
  };

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
        case 'list_pages':
          return [];
        case 'close_ready':
          return null;
        case 'space_overview':
          return structuredClone(state);
        case 'space_status':
          return structuredClone(state.status);
        case 'start_period': {
          const start = (args.start as string | null) ?? TODAY;
          const note = args.note as string | null;
          state.period = { id: nextId++, start, upfront_note: note, end: null, outcome: null };
          state.contacts = note ? [{ id: nextId++, at: `${start}T12:00:00Z`, date: start, kind: 'upfront', note }] : [];
          state.urges = [];
          state.status = status({
            current_streak_days: 0,
            best_streak_days: 0,
            total_space_days: 0,
            urges_resisted: 0,
            period: { start, end: null, days_since_start: 0 },
            next_milestone: { days: 1, in_days: 1 },
          });
          return state.period;
        }
        case 'end_period': {
          if (!state.period) throw { code: 'invalid_input', message: 'nothing to end' };
          state.period = { ...state.period, end: (args.end as string | null) ?? TODAY, outcome: args.outcome as string | null };
          state.past_periods = [state.period, ...state.past_periods];
          state.status = { ...state.status, period: { ...state.status.period!, end: state.period.end }, next_milestone: null };
          return state.period;
        }
        case 'log_urge': {
          const urge: Urge = {
            id: nextId++,
            at: stamp(),
            date: TODAY,
            intensity: args.intensity as number | null,
            note: args.note as string | null,
          };
          state.urges.push(urge);
          state.status = { ...state.status, urges_resisted: state.status.urges_resisted + 1 };
          return urge;
        }
        case 'log_contact': {
          const kind = args.kind as ContactKind;
          const contact: Contact = {
            id: nextId++,
            at: stamp(),
            date: (args.date as string | null) ?? TODAY,
            kind,
            note: args.note as string | null,
          };
          state.contacts.push(contact);
          const counts = { ...state.status.contacts, [kind]: state.status.contacts[kind] + 1 };
          state.status =
            kind === 'pursued'
              ? { ...state.status, contacts: counts, current_streak_days: 0, last_reset: contact.date }
              : { ...state.status, contacts: counts };
          return contact;
        }
        case 'mark_milestone_seen':
          state.unseen_milestone = null;
          return null;
      }
      throw { code: 'invalid_input', message: `no such command: ${cmd}` };
    },
    { shouldMockEvents: true },
  );
  return {
    state,
    pages,
    calls,
    overrides,
    argsOf: (cmd: string) => calls.filter((c) => c.cmd === cmd).map((c) => c.args),
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 6; i++) {
    await vi.advanceTimersByTimeAsync(0);
  }
}

async function startApp(): Promise<void> {
  render(App);
  await settle();
}

async function openSpace(): Promise<void> {
  await startApp();
  await fireEvent.click(screen.getByTestId('nav-space'));
  await settle();
}

function text(id: string): string {
  return (screen.getByTestId(id).textContent ?? '').replace(/\s+/g, ' ').trim();
}

function pageText(): string {
  return (document.body.textContent ?? '').replace(/\s+/g, ' ');
}

beforeEach(() => {
  vi.useFakeTimers();
});

describe('navigation', () => {
  it('moves between Today and Giving space by tab and by Ctrl+1 / Ctrl+2', async () => {
    fakeBackend();
    await startApp();
    const today = screen.getByTestId('nav-today');
    const space = screen.getByTestId('nav-space');
    expect(today.getAttribute('aria-current')).toBe('page');
    expect(space.getAttribute('aria-current')).toBeNull();
    expect(space.getAttribute('aria-keyshortcuts')).toBe('Control+2');
    expect(screen.getByTestId('editor')).toBeTruthy();

    await fireEvent.keyDown(window, { key: '2', ctrlKey: true });
    await settle();
    expect(screen.queryByTestId('editor')).toBeNull();
    expect(screen.getByTestId('day-count')).toBeTruthy();
    expect(space.getAttribute('aria-current')).toBe('page');
    expect(document.activeElement).toBe(screen.getByTestId('day-count'));

    await fireEvent.keyDown(window, { key: '1', ctrlKey: true });
    await settle();
    expect(document.activeElement).toBe(screen.getByTestId('editor'));
  });

  it('keeps unsaved words when leaving Today, saving them straight away', async () => {
    const backend = fakeBackend();
    await startApp();
    const editor = screen.getByTestId('editor') as HTMLTextAreaElement;
    await fireEvent.input(editor, { target: { value: 'Half a thought' } });
    await fireEvent.click(screen.getByTestId('nav-space'));
    await settle();
    expect(backend.argsOf('save_page')).toEqual([{ date: TODAY, body: 'Half a thought', mood: null, baseVersion: 0 }]);
    await fireEvent.click(screen.getByTestId('nav-today'));
    await settle();
    expect((screen.getByTestId('editor') as HTMLTextAreaElement).value).toBe('Half a thought');
  });

  it('leaves the day shortcuts to the Today page', async () => {
    const backend = fakeBackend();
    await openSpace();
    await fireEvent.keyDown(window, { key: '[', ctrlKey: true });
    await settle();
    expect(backend.argsOf('get_page').map((a) => a.date)).toEqual([TODAY]);
  });
});

describe('starting a period', () => {
  it('offers an editable draft and starts with the edited note and chosen day', async () => {
    const backend = fakeBackend({ open: false });
    await openSpace();
    const note = screen.getByTestId('upfront-note') as HTMLTextAreaElement;
    expect(note.value).toBe(DRAFT_NOTE);
    expect(note.value).toContain('space you asked for');
    expect(note.readOnly).toBe(false);
    const date = screen.getByTestId('start-date') as HTMLInputElement;
    expect(date.value).toBe(TODAY);
    expect(date.max).toBe(TODAY);

    await fireEvent.input(note, { target: { value: 'I will give you room. I am fine.' } });
    await fireEvent.input(date, { target: { value: '2026-11-27' } });
    await fireEvent.click(screen.getByTestId('start-period'));
    await settle();

    expect(backend.argsOf('start_period')).toEqual([
      { start: '2026-11-27', note: 'I will give you room. I am fine.' },
    ]);
    expect(text('day-count')).toBe('Day 0 of giving space');
    expect(document.activeElement).toBe(screen.getByTestId('day-count'));
    expect(screen.queryByTestId('upfront-note')).toBeNull();
  });

  it('starts without a note when telling them in person', async () => {
    const backend = fakeBackend({ open: false });
    await openSpace();
    await fireEvent.click(screen.getByTestId('no-note'));
    await fireEvent.click(screen.getByTestId('start-period'));
    await settle();
    expect(backend.argsOf('start_period')).toEqual([{ start: TODAY, note: null }]);
  });

  it('shows a refusal calmly and keeps the note as typed', async () => {
    const backend = fakeBackend({ open: false });
    backend.overrides.set('start_period', () => {
      throw { code: 'invalid_input', message: 'A period can start today or on an earlier day.' };
    });
    await openSpace();
    const note = screen.getByTestId('upfront-note') as HTMLTextAreaElement;
    await fireEvent.input(note, { target: { value: 'My own words.' } });
    await fireEvent.click(screen.getByTestId('start-period'));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('A period can start today or on an earlier day.');
    expect(note.value).toBe('My own words.');
  });

  it('copies the note, says so briefly, and says nothing is sent', async () => {
    fakeBackend({ open: false });
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    try {
      await openSpace();
      await fireEvent.input(screen.getByTestId('upfront-note'), { target: { value: 'Edited words.' } });
      await fireEvent.click(screen.getByTestId('copy-note'));
      await settle();
      expect(writeText).toHaveBeenCalledWith('Edited words.');
      expect(text('copy-state')).toBe('Copied');
      await vi.advanceTimersByTimeAsync(3000);
      expect(text('copy-state')).toBe('');
      expect(pageText()).toContain('never sends anything');
    } finally {
      Reflect.deleteProperty(navigator, 'clipboard');
    }
  });

  it('selects the note to copy by hand when there is no clipboard', async () => {
    fakeBackend({ open: false });
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    try {
      await openSpace();
      const note = screen.getByTestId('upfront-note') as HTMLTextAreaElement;
      await fireEvent.click(screen.getByTestId('copy-note'));
      await settle();
      expect(text('copy-state')).toBe('Press Ctrl+C to copy');
      expect(document.activeElement).toBe(note);
      expect([note.selectionStart, note.selectionEnd]).toEqual([0, note.value.length]);
    } finally {
      Reflect.deleteProperty(navigator, 'clipboard');
    }
  });

  it('lists earlier periods with their outcome', async () => {
    fakeBackend({
      open: false,
      past: [{ id: 7, start: '2026-10-01', upfront_note: null, end: '2026-10-20', outcome: 'We talked.' }],
    });
    await openSpace();
    const past = screen.getByTestId('past-periods');
    expect(past.textContent).toContain('1 October 2026 – 20 October 2026');
    expect(past.textContent).toContain('We talked.');
  });
});

describe('an open period', () => {
  it('shows the day count and figures from the status', async () => {
    fakeBackend();
    await openSpace();
    expect(text('day-count')).toBe('Day 6 of giving space');
    expect(text('best-days')).toBe('9');
    expect(text('total-days')).toBe('12');
    expect(text('urges-held')).toBe('3');
    expect(text('next-milestone')).toBe('7 days — in 1 day');
  });

  it('logs an urge in one click, thanks the person and updates the count', async () => {
    const backend = fakeBackend();
    await openSpace();
    await fireEvent.click(screen.getByTestId('log-urge'));
    await settle();
    expect(backend.argsOf('log_urge')).toEqual([{ intensity: null, note: null }]);
    expect(text('space-ack')).toBe('Logged. That took strength.');
    expect(text('urges-held')).toBe('4');
  });

  it('can log an urge with how strong it was and a note', async () => {
    const backend = fakeBackend();
    await openSpace();
    await fireEvent.click(screen.getByTestId('urge-details-toggle'));
    await fireEvent.click(screen.getByTestId('urge-intensity-4'));
    await fireEvent.input(screen.getByTestId('urge-note'), { target: { value: 'Saw our song on the radio.' } });
    await fireEvent.click(screen.getByTestId('urge-submit'));
    await settle();
    expect(backend.argsOf('log_urge')).toEqual([{ intensity: 4, note: 'Saw our song on the radio.' }]);
    expect(screen.queryByTestId('urge-note')).toBeNull();
    expect(text('urges-held')).toBe('4');
  });

  it.each<ContactKind>(['pursued', 'necessary', 'they-reached-out', 'upfront'])(
    'logs a contact of kind %s',
    async (kind) => {
      const backend = fakeBackend();
      await openSpace();
      await fireEvent.click(screen.getByTestId('log-contact'));
      const submit = screen.getByTestId('contact-submit') as HTMLButtonElement;
      expect(submit.disabled).toBe(true);
      await fireEvent.click(screen.getByTestId(`kind-${kind}`));
      await fireEvent.input(screen.getByTestId('contact-note'), { target: { value: 'A note.' } });
      await fireEvent.click(submit);
      await settle();
      expect(backend.argsOf('log_contact')).toEqual([{ kind, date: null, note: 'A note.' }]);
      expect(screen.queryByTestId('contact-submit')).toBeNull();
      expect(screen.queryByTestId('reflection') !== null).toBe(kind === 'pursued');
    },
  );

  it('explains each kind, and that only reaching out starts the count again', async () => {
    fakeBackend();
    await openSpace();
    await fireEvent.click(screen.getByTestId('log-contact'));
    const group = screen.getByRole('group', { name: 'What kind of contact was it?' });
    expect(within(group).getAllByRole('radio')).toHaveLength(4);
    const pursued = screen.getByTestId('kind-pursued').closest('label')?.textContent ?? '';
    expect(pursued).toContain('press, plead or check on us');
    expect(pursued).toContain('only kind that starts the day count again');
    expect(screen.getByTestId('kind-necessary').closest('label')?.textContent).toContain('Children, money');
    expect(pageText()).not.toMatch(/broken|fail|reset|streak|relapse/i);
  });

  it('sends an earlier day when one is chosen', async () => {
    const backend = fakeBackend();
    await openSpace();
    await fireEvent.click(screen.getByTestId('log-contact'));
    await fireEvent.click(screen.getByTestId('kind-they-reached-out'));
    const date = screen.getByTestId('contact-date') as HTMLInputElement;
    expect(date.value).toBe(TODAY);
    expect(date.min).toBe(START);
    await fireEvent.input(date, { target: { value: '2026-11-25' } });
    await fireEvent.click(screen.getByTestId('contact-submit'));
    await settle();
    expect(backend.argsOf('log_contact')).toEqual([{ kind: 'they-reached-out', date: '2026-11-25', note: null }]);
  });

  it('keeps what was typed when a contact cannot be logged', async () => {
    const backend = fakeBackend();
    backend.overrides.set('log_contact', () => {
      throw { code: 'invalid_input', message: 'That day is before your period began.' };
    });
    await openSpace();
    await fireEvent.click(screen.getByTestId('log-contact'));
    await fireEvent.click(screen.getByTestId('kind-necessary'));
    await fireEvent.input(screen.getByTestId('contact-note'), { target: { value: 'Bills.' } });
    await fireEvent.click(screen.getByTestId('contact-submit'));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('That day is before your period began.');
    expect((screen.getByTestId('contact-note') as HTMLTextAreaElement).value).toBe('Bills.');
  });

  it('after reaching out, offers a kind reflection and never speaks of failure', async () => {
    fakeBackend();
    await openSpace();
    await fireEvent.click(screen.getByTestId('log-contact'));
    await fireEvent.click(screen.getByTestId('kind-pursued'));
    await fireEvent.click(screen.getByTestId('contact-submit'));
    await settle();
    const reflection = screen.getByTestId('reflection');
    expect(reflection.textContent).toContain('It happens.');
    expect(reflection.textContent).toContain('what might help next time');
    expect(document.activeElement).toBe(reflection);
    expect(text('day-count')).toBe('Day 0 of giving space');
    expect(pageText()).toContain('still count');
    expect(pageText()).not.toMatch(/broken|broke|fail|reset|streak|lost|relapse/i);
  });

  it("adds the reflection to today's open page, keeping its words and mood", async () => {
    const backend = fakeBackend();
    backend.pages.set(TODAY, { body: 'Morning words.', mood: 2 });
    await openSpace();
    await fireEvent.click(screen.getByTestId('log-contact'));
    await fireEvent.click(screen.getByTestId('kind-pursued'));
    await fireEvent.click(screen.getByTestId('contact-submit'));
    await settle();
    await fireEvent.input(screen.getByTestId('reflection-text'), {
      target: { value: 'I was tired and lonely. Next time I will call my sister.' },
    });
    await fireEvent.click(screen.getByTestId('reflection-save'));
    await settle();
    const expected = 'Morning words.\n\nI was tired and lonely. Next time I will call my sister.';
    expect(backend.argsOf('save_page').at(-1)).toEqual({ date: TODAY, body: expected, mood: 2, baseVersion: 1 });
    expect(text('reflection-done')).toBe('Added to today’s page.');
    expect(document.activeElement).toBe(screen.getByTestId('reflection'));

    await fireEvent.click(screen.getByRole('button', { name: 'Open today’s page' }));
    await settle();
    const editor = screen.getByTestId('editor') as HTMLTextAreaElement;
    expect(editor.value).toBe(expected);
    expect(document.activeElement).toBe(editor);
  });

  it('adds the reflection to today even when another day is open on the Today page', async () => {
    const backend = fakeBackend();
    backend.pages.set('2026-11-28', { body: 'Saturday.', mood: null });
    backend.pages.set(TODAY, { body: 'Sunday so far.', mood: 4 });
    await startApp();
    await fireEvent.click(screen.getByTestId('prev-day'));
    await settle();
    await fireEvent.click(screen.getByTestId('nav-space'));
    await settle();
    await fireEvent.click(screen.getByTestId('log-contact'));
    await fireEvent.click(screen.getByTestId('kind-pursued'));
    await fireEvent.click(screen.getByTestId('contact-submit'));
    await settle();
    await fireEvent.input(screen.getByTestId('reflection-text'), { target: { value: 'Too late at night.' } });
    await fireEvent.click(screen.getByTestId('reflection-save'));
    await settle();
    expect(backend.argsOf('save_page')).toEqual([
      { date: TODAY, body: 'Sunday so far.\n\nToo late at night.', mood: 4, baseVersion: 1 },
    ]);
    expect(backend.pages.get('2026-11-28')?.body).toBe('Saturday.');
  });

  it('keeps the reflection text when today’s page cannot be read', async () => {
    const backend = fakeBackend();
    await startApp();
    await fireEvent.click(screen.getByTestId('prev-day'));
    await settle();
    backend.overrides.set('get_page', () => {
      throw { code: 'database', message: 'The journal could not be read.' };
    });
    await fireEvent.click(screen.getByTestId('nav-space'));
    await settle();
    await fireEvent.click(screen.getByTestId('log-contact'));
    await fireEvent.click(screen.getByTestId('kind-pursued'));
    await fireEvent.click(screen.getByTestId('contact-submit'));
    await settle();
    await fireEvent.input(screen.getByTestId('reflection-text'), { target: { value: 'Keep me.' } });
    await fireEvent.click(screen.getByTestId('reflection-save'));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('The journal could not be read.');
    expect((screen.getByTestId('reflection-text') as HTMLTextAreaElement).value).toBe('Keep me.');
    expect(backend.argsOf('save_page')).toEqual([]);
  });

  it('shows the timeline newest first, with day 0 and its note last', async () => {
    const backend = fakeBackend();
    backend.state.contacts.push(
      { id: 2, at: '2026-11-24T09:00:00Z', date: '2026-11-24', kind: 'necessary', note: 'School run.' },
      { id: 3, at: '2026-11-27T20:00:00Z', date: '2026-11-27', kind: 'they-reached-out', note: null },
    );
    backend.state.urges.push(
      { id: 4, at: '2026-11-25T21:00:00Z', date: '2026-11-25', intensity: 3, note: 'Hard evening.' },
      { id: 5, at: '2026-11-27T08:00:00Z', date: '2026-11-27', intensity: null, note: null },
    );
    await openSpace();
    const items = within(screen.getByTestId('timeline')).getAllByRole('listitem');
    const heads = items.map((li) => li.querySelector('.head')?.textContent?.replace(/\s+/g, ' ').trim());
    expect(heads).toEqual([
      'They reached out',
      'Felt the urge and held back',
      'Felt the urge and held back · Strong',
      'Necessary contact',
      'Day 0: you began giving space',
    ]);
    expect(items.map((li) => li.querySelector('time')?.getAttribute('datetime'))).toEqual([
      '2026-11-27',
      '2026-11-27',
      '2026-11-25',
      '2026-11-24',
      START,
    ]);
    // The upfront note is shown once, folded under day 0.
    expect(items.at(-1)?.querySelector('details')?.textContent).toContain('I am stepping back for a while.');
    expect(pageText().split('I am stepping back for a while.')).toHaveLength(2);

    await fireEvent.click(screen.getByTestId('log-urge'));
    await settle();
    const first = within(screen.getByTestId('timeline')).getAllByRole('listitem')[0];
    expect(first.querySelector('time')?.getAttribute('datetime')).toBe(TODAY);
  });

  it('ends the period with an outcome in the person’s words, after asking', async () => {
    const backend = fakeBackend();
    await openSpace();
    await fireEvent.click(screen.getByTestId('end-period'));
    await settle();
    expect(backend.argsOf('end_period')).toEqual([]);
    const outcome = screen.getByTestId('end-outcome') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(outcome);
    expect((screen.getByTestId('end-date') as HTMLInputElement).value).toBe(TODAY);
    await fireEvent.input(outcome, { target: { value: 'We agreed to talk with a counsellor.' } });
    await fireEvent.click(screen.getByTestId('end-confirm'));
    await settle();
    expect(backend.argsOf('end_period')).toEqual([
      { end: TODAY, outcome: 'We agreed to talk with a counsellor.' },
    ]);
    expect(screen.getByTestId('start-period')).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('Giving space again');
    expect(screen.getByTestId('past-periods').textContent).toContain('We agreed to talk with a counsellor.');
  });

  it('shows a reached milestone once, gently, and records that it was seen', async () => {
    const backend = fakeBackend({ unseen: 7 });
    await openSpace();
    const note = screen.getByTestId('milestone');
    expect(note.textContent).toContain('7 days of giving space');
    expect(note.textContent).toContain('kept your word to yourself');
    expect(backend.argsOf('mark_milestone_seen')).toEqual([{ days: 7 }]);

    await fireEvent.click(screen.getByTestId('milestone-dismiss'));
    await settle();
    expect(screen.queryByTestId('milestone')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('day-count'));
    // Even if the back end offered it again, it is not shown twice.
    backend.state.unseen_milestone = 7;
    await fireEvent.click(screen.getByTestId('nav-today'));
    await settle();
    await fireEvent.click(screen.getByTestId('nav-space'));
    await settle();
    expect(screen.queryByTestId('milestone')).toBeNull();
    expect(backend.argsOf('mark_milestone_seen')).toHaveLength(1);
  });

  it('says calmly when the page cannot be opened, and tries again', async () => {
    const backend = fakeBackend();
    backend.overrides.set('space_overview', () => {
      throw { code: 'database', message: 'The journal could not be read.' };
    });
    await openSpace();
    expect(screen.getByRole('alert').textContent).toContain('The journal could not be read.');
    backend.overrides.delete('space_overview');
    await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await settle();
    expect(text('day-count')).toBe('Day 6 of giving space');
  });
});

describe('the summary on the Today page', () => {
  it('reads "Day 6 of giving space · 3 urges held" and opens the Space page', async () => {
    fakeBackend();
    await startApp();
    expect(text('space-summary')).toBe('Day 6 of giving space · 3 urges held');
    await fireEvent.click(screen.getByTestId('space-summary'));
    await settle();
    expect(screen.getByTestId('day-count')).toBeTruthy();
  });

  it('follows what was logged on the Space page', async () => {
    fakeBackend();
    await openSpace();
    await fireEvent.click(screen.getByTestId('log-urge'));
    await settle();
    await fireEvent.click(screen.getByTestId('nav-today'));
    await settle();
    expect(text('space-summary')).toBe('Day 6 of giving space · 4 urges held');
  });

  it('says "1 urge held" for one', async () => {
    const backend = fakeBackend();
    backend.state.status = status({ current_streak_days: 1, urges_resisted: 1 });
    await startApp();
    expect(text('space-summary')).toBe('Day 1 of giving space · 1 urge held');
  });

  it('stays away when no period is open', async () => {
    fakeBackend({ open: false });
    await startApp();
    expect(screen.queryByTestId('space-summary')).toBeNull();
    expect(screen.getByTestId('editor')).toBeTruthy();
  });

  it('is read again when the day changes', async () => {
    const backend = fakeBackend();
    await startApp();
    expect(text('space-summary')).toBe('Day 6 of giving space · 3 urges held');
    backend.overrides.set('today', () => '2026-11-30');
    backend.state.status = status({ as_of: '2026-11-30', current_streak_days: 7 });
    await fireEvent.focus(window);
    await settle();
    expect(backend.argsOf('space_status')).toHaveLength(2);
    expect(text('space-summary')).toBe('Day 7 of giving space · 3 urges held');
  });
});

afterEach(() => {
  vi.useRealTimers();
});
