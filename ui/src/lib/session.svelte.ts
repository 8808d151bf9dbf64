// The state behind the Today page: which day is open, its text and mood,
// the save state, and the calendar marks. Talks to the back end only through
// the JournalApi passed in (src/ipc/journal.ts in the app, mocks in tests).

import { mark } from '../ipc/bench';
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import type {
  CalendarDay,
  FlushRequest,
  JournalApi,
  Page,
  RecoveredPage,
  Revision,
} from '../ipc/journal';
import { toErrorPayload } from '../ipc/journal';
import { Autosaver, type SaveState } from './autosave';
import { flushDrafts } from './drafts';
import { countWords } from './words';
import {
  addDays,
  addMonths,
  compareMonths,
  firstOfMonth,
  lastOfMonth,
  localToday,
  longDate,
  longDates,
  monthOf,
  type Month,
} from './dates';

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

/**
 * Pause before the one retry when closing, to let a busy store settle
 * (UI_RETRY_PAUSE in src-tauri/src/close.rs counts on it).
 */
export const CLOSE_RETRY_PAUSE_MS = 300;

/**
 * A save that leaves less than half of a page of at least this many words
 * says where the earlier text is kept (the core keeps it as a version).
 */
export const CUT_FROM_WORDS = 20;

/** Why closing stopped when the page is saved but a form's words are not. */
export const DRAFTS_NOT_KEPT =
  'Words typed in a note beside the page (on the Space page) could not be kept just now.';

/** Where each kept form's words were typed, said when they are put back on a page. */
const FORM_LABELS: Record<string, string> = {
  'urge-note': 'A note about an urge',
  'contact-note': 'A note about a contact',
  reflection: 'A reflection',
  'period-outcome': 'How the period ended',
  'upfront-note': 'The note that opened a period',
};

/** Asked when closing finds words that could not be saved. */
export interface CloseQuestion {
  /** The app quits afterwards (the tray's Quit), rather than closing the window. */
  quit: boolean;
  /** Why the words could not be saved. */
  reason: string;
  /** Why they could not be copied to the recovery file either, once tried. */
  keepError: string;
  /** Copying them to the recovery file is under way. */
  busy: boolean;
}

/**
 * A page's text with recovered words put back: unchanged when the words are
 * already on it; the words alone when they hold all of its text (they were
 * typed over it); otherwise a new paragraph after its text.
 */
export function withRecovered(current: string, words: string): string {
  const page = current.trim();
  const kept = words.trim();
  if (kept === '' || page.includes(kept)) return current;
  if (kept.includes(page)) return kept;
  return `${current.trimEnd()}\n\n${kept}`;
}

/**
 * The paragraphs of text saved elsewhere that the person's own text does not
 * already hold: what "add these words below mine" adds. A paragraph counts
 * as already there when one of theirs is it, or begins with it (they went on
 * typing after it), so words added elsewhere to the end come without the
 * shared beginning.
 */
export function addedElsewhere(mine: string, other: string): string {
  const squash = (t: string) => t.replace(/\s+/g, ' ').trim();
  const paragraphs = (t: string) => t.split(/\n\s*\n/).map(squash).filter((p) => p !== '');
  const own = paragraphs(mine);
  const kept = other.split(/\n\s*\n/).filter((raw) => {
    const p = squash(raw);
    if (p === '') return false;
    const stem = p.replace(/[\s.,;:!?…]+$/u, '');
    return !own.some((m) => m === p || (stem !== '' && m.startsWith(stem)));
  });
  return kept.map((p) => p.trim()).join('\n\n');
}

/** Whether a day gets a mark: the core's one meaning of "written". */
function hasContent(page: Pick<Page, 'written'>): boolean {
  return page.written;
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
  /**
   * Such notices for pages not open now, kept until that page is opened
   * again, so moving to another day never drops one unseen.
   */
  private elsewhereByDate = new Map<string, Revision>();
  /** Of those words, the ones not on the page already (what adding them would add). */
  elsewhereAdded = $derived(
    this.changedElsewhere === null ? '' : addedElsewhere(this.body, this.changedElsewhere.body),
  );
  /** The open page's earlier versions while they are shown, newest first. */
  revisions = $state<Revision[] | null>(null);
  revisionsError = $state('');
  /** Closing found words not saved: the person is asked what to do. */
  closeQuestion = $state<CloseQuestion | null>(null);
  /** Words an earlier close kept in the recovery file, waiting to be put back. */
  recovered = $state<RecoveredPage[]>([]);
  /** Why the recovery file could not be read, or the words put back. */
  recoveryError = $state('');
  /** Said once the words are back on their pages. */
  recoveryDone = $state('');
  recoveryBusy = $state(false);
  /** The page's words as the core counted them at its last save or read. */
  words = $state(0);
  /**
   * The words on the page as it is now, counted as the core counts them:
   * what the page shows, so the count moves with every keystroke and can
   * never be left behind by a save that has not come yet.
   */
  liveWords = $derived(countWords(this.body));
  /** The last save removed most of the page's words. */
  cut = $state(false);
  /** The text a save that removed most of the page replaced. */
  private cutFrom = '';

  /** The month the calendar shows. */
  month = $state<Month>({ year: 1970, month: 1 });
  /** The month's days with something written. */
  readonly marks = new SvelteSet<string>();
  /** The month's days with anything to mark: mood, a period begun, contacts. */
  readonly days = new SvelteMap<string, CalendarDay>();
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
  /** The close under way quits the app. */
  private closeQuits = false;
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
      onSaved: (page, _draft, before) => {
        this.markSaved(page);
        if (page.date === this.date) {
          // Most of the page went in one save (a select-all and delete, a
          // paste over it): the earlier text is kept, and where is said.
          this.cut = this.words >= CUT_FROM_WORDS && page.words * 2 < this.words;
          if (this.cut) this.cutFrom = before?.body ?? '';
          this.words = page.words;
        }
      },
      onReplacedElsewhere: (date, other) => {
        // A page not open now (a save that finished after moving on) keeps
        // its notice until it is opened again.
        if (date !== this.date) this.elsewhereByDate.set(date, other);
        // Nothing to say when the words saved elsewhere are all on the page already.
        else if (addedElsewhere(this.body, other.body) !== '') this.changedElsewhere = other;
      },
    });
  }

  /** Opens today's page and starts listening for the window closing. */
  async start(): Promise<void> {
    try {
      const stop = await this.api.onFlushRequested((request) => void this.flushForClose(request));
      if (this.destroyed) stop();
      else this.stopListening = stop;
    } catch {
      // Outside the desktop shell there is no close event to wait for.
    }
    mark('listening');
    this.today = await this.fetchToday();
    mark('today');
    await this.open(this.today);
    await this.checkRecovery();
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
      mark('page');
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
      if (this.changedElsewhere !== null && this.date !== '') {
        this.elsewhereByDate.set(this.date, this.changedElsewhere);
      }
      this.changedElsewhere = null;
      this.revisions = null;
    }
    const body = draft ? draft.body : page.body;
    const waiting = this.elsewhereByDate.get(date);
    if (waiting !== undefined) {
      this.elsewhereByDate.delete(date);
      if (addedElsewhere(body, waiting.body) !== '') this.changedElsewhere = waiting;
    }
    this.date = date;
    this.body = body;
    this.mood = draft ? draft.mood : page.mood;
    this.words = page.words;
    this.cut = false;
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

  /** Puts back the text a save that removed most of the page replaced. */
  undoCut(): void {
    if (!this.cut || this.phase !== 'ready') return;
    this.cut = false;
    this.setBody(this.cutFrom);
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
   * Save everything typed, the page and the drafts beside it, now (before
   * the journal is locked). True when nothing is left unsaved.
   */
  async saveAll(): Promise<boolean> {
    const unkept = await flushDrafts();
    const page = await this.autosaver.flush();
    return page && unkept.length === 0;
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
    this.words = page.words;
    this.cut = false;
    this.pageStored = page.created_at !== null;
    if (this.revisions !== null) void this.showRevisions();
  }

  /** Adds the text saved elsewhere below the person's own, and saves. */
  keepBothTexts(): void {
    const other = this.changedElsewhere;
    if (!other || this.phase !== 'ready') return;
    this.changedElsewhere = null;
    const mine = this.body.trimEnd();
    const added = addedElsewhere(mine, other.body);
    if (added === '') return;
    this.setBody(mine === '' ? added : `${mine}\n\n${added}`);
    void this.autosaver.flush();
  }

  /** Keeps only the person's own text (the other stays in earlier versions). */
  keepMine(): void {
    this.changedElsewhere = null;
  }

  /** Reads the open page's earlier versions. */
  async showRevisions(): Promise<void> {
    this.cut = false;
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
    if (date === '' || this.phase !== 'ready') return false;
    const seq = this.loadSeq;
    // The page is read-only until the version is back: words typed meanwhile
    // would be saved over it, or lost under it.
    this.phase = 'loading';
    const unchanged = (): boolean => seq === this.loadSeq && date === this.date;
    const settle = (): void => {
      if (unchanged()) this.phase = 'ready';
    };
    if (!(await this.autosaver.flush())) {
      settle();
      this.revisionsError = 'This page has words not saved yet, so nothing was put back. Try again once it says Saved.';
      return false;
    }
    let page: Page;
    try {
      page = await this.api.restoreRevision(id);
    } catch (error) {
      settle();
      this.revisionsError = toErrorPayload(error).message;
      return false;
    }
    this.markSaved(page);
    // Another day was opened meanwhile: it loads what the store holds then.
    if (!unchanged()) return true;
    this.autosaver.loaded(date, { body: page.body, mood: page.mood }, page.version);
    this.body = page.body;
    this.mood = page.mood;
    this.words = page.words;
    this.cut = false;
    this.pageStored = page.created_at !== null;
    this.phase = 'ready';
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
    return this.changePage(day, (body) => join(body), null);
  }

  /**
   * Changes a day's text (and sets its mood if it has none), through the
   * autosaver, so an open editor and the store never disagree and text
   * that cannot be saved yet is held like any other unsaved text.
   */
  private async changePage(
    day: string,
    change: (body: string) => string,
    mood: number | null,
  ): Promise<AppendResult> {
    if (!(this.date === day && this.phase === 'ready')) {
      // Another day is open: save whatever is waiting, then read that day's page.
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
        const next = { body: change(base.body), mood: base.mood ?? mood };
        if (next.body === base.body && next.mood === base.mood && !this.autosaver.busyWith(day)) {
          return { kind: 'saved' };
        }
        const saved = await this.autosaver.editNow(day, next);
        return saved ? { kind: 'saved' } : { kind: 'held', message: this.saveMessage() };
      }
    }
    // The day is open: change the editor's text, then save at once.
    if (this.mood === null && mood !== null) this.mood = mood;
    this.setBody(change(this.body));
    const saved = await this.autosaver.flush();
    return saved ? { kind: 'saved' } : { kind: 'held', message: this.saveMessage() };
  }

  private saveMessage(): string {
    return this.save.kind === 'error' ? this.save.message : 'The journal did not answer.';
  }

  /**
   * The shell is about to close the window (or quit): save, and let it
   * close. If the save fails, hold the close, try once more after a pause,
   * and if that fails too, ask the person (`closeQuestion`) instead of
   * closing over their words.
   */
  flushForClose(request: FlushRequest = { quit: false }): Promise<void> {
    if (this.closing) {
      // A second request while the first is handled: a quit makes it a quit.
      this.closeQuits ||= request.quit;
      return this.closing;
    }
    this.closeQuits = request.quit;
    this.closing = (async () => {
      // Words typed in the forms beside the page are kept as drafts too.
      const safe = async () => {
        const unkept = await flushDrafts();
        const page = await this.autosaver.flush();
        return { ok: page && unkept.length === 0, unkept, page };
      };
      let tried = await safe();
      if (tried.ok) return this.letClose();
      // The shell stops its clock (and shows the window) while we try again.
      try {
        await this.api.closeHold();
      } catch {
        // The shell will close after its grace period; the retry still runs.
      }
      await new Promise((resolve) => setTimeout(resolve, CLOSE_RETRY_PAUSE_MS));
      tried = await safe();
      if (tried.ok) return this.letClose();
      this.closeQuestion = {
        quit: this.closeQuits,
        reason: tried.page ? DRAFTS_NOT_KEPT : this.saveMessage(),
        keepError: '',
        busy: false,
      };
    })().finally(() => {
      this.closing = null;
    });
    return this.closing;
  }

  /** "Keep the window open": nothing closes; the words stay on the page to be saved. */
  keepOpen(): void {
    this.closeQuestion = null;
  }

  /**
   * "Quit anyway": copy every unsaved text to the recovery file, then let
   * the window close. If even that fails, the window stays and says why.
   */
  async closeAnyway(): Promise<void> {
    const question = this.closeQuestion;
    if (!question || question.busy) return;
    this.closeQuestion = { ...question, busy: true, keepError: '' };
    const pages = [...this.autosaver.unsavedDrafts(), ...(await this.unkeptFormWords())];
    if (pages.length > 0) {
      try {
        await this.api.writeRecovery(pages);
      } catch (error) {
        this.closeQuestion = { ...question, busy: false, keepError: toErrorPayload(error).message };
        return;
      }
    }
    await this.letClose();
  }

  /**
   * Words in the forms beside the page that could not be kept as drafts, as
   * recovery entries for today's page: each with a line saying where it was
   * typed, so putting them back later adds them to today's page, labelled.
   */
  private async unkeptFormWords(): Promise<RecoveredPage[]> {
    const unkept = await flushDrafts();
    const date = this.today || localToday();
    return unkept.map((d) => ({
      date,
      body: `${FORM_LABELS[d.key] ?? 'Words from a note'} (kept when the app closed):\n${d.text}`,
      mood: null,
    }));
  }

  private async letClose(): Promise<void> {
    this.closeQuestion = null;
    try {
      await this.api.closeReady();
    } catch {
      // Nothing more can be done from here.
    }
  }

  /** Reads the recovery file an earlier close may have left. */
  async checkRecovery(): Promise<void> {
    try {
      this.recovered = await this.api.readRecovery();
      this.recoveryError = '';
    } catch (error) {
      // Only a file that is there and cannot be read is worth a word;
      // anything else (no shell to ask) leaves the page as it is.
      const problem = toErrorPayload(error);
      if (problem.code === 'recovery_unreadable') this.recoveryError = problem.message;
    }
  }

  /**
   * "Put these words back": each day's kept words go onto that day's page
   * through the normal save path. The file is removed once all are saved.
   */
  async putBackRecovered(): Promise<boolean> {
    const entries = this.recovered;
    if (this.recoveryBusy || entries.length === 0) return false;
    this.recoveryBusy = true;
    this.recoveryError = '';
    try {
      for (const entry of entries) {
        const result = await this.changePage(
          entry.date,
          (body) => withRecovered(body, entry.body),
          entry.mood,
        );
        if (result.kind === 'held') {
          this.recoveryError = `The words are on the page for ${longDate(entry.date)} but not saved yet: ${result.message} The recovery file is kept until they are.`;
          return false;
        }
        if (result.kind === 'failed') {
          this.recoveryError = `The words could not be put back just now: ${result.message} They are still kept safe; you can try again.`;
          return false;
        }
      }
      this.recovered = [];
      this.recoveryDone = `Your words are back on the page for ${longDates(entries.map((e) => e.date))}.`;
      try {
        await this.api.discardRecovery();
      } catch {
        // The words are saved; a leftover file is offered again next time
        // and putting it back then changes nothing.
      }
      return true;
    } finally {
      this.recoveryBusy = false;
    }
  }

  /** "Discard", once the person has confirmed: the recovery file is removed. */
  async discardRecovered(): Promise<void> {
    if (this.recoveryBusy) return;
    this.recoveryBusy = true;
    try {
      await this.api.discardRecovery();
      this.recovered = [];
      this.recoveryError = '';
    } catch (error) {
      this.recoveryError = `The recovery file could not be removed just now: ${toErrorPayload(error).message}`;
    } finally {
      this.recoveryBusy = false;
    }
  }

  dismissRecoveryNote(): void {
    this.recoveryDone = '';
    if (this.recovered.length === 0) this.recoveryError = '';
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
      const days = await this.api.calendarDays(firstOfMonth(month), lastOfMonth(month));
      if (seq !== this.marksSeq) return;
      this.marks.clear();
      this.days.clear();
      for (const day of days) {
        if (day.written) this.marks.add(day.date);
        this.days.set(day.date, day);
      }
      this.marksError = false;
    } catch {
      if (seq !== this.marksSeq) return;
      this.marks.clear();
      this.days.clear();
      this.marksError = true;
    }
  }

  /** A saved page's day, as the calendar marks it. */
  private markSaved(page: Page): void {
    const written = hasContent(page);
    if (written) this.marks.add(page.date);
    else this.marks.delete(page.date);
    const day = this.days.get(page.date) ?? {
      date: page.date,
      written: false,
      mood: null,
      began: false,
      reached_out: false,
      they_reached_out: false,
    };
    this.days.set(page.date, { ...day, written, mood: page.mood });
  }

  private async fetchToday(): Promise<string> {
    try {
      return await this.api.today();
    } catch {
      return localToday();
    }
  }
}
