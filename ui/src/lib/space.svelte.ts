// The state behind the "giving space" views: the overview for the Space page
// and the status for the one-line summary on the Today page. One instance is
// shared by both pages, so a change made on one shows on the other at once.
// Talks to the back end only through the SpaceApi passed in.
//
// Every log, change or removal made here can be taken back for a few
// seconds: the store keeps one notice ("Logged: …", "Changed.", "Removed. …")
// with the step that reverses it, and reads the figures again after each.

import { toErrorPayload } from '../ipc/journal';
import type {
  Contact,
  ContactChange,
  ContactKind,
  PeriodDetail,
  SpaceApi,
  SpaceOverview,
  SpaceStatus,
  Urge,
  UrgeChange,
} from '../ipc/space';
import { NOTICE, contactLoggedLine, urgeLoggedLine } from './space-words';

/** `id` is the event just logged, when there is one. */
export type Outcome = { ok: true; id?: number } | { ok: false; message: string };

export type DetailOutcome = { ok: true; detail: PeriodDetail } | { ok: false; message: string };

/** How long the line after a change (and its Undo) stays, unless the person is on it. */
export const NOTICE_MS = 10_000;

/** The calm line after a change, with the step that takes it back (if any). */
export interface Notice {
  /** Bumped for every new notice, so a view can tell one from the next. */
  seq: number;
  message: string;
  /** Said when taking it back did not work; the Undo stays. */
  error: string;
  /** An undo is on its way. */
  busy: boolean;
  undo: (() => Promise<string>) | null;
}

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
  /** The line after the latest change, with its Undo; null when there is none. */
  notice = $state.raw<Notice | null>(null);

  private readonly api: SpaceApi;
  private overviewSeq = 0;
  private statusSeq = 0;
  /** Milestones already acknowledged while the app has been open. */
  private readonly acknowledged = new Set<number>();
  private noticeSeq = 0;
  private noticeTimer: ReturnType<typeof setTimeout> | null = null;
  /** The notice is being read or reached (focus or pointer on it): it waits. */
  private noticeHeld = false;
  private urgesLogged = 0;

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
    return this.act(() => this.api.startPeriod(start, note), () => null);
  }

  endPeriod(end: string | null, outcome: string | null): Promise<Outcome> {
    return this.act(() => this.api.endPeriod(end, outcome), () => null);
  }

  logContact(kind: ContactKind, date: string | null, note: string | null): Promise<Outcome> {
    const today = this.today();
    return this.act(
      () => this.api.logContact(kind, date, note),
      (contact: Contact) => ({
        message: contactLoggedLine(kind, date, today),
        undo: async () => {
          await this.api.removeContact(contact.id);
          return NOTICE.takenBack;
        },
      }),
    );
  }

  logUrge(date: string | null, intensity: number | null, note: string | null): Promise<Outcome> {
    const today = this.today();
    return this.act(
      () => this.api.logUrge(date, intensity, note),
      (urge: Urge) => ({
        message: urgeLoggedLine(date, today, this.urgesLogged++),
        undo: async () => {
          await this.api.removeUrge(urge.id);
          return NOTICE.takenBack;
        },
      }),
    );
  }

  /** Corrects a contact on the timeline; Undo puts it back exactly as it was. */
  editContact(id: number, change: ContactChange): Promise<Outcome> {
    return this.act(
      () => this.api.editContact(id, change),
      () => ({
        message: NOTICE.changed,
        undo: async () => {
          await this.api.revertContact(id);
          return NOTICE.changedBack;
        },
      }),
    );
  }

  /** Corrects an urge on the timeline; Undo puts it back exactly as it was. */
  editUrge(id: number, change: UrgeChange): Promise<Outcome> {
    return this.act(
      () => this.api.editUrge(id, change),
      () => ({
        message: NOTICE.changed,
        undo: async () => {
          await this.api.revertUrge(id);
          return NOTICE.changedBack;
        },
      }),
    );
  }

  removeContact(id: number): Promise<Outcome> {
    return this.act(
      () => this.api.removeContact(id),
      () => ({
        message: NOTICE.removed,
        undo: async () => {
          await this.api.restoreContact(id);
          return NOTICE.putBack;
        },
      }),
    );
  }

  removeUrge(id: number): Promise<Outcome> {
    return this.act(
      () => this.api.removeUrge(id),
      () => ({
        message: NOTICE.removed,
        undo: async () => {
          await this.api.restoreUrge(id);
          return NOTICE.putBack;
        },
      }),
    );
  }

  /** Takes back the latest change; the figures are read again. On failure the Undo stays. */
  async undo(): Promise<void> {
    const notice = this.notice;
    if (notice === null || notice.undo === null || notice.busy) return;
    this.notice = { ...notice, busy: true, error: '' };
    let message: string;
    try {
      message = await notice.undo();
    } catch (error) {
      if (this.notice?.seq === notice.seq) {
        this.notice = {
          ...notice,
          busy: false,
          error: `${NOTICE.undoFailed} ${toErrorPayload(error).message}`,
        };
      }
      return;
    }
    this.showNotice(message, null);
    await this.refresh();
  }

  dismissNotice(): void {
    this.clearNotice();
  }

  /** Keeps the notice while focus or the pointer is on it. */
  holdNotice(): void {
    this.noticeHeld = true;
    this.stopNoticeTimer();
  }

  /** Lets the notice go again, a full while after the person leaves it. */
  releaseNotice(): void {
    this.noticeHeld = false;
    if (this.notice !== null) this.startNoticeTimer();
  }

  /** An earlier period in full, for reading; nothing on the page changes. */
  async periodDetail(id: number): Promise<DetailOutcome> {
    try {
      return { ok: true, detail: await this.api.periodDetail(id) };
    } catch (error) {
      return { ok: false, message: toErrorPayload(error).message };
    }
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

  private today(): string {
    return this.status?.as_of ?? this.overview?.status.as_of ?? '';
  }

  /**
   * Runs a change. A refusal changes nothing (the earlier notice stays); a
   * change that worked replaces the notice with its own, then the figures
   * are read again.
   */
  private async act<T>(
    run: () => Promise<T>,
    offer: (value: T) => { message: string; undo: (() => Promise<string>) | null } | null,
  ): Promise<Outcome> {
    let value: T;
    try {
      value = await run();
    } catch (error) {
      return { ok: false, message: toErrorPayload(error).message };
    }
    const next = offer(value);
    if (next === null) this.clearNotice();
    else this.showNotice(next.message, next.undo);
    await this.refresh();
    const id = next === null ? undefined : (value as { id?: unknown } | null)?.id;
    return typeof id === 'number' ? { ok: true, id } : { ok: true };
  }

  private showNotice(message: string, undo: (() => Promise<string>) | null): void {
    this.notice = { seq: ++this.noticeSeq, message, error: '', busy: false, undo };
    if (!this.noticeHeld) this.startNoticeTimer();
  }

  private clearNotice(): void {
    this.stopNoticeTimer();
    // The bar is gone, so nothing can still be resting on it.
    this.noticeHeld = false;
    this.notice = null;
  }

  private startNoticeTimer(): void {
    this.stopNoticeTimer();
    this.noticeTimer = setTimeout(() => {
      this.noticeTimer = null;
      this.notice = null;
    }, NOTICE_MS);
  }

  private stopNoticeTimer(): void {
    if (this.noticeTimer !== null) clearTimeout(this.noticeTimer);
    this.noticeTimer = null;
  }
}
