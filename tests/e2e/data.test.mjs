// Your data end to end: a jrnl journal is brought in from Settings through
// the desktop's own file dialog (GTK's, driven with xdotool as a person's
// keys would: the path typed into its location field), previewed before
// anything is written, and its days appear in the calendar; then a copy of
// the whole journal is saved through the save dialog, readable by its owner
// only. The steps build on each other; once one fails the rest are skipped.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import {
  Driver,
  Sandbox,
  calendarDay,
  cli,
  editorValue,
  localDate,
  saveArtifact,
  waitForDate,
  stepper,
} from './harness.mjs';
import { waitFor } from './webdriver.mjs';
import { findWindows } from './x11.mjs';

const byTest = (id) => `[data-testid="${id}"]`;
const TODAY = localDate(0);
const RECENT = localDate(-3);
const OLDER = localDate(-40);

/** Runs xdotool with these arguments. */
function xdotool(...args) {
  return execFileSync('xdotool', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Answers the open file dialog titled `title` with `file`, as a person
 * would by keyboard: focus it, open its location field, type, Enter.
 */
async function answerDialog(title, file, { save = false } = {}) {
  let id;
  await waitFor(
    () => {
      id = findWindows(title)[0];
      return id !== undefined;
    },
    { timeoutMs: 15_000, what: `the "${title}" dialog` },
  );
  // GTK draws the dialog a moment after mapping it.
  await new Promise((r) => setTimeout(r, 700));
  xdotool('windowfocus', '--sync', String(id));
  if (save) {
    // A save dialog's name field has the focus: a full path replaces the name.
    xdotool('key', '--clearmodifiers', 'ctrl+a');
  } else {
    xdotool('key', '--clearmodifiers', 'ctrl+l');
  }
  xdotool('type', '--delay', '15', file);
  await new Promise((r) => setTimeout(r, 300));
  xdotool('key', '--clearmodifiers', 'Return');
  await waitFor(() => findWindows(title).length === 0, {
    timeoutMs: 10_000,
    what: `the "${title}" dialog to close`,
  });
}

describe('your data', () => {
  let sandbox;
  let driver;
  let app;

  const step = stepper('data', () => app);

  before(async () => {
    sandbox = new Sandbox('data');
    driver = await Driver.start(sandbox);
  });

  after(async () => {
    if (app) await app.delete().catch(() => undefined);
    if (driver) await driver.stop();
    if (sandbox) await sandbox.dispose();
  });

  step('a jrnl journal is chosen in the file dialog and previewed; nothing is written yet', async () => {
    const jrnl = path.join(sandbox.dir, 'journal.txt');
    writeFileSync(
      jrnl,
      `[${OLDER} 08:02] Early train to the coast.\nThe sea was flat and grey.\n\n` +
        `[${RECENT} 21:14] Rain on the skylight.\nWalked to the river and back.\n`,
    );
    app = await driver.launch();
    await waitForDate(app, TODAY);
    await (await app.find(byTest('nav-settings'))).click();
    await app.waitForElement(byTest('import-format'));
    await app.execute(
      `const s = document.querySelector('[data-testid="import-format"]');
       s.value = 'jrnl'; s.dispatchEvent(new Event('change', { bubbles: true }));`,
    );
    await (await app.find(byTest('import-choose'))).click();
    await answerDialog('Choose the file to bring in', jrnl);

    const preview = await app.waitForElement(byTest('import-preview'), 15_000);
    const said = await preview.text();
    assert.match(said, /^2 days, from /);
    await app.execute(`document.querySelector('[data-testid="import-preview"]').scrollIntoView({ block: 'center' })`);
    saveArtifact('data-preview.png', await app.screenshot());
    assert.equal((await app.find(byTest('import-chosen')).then((e) => e.text())), 'journal.txt');
    const pages = await cli(sandbox, ['list']);
    assert.deepEqual(pages, [], 'a preview writes nothing');
  });

  step('brought in, the app starts again on what the journal holds and the days are in the calendar', async () => {
    await (await app.find(byTest('import-confirm'))).click();
    const notice = await app.waitForElement(byTest('app-notice'), 20_000);
    assert.match(await notice.text(), /Brought in from journal\.txt: 2 days new/);
    for (const day of [RECENT, OLDER]) {
      const cell = await calendarDay(app, day);
      assert.match((await cell.attribute('aria-label')) ?? '', /written/, `${day} is marked written`);
    }
    await (await calendarDay(app, RECENT)).click();
    await waitForDate(app, RECENT);
    await waitFor(async () => (await editorValue(app)).includes('Rain on the skylight.'), {
      what: 'the imported page',
    });
    const listed = await cli(sandbox, ['list']);
    assert.deepEqual(listed.map((p) => p.date).sort(), [OLDER, RECENT]);
    const backups = await cli(sandbox, ['backup', 'list']);
    assert.ok(backups.length >= 1, 'a backup was made before the import');
  });

  step('a copy of everything is saved through the save dialog, for its owner alone', async () => {
    await (await app.find(byTest('nav-settings'))).click();
    await (await app.waitForElement(byTest('export-save'))).click();
    const copy = path.join(sandbox.dir, 'my-copy.json');
    await answerDialog('Save a copy of your journal', copy, { save: true });
    const done = await app.waitForElement(byTest('export-done'), 15_000);
    assert.match(await done.text(), /Saved 2 days to .*my-copy\.json\. This copy is not encrypted/);
    assert.ok(existsSync(copy));
    assert.equal(statSync(copy).mode & 0o777, 0o600);
    const saved = JSON.parse(readFileSync(copy, 'utf8'));
    assert.equal(saved.format, 'breathing-room');
    assert.deepEqual(saved.pages.map((p) => p.date).sort(), [OLDER, RECENT]);
    await app.execute(`document.querySelector('[data-testid="export-done"]').scrollIntoView({ block: 'center' })`);
    saveArtifact('data-exported.png', await app.screenshot());
  });
});
