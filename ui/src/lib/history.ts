import { localToday, longDate } from './dates';

// Earlier versions of a page, made easy to compare with the page as it is:
// each paragraph of an earlier text is marked when the page no longer has it.

export interface MarkedLine {
  text: string;
  /** This line is not on the page any more. */
  gone: boolean;
}

/** The earlier text's lines, each marked when the current text lacks it. */
export function markGoneLines(earlier: string, current: string): MarkedLine[] {
  const now = new Set(current.split('\n').map((l) => l.trim()));
  return earlier.split('\n').map((text) => ({
    text,
    gone: text.trim() !== '' && !now.has(text.trim()),
  }));
}

/** "Friday, 4 December 2026, 21:05": the app's own way of writing a day, in the person's time zone. */
export function replacedWhen(instant: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  const day = localToday(d);
  const time = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  return `${longDate(day)}, ${time}`;
}
