import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import WeekReview from '../src/components/insights/WeekReview.svelte';
import type { ReviewApi, WeekReview as Week } from '../src/ipc/review';
import { weekLines, weekRange } from '../src/lib/review-words';

const tick = () => new Promise((r) => setTimeout(r, 0));
const TODAY = '2027-03-14';

function week(over: Partial<Week> = {}): Week {
  return {
    from: '2027-03-08',
    to: '2027-03-14',
    days_written: 3,
    days_of_space: 4,
    urges_held: 2,
    unsent_kept: 1,
    contacts: { pursued: 0, necessary: 1, 'they-reached-out': 1, upfront: 0 },
    time_with_people: [{ id: 1, date: '2027-03-13', who: 'Ana', what: 'coffee', felt: 4 }],
    moods: [
      { date: '2027-03-09', mood: 2 },
      { date: '2027-03-12', mood: 4 },
    ],
    helped: [{ id: 'urges-wait-twenty-minutes', title: 'Wait twenty minutes', marked_at: '2027-03-12T20:00:00Z' }],
    answered_on: null,
    ...over,
  };
}

function fakeApi(first: Week): ReviewApi {
  return {
    weekReview: vi.fn(async (of: string | null) =>
      of === null ? first : week({ from: '2027-03-01', to: '2027-03-07', days_written: 0, urges_held: 0, unsent_kept: 0, contacts: { pursued: 0, necessary: 0, 'they-reached-out': 0, upfront: 0 }, time_with_people: [], moods: [], helped: [] }),
    ),
    answerReview: vi.fn(async () => week({ answered_on: TODAY })),
    reviewDue: vi.fn(async () => true),
  };
}

describe('the weekly look back', () => {
  it('shows what the week held, with no score, and keeps three answers on today’s page', async () => {
    const api = fakeApi(week());
    const onopenday = vi.fn();
    render(WeekReview, { today: TODAY, api, onopenday });
    await tick();
    expect(screen.getByTestId('week-range').textContent).toBe('8 Mar – 14 Mar');
    const lines = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(lines).toContain('3 days written');
    expect(lines).toContain('2 urges held back');
    expect(lines).toContain('1 message kept here, unsent');
    expect(lines).toContain('They reached out once');
    expect(lines).toContain('Sat 13 Mar: Ana, coffee');
    expect(lines).toContain('Wait twenty minutes');
    expect(document.querySelectorAll('circle.mood')).toHaveLength(2);

    await fireEvent.input(screen.getByTestId('review-answer-0'), { target: { value: 'The walks.' } });
    await fireEvent.input(screen.getByTestId('review-answer-2'), { target: { value: 'Call my brother.' } });
    await fireEvent.click(screen.getByTestId('review-save'));
    await tick();
    expect(api.answerReview).toHaveBeenCalledWith('The walks.', '', 'Call my brother.');
    expect(screen.queryByTestId('review-save')).toBeNull();
    expect(screen.getByTestId('review-answered').textContent).toContain('Kept on today’s page.');
    await fireEvent.click(screen.getByText('Open that page'));
    expect(onopenday).toHaveBeenCalledWith(TODAY);
  });

  it('moves to the week before, which is only read, and gently says a quiet week', async () => {
    const api = fakeApi(week());
    render(WeekReview, { today: TODAY, api, onopenday: () => {} });
    await tick();
    expect((screen.getByTestId('week-after') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(screen.getByTestId('week-before'));
    await tick();
    expect(api.weekReview).toHaveBeenLastCalledWith('2027-03-07');
    expect(screen.getByTestId('week-range').textContent).toBe('1 Mar – 7 Mar');
    expect(screen.getByTestId('week-lines').textContent).toContain('No pages this week, and that is all right');
    expect(screen.queryByTestId('review-save')).toBeNull();
  });

  it('says when a week was looked back on, and opens that page', async () => {
    const onopenday = vi.fn();
    render(WeekReview, { today: TODAY, api: fakeApi(week({ answered_on: '2027-03-13' })), onopenday });
    await tick();
    expect(screen.getByTestId('review-answered').textContent).toContain('You looked back on this week on Sat 13 Mar.');
    await fireEvent.click(screen.getByText('Open that page'));
    expect(onopenday).toHaveBeenCalledWith('2027-03-13');
  });

  it('puts the figures in plain lines, listing nothing as a lack', () => {
    const quiet = week({
      days_written: 0,
      days_of_space: 0,
      urges_held: 0,
      unsent_kept: 0,
      contacts: { pursued: 1, necessary: 0, 'they-reached-out': 3, upfront: 0 },
      time_with_people: [],
    });
    expect(weekLines(quiet)).toEqual([
      'No pages this week, and that is all right',
      'They reached out 3 times',
      'You reached out once, and began again',
    ]);
    expect(weekRange('2026-12-28', '2027-01-03', TODAY)).toBe('28 Dec 2026 – 3 Jan');
  });
});
