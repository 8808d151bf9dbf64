import { describe, expect, it } from 'vitest';
import type { SpaceStatus } from '../src/ipc/bindings/SpaceStatus';
import {
  APPROACH,
  DRAFT_NOTE,
  KINDS,
  NOTICE,
  TONE_TIPS,
  buildTimeline,
  contactLoggedLine,
  contactTally,
  dayZeroLine,
  milestoneMessage,
  nextMilestoneText,
  sinceLine,
  summaryLine,
  urgeLoggedLine,
} from '../src/lib/space-words';
import { shortDate } from '../src/lib/dates';

const SHAMING = /broken|broke |fail|reset|streak|relapse|lost|ruin|weak|guarantee/i;

function status(over: Partial<SpaceStatus> = {}): SpaceStatus {
  return {
    as_of: '2026-11-29',
    current_streak_days: 6,
    best_streak_days: 6,
    total_space_days: 6,
    urges_resisted: 3,
    contacts: { pursued: 0, necessary: 0, 'they-reached-out': 0, upfront: 0 },
    period: { start: '2026-11-23', end: null, days_since_start: 6 },
    next_milestone: { days: 7, in_days: 1 },
    last_reset: null,
    time_with_people: { last_date: null, days_since: null, count_7d: 0 },
    ...over,
  };
}

describe('space words', () => {
  it('puts the counts into plain lines', () => {
    expect(summaryLine(status())).toBe('Day 6 of giving space · 3 urges held');
    expect(summaryLine(status({ current_streak_days: 1, urges_resisted: 1 }))).toBe(
      'Day 1 of giving space · 1 urge held',
    );
    // The milestone by its day, so "days" is said once; never "1 day — in 1 day".
    expect(nextMilestoneText({ days: 7, in_days: 1 })).toBe('Day 7, tomorrow');
    expect(nextMilestoneText({ days: 14, in_days: 5 })).toBe('Day 14, in 5 days');
    expect(nextMilestoneText({ days: 1, in_days: 1 })).toBe('Day 1, tomorrow');
  });

  it('says something kind on a day 0', () => {
    expect(dayZeroLine(status())).toBe('');
    expect(dayZeroLine(status({ current_streak_days: 0, total_space_days: 0 }))).toBe(
      'Today is day 0: you have begun.',
    );
    expect(
      dayZeroLine(status({ current_streak_days: 0, total_space_days: 9, last_reset: '2026-11-29' })),
    ).toBe('The count begins again from today. The 9 days of space before it still count.');
  });

  it('never shames, never promises', () => {
    const all = [
      ...APPROACH,
      DRAFT_NOTE,
      ...TONE_TIPS,
      ...KINDS.flatMap((k) => [k.label, k.explain, k.short]),
      ...[1, 3, 7, 14, 21, 30, 60, 90, 180, 365].flatMap((n) => Object.values(milestoneMessage(n))),
      dayZeroLine(status({ current_streak_days: 0, total_space_days: 4, last_reset: '2026-11-29' })),
    ];
    for (const line of all) expect(line).not.toMatch(SHAMING);
  });

  it('drafts a short, first-person, gender-neutral note', () => {
    const sentences = DRAFT_NOTE.split(/(?<=[.!?])\s+/);
    expect(sentences.length).toBeGreaterThanOrEqual(3);
    expect(sentences.length).toBeLessThanOrEqual(5);
    expect(DRAFT_NOTE).toMatch(/\bI\b/);
    expect(DRAFT_NOTE).not.toMatch(/\b(he|she|him|her|his|husband|wife)\b/i);
  });

  it('orders the timeline newest first and folds the day-0 note into day 0', () => {
    const period = { id: 1, start: '2026-11-20', upfront_note: 'Stepping back.', end: null, outcome: null };
    const entries = buildTimeline(
      period,
      [
        { id: 1, at: '2026-11-20T18:00:00Z', date: '2026-11-20', kind: 'upfront', note: 'Stepping back.' },
        { id: 2, at: '2026-11-22T09:00:00Z', date: '2026-11-22', kind: 'pursued', note: null },
        { id: 3, at: '2026-11-22T07:00:00Z', date: '2026-11-22', kind: 'upfront', note: 'Said it again, kindly.' },
      ],
      [{ id: 9, at: '2026-11-22T12:00:00Z', date: '2026-11-22', intensity: 2, note: null }],
    );
    expect(entries.map((e) => e.key)).toEqual(['u9', 'c2', 'c3', 'p1']);
    expect(entries.at(-1)).toEqual({ key: 'p1', type: 'start', date: '2026-11-20', note: 'Stepping back.' });
  });

  it('writes short dates, with the year only when it differs', () => {
    expect(shortDate('2026-11-29', '2026-12-01')).toBe('Sun 29 Nov');
    expect(shortDate('2025-11-29', '2026-01-01')).toBe('Sat 29 Nov 2025');
  });

  it('says what was logged, changed or taken back plainly, and names an earlier day', () => {
    const lines = [
      ...Object.values(NOTICE),
      ...KINDS.map((k) => contactLoggedLine(k.kind, null, '2026-11-29')),
      urgeLoggedLine(null, '2026-11-29', 0),
      urgeLoggedLine(null, '2026-11-29', 1),
    ];
    for (const line of lines) expect(line).not.toMatch(SHAMING);
    expect(contactLoggedLine('pursued', null, '2026-11-29')).toBe('Logged: you reached out.');
    expect(urgeLoggedLine('2026-11-24', '2026-11-29')).toBe(
      'Logged for Tue 24 Nov: you held back an urge. That took strength.',
    );
    expect(urgeLoggedLine('2026-11-29', '2026-11-29', 1)).toBe(
      'Logged: you held back an urge. You let it pass, and that counts.',
    );
  });

  it('tallies contacts by kind in the timeline’s words, leaving out kinds with none', () => {
    expect(contactTally({ pursued: 0, necessary: 2, 'they-reached-out': 1, upfront: 0 })).toEqual([
      { kind: 'necessary', label: 'Necessary contact', n: 2 },
      { kind: 'they-reached-out', label: 'They reached out', n: 1 },
    ]);
  });

  it('says when the period began, and when this stretch began once the count started again', () => {
    expect(sinceLine(status({ as_of: '2026-12-03', last_reset: null }), '2026-10-20')).toBe(
      'Since Tuesday, 20 October 2026',
    );
    expect(sinceLine(status({ as_of: '2026-12-03', last_reset: '2026-11-02' }), '2026-10-20')).toBe(
      'Since Tue 20 Oct · this stretch since Mon 2 Nov',
    );
  });
});
