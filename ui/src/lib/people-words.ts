// The words of "time with people", kept apart from the components so they
// are tested on their own. Warm, never counting against anyone.

import type { Company } from '../ipc/people';
import { shortDate } from './dates';

/** How it felt, 1 to 5, in words (the number is what is kept). */
export const FELT: { value: number; label: string }[] = [
  { value: 1, label: 'Heavy' },
  { value: 2, label: 'A bit hard' },
  { value: 3, label: 'Mixed' },
  { value: 4, label: 'Good' },
  { value: 5, label: 'Really good' },
];

/** Beside today's page after a few days with no one logged; a question, never a verdict. */
export const QUIET_DAYS_NOTE =
  'It has been a few quiet days. Is there someone you could see or call this week?';

/** The quiet line after logging: who, and the day when it was not today. */
export function companyKept(c: Company, today: string): string {
  const when = c.date === today ? '' : ` on ${shortDate(c.date, today)}`;
  return `Time with ${c.who}${when}, kept.`;
}
