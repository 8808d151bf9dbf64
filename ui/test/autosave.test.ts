import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, type Draft, type SaveState } from '../src/lib/autosave';
import type { Page } from '../src/ipc/bindings/Page';
import type { Revision } from '../src/ipc/bindings/Revision';
import type { Saved } from '../src/ipc/bindings/Saved';
import { toErrorPayload } from '../src/ipc/journal';
import { deferred, makePage, type Deferred } from './helpers';

interface Call {
  date: string;
  draft: Draft;
  base: number | null;
  reply: Deferred<Saved>;
}

function setup(delayMs = 700) {
  const calls: Call[] = [];
  const states: SaveState[] = [];
  const saved: Page[] = [];
  const elsewhere: [string, Revision][] = [];
  const saver = new Autosaver({
    delayMs,
    toError: toErrorPayload,
    save: (date, draft, base) => {
      const reply = deferred<Saved>();
      calls.push({ date, draft: { ...draft }, base, reply });
      return reply.promise;
    },
    onState: (s) => states.push(s),
    onSaved: (p) => saved.push(p),
    onReplacedElsewhere: (date, other) => elsewhere.push([date, other]),
  });
  /** Answers a save with success: the store's version moves one on from its base. */
  const succeed = async (i: number, replaced: Revision | null = null) => {
    const c = calls[i];
    const page = { ...makePage(c.date, c.draft.body, c.draft.mood), version: (c.base ?? 0) + 1 + (replaced ? 1 : 0) };
    c.reply.resolve({ page, replaced_elsewhere: replaced });
    await vi.advanceTimersByTimeAsync(0);
  };
  const fail = async (i: number, message = 'The disk is full. Free some space and try again.') => {
    calls[i].reply.reject({ code: 'disk_full', message });
    await vi.advanceTimersByTimeAsync(0);
  };
  return { saver, calls, states, saved, elsewhere, succeed, fail };
}

const d = (body: string, mood: number | null = null): Draft => ({ body, mood });

beforeEach(() => {
  vi.useFakeTimers();
});

describe('Autosaver', () => {
  it('saves after the pause in typing, and not before', async () => {
    const { saver, calls } = setup();
    saver.loaded('2026-11-29', d(''), 1);
    saver.edit('2026-11-29', d('Hello'));
    await vi.advanceTimersByTimeAsync(699);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(1);
    expect(calls[0].date).toBe('2026-11-29');
    expect(calls[0].draft).toEqual(d('Hello'));
  });

  it('saves rapid typing once, with the latest text', async () => {
    const { saver, calls } = setup();
    saver.loaded('2026-11-29', d(''), 1);
    for (const text of ['H', 'He', 'Hel', 'Hell', 'Hello']) {
      saver.edit('2026-11-29', d(text));
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(400);
    expect(calls.map((c) => c.draft.body)).toEqual(['Hello']);
  });

  it('goes pending → saving → saved', async () => {
    const { saver, states, succeed } = setup();
    saver.loaded('2026-11-29', d(''), 1);
    expect(saver.state.kind).toBe('idle');
    saver.edit('2026-11-29', d('a'));
    expect(saver.state.kind).toBe('pending');
    await vi.advanceTimersByTimeAsync(700);
    expect(saver.state.kind).toBe('saving');
    await succeed(0);
    expect(saver.state.kind).toBe('saved');
    expect(states.map((s) => s.kind)).toEqual(['pending', 'saving', 'saved']);
  });

  it('keeps one save in flight and saves newer text after it, never before', async () => {
    const { saver, calls, succeed } = setup();
    saver.loaded('2026-11-29', d(''), 1);
    saver.edit('2026-11-29', d('first'));
    await vi.advanceTimersByTimeAsync(700);
    expect(calls).toHaveLength(1);

    // The first save is slow; meanwhile the person keeps writing.
    saver.edit('2026-11-29', d('first and second'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
    expect(saver.state.kind).toBe('saving');

    await succeed(0);
    expect(calls).toHaveLength(2);
    expect(calls[1].draft.body).toBe('first and second');
    await succeed(1);
    expect(calls).toHaveLength(2);
    expect(saver.state.kind).toBe('saved');
    expect(saver.hasUnsaved).toBe(false);
  });

  it('keeps the text when a save fails, shows why, and saves on retry', async () => {
    const { saver, calls, fail, succeed } = setup();
    saver.loaded('2026-11-29', d(''), 1);
    saver.edit('2026-11-29', d('keep me'));
    await vi.advanceTimersByTimeAsync(700);
    await fail(0);
    expect(saver.state).toEqual({
      kind: 'error',
      date: '2026-11-29',
      code: 'disk_full',
      message: 'The disk is full. Free some space and try again.',
    });
    expect(saver.unsaved('2026-11-29')).toEqual(d('keep me'));
    expect(saver.hasUnsaved).toBe(true);

    // Nothing retries behind the person's back in a tight loop.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);

    const done = saver.flush();
    expect(calls).toHaveLength(2);
    expect(calls[1].draft.body).toBe('keep me');
    await succeed(1);
    await expect(done).resolves.toBe(true);
    expect(saver.state.kind).toBe('saved');
  });

  it('retries after a failure when the person writes again', async () => {
    const { saver, calls, fail, succeed } = setup();
    saver.loaded('2026-11-29', d(''), 1);
    saver.edit('2026-11-29', d('one'));
    await vi.advanceTimersByTimeAsync(700);
    await fail(0);
    saver.edit('2026-11-29', d('one two'));
    // The error stays visible until the next attempt actually starts.
    expect(saver.state.kind).toBe('error');
    await vi.advanceTimersByTimeAsync(700);
    expect(calls).toHaveLength(2);
    expect(calls[1].draft.body).toBe('one two');
    await succeed(1);
    expect(saver.state.kind).toBe('saved');
  });

  it('saves each day to its own date, even when the day changes before the pause ends', async () => {
    const { saver, calls, succeed } = setup();
    saver.loaded('2026-11-29', d(''), 1);
    saver.edit('2026-11-29', d('Sunday text'));
    // Switched to Saturday and typed there before the pause ran out.
    saver.loaded('2026-11-28', d('old'), 1);
    saver.edit('2026-11-28', d('old, more'));
    await vi.advanceTimersByTimeAsync(700);
    await succeed(0);
    await succeed(1);
    expect(calls.map((c) => [c.date, c.draft.body])).toEqual([
      ['2026-11-29', 'Sunday text'],
      ['2026-11-28', 'old, more'],
    ]);
  });

  it('flush() saves at once without waiting for the pause', async () => {
    const { saver, calls, succeed } = setup();
    saver.loaded('2026-11-29', d(''), 1);
    saver.edit('2026-11-29', d('now'));
    const done = saver.flush();
    expect(calls).toHaveLength(1);
    await succeed(0);
    await expect(done).resolves.toBe(true);
    // The cancelled timer does not fire a second save.
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(1);
  });

  it('flush() waits for a save in flight and then the newer text', async () => {
    const { saver, calls, succeed } = setup();
    saver.loaded('2026-11-29', d(''), 1);
    saver.edit('2026-11-29', d('a'));
    await vi.advanceTimersByTimeAsync(700);
    saver.edit('2026-11-29', d('ab'));
    let finished = false;
    const done = saver.flush().then((ok) => {
      finished = true;
      return ok;
    });
    await succeed(0);
    expect(finished).toBe(false);
    expect(calls[1].draft.body).toBe('ab');
    await succeed(1);
    await expect(done).resolves.toBe(true);
  });

  it('does not save text that is back to what is stored', async () => {
    const { saver, calls } = setup();
    saver.loaded('2026-11-29', d('same'), 1);
    saver.edit('2026-11-29', d('same!'));
    saver.edit('2026-11-29', d('same'));
    expect(saver.state.kind).toBe('idle');
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(0);
  });

  it('saves a mood change at once', async () => {
    const { saver, calls } = setup();
    saver.loaded('2026-11-29', d('text'), 1);
    void saver.editNow('2026-11-29', d('text', 2));
    expect(calls).toHaveLength(1);
    expect(calls[0].draft).toEqual(d('text', 2));
  });

  it('a day that keeps failing does not hold back another day', async () => {
    const { saver, calls, fail, succeed } = setup();
    saver.loaded('2026-11-28', d(''), 1);
    saver.edit('2026-11-28', d('stuck'));
    await vi.advanceTimersByTimeAsync(700);
    await fail(0, 'That page could not be saved.');
    saver.loaded('2026-11-29', d(''), 1);
    saver.edit('2026-11-29', d('fresh'));
    await vi.advanceTimersByTimeAsync(700);
    // One more try for the stuck day, then the fresh one.
    expect(calls[1].date).toBe('2026-11-28');
    await fail(1, 'That page could not be saved.');
    expect(calls[2].date).toBe('2026-11-29');
    await succeed(2);
    expect(saver.unsaved('2026-11-29')).toBeUndefined();
    expect(saver.unsaved('2026-11-28')).toEqual(d('stuck'));
    expect(saver.state).toMatchObject({ kind: 'error', date: '2026-11-28' });
  });

  it('reports what was stored', async () => {
    const { saver, saved, succeed } = setup();
    saver.loaded('2026-11-29', d(''), 1);
    saver.edit('2026-11-29', d('words here'));
    await vi.advanceTimersByTimeAsync(700);
    await succeed(0);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ date: '2026-11-29', words: 2 });
  });

  it('names the version each save starts from: the one read, then the one saved', async () => {
    const { saver, calls, succeed } = setup();
    saver.loaded('2026-11-29', d('Read from the store.'), 7);
    saver.edit('2026-11-29', d('Read from the store. More.'));
    await vi.advanceTimersByTimeAsync(700);
    expect(calls[0].base).toBe(7);
    await succeed(0);
    expect(saver.version('2026-11-29')).toBe(8);
    saver.edit('2026-11-29', d('Read from the store. More, and more.'));
    await vi.advanceTimersByTimeAsync(700);
    expect(calls[1].base).toBe(8);
  });

  it('passes on text the store kept because it was saved elsewhere meanwhile', async () => {
    const { saver, succeed, elsewhere, saved } = setup();
    saver.loaded('2026-11-29', d('Mine.'), 1);
    saver.edit('2026-11-29', d('Mine, more.'));
    await vi.advanceTimersByTimeAsync(700);
    const other: Revision = {
      id: 4,
      date: '2026-11-29',
      body: 'Written from the terminal.',
      mood: null,
      saved_at: '2026-11-29T20:00:00.000Z',
      replaced_at: '2026-11-29T20:01:00.000Z',
      words: 4,
    };
    await succeed(0, other);
    expect(saved.map((p) => p.body)).toEqual(['Mine, more.']);
    expect(elsewhere).toEqual([['2026-11-29', other]]);
    expect(saver.state.kind).toBe('saved');
    expect(saver.version('2026-11-29')).toBe(3);
  });

  it('keeps naming the version text was written over when the page is read again before it is saved', async () => {
    const { saver, calls, fail } = setup();
    saver.loaded('2026-11-29', d('Mine.'), 3);
    saver.edit('2026-11-29', d('Mine, and more.'));
    await vi.advanceTimersByTimeAsync(700);
    await fail(0);
    // Meanwhile another writer saved (version 4) and the day is read again.
    saver.loaded('2026-11-29', d('Theirs.'), 4);
    expect(saver.unsaved('2026-11-29')).toEqual(d('Mine, and more.'));
    void saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls[1].base).toBe(3);
  });
});
