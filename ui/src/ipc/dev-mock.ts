// Development only (imported behind `import.meta.env.DEV` in main.ts, so it
// never reaches a build): a pretend back end with a few pages, to look at the
// page in a plain browser.

import { mockIPC } from '@tauri-apps/api/mocks';
import type { Page } from './bindings/Page';
import type { Contact } from './bindings/Contact';
import type { ContactKind } from './bindings/ContactKind';
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

const MILESTONES = [1, 3, 7, 14, 21, 30, 60, 90, 180, 365];

/**
 * A rough copy of the Rust counting rules, enough to look at the page.
 * Modes: `space-new` (nothing started yet), `space-past` (one period ended),
 * `milestone` (a milestone waiting to be acknowledged); anything else opens
 * a period with a few events in it.
 */
function spaceMock(mode: string, today: string) {
  const periods: Period[] = [];
  const contacts: Contact[] = [];
  const urges: Urge[] = [];
  const seen = new Set<string>();
  let nextId = 1;
  const at = (date: string, hour = 12) => `${date}T${String(hour).padStart(2, '0')}:00:00Z`;
  const addContact = (kind: ContactKind, date: string, note: string | null, hour = 12) =>
    contacts.push({ id: nextId++, at: at(date, hour), date, kind, note });
  const addUrge = (date: string, intensity: number | null, note: string | null, hour = 12) =>
    urges.push({ id: nextId++, at: at(date, hour), date, intensity, note });

  if (mode !== 'space-new') {
    const start = addDays(today, -40);
    const end = addDays(today, -20);
    const note = 'I am going to give you the room you asked for. I am all right, and I am here.';
    periods.push({
      id: nextId++,
      start,
      upfront_note: note,
      end,
      outcome: 'We talked calmly in the end. Not fixed, but kinder.',
    });
    addContact('upfront', start, note, 19);
    addUrge(addDays(start, 2), 5, 'Our anniversary. I wrote a message and deleted it.', 22);
    addContact('necessary', addDays(start, 5), 'The car insurance renewal.', 9);
    addUrge(addDays(start, 9), 2, null, 13);
    addContact('they-reached-out', addDays(start, 15), 'They sent a photo of the dog.', 17);
  }
  if (mode !== 'space-new' && mode !== 'space-past') {
    const start = addDays(today, mode === 'milestone' ? -3 : -12);
    const note =
      'I can see you need some room, and I want to respect that. I will step back for a while. ' +
      'I am okay, and I am here if you need me.';
    periods.push({ id: nextId++, start, upfront_note: note, end: null, outcome: null });
    addContact('upfront', start, note, 19);
    if (mode !== 'milestone') {
      addUrge(addDays(today, -11), 4, 'Saw their jacket by the door.', 20);
      addContact('necessary', addDays(today, -9), 'Sorted out the school pickup for Thursday.', 8);
      addContact('pursued', addDays(today, -6), 'Sent a long message late at night.', 23);
      addUrge(addDays(today, -4), null, null, 14);
      addContact('they-reached-out', addDays(today, -2), 'They asked how I was doing.', 18);
      addUrge(addDays(today, -1), 3, 'Sunday evenings are the hardest.', 21);
    }
  }

  const current = () => periods.at(-1) ?? null;
  const standing = <T extends { removed_at?: string }>(xs: T[]) => xs.filter((x) => x.removed_at === undefined);

  /** The figures of a period on its last day (today while it is open). */
  function status(p: Period | null = current()): SpaceStatus {
    const base: SpaceStatus = {
      as_of: today,
      current_streak_days: 0,
      best_streak_days: 0,
      total_space_days: 0,
      urges_resisted: 0,
      contacts: { pursued: 0, necessary: 0, 'they-reached-out': 0, upfront: 0 },
      period: null,
      next_milestone: null,
      last_reset: null,
    };
    if (!p) return base;
    const last = p.end ?? today;
    const within = (d: string) => d >= p.start && d <= last;
    const inside = standing(contacts).filter((c) => within(c.date));
    for (const c of inside) base.contacts[c.kind] += 1;
    base.urges_resisted = standing(urges).filter((u) => within(u.date)).length;
    const pursuits = [...new Set(inside.filter((c) => c.kind === 'pursued').map((c) => c.date))].sort();
    const resets = [p.start, ...pursuits.filter((d) => d > p.start)];
    const latest = resets.at(-1) ?? p.start;
    base.current_streak_days = daysBetween(latest, last);
    const runs = resets.slice(1).map((d, i) => Math.max(0, daysBetween(resets[i], d) - 1));
    base.best_streak_days = Math.max(base.current_streak_days, ...runs);
    base.total_space_days = Math.max(0, daysBetween(p.start, last) - pursuits.filter((d) => d > p.start).length);
    base.last_reset = pursuits.at(-1) ?? null;
    base.as_of = last;
    base.period = { start: p.start, end: p.end, days_since_start: daysBetween(p.start, last) };
    if (p.end === null) {
      const m = MILESTONES.find((n) => n > base.current_streak_days);
      if (m !== undefined) base.next_milestone = { days: m, in_days: m - base.current_streak_days };
    }
    return base;
  }

  function overview(): SpaceOverview {
    const p = current();
    const s = status();
    const within = (d: string) => p !== null && d >= p.start && d <= (p.end ?? today);
    let unseen: number | null = null;
    if (p && p.end === null) {
      const reached = [...MILESTONES].reverse().find((n) => n <= s.current_streak_days);
      if (reached !== undefined && !seen.has(`${p.id}:${reached}`)) unseen = reached;
    }
    return {
      status: s,
      period: p,
      contacts: standing(contacts).filter((c) => within(c.date)),
      urges: standing(urges).filter((u) => within(u.date)),
      unseen_milestone: unseen,
      past_periods: periods.filter((x) => x.end !== null).reverse(),
    };
  }

  const open = () => {
    const p = current();
    return p && p.end === null ? p : null;
  };
  const invalid = (message: string) => ({ code: 'invalid_input', message });

  /** Like the core: an event dated inside an ended period, or before the open one, is refused. */
  function checkDay(date: string): void {
    const o = open();
    if (o) {
      if (date < o.start) throw invalid(`${date} is before your period of giving space began (${o.start})`);
      return;
    }
    const ended = periods.find((x) => x.end !== null && x.start <= date && date <= x.end);
    if (ended) {
      throw invalid(
        `${date} is inside a period of giving space that has ended (${ended.start} to ${ended.end}); ` +
          'an ended period stays as it was, so nothing was logged',
      );
    }
  }

  function event<T extends { id: number; date: string; removed_at?: string }>(xs: T[], id: number, what: string): T {
    const x = xs.find((e) => e.id === id);
    if (!x) throw invalid(`there is no ${what} numbered ${id}`);
    return x;
  }

  /** Moves an event to another day, as the core does (checked, noon of that day). */
  function moveTo(x: { at: string; date: string }, date: unknown): void {
    if (typeof date !== 'string' || date === x.date) return;
    if (date > today) throw invalid(`${date} is in the future`);
    checkDay(date);
    x.date = date;
    x.at = at(date);
  }

  function editNote(x: { note: string | null }, note: unknown): void {
    if (typeof note === 'string') x.note = note.trim() === '' ? null : note.trim();
  }

  return (cmd: string, a: Record<string, unknown>): unknown => {
    switch (cmd) {
      case 'space_overview':
        return overview();
      case 'space_status':
        return status();
      case 'start_period': {
        if (open()) throw invalid('a period of giving space is already open');
        const start = (a.start as string | null) ?? today;
        const note = (a.note as string | null) ?? null;
        const p: Period = { id: nextId++, start, upfront_note: note, end: null, outcome: null };
        periods.push(p);
        if (note) addContact('upfront', start, note);
        return p;
      }
      case 'end_period': {
        const p = open();
        if (!p) throw invalid('there is no open period of giving space to end');
        p.end = (a.end as string | null) ?? today;
        p.outcome = (a.outcome as string | null) ?? null;
        return p;
      }
      case 'log_contact': {
        const date = (a.date as string | null) ?? today;
        checkDay(date);
        addContact(a.kind as ContactKind, date, (a.note as string | null) ?? null, new Date().getUTCHours());
        return contacts.at(-1);
      }
      case 'log_urge': {
        const date = (a.date as string | null) ?? today;
        checkDay(date);
        addUrge(date, (a.intensity as number | null) ?? null, (a.note as string | null) ?? null, new Date().getUTCHours());
        return urges.at(-1);
      }
      case 'edit_contact': {
        const c = event(contacts, a.id as number, 'contact');
        if (c.removed_at !== undefined) throw invalid(`contact ${c.id} was removed; put it back before changing it`);
        checkDay(c.date);
        moveTo(c, a.date);
        if (typeof a.kind === 'string') c.kind = a.kind as ContactKind;
        editNote(c, a.note);
        return { ...c };
      }
      case 'edit_urge': {
        const u = event(urges, a.id as number, 'urge');
        if (u.removed_at !== undefined) throw invalid(`urge ${u.id} was removed; put it back before changing it`);
        checkDay(u.date);
        moveTo(u, a.date);
        if (typeof a.intensity === 'number') u.intensity = a.intensity;
        editNote(u, a.note);
        return { ...u };
      }
      case 'remove_contact':
      case 'remove_urge':
      case 'restore_contact':
      case 'restore_urge': {
        const x = cmd.endsWith('contact') ? event(contacts, a.id as number, 'contact') : event(urges, a.id as number, 'urge');
        checkDay(x.date);
        if (cmd.startsWith('remove')) x.removed_at ??= new Date().toISOString();
        else delete x.removed_at;
        return { ...x };
      }
      case 'period_detail': {
        const p = periods.find((x) => x.id === a.id);
        if (!p) throw invalid(`there is no period numbered ${String(a.id)}`);
        const within = (d: string) => d >= p.start && d <= (p.end ?? today);
        return {
          period: p,
          status: status(p),
          contacts: standing(contacts).filter((c) => within(c.date)),
          urges: standing(urges).filter((u) => within(u.date)),
        } satisfies PeriodDetail;
      }
      case 'mark_milestone_seen': {
        const p = open();
        if (p) seen.add(`${p.id}:${a.days as number}`);
        return null;
      }
    }
    return undefined;
  };
}

/** Made-up cards, one per theme, only for looking at the views in a browser. */
const MOCK_CARDS: LibraryCard[] = [
  {
    id: 'mock-upfront',
    theme: 'upfront',
    title: 'Say it once, kindly',
    body:
      'Before stepping back, tell them plainly that you will give them room, that you are all right, and that you are around if they need you.\n\n' +
      'A few calm lines are enough:\n\n' +
      '- You heard them.\n- You are okay.\n- The door is open.',
  },
  {
    id: 'mock-giving-space',
    theme: 'giving-space',
    title: 'One day at a time',
    body:
      'You do not have to keep your word for a month today. Only for today.\n\n' +
      'Each quiet day shows that what you said holds. That is worth something, whatever comes next.',
  },
  {
    id: 'mock-not-too-far',
    theme: 'not-too-far',
    title: 'A door left open',
    body:
      'Room is not the same as a wall. Stay polite, answer practical questions, and let them know you are fine if they ask.\n\n' +
      'Going fully silent can feel like a punishment to the other person, which is not what you mean.',
  },
  {
    id: 'mock-urges',
    theme: 'urges',
    title: 'Give the urge twenty minutes',
    body:
      'The pull to send a message rises like a wave, and waves pass. Set a timer and do something with your hands until it rings.\n\n' +
      'If you still want to write, write it here first. Nobody else will read it.\n\n' +
      'Most urges are quieter by the time the timer goes off. The ones that are not can wait until morning.',
  },
  {
    id: 'mock-waiting',
    theme: 'waiting',
    title: 'Put the phone in another room',
    body:
      'Checking for a reply every few minutes keeps the ache fresh. Leave the phone somewhere else for an hour and see how the evening feels.\n\n' +
      'Their quiet is not a verdict on you.',
  },
  {
    id: 'mock-support',
    theme: 'support',
    title: 'Let someone keep you company',
    body:
      'This is a lot to carry alone. Pick one steady person you can message when the evenings are long.\n\n' +
      'You do not need to explain everything. "Can we talk for ten minutes?" is enough.',
  },
  {
    id: 'mock-self-work',
    theme: 'self-work',
    title: 'Small care, every day',
    body:
      'When things hurt, the basics slip first. Choose a couple and do them anyway:\n\n' +
      '- A proper meal.\n- Ten minutes outside.\n- Water, and an early night.',
  },
  {
    id: 'mock-sincerity',
    theme: 'sincerity',
    title: 'Not a tactic',
    body: 'Stepping back works best when you mean it: room for them, and time for you. It is not a test they have to pass.',
  },
  {
    id: 'mock-they-reached-out',
    theme: 'they-reached-out',
    title: 'Warm, brief, unhurried',
    body:
      'If they get in touch, answer kindly and keep it short. There is no need to make up for lost time in one message.\n\n' +
      'Let them set the pace. Notice how it felt, and write it down.',
  },
  {
    id: 'mock-setbacks',
    theme: 'setbacks',
    title: 'A slip is not the end',
    body:
      'You reached out. That happens to nearly everyone who tries this. It does not undo the days before.\n\n' +
      'Stop there, be kind to yourself, and begin again from today.',
  },
  {
    id: 'mock-necessary-contact',
    theme: 'necessary-contact',
    title: 'Practical messages are fine',
    body: 'Bills, appointments and the children still need you both. Keep those messages clear, friendly and about the matter at hand.',
  },
  {
    id: 'mock-safety',
    theme: 'safety',
    title: 'If you are not safe, this can wait',
    body:
      'If you feel unsafe at home, or are thinking of harming yourself, set this approach aside. You matter more than any plan.\n\n' +
      'Contact local emergency services or a crisis line now, and tell someone you trust.',
  },
];

/** A rough imitation of the Rust matching: enough to see the panel change as you type. */
function guidanceMock(today: string) {
  const aside = new Set<string>();
  let helpful: string[] = ['mock-urges'];
  const card = (id: string) => MOCK_CARDS.find((c) => c.id === `mock-${id}`) as LibraryCard;
  const rules: [RegExp, string, string][] = [
    [/\b(unsafe|hurt me|harm|scared|afraid)\b/i, 'safety', 'because some of what you wrote sounds like you may not be safe'],
    [/\b(text|call|message|reach out|write to)\b/i, 'urges', 'because you wrote about wanting to reach out'],
    [/\b(lonely|alone)\b/i, 'support', 'because you wrote about feeling alone'],
    [/\b(phone|reply|waiting|hear from)\b/i, 'waiting', 'because you wrote about waiting to hear from them'],
    [/\b(kids|children|school|bills)\b/i, 'necessary-contact', 'because you wrote about practical things'],
  ];
  return (cmd: string, a: Record<string, unknown>): unknown => {
    switch (cmd) {
      case 'guidance': {
        const date = a.date as string;
        const text = (a.text as string) ?? '';
        const mood = a.mood as number | null;
        const out: Suggestion[] = [];
        const add = (id: string, reason: string) => {
          const c = card(id);
          if (out.some((s) => s.id === c.id)) return;
          if (c.theme !== 'safety' && aside.has(`${date}:${c.id}`)) return;
          out.push({ ...c, reason });
        };
        for (const [re, id, reason] of rules) if (re.test(text)) add(id, reason);
        if (mood !== null && mood <= 2) add('self-work', 'because today feels heavy');
        add('giving-space', date === today ? 'for the weeks after the first' : 'for that stage of the period');
        add('sincerity', 'for the weeks after the first');
        add('not-too-far', 'for the weeks after the first');
        return out.slice(0, 3);
      }
      case 'guidance_library':
        return MOCK_CARDS;
      case 'helpful_cards':
        return helpful;
      case 'set_card_helpful': {
        const id = a.id as string;
        helpful = helpful.filter((x) => x !== id);
        if (a.helpful) helpful.unshift(id);
        return null;
      }
      case 'set_card_aside':
        aside.add(`${a.date as string}:${a.id as string}`);
        return null;
    }
    return undefined;
  };
}

/**
 * The settings with roughly the Rust checks, enough to use the Settings page.
 * Mode `settings-error` refuses every change, to see how a refusal looks.
 */
function settingsMock(mode: string) {
  const values = new Map<string, string>([
    ['daily.enabled', 'true'],
    ['daily.time', '20:30'],
    ['daily.days', 'mon,tue,wed,thu,fri,sat,sun'],
    ['quiet.enabled', 'true'],
    ['quiet.start', '22:00'],
    ['quiet.end', '08:00'],
    ['discreet', 'true'],
    ['milestones', 'true'],
    ['checkin.days', '3'],
    ['autostart', 'false'],
    ['close_to_tray', 'true'],
  ]);
  const week = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  const invalid = (message: string) => ({ code: 'invalid_input', message });
  const check = (key: string, raw: string): string => {
    const v = raw.trim();
    if (key === 'daily.time' || key === 'quiet.start' || key === 'quiet.end') {
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(v)) {
        throw invalid(`${key} must be a 24-hour time HH:MM, for example 20:30 (got "${raw}")`);
      }
      return v;
    }
    if (key === 'daily.days') {
      const parts = v.split(',').map((d) => d.trim().toLowerCase());
      if (parts.some((d) => !week.includes(d))) {
        throw invalid(`${key} must be days from mon,tue,wed,thu,fri,sat,sun separated by commas (got "${raw}")`);
      }
      return week.filter((d) => parts.includes(d)).join(',');
    }
    if (key === 'checkin.days') {
      const n = Number(v);
      if (v === '' || !Number.isInteger(n) || n < 0 || n > 30) {
        throw invalid(`checkin.days must be a whole number from 0 (off) to 30 (got "${raw}")`);
      }
      return String(n);
    }
    if (v !== 'true' && v !== 'false') throw invalid(`${key} must be true or false (got "${raw}")`);
    return v;
  };
  return (cmd: string, a: Record<string, unknown>): unknown => {
    switch (cmd) {
      case 'settings_get':
        return [...values].map(([key, value]): SettingEntry => ({ key, value }));
      case 'settings_set': {
        const key = a.key as string;
        if (!values.has(key)) throw invalid(`there is no setting "${key}"`);
        if (mode === 'settings-error') {
          throw invalid('The journal is busy just now, so this was not changed. Try again in a moment.');
        }
        const value = check(key, a.value as string);
        values.set(key, value);
        return { key, value } satisfies SettingEntry;
      }
    }
    return undefined;
  };
}

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
  const guidance = guidanceMock(today);
  const settings = settingsMock(mode);
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    const answer = space(cmd, a) ?? guidance(cmd, a) ?? settings(cmd, a);
    if (answer !== undefined) return answer;
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
      case 'list_pages':
        return [...pages.keys()]
          .filter((d) => d >= (a.from as string) && d <= (a.to as string))
          .sort()
          .map((d) => ({ date: d, mood: pages.get(d)?.mood ?? null, words: page(d).words, first_line: '' }));
      case 'notification_preview':
        // A stand-in for the core's wording (journal_core::notification_text).
        return {
          title: 'Breathing Room',
          body: a.discreet ? 'A quiet moment for your pages' : 'A few lines before the day ends? Your page is waiting.',
        };
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
