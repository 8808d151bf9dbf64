// The state behind the guidance views: the cards beside the open page, the
// cards marked helpful, and the library. One instance is owned by App and
// shared by the Today page's panel and the library page, so a card marked
// helpful in one place shows as marked in the other.
// Talks to the back end only through the GuidanceApi passed in.

import { mark } from '../ipc/bench';
import { toErrorPayload } from '../ipc/journal';
import type { GuidanceApi, LibraryCard, Suggestion } from '../ipc/guidance';

/** Pause after the last keystroke before asking for cards again. */
export const GUIDANCE_DELAY_MS = 400;

/** What is on screen: the page's date, its text (saved or not) and its mood. */
export interface GuidanceQuery {
  date: string;
  text: string;
  mood: number | null;
}

export type LibraryPhase = 'idle' | 'loading' | 'ready' | 'load-error';

export class GuidanceStore {
  /** The cards beside the page, best first. Kept until newer ones arrive. */
  cards = $state<Suggestion[]>([]);
  /** The day the shown cards were chosen for. */
  cardsDate = $state('');
  /** An answer has arrived at least once (before that, the panel stays quiet). */
  answered = $state(false);
  /** Ids of the cards marked helpful, most recent first. */
  helpful = $state<string[]>([]);
  /** A mark ("this helped", "not today") could not be kept; said calmly, once. */
  actionError = $state('');
  /** The card last set aside ("Not today"), so it can be brought back. */
  setAsideLast = $state<{ id: string; date: string; title: string } | null>(null);
  /** The panel's disclosure on narrow windows; closed until opened. */
  panelOpen = $state(false);

  library = $state<LibraryCard[] | null>(null);
  libraryPhase = $state<LibraryPhase>('idle');
  libraryError = $state('');

  private readonly api: GuidanceApi;
  private readonly delayMs: number;
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private last: GuidanceQuery | null = null;
  /** Bumped by every change to the helpful marks, so an older read cannot undo it. */
  private helpfulSeq = 0;
  private librarySeq = 0;

  constructor(api: GuidanceApi, options: { delayMs?: number } = {}) {
    this.api = api;
    this.delayMs = options.delayMs ?? GUIDANCE_DELAY_MS;
  }

  /** Asks for cards now. A slower, earlier answer never replaces a newer one. */
  async request(query: GuidanceQuery): Promise<void> {
    this.cancel();
    this.last = { ...query };
    const seq = ++this.seq;
    let cards: Suggestion[];
    try {
      mark('guidance asked');
      cards = await this.api.guidance(query.date, query.text, query.mood);
      mark('guidance came');
    } catch {
      if (seq !== this.seq) return;
      // Guidance is a companion, not the page: without an answer the cards
      // stay as they were, unless they belong to another day.
      if (this.cardsDate !== query.date) {
        this.cards = [];
        this.cardsDate = query.date;
      }
      return;
    }
    if (seq !== this.seq) return;
    this.cards = cards;
    this.cardsDate = query.date;
    this.answered = true;
  }

  /** Asks for cards once typing has paused. */
  schedule(query: GuidanceQuery): void {
    this.cancel();
    this.last = { ...query };
    const pending = { ...query };
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.request(pending);
    }, this.delayMs);
  }

  /** Asks again with what was last on screen. */
  refresh(): Promise<void> {
    return this.last ? this.request(this.last) : Promise.resolve();
  }

  /** Drops a request still waiting for the pause in typing. */
  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  isHelpful(id: string): boolean {
    return this.helpful.includes(id);
  }

  /** Reads which cards were marked helpful. Keeps what it has on failure. */
  async loadHelpful(): Promise<void> {
    const seq = this.helpfulSeq;
    try {
      const ids = await this.api.helpfulCards();
      if (seq !== this.helpfulSeq) return;
      this.helpful = ids;
    } catch {
      // The marks are a nicety; without an answer they stay as they were.
    }
  }

  /** "This helped", or taking it back. Shown at once; undone if it cannot be kept. */
  async toggleHelpful(id: string): Promise<void> {
    const helpful = !this.isHelpful(id);
    this.helpfulSeq += 1;
    const before = this.helpful;
    this.helpful = helpful ? [id, ...before.filter((x) => x !== id)] : before.filter((x) => x !== id);
    this.actionError = '';
    try {
      await this.api.setCardHelpful(id, helpful);
    } catch (error) {
      // Undo only this change, whatever else was marked meanwhile.
      this.helpfulSeq += 1;
      if (helpful) this.helpful = this.helpful.filter((x) => x !== id);
      else if (!this.helpful.includes(id)) this.helpful = [id, ...this.helpful];
      this.actionError = `That could not be noted just now. ${toErrorPayload(error).message}`;
    }
  }

  /**
   * "Not today": hides a card from one day's page, then asks for cards again.
   * Resolves to whether the card was set aside.
   */
  async setAside(id: string, date: string): Promise<boolean> {
    this.actionError = '';
    const title = this.cards.find((c) => c.id === id)?.title ?? '';
    try {
      await this.api.setCardAside(id, date);
    } catch (error) {
      this.actionError = `That card could not be put away just now. ${toErrorPayload(error).message}`;
      return false;
    }
    this.setAsideLast = { id, date, title };
    if (this.cardsDate === date) this.cards = this.cards.filter((c) => c.id !== id);
    if (this.last?.date === date) await this.refresh();
    return true;
  }

  /** Undo the last "Not today": the card may come back beside that day's page. */
  async undoAside(): Promise<boolean> {
    const last = this.setAsideLast;
    if (last === null) return false;
    this.actionError = '';
    try {
      await this.api.setCardAside(last.id, last.date, false);
    } catch (error) {
      this.actionError = `That card could not be brought back just now. ${toErrorPayload(error).message}`;
      return false;
    }
    this.setAsideLast = null;
    if (this.last?.date === last.date) await this.refresh();
    return true;
  }

  /** Reads the whole library (again). */
  async loadLibrary(): Promise<void> {
    const seq = ++this.librarySeq;
    if (this.library === null) this.libraryPhase = 'loading';
    try {
      const cards = await this.api.guidanceLibrary();
      if (seq !== this.librarySeq) return;
      this.library = cards;
      this.libraryPhase = 'ready';
      this.libraryError = '';
    } catch (error) {
      if (seq !== this.librarySeq) return;
      if (this.library === null) {
        this.libraryPhase = 'load-error';
        this.libraryError = toErrorPayload(error).message;
      }
    }
  }
}
