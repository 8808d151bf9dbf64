import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { emit } from '@tauri-apps/api/event';
import { mockIPC } from '@tauri-apps/api/mocks';
import App from '../src/App.svelte';
import type { Contact } from '../src/ipc/bindings/Contact';
import type { ContactKind } from '../src/ipc/bindings/ContactKind';
import type { Period } from '../src/ipc/bindings/Period';
import type { PeriodDetail } from '../src/ipc/bindings/PeriodDetail';
import type { SpaceOverview } from '../src/ipc/bindings/SpaceOverview';
import type { SpaceStatus } from '../src/ipc/bindings/SpaceStatus';
import type { Urge } from '../src/ipc/bindings/Urge';
import { DRAFT_NOTE } from '../src/lib/space-words';
import { addDays, shortDate } from '../src/lib/dates';
import { makePage, makeSaved } from './helpers';
import { DRAFT_DELAY_MS } from '../src/lib/drafts';
import { CLOSE_RETRY_PAUSE_MS, DRAFTS_NOT_KEPT } from '../src/lib/session.svelte';

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
    time_with_people: { last_date: null, days_since: null, count_7d: 0 },
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
  time_with_people: { last_date: null, days_since: null, count_7d: 0 },
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
  /** Drafts kept in the journal, by form. */
  const drafts = new Map<string, string>();
  /** What "Quit anyway" copied to the recovery file. */
  const recovery: { date: string; body: string; mood: number | null }[] = [];
  let nextId = 100;
  let at = Date.parse(`${TODAY}T08:00:00Z`);
  const stamp = () => new Date((at += 60_000)).toISOString();

  // What the figures were before the events in `state`; each change counts again from here.
  const baseUrges = 3;
  const baseStreak = 6;

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

  const stands = <T extends { removed_at?: string }>(x: T) => x.removed_at === undefined;
  /** Counts again from the events that stand (the real counting is Rust's). */
  const recount = () => {
    const live = state.contacts.filter(stands);
    const contacts = { pursued: 0, necessary: 0, 'they-reached-out': 0, upfront: 0 };
    for (const c of live) contacts[c.kind] += 1;
    const pursuits = live.filter((c) => c.kind === 'pursued').map((c) => c.date).sort();
    state.status = {
      ...state.status,
      contacts,
      urges_resisted: baseUrges + state.urges.filter(stands).length,
      current_streak_days: pursuits.length > 0 ? 0 : baseStreak,
      last_reset: pursuits.at(-1) ?? null,
      time_with_people: { last_date: null, days_since: null, count_7d: 0 },
    };
  };
  /** Each event's earlier states, newest last (the core keeps them in its history). */
  const earlier = new Map<object, object[]>();
  const keep = (x: object) => earlier.set(x, [...(earlier.get(x) ?? []), { ...x }]);
  const find = <T extends { id: number }>(xs: T[], id: unknown): T => {
    const x = xs.find((e) => e.id === id);
    if (!x) throw { code: 'invalid_input', message: `nothing numbered ${String(id)}` };
    return x;
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
        case 'calendar_days':
          return [];
        case 'close_ready':
        case 'close_hold':
          return null;
        case 'read_recovery':
          return [...recovery];
        case 'write_recovery':
          recovery.push(...(args.pages as typeof recovery));
          return null;
        case 'space_overview':
          return structuredClone({
            ...state,
            contacts: state.contacts.filter(stands),
            urges: state.urges.filter(stands),
          });
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
            date: (args.date as string | null) ?? TODAY,
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
        case 'edit_contact': {
          const c = find(state.contacts, args.id);
          keep(c);
          if (args.kind !== null) c.kind = args.kind as ContactKind;
          if (args.date !== null) c.date = args.date as string;
          if (args.note !== null) c.note = args.note === '' ? null : (args.note as string);
          recount();
          return { ...c };
        }
        case 'edit_urge': {
          const u = find(state.urges, args.id);
          keep(u);
          if (args.intensity !== null) u.intensity = args.intensity === 0 ? null : (args.intensity as number);
          if (args.date !== null) u.date = args.date as string;
          if (args.note !== null) u.note = args.note === '' ? null : (args.note as string);
          recount();
          return { ...u };
        }
        case 'remove_contact':
        case 'remove_urge': {
          const x = cmd === 'remove_contact' ? find(state.contacts, args.id) : find(state.urges, args.id);
          keep(x);
          x.removed_at = stamp();
          recount();
          return { ...x };
        }
        case 'restore_contact':
        case 'restore_urge': {
          const x = cmd === 'restore_contact' ? find(state.contacts, args.id) : find(state.urges, args.id);
          keep(x);
          delete x.removed_at;
          recount();
          return { ...x };
        }
        case 'revert_contact':
        case 'revert_urge': {
          const x = cmd === 'revert_contact' ? find(state.contacts, args.id) : find(state.urges, args.id);
          const was = earlier.get(x)?.pop();
          if (!was) throw { code: 'invalid_input', message: 'nothing to undo' };
          for (const key of Object.keys(x)) delete (x as Record<string, unknown>)[key];
          Object.assign(x, was);
          recount();
          return { ...x };
        }
        case 'mark_milestone_seen':
          state.unseen_milestone = null;
          return null;
        case 'get_draft': {
          const body = drafts.get(args.key as string);
          return body === undefined ? null : { key: args.key, body, updated_at: stamp() };
        }
        case 'save_draft':
          if ((args.body as string).trim() === '') drafts.delete(args.key as string);
          else drafts.set(args.key as string, args.body as string);
          return null;
        case 'discard_draft':
          drafts.delete(args.key as string);
          return null;
      }
      throw { code: 'invalid_input', message: `no such command: ${cmd}` };
    },
    { shouldMockEvents: true },
  );
  return {
    state,
    pages,
    drafts,
    recovery,
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
    expect(date.dataset.value).toBe(TODAY);
    expect(date.value, 'the day is written as the app writes days').toBe(shortDate(TODAY));

    await fireEvent.input(note, { target: { value: 'I will give you room. I am fine.' } });
    await fireEvent.input(date, { target: { value: addDays(TODAY, 1) } });
    await fireEvent.blur(date);
    expect(text('start-date-problem')).toBe('That day has not come yet.');
    await fireEvent.input(date, { target: { value: '27 Nov' } });
    await fireEvent.blur(date);
    expect(date.dataset.value).toBe('2026-11-27');
    expect(date.value).toBe('Fri 27 Nov 2026');
    expect(screen.queryByTestId('start-date-problem')).toBeNull();
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
    // The talk itself can still be logged, once.
    await fireEvent.click(screen.getByTestId('log-contact'));
    expect(screen.getByTestId('kind-upfront')).toBeTruthy();
  });

  it('does not offer telling them again once the note started the period', async () => {
    fakeBackend({ open: false });
    await openSpace();
    await fireEvent.click(screen.getByTestId('start-period'));
    await settle();
    await fireEvent.click(screen.getByTestId('log-contact'));
    expect(screen.getByTestId('kind-pursued')).toBeTruthy();
    expect(screen.queryByTestId('kind-upfront')).toBeNull();
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
    expect(text('next-milestone')).toBe('Day 7, tomorrow');
  });

  it('logs an urge in one click, thanks the person and updates the count', async () => {
    const backend = fakeBackend();
    await openSpace();
    await fireEvent.click(screen.getByTestId('log-urge'));
    await settle();
    expect(backend.argsOf('log_urge')).toEqual([{ date: null, intensity: null, note: null }]);
    expect(text('undo-message')).toBe('Logged: you held back an urge. That took strength.');
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
    expect(backend.argsOf('log_urge')).toEqual([{ date: null, intensity: 4, note: 'Saw our song on the radio.' }]);
    expect(screen.queryByTestId('urge-note')).toBeNull();
    expect(text('urges-held')).toBe('4');
  });

  it.each<ContactKind>(['pursued', 'necessary', 'they-reached-out', 'upfront'])(
    'logs a contact of kind %s',
    async (kind) => {
      // Telling them is offered only while it is not logged yet: a period
      // begun in person, without the note.
      const backend = fakeBackend({ open: kind !== 'upfront' });
      await openSpace();
      if (kind === 'upfront') {
        await fireEvent.click(screen.getByTestId('no-note'));
        await fireEvent.click(screen.getByTestId('start-period'));
        await settle();
      }
      await fireEvent.click(screen.getByTestId('log-contact'));
      const submit = screen.getByTestId('contact-submit') as HTMLButtonElement;
      expect(submit.disabled).toBe(true);
      await fireEvent.click(screen.getByTestId(`kind-${kind}`));
      await fireEvent.input(screen.getByTestId('contact-note'), { target: { value: 'A note.' } });
      await fireEvent.click(submit);
      if (kind === 'pursued') {
        // Asked once, kindly, before the count starts again.
        expect(backend.argsOf('log_contact')).toEqual([]);
        await fireEvent.click(screen.getByTestId('reset-yes'));
      }
      await settle();
      expect(backend.argsOf('log_contact')).toEqual([{ kind, date: null, note: 'A note.' }]);
      expect(screen.queryByTestId('contact-submit')).toBeNull();
      expect(screen.queryByTestId('reflection') !== null).toBe(kind === 'pursued');
    },
  );

  it('asks once before a contact that starts the count again, and "Not now" logs nothing', async () => {
    const backend = fakeBackend();
    await openSpace();
    await fireEvent.click(screen.getByTestId('log-contact'));
    await fireEvent.click(screen.getByTestId('kind-pursued'));
    await fireEvent.click(screen.getByTestId('contact-submit'));
    await settle();
    expect(text('reset-ask')).toContain('This starts the count again from today.');
    expect(text('reset-ask')).toContain('The days of space before it still count');
    await fireEvent.click(screen.getByTestId('reset-no'));
    await settle();
    expect(backend.argsOf('log_contact')).toEqual([]);
    expect(screen.queryByTestId('reset-ask')).toBeNull();
    // Another kind needs no question.
    await fireEvent.click(screen.getByTestId('kind-necessary'));
    await fireEvent.click(screen.getByTestId('contact-submit'));
    await settle();
    expect(backend.argsOf('log_contact')).toHaveLength(1);
  });

  it('explains each kind, and that only reaching out starts the count again', async () => {
    fakeBackend();
    await openSpace();
    await fireEvent.click(screen.getByTestId('log-contact'));
    const group = screen.getByRole('group', { name: 'What kind of contact was it?' });
    // The period began with the note: telling them is logged already.
    expect(within(group).getAllByRole('radio')).toHaveLength(3);
    const pursued = screen.getByTestId('kind-pursued').closest('label')?.textContent ?? '';
    expect(pursued).toContain('I reached out');
    expect(pursued).not.toMatch(/press|plead/);
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
    expect(date.dataset.value).toBe(TODAY);
    await fireEvent.input(date, { target: { value: addDays(START, -1) } });
    await fireEvent.blur(date);
    expect(text('contact-date-problem')).toBe(`The earliest day here is ${shortDate(START)}.`);
    await fireEvent.input(date, { target: { value: '2026-11-25' } });
    await fireEvent.blur(date);
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
    await fireEvent.click(screen.getByTestId('reset-yes'));
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
    await fireEvent.click(screen.getByTestId('reset-yes'));
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

  it('lets the confirmation go when the next action starts, and keeps a reflection still being written', async () => {
    fakeBackend();
    await openSpace();
    const pursue = async () => {
      await fireEvent.click(screen.getByTestId('log-contact'));
      await fireEvent.click(screen.getByTestId('kind-pursued'));
      await fireEvent.click(screen.getByTestId('contact-submit'));
      await fireEvent.click(screen.getByTestId('reset-yes'));
      await settle();
    };
    await pursue();
    await fireEvent.input(screen.getByTestId('reflection-text'), { target: { value: 'Tired, mostly.' } });
    await fireEvent.click(screen.getByTestId('reflection-save'));
    await settle();
    expect(text('reflection-done')).toBe('Added to today’s page.');

    await fireEvent.click(screen.getByTestId('log-contact'));
    expect(screen.queryByTestId('reflection-done')).toBeNull();

    // Words typed in the prompt are not a confirmation: they stay.
    await fireEvent.click(screen.getByTestId('log-contact'));
    await pursue();
    await fireEvent.input(screen.getByTestId('reflection-text'), { target: { value: 'Half a thought' } });
    await fireEvent.click(screen.getByTestId('log-contact'));
    expect((screen.getByTestId('reflection-text') as HTMLTextAreaElement).value).toBe('Half a thought');
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
    await fireEvent.click(screen.getByTestId('reset-yes'));
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
    await fireEvent.click(screen.getByTestId('reset-yes'));
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
    expect((screen.getByTestId('end-date') as HTMLInputElement).dataset.value).toBe(TODAY);
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

function timelineItems(): HTMLElement[] {
  return within(screen.getByTestId('timeline')).getAllByRole('listitem');
}

function head(li: HTMLElement): string {
  return (li.querySelector('.head')?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The timeline entry whose line reads `what`. */
function entry(what: string): HTMLElement {
  const li = timelineItems().find((item) => head(item) === what);
  if (!li) throw new Error(`no timeline entry "${what}" in ${timelineItems().map(head).join(' | ')}`);
  return li;
}

async function openEditor(what: string): Promise<HTMLElement> {
  await fireEvent.click(within(entry(what)).getByRole('button', { name: /^Change/ }));
  await settle();
  return screen.getByTestId('entry-editor');
}

async function logPursuit(): Promise<void> {
  await fireEvent.click(screen.getByTestId('log-contact'));
  await fireEvent.click(screen.getByTestId('kind-pursued'));
  await fireEvent.click(screen.getByTestId('contact-submit'));
  await fireEvent.click(screen.getByTestId('reset-yes'));
  await settle();
}

describe('correcting what was logged', () => {
  it('changes a contact’s kind from the timeline, and says so with an Undo', async () => {
    const backend = fakeBackend();
    backend.state.contacts.push({ id: 2, at: '2026-11-24T09:00:00Z', date: '2026-11-24', kind: 'necessary', note: 'School run.' });
    await openSpace();

    const change = within(entry('Necessary contact')).getByRole('button', { name: 'Change: Necessary contact, Tue 24 Nov' });
    await fireEvent.click(change);
    await settle();
    const kind = screen.getByLabelText('What kind of contact was it?') as HTMLSelectElement;
    expect(document.activeElement).toBe(kind);
    expect(kind.value).toBe('necessary');
    expect((screen.getByLabelText('When') as HTMLInputElement).dataset.min).toBe(START);
    expect((screen.getByLabelText('When') as HTMLInputElement).dataset.max).toBe(TODAY);
    expect((screen.getByLabelText('A note (optional)') as HTMLTextAreaElement).value).toBe('School run.');
    expect(within(screen.getByTestId('entry-editor')).getAllByRole('option').map((o) => o.textContent)).toContain(
      'They reached out',
    );

    await fireEvent.change(kind, { target: { value: 'they-reached-out' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save change' }));
    await settle();

    expect(backend.argsOf('edit_contact')).toEqual([{ id: 2, kind: 'they-reached-out', date: null, note: null }]);
    expect(screen.queryByTestId('entry-editor')).toBeNull();
    expect(entry('They reached out').textContent).toContain('School run.');
    expect(timelineItems().map(head)).not.toContain('Necessary contact');
    expect(text('undo-message')).toBe('Changed.');
    expect(within(screen.getByTestId('undo-bar')).getByRole('button', { name: 'Undo' })).toBeTruthy();
    // Focus comes back to the entry's own Change button.
    expect(document.activeElement?.getAttribute('data-change')).toBe('c2');
  });

  it('cancels with nothing sent, and Escape does the same', async () => {
    const backend = fakeBackend();
    backend.state.urges.push({ id: 4, at: '2026-11-25T21:00:00Z', date: '2026-11-25', intensity: 3, note: null });
    await openSpace();
    await openEditor('Felt the urge and held back · Strong');
    expect(document.activeElement).toBe(screen.getByLabelText('How strong was it?'));
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await settle();
    expect(screen.queryByTestId('entry-editor')).toBeNull();
    expect(document.activeElement?.getAttribute('data-change')).toBe('u4');

    await openEditor('Felt the urge and held back · Strong');
    await fireEvent.keyDown(screen.getByLabelText('What was going on? (optional)'), { key: 'Escape' });
    await settle();
    expect(screen.queryByTestId('entry-editor')).toBeNull();
    expect(backend.argsOf('edit_urge')).toEqual([]);
    expect(text('undo-bar')).toBe('');
  });

  it('removes a mis-clicked “I reached out”, and the count comes back once read again', async () => {
    const backend = fakeBackend();
    await openSpace();
    await logPursuit();
    expect(text('day-count')).toBe('Day 0 of giving space');
    await fireEvent.click(screen.getByTestId('reflection-close'));
    await settle();
    const reads = backend.argsOf('space_overview').length;

    await openEditor('I reached out');
    await fireEvent.click(screen.getByRole('button', { name: 'Remove this' }));
    await settle();

    const pursuit = backend.state.contacts.find((c) => c.kind === 'pursued');
    expect(backend.argsOf('remove_contact')).toEqual([{ id: pursuit?.id }]);
    expect(backend.argsOf('space_overview').length).toBe(reads + 1);
    expect(text('day-count')).toBe('Day 6 of giving space');
    expect(timelineItems().map(head)).not.toContain('I reached out');
    expect(text('undo-message')).toBe('Removed. It no longer counts.');
    expect(pageText()).not.toMatch(/broken|fail|streak|lost|relapse/i);
  });

  it('edits an urge’s day and strength, sending only what changed', async () => {
    const backend = fakeBackend();
    backend.state.urges.push({ id: 4, at: '2026-11-25T21:00:00Z', date: '2026-11-25', intensity: null, note: 'Hard evening.' });
    await openSpace();
    await openEditor('Felt the urge and held back');
    await fireEvent.change(screen.getByLabelText('How strong was it?'), { target: { value: '5' } });
    await fireEvent.input(screen.getByLabelText('When'), { target: { value: '2026-11-24' } });
    await fireEvent.blur(screen.getByLabelText('When'));
    await fireEvent.click(screen.getByRole('button', { name: 'Save change' }));
    await settle();
    expect(backend.argsOf('edit_urge')).toEqual([{ id: 4, date: '2026-11-24', intensity: 5, note: null }]);
    const li = entry('Felt the urge and held back · Overwhelming');
    expect(li.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-24');
  });
});

describe('Undo', () => {
  it('takes back an urge just logged', async () => {
    const backend = fakeBackend();
    await openSpace();
    await fireEvent.click(screen.getByTestId('log-urge'));
    await settle();
    expect(text('urges-held')).toBe('4');
    const bar = screen.getByTestId('undo-bar');
    expect(bar.getAttribute('role')).toBe('status');
    expect(text('undo-message')).toBe('Logged: you held back an urge. That took strength.');

    await fireEvent.click(within(bar).getByRole('button', { name: 'Undo' }));
    await settle();
    const logged = backend.state.urges[0];
    expect(backend.argsOf('remove_urge')).toEqual([{ id: logged.id }]);
    expect(text('urges-held')).toBe('3');
    expect(text('undo-message')).toBe('Taken back.');
    expect(within(bar).queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(timelineItems().map(head)).toEqual(['Day 0: you began giving space']);
    expect(document.activeElement).toBe(screen.getByTestId('day-count'));
  });

  it('takes back a mis-clicked “I reached out” in one click, with its prompt', async () => {
    const backend = fakeBackend();
    await openSpace();
    await logPursuit();
    expect(text('day-count')).toBe('Day 0 of giving space');
    expect(text('undo-message')).toBe('Logged: you reached out.');
    expect(screen.getByTestId('reflection')).toBeTruthy();

    await fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await settle();
    expect(backend.argsOf('remove_contact')).toHaveLength(1);
    expect(text('day-count')).toBe('Day 6 of giving space');
    expect(screen.queryByTestId('reflection')).toBeNull();
    expect(timelineItems().map(head)).not.toContain('I reached out');
  });

  it('keeps the prompt after an Undo when words were typed in it', async () => {
    fakeBackend();
    await openSpace();
    await logPursuit();
    await fireEvent.input(screen.getByTestId('reflection-text'), { target: { value: 'Half a thought.' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await settle();
    expect((screen.getByTestId('reflection-text') as HTMLTextAreaElement).value).toBe('Half a thought.');
  });

  it('puts back what was removed', async () => {
    const backend = fakeBackend();
    backend.state.urges.push({ id: 4, at: '2026-11-25T21:00:00Z', date: '2026-11-25', intensity: 3, note: 'Hard evening.' });
    backend.state.status = status({ urges_resisted: 4 });
    await openSpace();
    await openEditor('Felt the urge and held back · Strong');
    await fireEvent.click(screen.getByRole('button', { name: 'Remove this' }));
    await settle();
    expect(backend.argsOf('remove_urge')).toEqual([{ id: 4 }]);
    expect(text('urges-held')).toBe('3');
    expect(timelineItems().map(head)).not.toContain('Felt the urge and held back · Strong');
    expect(document.activeElement?.textContent?.trim()).toBe('This period, newest first');

    await fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await settle();
    expect(backend.argsOf('restore_urge')).toEqual([{ id: 4 }]);
    expect(text('urges-held')).toBe('4');
    expect(entry('Felt the urge and held back · Strong').textContent).toContain('Hard evening.');
    expect(text('undo-message')).toBe('Put back. It counts again.');
  });

  it('changes back the fields a change touched', async () => {
    const backend = fakeBackend();
    backend.state.contacts.push({ id: 2, at: '2026-11-24T09:00:00Z', date: '2026-11-24', kind: 'necessary', note: null });
    await openSpace();
    await openEditor('Necessary contact');
    await fireEvent.change(screen.getByLabelText('What kind of contact was it?'), { target: { value: 'pursued' } });
    await fireEvent.input(screen.getByLabelText('A note (optional)'), { target: { value: ' Asked about us. ' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save change' }));
    await settle();
    expect(backend.argsOf('edit_contact')).toEqual([{ id: 2, kind: 'pursued', date: null, note: 'Asked about us.' }]);
    expect(text('day-count')).toBe('Day 0 of giving space');

    await fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await settle();
    expect(backend.argsOf('revert_contact')).toEqual([{ id: 2 }]);
    expect(backend.state.contacts.find((c) => c.id === 2)).toEqual({
      id: 2,
      at: '2026-11-24T09:00:00Z',
      date: '2026-11-24',
      kind: 'necessary',
      note: null,
    });
    expect(text('day-count')).toBe('Day 6 of giving space');
    expect(entry('Necessary contact').querySelector('.note')).toBeNull();
    expect(text('undo-message')).toBe('Changed back.');
  });

  it('clears a strength given before, and Undo gives it back', async () => {
    const backend = fakeBackend();
    backend.state.urges.push({ id: 4, at: '2026-11-25T21:00:00Z', date: '2026-11-25', intensity: 3, note: null });
    await openSpace();
    await openEditor('Felt the urge and held back · Strong');
    await fireEvent.change(screen.getByLabelText('How strong was it?'), { target: { value: '' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save change' }));
    await settle();
    expect(backend.argsOf('edit_urge')).toEqual([{ id: 4, date: null, intensity: 0, note: null }]);
    expect(timelineItems().map(head)).toContain('Felt the urge and held back');

    await fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await settle();
    expect(backend.argsOf('revert_urge')).toEqual([{ id: 4 }]);
    expect(timelineItems().map(head)).toContain('Felt the urge and held back · Strong');
    expect(text('undo-message')).toBe('Changed back.');
  });

  it('goes after ten seconds, or when closed, and a new action replaces it', async () => {
    fakeBackend();
    await openSpace();
    await fireEvent.click(screen.getByTestId('log-urge'));
    await settle();
    expect(text('undo-message')).toContain('Logged');
    await vi.advanceTimersByTimeAsync(9_000);
    expect(screen.getByRole('button', { name: 'Undo' })).toBeTruthy();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(text('undo-bar')).toBe('');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();

    await fireEvent.click(screen.getByTestId('log-urge'));
    await settle();
    await vi.advanceTimersByTimeAsync(6_000);
    await fireEvent.click(screen.getByTestId('log-urge'));
    await settle();
    // The third log starts its own ten seconds (its thanks come round again).
    expect(text('undo-message')).toBe('Logged: you held back an urge. That took strength.');
    await vi.advanceTimersByTimeAsync(6_000);
    expect(screen.getByRole('button', { name: 'Undo' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: /^Close/ }));
    await settle();
    expect(text('undo-bar')).toBe('');
  });

  it('waits while keyboard focus is on it', async () => {
    fakeBackend();
    await openSpace();
    await fireEvent.click(screen.getByTestId('log-urge'));
    await settle();
    const undo = screen.getByRole('button', { name: 'Undo' });
    undo.focus();
    await vi.advanceTimersByTimeAsync(15_000);
    expect(screen.getByRole('button', { name: 'Undo' })).toBe(undo);
    screen.getByTestId('log-urge').focus();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(text('undo-bar')).toBe('');
  });

  it('says calmly when taking back did not work, and keeps the Undo', async () => {
    const backend = fakeBackend();
    await openSpace();
    await fireEvent.click(screen.getByTestId('log-urge'));
    await settle();
    backend.overrides.set('remove_urge', () => {
      throw { code: 'database', message: 'The journal is busy just now. Try again in a moment.' };
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await settle();
    expect(text('undo-error')).toBe('That could not be undone just now. The journal is busy just now. Try again in a moment.');
    expect(text('urges-held')).toBe('4');
    backend.overrides.delete('remove_urge');
    await fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await settle();
    expect(text('urges-held')).toBe('3');
  });
});

describe('an urge for an earlier day', () => {
  it('sends the day chosen, no earlier than day 0, and says which day', async () => {
    const backend = fakeBackend();
    await openSpace();
    await fireEvent.click(screen.getByTestId('urge-details-toggle'));
    const when = screen.getByLabelText('When') as HTMLInputElement;
    expect(when.dataset.value).toBe(TODAY);
    expect(when.value).toBe('Sun 29 Nov 2026');
    expect(when.dataset.min).toBe(START);
    expect(when.dataset.max).toBe(TODAY);
    // Typed as a person says it; Enter takes it and logs the urge.
    await fireEvent.input(when, { target: { value: 'thu 26 nov' } });
    await fireEvent.keyDown(when, { key: 'Enter' });
    expect(when.dataset.value).toBe('2026-11-26');
    await fireEvent.click(screen.getByTestId('urge-submit'));
    await settle();
    expect(backend.argsOf('log_urge')).toEqual([{ date: '2026-11-26', intensity: null, note: null }]);
    expect(text('undo-message')).toBe('Logged for Thu 26 Nov: you held back an urge. That took strength.');
    expect(timelineItems()[0].querySelector('time')?.getAttribute('datetime')).toBe('2026-11-26');
  });

  it('sends today as now', async () => {
    const backend = fakeBackend();
    await openSpace();
    await fireEvent.click(screen.getByTestId('urge-details-toggle'));
    await fireEvent.click(screen.getByTestId('urge-submit'));
    await settle();
    expect(backend.argsOf('log_urge')).toEqual([{ date: null, intensity: null, note: null }]);
  });
});

describe('a refusal from the core', () => {
  const ENDED =
    '2026-11-25 is inside a period of giving space that has ended (2026-11-23 to 2026-11-28); an ended period stays as it was, so nothing was logged';

  // The period was ended elsewhere (the command line) while this page was open.
  it('is shown calmly where the person acted, and nothing else changes', async () => {
    const backend = fakeBackend();
    backend.overrides.set('log_urge', () => {
      throw { code: 'invalid_input', message: ENDED };
    });
    await openSpace();
    const reads = backend.argsOf('space_overview').length;
    await fireEvent.click(screen.getByTestId('urge-details-toggle'));
    await fireEvent.input(screen.getByTestId('urge-note'), { target: { value: 'The evening was long.' } });
    await fireEvent.input(screen.getByLabelText('When'), { target: { value: '2026-11-25' } });
    await fireEvent.blur(screen.getByLabelText('When'));
    await fireEvent.click(screen.getByTestId('urge-submit'));
    await settle();

    expect(screen.getByRole('alert').textContent).toBe(ENDED);
    expect((screen.getByTestId('urge-note') as HTMLTextAreaElement).value).toBe('The evening was long.');
    expect((screen.getByLabelText('When') as HTMLInputElement).dataset.value).toBe('2026-11-25');
    expect(text('urges-held')).toBe('3');
    expect(text('undo-bar')).toBe('');
    expect(backend.argsOf('space_overview').length).toBe(reads);
    expect(timelineItems().map(head)).toEqual(['Day 0: you began giving space']);
  });

  it('keeps a change as typed in the editor, and the entry as it was', async () => {
    const backend = fakeBackend();
    backend.state.contacts.push({ id: 2, at: '2026-11-24T09:00:00Z', date: '2026-11-24', kind: 'necessary', note: null });
    await openSpace();
    await fireEvent.click(screen.getByTestId('log-urge'));
    await settle();
    backend.overrides.set('edit_contact', () => {
      throw { code: 'invalid_input', message: ENDED };
    });
    await openEditor('Necessary contact');
    await fireEvent.change(screen.getByLabelText('What kind of contact was it?'), { target: { value: 'pursued' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save change' }));
    await settle();
    const editor = screen.getByTestId('entry-editor');
    expect(within(editor).getByRole('alert').textContent).toBe(ENDED);
    expect((screen.getByLabelText('What kind of contact was it?') as HTMLSelectElement).value).toBe('pursued');
    expect(text('day-count')).toBe('Day 6 of giving space');
    expect(head(entry('Necessary contact'))).toBe('Necessary contact');
    // The earlier log can still be taken back.
    expect(text('undo-message')).toBe('Logged: you held back an urge. That took strength.');
  });
});

describe('an ended period in full', () => {
  const PAST: Period = {
    id: 7,
    start: '2026-10-01',
    upfront_note: 'I will give you room. I am fine.',
    end: '2026-10-20',
    outcome: 'We talked.',
  };
  const DETAIL: PeriodDetail = {
    period: PAST,
    status: {
      as_of: '2026-10-20',
      current_streak_days: 12,
      best_streak_days: 12,
      total_space_days: 18,
      urges_resisted: 2,
      contacts: { pursued: 1, necessary: 1, 'they-reached-out': 0, upfront: 1 },
      period: { start: '2026-10-01', end: '2026-10-20', days_since_start: 19 },
      next_milestone: null,
      last_reset: '2026-10-08',
      time_with_people: { last_date: null, days_since: null, count_7d: 0 },
    },
    contacts: [
      { id: 70, at: '2026-10-01T19:00:00Z', date: '2026-10-01', kind: 'upfront', note: 'I will give you room. I am fine.' },
      { id: 71, at: '2026-10-08T22:00:00Z', date: '2026-10-08', kind: 'pursued', note: 'A late message.' },
      { id: 72, at: '2026-10-12T09:00:00Z', date: '2026-10-12', kind: 'necessary', note: null },
    ],
    urges: [
      { id: 73, at: '2026-10-03T20:00:00Z', date: '2026-10-03', intensity: 4, note: null },
      { id: 74, at: '2026-10-15T20:00:00Z', date: '2026-10-15', intensity: null, note: 'Rain all day.' },
    ],
  };

  it('opens to show its figures, what was said, and its timeline to read', async () => {
    const backend = fakeBackend({ past: [PAST] });
    backend.overrides.set('period_detail', () => structuredClone(DETAIL));
    await openSpace();
    const past = screen.getByTestId('past-periods');
    const open = within(past).getByRole('button', { name: '1 October 2026 – 20 October 2026' });
    expect(open.getAttribute('aria-expanded')).toBe('false');
    await fireEvent.click(open);
    await settle();
    expect(backend.argsOf('period_detail')).toEqual([{ id: 7 }]);
    expect(open.getAttribute('aria-expanded')).toBe('true');

    const detail = within(past).getByTestId('past-detail');
    const figures = (within(detail).getByTestId('past-figures').textContent ?? '').replace(/\s+/g, ' ');
    expect(figures).toContain('Days of space in all 18 days');
    expect(figures).toContain('Longest stretch 12 days');
    expect(figures).toContain('Urges held 2');
    expect(figures).toContain('I reached out: 1');
    expect(figures).toContain('Necessary contact: 1');
    expect(figures).not.toContain('They reached out');
    expect(detail.textContent).toContain('What you told them');
    expect(detail.textContent?.split('I will give you room. I am fine.')).toHaveLength(2);
    expect(past.textContent).toContain('We talked.');

    const items = within(within(detail).getByTestId('timeline')).getAllByRole('listitem');
    expect(items.map(head)).toEqual([
      'Felt the urge and held back',
      'Necessary contact',
      'I reached out',
      'Felt the urge and held back · Very strong',
      'Day 0: you began giving space',
    ]);
    expect(detail.textContent).toContain('Rain all day.');
    expect(within(detail).queryAllByRole('button', { name: /^Change/ })).toHaveLength(0);
    expect(pageText()).not.toMatch(/broken|fail|streak|lost|relapse/i);

    await fireEvent.click(open);
    await settle();
    expect(open.getAttribute('aria-expanded')).toBe('false');
    expect(within(past).queryByTestId('timeline')).toBeNull();
  });

  it('says calmly when it cannot be opened, and tries again', async () => {
    const backend = fakeBackend({ open: false, past: [PAST] });
    backend.overrides.set('period_detail', () => {
      throw { code: 'database', message: 'The journal could not be read.' };
    });
    await openSpace();
    await fireEvent.click(screen.getByRole('button', { name: '1 October 2026 – 20 October 2026' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('The journal could not be read.');
    backend.overrides.set('period_detail', () => structuredClone(DETAIL));
    await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await settle();
    expect(screen.getByTestId('past-figures').textContent).toContain('18 days');
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

  it('speaks of an earlier day as it was that day, and of nothing before a period began', async () => {
    const backend = fakeBackend();
    backend.overrides.set('space_status', (a) =>
      a.date === '2026-11-27'
        ? status({ as_of: '2026-11-27', current_streak_days: 4, urges_resisted: 1 })
        : a.date === '2026-11-26'
          ? status({ as_of: '2026-11-26', period: null, current_streak_days: 0, urges_resisted: 0 })
          : backend.state.status,
    );
    await startApp();
    expect(text('space-summary')).toBe('Day 6 of giving space · 3 urges held');
    await fireEvent.click(screen.getByTestId('prev-day'));
    await settle();
    await fireEvent.click(screen.getByTestId('prev-day'));
    await settle();
    expect(text('space-summary')).toBe('On this day: day 4 of giving space · 1 urge held');
    await fireEvent.click(screen.getByTestId('prev-day'));
    await settle();
    expect(screen.queryByTestId('space-summary')).toBeNull();
  });

  it('is read again when the day changes', async () => {
    const backend = fakeBackend();
    await startApp();
    expect(text('space-summary')).toBe('Day 6 of giving space · 3 urges held');
    backend.overrides.set('today', () => '2026-11-30');
    backend.state.status = status({ as_of: '2026-11-30', current_streak_days: 7 });
    backend.overrides.set('space_status', (a) =>
      a.date === '2026-11-29' ? status({ as_of: '2026-11-29' }) : backend.state.status,
    );
    await fireEvent.focus(window);
    await settle();
    // Today's counts are read again; the page still open is now yesterday's,
    // and speaks of that day.
    expect(backend.argsOf('space_status').filter((a) => a.date === null)).toHaveLength(2);
    expect(text('space-summary')).toBe('On this day: day 6 of giving space · 3 urges held');
    await fireEvent.click(screen.getByTestId('go-today'));
    await settle();
    expect(text('space-summary')).toBe('Day 7 of giving space · 3 urges held');
  });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('words typed beside the page', () => {
  it('keeps an urge note as a draft in the journal, brings it back, and lets it go once logged', async () => {
    const backend = fakeBackend();
    await openSpace();
    await fireEvent.click(screen.getByTestId('urge-details-toggle'));
    await settle();
    await fireEvent.input(screen.getByTestId('urge-note'), { target: { value: 'after his song came on' } });
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS);
    await settle();
    expect(backend.argsOf('save_draft').at(-1)).toEqual({ key: 'urge-note', body: 'after his song came on' });

    // Away to Today and back (the form is gone and made again): the words are there.
    await fireEvent.click(screen.getByTestId('nav-today'));
    await settle();
    await fireEvent.click(screen.getByTestId('nav-space'));
    await settle();
    expect((screen.getByTestId('urge-note') as HTMLTextAreaElement).value).toBe('after his song came on');

    await fireEvent.click(screen.getByTestId('urge-submit'));
    await settle();
    expect(backend.argsOf('log_urge').at(-1)?.note).toBe('after his song came on');
    expect(backend.drafts.has('urge-note')).toBe(false);
  });

  it('keeps a draft typed a moment before the window closes', async () => {
    const backend = fakeBackend();
    await openSpace();
    await fireEvent.click(screen.getByTestId('urge-details-toggle'));
    await settle();
    await fireEvent.input(screen.getByTestId('urge-note'), { target: { value: 'typed just now' } });
    // Closing before the pause is over.
    await emit('flush-requested', { quit: false });
    await settle();
    expect(backend.drafts.get('urge-note')).toBe('typed just now');
    const order = backend.calls.map((c) => c.cmd);
    expect(order.lastIndexOf('save_draft')).toBeLessThan(order.lastIndexOf('close_ready'));
  });

  it('does not close over a note that could not be kept: it asks, and "Close anyway" copies it', async () => {
    const backend = fakeBackend();
    backend.overrides.set('save_draft', () => {
      throw { code: 'disk_full', message: 'The disk is full, so this could not be saved.' };
    });
    await openSpace();
    await fireEvent.click(screen.getByTestId('urge-details-toggle'));
    await settle();
    await fireEvent.input(screen.getByTestId('urge-note'), { target: { value: 'his birthday, and I nearly rang' } });
    await emit('flush-requested', { quit: false });
    await settle();
    expect(backend.argsOf('close_hold')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(CLOSE_RETRY_PAUSE_MS);
    await settle();
    const question = screen.getByRole('alertdialog');
    expect(within(question).getByText(DRAFTS_NOT_KEPT)).toBeTruthy();
    expect(backend.argsOf('close_ready')).toEqual([]);
    // The form still holds the words while the question waits.
    expect((screen.getByTestId('urge-note') as HTMLTextAreaElement).value).toBe('his birthday, and I nearly rang');

    await fireEvent.click(within(question).getByRole('button', { name: 'Close anyway' }));
    await settle();
    expect(backend.recovery).toEqual([
      { date: TODAY, body: 'A note about an urge (kept when the app closed):\nhis birthday, and I nearly rang', mood: null },
    ]);
    const order = backend.calls.map((c) => c.cmd);
    expect(order.lastIndexOf('write_recovery')).toBeLessThan(order.lastIndexOf('close_ready'));
  });

  it('a note that failed to keep is kept by the next try, and the window then closes', async () => {
    const backend = fakeBackend();
    let fail = true;
    backend.overrides.set('save_draft', (args) => {
      if (fail) {
        fail = false;
        throw { code: 'busy', message: 'The journal is busy in another program.' };
      }
      backend.drafts.set(args.key as string, args.body as string);
      return null;
    });
    await openSpace();
    await fireEvent.click(screen.getByTestId('urge-details-toggle'));
    await settle();
    await fireEvent.input(screen.getByTestId('urge-note'), { target: { value: 'one more try' } });
    await emit('flush-requested', { quit: false });
    await settle();
    await vi.advanceTimersByTimeAsync(CLOSE_RETRY_PAUSE_MS);
    await settle();
    expect(backend.drafts.get('urge-note')).toBe('one more try');
    expect(backend.argsOf('close_ready')).toHaveLength(1);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
