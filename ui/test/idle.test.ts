import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleLock } from '../src/lib/idle';
import { idleLabel, idleOptions } from '../src/lib/settings-words';

const MINUTE = 60_000;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('IdleLock', () => {
  it('fires once the minutes pass without input, and again after another idle period', () => {
    const onIdle = vi.fn();
    const idle = new IdleLock(onIdle);
    idle.set(5);
    vi.advanceTimersByTime(5 * MINUTE - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5 * MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(2);
    idle.stop();
  });

  it('counts from the last input, without a timer per input', () => {
    const onIdle = vi.fn();
    const idle = new IdleLock(onIdle);
    idle.set(5);
    vi.advanceTimersByTime(3 * MINUTE);
    for (let i = 0; i < 500; i++) idle.touch();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(4 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
    idle.stop();
  });

  it('never fires at 0, and stops when told', () => {
    const onIdle = vi.fn();
    const idle = new IdleLock(onIdle);
    idle.set(0);
    vi.advanceTimersByTime(48 * 60 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    idle.set(1);
    idle.stop();
    vi.advanceTimersByTime(10 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
  });

  it('a new setting starts the count again', () => {
    const onIdle = vi.fn();
    const idle = new IdleLock(onIdle);
    idle.set(30);
    vi.advanceTimersByTime(20 * MINUTE);
    idle.set(15);
    vi.advanceTimersByTime(15 * MINUTE - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    idle.stop();
  });
});

describe('the idle choices', () => {
  it('say plainly when the journal locks', () => {
    expect(idleLabel(0)).toBe('Never');
    expect(idleLabel(1)).toBe('After 1 minute');
    expect(idleLabel(5)).toBe('After 5 minutes');
    expect(idleLabel(60)).toBe('After 1 hour');
    expect(idleLabel(120)).toBe('After 2 hours');
  });

  it('offer a value set from the CLI beside the usual ones', () => {
    expect(idleOptions('5')).toEqual([0, 1, 5, 15, 30, 60]);
    expect(idleOptions('45')).toEqual([0, 1, 5, 15, 30, 45, 60]);
    expect(idleOptions('9999')).toEqual([0, 1, 5, 15, 30, 60]);
  });
});
