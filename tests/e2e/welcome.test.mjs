// The first start end to end: a new journal opens on the welcome, a
// passphrase set there encrypts the journal before a word is written, and
// the person begins on today's page; the welcome never shows again.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  Driver,
  Sandbox,
  editorValue,
  localDate,
  saveArtifact,
  sel,
  waitForAppExit,
  waitForDate,
  waitForSaveState,
} from './harness.mjs';
import { waitFor } from './webdriver.mjs';

const TODAY = localDate(0);
const WORDS = 'First evening. Made soup and sat by the window with the kettle on.';
const PASSPHRASE = 'the long way round the lake';
const byTest = (id) => `[data-testid="${id}"]`;

describe('the first start', () => {
  let sandbox;
  let driver;
  let app;

  before(async () => {
    sandbox = new Sandbox('welcome');
    driver = await Driver.start(sandbox);
  });

  after(async () => {
    if (app) await app.delete().catch(() => undefined);
    if (driver) await driver.stop();
    if (sandbox) await sandbox.dispose();
  });

  it('welcomes, sets a passphrase before a word is written, and begins on today', async () => {
    app = await driver.launch(byTest('welcome'));
    saveArtifact('welcome-1.png', await app.screenshot());
    await (await app.find(byTest('welcome-next'))).click();
    await (await app.waitForElement(byTest('welcome-new'))).sendKeys(PASSPHRASE);
    await (await app.find(byTest('welcome-again'))).sendKeys(PASSPHRASE);
    saveArtifact('welcome-2.png', await app.screenshot());
    await (await app.find(byTest('welcome-set-passphrase'))).click();
    await (await app.waitForElement(byTest('welcome-write'), 20_000)).click();

    await waitForDate(app, TODAY);
    await waitFor(async () => (await app.execute('return document.activeElement?.dataset?.testid')) === 'editor', {
      what: 'the editor to have the focus',
    });
    await (await app.find(sel.editor)).sendKeys(WORDS);
    await waitForSaveState(app, 'Saved');
    const head = readFileSync(sandbox.db).subarray(0, 16).toString('latin1');
    assert.notEqual(head, 'SQLite format 3\0', 'the journal is encrypted');
    for (const f of [sandbox.db, `${sandbox.db}-wal`].filter(existsSync)) {
      assert.ok(!readFileSync(f).includes(Buffer.from('kettle')), `${f} holds no page text`);
    }
  });

  it('never shows again: the next start asks the passphrase and opens the page', async () => {
    await app.delete();
    await waitForAppExit(sandbox);
    app = await driver.launch(byTest('unlock-screen'));
    await (await app.find(byTest('unlock-passphrase'))).sendKeys(PASSPHRASE);
    await (await app.find(byTest('unlock-submit'))).click();
    await waitForDate(app, TODAY, 10_000);
    await waitFor(async () => (await editorValue(app)) === WORDS, { what: 'the page' });
    assert.equal((await app.findAll(byTest('welcome'))).length, 0);
  });
});
