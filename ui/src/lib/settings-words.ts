// Pure helpers for the Settings page: the days of the week as the setting
// stores them and the check-in choices. (How a reminder reads is the core's:
// the `notification_preview` command.)

export const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekDay = (typeof WEEK)[number];

export const DAY_NAMES: Record<WeekDay, { short: string; long: string }> = {
  mon: { short: 'Mon', long: 'Monday' },
  tue: { short: 'Tue', long: 'Tuesday' },
  wed: { short: 'Wed', long: 'Wednesday' },
  thu: { short: 'Thu', long: 'Thursday' },
  fri: { short: 'Fri', long: 'Friday' },
  sat: { short: 'Sat', long: 'Saturday' },
  sun: { short: 'Sun', long: 'Sunday' },
};

/** Reads `daily.days` ("mon,wed") into a set; unknown parts are ignored. */
export function parseDays(value: string): Set<WeekDay> {
  const known = new Set<string>(WEEK);
  return new Set(
    value
      .split(',')
      .map((d) => d.trim().toLowerCase())
      .filter((d): d is WeekDay => known.has(d)),
  );
}

/** Writes a set of days back as the setting stores them, Monday first. */
export function formatDays(days: Iterable<WeekDay>): string {
  const chosen = new Set(days);
  return WEEK.filter((d) => chosen.has(d)).join(',');
}

/** The usual choices for the check-in after quiet days; 0 is off. */
export const CHECKIN_CHOICES = [0, 2, 3, 5, 7, 14] as const;

export function checkinLabel(days: number): string {
  if (days === 0) return 'Off';
  return days === 1 ? 'After 1 day' : `After ${days} days`;
}

/**
 * The usual `choices` and, among them, a whole number from 0 to `max` set
 * elsewhere (the CLI), so the control shows what is stored.
 */
function withCurrent(choices: readonly number[], current: string, max: number): number[] {
  const n = Number(current);
  const list: number[] = [...choices];
  if (current.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= max && !list.includes(n)) {
    list.push(n);
    list.sort((a, b) => a - b);
  }
  return list;
}

/** The check-in choices to offer, with a value set elsewhere. */
export function checkinOptions(current: string): number[] {
  return withCurrent(CHECKIN_CHOICES, current, 30);
}

/** The usual choices for locking after idle minutes; 0 is never. */
export const IDLE_CHOICES = [0, 1, 5, 15, 30, 60] as const;

export function idleLabel(minutes: number): string {
  if (minutes === 0) return 'Never';
  if (minutes === 1) return 'After 1 minute';
  if (minutes % 60 === 0) {
    const hours = minutes / 60;
    return hours === 1 ? 'After 1 hour' : `After ${hours} hours`;
  }
  return `After ${minutes} minutes`;
}

/** The idle choices to offer, with a value set elsewhere. */
export function idleOptions(current: string): number[] {
  return withCurrent(IDLE_CHOICES, current, 1440);
}
