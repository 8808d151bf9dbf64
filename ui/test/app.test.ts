import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import App from '../src/App.svelte';
import { CLOSE_RETRY_PAUSE_MS } from '../src/lib/session.svelte';
import { deferred, makePage, makeSaved } from './helpers';

const TODAY = '2026-11-29'; // a Sunday
const YESTERDAY = '2026-11-28';

type Args = Record<string, unknown>;
type Stored = { body: string; mood: number | null };

type Kept = { date: string; body: string; mood: number | null };

/** A pretend Rust side, through the real src/ipc/journal.ts and mockIPC. */
function fakeBackend(initial: Record<string, Stored> = {}, recovery: Kept[] = []) {
  const pages = new Map<string, Stored>(Object.entries(initial));
  /** Days the calendar marks beyond a page: a period begun, contacts. */
  const marks: { began?: string; reachedOut?: string; theyReachedOut?: string } = {};
  let kept: Kept[] = [...recovery];
  const calls: { cmd: string; args: Args }[] = [];
  const overrides = new Map<string, (args: Args) => unknown>();
  const page = (date: string) => {
    const p = pages.get(date);
    return makePage(date, p?.body ?? '', p?.mood ?? null);
  };
  mockIPC(
    (cmd, payload) => {
      const args = (payload ?? {}) as Args;
      calls.push({ cmd, args });
      const override = overrides.get(cmd);
      if (override) return override(args);
      switch (cmd) {
        case 'today':
          return TODAY;
        case 'get_page':
          return page(args.date as string);
        case 'save_page': {
          const date = args.date as string;
          pages.set(date, { body: args.body as string, mood: args.mood as number | null });
          return { page: page(date), replaced_elsewhere: null };
        }
        case 'calendar_days':
          return [...pages.keys()]
            .filter((d) => d >= (args.from as string) && d <= (args.to as string))
            .filter((d) => page(d).written)
            .sort()
            .map((d) => ({
              date: d,
              written: true,
              mood: page(d).mood,
              began: d === marks.began,
              reached_out: d === marks.reachedOut,
              they_reached_out: d === marks.theyReachedOut,
            }));
        case 'close_ready':
        case 'close_hold':
          return null;
        case 'read_recovery':
          return kept;
        case 'write_recovery':
          kept = [...kept, ...(args.pages as Kept[])];
          return null;
        case 'discard_recovery':
          kept = [];
          return null;
      }
      throw { code: 'invalid_input', message: `no such command: ${cmd}` };
    },
    { shouldMockEvents: true },
  );
  return {
    pages,
    marks,
    calls,
    overrides,
    recovery: () => kept,
    saves: () => calls.filter((c) => c.cmd === 'save_page').map((c) => c.args),
    commands: () => calls.map((c) => c.cmd),
  };
}

/** Lets pending promise chains (IPC replies, Svelte updates) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await vi.advanceTimersByTimeAsync(0);
  }
}

async function startApp() {
  render(App);
  await settle();
  return {
    editor: screen.getByTestId('editor') as HTMLTextAreaElement,
    saveState: () => screen.getByTestId('save-state').textContent,
    heading: () => screen.getByTestId('page-date'),
  };
}

async function type(editor: HTMLTextAreaElement, text: string): Promise<void> {
  await fireEvent.input(editor, { target: { value: text } });
}

beforeEach(() => {
  vi.useFakeTimers();
});

describe('opening the app', () => {
  it("opens today's page with the cursor in the editor", async () => {
    fakeBackend({ [TODAY]: { body: 'Already started.', mood: null } });
    const { editor, heading, saveState } = await startApp();
    expect(heading().dataset.date).toBe(TODAY);
    expect(heading().textContent).toContain('Sunday, 29 November 2026');
    expect(screen.getByText('Today', { selector: '.hint' })).toBeTruthy();
    expect(editor.value).toBe('Already started.');
    expect(document.activeElement).toBe(editor);
    expect(editor.selectionStart).toBe('Already started.'.length);
    expect(saveState()).toBe('Saved');
    expect(screen.getByTestId('word-count').textContent).toBe('2 words');
  });

  it('says nothing about saving on a fresh empty page', async () => {
    fakeBackend();
    const { editor, saveState } = await startApp();
    expect(editor.value).toBe('');
    expect(editor.placeholder).toBe('What is on your mind today?');
    expect(saveState()).toBe('');
  });

  it('shows a calm message, and no editor, when the page cannot be read', async () => {
    const backend = fakeBackend({ [TODAY]: { body: 'precious', mood: 3 } });
    backend.overrides.set('get_page', () => {
      throw { code: 'database', message: 'The journal could not be read.' };
    });
    render(App);
    await settle();
    expect(screen.getByText('This page could not be opened just now.')).toBeTruthy();
    expect(screen.getByText('The journal could not be read.')).toBeTruthy();
    // Typing into an unknown page could replace it, so there is no editor.
    expect(screen.queryByTestId('editor')).toBeNull();

    backend.overrides.delete('get_page');
    await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await settle();
    expect((screen.getByTestId('editor') as HTMLTextAreaElement).value).toBe('precious');
    expect(backend.saves()).toEqual([]);
  });
});

describe('autosave', () => {
  it('saves after the pause in typing, and not before', async () => {
    const backend = fakeBackend();
    const { editor } = await startApp();
    await type(editor, 'I went for a walk.');
    await vi.advanceTimersByTimeAsync(600);
    expect(backend.saves()).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    await settle();
    expect(backend.saves()).toEqual([{ date: TODAY, body: 'I went for a walk.', mood: null, baseVersion: 0 }]);
  });

  it('saves rapid typing once, with the latest text', async () => {
    const backend = fakeBackend();
    const { editor } = await startApp();
    let text = '';
    for (const word of ['I', ' did', ' not', ' text', ' them.']) {
      text += word;
      await type(editor, text);
      await vi.advanceTimersByTimeAsync(200);
    }
    await vi.advanceTimersByTimeAsync(700);
    await settle();
    expect(backend.saves()).toEqual([{ date: TODAY, body: 'I did not text them.', mood: null, baseVersion: 0 }]);
    expect(backend.pages.get(TODAY)?.body).toBe('I did not text them.');
  });

  it('shows Saving… while saving and Saved once the text is stored', async () => {
    const backend = fakeBackend();
    const reply = deferred<unknown>();
    backend.overrides.set('save_page', () => reply.promise);
    const { editor, saveState } = await startApp();
    await type(editor, 'Slow disk today.');
    expect(saveState()).toBe('Saving…');
    await vi.advanceTimersByTimeAsync(700);
    await settle();
    expect(saveState()).toBe('Saving…');
    reply.resolve(makeSaved(TODAY, 'Slow disk today.'));
    await settle();
    expect(saveState()).toBe('Saved');
  });

  it('updates the word count with every keystroke, as the core counts words', async () => {
    fakeBackend();
    const { editor } = await startApp();
    await type(editor, 'one two three');
    // Before the save: the count never waits for one.
    expect(screen.getByTestId('word-count').textContent).toBe('3 words');
    await vi.advanceTimersByTimeAsync(700);
    await settle();
    expect(screen.getByTestId('word-count').textContent).toBe('3 words');
    await type(editor, 'one two three — four!');
    expect(screen.getByTestId('word-count').textContent).toBe('4 words');
    await vi.advanceTimersByTimeAsync(700);
    await settle();
    expect(screen.getByTestId('word-count').textContent).toBe('4 words');
  });

  it('counts the words the page shows, even where the stored count says otherwise', async () => {
    // A page whose stored count lags its text (it once showed "0 words" on a
    // long page until something else made it draw again).
    const backend = fakeBackend();
    backend.overrides.set('get_page', (args) => ({
      ...makePage(args.date as string, 'Six words stand on this page.', null),
      words: 0,
    }));
    await startApp();
    expect(screen.getByTestId('word-count').textContent).toBe('6 words');
  });

  it('keeps the text on a failed save, shows the reason and a Retry that saves', async () => {
    const backend = fakeBackend();
    const message = 'There is no room left on the disk.';
    backend.overrides.set('save_page', () => {
      throw { code: 'disk_full', message };
    });
    const { editor, saveState } = await startApp();
    await type(editor, 'Do not lose this.');
    await vi.advanceTimersByTimeAsync(700);
    await settle();
    expect(saveState()).toBe(message);
    expect(editor.value).toBe('Do not lose this.');
    expect(screen.getByRole('status').textContent).toContain(message);

    backend.overrides.delete('save_page');
    await fireEvent.click(screen.getByTestId('retry'));
    await settle();
    expect(saveState()).toBe('Saved');
    expect(screen.queryByTestId('retry')).toBeNull();
    expect(backend.pages.get(TODAY)?.body).toBe('Do not lose this.');
  });

  it('retries a failed save when you write again', async () => {
    const backend = fakeBackend();
    backend.overrides.set('save_page', () => {
      throw { code: 'busy', message: 'The journal is busy. Trying again soon.' };
    });
    const { editor, saveState } = await startApp();
    await type(editor, 'First try.');
    await vi.advanceTimersByTimeAsync(700);
    await settle();
    expect(saveState()).toBe('The journal is busy. Trying again soon.');

    backend.overrides.delete('save_page');
    await type(editor, 'First try. Second.');
    await vi.advanceTimersByTimeAsync(700);
    await settle();
    expect(saveState()).toBe('Saved');
    expect(backend.pages.get(TODAY)?.body).toBe('First try. Second.');
  });

  it('saves at once when the editor loses focus', async () => {
    const backend = fakeBackend();
    const { editor } = await startApp();
    await type(editor, 'Stepping away.');
    await fireEvent.blur(editor);
    await settle();
    expect(backend.saves()).toEqual([{ date: TODAY, body: 'Stepping away.', mood: null, baseVersion: 0 }]);
  });

  it('saves what was typed while an earlier save was still running, after it', async () => {
    const backend = fakeBackend();
    const first = deferred<unknown>();
    let n = 0;
    backend.overrides.set('save_page', (args) => {
      n += 1;
      if (n === 1) return first.promise;
      return makeSaved(args.date as string, args.body as string);
    });
    const { editor, saveState } = await startApp();
    await type(editor, 'one');
    await vi.advanceTimersByTimeAsync(700);
    await type(editor, 'one two');
    await vi.advanceTimersByTimeAsync(700);
    await settle();
    expect(backend.saves()).toHaveLength(1);
    first.resolve(makeSaved(TODAY, 'one'));
    await settle();
    expect(backend.saves().map((a) => a.body)).toEqual(['one', 'one two']);
    expect(saveState()).toBe('Saved');
  });
});

describe('closing the window', () => {
  it('saves unsaved text at once, then tells the shell it may close', async () => {
    const backend = fakeBackend();
    const { editor } = await startApp();
    await type(editor, 'Last words before closing.');
    await emit('flush-requested');
    await settle();
    expect(backend.saves()).toEqual([{ date: TODAY, body: 'Last words before closing.', mood: null, baseVersion: 0 }]);
    const order = backend.commands();
    expect(order.indexOf('close_ready')).toBeGreaterThan(order.lastIndexOf('save_page'));
  });

  it('closes straight away when everything is saved', async () => {
    const backend = fakeBackend();
    await startApp();
    await emit('flush-requested');
    await settle();
    expect(backend.saves()).toEqual([]);
    expect(backend.commands()).toContain('close_ready');
  });

  it('tries the save twice, then asks instead of closing over the words', async () => {
    const backend = fakeBackend();
    const message = 'The disk is full, so this could not be saved.';
    backend.overrides.set('save_page', () => {
      throw { code: 'disk_full', message };
    });
    const { editor } = await startApp();
    await type(editor, 'Unlucky.');
    await emit('flush-requested', { quit: false });
    await settle();
    expect(backend.saves()).toHaveLength(1);
    // The shell is told to wait (its grace timer must not close the window).
    expect(backend.commands()).toContain('close_hold');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await vi.advanceTimersByTimeAsync(CLOSE_RETRY_PAUSE_MS);
    await settle();
    // The retry (and one more as the question takes the focus from the editor).
    expect(backend.saves().length).toBeGreaterThanOrEqual(2);

    const question = screen.getByRole('alertdialog');
    expect(within(question).getByText('Some of your words are not saved yet')).toBeTruthy();
    expect(within(question).getByText(message)).toBeTruthy();
    expect(within(question).getByRole('button', { name: 'Keep the window open' })).toBeTruthy();
    expect(within(question).getByRole('button', { name: 'Close anyway' })).toBeTruthy();
    // However long the person takes to answer, nothing closes.
    await vi.advanceTimersByTimeAsync(60_000);
    await settle();
    expect(backend.commands()).not.toContain('close_ready');
    expect(backend.recovery()).toEqual([]);
    expect(editor.value).toBe('Unlucky.');
  });

  it('"Quit anyway" copies the unsaved words to the recovery file, then lets the app quit', async () => {
    const backend = fakeBackend({ [YESTERDAY]: { body: 'Saturday page.', mood: 2 } });
    backend.overrides.set('save_page', () => {
      throw { code: 'io', message: 'The journal file could not be written.' };
    });
    const { editor } = await startApp();
    await type(editor, 'Words for Sunday.');
    await fireEvent.click(screen.getByTestId('prev-day'));
    await settle();
    await type(screen.getByTestId('editor') as HTMLTextAreaElement, 'Saturday page. And more.');

    // The tray's Quit.
    await emit('flush-requested', { quit: true });
    await settle();
    await vi.advanceTimersByTimeAsync(CLOSE_RETRY_PAUSE_MS);
    await settle();
    await fireEvent.click(screen.getByRole('button', { name: 'Quit anyway' }));
    await settle();

    expect(backend.recovery()).toEqual([
      { date: TODAY, body: 'Words for Sunday.', mood: null },
      { date: YESTERDAY, body: 'Saturday page. And more.', mood: 2 },
    ]);
    const order = backend.commands();
    expect(order.at(-1)).toBe('close_ready');
    expect(order.indexOf('write_recovery')).toBeLessThan(order.indexOf('close_ready'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('stays open and says so when the words cannot be copied either', async () => {
    const backend = fakeBackend();
    backend.overrides.set('save_page', () => {
      throw { code: 'disk_full', message: 'The disk is full, so this could not be saved.' };
    });
    backend.overrides.set('write_recovery', () => {
      throw { code: 'disk_full', message: 'The disk is full.' };
    });
    const { editor } = await startApp();
    await type(editor, 'Nowhere to go.');
    await emit('flush-requested', { quit: true });
    await settle();
    await vi.advanceTimersByTimeAsync(CLOSE_RETRY_PAUSE_MS);
    await settle();
    await fireEvent.click(screen.getByRole('button', { name: 'Quit anyway' }));
    await settle();
    expect(screen.getByTestId('close-keep-error').textContent).toContain('The disk is full.');
    expect(screen.getByRole('alertdialog')).toBeTruthy();
    expect(backend.commands()).not.toContain('close_ready');
    expect(editor.value).toBe('Nowhere to go.');
  });

  it('"Keep the window open" leaves it open, and a later retry saves the words', async () => {
    const backend = fakeBackend();
    backend.overrides.set('save_page', () => {
      throw { code: 'busy', message: 'The journal is busy in another program. Try again in a moment.' };
    });
    const { editor, saveState } = await startApp();
    await type(editor, 'Still here.');
    await emit('flush-requested', { quit: false });
    await settle();
    await vi.advanceTimersByTimeAsync(CLOSE_RETRY_PAUSE_MS);
    await settle();
    await fireEvent.click(screen.getByRole('button', { name: 'Keep the window open' }));
    await settle();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('editor'));

    backend.overrides.delete('save_page');
    await fireEvent.click(screen.getByTestId('retry'));
    await settle();
    expect(saveState()).toBe('Saved');
    expect(backend.pages.get(TODAY)?.body).toBe('Still here.');
    expect(backend.commands()).not.toContain('close_ready');
    expect(backend.commands()).not.toContain('write_recovery');

    // Closing now simply closes.
    await emit('flush-requested', { quit: false });
    await settle();
    expect(backend.commands().at(-1)).toBe('close_ready');
  });
});

describe('words kept from an earlier close', () => {
  it('offers them on the Today page and puts them back on their own day', async () => {
    const backend = fakeBackend({ [YESTERDAY]: { body: 'Saturday page.', mood: null } }, [
      { date: YESTERDAY, body: 'Written late, not saved.', mood: 2 },
    ]);
    await startApp();
    const notice = screen.getByTestId('recovery-notice');
    expect(notice.textContent).toContain('Saturday, 28 November 2026');
    expect(within(notice).getByTestId('recovered-text').textContent).toBe('Written late, not saved.');

    await fireEvent.click(within(notice).getByRole('button', { name: 'Put these words back' }));
    await settle();
    expect(backend.saves()).toEqual([
      { date: YESTERDAY, body: 'Saturday page.\n\nWritten late, not saved.', mood: 2, baseVersion: 1 },
    ]);
    expect(backend.recovery()).toEqual([]);
    expect(backend.commands()).toContain('discard_recovery');
    expect(screen.getByTestId('recovery-notice').textContent).toContain(
      'Your words are back on the page for Saturday, 28 November 2026.',
    );
    // Today's page is untouched.
    expect((screen.getByTestId('editor') as HTMLTextAreaElement).value).toBe('');
  });

  it("puts back words typed over the page's text without doubling it", async () => {
    const backend = fakeBackend({ [TODAY]: { body: 'Morning.', mood: 4 } }, [
      { date: TODAY, body: 'Morning. Then the evening.', mood: null },
    ]);
    const { editor } = await startApp();
    await fireEvent.click(screen.getByRole('button', { name: 'Put these words back' }));
    await settle();
    expect(editor.value).toBe('Morning. Then the evening.');
    expect(backend.pages.get(TODAY)).toEqual({ body: 'Morning. Then the evening.', mood: 4 });
  });

  it('keeps the file when the words cannot be saved yet', async () => {
    const kept = { date: YESTERDAY, body: 'Not yet.', mood: null };
    const backend = fakeBackend({}, [kept]);
    backend.overrides.set('save_page', () => {
      throw { code: 'busy', message: 'The journal is busy in another program. Try again in a moment.' };
    });
    await startApp();
    await fireEvent.click(screen.getByRole('button', { name: 'Put these words back' }));
    await settle();
    expect(screen.getByTestId('recovery-notice').textContent).toContain('The journal is busy');
    expect(backend.recovery()).toEqual([kept]);
    expect(backend.commands()).not.toContain('discard_recovery');
  });

  it('discards them only once the person confirms', async () => {
    const backend = fakeBackend({}, [{ date: TODAY, body: 'Let it go.', mood: null }]);
    await startApp();
    await fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    await settle();
    expect(backend.commands()).not.toContain('discard_recovery');
    expect(screen.getByText(/cannot be undone/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Yes, let them go' }));
    await settle();
    expect(backend.recovery()).toEqual([]);
    expect(screen.queryByTestId('recovery-notice')).toBeNull();
    expect(backend.saves()).toEqual([]);
  });

  it('says calmly when the recovery file cannot be read, and leaves it be', async () => {
    const backend = fakeBackend();
    const message =
      'the recovery file /data/journal.db.recovery.json could not be read (EOF). It was left as it is, so nothing in it is lost; it is plain text you can open in any text editor.';
    backend.overrides.set('read_recovery', () => {
      throw { code: 'recovery_unreadable', message };
    });
    await startApp();
    const notice = screen.getByTestId('recovery-notice');
    expect(notice.textContent).toContain('A recovery file could not be read');
    expect(notice.textContent).toContain(message);
    expect(backend.commands()).not.toContain('discard_recovery');
  });
});

describe('moving between days', () => {
  it("saves the open day's text to that day before opening another", async () => {
    const backend = fakeBackend({ [YESTERDAY]: { body: 'Saturday page.', mood: 2 } });
    const { editor, heading } = await startApp();
    await type(editor, 'Sunday words.');
    await fireEvent.click(screen.getByTestId('prev-day'));
    await settle();
    expect(backend.saves()).toEqual([{ date: TODAY, body: 'Sunday words.', mood: null, baseVersion: 0 }]);
    const cmds = backend.calls.map((c) => `${c.cmd} ${String(c.args.date ?? '')}`);
    expect(cmds.indexOf(`get_page ${YESTERDAY}`)).toBeGreaterThan(cmds.indexOf(`save_page ${TODAY}`));
    expect(heading().dataset.date).toBe(YESTERDAY);
    expect(editor.value).toBe('Saturday page.');
    expect(editor.placeholder).toBe('What would you like to set down about this day?');
    expect((screen.getByTestId('mood-2') as HTMLInputElement).checked).toBe(true);

    // Nothing typed on Sunday ever lands on Saturday, even after the pause.
    await vi.advanceTimersByTimeAsync(5000);
    expect(backend.saves().every((a) => a.date === TODAY)).toBe(true);
    expect(backend.pages.get(YESTERDAY)?.body).toBe('Saturday page.');
  });

  it('saves to the original day when a slow save is still running as you switch', async () => {
    const backend = fakeBackend({ [YESTERDAY]: { body: 'Saturday page.', mood: null } });
    const first = deferred<unknown>();
    let n = 0;
    backend.overrides.set('save_page', (args) => {
      n += 1;
      backend.pages.set(args.date as string, { body: args.body as string, mood: null });
      if (n === 1) return first.promise;
      return makeSaved(args.date as string, args.body as string);
    });
    const { editor, heading } = await startApp();
    await type(editor, 'one');
    await vi.advanceTimersByTimeAsync(700);
    await type(editor, 'one two');
    await fireEvent.keyDown(window, { key: '[', ctrlKey: true });
    await settle();
    // Still waiting for the slow save: the day has not changed yet.
    expect(heading().dataset.date).toBe(TODAY);
    first.resolve(makeSaved(TODAY, 'one'));
    await settle();
    expect(backend.saves()).toEqual([
      { date: TODAY, body: 'one', mood: null, baseVersion: 0 },
      { date: TODAY, body: 'one two', mood: null, baseVersion: 1 },
    ]);
    expect(heading().dataset.date).toBe(YESTERDAY);
    expect(editor.value).toBe('Saturday page.');
    expect(backend.pages.get(YESTERDAY)?.body).toBe('Saturday page.');
  });

  it('does not go past today, and comes back with Today', async () => {
    fakeBackend();
    const { heading } = await startApp();
    const next = screen.getByTestId('next-day') as HTMLButtonElement;
    const goToday = screen.getByTestId('go-today') as HTMLButtonElement;
    expect(next.disabled).toBe(true);
    expect(goToday.disabled).toBe(true);
    await fireEvent.keyDown(window, { key: ']', ctrlKey: true });
    await settle();
    expect(heading().dataset.date).toBe(TODAY);

    await fireEvent.click(screen.getByTestId('prev-day'));
    await settle();
    await fireEvent.click(screen.getByTestId('prev-day'));
    await settle();
    expect(heading().dataset.date).toBe('2026-11-27');
    expect(screen.queryByText('Yesterday', { selector: '.hint' })).toBeNull();
    await fireEvent.click(screen.getByTestId('next-day'));
    await settle();
    expect(heading().dataset.date).toBe(YESTERDAY);
    expect(screen.getByText('Yesterday', { selector: '.hint' })).toBeTruthy();
    // The journal's tab says which day is open, never "Today" for another.
    expect(screen.getByTestId('nav-today').textContent?.trim()).toBe('Sat 28 Nov');
    await fireEvent.keyDown(window, { key: 't', ctrlKey: true });
    await settle();
    expect(heading().dataset.date).toBe(TODAY);
    expect(screen.getByTestId('nav-today').textContent?.trim()).toBe('Today');

    // Ctrl+T goes to today's page from any page; Ctrl+1 to the day last open.
    await fireEvent.click(screen.getByTestId('prev-day'));
    await settle();
    await fireEvent.keyDown(window, { key: '2', ctrlKey: true });
    await settle();
    await fireEvent.keyDown(window, { key: '1', ctrlKey: true });
    await settle();
    expect(heading().dataset.date).toBe(YESTERDAY);
    await fireEvent.keyDown(window, { key: '2', ctrlKey: true });
    await settle();
    await fireEvent.keyDown(window, { key: 't', ctrlKey: true });
    await settle();
    expect(screen.getByTestId('page-date').dataset.date).toBe(TODAY);
  });

  it('shows text that failed to save when you come back to its day', async () => {
    const backend = fakeBackend();
    backend.overrides.set('save_page', () => {
      throw { code: 'disk_full', message: 'There is no room left on the disk.' };
    });
    const { editor, saveState } = await startApp();
    await type(editor, 'Unsaved but kept.');
    await fireEvent.click(screen.getByTestId('prev-day'));
    await settle();
    expect(editor.value).toBe('');
    expect(saveState()).toBe('There is no room left on the disk.');
    expect(screen.getByText(/Your words for Sunday, 29 November 2026 are still here/)).toBeTruthy();

    await fireEvent.click(screen.getByTestId('go-today'));
    await settle();
    expect(editor.value).toBe('Unsaved but kept.');
  });
});

describe('keyboard', () => {
  it('ignores day shortcuts before the first page has opened', async () => {
    const backend = fakeBackend();
    const slowToday = deferred<unknown>();
    backend.overrides.set('today', () => slowToday.promise);
    render(App);
    await fireEvent.keyDown(window, { key: '[', ctrlKey: true });
    await fireEvent.keyDown(window, { key: 't', ctrlKey: true });
    slowToday.resolve(TODAY);
    await settle();
    expect(screen.getByTestId('page-date').dataset.date).toBe(TODAY);
    expect(backend.calls.filter((c) => c.cmd === 'get_page').map((c) => c.args.date)).toEqual([TODAY]);
  });

  it('names the shortcuts on the buttons', async () => {
    fakeBackend();
    await startApp();
    expect(screen.getByTestId('prev-day').getAttribute('aria-keyshortcuts')).toBe('Control+[');
    expect(screen.getByTestId('next-day').getAttribute('aria-keyshortcuts')).toBe('Control+]');
    expect(screen.getByTestId('go-today').getAttribute('aria-keyshortcuts')).toBe('Control+T');
    expect(screen.getByTestId('prev-day').title).toContain('Ctrl+[');
  });
});

describe('mood', () => {
  it('saves a chosen mood at once, and saves clearing it', async () => {
    const backend = fakeBackend({ [TODAY]: { body: 'Some words.', mood: null } });
    await startApp();
    const group = screen.getByRole('group', { name: 'How are you feeling?' });
    expect(within(group).getAllByRole('radio').map((r) => r.getAttribute('data-testid'))).toEqual([
      'mood-1',
      'mood-2',
      'mood-3',
      'mood-4',
      'mood-5',
    ]);
    expect(within(group).getByLabelText('Good')).toBe(screen.getByTestId('mood-4'));

    await fireEvent.click(screen.getByTestId('mood-4'));
    await settle();
    expect(backend.saves()).toEqual([{ date: TODAY, body: 'Some words.', mood: 4, baseVersion: 1 }]);
    expect((screen.getByTestId('mood-4') as HTMLInputElement).checked).toBe(true);

    await fireEvent.click(screen.getByRole('button', { name: /Clear/ }));
    await settle();
    expect(backend.saves().at(-1)).toEqual({ date: TODAY, body: 'Some words.', mood: null, baseVersion: 1 });
    expect(screen.getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
    expect(screen.queryByRole('button', { name: /Clear/ })).toBeNull();
  });
});

describe('calendar', () => {
  it('marks the days that have pages and opens a day when clicked', async () => {
    const backend = fakeBackend({
      '2026-11-03': { body: 'Early in the month.', mood: null },
      '2026-11-20': { body: '', mood: 3 },
    });
    const { heading, editor } = await startApp();
    expect(backend.calls.find((c) => c.cmd === 'calendar_days')?.args).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
    });
    const cal = screen.getByTestId('calendar');
    const day = (d: string) => cal.querySelector(`button[data-date="${d}"]`) as HTMLButtonElement;
    expect(day('2026-11-03').dataset.hasPage).toBe('true');
    expect(day('2026-11-20').dataset.hasPage).toBe('true');
    expect(day('2026-11-04').dataset.hasPage).toBe('false');
    expect(day(TODAY).getAttribute('aria-current')).toBe('date');
    expect(day('2026-11-30').disabled).toBe(true);
    expect(cal.querySelectorAll('button[data-date]')).toHaveLength(30);

    await fireEvent.click(day('2026-11-03'));
    await settle();
    expect(heading().dataset.date).toBe('2026-11-03');
    expect(editor.value).toBe('Early in the month.');
    expect(day('2026-11-03').classList.contains('selected')).toBe(true);
  });

  it('marks each day\'s mood, the day giving space began and the days of contact, in words too', async () => {
    const backend = fakeBackend({
      '2026-11-02': { body: 'The first day.', mood: 2 },
      '2026-11-10': { body: 'Called after all.', mood: 1 },
      '2026-11-15': { body: 'A message from them.', mood: 5 },
      '2026-11-20': { body: 'Just words.', mood: null },
    });
    Object.assign(backend.marks, { began: '2026-11-02', reachedOut: '2026-11-10', theyReachedOut: '2026-11-15' });
    await startApp();
    const cal = screen.getByTestId('calendar');
    const day = (d: string) => cal.querySelector(`button[data-date="${d}"]`) as HTMLButtonElement;
    expect(day('2026-11-02').getAttribute('aria-label')).toBe(
      'Monday, 2 November 2026, written, mood low, the day giving space began',
    );
    expect(day('2026-11-10').getAttribute('aria-label')).toContain('mood very low, you reached out');
    expect(day('2026-11-15').getAttribute('aria-label')).toContain('mood very good, they got in touch');
    expect(day('2026-11-20').getAttribute('aria-label')).toBe('Friday, 20 November 2026, written');
    // The mood is a line whose length says how the day was, not only a colour.
    expect(day('2026-11-10').querySelector('.mood')?.getAttribute('data-mood')).toBe('1');
    expect(day('2026-11-15').querySelector('.mood')?.getAttribute('data-mood')).toBe('5');
    expect(day('2026-11-20').querySelector('.mood')).toBeNull();
    expect(day('2026-11-02').querySelector('.began')).not.toBeNull();
    expect(day('2026-11-10').querySelector('.reached')).not.toBeNull();
    expect(day('2026-11-15').querySelector('.they')).not.toBeNull();
    const legend = (screen.getByTestId('calendar-legend').textContent ?? '').replace(/\s+/g, ' ');
    expect(legend).toContain('a day you wrote');
    expect(legend).toContain('mood: very low very good');
    expect(legend).toContain('giving space began');
    expect(legend).toContain('you reached out');
    expect(legend).toContain('they got in touch');
  });

  it('lists in its legend only the marks the month has', async () => {
    fakeBackend({ '2026-11-20': { body: 'Just words.', mood: null } });
    await startApp();
    const legend = (screen.getByTestId('calendar-legend').textContent ?? '').replace(/\s+/g, ' ').trim();
    expect(legend).toBe('a day you wrote');
  });

  it('marks a day as written once its page is saved', async () => {
    fakeBackend();
    const { editor } = await startApp();
    const cell = () =>
      screen.getByTestId('calendar').querySelector(`button[data-date="${TODAY}"]`) as HTMLElement;
    expect(cell().dataset.hasPage).toBe('false');
    await type(editor, 'A first page.');
    await vi.advanceTimersByTimeAsync(700);
    await settle();
    expect(cell().dataset.hasPage).toBe('true');
    expect(cell().querySelector('.mood')).toBeNull();
    await fireEvent.click(screen.getByRole('radio', { name: 'Good' }));
    await vi.advanceTimersByTimeAsync(700);
    await settle();
    expect(cell().querySelector('.mood')?.getAttribute('data-mood')).toBe('4');
  });

  it('moves between months, but not into the future', async () => {
    const backend = fakeBackend({ '2026-10-31': { body: 'Halloween.', mood: null } });
    await startApp();
    const cal = screen.getByTestId('calendar');
    expect((screen.getByTestId('cal-next') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(screen.getByTestId('cal-prev'));
    await settle();
    expect(within(cal).getByRole('heading').textContent).toBe('October 2026');
    expect(backend.calls.filter((c) => c.cmd === 'calendar_days').at(-1)?.args).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
    });
    const halloween = cal.querySelector('button[data-date="2026-10-31"]') as HTMLElement;
    expect(halloween.dataset.hasPage).toBe('true');
    await fireEvent.click(screen.getByTestId('cal-next'));
    await settle();
    expect(within(cal).getByRole('heading').textContent).toBe('November 2026');
  });
});

describe('two writers on one page', () => {
  const other = {
    id: 12,
    date: TODAY,
    body: 'Written from the terminal.',
    mood: null,
    saved_at: '2026-11-29T20:00:00.000Z',
    replaced_at: '2026-11-29T20:01:00.000Z',
  };

  it('says calmly when a save replaced words saved elsewhere, and can add them back', async () => {
    const backend = fakeBackend({ [TODAY]: { body: 'Mine.', mood: null } });
    let replaced = true;
    backend.overrides.set('save_page', (args) => {
      backend.pages.set(TODAY, { body: args.body as string, mood: null });
      const reply = { ...makeSaved(TODAY, args.body as string), replaced_elsewhere: replaced ? other : null };
      replaced = false;
      return reply;
    });
    const { editor } = await startApp();
    await type(editor, 'Mine, more.');
    await vi.advanceTimersByTimeAsync(700);
    await settle();

    const notice = screen.getByTestId('changed-elsewhere');
    expect(notice.textContent).toContain('also written elsewhere');
    expect(screen.getByTestId('elsewhere-text').textContent).toBe('Written from the terminal.');
    expect(editor.value).toBe('Mine, more.');

    await fireEvent.click(screen.getByTestId('keep-both'));
    await settle();
    expect(editor.value).toBe('Mine, more.\n\nWritten from the terminal.');
    expect(backend.saves().at(-1)?.body).toBe('Mine, more.\n\nWritten from the terminal.');
    expect(screen.queryByTestId('changed-elsewhere')).toBeNull();
  });

  it('adds only the words appended elsewhere, never the beginning both pages share', async () => {
    const backend = fakeBackend({ [TODAY]: { body: 'Mine.', mood: null } });
    // The command line appended a paragraph while this page went on being typed.
    const appended = { ...other, body: 'Mine.\n\nFrom the terminal, later.' };
    let replaced = true;
    backend.overrides.set('save_page', (args) => {
      backend.pages.set(TODAY, { body: args.body as string, mood: null });
      const reply = { ...makeSaved(TODAY, args.body as string), replaced_elsewhere: replaced ? appended : null };
      replaced = false;
      return reply;
    });
    const { editor } = await startApp();
    await type(editor, 'Mine. And then some more.');
    await vi.advanceTimersByTimeAsync(700);
    await settle();

    expect(screen.getByTestId('elsewhere-text').textContent).toBe('From the terminal, later.');
    await fireEvent.click(screen.getByTestId('keep-both'));
    await settle();
    expect(editor.value).toBe('Mine. And then some more.\n\nFrom the terminal, later.');
    expect(backend.saves().at(-1)?.body).toBe('Mine. And then some more.\n\nFrom the terminal, later.');
  });

  it('keeps the notice for a page while another day is open, and shows it on coming back', async () => {
    const backend = fakeBackend({ [TODAY]: { body: 'Mine.', mood: null } });
    let replaced = true;
    backend.overrides.set('save_page', (args) => {
      backend.pages.set(args.date as string, { body: args.body as string, mood: null });
      const reply = {
        ...makeSaved(args.date as string, args.body as string),
        replaced_elsewhere: replaced ? other : null,
      };
      replaced = false;
      return reply;
    });
    const { editor } = await startApp();
    await type(editor, 'Mine, more.');
    // Moving to yesterday saves today's page; that save is the one that replaced.
    await fireEvent.click(screen.getByTestId('prev-day'));
    await settle();
    expect(screen.queryByTestId('changed-elsewhere')).toBeNull();

    await fireEvent.click(screen.getByTestId('next-day'));
    await settle();
    expect(editor.value).toBe('Mine, more.');
    expect(screen.getByTestId('elsewhere-text').textContent).toBe('Written from the terminal.');
  });

  it('shows what the store holds when the window comes back and the page changed meanwhile', async () => {
    const backend = fakeBackend({ [TODAY]: { body: 'Before the terminal.', mood: null } });
    const { editor } = await startApp();
    backend.overrides.set('get_page', () => ({ ...makePage(TODAY, 'After the terminal.'), version: 2 }));
    await fireEvent.focus(window);
    await settle();
    expect(editor.value).toBe('After the terminal.');
    expect(backend.saves()).toEqual([]);
  });

  it('keeps words being typed when the window comes back: they are saved, never replaced', async () => {
    const backend = fakeBackend({ [TODAY]: { body: 'Before.', mood: null } });
    const { editor } = await startApp();
    await type(editor, 'Before. Typing now');
    backend.overrides.set('get_page', () => ({ ...makePage(TODAY, 'From elsewhere.'), version: 2 }));
    await fireEvent.focus(window);
    await settle();
    expect(editor.value).toBe('Before. Typing now');
  });
});

describe('earlier versions', () => {
  it('says where the text went when a save removes most of the page, and opens it from there', async () => {
    const long = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const backend = fakeBackend({ [TODAY]: { body: long, mood: null } });
    backend.overrides.set('page_revisions', () => []);
    const { editor } = await startApp();

    await type(editor, `${long} and a few more`);
    await vi.advanceTimersByTimeAsync(2000);
    expect(screen.queryByTestId('cut-note')).toBeNull();

    await type(editor, 'word0');
    await vi.advanceTimersByTimeAsync(2000);
    await settle();
    const note = screen.getByTestId('cut-note');
    expect(note.textContent).toContain('Most of this page was just removed');

    await fireEvent.click(within(note).getByRole('button', { name: 'Earlier versions' }));
    await settle();
    expect(backend.commands()).toContain('page_revisions');
    expect(screen.queryByTestId('cut-note')).toBeNull();
  });

  it('puts back, in one click, the text a save removed', async () => {
    const long = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const backend = fakeBackend({ [TODAY]: { body: long, mood: null } });
    const { editor } = await startApp();
    await type(editor, '');
    await vi.advanceTimersByTimeAsync(2000);
    await settle();
    expect(backend.pages.get(TODAY)?.body).toBe('');

    await fireEvent.click(screen.getByTestId('cut-undo'));
    await vi.advanceTimersByTimeAsync(2000);
    await settle();
    expect(editor.value).toBe(long);
    expect(backend.pages.get(TODAY)?.body).toBe(long);
    expect(screen.queryByTestId('cut-note')).toBeNull();
  });

  it('lists a page’s earlier versions, marks lines no longer there, and puts one back', async () => {
    const backend = fakeBackend({ [TODAY]: { body: 'Oops.', mood: null } });
    const earlier = {
      id: 3,
      date: TODAY,
      body: 'The long first draft.\nOops.',
      mood: 2,
      saved_at: '2026-11-29T19:00:00.000Z',
      replaced_at: '2026-11-29T19:05:00.000Z',
      words: 5,
    };
    backend.overrides.set('page_revisions', () => [earlier]);
    backend.overrides.set('restore_revision', (args) => {
      expect(args.id).toBe(3);
      backend.pages.set(TODAY, { body: earlier.body, mood: 2 });
      return { ...makePage(TODAY, earlier.body, 2), version: 3 };
    });
    const { editor } = await startApp();

    await fireEvent.click(screen.getByTestId('show-history'));
    await settle();
    expect(screen.getAllByTestId('history-item')).toHaveLength(1);
    const lines = [...screen.getByTestId('history-text').querySelectorAll('p')];
    expect(lines.map((l) => [l.textContent, l.classList.contains('gone')])).toEqual([
      ['The long first draft.', true],
      ['Oops.', false],
    ]);

    await fireEvent.click(screen.getByTestId('history-restore'));
    await settle();
    expect(editor.value).toBe('The long first draft.\nOops.');
    expect(backend.commands()).toContain('restore_revision');
  });

  it('holds the page still while a version is put back, so nothing typed is saved over it', async () => {
    const backend = fakeBackend({ [TODAY]: { body: 'Now.', mood: null } });
    const earlier = {
      id: 4,
      date: TODAY,
      body: 'Before.',
      mood: null,
      saved_at: '2026-11-29T19:00:00.000Z',
      replaced_at: '2026-11-29T19:05:00.000Z',
      words: 1,
    };
    const reply = deferred<unknown>();
    backend.overrides.set('page_revisions', () => [earlier]);
    backend.overrides.set('restore_revision', () => reply.promise);
    const { editor } = await startApp();
    await fireEvent.click(screen.getByTestId('show-history'));
    await settle();

    await fireEvent.click(screen.getByTestId('history-restore'));
    await settle();
    expect(editor.readOnly).toBe(true);
    await fireEvent.input(editor, { target: { value: 'Typed while it was put back.' } });
    await vi.advanceTimersByTimeAsync(2000);
    expect(backend.saves()).toEqual([]);

    backend.pages.set(TODAY, { body: 'Before.', mood: null });
    reply.resolve({ ...makePage(TODAY, 'Before.'), version: 3 });
    await settle();
    expect(editor.readOnly).toBe(false);
    expect(editor.value).toBe('Before.');
    await vi.advanceTimersByTimeAsync(2000);
    expect(backend.saves()).toEqual([]);
  });
});

describe('what the save line says on another day', () => {
  it('says nothing on an empty day never written, after a save on another day', async () => {
    fakeBackend();
    const { editor, saveState } = await startApp();
    await type(editor, 'Words for today.');
    await vi.advanceTimersByTimeAsync(5000);
    await settle();
    expect(saveState()).toBe('Saved');
    await fireEvent.click(screen.getByTestId('prev-day'));
    await settle();
    expect((screen.getByTestId('editor') as HTMLTextAreaElement).value).toBe('');
    expect(saveState()).toBe('');
  });
});
