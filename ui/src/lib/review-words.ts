// The words of the weekly look back: what the week held, plainly, with no
// score and nothing to live up to.

import type { WeekReview } from '../ipc/review';
import { shortDate } from './dates';

/** The three questions, as the core writes them on the page. */
export const QUESTIONS = ['What helped this week?', 'Who was good company?', 'One small thing for next week?'];

/** "30 Nov – 6 Dec" (with the year when it is not this year's). */
export function weekRange(from: string, to: string, today: string): string {
  return `${shortDate(from, today).replace(/^\w+ /, '')} – ${shortDate(to, today).replace(/^\w+ /, '')}`;
}

function count(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

/** What the week held, a line each; what did not happen is not listed as a lack. */
export function weekLines(w: WeekReview): string[] {
  const lines: string[] = [];
  lines.push(
    w.days_written > 0 ? `${count(w.days_written, 'day', 'days')} written` : 'No pages this week, and that is all right',
  );
  if (w.days_of_space > 0) lines.push(`${count(w.days_of_space, 'day', 'days')} of giving space`);
  if (w.urges_held > 0) lines.push(`${count(w.urges_held, 'urge', 'urges')} held back`);
  if (w.unsent_kept > 0) lines.push(`${count(w.unsent_kept, 'message', 'messages')} kept here, unsent`);
  const c = w.contacts;
  if (c['they-reached-out'] > 0) {
    lines.push(c['they-reached-out'] === 1 ? 'They reached out once' : `They reached out ${c['they-reached-out']} times`);
  }
  if (c.necessary > 0) lines.push(`${count(c.necessary, 'necessary contact', 'necessary contacts')}`);
  if (c.upfront > 0) lines.push('You had the upfront talk, or gave the note');
  if (c.pursued > 0) {
    lines.push(
      c.pursued === 1 ? 'You reached out once, and began again' : `You reached out ${c.pursued} times, and began again`,
    );
  }
  const days = new Set(w.time_with_people.map((t) => t.date)).size;
  if (days > 0) lines.push(`Time with people on ${count(days, 'day', 'days')}`);
  return lines;
}
