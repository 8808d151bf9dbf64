// The crash harness (scripts/crash-test.sh): the app on a temp journal, killed
// with SIGKILL at a random moment while a person types, again and again. After
// each kill: the file passes SQLite's integrity check, every text the app had
// shown as "Saved" is in the journal, and the app starts again cleanly.
//
// Prints `rounds: N, pages lost: L, integrity failures: F` and exits 1 unless
// both are 0. Not a *.test.mjs: the e2e run does not pick it up.

import { execFileSync } from 'node:child_process';
import { APP, Driver, Sandbox, cli, sandboxPids, sel, whenReady } from './harness.mjs';
import { Session, sleep } from './webdriver.mjs';

const rounds = Number(process.argv[2] ?? 20);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error(`rounds must be a whole number above 0 (got ${process.argv[2]})`);
  process.exit(2);
}

const WORDS = 'quiet walk river tea letter garden evening window rain bread kettle light'.split(' ');
let seed = 0x5eed;
function random() {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
const word = () => WORDS[Math.floor(random() * WORDS.length)];

/** What the page shows right now, read in one step: [save state, editor text]. */
async function onScreen(app) {
  return app.execute(
    `const s = document.querySelector(${JSON.stringify(sel.saveState)});
     const e = document.querySelector(${JSON.stringify(sel.editor)});
     return [s ? s.textContent : '', e ? e.value : null];`,
  );
}

function integrity(db) {
  const out = execFileSync(
    'python3',
    ['-c', 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])', db],
    { encoding: 'utf8' },
  );
  return out.trim();
}

const sandbox = new Sandbox('crash');
const driver = await Driver.start(sandbox);
let lost = 0;
let failures = 0;
let saved = '';
try {
  for (let round = 1; round <= rounds; round += 1) {
    const app = await Session.create(driver.url, { 'tauri:options': { application: APP } });
    try {
      await whenReady(app, sel.editor);
    } catch (error) {
      const body = await app.execute('return document.body.innerText').catch((e) => String(e));
      console.log(`round ${round}: the app did not start cleanly: ${error.message}\n${body}`);
      throw error;
    }
    const [, shown] = await onScreen(app);
    if (shown === null || !shown.startsWith(saved)) {
      // The app came back without words it had shown as saved.
      lost += 1;
      console.log(`round ${round}: the page came back without what was saved`);
    }
    saved = shown ?? '';
    const editor = await app.find(sel.editor);
    const deadline = Date.now() + random() * 2_000;
    let typed = 0;
    do {
      await editor.sendKeys(` ${word()} ${word()}.`);
      typed += 1;
      const [state, value] = await onScreen(app);
      if (state === 'Saved' && value !== null) saved = value;
      await sleep(random() * 400);
    } while (Date.now() < deadline || typed === 0);
    const [state, value] = await onScreen(app);
    if (state === 'Saved' && value !== null) saved = value;

    // The app itself (its WebKit helpers go with it; tauri-driver, which
    // shares the sandbox's environment, must live on for the next round).
    for (const pid of sandboxPids(sandbox)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Gone already.
      }
    }
    await app.delete().catch(() => undefined);
    while (sandboxPids(sandbox).length > 0) await sleep(50);

    const check = integrity(sandbox.db);
    if (check !== 'ok') {
      failures += 1;
      console.log(`round ${round}: integrity check says ${check}`);
    }
    const page = await cli(sandbox, ['show']);
    if (!page.body.startsWith(saved)) {
      lost += 1;
      console.log(`round ${round}: the journal lacks text the app had shown as saved`);
    }
  }
} finally {
  await driver.stop();
  await sandbox.dispose();
}
console.log(`rounds: ${rounds}, pages lost: ${lost}, integrity failures: ${failures}`);
process.exit(lost === 0 && failures === 0 ? 0 : 1);
