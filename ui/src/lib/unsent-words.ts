// The words around a message written here instead of being sent: plain
// questions, a calm pause, and no verdicts.

import { addDays, shortDate } from './dates';

/** The two questions beside the message. */
export const QUESTIONS = [
  'Is this necessary (children, money, safety), or am I pressing?',
  'Would I be saying it sincerely, or to get a reaction?',
];

/** The pause, as it is left: whole minutes, never seconds ticking. */
export function pauseLeft(msLeft: number): string {
  const minutes = Math.ceil(msLeft / 60_000);
  if (minutes <= 1) return 'About a minute left.';
  return `About ${minutes} minutes left.`;
}

/** How long ago a message was written, said as one would. */
export function writtenWhen(date: string, today: string): string {
  if (date === today) return 'Earlier today';
  if (date === addDays(today, -1)) return 'Yesterday';
  for (let n = 2; n <= 6; n += 1) if (date === addDays(today, -n)) return `${n} days ago`;
  for (let n = 7; n <= 13; n += 1) if (date === addDays(today, -n)) return 'A week ago';
  return shortDate(date, today);
}

/** What became of it, in a few words. */
export function outcomeLine(outcome: 'kept' | 'sent-necessary'): string {
  return outcome === 'kept' ? 'Kept here, unsent' : 'A short, practical version was sent';
}

/** The line after choosing. */
export function keptLine(outcome: 'kept' | 'sent-necessary'): string {
  return outcome === 'kept'
    ? 'Kept here, unsent. You held back, and that is noted.'
    : 'Kept here. Logged as a necessary contact.';
}
