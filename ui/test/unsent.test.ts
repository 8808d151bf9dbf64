import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import WriteInstead from '../src/components/people/WriteInstead.svelte';
import UnsentList from '../src/components/people/UnsentList.svelte';
import { UnsentStore } from '../src/lib/unsent.svelte';
import type { Unsent, UnsentApi } from '../src/ipc/unsent';
import { pauseLeft, writtenWhen } from '../src/lib/unsent-words';

const TODAY = '2027-03-10';
const MESSAGE = 'I miss you. Can we talk tonight, just for a minute?';

/** Drafts as the core keeps them, so what is typed can be seen kept. */
function mockDrafts(): Map<string, string> {
  const drafts = new Map<string, string>();
  mockIPC((cmd, args) => {
    const a = args as Record<string, string>;
    if (cmd === 'get_draft') return drafts.has(a.key) ? { key: a.key, body: drafts.get(a.key), updated_at: '' } : null;
    if (cmd === 'save_draft') drafts.set(a.key, a.body);
    if (cmd === 'discard_draft') drafts.delete(a.key);
    return null;
  });
  return drafts;
}

function fakeApi(): UnsentApi & { kept: Unsent[] } {
  const kept: Unsent[] = [];
  return {
    kept,
    logUnsent: vi.fn(async (date, body, outcome) => {
      const m: Unsent = { id: kept.length + 1, date: date ?? TODAY, body, outcome };
      kept.push(m);
      return m;
    }),
    unsentList: vi.fn(async () => [...kept]),
    deleteUnsent: vi.fn(async (id: number) => {
      kept.splice(
        kept.findIndex((m) => m.id === id),
        1,
      );
    }),
  };
}

async function write(text: string): Promise<void> {
  await fireEvent.input(screen.getByTestId('unsent-body'), { target: { value: text } });
  await fireEvent.click(screen.getByTestId('unsent-written'));
}

describe('write it here instead', () => {
  it('asks the two questions, pauses calmly for the set minutes, then keeps it unsent', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    mockDrafts();
    const api = fakeApi();
    const onchange = vi.fn();
    const store = new UnsentStore(api, onchange);
    render(WriteInstead, { store, pauseMinutes: 20, onclose: () => {} });
    expect(screen.getByTestId('write-instead').textContent).toContain(
      'Is this necessary (children, money, safety), or am I pressing?',
    );
    expect(screen.getByTestId('write-instead').textContent).toContain(
      'Would I be saying it sincerely, or to get a reaction?',
    );
    await write(MESSAGE);
    expect(screen.getByTestId('unsent-left').textContent).toBe('About 20 minutes left.');
    expect(screen.getByTestId('unsent-shown').textContent).toBe(MESSAGE);
    expect(screen.queryByTestId('unsent-keep')).toBeNull();

    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(screen.getByTestId('unsent-left').textContent).toBe('About 10 minutes left.');
    expect(screen.queryByTestId('unsent-keep')).toBeNull();
    await vi.advanceTimersByTimeAsync(10 * 60_000 + 15_000);

    await fireEvent.click(screen.getByTestId('unsent-keep'));
    await vi.advanceTimersByTimeAsync(0);
    expect(api.logUnsent).toHaveBeenCalledWith(null, MESSAGE, 'kept');
    expect(screen.getByTestId('unsent-done').textContent).toBe('Kept here, unsent. You held back, and that is noted.');
    expect(onchange).toHaveBeenCalledTimes(1);
    expect(store.list.map((m) => m.body)).toEqual([MESSAGE]);
  });

  it('lets the pause be skipped, and logs a practical version sent as necessary', async () => {
    mockDrafts();
    const api = fakeApi();
    const store = new UnsentStore(api);
    render(WriteInstead, { store, pauseMinutes: 20, onclose: () => {} });
    await write('The school trip form needs signing by Friday.');
    await fireEvent.click(screen.getByTestId('unsent-skip'));
    await fireEvent.click(screen.getByTestId('unsent-sent-necessary'));
    await new Promise((r) => setTimeout(r, 0));
    expect(api.logUnsent).toHaveBeenCalledWith(null, 'The school trip form needs signing by Friday.', 'sent-necessary');
    expect(screen.getByTestId('unsent-done').textContent).toBe('Kept here. Logged as a necessary contact.');
  });

  it('keeps nothing empty, and keeps the words when they cannot be saved', async () => {
    mockDrafts();
    const api = fakeApi();
    api.logUnsent = vi.fn(async () => {
      throw { code: 'disk_full', message: 'There is no room left on the disk.' };
    });
    const store = new UnsentStore(api);
    render(WriteInstead, { store, pauseMinutes: 0, onclose: () => {} });
    await write('   ');
    expect(screen.getByRole('alert').textContent).toContain('There is nothing written yet.');
    await write(MESSAGE);
    await fireEvent.click(screen.getByTestId('unsent-keep'));
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.getByRole('alert').textContent).toContain('There is no room left on the disk.');
    expect(screen.getByTestId('unsent-shown').textContent).toBe(MESSAGE);
    expect(store.list).toEqual([]);
  });

  it('keeps what is typed as a draft, and brings it back when opened again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const drafts = mockDrafts();
    const store = new UnsentStore(fakeApi());
    const first = render(WriteInstead, { store, pauseMinutes: 20, onclose: () => {} });
    await fireEvent.input(screen.getByTestId('unsent-body'), { target: { value: MESSAGE } });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(drafts.get('unsent-message')).toBe(MESSAGE);
    first.unmount();
    render(WriteInstead, { store, pauseMinutes: 20, onclose: () => {} });
    await vi.advanceTimersByTimeAsync(0);
    expect((screen.getByTestId('unsent-body') as HTMLTextAreaElement).value).toBe(MESSAGE);
  });
});

describe('messages kept here', () => {
  it('are reread newest first, and deleted only after asking', async () => {
    const api = fakeApi();
    const store = new UnsentStore(api);
    await store.keep('First, weeks ago.', 'kept');
    await store.keep('Last night.', 'sent-necessary');
    store.list = [
      { ...store.list[0], date: '2027-03-02' },
      { ...store.list[1], date: '2027-03-09' },
    ];
    render(UnsentList, { store, today: TODAY });
    const items = screen.getAllByTestId('unsent-item');
    expect(items.map((i) => i.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Yesterday you wanted to say Last night.',
      'A week ago you wanted to say First, weeks ago.',
    ]);
    await fireEvent.click(items[1]);
    expect(screen.getByTestId('unsent-whole').textContent).toBe('First, weeks ago.');
    await fireEvent.click(screen.getByTestId('unsent-delete'));
    expect(api.deleteUnsent).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('Nothing of it will be kept.');
    await fireEvent.click(screen.getByTestId('unsent-delete-yes'));
    await new Promise((r) => setTimeout(r, 0));
    expect(api.deleteUnsent).toHaveBeenCalledWith(1);
    expect(screen.getAllByTestId('unsent-item')).toHaveLength(1);
  });

  it('say the time left and when it was written in plain words', () => {
    expect(pauseLeft(20 * 60_000)).toBe('About 20 minutes left.');
    expect(pauseLeft(30_000)).toBe('About a minute left.');
    expect(writtenWhen(TODAY, TODAY)).toBe('Earlier today');
    expect(writtenWhen('2027-03-07', TODAY)).toBe('3 days ago');
    expect(writtenWhen('2027-02-01', TODAY)).toBe('Mon 1 Feb');
  });
});
