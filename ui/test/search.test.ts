import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import SearchPanel from '../src/components/search/SearchPanel.svelte';
import { SearchStore, type SearchApi } from '../src/lib/search.svelte';
import type { SearchHit } from '../src/ipc/journal';

const tick = () => new Promise((r) => setTimeout(r, 0));

function hit(date: string, snippet: string, ranges: [number, number][], mood: number | null = null): SearchHit {
  return { date, snippet, ranges, mood };
}

const RIVER = hit('2026-11-02', 'Walked by the river after work.', [[14, 19]], 4);
const HERON = hit('2026-10-30', 'A heron by the river, **still**.', [[15, 20]]);

describe('the search store', () => {
  it('shows the answer to the latest words only: a late answer to earlier ones is dropped', async () => {
    let answerFirst: (hits: SearchHit[]) => void = () => {};
    const api: SearchApi = {
      searchPages: vi.fn((query: string) =>
        query === 'r'
          ? new Promise<SearchHit[]>((resolve) => (answerFirst = resolve))
          : Promise.resolve([RIVER]),
      ),
    };
    const store = new SearchStore(api);
    const first = store.setQuery('r');
    await store.setQuery('river');
    expect(store.hits).toEqual([RIVER]);
    answerFirst([HERON, RIVER]);
    await first;
    expect(store.hits).toEqual([RIVER]);
  });

  it('sends the filters with the words, and empty words search nothing', async () => {
    const searchPages = vi.fn(() => Promise.resolve([RIVER]));
    const store = new SearchStore({ searchPages });
    await store.setFilter({ mood: 4 });
    expect(searchPages).not.toHaveBeenCalled();
    await store.setQuery('river');
    expect(searchPages).toHaveBeenLastCalledWith('river', { mood: 4 });
    expect(store.filtered).toBe(true);
    await store.clearFilter();
    expect(searchPages).toHaveBeenLastCalledWith('river', {});
  });
});

describe('the search panel', () => {
  function open(hits: SearchHit[]) {
    const store = new SearchStore({ searchPages: () => Promise.resolve(hits) });
    const onopen = vi.fn();
    const onclose = vi.fn();
    render(SearchPanel, { store, onopen, onclose });
    return { store, onopen, onclose };
  }

  it('takes the keyboard at once and lists results while typing, matches marked from the ranges', async () => {
    open([RIVER, HERON]);
    const input = screen.getByTestId('search-input');
    expect(document.activeElement).toBe(input);
    await fireEvent.input(input, { target: { value: 'river' } });
    await tick();
    const hits = screen.getAllByTestId('search-hit');
    expect(hits).toHaveLength(2);
    expect(hits[0].textContent).toContain('2 November 2026');
    expect(hits[0].textContent).toContain('Good');
    expect(hits[0].querySelector('mark')?.textContent).toBe('river');
    // Asterisks someone wrote stay text; only the range is marked.
    expect(hits[1].textContent).toContain('**still**');
    expect([...hits[1].querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['river']);
    expect(screen.getByTestId('search-status').textContent).toBe('2 pages');
  });

  it('Down, Up and Enter choose and open a day; Escape closes', async () => {
    const { onopen, onclose } = open([RIVER, HERON]);
    const input = screen.getByTestId('search-input');
    await fireEvent.input(input, { target: { value: 'river' } });
    await tick();
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    await tick();
    const hits = screen.getAllByTestId('search-hit');
    expect(hits[1].getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(hits[1].id);
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    await fireEvent.keyDown(input, { key: 'ArrowUp' });
    await fireEvent.keyDown(input, { key: 'ArrowUp' });
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(onopen).toHaveBeenCalledWith(RIVER);
    await fireEvent.keyDown(input, { key: 'Escape' });
    expect(onclose).toHaveBeenCalledTimes(1);
  });

  it('says plainly when nothing is found, and when filters are why', async () => {
    const { store } = open([]);
    const input = screen.getByTestId('search-input');
    await fireEvent.input(input, { target: { value: 'lighthouse' } });
    await tick();
    expect(screen.getByTestId('search-status').textContent).toBe('No page has these words.');
    await store.setFilter({ urge: true });
    await tick();
    expect(screen.getByTestId('search-status').textContent).toContain('matches the filters');
  });
});
