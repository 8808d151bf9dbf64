import type { Page } from '../src/ipc/bindings/Page';
import type { Saved } from '../src/ipc/bindings/Saved';

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * Words as the core counts them (journal-core `count_words`, where its rule
 * is tested): the pretend back ends of these tests answer with it.
 */
export function countWords(text: string): number {
  return text.split(/\p{White_Space}+/u).filter((w) => /[\p{Alphabetic}\p{Nd}\p{Nl}\p{No}]/u.test(w)).length;
}

export function makePage(date: string, body = '', mood: number | null = null): Page {
  const stored = body !== '' || mood !== null;
  return {
    date,
    body,
    mood,
    words: countWords(body),
    created_at: stored ? '2026-11-01T09:00:00Z' : null,
    updated_at: stored ? '2026-11-01T09:00:00Z' : null,
    version: stored ? 1 : 0,
    written: body.trim() !== '' || mood !== null,
  };
}

/** The store's reply to a save that replaced nothing it had not seen. */
export function makeSaved(date: string, body = '', mood: number | null = null): Saved {
  return { page: makePage(date, body, mood), replaced_elsewhere: null };
}
