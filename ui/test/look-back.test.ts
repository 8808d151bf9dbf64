import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import LookBackLine from '../src/components/LookBackLine.svelte';
import type { LookBack } from '../src/ipc/journal';
import { agoLabel } from '../src/lib/words';

const tick = () => new Promise((r) => setTimeout(r, 0));

const EARLIER: LookBack[] = [
  { date: '2027-04-14', ago: '1 month', first_line: 'A month ago, the heron.' },
  { date: '2026-05-14', ago: '1 year', first_line: 'Rain.' },
  { date: '2024-05-14', ago: '3 years', first_line: 'The first walk by the canal.' },
];

describe('on this date', () => {
  it('names each earlier page by how long ago, and opens the one chosen', async () => {
    const onopen = vi.fn();
    render(LookBackLine, { date: '2027-05-14', onopen, lookBack: () => Promise.resolve(EARLIER) });
    await tick();
    const days = screen.getAllByTestId('look-back-day');
    expect(days.map((d) => d.textContent?.trim())).toEqual(['A month ago', 'A year ago', '2024']);
    expect(days[1].getAttribute('aria-label')).toBe('A year ago, 14 May 2026: Rain.');
    expect(days[2].getAttribute('aria-label')).toBe(
      '3 years ago, 14 May 2024: The first walk by the canal.',
    );
    await fireEvent.click(days[2]);
    expect(onopen).toHaveBeenCalledWith('2024-05-14');
  });

  it('says nothing at all when there is no earlier page (or the setting is off)', async () => {
    render(LookBackLine, { date: '2027-05-14', onopen: () => {}, lookBack: () => Promise.resolve([]) });
    await tick();
    expect(screen.queryByTestId('look-back')).toBeNull();
  });

  it('reads the words the core sends for how long ago', () => {
    expect(['1 month', '6 months', '1 year', '2 years'].map(agoLabel)).toEqual([
      'A month ago',
      'Six months ago',
      'A year ago',
      '2 years ago',
    ]);
  });
});
