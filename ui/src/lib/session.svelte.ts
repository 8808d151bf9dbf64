// The state behind the Today page: which day is open, its text and mood,
// the save state, and the calendar marks. Talks to the back end only through
// the JournalApi passed in (src/ipc/journal.ts in the app, mocks in tests).

import { SvelteSet } from 'svelte/reactivity';
import type { JournalApi, Page, Revision } from '../ipc/journal';
import { toErrorPayload } from '../ipc/journal';
import { Autosaver, type SaveState } from './autosave';
import {
  addDays,
  addMonths,
  compareMonths,
  firstOfMonth,
  lastOfMonth,
  localToday,
  monthOf,
  type Month,
} from './dates';
import { countWords } from './words';

export type Phase = 'starting' | 'loading' | 'ready' | 'load-error';

/**
 * What became of text added to today's page: saved; held as unsaved text on
 * today's page (it will be saved with the next try, nothing to do again); or
 * not added at all.
 */
export type AppendResult =
  | { kind: 'saved' }
  | { kind: 'held'; message: string }
  | { kind: 'failed'; message: string };

/** Pause before the one retry when closing, to let a busy store settle. */
export const CLOSE_RETRY_PAUSE_MS = 300;

function hasContent(page: Pick<Page, 'words' | 'mood'>): boolean {
  return page.words > 0 || page.mood !== null;
}

export class JournalSession {
  /** Today's date as the Rust side reports it. */
  today = $state('');
  /** The day whose page is shown. */
  date = $state('');
  body = $state('');
  mood = $state<number | null>(null);
  phase = $state<Phase>('starting');
  loadError = $state('');
  /** The open page already existed in the store when it was opened. */
  pageStored = $state(false);
  save = $state<SaveState>({ kind: 'idle' });
  /**
   * Text saved to the open page elsewhere (the command line, another
   * window) that this page's last save replaced. It is kept in the page's
   * earlier versions; the person can add it back below their own.
   */
  changedElsewhere = $state<Revision | null>(null);
  /** The open page's earlier versions while they are shown, newest first. */
  revisions = $state<Revision[] | null>(null);
  revisionsError = $state('');
  words = $derived(countWords(this.body));

  /** The month the calendar shows. */
  month = $state<Month>({ year: 1970, month: 1 });
  readonly marks = new SvelteSet<string>();
  marksError = $state(false);

  canGoNext = $derived(this.date !== '' && this.today !== '' && this.date < this.today);
  canGoNextMonth = $derived(
    this.today !== '' && compareMonths(this.month, monthOf(this.today)) < 0,
  );

  private readonly api: JournalApi;
  private readonly autosaver: Autosaver;
  /** The day most recently asked for; navigation counts from here. */
  private target = '';
  private loadSeq = 0;
  private marksSeq = 0;
  private stopListening: (() => void) | null = null;
  private closing: Promise<void> | null = null;
  private destroyed = false;

  constructor(api: JournalApi, options: { delayMs?: number } = {}) {
    this.api = api;
    this.autosaver = new Autosaver({
      save: (date, draft, base) => api.savePage(date, draft.body, draft.mood, base),
      toError: toErrorPayload,
      delayMs: options.delayMs,
      onState: (state) => {
        this.save = state;
      },
      onSaved: (page) => {
        if (hasContent(page)) this.marks.add(page.date);
        else this.marks.delete(page.date);
      },
      onReplacedElsewhere: (date, other) => {
        if (date === this.date) this.changedElsewhere = other;
      },
    });
  }

  /** Opens today's page and starts listening for the window closing. */
  async start(): Promise<void> {
    try {
      const stop = await this.api.onFlushRequested(() => void this.flushForClose());
      if (this.destroyed) stop();
      else this.stopListening = stop;
    } catch {
      // Outside the desktop shell there is no close event to wait for.
    }
    this.today = await this.fetchToday();
    await this.open(this.today);
  }

  destroy(): void {
    this.destroyed = true;
    this.autosaver.dispose();
    this.stopListening?.();
    this.stopListening = null;
  }

  /** Checks the date again, e.g. when the window regains focus after midnight. */
  async refreshToday(): Promise<void> {
    try {
      const today = await this.api.today();
      if (today !== this.today) this.today = today;
    } catch {
      // Keep the date we have.
    }
  }

  /**
   * Opens a day's page, first saving the page that is open now.
   * Future days cannot be opened.
   */
  async open(date: string): Promise<void> {
    if (this.today !== '' && date > this.today) return;
    // Already open and settled: nothing to do (and nothing to reload over).
    if (date === this.date && date === this.target && this.phase === 'ready') return;
    const seq = ++this.loadSeq;
    this.target = date;
    this.phase = this.phase === 'starting' ? 'starting' : 'loading';

    // Save the day that is open now, to its own date, before anything else.
    await this.autosaver.flush();
    if (seq !== this.loadSeq) return;

    let page: Page;
    try {
      page = await this.api.getPage(date);
    } catch (error) {
      if (seq !== this.loadSeq) return;
      this.date = date;
      this.body = '';
      this.mood = null;
      this.pageStored = false;
      this.loadError = toErrorPayload(error).message;
      this.phase = 'load-error';
      this.showMonth(monthOf(date));
      return;
    }
    if (seq !== this.loadSeq) return;

    this.autosaver.loaded(date, { body: page.body, mood: page.mood }, page.version);
    // Text that could not be saved earlier wins over what the store holds.
    const draft = this.autosaver.unsaved(date);
    if (date !== this.date) {
      this.changedElsewhere = null;
      this.revisions = null;
    }
    this.date = date;
    this.body = draft ? draft.body : page.body;
    this.mood = draft ? draft.mood : page.mood;
    this.pageStored = page.created_at !== null;
    this.loadError = '';
    this.phase = 'ready';
    this.showMonth(monthOf(date));
  }

  previousDay(): Promise<void> {
    const from = this.target || this.date;
    if (from === '') return Promise.resolve();
    return this.open(addDays(from, -1));
  }

  nextDay(): Promise<void> {
    const from = this.target || this.date;
    if (from === '' || from >= this.today) return Promise.resolve();
    return this.open(addDays(from, 1));
  }

  goToday(): Promise<void> {
    if (this.today === '') return Promise.resolve();
    return this.open(this.today);
  }

  /** Typing in the editor. */
  setBody(body: string): void {
    if (this.phase !== 'ready') return;
    this.body = body;
    this.autosaver.edit(this.date, { body, mood: this.mood });
  }

  /** Choosing or clearing the mood; saved at once. */
  setMood(mood: number | null): void {
    if (this.phase !== 'ready') return;
    this.mood = mood;
    void this.autosaver.editNow(this.date, { body: this.body, mood });
  }

  /** The editor lost focus: save now rather than after the pause. */
  blur(): void {
    void this.autosaver.flush();
  }

  retry(): Promise<boolean> {
    return this.autosaver.flush();
  }

  /**
   * The window came back: if the open page was changed elsewhere meanwhile
   * and nothing typed here is waiting, show what the store holds now.
   */
  async reloadIfChanged(): Promise<void> {
    const date = this.date;
    if (this.phase !== 'ready' || date === '' || this.autosaver.busyWith(date)) return;
    let page: Page;
    try {
      page = await this.api.getPage(date);
    } catch {
      return; // Keep what is on screen; the next save will say if anything is wrong.
    }
    if (date !== this.date || this.phase !== 'ready' || this.autosaver.busyWith(date)) return;
    if (page.version === this.autosaver.version(date)) return;
    this.autosaver.loaded(date, { body: page.body, mood: page.mood }, page.version);
    this.body = page.body;
    this.mood = page.mood;
    this.pageStored = page.created_at !== null;
    if (this.revisions !== null) void this.showRevisions();
  }

  /** Adds the text saved elsewhere below the person's own, and saves. */
  keepBothTexts(): void {
    const other = this.changedElsewhere;
    if (!other || this.phase !== 'ready') return;
    this.changedElsewhere = null;
    const mine = this.body.trimEnd();
    this.setBody(mine === '' ? other.body : `${mine}\n\n${other.body}`);
    void this.autosaver.flush();
  }

  /** Keeps only the person's own text (the other stays in earlier versions). */
  keepMine(): void {
    this.changedElsewhere = null;
  }

  /** Reads the open page's earlier versions. */
  async showRevisions(): Promise<void> {
    const date = this.date;
    if (date === '') return;
    await this.autosaver.flush();
    try {
      const list = await this.api.pageRevisions(date);
      if (date !== this.date) return;
      this.revisions = list;
      this.revisionsError = '';
    } catch (error) {
      if (date !== this.date) return;
      this.revisions = [];
      this.revisionsError = toErrorPayload(error).message;
    }
  }

  hideRevisions(): void {
    this.revisions = null;
    this.revisionsError = '';
  }

  /**
   * Puts an earlier version back on the open page. What the page holds now
   * is kept as an earlier version first, so this can be undone the same way.
   */
  async restoreRevision(id: number): Promise<boolean> {
    const date = this.date;
    if (!(await this.autosaver.flush())) {
      this.revisionsError = 'This page has words not saved yet, so nothing was put back. Try again once it says Saved.';
      return false;
    }
    let page: Page;
    try {
      page = await this.api.restoreRevision(id);
    } catch (error) {
      this.revisionsError = toErrorPayload(error).message;
      return false;
    }
    if (date !== this.date) return true;
    this.autosaver.loaded(date, { body: page.body, mood: page.mood }, page.version);
    this.body = page.body;
    this.mood = page.mood;
    this.pageStored = page.created_at !== null;
    if (hasContent(page)) this.marks.add(date);
    else this.marks.delete(date);
    await this.showRevisions();
    return true;
  }

  /**
   * Adds a paragraph to the end of today's page, keeping its mood. It goes
   * through the autosaver, so an open editor and the store never disagree and
   * text that cannot be saved yet is held like any other unsaved text.
   */
  async appendToToday(text: string): Promise<AppendResult> {
    const addition = text.trim();
    if (addition === '') return { kind: 'saved' };
    await this.refreshToday();
    const day = this.today !== '' ? this.today : localToday();
    const join = (body: string): string =>
      body.trim() === '' ? addition : `${body.trimEnd()}\n\n${addition}`;

    if (!(this.date === day && this.phase === 'ready')) {
      // Another day is open: save whatever is waiting, then read today's page.
      await this.autosaver.flush();
      let page: Page;
      try {
        page = await this.api.getPage(day);
      } catch (error) {
        return { kind: 'failed', message: toErrorPayload(error).message };
      }
      if (!(this.date === day && this.phase === 'ready')) {
        this.autosaver.loaded(day, { body: page.body, mood: page.mood }, page.version);
        const base = this.autosaver.unsaved(day) ?? { body: page.body, mood: page.mood };
        const saved = await this.autosaver.editNow(day, { body: join(base.body), mood: base.mood });
        return saved ? { kind: 'saved' } : { kind: 'held', message: this.saveMessage() };
      }
    }
    // Today's page is open: add to the editor's text, then save at once.
    this.setBody(join(this.body));
    const saved = await this.autosaver.flush();
    return saved ? { kind: 'saved' } : { kind: 'held', message: this.saveMessage() };
  }

  private saveMessage(): string {
    return this.save.kind === 'error' ? this.save.message : 'The journal did not answer.';
  }

  /** The shell is about to close the window: save, try once more, then let it close. */
  flushForClose(): Promise<void> {
    this.closing ??= (async () => {
      if (!(await this.autosaver.flush())) {
        await new Promise((resolve) => setTimeout(resolve, CLOSE_RETRY_PAUSE_MS));
        await this.autosaver.flush();
      }
      try {
        await this.api.closeReady();
      } catch {
        // Nothing more can be done from here.
      }
    })().finally(() => {
      this.closing = null;
    });
    return this.closing;
  }

  showMonth(month: Month): void {
    if (compareMonths(month, this.month) === 0 && this.marksSeq > 0) return;
    this.month = month;
    void this.refreshMarks();
  }

  shiftMonth(delta: number): void {
    const next = addMonths(this.month, delta);
    if (this.today !== '' && compareMonths(next, monthOf(this.today)) > 0) return;
    this.showMonth(next);
  }

  async refreshMarks(): Promise<void> {
    const seq = ++this.marksSeq;
    const month = this.month;
    try {
      const pages = await this.api.listPages(firstOfMonth(month), lastOfMonth(month));
      if (seq !== this.marksSeq) return;
      this.marks.clear();
      for (const p of pages) if (hasContent(p)) this.marks.add(p.date);
      this.marksError = false;
    } catch {
      if (seq !== this.marksSeq) return;
      this.marks.clear();
      this.marksError = true;
    }
  }

  private async fetchToday(): Promise<string> {
    try {
      return await this.api.today();
    } catch {
      return localToday();
    }
  }
}
