// Closing the window never loses words: the shell holds the close, asks the
// UI to save, and the UI lets the window go once the page is stored.
//
// The close request is a real WM_DELETE_WINDOW sent to the X11 window (see
// x11.mjs), i.e. what a window manager's close button sends. WebDriver's
// Close Window cannot be used: WebKitWebDriver destroys the web view directly,
// so the shell never hears a close request and typed text is lost.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  Driver,
  Sandbox,
  WINDOW_TITLE,
  cli,
  editorValue,
  localDate,
  sel,
  text,
  waitForAppExit,
  waitForDate,
} from './harness.mjs';
import { waitFor } from './webdriver.mjs';
import { findWindows, requestClose } from './x11.mjs';

/** The shell closes the window anyway after this long (FLUSH_GRACE in src-tauri/src/close.rs). */
const SHELL_GRACE_MS = 16_300;
/** The UI's autosave pause; a close faster than this cannot have been saved by autosave. */
const AUTOSAVE_MS = 700;

const TEXT = 'Closed the window the moment this was typed.';
const HELD = 'Written while the journal could not be saved to.';

/**
 * Another process holding the journal's write lock (what a stuck backup tool
 * or a second copy of the app would do), so every save waits out the busy
 * timeout and fails. Python's sqlite3 module is the other process.
 */
async function holdWriteLock(db) {
  const holder = spawn(
    'python3',
    [
      '-c',
      'import sqlite3, sys\n' +
        'c = sqlite3.connect(sys.argv[1], isolation_level=None)\n' +
        'c.execute("BEGIN EXCLUSIVE")\n' +
        'print("locked", flush=True)\n' +
        'sys.stdin.read()\n',
      db,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  await new Promise((resolve, reject) => {
    holder.once('error', reject);
    holder.once('exit', (code) => reject(new Error(`the lock holder ended early (${code})`)));
    holder.stdout.once('data', resolve);
  });
  return {
    release: () =>
      new Promise((resolve) => {
        holder.removeAllListeners('exit');
        holder.once('exit', resolve);
        holder.stdin.end();
      }),
  };
}

describe('closing the window', () => {
  let sandbox;
  let driver;
  let app;

  before(async () => {
    sandbox = new Sandbox('close');
    driver = await Driver.start(sandbox);
  });

  after(async () => {
    // The app is gone by now; ending the session only tidies up the driver.
    if (app) await app.delete().catch(() => undefined);
    if (driver) await driver.stop();
    if (sandbox) await sandbox.dispose();
  });

  it('right after typing still saves the words', async (t) => {
    // Quitting on close is the choice tested here (the default keeps the app
    // in the tray; reminders.test.mjs covers that).
    await cli(sandbox, ['settings', 'set', 'close_to_tray', 'false']);
    app = await driver.launch();
    await waitForDate(app, localDate(0));
    const windows = findWindows(WINDOW_TITLE);
    assert.equal(windows.length, 1, `one visible "${WINDOW_TITLE}" window (found ${windows.length})`);

    const editor = await app.find(sel.editor);
    await editor.click();
    await editor.sendKeys(TEXT);
    assert.equal(await editorValue(app), TEXT);

    const started = Date.now();
    await requestClose(windows);
    await waitForAppExit(sandbox, SHELL_GRACE_MS + 5_000);
    const closedAfter = Date.now() - started;
    t.diagnostic(`the app quit ${closedAfter} ms after the close request`);

    const page = await cli(sandbox, ['show']);
    assert.equal(page.body, TEXT, 'the text typed just before closing was saved');
    assert.ok(
      closedAfter < SHELL_GRACE_MS,
      `the UI answered the close (quit after ${closedAfter} ms; the shell's fallback is ${SHELL_GRACE_MS} ms)`,
    );
    if (closedAfter < AUTOSAVE_MS) {
      t.diagnostic(`closed before the ${AUTOSAVE_MS} ms autosave pause: the close handshake saved it`);
    }
  });

  it('asks when the words could not be saved, copies them to a recovery file, and offers them back', async () => {
    // The first test left close_to_tray off: closing quits. Its session ended with the app.
    await app?.delete().catch(() => undefined);
    app = await driver.launch();
    await waitForDate(app, localDate(0));
    const lock = await holdWriteLock(sandbox.db);
    let released = false;
    try {
      const editor = await app.find(sel.editor);
      await editor.click();
      await editor.sendKeys(` ${HELD}`);
      // The save waits out the busy timeout (5 s), then says it failed.
      await waitFor(async () => (await app.findAll('[data-testid="retry"]')).length > 0, {
        timeoutMs: 20_000,
        what: 'the page to say its words are not saved',
      });

      await requestClose(findWindows(WINDOW_TITLE));
      const question = await waitFor(async () => (await app.findAll('[data-testid="close-question"]'))[0], {
        timeoutMs: 20_000,
        what: 'the close to ask what to do with the unsaved words',
      });
      assert.match(await question.text(), /not saved yet/);
      assert.equal(findWindows(WINDOW_TITLE).length, 1, 'the window stays open while it asks');
      await (await app.find('[data-testid="close-anyway"]')).click();
      await waitForAppExit(sandbox, SHELL_GRACE_MS + 5_000);

      const recovery = `${sandbox.db}.recovery.json`;
      assert.ok(existsSync(recovery), 'the words went to a recovery file beside the journal');
      assert.equal(statSync(recovery).mode & 0o777, 0o600, 'readable by the user only');
      assert.ok(readFileSync(recovery, 'utf8').includes(HELD), 'with the words in it');
      await lock.release();
      released = true;
      assert.equal((await cli(sandbox, ['show'])).body, TEXT, 'the journal itself is as it was');
    } finally {
      if (!released) await lock.release();
    }

    await app.delete().catch(() => undefined);
    app = await driver.launch();
    await waitForDate(app, localDate(0));
    const offered = await waitFor(async () => (await app.findAll('[data-testid="recovered-text"]'))[0], {
      what: 'the next start to offer the recovered words',
    });
    // The unsaved text is the whole page as it stood: the first test's words and these.
    const whole = `${TEXT} ${HELD}`;
    assert.equal(await offered.text(), whole);
    await (await app.find('[data-testid="recovery-put-back"]')).click();
    await waitFor(async () => (await editorValue(app)).includes(HELD), { what: 'the words back on the page' });
    await waitFor(async () => /Saved/.test(await text(app, sel.saveState)), { what: 'the page to be saved' });
    const page = await cli(sandbox, ['show']);
    assert.equal(page.body, whole, 'the recovered words are in the journal, over nothing lost');
    assert.equal(existsSync(`${sandbox.db}.recovery.json`), false, 'the recovery file is gone once they are back');
  });
});
