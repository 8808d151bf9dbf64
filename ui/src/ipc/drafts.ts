// Drafts: words typed in a form beside the page, kept in the journal until
// the form is submitted or the words are let go (see crates/journal-core/src/drafts).

import { call } from './journal';
import type { Draft } from './bindings/Draft';

export type { Draft };

/** The draft kept for a form, or null. */
export function getDraft(key: string): Promise<Draft | null> {
  return call<Draft | null>('get_draft', { key });
}

/** Keeps what is typed; blank text lets the draft go. */
export async function saveDraft(key: string, body: string): Promise<void> {
  await call<null>('save_draft', { key, body });
}

export async function discardDraft(key: string): Promise<void> {
  await call<null>('discard_draft', { key });
}

export interface DraftApi {
  getDraft: typeof getDraft;
  saveDraft: typeof saveDraft;
  discardDraft: typeof discardDraft;
}

export const draftApi: DraftApi = { getDraft, saveDraft, discardDraft };
