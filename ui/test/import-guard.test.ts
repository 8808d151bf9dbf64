// Only src/ipc/ may talk to Tauri. Views go through its typed functions.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
const IPC = join(SRC, 'ipc');
const SOURCE = /\.(ts|js|mjs|cjs|svelte|tsx|jsx)$/;

/** Every way a module can pull in a package: import/export from, import(), require(). */
const TAURI_IMPORT =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"`]@tauri-apps\//;

function importsTauri(source: string): boolean {
  return TAURI_IMPORT.test(source);
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : SOURCE.test(name) ? [path] : [];
  });
}

describe('import guard', () => {
  it('recognises the ways a file can import @tauri-apps', () => {
    expect(importsTauri("import { invoke } from '@tauri-apps/api/core';")).toBe(true);
    expect(importsTauri('import type { Event } from "@tauri-apps/api/event"')).toBe(true);
    expect(importsTauri("export { listen } from '@tauri-apps/api/event';")).toBe(true);
    expect(importsTauri("const m = await import('@tauri-apps/api/mocks');")).toBe(true);
    expect(importsTauri("import '@tauri-apps/api';")).toBe(true);
    expect(importsTauri("require('@tauri-apps/api/core')")).toBe(true);
    expect(importsTauri("import { getPage } from '../ipc/journal';")).toBe(false);
  });

  it('finds source files to check', () => {
    const files = walk(SRC).map((f) => relative(SRC, f));
    expect(files).toContain('App.svelte');
    expect(files).toContain(join('ipc', 'journal.ts'));
  });

  it('no file outside src/ipc/ imports @tauri-apps', () => {
    const offenders = walk(SRC)
      .filter((file) => !file.startsWith(IPC + sep))
      .filter((file) => importsTauri(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(offenders).toEqual([]);
  });
});
