// A day with the journal, end to end: the real app binary in Xvfb, driven
// over WebDriver (tauri-driver → WebKitWebDriver), checked against the
// journal file with the real CLI. The steps build on each other, so once one
// fails the rest are skipped rather than failing for the same reason.

import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import {
  DEV_IDENTIFIER,
  Driver,
  Sandbox,
  appPids,
  calendarDay,
  cli,
  countWords,
  editorValue,
  localDate,
  openFiles,
  saveArtifact,
  sel,
  shownDate,
  text,
  waitForAppExit,
  waitForDate,
  waitForSaveState,
  stepper,
} from './harness.mjs';
import { Key, waitFor } from './webdriver.mjs';

const TODAY = localDate(0);
const YESTERDAY = localDate(-1);
const TWO_DAYS_AGO = localDate(-2);
const THREE_DAYS_AGO = localDate(-3);

const TODAY_TEXT = 'Walked the long way home under a grey sky.\nThe cold air helped a little.';
const YESTERDAY_TEXT = 'Wanted to send a message and waited instead. That was enough for one day.';
const CLI_TEXT = 'Written from the terminal: tea, a book, an early night.';
const APPENDED = ' Added later in the app.';

const ctrl = (key) => Key.CONTROL + key + Key.NULL;

describe('a day with the journal', () => {
  let sandbox;
  let driver;
  let app; // the current WebDriver session, i.e. the running app

  const step = stepper('journal', () => app);

  async function quitApp() {
    await app.delete();
    await waitForAppExit(sandbox);
  }

  async function startApp() {
    app = await driver.launch();
    await waitForDate(app, TODAY);
  }

  /** Clicks into the editor and types at the end of the page. */
  async function typeInEditor(keys) {
    const editor = await app.find(sel.editor);
    await editor.click();
    // Separate calls: WebKitWebDriver drops whatever follows a NULL key.
    await editor.sendKeys(Key.CONTROL + Key.END + Key.NULL);
    await editor.sendKeys(keys);
  }

  /** Presses a shortcut with the focus in the editor, where a writer's hands are. */
  async function shortcut(key) {
    await (await app.find(sel.editor)).sendKeys(ctrl(key));
  }

  async function expectPage(date, body) {
    await waitForDate(app, date);
    await waitFor(async () => (await editorValue(app)) === body, {
      what: `the editor to show the page for ${date}`,
    });
  }

  before(async () => {
    sandbox = new Sandbox('journal');
    driver = await Driver.start(sandbox);
  });

  after(async () => {
    if (app) await app.delete().catch(() => undefined);
    if (driver) await driver.stop();
    if (sandbox) await sandbox.dispose();
  });

  step("opens on today's page, on the test journal file", async () => {
    await startApp();
    assert.equal(await shownDate(app), TODAY, 'the first page shown is today');
    assert.equal(await editorValue(app), '', 'a new journal starts with an empty page');
    assert.equal(await app.title(), 'Breathing Room');

    const [pid] = appPids(sandbox);
    assert.ok(pid, 'the app runs with BREATHING_ROOM_DB pointing into the sandbox');
    assert.ok(openFiles(pid).has(sandbox.db), `the app has ${sandbox.db} open`);
    assert.ok(!existsSync(sandbox.defaultDb), 'the app did not open a journal in its data dir');
    // The web view keeps its storage under the identifier: proof that this is
    // the test build, which can never open the user's own journal.
    const data = sandbox.env.XDG_DATA_HOME;
    assert.ok(existsSync(path.join(data, DEV_IDENTIFIER)), `app data goes to ${DEV_IDENTIFIER}`);
    const mode = statSync(path.join(data, DEV_IDENTIFIER)).mode & 0o777;
    assert.equal(mode, 0o700, 'the app data folder is readable by its owner only');
    assert.equal(statSync(sandbox.db).mode & 0o777, 0o600, 'the journal file is readable by its owner only');
    assert.ok(
      !existsSync(path.join(data, 'app.breathingroom.journal')),
      'the binary under test uses the release identifier; test a debug build (scripts/build-e2e.sh)',
    );
  });

  step('a page typed today is saved', async () => {
    await typeInEditor(TODAY_TEXT.replace('\n', Key.ENTER));
    assert.equal(await editorValue(app), TODAY_TEXT);
    await waitForSaveState(app, 'Saved');
    assert.equal(await text(app, sel.wordCount), `${countWords(TODAY_TEXT)} words`);
    saveArtifact('today.png', await app.screenshot());

    const page = await cli(sandbox, ['show']);
    assert.equal(page.body, TODAY_TEXT, 'the journal file holds what was typed');
  });

  step('the page is still there after the app quits and starts again', async () => {
    await quitApp();
    await startApp();
    await expectPage(TODAY, TODAY_TEXT);
    assert.equal(await text(app, sel.saveState), 'Saved');
  });

  step('Ctrl+[ opens yesterday, and a page written there is saved', async () => {
    await shortcut('[');
    await expectPage(YESTERDAY, '');
    await typeInEditor(YESTERDAY_TEXT);
    await waitForSaveState(app, 'Saved');
    assert.equal(await text(app, sel.wordCount), `${countWords(YESTERDAY_TEXT)} words`);
  });

  step('the day buttons and Ctrl+] / Ctrl+T move between days', async () => {
    await (await app.find(sel.goToday)).click();
    await expectPage(TODAY, TODAY_TEXT);
    assert.equal(await (await app.find(sel.nextDay)).enabled(), false, 'no going past today');
    assert.equal(await (await app.find(sel.goToday)).enabled(), false, 'already on today');

    await (await app.find(sel.prevDay)).click();
    await expectPage(YESTERDAY, YESTERDAY_TEXT);
    await shortcut(']');
    await expectPage(TODAY, TODAY_TEXT);
    await (await app.find(sel.prevDay)).click();
    await (await app.find(sel.prevDay)).click();
    await expectPage(TWO_DAYS_AGO, '');
    await shortcut('t');
    await expectPage(TODAY, TODAY_TEXT);
  });

  step('the calendar marks the days with a page', async () => {
    const hasPage = async (date) => (await calendarDay(app, date)).attribute('data-has-page');
    await waitFor(async () => (await hasPage(TODAY)) === 'true', { what: `a mark on ${TODAY}` });
    // Yesterday may be in last month; calendarDay turns the calendar back then.
    await waitFor(async () => (await hasPage(YESTERDAY)) === 'true', { what: `a mark on ${YESTERDAY}` });
    assert.equal(await hasPage(TWO_DAYS_AGO), 'false', 'a day without a page has no mark');
  });

  step('a mood is saved and still chosen after a restart', async () => {
    await expectPage(TODAY, TODAY_TEXT);
    await (await app.find(sel.mood(4))).click();
    await waitForSaveState(app, 'Saved');
    assert.equal(await (await app.find(sel.mood(4))).selected(), true);

    const marked = await (await calendarDay(app, TODAY)).attribute('aria-label');
    assert.match(marked, /written, mood good/, 'the calendar shows the mood in words too');

    await quitApp();
    await startApp();
    await expectPage(TODAY, TODAY_TEXT);
    assert.equal(await (await app.find(sel.mood(4))).selected(), true, 'mood 4 is still chosen');
    for (const other of [1, 2, 3, 5]) {
      assert.equal(await (await app.find(sel.mood(other))).selected(), false, `mood ${other}`);
    }
    // And it looks that way: only the chosen one shows its dot (a dark
    // desktop theme once drew a dot in every one).
    const dots = await app.execute(
      `return [1, 2, 3, 4, 5].map((n) => {
         const radio = document.querySelector('[data-testid="mood-' + n + '"]');
         return getComputedStyle(radio, '::before').transform;
       })`,
    );
    const shown = dots.map((t) => t !== 'none' && !/^matrix\(0, 0, 0, 0/.test(t));
    assert.deepEqual(shown, [false, false, false, true, false], `the dots drawn: ${dots.join(' | ')}`);
  });

  step('the CLI reads exactly what the app wrote', async () => {
    assert.deepEqual(await cli(sandbox, ['show']), {
      date: TODAY,
      body: TODAY_TEXT,
      mood: 4,
      words: countWords(TODAY_TEXT),
    });
    assert.deepEqual(await cli(sandbox, ['show', '--date', YESTERDAY]), {
      date: YESTERDAY,
      body: YESTERDAY_TEXT,
      mood: null,
      words: countWords(YESTERDAY_TEXT),
    });
  });

  step('a page the CLI writes while the app is open can be read and continued in the app', async () => {
    const written = await cli(sandbox, ['write', '--date', THREE_DAYS_AGO, CLI_TEXT]);
    assert.equal(written.body, CLI_TEXT);

    await (await calendarDay(app, THREE_DAYS_AGO)).click();
    await expectPage(THREE_DAYS_AGO, CLI_TEXT);
    assert.equal(await text(app, sel.wordCount), `${countWords(CLI_TEXT)} words`);

    await typeInEditor(APPENDED);
    await waitForSaveState(app, 'Saved');
    const page = await cli(sandbox, ['show', '--date', THREE_DAYS_AGO]);
    assert.equal(page.body, CLI_TEXT + APPENDED, 'the app saved over the CLI page in the same file');
    assert.equal(page.words, countWords(CLI_TEXT + APPENDED));
  });

  step('words the CLI writes to the open page are never lost to the app\'s next save', async () => {
    const elsewhere = 'Written from the terminal while the app had the page open.';
    await cli(sandbox, ['write', '--date', THREE_DAYS_AGO, elsewhere]);
    // The app, still on its own text, saves its next keystrokes.
    await typeInEditor(' And a little more.');
    const notice = await app.waitForElement('[data-testid="changed-elsewhere"]', 5_000);
    assert.ok((await notice.text()).includes(elsewhere), 'the other words are shown beside mine');
    await waitForSaveState(app, 'Saved');
    const history = await cli(sandbox, ['history', '--date', THREE_DAYS_AGO]);
    assert.ok(
      history.some((r) => r.first_line === elsewhere),
      `the terminal's words are kept as an earlier version: ${JSON.stringify(history)}`,
    );

    await (await app.find('[data-testid="keep-both"]')).click();
    await waitFor(async () => (await editorValue(app)).endsWith(elsewhere), {
      what: 'the other words added below mine',
    });
    await waitForSaveState(app, 'Saved');
    const page = await cli(sandbox, ['show', '--date', THREE_DAYS_AGO]);
    assert.ok(page.body.startsWith(CLI_TEXT + APPENDED + ' And a little more.'), page.body);
    assert.ok(page.body.endsWith(elsewhere), page.body);
  });

  step('a page wiped by mistake, and saved, comes back in one click', async () => {
    await shortcut('t');
    await waitForDate(app, TODAY);
    const more = ' Then I sat by the window for a while and let the afternoon go by without checking anything at all.';
    await typeInEditor(more);
    await waitForSaveState(app, 'Saved');
    const whole = TODAY_TEXT + more;
    assert.equal((await cli(sandbox, ['show'])).body, whole);

    const editor = await app.find(sel.editor);
    await editor.sendKeys(ctrl('a'));
    await editor.sendKeys(Key.BACK_SPACE);
    await waitFor(async () => (await cli(sandbox, ['show'])).body === '', { what: 'the wiped page saved' });
    const note = await app.waitForElement('[data-testid="cut-note"]', 5_000);
    assert.match(await note.text(), /Most of this page was just removed/);

    await (await app.find('[data-testid="cut-undo"]')).click();
    await waitFor(async () => (await editorValue(app)) === whole, { what: 'the text back in the editor' });
    await waitFor(async () => (await cli(sandbox, ['show'])).body === whole, { what: 'the text back in the journal' });
  });
});
