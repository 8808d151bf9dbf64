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

/** The choices to offer, including a value set elsewhere (e.g. the CLI). */
export function checkinOptions(current: string): number[] {
  const n = Number(current);
  const list: number[] = [...CHECKIN_CHOICES];
  if (current.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= 30 && !list.includes(n)) {
    list.push(n);
    list.sort((a, b) => a - b);
  }
  return list;
}
