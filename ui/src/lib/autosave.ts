// Autosave for journal pages, kept free of any UI framework.
//
// Rules:
// - an edit is saved after a pause in typing (debounce), or at once on flush();
// - at most one save is in flight; if text changes meanwhile, it is saved
//   again as soon as the earlier save returns, so an older save can never
//   land after a newer one;
// - every unsaved draft is kept per day, so switching days can never send
//   one day's text to another, and a failed save loses nothing;
// - a failed save is retried by the next edit, by retry/flush();
// - every save names the page version it started from, so the store never
//   replaces text saved elsewhere meanwhile without keeping it (and says so).

import type { ErrorPayload } from '../ipc/bindings/ErrorPayload';
import type { Page } from '../ipc/bindings/Page';
import type { Revision } from '../ipc/bindings/Revision';
import type { Saved } from '../ipc/bindings/Saved';

export interface Draft {
  body: string;
  mood: number | null;
}

export type SaveState =
  /** Nothing has changed since the page was opened. */
  | { kind: 'idle' }
  /** Changes are waiting for a pause in typing. */
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** Everything typed so far has been saved. */
  | { kind: 'saved' }
  /** A save failed; the text is still held here. `date` is the day it belongs to. */
  | { kind: 'error'; date: string; code: string; message: string };

export interface AutosaverOptions {
  /** `baseVersion`: the version of the stored page this text was written over. */
  save(date: string, draft: Draft, baseVersion: number | null): Promise<Saved>;
  /** Turns a rejection from `save` into a message for the person writing. */
  toError(error: unknown): ErrorPayload;
  /** Pause after the last keystroke before saving, in milliseconds. */
  delayMs?: number;
  onState?(state: SaveState): void;
  /** `before` is what the store held for that day until this save. */
  onSaved?(page: Page, draft: Draft, before: Draft | undefined): void;
  /** The store had moved on since this text began: its text is kept as `other`. */
  onReplacedElsewhere?(date: string, other: Revision): void;
}

export const DEFAULT_DELAY_MS = 700;

function sameDraft(a: Draft | undefined, b: Draft | undefined): boolean {
  return a !== undefined && b !== undefined && a.body === b.body && a.mood === b.mood;
}

function sameState(a: SaveState, b: SaveState): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'error' && b.kind === 'error') {
    return a.date === b.date && a.code === b.code && a.message === b.message;
  }
  return true;
}

export class Autosaver {
  private readonly opts: AutosaverOptions;
  private readonly delayMs: number;
  /** What the store holds for each day, as far as we know. */
  private readonly stored = new Map<string, Draft>();
  /** The version of each day's stored page, as last read or saved. */
  private readonly versions = new Map<string, number>();
  /** Latest text not yet known to be stored, per day. */
  private readonly pending = new Map<string, Draft>();
  /** Last failure per day that still has pending text; newest last. */
  private readonly failures = new Map<string, ErrorPayload>();
  private inFlight: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private runAgain = false;
  private savedSomething = false;
  /** The day last opened: "Saved" speaks of it, not of a day left behind. */
  private openDay = '';
  private current: SaveState = { kind: 'idle' };

  constructor(opts: AutosaverOptions) {
    this.opts = opts;
    this.delayMs = opts.delayMs ?? DEFAULT_DELAY_MS;
  }

  get state(): SaveState {
    return this.current;
  }

  /** True while any day has text that is not yet stored. */
  get hasUnsaved(): boolean {
    return this.pending.size > 0;
  }

  /** Records what the store holds for a day that was just opened. */
  loaded(date: string, draft: Draft, version: number): void {
    if (date !== this.openDay) {
      // A save made on another day says nothing about this one.
      this.openDay = date;
      this.savedSomething = false;
    }
    this.stored.set(date, { ...draft });
    // Text still waiting was written over the version read before: it must
    // keep naming that one, or the store would take it as having seen this.
    const waiting =
      this.inFlight === date || (this.pending.has(date) && !sameDraft(this.pending.get(date), draft));
    if (!waiting) this.versions.set(date, version);
    if (this.inFlight !== date && sameDraft(this.pending.get(date), draft)) {
      this.pending.delete(date);
      this.failures.delete(date);
    }
    this.emit();
  }

  /** The version of the day's page last read or saved, if known. */
  version(date: string): number | undefined {
    return this.versions.get(date);
  }

  /** True while the day has text not yet stored, or a save of it in flight. */
  busyWith(date: string): boolean {
    return this.pending.has(date) || this.inFlight === date;
  }

  /** Text for a day that has not been stored yet, if any. */
  unsaved(date: string): Draft | undefined {
    const draft = this.pending.get(date);
    return draft ? { ...draft } : undefined;
  }

  /** Every day's text not yet stored, in the order it was first changed. */
  unsavedDrafts(): (Draft & { date: string })[] {
    return [...this.pending].map(([date, draft]) => ({ date, body: draft.body, mood: draft.mood }));
  }

  /** Typing: saves after a pause. */
  edit(date: string, draft: Draft): void {
    this.record(date, draft);
    this.clearTimer();
    if (this.pending.size > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.kick();
      }, this.delayMs);
    }
  }

  /** A discrete change (such as the mood): saves at once. */
  editNow(date: string, draft: Draft): Promise<boolean> {
    this.record(date, draft);
    return this.flush();
  }

  /**
   * Saves everything pending now, waiting for any save in flight first.
   * Resolves to true when nothing is left unsaved.
   */
  async flush(): Promise<boolean> {
    this.clearTimer();
    await this.kick();
    return this.pending.size === 0;
  }

  /** Stops the pause timer. Pending text stays pending. */
  dispose(): void {
    this.clearTimer();
  }

  private record(date: string, draft: Draft): void {
    const copy = { body: draft.body, mood: draft.mood };
    if (this.inFlight !== date && sameDraft(copy, this.stored.get(date))) {
      // Back to what is stored: nothing to save for this day.
      this.pending.delete(date);
      this.failures.delete(date);
    } else {
      this.pending.set(date, copy);
    }
    this.emit();
  }

  private clearTimer(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  private kick(): Promise<void> {
    if (this.running) {
      // Something changed (or someone asked) while saving: go round once more
      // afterwards, so a day that just failed gets another try.
      this.runAgain = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.runAgain = false;
        await this.drain();
      } while (this.runAgain && this.pending.size > 0);
    })().finally(() => {
      this.running = null;
      this.emit();
    });
    return this.running;
  }

  /** Saves pending days one at a time; each failing day is tried once per round. */
  private async drain(): Promise<void> {
    const failedThisRound = new Set<string>();
    for (;;) {
      const next = this.nextPending(failedThisRound);
      if (!next) return;
      const [date, draft] = next;
      if (sameDraft(draft, this.stored.get(date))) {
        this.pending.delete(date);
        this.failures.delete(date);
        continue;
      }
      this.inFlight = date;
      this.emit();
      let saved: Saved;
      try {
        saved = await this.opts.save(date, draft, this.versions.get(date) ?? null);
      } catch (error) {
        this.inFlight = null;
        failedThisRound.add(date);
        this.failures.delete(date);
        this.failures.set(date, this.opts.toError(error));
        this.emit();
        continue;
      }
      this.inFlight = null;
      const page = saved.page;
      const before = this.stored.get(date);
      this.stored.set(date, draft);
      this.versions.set(date, page.version);
      this.failures.delete(date);
      if (sameDraft(this.pending.get(date), draft)) this.pending.delete(date);
      this.savedSomething = true;
      this.emit();
      try {
        this.opts.onSaved?.(page, draft, before);
        if (saved.replaced_elsewhere) this.opts.onReplacedElsewhere?.(date, saved.replaced_elsewhere);
      } catch {
        // A listener's trouble must not stop the saving.
      }
    }
  }

  private nextPending(skip: Set<string>): [string, Draft] | null {
    for (const [date, draft] of this.pending) {
      if (!skip.has(date)) return [date, draft];
    }
    return null;
  }

  private compute(): SaveState {
    if (this.inFlight !== null) return { kind: 'saving' };
    let latest: [string, ErrorPayload] | null = null;
    for (const entry of this.failures) latest = entry;
    if (latest) {
      const [date, error] = latest;
      return { kind: 'error', date, code: error.code, message: error.message };
    }
    if (this.pending.size > 0) return { kind: 'pending' };
    if (this.savedSomething) return { kind: 'saved' };
    return { kind: 'idle' };
  }

  private emit(): void {
    const next = this.compute();
    if (sameState(next, this.current)) return;
    this.current = next;
    this.opts.onState?.(next);
  }
}
