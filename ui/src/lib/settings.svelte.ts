// The state behind the Settings page. Each change is sent at once; the
// control shows the new value straight away, takes the stored (normalised)
// value from the answer, and goes back to the previous value if the Rust side
// refuses it, with the reason beside it. Talks to the back end only through
// the SettingsApi passed in.

import { toErrorPayload } from '../ipc/journal';
import type { NotePreview, SettingsApi } from '../ipc/settings';

/** How long the quiet "Saved" stays beside a control. */
export const SAVED_NOTE_MS = 2500;

/** What is said beside one control, if anything. */
export type SettingNote =
  | { kind: 'saved' }
  /** The value was refused; the previous one is back. */
  | { kind: 'error'; message: string }
  /** A gentle word from the page itself; nothing was sent. */
  | { kind: 'note'; message: string };

export type SettingsPhase = 'idle' | 'loading' | 'ready' | 'load-error';

export class SettingsStore {
  /** What the controls show: the stored value, or a change on its way. */
  values = $state<Record<string, string>>({});
  notes = $state<Record<string, SettingNote>>({});
  phase = $state<SettingsPhase>('idle');
  loadError = $state('');
  /** How a reminder would read now, as the core words it (null until known). */
  preview = $state<NotePreview | null>(null);
  private previewSeq = 0;

  private readonly api: SettingsApi;
  /** The values the Rust side has confirmed. */
  private stored: Record<string, string> = {};
  /** The latest change asked for, per key; older answers are not shown. */
  private readonly latest = new Map<string, number>();
  private readonly pending = new Set<string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private changeSeq = 0;
  private loadSeq = 0;

  constructor(api: SettingsApi) {
    this.api = api;
  }

  /** The text value of a setting ('' until loaded). */
  get(key: string): string {
    return this.values[key] ?? '';
  }

  /** Asks the core how the daily note would read, discreet or not. */
  async loadPreview(discreet: boolean): Promise<void> {
    const seq = ++this.previewSeq;
    try {
      const preview = await this.api.notificationPreview(discreet);
      if (seq === this.previewSeq) this.preview = preview;
    } catch {
      // Without an answer the preview keeps what it showed.
    }
  }

  /** A true/false setting as a boolean. */
  flag(key: string): boolean {
    return this.values[key] === 'true';
  }

  /** Reads every setting (again). A change still on its way keeps its value on screen. */
  async load(): Promise<void> {
    const seq = ++this.loadSeq;
    if (this.phase !== 'ready') this.phase = 'loading';
    try {
      const entries = await this.api.settingsGet();
      if (seq !== this.loadSeq) return;
      for (const { key, value } of entries) {
        this.stored[key] = value;
        if (!this.pending.has(key)) this.values[key] = value;
      }
      this.phase = 'ready';
      this.loadError = '';
    } catch (error) {
      if (seq !== this.loadSeq) return;
      // With settings already on screen, a failed re-read changes nothing.
      if (this.phase === 'ready') return;
      this.phase = 'load-error';
      this.loadError = toErrorPayload(error).message;
    }
  }

  /**
   * Saves one setting. Resolves to true once stored, false if it was refused
   * (the previous value is then shown again, with the reason).
   */
  async set(key: string, value: string): Promise<boolean> {
    const seq = ++this.changeSeq;
    this.latest.set(key, seq);
    this.pending.add(key);
    this.values[key] = value;
    this.clearNote(key);
    try {
      const entry = await this.api.settingsSet(key, value);
      this.stored[key] = entry.value;
      if (this.latest.get(key) !== seq) return true;
      this.pending.delete(key);
      this.values[key] = entry.value;
      this.showNote(key, { kind: 'saved' }, SAVED_NOTE_MS);
      return true;
    } catch (error) {
      if (this.latest.get(key) !== seq) return false;
      this.pending.delete(key);
      this.values[key] = this.stored[key] ?? '';
      this.showNote(key, { kind: 'error', message: toErrorPayload(error).message });
      return false;
    }
  }

  /** A gentle word beside a control, without saving anything. */
  say(key: string, message: string): void {
    this.showNote(key, { kind: 'note', message });
  }

  /** Shows the stored value again (after an unfinished edit) and clears the note. */
  restore(key: string): void {
    if (this.pending.has(key)) return;
    this.values[key] = this.stored[key] ?? '';
    this.clearNote(key);
  }

  clearNote(key: string): void {
    const timer = this.timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(key);
    delete this.notes[key];
  }

  destroy(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private showNote(key: string, note: SettingNote, forMs?: number): void {
    this.clearNote(key);
    this.notes[key] = note;
    if (forMs === undefined) return;
    this.timers.set(
      key,
      setTimeout(() => {
        // Any newer note would have cleared this timer: the note is still this one.
        this.timers.delete(key);
        delete this.notes[key];
      }, forMs),
    );
  }
}
