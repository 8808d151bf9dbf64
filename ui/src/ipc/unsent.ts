// Typed wrappers for the messages written here instead of being sent.
// Nothing here sends anything: the app only keeps what was written.

import { call } from './journal';
import type { Unsent } from './bindings/Unsent';
import type { UnsentOutcome } from './bindings/UnsentOutcome';

export type { Unsent, UnsentOutcome };

/** Keeps a message written on `date` (null = today), with what became of it. */
export function logUnsent(date: string | null, body: string, outcome: UnsentOutcome): Promise<Unsent> {
  return call<Unsent>('log_unsent', { date, body, outcome });
}

/** Every message kept here, oldest first. */
export function unsentList(): Promise<Unsent[]> {
  return call<Unsent[]>('unsent_list');
}

/** Deletes a message for good. */
export function deleteUnsent(id: number): Promise<void> {
  return call<void>('delete_unsent', { id });
}

export interface UnsentApi {
  logUnsent: typeof logUnsent;
  unsentList: typeof unsentList;
  deleteUnsent: typeof deleteUnsent;
}

export const unsentApi: UnsentApi = { logUnsent, unsentList, deleteUnsent };
