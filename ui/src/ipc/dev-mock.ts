// Development only (imported behind `import.meta.env.DEV` in main.ts, so it
// never reaches a build): a pretend back end with a few pages, to look at the
// page in a plain browser.
//
// Every figure, card and setting it shows comes from fixtures the Rust core
// wrote (`ui/src/ipc/fixtures/`, by `crates/journal-core/tests/dev_fixtures.rs`;
// `UPDATE_FIXTURES=1 cargo test -p journal-core --test dev_fixtures` writes them
// again). The mock keeps no copy of the core's rules: it only moves the
// fixtures' dates to today and keeps a list of what is logged here.

import { mockIPC } from '@tauri-apps/api/mocks';
import type { Page } from './bindings/Page';
import type { Contact } from './bindings/Contact';
import type { ContactKind } from './bindings/ContactKind';
import type { ErrorPayload } from './bindings/ErrorPayload';
import type { NotePreview } from './bindings/NotePreview';
import type { Period } from './bindings/Period';
import type { PeriodDetail } from './bindings/PeriodDetail';
import type { SpaceOverview } from './bindings/SpaceOverview';
import type { SpaceStatus } from './bindings/SpaceStatus';
import type { Urge } from './bindings/Urge';
import type { LibraryCard } from './bindings/LibraryCard';
import type { Suggestion } from './bindings/Suggestion';
import type { SettingEntry } from './bindings/SettingEntry';
import type { RecoveredPage } from './bindings/RecoveredPage';
import { addDays, daysBetween, localToday } from '../lib/dates';
import spaceDefault from './fixtures/space-default.json';
import spaceNew from './fixtures/space-new.json';
import spacePast from './fixtures/space-past.json';
import spaceMilestone from './fixtures/space-milestone.json';
import guidanceFixture from './fixtures/guidance.json';
import settingsFixture from './fixtures/settings.json';

/** What the core answers for one scenario of the Space page (see dev_fixtures.rs). */
interface SpaceFixture {
  today: string;
  overview: SpaceOverview;
  status: SpaceStatus;
  /** Every period in full, oldest first. */
  periods: PeriodDetail[];
  /** The milestone still unseen once `overview.unseen_milestone` is acknowledged. */
  unseen_after_seen: number | null;
}

interface GuidanceExample {
  date: string;
  text: string;
  mood: number | null;
  /** One of the mock's pages (the others are words to paste into today's page). */
  page: boolean;
  suggestions: Suggestion[];
  /** The answer once one of those cards is set aside ("Not today"), by card id. */
  set_aside: Record<string, Suggestion[]>;
}

interface GuidanceFixture {
  today: string;
  library: LibraryCard[];
  examples: GuidanceExample[];
}

interface SettingsFixture {
  today: string;
  entries: SettingEntry[];
  previews: { discreet: NotePreview; plain: NotePreview };
  /** A few changes and the core's answer to each: the stored value, or a refusal. */
  examples: { key: string; value: string; answer: { ok: SettingEntry } | { error: ErrorPayload } }[];
}

/**
 * A fixture with every date and instant in it moved to `today` from the day
 * it was written for: a pure shift of the calendar, nothing counted again.
 */
function dated<T extends { today: string }>(fixture: unknown, today: string): T {
  const days = daysBetween((fixture as T).today, today);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const m = /^(\d{4}-\d{2}-\d{2})(T[\d:.]+Z)?$/.exec(v);
      return m ? addDays(m[1], days) + (m[2] ?? '') : v;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(fixture) as T;
}

const SPACE_FIXTURES: Record<string, unknown> = {
  'space-new': spaceNew,
  'space-past': spacePast,
  milestone: spaceMilestone,
};

const invalid = (message: string): ErrorPayload => ({ code: 'invalid_input', message });

/**
 * The Space page as the core answers it. Modes: `space-new` (nothing started
 * yet), `space-past` (one period ended), `milestone` (a milestone waiting to
 * be acknowledged); anything else opens a period with a few events in it.
 *
 * Logging, correcting or removing an event, and starting or ending a period,
 * change the mock's list of events (the timeline) only: the figures stay the
 * fixture's, unchanged, because counting is the core's. Nor does the mock
 * refuse a day the core would (before the period, inside an ended one, in the
 * future): try those against the real app.
 */
function spaceMock(mode: string, today: string) {
  const fx = dated<SpaceFixture>(SPACE_FIXTURES[mode] ?? spaceDefault, today);
  const periods: Period[] = fx.periods.map((d) => d.period);
  const figures = new Map<number, SpaceStatus>(fx.periods.map((d) => [d.period.id, d.status]));
  /** Each period's events, as logged in it (an event stays there whatever day it moves to). */
  const timelines = new Map<number, { contacts: Contact[]; urges: Urge[] }>(
    fx.periods.map((d) => [d.period.id, { contacts: d.contacts, urges: d.urges }]),
  );
  /** Events logged while no period is open: kept, but on no period's timeline. */
  const loose = { contacts: [] as Contact[], urges: [] as Urge[] };
  const all = () => [...timelines.values(), loose];
  const nextId = (ids: number[]) => Math.max(0, ...ids) + 1;
  let nextPeriod = nextId(periods.map((p) => p.id));
  let nextContact = nextId(all().flatMap((t) => t.contacts.map((c) => c.id)));
  let nextUrge = nextId(all().flatMap((t) => t.urges.map((u) => u.id)));
  let nextCompany = 1;
  let companyNames: string[] = [];
  let unseen = fx.overview.unseen_milestone;

  const current = () => periods.at(-1) ?? null;
  const open = () => {
    const p = current();
    return p && p.end === null ? p : null;
  };
  const timeline = (p: Period | null) => (p ? timelines.get(p.id) : undefined) ?? loose;
  const standing = <T extends { removed_at?: string }>(xs: T[]) => xs.filter((x) => x.removed_at === undefined);
  /** Today means now; an earlier day means its noon (UTC here). */
  const at = (date: string) => (date === today ? new Date().toISOString() : `${date}T12:00:00.000Z`);
  const note = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : null);

  // Each event's earlier states, newest last, for Undo (the core keeps them in its history).
  const history = new Map<string, (Contact | Urge)[]>();
  function remember(which: 'contact' | 'urge', x: Contact | Urge): void {
    const key = `${which}:${String(x.id)}`;
    history.set(key, [...(history.get(key) ?? []), { ...x }]);
  }

  function find<T extends { id: number }>(pick: (t: { contacts: Contact[]; urges: Urge[] }) => T[], id: number, what: string): T {
    for (const t of all()) {
      const x = pick(t).find((e) => e.id === id);
      if (x) return x;
    }
    throw invalid(`there is no ${what} numbered ${id}`);
  }

  function moveTo(x: { at: string; date: string }, date: unknown): void {
    if (typeof date !== 'string' || date === x.date) return;
    x.date = date;
    x.at = at(date);
  }

  function overview(): SpaceOverview {
    const p = current();
    return {
      status: fx.status,
      period: p,
      contacts: standing(timeline(p).contacts),
      urges: standing(timeline(p).urges),
      unseen_milestone: unseen,
      past_periods: periods.filter((x) => x.end !== null).reverse(),
    };
  }

  return (cmd: string, a: Record<string, unknown>): unknown => {
    switch (cmd) {
      case 'space_overview':
        return overview();
      case 'space_status':
        return fx.status;
      case 'start_period': {
        // The mock's list has room for one open period (which one would a log go to?).
        if (open()) throw invalid('a period of giving space is already open');
        const start = (a.start as string | null) ?? today;
        const upfront = note(a.note);
        const p: Period = { id: nextPeriod++, start, upfront_note: upfront, end: null, outcome: null };
        periods.push(p);
        timelines.set(p.id, { contacts: [], urges: [] });
        if (upfront) {
          timeline(p).contacts.push({ id: nextContact++, at: at(start), date: start, kind: 'upfront', note: upfront });
        }
        return p;
      }
      case 'end_period': {
        const p = open();
        if (!p) throw invalid('there is no open period of giving space to end');
        p.end = (a.end as string | null) ?? today;
        p.outcome = note(a.outcome);
        return p;
      }
      case 'log_contact': {
        const date = (a.date as string | null) ?? today;
        const c: Contact = { id: nextContact++, at: at(date), date, kind: a.kind as ContactKind, note: note(a.note) };
        timeline(open()).contacts.push(c);
        return { ...c };
      }
      case 'log_urge': {
        const date = (a.date as string | null) ?? today;
        const intensity = (a.intensity as number | null) ?? null;
        const u: Urge = { id: nextUrge++, at: at(date), date, intensity, note: note(a.note) };
        timeline(open()).urges.push(u);
        return { ...u };
      }
      case 'log_company': {
        // The mock keeps no rules: what is logged is only remembered for its names.
        const who = (a.who as string).trim();
        if (who === '') throw { code: 'invalid_input', message: 'say who it was with' };
        companyNames = [who, ...companyNames.filter((n) => n !== who)];
        return { id: nextCompany++, date: (a.date as string | null) ?? today, who, what: a.what, felt: a.felt };
      }
      case 'set_company_removed':
        return { id: a.id, date: today, who: companyNames[0] ?? '', what: null, felt: null };
      case 'week_review':
      case 'answer_review':
        // Only the shape: the core's figures are tested in Rust.
        return {
          from: addDays(today, -6),
          to: today,
          days_written: 0,
          days_of_space: 0,
          urges_held: 0,
          unsent_kept: 0,
          contacts: { pursued: 0, necessary: 0, 'they-reached-out': 0, upfront: 0 },
          time_with_people: [],
          moods: [],
          helped: [],
          answered_on: cmd === 'answer_review' ? today : null,
        };
      case 'review_due':
        return mode === 'review';
      case 'company_names':
        return companyNames;
      case 'company_nudge':
        // `?mode=quiet` shows the quiet-days note.
        return mode === 'quiet' && companyNames.length === 0;
      case 'edit_contact': {
        const c = find((t) => t.contacts, a.id as number, 'contact');
        remember('contact', c);
        moveTo(c, a.date);
        if (typeof a.kind === 'string') c.kind = a.kind as ContactKind;
        if (typeof a.note === 'string') c.note = note(a.note);
        return { ...c };
      }
      case 'edit_urge': {
        const u = find((t) => t.urges, a.id as number, 'urge');
        remember('urge', u);
        moveTo(u, a.date);
        if (typeof a.intensity === 'number') u.intensity = a.intensity === 0 ? null : a.intensity;
        if (typeof a.note === 'string') u.note = note(a.note);
        return { ...u };
      }
      case 'remove_contact':
      case 'remove_urge':
      case 'restore_contact':
      case 'restore_urge': {
        const x = cmd.endsWith('contact')
          ? find((t) => t.contacts, a.id as number, 'contact')
          : find((t) => t.urges, a.id as number, 'urge');
        remember(cmd.endsWith('contact') ? 'contact' : 'urge', x);
        if (cmd.startsWith('remove')) x.removed_at ??= new Date().toISOString();
        else delete x.removed_at;
        return { ...x };
      }
      case 'revert_contact':
      case 'revert_urge': {
        const which = cmd.endsWith('contact') ? 'contact' : 'urge';
        const x =
          which === 'contact'
            ? find((t) => t.contacts, a.id as number, 'contact')
            : find((t) => t.urges, a.id as number, 'urge');
        const was = history.get(`${which}:${String(x.id)}`)?.pop();
        if (!was) throw invalid(`${which} ${String(x.id)} has not been changed, so there is nothing to undo`);
        for (const key of Object.keys(x)) if (!(key in was)) delete (x as Record<string, unknown>)[key];
        Object.assign(x, was);
        return { ...x };
      }
      case 'period_detail': {
        const p = periods.find((x) => x.id === a.id);
        if (!p) throw invalid(`there is no period numbered ${String(a.id)}`);
        return {
          period: p,
          // A period begun in the mock shows the scenario's figures, unchanged.
          status: figures.get(p.id) ?? fx.status,
          contacts: standing(timeline(p).contacts),
          urges: standing(timeline(p).urges),
        } satisfies PeriodDetail;
      }
      case 'mark_milestone_seen':
        // What is still unseen after that is the core's answer too.
        if (a.days === unseen) unseen = fx.unseen_after_seen;
        return null;
    }
    return undefined;
  };
}

/**
 * The cards as the core chose them, for the words of the mock's pages (and
 * for a few more: paste an example with `page: false` from
 * `fixtures/guidance.json` into today's page to see its cards). Words the
 * fixture does not hold get the cards of that day's page as written, or of a
 * blank page: choosing cards is the core's. "Not today" shows the core's
 * answer with the latest card set aside on that day (earlier ones come back).
 */
function guidanceMock(fx: GuidanceFixture) {
  /** Cards set aside, by day, in the order they were. */
  const aside = new Map<string, string[]>();
  let helpful: string[] = fx.library.filter((c) => c.theme === 'urges').map((c) => c.id).slice(0, 1);
  const blank = fx.examples.find((e) => e.date === fx.today && e.text === '');
  return (cmd: string, a: Record<string, unknown>): unknown => {
    switch (cmd) {
      case 'guidance': {
        const date = a.date as string;
        const text = (a.text as string) ?? '';
        const mood = (a.mood as number | null) ?? null;
        const example =
          fx.examples.find((e) => e.date === date && e.text === text && e.mood === mood) ??
          fx.examples.find((e) => e.date === date && e.text === text) ??
          fx.examples.find((e) => e.date === date && e.page) ??
          blank;
        if (!example) return [];
        const latest = aside.get(date)?.at(-1);
        return (latest !== undefined ? example.set_aside[latest] : undefined) ?? example.suggestions;
      }
      case 'guidance_library':
        return fx.library;
      case 'helpful_cards':
        return helpful;
      case 'set_card_helpful': {
        const id = a.id as string;
        helpful = helpful.filter((x) => x !== id);
        if (a.helpful) helpful.unshift(id);
        return null;
      }
      case 'set_card_aside': {
        const date = a.date as string;
        const ids = (aside.get(date) ?? []).filter((x) => x !== a.id);
        if (a.aside !== false) ids.push(a.id as string);
        aside.set(date, ids);
        return null;
      }
    }
    return undefined;
  };
}

/**
 * The settings as the core keeps them. A change the fixture holds gets the
 * core's answer to it (the stored value, or its refusal); any other is kept
 * as given, unchecked: checking is the core's.
 * Mode `settings-error` refuses every change, to see how a refusal looks.
 */
function settingsMock(mode: string, fx: SettingsFixture) {
  const values = new Map<string, string>(fx.entries.map(({ key, value }) => [key, value]));
  return (cmd: string, a: Record<string, unknown>): unknown => {
    switch (cmd) {
      case 'settings_get':
        return [...values].map(([key, value]): SettingEntry => ({ key, value }));
      case 'settings_set': {
        const key = a.key as string;
        const value = a.value as string;
        if (mode === 'settings-error') {
          throw invalid('The journal is busy just now, so this was not changed. Try again in a moment.');
        }
        const example = fx.examples.find((e) => e.key === key && e.value === value);
        if (example && 'error' in example.answer) throw example.answer.error;
        const entry = example && 'ok' in example.answer ? example.answer.ok : { key, value };
        values.set(entry.key, entry.value);
        return entry;
      }
      case 'notification_preview':
        // The core's words, in the default scenario (a period open).
        return a.discreet ? fx.previews.discreet : fx.previews.plain;
    }
    return undefined;
  };
}

export function installDevMock(mode = ''): void {
  const today = localToday();
  const guidanceFx = dated<GuidanceFixture>(guidanceFixture, today);
  // The pages are the guidance fixture's, so the cards beside them are the
  // core's answer for exactly those words.
  const pages = new Map<string, { body: string; mood: number | null }>(
    guidanceFx.examples.filter((e) => e.page).map((e) => [e.date, { body: e.text, mood: e.mood }]),
  );
  /** Drafts of the forms beside the page, as the journal keeps them. */
  const drafts = new Map<string, string>();
  const page = (date: string): Page => {
    const p = pages.get(date);
    return {
      date,
      body: p?.body ?? '',
      mood: p?.mood ?? null,
      // A stand-in: the real count is the core's (journal-core count_words).
      words: (p?.body ?? '').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length,
      created_at: p ? '2026-01-01T08:00:00Z' : null,
      updated_at: p ? '2026-01-01T08:00:00Z' : null,
      version: p ? 1 : 0,
      written: p ? p.body.trim() !== '' || p.mood !== null : false,
    };
  };
  // Mode `recovery`: words an earlier close kept; `recovery-damaged`: a file
  // that cannot be read.
  let recovered: RecoveredPage[] =
    mode === 'recovery'
      ? [{ date: addDays(today, -1), body: 'The evening was long. I kept busy and it passed.', mood: 3 }]
      : [];
  const space = spaceMock(mode, today);
  const guidance = guidanceMock(guidanceFx);
  const settings = settingsMock(mode, dated<SettingsFixture>(settingsFixture, today));
  let welcomed = false;
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    // `undefined` means "not mine" (`null` is an answer, so no `??` here).
    for (const part of [space, guidance, settings]) {
      const answer = part(cmd, a);
      if (answer !== undefined) return answer;
    }
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
        return { page: page(a.date as string), replaced_elsewhere: null };
      case 'page_revisions':
        return [];
      case 'calendar_days':
        return [...pages.keys()]
          .filter((d) => d >= (a.from as string) && d <= (a.to as string))
          .sort()
          .map((d) => ({
            date: d,
            written: true,
            mood: pages.get(d)?.mood ?? null,
            began: false,
            reached_out: false,
            they_reached_out: false,
          }));
      case 'get_draft': {
        const body = drafts.get(a.key as string);
        return body === undefined ? null : { key: a.key, body, updated_at: new Date().toISOString() };
      }
      case 'save_draft':
        if ((a.body as string).trim() === '') drafts.delete(a.key as string);
        else drafts.set(a.key as string, a.body as string);
        return null;
      case 'discard_draft':
        drafts.delete(a.key as string);
        return null;
      case 'close_ready':
      case 'close_hold':
        return null;
      case 'read_recovery':
        if (mode === 'recovery-damaged') {
          throw {
            code: 'recovery_unreadable',
            message:
              'the recovery file journal.db.recovery.json could not be read (expected value at line 1 column 1). ' +
              'It was left as it is, so nothing in it is lost; it is plain text you can open in any text editor.',
          };
        }
        return recovered;
      case 'write_recovery':
        for (const p of a.pages as RecoveredPage[]) recovered.push(p);
        return null;
      case 'discard_recovery':
        recovered = [];
        return null;
      case 'welcome_state':
        // `?mode=welcome` shows the first-start welcome.
        return mode === 'welcome' && !welcomed;
      case 'welcome_done':
        welcomed = true;
        return null;
      case 'painted':
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
