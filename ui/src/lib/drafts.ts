// Keeping a form's words as a draft in the journal while they are typed, so
// that closing the window, moving to another page or a crash loses none.
// Each keeper saves after a short pause; every keeper alive is flushed when
// the window closes (flushDrafts, called by the close handshake).

import type { DraftApi } from '../ipc/drafts';
import { draftApi } from '../ipc/drafts';

/** Pause after the last keystroke before a draft is kept. */
export const DRAFT_DELAY_MS = 500;

const alive = new Set<DraftKeeper>();

/** Forgets every keeper, as a fresh window would (between tests). */
export function forgetDraftKeepers(): void {
  alive.clear();
}

/** A form's words that could not be kept as a draft. */
export interface UnkeptDraft {
  key: string;
  text: string;
}

/**
 * Saves every draft still waiting; resolves once all are tried, with the
 * words that could not be kept (none when all are safe).
 */
export async function flushDrafts(): Promise<UnkeptDraft[]> {
  const keepers = [...alive];
  const kept = await Promise.all(keepers.map((k) => k.flush()));
  return keepers.flatMap((k, i) => {
    const text = k.unsaved;
    return kept[i] || text === null ? [] : [{ key: k.key, text }];
  });
}

export class DraftKeeper {
  readonly key: string;
  private readonly api: DraftApi;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The latest words not yet known to be kept (typed, or a save that failed). */
  private pending: string | null = null;
  private saving: Promise<void> = Promise.resolve();

  constructor(key: string, api: DraftApi = draftApi) {
    this.key = key;
    this.api = api;
    // A form opened again takes over words its last keeper could not keep.
    for (const old of [...alive]) {
      if (old.key !== key) continue;
      alive.delete(old);
      if (old.pending !== null) this.inherited = old.pending;
    }
    alive.add(this);
  }

  /** Words the form's earlier keeper could not keep; they win over the stored draft. */
  private inherited: string | null = null;

  /** Words typed that are not kept yet, if any. */
  get unsaved(): string | null {
    return this.pending;
  }

  /** The words kept from before, if any (null when none or unreadable). */
  async load(): Promise<string | null> {
    if (this.inherited !== null) {
      const text = this.inherited;
      this.inherited = null;
      this.pending ??= text;
      return text;
    }
    try {
      const draft = await this.api.getDraft(this.key);
      return draft?.body ?? null;
    } catch {
      return null;
    }
  }

  /** Typing: keeps the words after a pause. */
  edit(text: string): void {
    this.pending = text;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, DRAFT_DELAY_MS);
  }

  /**
   * Keeps what is waiting now; true once every word typed is kept. Words a
   * save could not keep stay waiting, and the next flush tries them again.
   */
  flush(): Promise<boolean> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.saving = this.saving.then(async () => {
      const text = this.pending;
      if (text === null) return;
      try {
        await this.api.saveDraft(this.key, text);
        if (this.pending === text) this.pending = null;
      } catch {
        // Still waiting: the form holds the words, and closing asks about them.
      }
    });
    return this.saving.then(() => this.pending === null);
  }

  /** The form was submitted (or the words were let go): forget the draft. */
  async discard(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
    await this.saving;
    await this.api.discardDraft(this.key).catch(() => undefined);
  }

  /**
   * The form is going away: keep what is waiting. A keeper whose words could
   * not be kept stays known, so closing the window still asks about them.
   */
  async close(): Promise<void> {
    if (await this.flush()) alive.delete(this);
  }
}
