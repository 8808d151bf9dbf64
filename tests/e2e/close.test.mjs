// Closing the window never loses words: the shell holds the close, asks the
// UI to save, and the UI lets the window go once the page is stored.
//
// The close request is a real WM_DELETE_WINDOW sent to the X11 window (see
// x11.mjs), i.e. what a window manager's close button sends. WebDriver's
// Close Window cannot be used: WebKitWebDriver destroys the web view directly,
// so the shell never hears a close request and typed text is lost.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  Driver,
  Sandbox,
  WINDOW_TITLE,
  cli,
  editorValue,
  localDate,
  sel,
  waitForAppExit,
  waitForDate,
} from './harness.mjs';
import { findWindows, requestClose } from './x11.mjs';

/** The shell closes the window anyway after this long (FLUSH_GRACE in src-tauri/src/close.rs). */
const SHELL_GRACE_MS = 16_300;
/** The UI's autosave pause; a close faster than this cannot have been saved by autosave. */
const AUTOSAVE_MS = 700;

const TEXT = 'Closed the window the moment this was typed.';

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
});
