// The one door to the Rust side. Nothing outside src/ipc/ may import
// @tauri-apps/*; views call these typed functions instead.

import { invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type { CalendarDay } from './bindings/CalendarDay';
import type { ErrorPayload } from './bindings/ErrorPayload';
import type { Page } from './bindings/Page';
import type { PageSummary } from './bindings/PageSummary';
import type { RecoveredPage } from './bindings/RecoveredPage';
import type { Revision } from './bindings/Revision';
import type { Saved } from './bindings/Saved';
import type { SearchHit } from './bindings/SearchHit';
import type { LookBack } from './bindings/LookBack';

export type {
  CalendarDay,
  ErrorPayload,
  LookBack,
  Page,
  PageSummary,
  RecoveredPage,
  Revision,
  Saved,
  SearchHit,
};

/**
 * What the shell says when it asks the UI to save before closing
 * (`FlushRequest` in src-tauri/src/close.rs): `quit` when the app quits
 * afterwards (the tray's Quit) rather than closing the window.
 */
export interface FlushRequest {
  quit: boolean;
}

/** Used when a failure did not come from the Rust side in the usual shape. */
const UNREACHABLE: ErrorPayload = {
  code: 'unreachable',
  message: 'The journal did not answer.',
};

function isErrorPayload(value: unknown): value is ErrorPayload {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorPayload).code === 'string' &&
    typeof (value as ErrorPayload).message === 'string' &&
    (value as ErrorPayload).message.length > 0
  );
}

/** Turns whatever an IPC call rejected with into an ErrorPayload. */
export function toErrorPayload(error: unknown): ErrorPayload {
  return isErrorPayload(error) ? { code: error.code, message: error.message } : UNREACHABLE;
}

/** Calls a Rust command; a rejection always arrives as an ErrorPayload. */
export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toErrorPayload(error);
  }
}

/** Today's local date, `YYYY-MM-DD`, as the Rust side sees it. */
export function today(): Promise<string> {
  return call<string>('today');
}

/** The page for a day; an empty page when nothing was written. */
export function getPage(date: string): Promise<Page> {
  return call<Page>('get_page', { date });
}

/**
 * Replaces the whole page for a day. `baseVersion` is the version of the page
 * the text was written over; if the page moved on since, the store keeps the
 * text it held and names it in `replaced_elsewhere`.
 */
export function savePage(
  date: string,
  body: string,
  mood: number | null,
  baseVersion: number | null,
): Promise<Saved> {
  return call<Saved>('save_page', { date, body, mood, baseVersion });
}

/** A day's earlier texts, newest first. */
export function pageRevisions(date: string): Promise<Revision[]> {
  return call<Revision[]>('page_revisions', { date });
}

/** Puts an earlier text back on its page; the current text is kept as a revision. */
export function restoreRevision(id: number): Promise<Page> {
  return call<Page>('restore_revision', { id });
}

/**
 * What each day between `from` and `to` (inclusive) holds, for the
 * calendar's marks; days with nothing are left out.
 */
export function calendarDays(from: string, to: string): Promise<CalendarDay[]> {
  return call<CalendarDay[]>('calendar_days', { from, to });
}

/**
 * The earlier pages of a day's date (a month, six months, a year and each
 * year before), nearest first; none when the `look_back` setting is off.
 */
export function lookBack(date: string): Promise<LookBack[]> {
  return call<LookBack[]>('look_back', { date });
}

/** Which pages a search keeps besides its words; every part optional. */
export interface SearchFilter {
  from?: string;
  to?: string;
  mood?: number;
  /** Only days on which an urge was held. */
  urge?: boolean;
  /** Only days on which a contact of this kind was logged. */
  contact?: string;
  /** Only days on which a guidance card was marked as having helped. */
  helped?: boolean;
}

/**
 * Full-text search, best match first; each hit says where its words are in
 * its snippet as character ranges (see lib/snippet.ts).
 */
export function searchPages(query: string, filter: SearchFilter = {}): Promise<SearchHit[]> {
  return call<SearchHit[]>('search_pages', {
    query,
    from: filter.from ?? null,
    to: filter.to ?? null,
    mood: filter.mood ?? null,
    urge: filter.urge ?? null,
    contact: filter.contact ?? null,
    helped: filter.helped ?? null,
  });
}

/** Tells the shell that unsaved text has been dealt with and the window may close. */
export function closeReady(): Promise<void> {
  return call<void>('close_ready');
}

/**
 * Tells the shell to wait: the person is being asked about words that could
 * not be saved. It shows the window (it may have been in the tray) and does
 * not close it until `closeReady`.
 */
export function closeHold(): Promise<void> {
  return call<void>('close_hold');
}

/** Words kept in the recovery file by an earlier close; none is an empty list. */
export function readRecovery(): Promise<RecoveredPage[]> {
  return call<RecoveredPage[]>('read_recovery');
}

/** Copies words that could not be saved to the recovery file, beside what it holds. */
export function writeRecovery(pages: RecoveredPage[]): Promise<void> {
  return call<void>('write_recovery', { pages });
}

/** Removes the recovery file. */
export function discardRecovery(): Promise<void> {
  return call<void>('discard_recovery');
}

/** Listens for an event from the shell; resolves to a function that stops listening. */
async function onShellEvent<T>(name: string, handler: (payload: T) => void): Promise<() => void> {
  let unlisten: UnlistenFn;
  try {
    unlisten = await listen<T>(name, (event) => handler(event.payload));
  } catch (error) {
    throw toErrorPayload(error);
  }
  return () => {
    // The window is going away anyway; a failure to unlisten changes nothing.
    try {
      const done: unknown = unlisten();
      if (done instanceof Promise) done.catch(() => undefined);
    } catch {
      // Same.
    }
  };
}

/**
 * Calls `handler` when the shell is about to close the window (or quit).
 * Resolves to a function that stops listening.
 */
export function onFlushRequested(handler: (request: FlushRequest) => void): Promise<() => void> {
  return onShellEvent<FlushRequest | null | undefined>('flush-requested', (payload) =>
    handler({ quit: payload?.quit === true }),
  );
}

/**
 * Calls `handler` when the person asks for today's page from outside the
 * window (the tray icon, or "Write today's page" in the tray menu).
 * Resolves to a function that stops listening.
 */
export function onGoToday(handler: () => void): Promise<() => void> {
  return onShellEvent('go-today', () => handler());
}

/** Everything a view needs from the back end, as one replaceable object. */
export interface JournalApi {
  today: typeof today;
  getPage: typeof getPage;
  savePage: typeof savePage;
  pageRevisions: typeof pageRevisions;
  restoreRevision: typeof restoreRevision;
  calendarDays: typeof calendarDays;
  closeReady: typeof closeReady;
  closeHold: typeof closeHold;
  readRecovery: typeof readRecovery;
  writeRecovery: typeof writeRecovery;
  discardRecovery: typeof discardRecovery;
  onFlushRequested: typeof onFlushRequested;
}

export const journalApi: JournalApi = {
  today,
  getPage,
  savePage,
  pageRevisions,
  restoreRevision,
  calendarDays,
  closeReady,
  closeHold,
  readRecovery,
  writeRecovery,
  discardRecovery,
  onFlushRequested,
};
