// The state behind the "giving space" views: the overview for the Space page
// and the status for the one-line summary on the Today page. One instance is
// shared by both pages, so a change made on one shows on the other at once.
// Talks to the back end only through the SpaceApi passed in.

import { toErrorPayload } from '../ipc/journal';
import type { ContactKind, SpaceApi, SpaceOverview, SpaceStatus } from '../ipc/space';

export type Outcome = { ok: true } | { ok: false; message: string };

export type SpacePhase = 'idle' | 'loading' | 'ready' | 'load-error';

export class SpaceStore {
  overview = $state<SpaceOverview | null>(null);
  /** The freshest status, from either command. */
  status = $state<SpaceStatus | null>(null);
  phase = $state<SpacePhase>('idle');
  loadError = $state('');
  /** An action worked, but the figures could not be read again afterwards. */
  refreshError = $state('');
  /** A milestone being acknowledged on screen, until dismissed. */
  milestone = $state<number | null>(null);

  private readonly api: SpaceApi;
  private overviewSeq = 0;
  private statusSeq = 0;
  /** Milestones already acknowledged while the app has been open. */
  private readonly acknowledged = new Set<number>();

  constructor(api: SpaceApi) {
    this.api = api;
  }

  /** Reads everything the Space page shows. */
  async refresh(): Promise<void> {
    const seq = ++this.overviewSeq;
    // A status asked for earlier must not land after this newer answer.
    this.statusSeq += 1;
    if (this.overview === null) this.phase = 'loading';
    try {
      const overview = await this.api.spaceOverview();
      if (seq !== this.overviewSeq) return;
      this.overview = overview;
      this.status = overview.status;
      this.phase = 'ready';
      this.loadError = '';
      this.refreshError = '';
      // A note about days that no longer match the count would only confuse.
      if (this.milestone !== null && overview.status.current_streak_days < this.milestone) {
        this.milestone = null;
      }
      this.noticeMilestone(overview.unseen_milestone);
    } catch (error) {
      if (seq !== this.overviewSeq) return;
      const message = toErrorPayload(error).message;
      if (this.overview === null) {
        this.phase = 'load-error';
        this.loadError = message;
      } else {
        this.refreshError = message;
      }
    }
  }

  /** Reads just the counts (for the Today page's summary). Keeps what it has on failure. */
  async refreshStatus(): Promise<void> {
    const seq = ++this.statusSeq;
    try {
      const status = await this.api.spaceStatus();
      if (seq !== this.statusSeq) return;
      this.status = status;
    } catch {
      // The summary is a nicety; without an answer it simply stays as it was.
    }
  }

  startPeriod(start: string | null, note: string | null): Promise<Outcome> {
    return this.act(() => this.api.startPeriod(start, note));
  }

  endPeriod(end: string | null, outcome: string | null): Promise<Outcome> {
    return this.act(() => this.api.endPeriod(end, outcome));
  }

  logContact(kind: ContactKind, date: string | null, note: string | null): Promise<Outcome> {
    return this.act(() => this.api.logContact(kind, date, note));
  }

  logUrge(intensity: number | null, note: string | null): Promise<Outcome> {
    return this.act(() => this.api.logUrge(intensity, note));
  }

  dismissMilestone(): void {
    this.milestone = null;
  }

  /** Shows a newly reached milestone once, and tells the back end it has been seen. */
  private noticeMilestone(days: number | null): void {
    if (days === null || this.acknowledged.has(days)) return;
    this.acknowledged.add(days);
    this.milestone = days;
    this.api.markMilestoneSeen(days).catch(() => {
      // If this is not recorded, the note may come back once more next time; no harm.
    });
  }

  private async act(run: () => Promise<unknown>): Promise<Outcome> {
    try {
      await run();
    } catch (error) {
      return { ok: false, message: toErrorPayload(error).message };
    }
    await this.refresh();
    return { ok: true };
  }
}
