// What Settings → Your data says about an export or an import, in plain
// words (kept apart from the component so each sentence can be tested).

import type { ImportSummary } from '../ipc/data';
import type { ImportFormat } from '../ipc/data';
import { dayMonthYear } from './dates';

const count = new Intl.NumberFormat();

/** "1 day", "1,204 days". */
export function days(n: number): string {
  return n === 1 ? '1 day' : `${count.format(n)} days`;
}

/** The formats an import reads, as a person knows them. */
export const IMPORT_FORMATS: { value: ImportFormat; label: string }[] = [
  { value: 'json', label: 'A copy saved from Breathing Room (.json)' },
  { value: 'age', label: 'An encrypted copy saved from Breathing Room (.age)' },
  { value: 'dayone', label: 'Day One (its export, .zip or .json)' },
  { value: 'jrnl', label: 'jrnl (its journal file)' },
  { value: 'jrnl-json', label: 'jrnl (its JSON export)' },
  { value: 'markdown', label: 'A folder of Markdown files named by date' },
];

/**
 * The preview, a sentence a line: how many days and from when to when,
 * what happens to days already written here, what is here already, what
 * is left out.
 */
export function previewLines(s: ImportSummary): string[] {
  const lines: string[] = [];
  const total = s.added + s.merged + s.unchanged;
  if (total === 0) {
    lines.push('There are no pages in this file to bring in.');
  } else if (s.first_day && s.last_day && s.first_day !== s.last_day) {
    lines.push(
      `${days(total)}, from ${dayMonthYear(s.first_day)} to ${dayMonthYear(s.last_day)}.`,
    );
  } else if (s.first_day) {
    lines.push(`${days(total)}: ${dayMonthYear(s.first_day)}.`);
  }
  if (s.added > 0 && (s.merged > 0 || s.unchanged > 0)) {
    lines.push(`${days(s.added)} will be new here.`);
  }
  if (s.merged > 0) {
    lines.push(
      s.merged === 1
        ? '1 day you already wrote here will get the imported text below yours.'
        : `${count.format(s.merged)} days you already wrote here will get the imported text below yours.`,
    );
  }
  if (s.unchanged > 0) {
    lines.push(
      s.unchanged === 1
        ? '1 day is here already, exactly as in the file, and stays as it is.'
        : `${count.format(s.unchanged)} days are here already, exactly as in the file, and stay as they are.`,
    );
  }
  if (s.skipped > 0) {
    lines.push(
      s.skipped === 1
        ? '1 day in the file could not be read and will be left out (see below).'
        : `${count.format(s.skipped)} days in the file could not be read and will be left out (see below).`,
    );
  }
  if (s.media_skipped > 0) {
    lines.push(
      s.media_skipped === 1
        ? '1 photo is named in the text where it was; the photo itself is not brought in.'
        : `${count.format(s.media_skipped)} photos are named in the text where they were; the photos themselves are not brought in.`,
    );
  }
  return lines;
}

/** Whether bringing the file in would change anything. */
export function changesAnything(s: ImportSummary): boolean {
  return s.added + s.merged > 0;
}

/** What the app says once an import is done (above the Today page). */
export function importedNotice(s: ImportSummary, name: string): string {
  const parts: string[] = [];
  if (s.added > 0) parts.push(`${days(s.added)} new`);
  if (s.merged > 0) {
    parts.push(`${days(s.merged)} with the imported text below yours`);
  }
  const what = parts.length > 0 ? parts.join(', ') : 'nothing new';
  return `Brought in from ${name}: ${what}. Your journal as it was just before is kept as the newest backup in Settings.`;
}

/** What is said once an export is written. */
export function exportedLine(path: string, pages: number, format: 'json' | 'markdown' | 'age'): string {
  switch (format) {
    case 'markdown':
      return `Saved ${days(pages)} as Markdown files in ${path}. They are not encrypted: anyone who opens them can read every page.`;
    case 'age':
      return `Saved ${days(pages)}, encrypted, to ${path}. It opens with the passphrase you chose for it, here or with the age tool.`;
    default:
      return `Saved ${days(pages)} to ${path}. This copy is not encrypted: anyone who opens the file can read every page.`;
  }
}
