// The search panel's state: what is typed, the filters, and the results of
// the latest search only (an answer to an earlier keystroke that arrives
// late is dropped, never shown over a newer one).

import type { SearchFilter, SearchHit } from '../ipc/journal';
import { toErrorPayload } from '../ipc/journal';

export interface SearchApi {
  searchPages(query: string, filter: SearchFilter): Promise<SearchHit[]>;
}

export type SearchPhase = 'idle' | 'searching' | 'done' | 'error';

export class SearchStore {
  query = $state('');
  filter = $state<SearchFilter>({});
  hits = $state<SearchHit[]>([]);
  /** The result the arrow keys are on. */
  active = $state(0);
  phase = $state<SearchPhase>('idle');
  error = $state('');
  #asked = 0;

  constructor(private readonly api: SearchApi) {}

  get current(): SearchHit | null {
    return this.hits[this.active] ?? null;
  }

  /** Whether any filter narrows the search. */
  get filtered(): boolean {
    const f = this.filter;
    return Boolean(f.from || f.to || f.mood || f.urge || f.contact || f.helped);
  }

  setQuery(query: string): Promise<void> {
    this.query = query;
    return this.run();
  }

  setFilter(change: Partial<SearchFilter>): Promise<void> {
    this.filter = { ...this.filter, ...change };
    return this.run();
  }

  clearFilter(): Promise<void> {
    this.filter = {};
    return this.run();
  }

  /** Moves the active result by `delta`, staying within the list. */
  move(delta: number): void {
    if (this.hits.length === 0) return;
    this.active = Math.min(this.hits.length - 1, Math.max(0, this.active + delta));
  }

  async run(): Promise<void> {
    const asked = ++this.#asked;
    const query = this.query;
    if (query.trim() === '') {
      this.hits = [];
      this.active = 0;
      this.phase = 'idle';
      return;
    }
    this.phase = 'searching';
    try {
      const hits = await this.api.searchPages(query, { ...this.filter });
      if (asked !== this.#asked) return;
      this.hits = hits;
      this.active = 0;
      this.phase = 'done';
    } catch (e) {
      if (asked !== this.#asked) return;
      this.error = toErrorPayload(e).message;
      this.phase = 'error';
    }
  }
}
