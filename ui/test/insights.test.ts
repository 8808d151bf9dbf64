import { describe, expect, it } from 'vitest';
import type { Insights, MoodWeek } from '../src/ipc/insights';
import {
  allWeeks,
  monthsWritten,
  moodSummary,
  spaceSummary,
  spanStart,
  weeksSummary,
  writtenSummary,
  yearGrid,
} from '../src/lib/insights-words';

const EMPTY: Insights = {
  from: '2027-01-01',
  to: '2027-03-31',
  moods: [],
  mood_weeks: [],
  periods: [],
  weeks: [],
  written: [],
  helped: [],
};

function weeks(averages: number[]): MoodWeek[] {
  return averages.map((average, i) => ({ week: `2027-01-${String(4 + i).padStart(2, '0')}`, average, days: 7 }));
}

describe('what the Looking back page says', () => {
  it('says the mood in one sentence, and whether the last four weeks rose', () => {
    expect(moodSummary([], [])).toBe('No mood chosen in these days yet.');
    const moods = [
      { date: '2027-01-04', mood: 2 },
      { date: '2027-01-05', mood: 4 },
    ];
    expect(moodSummary(moods, weeks([3]))).toBe('Over 2 days with a mood, it averaged 3.0 (around okay).');
    expect(moodSummary(moods, weeks([2, 2, 2, 2, 4, 4, 4, 4]))).toContain(
      'The last four weeks: 4.0, higher than the four before.',
    );
  });

  it('names the longest stretch and the one you are in', () => {
    expect(spaceSummary(EMPTY)).toBe('No period of giving space in these days.');
    const open: Insights = {
      ...EMPTY,
      periods: [
        {
          id: 1,
          start: '2027-01-01',
          end: null,
          runs: [
            { from: '2027-01-01', to: '2027-01-20', days: 19, milestones: [1, 3, 7, 14] },
            { from: '2027-01-21', to: '2027-01-25', days: 4, milestones: [1, 3] },
          ],
        },
      ],
    };
    expect(spaceSummary(open)).toBe(
      'The longest stretch of days of space: 19 days. The stretch you are in now: 4 days, since 21 January 2027.',
    );
  });

  it('counts the weeks plainly, and they reached out is said', () => {
    expect(weeksSummary([])).toBe('Nothing logged in these weeks.');
    expect(
      weeksSummary([
        { week: '2027-01-04', urges: 3, pursued: 0, necessary: 1, 'they-reached-out': 1, upfront: 0 },
        { week: '2027-01-11', urges: 1, pursued: 1, necessary: 0, 'they-reached-out': 0, upfront: 0 },
      ]),
    ).toBe('In these weeks: 4 urges held back, they reached out once, you reached out once.');
  });

  it('lays a year out in weeks from Monday, every day once', () => {
    const grid = yearGrid(2027);
    const days = grid.flat().filter((d) => d !== null);
    expect(days).toHaveLength(365);
    expect(days[0]).toBe('2027-01-01');
    expect(grid[0].indexOf('2027-01-01')).toBe(4); // a Friday
    expect(yearGrid(2028).flat().filter((d) => d !== null)).toHaveLength(366);
    expect(writtenSummary(['2026-12-31', '2027-01-02'], 2027)).toBe('You wrote on 1 day in 2027.');
    expect(spanStart('3m', '2027-04-01')).toBe('2026-12-31');
    expect(spanStart('all', '2027-04-01')).toBeNull();
  });
});

describe('the weeks drawn', () => {
  it('are every week of the span from its Monday, empty ones as zeros', () => {
    const w = allWeeks({
      ...EMPTY,
      from: '2027-03-03',
      to: '2027-03-22',
      weeks: [{ week: '2027-03-08', urges: 2, pursued: 0, necessary: 0, 'they-reached-out': 1, upfront: 0 }],
    });
    expect(w.map((x) => x.week)).toEqual(['2027-03-01', '2027-03-08', '2027-03-15', '2027-03-22']);
    expect(w.map((x) => x.urges)).toEqual([0, 2, 0, 0]);
  });
});

describe('the year as a table', () => {
  it('counts days written per month, up to the last month with any', () => {
    expect(monthsWritten(['2027-01-02', '2027-01-09', '2027-03-01', '2026-12-31'], 2027)).toEqual([
      { month: 'January', days: 2 },
      { month: 'February', days: 0 },
      { month: 'March', days: 1 },
    ]);
    expect(monthsWritten([], 2027)).toEqual([]);
  });
});
