// Privacy end to end: a passphrase set from Settings encrypts the journal
// file, Ctrl+L locks the real app with nothing of the journal left in the
// page, a wrong passphrase is refused, the right one opens it, and after a
// restart the app starts on the unlock screen; quick hide, closing to the
// tray, the desktop's screen lock and the machine going to sleep (signals
// sent on the test's own session bus) lock it too; and a backup is put back
// from Settings. The steps build on each other; once one fails the rest are
// skipped.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe } from 'node:test';
import {
  APP,
  WINDOW_TITLE,
  Driver,
  Sandbox,
  cli,
  editorValue,
  localDate,
  saveArtifact,
  sel,
  waitForAppExit,
  waitForDate,
  waitForSaveState,
  stepper,
} from './harness.mjs';
import { Key, waitFor } from './webdriver.mjs';
import { findWindows, requestClose } from './x11.mjs';

const TODAY = localDate(0);
const WORDS = 'Drove past the lighthouse road and kept going. Marigold sky.';
const PASSPHRASE = 'a long walk by the sea';

const byTest = (id) => `[data-testid="${id}"]`;

describe('a private journal', () => {
  let sandbox;
  let driver;
  let app;

  const step = stepper('privacy', () => app);

  /** Every file beside the journal whose bytes hold `needle`. */
  function filesHolding(needle) {
    return ['', '-wal']
      .map((s) => sandbox.db + s)
      .filter((f) => existsSync(f) && readFileSync(f).includes(Buffer.from(needle)));
  }

  async function pageHtml() {
    return app.execute('return document.documentElement.outerHTML');
  }

  async function unlockWith(passphrase) {
    const field = await app.waitForElement(byTest('unlock-passphrase'));
    await field.sendKeys(passphrase);
    await (await app.find(byTest('unlock-submit'))).click();
  }

  /** Starting the app again brings the running one's window back (one instance). */
  async function bringBack() {
    spawnSync(APP, [], { env: { ...process.env, ...sandbox.env }, timeout: 15_000, stdio: 'ignore' });
    await waitFor(() => findWindows(WINDOW_TITLE).length === 1, { what: 'the window to come back' });
  }

  async function expectLockedPage() {
    await app.waitForElement(byTest('unlock-screen'));
    const html = await pageHtml();
    assert.ok(!html.includes('Marigold'), 'the words are gone from the page');
  }

  /** Sends a D-Bus signal on the test session's bus, as the desktop would. */
  function signal(path, member, ...args) {
    const sent = spawnSync('dbus-send', ['--session', '--type=signal', path, member, ...args], {
      encoding: 'utf8',
      timeout: 10_000,
    });
    assert.equal(sent.status, 0, `dbus-send ${member}: ${sent.stderr}`);
  }

  /** Types `words` at the end of the page and, at once, sends `send()`. */
  async function typeThen(words, send) {
    const editor = await app.find(sel.editor);
    await editor.click();
    await app.chord(Key.CONTROL, Key.END);
    await editor.sendKeys(words);
    send();
  }

  before(async () => {
    sandbox = new Sandbox('privacy');
    // logind's signals are listened for on this private session bus rather
    // than the machine's system bus.
    sandbox.env.BREATHING_ROOM_LOGIND_BUS = 'session';
    driver = await Driver.start(sandbox);
  });

  after(async () => {
    if (app) await app.delete().catch(() => undefined);
    if (driver) await driver.stop();
    if (sandbox) await sandbox.dispose();
  });

  step('a page is written on a journal without a passphrase', async () => {
    app = await driver.launch();
    await waitForDate(app, TODAY);
    const editor = await app.find(sel.editor);
    await editor.click();
    await editor.sendKeys(WORDS);
    await waitForSaveState(app, 'Saved');
  });

  step('Settings sets a passphrase, typed twice, and the file no longer holds the words', async () => {
    await (await app.find(byTest('nav-settings'))).click();
    await (await app.waitForElement(byTest('privacy-encrypt'))).click();
    await (await app.find(byTest('privacy-new'))).sendKeys(PASSPHRASE);
    await (await app.find(byTest('privacy-again'))).sendKeys(PASSPHRASE);
    await (await app.find(byTest('privacy-submit'))).click();
    await app.waitForElement(byTest('privacy-done'), 20_000);
    saveArtifact('privacy-settings.png', await app.screenshot());
    assert.deepEqual(filesHolding('Marigold'), [], 'no file beside the journal holds the words');
    const head = readFileSync(sandbox.db).subarray(0, 16).toString('latin1');
    assert.notEqual(head, 'SQLite format 3\0', 'the file is not a plain SQLite file any more');
  });

  step('Ctrl+L locks: the unlock screen, and no journal text left in the page', async () => {
    await (await app.find(byTest('nav-today'))).click();
    await waitFor(async () => (await editorValue(app)) === WORDS, { what: 'the page again' });
    // The editor has the focus; the keys go to it as a person's would.
    await app.chord(Key.CONTROL, 'l');
    await app.waitForElement(byTest('unlock-screen'));
    const html = await pageHtml();
    assert.ok(!html.includes('Marigold'), 'the words are gone from the page');
    assert.ok(!html.includes('<textarea'), 'no editor');
    assert.ok(!html.includes(TODAY.slice(0, 4)), 'not even a date');
    saveArtifact('privacy-locked.png', await app.screenshot());
  });

  step('a wrong passphrase is refused; the right one opens the page', async () => {
    await unlockWith('a short walk');
    const error = await app.waitForElement(byTest('unlock-error'));
    assert.match(await error.text(), /did not open/);
    await unlockWith(PASSPHRASE);
    await waitForDate(app, TODAY, 10_000);
    await waitFor(async () => (await editorValue(app)) === WORDS, { what: 'the page after unlocking' });
  });

  step('after a restart the app starts locked, and unlocks', async () => {
    await app.delete();
    await waitForAppExit(sandbox);
    app = await driver.launch(byTest('unlock-screen'));
    assert.ok(!(await pageHtml()).includes('Marigold'));
    await unlockWith(PASSPHRASE);
    await waitForDate(app, TODAY, 10_000);
    await waitFor(async () => (await editorValue(app)) === WORDS, { what: 'the page after a restart' });
  });

  step('Ctrl+Shift+H hides the window at once and locks the journal', async () => {
    await app.chord(Key.CONTROL, Key.SHIFT, 'h');
    await waitFor(() => findWindows(WINDOW_TITLE).length === 0, { what: 'the window to hide' });
    await expectLockedPage();
    await bringBack();
    await expectLockedPage();
    await unlockWith(PASSPHRASE);
    await waitFor(async () => (await editorValue(app)) === WORDS, { what: 'the page after unlocking' });
  });

  step('closing the window to the tray locks the journal too', async () => {
    await requestClose(findWindows(WINDOW_TITLE));
    await waitFor(() => findWindows(WINDOW_TITLE).length === 0, { what: 'the window to hide' });
    await expectLockedPage();
    await bringBack();
    await unlockWith(PASSPHRASE);
    await waitFor(async () => (await editorValue(app)) === WORDS, { what: 'the page after unlocking' });
  });

  step('the desktop locking its screen saves what was just typed and locks the journal', async () => {
    await typeThen(' Screen lock.', () =>
      signal('/org/freedesktop/ScreenSaver', 'org.freedesktop.ScreenSaver.ActiveChanged', 'boolean:true'),
    );
    await expectLockedPage();
    await unlockWith(PASSPHRASE);
    await waitFor(async () => (await editorValue(app)) === `${WORDS} Screen lock.`, {
      what: 'the words typed as the screen locked',
    });
  });

  step('GNOME\'s screen lock and logind\'s session lock do the same', async () => {
    signal('/org/gnome/ScreenSaver', 'org.gnome.ScreenSaver.ActiveChanged', 'boolean:true');
    await expectLockedPage();
    await unlockWith(PASSPHRASE);
    await waitFor(async () => (await editorValue(app)) === `${WORDS} Screen lock.`, { what: 'the page' });
    signal('/org/freedesktop/login1/session/auto', 'org.freedesktop.login1.Session.Lock');
    await expectLockedPage();
    await unlockWith(PASSPHRASE);
    await waitFor(async () => (await editorValue(app)) === `${WORDS} Screen lock.`, { what: 'the page' });
  });

  step('the machine going to sleep locks it; waking up and the screen unlocking do not', async () => {
    signal('/org/freedesktop/login1', 'org.freedesktop.login1.Manager.PrepareForSleep', 'boolean:false');
    signal('/org/freedesktop/ScreenSaver', 'org.freedesktop.ScreenSaver.ActiveChanged', 'boolean:false');
    // Given time to act on them (the shell's own lock comes after 3 s).
    await new Promise((resolve) => setTimeout(resolve, 4000));
    assert.equal(await editorValue(app), `${WORDS} Screen lock.`, 'still open');
    await typeThen(' Sleep.', () =>
      signal('/org/freedesktop/login1', 'org.freedesktop.login1.Manager.PrepareForSleep', 'boolean:true'),
    );
    await expectLockedPage();
    await unlockWith(PASSPHRASE);
    await waitFor(async () => (await editorValue(app)) === `${WORDS} Screen lock. Sleep.`, {
      what: 'the words typed as the machine went to sleep',
    });
  });

  step('a backup is put back from Settings, after the journal as it is is backed up', async (t) => {
    const kept = `${WORDS} Screen lock. Sleep.`;
    sandbox.env.BREATHING_ROOM_PASSPHRASE = PASSPHRASE;
    const made = await cli(sandbox, ['backup', 'create']);
    delete sandbox.env.BREATHING_ROOM_PASSPHRASE;
    assert.equal(made.verified, true);
    await typeThen(' Written after the backup.', () => undefined);
    await waitForSaveState(app, 'Saved');

    await (await app.find(byTest('nav-settings'))).click();
    await (await app.waitForElement(byTest('backup-restore'))).click();
    await (await app.waitForElement(byTest('backup-passphrase'))).sendKeys(PASSPHRASE);
    saveArtifact('privacy-restore.png', await app.screenshot());
    await (await app.find(byTest('backup-restore-confirm'))).click();
    const notice = await app.waitForElement(byTest('app-notice'), 20_000);
    assert.match(await notice.text(), /back as it was/);
    await waitFor(async () => (await editorValue(app)) === kept, { what: 'the page as the backup holds it' });
    t.diagnostic('the page is back as the backup held it');
  });
});
