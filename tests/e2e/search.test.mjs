// Looking back end to end: ten years of generated pages (brought in with the
// CLI from a jrnl file made here), then in the real window Ctrl+K opens
// search, a rare word finds its one page among 3,650 with the word marked,
// Enter opens that day with the word selected, and Escape gives the focus
// back to where it was. The steps build on each other; once one fails the
// rest are skipped.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import { Driver, Sandbox, cli, localDate, saveArtifact, sel, stepper, waitForDate } from './harness.mjs';
import { Key, waitFor } from './webdriver.mjs';

const byTest = (id) => `[data-testid="${id}"]`;
const TODAY = localDate(0);
const DAYS = 3650;
const RARE = 'zephyrquill';
const RARE_DAY = localDate(-1000);
const COMMON = ['rain', 'walked', 'kitchen', 'quiet', 'tea', 'sister', 'garden', 'work', 'river', 'slept'];

/** A deterministic ten years of short pages, as jrnl's text file. */
function tenYears() {
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  const lines = [];
  for (let i = DAYS - 1; i >= 0; i -= 1) {
    const date = localDate(-i);
    const words = Array.from({ length: 24 }, () => COMMON[next() % COMMON.length]);
    if (date === RARE_DAY) words.splice(12, 0, RARE);
    lines.push(`[${date} 21:00] ${words.join(' ')}.\n`);
  }
  return lines.join('\n');
}

/** The same calendar date `months` before today, if that month has it. */
function sameDateBefore(months) {
  const [y, m, d] = TODAY.split('-').map(Number);
  const at = new Date(Date.UTC(y, m - 1 - months, d));
  return at.getUTCDate() === d ? at.toISOString().slice(0, 10) : null;
}

/** What the line should say for the generated ten years (a page on every day). */
function expectedLookBack() {
  const oldest = localDate(-(DAYS - 1));
  const want = [];
  const add = (months, label) => {
    const d = sameDateBefore(months);
    if (d && d >= oldest) want.push(label);
  };
  add(1, 'A month ago');
  add(6, 'Six months ago');
  for (let y = 1; y <= 10; y += 1) add(12 * y, y === 1 ? 'A year ago' : String(Number(TODAY.slice(0, 4)) - y));
  return want;
}

describe('looking back', () => {
  let sandbox;
  let driver;
  let app;
  const step = stepper('search', () => app);

  before(async () => {
    sandbox = new Sandbox('search');
    driver = await Driver.start(sandbox);
  });

  after(async () => {
    if (app) await app.delete().catch(() => undefined);
    if (driver) await driver.stop();
    if (sandbox) await sandbox.dispose();
  });

  step('ten years of pages are brought in', async () => {
    const file = path.join(sandbox.dir, 'ten-years.txt');
    writeFileSync(file, tenYears());
    const done = await cli(sandbox, ['import', '--format', 'jrnl', file]);
    assert.equal(done.added, DAYS);
    // The last months lived in: moods, a period with a pursuit in it, urges
    // held and contacts.
    for (let i = 80; i >= 1; i -= 1) {
      const mood = String(1 + ((i * 7 + (i % 5)) % 5));
      await cli(sandbox, ['write', '--date', localDate(-i), '--append', '--mood', mood, 'A mood.'], { json: false });
    }
    await cli(sandbox, ['period', 'start', '--date', localDate(-60), '--note', 'I told them I would give them room.']);
    await cli(sandbox, ['contact', 'add', '--kind', 'pursued', '--date', localDate(-25)]);
    for (const d of [-50, -41, -33, -26, -24, -12, -5]) await cli(sandbox, ['urge', 'add', '--date', localDate(d)]);
    for (const d of [-44, -15, -3]) await cli(sandbox, ['contact', 'add', '--kind', 'they-reached-out', '--date', localDate(d)]);
    await cli(sandbox, ['contact', 'add', '--kind', 'necessary', '--date', localDate(-30), '--note', 'school forms']);
  });

  step('the page of today names the earlier pages of its date, and one opens that day', async () => {
    app = await driver.launch();
    await waitForDate(app, TODAY);
    await app.waitForElement(byTest('look-back'));
    const days = await app.findAll(byTest('look-back-day'));
    const shown = await Promise.all(days.map((d) => d.text()));
    assert.deepEqual(shown, expectedLookBack());
    saveArtifact('look-back.png', await app.screenshot());
    const yearAgo = days[shown.indexOf('A year ago')];
    const date = await yearAgo.attribute('data-date');
    assert.equal(date.slice(5), TODAY.slice(5), 'the same calendar date');
    await yearAgo.click();
    await waitForDate(app, date);
    await (await app.find(byTest('go-today'))).click();
    await waitForDate(app, TODAY);
  });

  step('Ctrl+K finds the one page with a rare word, the word marked', async () => {
    await (await app.find(sel.editor)).click();
    await app.chord(Key.CONTROL, 'k');
    const input = await app.waitForElement(byTest('search-input'));
    await input.sendKeys(RARE);
    await waitFor(async () => (await app.findAll(byTest('search-hit'))).length === 1, {
      what: 'one result',
    });
    const hit = await app.find(byTest('search-hit'));
    assert.equal(await hit.attribute('data-date'), RARE_DAY);
    const marked = await app.execute(
      `return [...document.querySelectorAll('[data-testid="search-hit"] mark')].map((m) => m.textContent)`,
    );
    assert.deepEqual(marked, [RARE]);
    assert.equal(await (await app.find(byTest('search-status'))).text(), '1 page');
    saveArtifact('search.png', await app.screenshot());
  });

  step('Enter opens that day with the word selected on the page', async () => {
    await (await app.find(byTest('search-input'))).sendKeys(Key.ENTER);
    await waitForDate(app, RARE_DAY);
    await waitFor(
      async () =>
        (await app.execute(
          `const t = document.activeElement;
           return t && t.tagName === 'TEXTAREA' ? t.value.slice(t.selectionStart, t.selectionEnd) : null`,
        )) === RARE,
      { what: 'the word selected in the editor' },
    );
    assert.equal((await app.findAll(byTest('search'))).length, 0, 'the search closed');
  });

  step('Ctrl+5 shows the way come: mood, days of space, weeks and the year', async () => {
    await app.chord(Key.CONTROL, '5');
    for (const chart of ['mood', 'space', 'weeks', 'year', 'helped']) {
      await app.waitForElement(byTest(`chart-${chart}`));
    }
    const points = await app.execute(`return document.querySelectorAll('[data-testid="chart-mood"] circle').length`);
    assert.equal(points, 80, 'a point for each day with a mood in the last 3 months');
    const runs = await app.execute(`return document.querySelectorAll('[data-testid="chart-space"] rect').length`);
    assert.equal(runs, 2, 'two runs: before the pursuit and since');
    assert.match(await (await app.find(byTest('chart-space'))).text(), /The stretch you are in now: 25 days/);
    saveArtifact('looking-back.png', await app.screenshot());
    await (await app.find(byTest('nav-today'))).click();
    await waitForDate(app, RARE_DAY);
  });

  step('Escape closes search and gives the focus back to where it was', async () => {
    await app.chord(Key.CONTROL, 'k');
    const input = await app.waitForElement(byTest('search-input'));
    // The words are still there to look again.
    assert.equal(await input.property('value'), RARE);
    await app.chord('\uE00C'); // Escape
    await waitFor(async () => (await app.findAll(byTest('search'))).length === 0, {
      what: 'search to close',
    });
    const focused = await app.execute(`return document.activeElement?.dataset?.testid ?? null`);
    assert.equal(focused, 'editor');
  });
});
