// What the Looking back page says about each chart, in one plain sentence
// (and the shapes the charts draw from), kept apart so each can be tested.

import type { Insights, MoodPoint, MoodWeek, WeekCounts } from '../ipc/insights';
import { moodLabel } from './words';
import { addDays, dayMonthYear } from './dates';

export type Span = '3m' | 'year' | 'all';

/** The first day of a span ending `today` (`null`: everything). */
export function spanStart(span: Span, today: string): string | null {
  if (span === 'all') return null;
  return addDays(today, span === '3m' ? -91 : -365);
}

const one = (n: number): string => (Math.round(n * 10) / 10).toFixed(1);

export function moodSummary(moods: MoodPoint[], weeks: MoodWeek[]): string {
  if (moods.length === 0) return 'No mood chosen in these days yet.';
  const avg = moods.reduce((s, m) => s + m.mood, 0) / moods.length;
  const label = moodLabel(Math.round(avg));
  const days = moods.length === 1 ? '1 day' : `${moods.length} days`;
  let s = `Over ${days} with a mood, it averaged ${one(avg)} (around ${label.toLowerCase()}).`;
  if (weeks.length >= 8) {
    const recent = weeks.slice(-4);
    const before = weeks.slice(-8, -4);
    const mean = (ws: MoodWeek[]) => ws.reduce((a, w) => a + w.average * w.days, 0) / ws.reduce((a, w) => a + w.days, 0);
    const r = mean(recent);
    const b = mean(before);
    const how = Math.abs(r - b) < 0.2 ? 'about the same as' : r > b ? 'higher than' : 'lower than';
    s += ` The last four weeks: ${one(r)}, ${how} the four before.`;
  }
  return s;
}

export function spaceSummary(data: Insights): string {
  const runs = data.periods.flatMap((p) => p.runs);
  if (runs.length === 0) return 'No period of giving space in these days.';
  const longest = Math.max(...runs.map((r) => r.days));
  const open = data.periods.find((p) => p.end === null);
  const current = open?.runs[open.runs.length - 1];
  const longestText = `The longest stretch of days of space: ${longest === 1 ? '1 day' : `${longest} days`}.`;
  if (!current) return longestText;
  const currentText = current.days === 1 ? '1 day' : `${current.days} days`;
  return `${longestText} The stretch you are in now: ${currentText}, since ${dayMonthYear(current.from)}.`;
}

export function weeksSummary(weeks: WeekCounts[]): string {
  const sum = (k: keyof WeekCounts) => weeks.reduce((a, w) => a + Number(w[k]), 0);
  const urges = sum('urges');
  const reached = sum('they-reached-out');
  const pursued = sum('pursued');
  if (urges + reached + pursued + sum('necessary') === 0) return 'Nothing logged in these weeks.';
  const parts = [
    urges === 1 ? '1 urge held back' : `${urges} urges held back`,
    reached === 1 ? 'they reached out once' : `they reached out ${reached} times`,
  ];
  if (pursued > 0) parts.push(pursued === 1 ? 'you reached out once' : `you reached out ${pursued} times`);
  return `In these weeks: ${parts.join(', ')}.`;
}

/** The weeks (Mondays) of `year`'s grid, each with its seven days (or null outside the year). */
export function yearGrid(year: number): (string | null)[][] {
  const first = `${year}-01-01`;
  const d = new Date(`${first}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7; // days since Monday
  let day = addDays(first, -back);
  const weeks: (string | null)[][] = [];
  while (day.slice(0, 4) <= String(year)) {
    const week: (string | null)[] = [];
    for (let i = 0; i < 7; i += 1) {
      week.push(day.slice(0, 4) === String(year) ? day : null);
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

export function writtenSummary(written: string[], year: number): string {
  const n = written.filter((d) => d.startsWith(String(year))).length;
  return n === 0 ? `No page written in ${year}.` : `You wrote on ${n === 1 ? '1 day' : `${n} days`} in ${year}.`;
}

/** Every week (Monday) from the one holding `from` to the one holding `to`,
 * with its counts, or zeros for a week with nothing logged. */
export function allWeeks(data: Insights): WeekCounts[] {
  const monday = (d: string) => addDays(d, -((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7));
  const byWeek = new Map(data.weeks.map((w) => [w.week, w]));
  const out: WeekCounts[] = [];
  for (let w = monday(data.from); w <= data.to; w = addDays(w, 7)) {
    out.push(
      byWeek.get(w) ?? { week: w, urges: 0, pursued: 0, necessary: 0, 'they-reached-out': 0, upfront: 0 },
    );
  }
  return out;
}

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** Days written in each month of `year` so far (months with none too, up to the last with any). */
export function monthsWritten(written: string[], year: number): { month: string; days: number }[] {
  const counts = new Array<number>(12).fill(0);
  for (const d of written) {
    if (d.startsWith(`${year}-`)) counts[Number(d.slice(5, 7)) - 1] += 1;
  }
  const last = counts.reduce((at, n, i) => (n > 0 ? i : at), -1);
  return counts.slice(0, last + 1).map((days, i) => ({ month: MONTH_NAMES[i], days }));
}
