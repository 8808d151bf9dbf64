// Keeping a form's words as a draft in the journal while they are typed, so
// that closing the window, moving to another page or a crash loses none.
// Each keeper saves after a short pause; every keeper alive is flushed when
// the window closes (flushDrafts, called by the close handshake).

import type { DraftApi } from '../ipc/drafts';
import { draftApi } from '../ipc/drafts';

/** Pause after the last keystroke before a draft is kept. */
export const DRAFT_DELAY_MS = 500;

const alive = new Set<DraftKeeper>();

/** Saves every draft still waiting; resolves once all are kept (or failed). */
export async function flushDrafts(): Promise<void> {
  await Promise.all([...alive].map((k) => k.flush()));
}

export class DraftKeeper {
  private readonly key: string;
  private readonly api: DraftApi;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private waiting: string | null = null;
  private saving: Promise<void> = Promise.resolve();

  constructor(key: string, api: DraftApi = draftApi) {
    this.key = key;
    this.api = api;
    alive.add(this);
  }

  /** The words kept from before, if any (null when none or unreadable). */
  async load(): Promise<string | null> {
    try {
      const draft = await this.api.getDraft(this.key);
      return draft?.body ?? null;
    } catch {
      return null;
    }
  }

  /** Typing: keeps the words after a pause. */
  edit(text: string): void {
    this.waiting = text;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, DRAFT_DELAY_MS);
  }

  /** Keeps what is waiting now. */
  flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const text = this.waiting;
    if (text === null) return this.saving;
    this.waiting = null;
    this.saving = this.saving.then(() =>
      this.api.saveDraft(this.key, text).catch(() => {
        // A draft is a safety net; the form still holds the words.
      }),
    );
    return this.saving;
  }

  /** The form was submitted (or the words were let go): forget the draft. */
  async discard(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.waiting = null;
    await this.saving;
    await this.api.discardDraft(this.key).catch(() => undefined);
  }

  /** The form is going away: keep what is waiting, stop listening. */
  close(): Promise<void> {
    alive.delete(this);
    return this.flush();
  }
}
