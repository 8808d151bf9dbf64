import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  isIsoDay,
  lastOfMonth,
  localToday,
  longDate,
  monthGrid,
  monthTitle,
  readTypedDate,
  relativeHint,
  shortDate,
} from '../src/lib/dates';

describe('dates', () => {
  it('writes a date out in words', () => {
    expect(longDate('2026-11-29')).toBe('Sunday, 29 November 2026');
    expect(longDate('2024-02-29')).toBe('Thursday, 29 February 2024');
  });

  it('steps over month, year and leap-day edges', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    // Across a daylight-saving change in many zones.
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });

  it('names today and yesterday only', () => {
    expect(relativeHint('2026-11-29', '2026-11-29')).toBe('Today');
    expect(relativeHint('2026-11-28', '2026-11-29')).toBe('Yesterday');
    expect(relativeHint('2026-11-27', '2026-11-29')).toBe('');
  });

  it('validates YYYY-MM-DD', () => {
    expect(isIsoDay('2026-11-29')).toBe(true);
    expect(isIsoDay('2026-02-30')).toBe(false);
    expect(isIsoDay('29/11/2026')).toBe(false);
  });

  it('uses the local calendar for the fallback today', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('moves between months', () => {
    expect(addMonths({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
    expect(addMonths({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
    expect(monthTitle({ year: 2026, month: 11 })).toBe('November 2026');
    expect(lastOfMonth({ year: 2024, month: 2 })).toBe('2024-02-29');
  });

  it('lays a month out in weeks starting on Monday', () => {
    const weeks = monthGrid({ year: 2026, month: 11 });
    // 1 November 2026 is a Sunday: six blanks, then the 1st in the last column.
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-11-01']);
    expect(weeks[1][0]).toBe('2026-11-02');
    expect(weeks.at(-1)).toEqual(['2026-11-30', null, null, null, null, null, null]);
    expect(weeks.flat().filter((d) => d !== null)).toHaveLength(30);
    for (const week of weeks) expect(week).toHaveLength(7);
  });

  it('reads a typed day only where it cannot be misread', () => {
    const today = '2026-12-05';
    expect(readTypedDate('3 Dec 2026', today)).toBe('2026-12-03');
    expect(readTypedDate('Thu 3 December 2026', today)).toBe('2026-12-03');
    expect(readTypedDate('thursday, 3 dec', today)).toBe('2026-12-03');
    expect(readTypedDate('December 3, 2026', today)).toBe('2026-12-03');
    expect(readTypedDate('3rd of', today)).toBeNull();
    expect(readTypedDate('21st sept', today)).toBe('2026-09-21');
    expect(readTypedDate('2026-12-03', today)).toBe('2026-12-03');
    expect(readTypedDate(' today ', today)).toBe(today);
    expect(readTypedDate('Yesterday', today)).toBe('2026-12-04');
    // Without a year: the latest such day not after today.
    expect(readTypedDate('24 Dec', today)).toBe('2025-12-24');
    expect(readTypedDate('29 Feb', '2026-03-01')).toBe('2024-02-29');
    // Numbers alone read two ways; nonsense is not guessed at.
    expect(readTypedDate('12/03/2026', today)).toBeNull();
    expect(readTypedDate('3 12 2026', today)).toBeNull();
    expect(readTypedDate('31 Nov 2026', today)).toBeNull();
    expect(readTypedDate('2026-02-30', today)).toBeNull();
    expect(readTypedDate('ma 3', today)).toBeNull();
    expect(readTypedDate('', today)).toBeNull();
  });

  it('reads back every day it writes, in every year', () => {
    let day = '2023-12-25';
    for (let i = 0; i < 1200; i++) {
      day = addDays(day, 1);
      expect(readTypedDate(shortDate(day), '2027-06-30')).toBe(day);
      expect(readTypedDate(longDate(day), '2027-06-30')).toBe(day);
    }
  });
});
