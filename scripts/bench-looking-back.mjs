// Looking back, measured in the real window (a benchmark, not a test):
// (each search is timed from a Backspace that turns a word that finds
// nothing into the word, so the whole search and its results are painted)
// ten years of generated pages (3,650 days, each with a mood; a rare word
// on one, a common word on every fifth), then
//   - keystroke → search results painted, for the rare word and for the
//     word on 20% of the pages: the time from the key event to the first
//     frame after the results changed, 20 times each;
//   - Ctrl+5 → the Looking back page painted with its charts, 10 times.
// Prints medians and the worst. The budgets: 50 ms, 100 ms, 200 ms.
//
// Run: scripts/build-e2e.sh, then
//   xvfb-run -a -s "-screen 0 1280x860x24" dbus-run-session -- node scripts/bench-looking-back.mjs
// (it uses the e2e app: a debug core, so a release build is faster still).

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Driver, Sandbox, cli, localDate, waitForDate } from '../tests/e2e/harness.mjs';
import { Key, waitFor } from '../tests/e2e/webdriver.mjs';

const DAYS = 3650;
const RARE = 'zephyrquill';
const COMMON = 'lantern';
const WORDS = ['rain', 'walked', 'kitchen', 'quiet', 'tea', 'sister', 'garden', 'work', 'river', 'slept', 'train', 'bread'];

/** Ten years as a folder of Markdown files named by date, each with a mood. */
function tenYears(dir) {
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  mkdirSync(dir);
  for (let i = DAYS - 1; i >= 0; i -= 1) {
    const date = localDate(-i);
    const words = Array.from({ length: 120 + (next() % 200) }, () => WORDS[next() % WORDS.length]);
    if (i % 5 === 0) words.splice(40, 0, COMMON);
    if (i === 1234) words.splice(60, 0, RARE);
    writeFileSync(path.join(dir, `${date}.md`), `---\ndate: ${date}\nmood: ${1 + (next() % 5)}\n---\n\n${words.join(' ')}.\n`);
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const report = (label, xs, budget) =>
  console.log(
    `${label}: median ${median(xs).toFixed(1)} ms, worst ${Math.max(...xs).toFixed(1)} ms (budget ${budget} ms, ${xs.length} runs)`,
  );

const sandbox = new Sandbox('bench-looking-back');
const driver = await Driver.start(sandbox);
let app;
try {
  const folder = path.join(sandbox.dir, 'ten-years');
  tenYears(folder);
  await cli(sandbox, ['import', '--format', 'markdown', folder]);
  app = await driver.launch();
  await waitForDate(app, localDate(0));

  // Times each keystroke from its key event to the frame after the results changed.
  await app.execute(`
    window.__times = [];
    window.addEventListener('keydown', () => { window.__t0 = performance.now(); }, true);
    new MutationObserver(() => {
      // Timed when the results are there (not when "Looking…" shows).
      if (window.__t0 === undefined || !document.querySelector('[data-testid="search-hit"]')) return;
      const t0 = window.__t0;
      window.__t0 = undefined;
      requestAnimationFrame(() => window.__times.push(performance.now() - t0));
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  `);

  async function keystrokes(word, runs) {
    const times = [];
    for (let i = 0; i < runs; i += 1) {
      await app.chord(Key.CONTROL, 'k');
      const input = await app.waitForElement('[data-testid="search-input"]');
      await app.execute(`const i = document.querySelector('[data-testid="search-input"]'); i.value = ''; i.dispatchEvent(new Event('input', { bubbles: true }));`);
      // The word with one letter too many finds nothing; the Backspace that
      // takes it off is the keystroke timed: a whole search and its results.
      await input.sendKeys(`${word}x`);
      await waitFor(
        async () =>
          (await app.execute(`return document.querySelector('[data-testid="search-status"]').textContent`)) ===
          'No page has these words.',
        { what: 'no results' },
      );
      await app.execute('window.__times = []; window.__t0 = undefined;');
      await input.sendKeys('\uE003');
      await waitFor(async () => (await app.execute('return window.__times.length')) > 0, { what: 'a timed frame' });
      times.push(await app.execute('return window.__times[0]'));
      await app.chord('\uE00C');
    }
    return times;
  }

  report(`keystroke → results, rare word ("${RARE}", 1 page)`, await keystrokes(RARE, 20), 50);
  const hits = await (async () => {
    await app.chord(Key.CONTROL, 'k');
    const input = await app.waitForElement('[data-testid="search-input"]');
    await input.sendKeys(COMMON);
    await waitFor(async () => (await app.findAll('[data-testid="search-hit"]')).length > 0, { what: 'results' });
    const n = await app.execute(`return document.querySelector('[data-testid="search-status"]').textContent`);
    await app.chord('\uE00C');
    return n;
  })();
  report(`keystroke → results, common word ("${COMMON}", on ${DAYS / 5} pages; shown: ${hits})`, await keystrokes(COMMON, 20), 100);

  const pageTimes = [];
  for (let i = 0; i < 10; i += 1) {
    await app.chord(Key.CONTROL, '1');
    await app.waitForElement('[data-testid="editor"]');
    await app.execute('window.__times = []; window.__t0 = undefined;');
    await app.execute(`
      window.__lb = performance.now();
      new MutationObserver((_, o) => {
        if (!document.querySelector('[data-testid="chart-year"]')) return;
        o.disconnect();
        requestAnimationFrame(() => { window.__lbDone = performance.now() - window.__lb; });
      }).observe(document.body, { childList: true, subtree: true });
      window.__lbDone = undefined;
      window.dispatchEvent(new KeyboardEvent('keydown', { key: '5', code: 'Digit5', ctrlKey: true }));
    `);
    await waitFor(async () => (await app.execute('return window.__lbDone')) !== null, { what: 'the page painted' });
    pageTimes.push(await app.execute('return window.__lbDone'));
  }
  report('Ctrl+5 → Looking back painted (the last 3 months of ten years)', pageTimes, 200);

  // "Everything": the ten years at once.
  const allTimes = [];
  for (let i = 0; i < 5; i += 1) {
    await app.chord(Key.CONTROL, '5');
    await app.waitForElement('[data-testid="span-all"]');
    await app.execute(`
      window.__all = undefined;
      const t0 = performance.now();
      const before = document.querySelector('[data-testid="chart-mood"] .summary')?.textContent;
      new MutationObserver((_, o) => {
        const now = document.querySelector('[data-testid="chart-mood"] .summary')?.textContent;
        if (now === undefined || now === before) return;
        o.disconnect();
        requestAnimationFrame(() => { window.__all = performance.now() - t0; });
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
      document.querySelector('[data-testid="span-all"]').click();
    `);
    await waitFor(async () => (await app.execute('return window.__all ?? null')) !== null, { what: 'everything painted' });
    allTimes.push(await app.execute('return window.__all'));
    await app.chord(Key.CONTROL, '1');
    await app.waitForElement('[data-testid="editor"]');
  }
  report('"Everything" chosen → painted (ten years)', allTimes, 200);
} finally {
  if (app) await app.delete().catch(() => undefined);
  await driver.stop();
  await sandbox.dispose();
}
