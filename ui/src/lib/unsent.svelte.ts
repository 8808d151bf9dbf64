// The messages written here instead of being sent: the list to reread, and
// keeping or deleting one. One instance is owned by App and shared by the
// Space page and the guidance card that offers "Write it here instead".
// Talks to the back end only through the UnsentApi.

import { toErrorPayload } from '../ipc/journal';
import type { Unsent, UnsentApi, UnsentOutcome } from '../ipc/unsent';

export type KeepResult = { ok: true; message: Unsent } | { ok: false; message: string };

export class UnsentStore {
  /** Every message kept here, oldest first. */
  list = $state<Unsent[]>([]);
  /** The writer is open (the Space page shows it). */
  writing = $state(false);
  /** A deletion that could not be done, said calmly. */
  error = $state('');

  private readonly api: UnsentApi;
  private readonly onchange: () => void;

  /** `onchange` runs after a message is kept (the counts follow). */
  constructor(api: UnsentApi, onchange: () => void = () => {}) {
    this.api = api;
    this.onchange = onchange;
  }

  async load(): Promise<void> {
    try {
      const list = await this.api.unsentList();
      if (Array.isArray(list)) this.list = list;
    } catch {
      // The list is for rereading; without an answer it stays as it was.
    }
  }

  /** Keeps `body` with what became of it. Nothing is lost on failure. */
  async keep(body: string, outcome: UnsentOutcome): Promise<KeepResult> {
    let message: Unsent;
    try {
      message = await this.api.logUnsent(null, body, outcome);
    } catch (error) {
      return { ok: false, message: `That could not be kept just now. ${toErrorPayload(error).message}` };
    }
    this.list = [...this.list, message];
    this.onchange();
    return { ok: true, message };
  }

  /** Deletes a message for good (the caller has asked first). */
  async remove(id: number): Promise<boolean> {
    this.error = '';
    try {
      await this.api.deleteUnsent(id);
    } catch (error) {
      this.error = `That could not be deleted just now. ${toErrorPayload(error).message}`;
      return false;
    }
    this.list = this.list.filter((m) => m.id !== id);
    return true;
  }
}
