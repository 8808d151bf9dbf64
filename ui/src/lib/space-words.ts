// The words the "giving space" views use, kept in one place so the tone can
// be read (and tested) as a whole. Counting is done on the Rust side; these
// helpers only put its numbers into plain sentences.

import type { Contact } from '../ipc/bindings/Contact';
import type { ContactCounts } from '../ipc/bindings/ContactCounts';
import type { ContactKind } from '../ipc/bindings/ContactKind';
import type { NextMilestone } from '../ipc/bindings/NextMilestone';
import type { Period } from '../ipc/bindings/Period';
import type { SpaceStatus } from '../ipc/bindings/SpaceStatus';
import type { Urge } from '../ipc/bindings/Urge';
import { longDate, shortDate } from './dates';

export function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

export function urgesHeld(n: number): string {
  return n === 1 ? '1 urge held' : `${n} urges held`;
}

/** True while a period is open (begun and not ended). */
export function isOpen(status: SpaceStatus | null): boolean {
  return status?.period != null && status.period.end === null;
}

/** "Day 6 of giving space" */
export function dayCountLine(status: SpaceStatus): string {
  return `Day ${status.current_streak_days} of giving space`;
}

/** "Day 6 of giving space · 3 urges held", for the Today page. */
export function summaryLine(status: SpaceStatus): string {
  return `${dayCountLine(status)} · ${urgesHeld(status.urges_resisted)}`;
}

/**
 * When the period began and, once the count has started again, when this
 * stretch began: "Since Tuesday, 20 October 2026", or "Since Tue 20 Oct ·
 * this stretch since Mon 2 Nov".
 */
export function sinceLine(status: SpaceStatus, start: string): string {
  const reset = status.last_reset;
  if (reset === null || reset <= start) return `Since ${longDate(start)}`;
  return `Since ${shortDate(start, status.as_of)} · this stretch since ${shortDate(reset, status.as_of)}`;
}

/** A period was open on the day the status is as of (it may have ended since). */
export function openOnItsDay(status: SpaceStatus | null): boolean {
  const p = status?.period;
  return p != null && p.start <= status!.as_of && (p.end === null || p.end >= status!.as_of);
}

/** "On this day: day 12 of giving space · 2 urges held", beside an earlier day's page. */
export function pastSummaryLine(status: SpaceStatus): string {
  return `On this day: day ${status.current_streak_days} of giving space · ${urgesHeld(status.urges_resisted)}`;
}

/** "Day 7, in 4 days"; "Day 1, tomorrow" */
export function nextMilestoneText(next: NextMilestone): string {
  // "Day 7, in 4 days": the milestone by its day, so "days" is said once.
  return `Day ${next.days}, ${next.in_days === 1 ? 'tomorrow' : `in ${days(next.in_days)}`}`;
}

/**
 * A quiet line under the day count on day 0 of a run: either the very first
 * day, or a day on which the count began again.
 */
export function dayZeroLine(status: SpaceStatus): string {
  if (status.current_streak_days !== 0 || status.period === null) return '';
  if (status.last_reset !== null && status.last_reset === status.as_of) {
    return status.total_space_days > 0
      ? `The count begins again from today. The ${days(status.total_space_days)} of space before it still count.`
      : 'The count begins again from today.';
  }
  return 'Today is day 0: you have begun.';
}

export interface KindInfo {
  kind: ContactKind;
  /** The choice, in the first person. */
  label: string;
  /** One plain line under the choice. */
  explain: string;
  /** How it reads in the timeline. */
  short: string;
}

export const KINDS: readonly KindInfo[] = [
  {
    kind: 'pursued',
    label: 'I reached out',
    explain:
      'A text, a call or a visit that was not something that had to be said. This is the only kind that starts the day count again. It happens; every day before it still counts.',
    short: 'I reached out',
  },
  {
    kind: 'necessary',
    label: 'Necessary contact',
    explain: 'Children, money, arrangements, safety, or letting them know I’m OK.',
    short: 'Necessary contact',
  },
  {
    kind: 'they-reached-out',
    label: 'They reached out',
    explain: 'Worth noticing, and it does not change your count.',
    short: 'They reached out',
  },
  {
    kind: 'upfront',
    label: 'Told them I am stepping back',
    explain: 'The talk or note telling them honestly that you are giving them the room they asked for.',
    short: 'Told them I am stepping back',
  },
];

export function kindInfo(kind: ContactKind): KindInfo {
  return KINDS.find((k) => k.kind === kind) ?? KINDS[1];
}

const MILESTONE_WORDS: Record<number, string> = {
  1: 'A whole day. It may have felt long, and you did what you set out to do.',
  3: 'The first days are often the hardest. You kept your word to yourself.',
  7: 'A full week. However today feels, you kept your word to yourself.',
  14: 'Two weeks of letting them have room, and of making some for yourself.',
  21: 'Three weeks. Whatever comes next, this steadiness is yours.',
  30: 'A month. You have shown yourself you can do a hard thing gently.',
};

/** A gentle acknowledgement for a milestone. */
export function milestoneMessage(n: number): { title: string; body: string } {
  return {
    title: `${days(n)} of giving space`,
    body:
      MILESTONE_WORDS[n] ??
      'However today feels, you kept your word to yourself. That is worth a quiet moment.',
  };
}

/** Each kind with how many were logged, leaving out the kinds with none. */
export function contactTally(counts: ContactCounts): { kind: ContactKind; label: string; n: number }[] {
  return KINDS.map((k) => ({ kind: k.kind, label: k.short, n: counts[k.kind] })).filter((k) => k.n > 0);
}

// The calm line shown after each change on the Space page, beside "Undo".

const URGE_THANKS = ['That took strength.', 'You let it pass, and that counts.'];

const CONTACT_LOGGED: Record<ContactKind, string> = {
  pursued: 'you reached out.',
  necessary: 'a necessary contact.',
  'they-reached-out': 'they reached out. Worth noticing.',
  upfront: 'you told them you are stepping back.',
};

/** " for Tue 24 Nov" when the event was logged for an earlier day. */
function forDay(date: string | null, today: string): string {
  return date !== null && date !== '' && date !== today ? ` for ${shortDate(date, today)}` : '';
}

/** "Logged: you held back an urge. That took strength." (the thanks take turns). */
export function urgeLoggedLine(date: string | null, today: string, nth = 0): string {
  return `Logged${forDay(date, today)}: you held back an urge. ${URGE_THANKS[nth % URGE_THANKS.length]}`;
}

/** "Logged: they reached out. Worth noticing." */
export function contactLoggedLine(kind: ContactKind, date: string | null, today: string): string {
  return `Logged${forDay(date, today)}: ${CONTACT_LOGGED[kind]}`;
}

export const NOTICE = {
  changed: 'Changed.',
  removed: 'Removed. It no longer counts.',
  /** After undoing a log. */
  takenBack: 'Taken back.',
  /** After undoing a removal. */
  putBack: 'Put back. It counts again.',
  /** After undoing a change. */
  changedBack: 'Changed back.',
  /** After undoing a change that gave an urge a strength it had not had: that stays. */
  undoFailed: 'That could not be undone just now.',
} as const;

export type TimelineEntry =
  | { key: string; type: 'start'; date: string; note: string | null }
  | {
      key: string;
      type: 'contact';
      id: number;
      date: string;
      at: string;
      kind: ContactKind;
      note: string | null;
    }
  | {
      key: string;
      type: 'urge';
      id: number;
      date: string;
      at: string;
      intensity: number | null;
      note: string | null;
    };

function instant(at: string): number {
  const t = Date.parse(at);
  return Number.isNaN(t) ? 0 : t;
}

/**
 * The period's events, newest first, ending with day 0. The upfront note
 * given when the period began is shown with day 0 rather than twice.
 */
export function buildTimeline(period: Period, contacts: Contact[], urges: Urge[]): TimelineEntry[] {
  const rows: { entry: TimelineEntry; t: number; id: number }[] = [];
  let folded = false;
  for (const c of contacts) {
    const isDayZeroNote =
      c.kind === 'upfront' &&
      c.date === period.start &&
      period.upfront_note !== null &&
      c.note === period.upfront_note;
    if (isDayZeroNote && !folded) {
      folded = true;
      continue;
    }
    rows.push({
      entry: { key: `c${c.id}`, type: 'contact', id: c.id, date: c.date, at: c.at, kind: c.kind, note: c.note },
      t: instant(c.at),
      id: c.id,
    });
  }
  for (const u of urges) {
    rows.push({
      entry: {
        key: `u${u.id}`,
        type: 'urge',
        id: u.id,
        date: u.date,
        at: u.at,
        intensity: u.intensity,
        note: u.note,
      },
      t: instant(u.at),
      id: u.id,
    });
  }
  rows.sort((a, b) => b.entry.date.localeCompare(a.entry.date) || b.t - a.t || b.id - a.id);
  const entries = rows.map((r) => r.entry);
  entries.push({ key: `p${period.id}`, type: 'start', date: period.start, note: period.upfront_note });
  return entries;
}

export const INTENSITIES = [
  { value: 1, label: 'Faint' },
  { value: 2, label: 'Mild' },
  { value: 3, label: 'Strong' },
  { value: 4, label: 'Very strong' },
  { value: 5, label: 'Overwhelming' },
];

export function intensityLabel(n: number | null): string {
  return INTENSITIES.find((i) => i.value === n)?.label ?? '';
}

/** What the approach is, in two plain sentences. */
export const APPROACH = [
  'If asking, explaining and pleading have only pushed your partner further away, this tries the opposite: you tell them calmly and honestly that you are stepping back, and then you really do.',
  'They get the room they asked for and you get time to steady yourself; nobody can promise how they will respond, but the pressure stops growing.',
];

/** A first draft of the upfront note, for the person to make their own. */
export const DRAFT_NOTE =
  'I can see you need some room, and I want to respect that. ' +
  'So I’m going to step back for a while and give you the space you asked for. ' +
  'Please know that I’m okay, and I’m here if you ever need me. ' +
  'I’ll be using this time to look after myself too.';

export const TONE_TIPS = [
  'Keep it calm and brief. A few honest lines say enough.',
  'Mean it. This is a real step back, not a move to win them over.',
  'Leave out ultimatums, blame and guilt, even gently worded ones.',
  'Say it once, then let it rest. No follow-up to see how it landed.',
];
