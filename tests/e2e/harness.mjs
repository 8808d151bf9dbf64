// What every end-to-end test needs: a throwaway home for the app's data,
// tauri-driver started with that environment, app sessions, the CLI, and
// local dates computed the way the app computes them.

import { execFile, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Session, waitFor, waitForServer } from './webdriver.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS = path.join(REPO, 'tests', '.artifacts');

/** The binaries under test, built by scripts/build-e2e.sh (debug, dev identifier). */
export const APP = path.resolve(process.env.BR_E2E_APP ?? path.join(REPO, 'target/e2e/breathing-room'));
export const CLI = path.resolve(process.env.BR_E2E_CLI ?? path.join(REPO, 'target/debug/breathing-room-cli'));
/** The identifier the e2e binary is built with, so its data never mixes with the user's. */
export const DEV_IDENTIFIER = 'app.breathingroom.journal.dev';
export const WINDOW_TITLE = 'Breathing Room';

const run = promisify(execFile);

/** `YYYY-MM-DD` of today plus `days`, in this process's local time (same TZ as the app). */
export function localDate(days = 0) {
  const d = new Date();
  d.setHours(12, 0, 0, 0); // midday: adding days never lands on a DST edge
  d.setDate(d.getDate() + days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Counts words as the app does: whitespace-separated runs holding a letter or digit. */
export function countWords(text) {
  return text.split(/\p{White_Space}+/u).filter((w) => /[\p{Alphabetic}\p{Nd}\p{Nl}\p{No}]/u.test(w)).length;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function which(name) {
  const dirs = (process.env.PATH ?? '').split(path.delimiter);
  dirs.push(path.join(os.homedir(), '.cargo', 'bin'));
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * A fresh directory holding everything the app may write: XDG data, config and
 * cache homes and the journal file (BREATHING_ROOM_DB). Removed by `dispose()`
 * unless BR_E2E_KEEP=1 (its path is printed then).
 */
export class Sandbox {
  constructor(label) {
    this.dir = mkdtempSync(path.join(os.tmpdir(), `breathing-room-e2e-${label}-`));
    this.db = path.join(this.dir, 'journal', 'journal.db');
    mkdirSync(path.dirname(this.db));
    this.env = {
      XDG_DATA_HOME: path.join(this.dir, 'data'),
      XDG_CONFIG_HOME: path.join(this.dir, 'config'),
      XDG_CACHE_HOME: path.join(this.dir, 'cache'),
      BREATHING_ROOM_DB: this.db,
    };
    for (const key of ['XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME']) mkdirSync(this.env[key]);
  }

  /** Where the app would put its journal if BREATHING_ROOM_DB were ignored. */
  get defaultDb() {
    return path.join(this.env.XDG_DATA_HOME, DEV_IDENTIFIER, 'journal.db');
  }

  /** Removes the directory once nothing started in it is still running. */
  async dispose() {
    if (process.env.BR_E2E_KEEP === '1') {
      console.log(`# kept e2e sandbox: ${this.dir}`);
      return;
    }
    // WebKit's helper processes may outlive the app by a moment, still writing caches.
    await waitFor(() => sandboxPids(this, { all: true }).length === 0, {
      timeoutMs: 10_000,
      what: 'the processes started in the sandbox to end',
    }).catch(() => undefined);
    // One still running (an app kept alive in the tray, say) would hold the
    // single-instance name on the test's session bus, and every later
    // suite's app would hand itself over to it and exit: end them here.
    for (const pid of sandboxPids(this, { all: true })) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Gone by now.
      }
    }
    await waitFor(() => sandboxPids(this, { all: true }).length === 0, {
      timeoutMs: 5_000,
      what: 'the processes started in the sandbox to be gone',
    }).catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

/** tauri-driver on free ports, started with the sandbox's environment (the app inherits it). */
export class Driver {
  static async start(sandbox) {
    const bin = process.env.TAURI_DRIVER ?? which('tauri-driver');
    if (!bin) throw new Error('tauri-driver is not installed: cargo install tauri-driver --locked');
    for (const file of [APP, CLI]) {
      if (!existsSync(file)) throw new Error(`${file} is missing; build it first (./test does)`);
    }
    const port = await freePort();
    let nativePort = await freePort();
    while (nativePort === port) nativePort = await freePort();
    const args = ['--port', String(port), '--native-port', String(nativePort)];
    if (existsSync('/usr/bin/WebKitWebDriver')) args.push('--native-driver', '/usr/bin/WebKitWebDriver');

    const log = path.join(sandbox.dir, 'tauri-driver.log');
    const out = openSync(log, 'a');
    const child = spawn(bin, args, {
      env: { ...process.env, ...sandbox.env },
      stdio: ['ignore', out, out],
    });
    const driver = new Driver(child, `http://127.0.0.1:${port}`, log);
    try {
      await waitForServer(driver.url);
    } catch (error) {
      await driver.stop();
      throw new Error(`${error.message}\n--- tauri-driver log ---\n${driver.logTail()}`);
    }
    return driver;
  }

  constructor(child, url, log) {
    this.child = child;
    this.url = url;
    this.log = log;
    this.exited = new Promise((resolve) => child.once('exit', resolve));
  }

  logTail(lines = 40) {
    try {
      return readFileSync(this.log, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }

  /** Starts the app in a new WebDriver session and waits until it shows a day. */
  /** Starts the app; resolves once it shows `ready` (the editor, or another first screen). */
  /** Starts the app and waits for `ready` (see `whenReady`). */
  async launch(ready = '[data-testid="editor"]') {
    const session = await Session.create(this.url, {
      'tauri:options': { application: APP },
    });
    try {
      await whenReady(session, ready);
    } catch (error) {
      await session.delete().catch(() => undefined);
      throw error;
    }
    return session;
  }

  /** SIGTERM: tauri-driver then kills WebKitWebDriver. */
  async stop() {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
      await this.exited;
      clearTimeout(timer);
    }
  }
}

/**
 * Waits until the app shows `ready`. A new journal opens on the first-start
 * welcome: it is skipped (as a person may) unless `ready` is the welcome.
 */
export async function whenReady(session, ready = '[data-testid="editor"]', timeout = 15_000) {
  const welcome = '[data-testid="welcome"]';
  await session.waitForElement(`${ready}, ${welcome}`, timeout);
  if (ready !== welcome && (await session.findAll(welcome)).length > 0) {
    await (await session.find('[data-testid="welcome-skip"]')).click();
  }
  await session.waitForElement(ready, timeout);
}

/**
 * Process ids started with this sandbox's journal: the app itself, or with
 * `all`, also the WebKit helper processes it spawned (they inherit its env).
 */
export function sandboxPids(sandbox, { all = false } = {}) {
  const app = realpathSync(APP);
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (!all && readlinkSync(`/proc/${entry}/exe`) !== app) continue;
      const env = readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0');
      if (env.includes(`BREATHING_ROOM_DB=${sandbox.db}`)) pids.push(Number(entry));
    } catch {
      // Gone already, or not ours to read.
    }
  }
  return pids;
}

/** Process ids of running app instances started with this sandbox's journal. */
export function appPids(sandbox) {
  return sandboxPids(sandbox);
}

/** The files a process has open (targets of /proc/PID/fd/*). */
export function openFiles(pid) {
  const files = new Set();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      files.add(readlinkSync(`/proc/${pid}/fd/${fd}`));
    } catch {
      // Closed meanwhile.
    }
  }
  return files;
}

/** Waits until no app instance of this sandbox is running; returns how long that took. */
export async function waitForAppExit(sandbox, timeoutMs = 10_000) {
  const started = Date.now();
  await waitFor(() => appPids(sandbox).length === 0, {
    timeoutMs,
    intervalMs: 50,
    what: 'the app to quit',
  });
  return Date.now() - started;
}

/** Runs breathing-room-cli on the sandbox's journal; `--json` output is parsed. */
export async function cli(sandbox, args, { json = true } = {}) {
  const argv = ['--db', sandbox.db, ...(json ? ['--json'] : []), ...args];
  try {
    const { stdout } = await run(CLI, argv, { env: { ...process.env, ...sandbox.env }, encoding: 'utf8' });
    return json ? JSON.parse(stdout) : stdout;
  } catch (error) {
    throw new Error(`breathing-room-cli ${argv.join(' ')} failed: ${error.stderr || error.message}`);
  }
}

/** Saves a PNG to tests/.artifacts/NAME and returns its path. */
export function saveArtifact(name, png) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  writeFileSync(file, png);
  return file;
}

// ---- the Today page, as a user sees it ----

export const sel = {
  editor: '[data-testid="editor"]',
  saveState: '[data-testid="save-state"]',
  wordCount: '[data-testid="word-count"]',
  pageDate: '[data-testid="page-date"]',
  prevDay: '[data-testid="prev-day"]',
  nextDay: '[data-testid="next-day"]',
  goToday: '[data-testid="go-today"]',
  mood: (n) => `[data-testid="mood-${n}"]`,
  calendar: '[data-testid="calendar"]',
  calDay: (date) => `[data-testid="calendar"] button[data-date="${date}"]`,
  calPrev: '[data-testid="cal-prev"]',
  calNext: '[data-testid="cal-next"]',
};

export async function text(session, selector) {
  return (await session.find(selector)).text();
}

/** The date the open page belongs to. */
export async function shownDate(session) {
  return (await session.find(sel.pageDate)).attribute('data-date');
}

export function waitForDate(session, date, timeoutMs = 5_000) {
  return waitFor(async () => (await shownDate(session)) === date && date, {
    timeoutMs,
    what: `the page for ${date}`,
  });
}

/** What the editor holds right now. */
export async function editorValue(session) {
  return (await session.find(sel.editor)).property('value');
}

/** Waits for the save state to read exactly `want` (default "Saved"). */
export function waitForSaveState(session, want = 'Saved', timeoutMs = 5_000) {
  return waitFor(async () => ((await text(session, sel.saveState)) === want ? want : false), {
    timeoutMs,
    what: `save state "${want}"`,
  });
}

/**
 * Shows `date` in the calendar (stepping months with cal-prev/cal-next) and
 * returns its day button.
 */
export async function calendarDay(session, date) {
  for (let i = 0; i < 24; i += 1) {
    const found = await session.findAll(sel.calDay(date));
    if (found.length > 0) return found[0];
    const any = await session.findAll(`${sel.calendar} button[data-date]`);
    const shown = any.length > 0 ? await any[0].attribute('data-date') : null;
    const step = shown !== null && shown.slice(0, 7) < date.slice(0, 7) ? sel.calNext : sel.calPrev;
    await (await session.find(step)).click();
    await waitFor(async () => {
      const first = (await session.findAll(`${sel.calendar} button[data-date]`))[0];
      return first && (await first.attribute('data-date')) !== shown;
    }, { what: 'the calendar to change month' });
  }
  throw new Error(`the calendar never showed ${date}`);
}

/**
 * Steps that build on each other: each is a test, skipped once an earlier
 * one has failed; a failure saves the screen of the app `session()` names
 * (the current WebDriver session) as `<label>-failure.png`.
 */
export function stepper(label, session) {
  let broken = null;
  return function step(name, fn) {
    it(name, async (t) => {
      if (broken) {
        t.skip(`skipped: "${broken}" failed`);
        return;
      }
      try {
        await fn(t);
      } catch (error) {
        broken = name;
        const app = session();
        if (app && !app.closed) {
          const png = await app.screenshot().catch(() => null);
          if (png) t.diagnostic(`screen at the failure: ${saveArtifact(`${label}-failure.png`, png)}`);
        }
        throw error;
      }
    });
  };
}
