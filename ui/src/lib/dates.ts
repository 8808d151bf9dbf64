// Calendar days as plain "YYYY-MM-DD" strings. Arithmetic runs in UTC so
// that daylight-saving changes can never skip or repeat a day.

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function toUtc(date: string): Date {
  const m = ISO_DAY.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function fromUtc(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function isIsoDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  return fromUtc(toUtc(value)) === value;
}

/** The device's local date; only a fallback when the Rust side cannot say. */
export function localToday(now: Date = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function addDays(date: string, days: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** "Sunday, 29 November 2026" */
export function longDate(date: string): string {
  const d = toUtc(date);
  return `${WEEKDAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "Saturday, 28 November 2026 and Sunday, 29 November 2026", each day once. */
export function longDates(dates: string[]): string {
  const days = [...new Set(dates)].map(longDate);
  if (days.length <= 1) return days.join('');
  return `${days.slice(0, -1).join(', ')} and ${days.at(-1)}`;
}

/** "Today", "Yesterday", or "" for other days. */
export function relativeHint(date: string, today: string): string {
  if (date === today) return 'Today';
  if (date === addDays(today, -1)) return 'Yesterday';
  return '';
}

export interface Month {
  year: number;
  /** 1-12 */
  month: number;
}

export function monthOf(date: string): Month {
  const d = toUtc(date);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

export function addMonths(m: Month, delta: number): Month {
  const index = m.year * 12 + (m.month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function compareMonths(a: Month, b: Month): number {
  return a.year * 12 + a.month - (b.year * 12 + b.month);
}

export function monthTitle(m: Month): string {
  return `${MONTHS[m.month - 1]} ${m.year}`;
}

export function firstOfMonth(m: Month): string {
  return `${pad(m.year, 4)}-${pad(m.month)}-01`;
}

export function lastOfMonth(m: Month): string {
  return addDays(firstOfMonth(addMonths(m, 1)), -1);
}

export const WEEKDAY_HEADERS = [
  { short: 'Mo', long: 'Monday' },
  { short: 'Tu', long: 'Tuesday' },
  { short: 'We', long: 'Wednesday' },
  { short: 'Th', long: 'Thursday' },
  { short: 'Fr', long: 'Friday' },
  { short: 'Sa', long: 'Saturday' },
  { short: 'Su', long: 'Sunday' },
];

/**
 * The month as weeks starting on Monday. Cells outside the month are null.
 */
export function monthGrid(m: Month): (string | null)[][] {
  const first = firstOfMonth(m);
  const last = lastOfMonth(m);
  const lead = (toUtc(first).getUTCDay() + 6) % 7; // Monday = 0
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let day = first; day <= last; day = addDays(day, 1)) cells.push(day);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

const SHORT_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const SHORT_MONTHS = MONTHS.map((m) => m.slice(0, 3));

/** "Sun 29 Nov"; the year is added unless `today` is given and falls in the same year. */
export function shortDate(date: string, today = ''): string {
  const d = toUtc(date);
  const base = `${SHORT_WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${SHORT_MONTHS[d.getUTCMonth()]}`;
  return today !== '' && today.slice(0, 4) === date.slice(0, 4) ? base : `${base} ${d.getUTCFullYear()}`;
}

/** "29 November 2026" */
export function dayMonthYear(date: string): string {
  const d = toUtc(date);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

const WEEKDAY_WORDS = WEEKDAYS.map((w) => w.toLowerCase());

/** The month a word names (3 letters or more of it: "sep", "Sept", "september"), 1-12. */
function monthWord(word: string): number | null {
  if (word.length < 3) return null;
  const i = MONTHS.findIndex((m) => m.toLowerCase().startsWith(word));
  return i < 0 ? null : i + 1;
}

/** "3", "3rd", "21st": a day of the month. */
function dayWord(word: string): number | null {
  const m = /^(\d{1,2})(st|nd|rd|th)?$/.exec(word);
  return m ? Number(m[1]) : null;
}

function isoOf(year: number, month: number, day: number): string | null {
  const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return isIsoDay(iso) ? iso : null;
}

/**
 * A day as a person types it, read only where it cannot be misread:
 * "3 Dec 2026", "Thu 3 December", "December 3, 2026", "2026-12-03", "today",
 * "yesterday". Without a year, the latest such day that is not after
 * `today`. All-number forms like "12/03/2026" are null: month first or day
 * first cannot be told apart.
 */
export function readTypedDate(input: string, today: string): string | null {
  const text = input.trim().toLowerCase();
  if (text === 'today') return today;
  if (text === 'yesterday') return addDays(today, -1);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const words = text.split(/[\s,.]+/).filter((w) => w !== '');
  // A weekday in front is read past ("Thu 3 Dec").
  if (words.length > 0 && WEEKDAY_WORDS.some((w) => w.startsWith(words[0]) && words[0].length >= 3)) {
    words.shift();
  }
  if (words.length < 2 || words.length > 3) return null;
  let day = dayWord(words[0]);
  let month = monthWord(words[1]);
  if (day === null || month === null) {
    day = dayWord(words[1]);
    month = monthWord(words[0]);
  }
  if (day === null || month === null) return null;
  if (words.length === 3) {
    if (!/^\d{4}$/.test(words[2])) return null;
    return isoOf(Number(words[2]), month, day);
  }
  // The latest year in which that day exists and has come (29 February
  // comes every fourth year).
  const year = Number(today.slice(0, 4));
  for (let y = year; y > year - 8; y--) {
    const found = isoOf(y, month, day);
    if (found !== null && found <= today) return found;
  }
  return null;
}
