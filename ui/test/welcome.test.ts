import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import Root from '../src/Root.svelte';
import { lockApi } from '../src/ipc/lock';
import { makePage } from './helpers';

const TODAY = '2026-11-29';
type Args = Record<string, unknown>;

/** A new journal: the welcome is due until `welcome_done`. */
function newJournal(options: { due: boolean }) {
  const state = { due: options.due, encrypted: false };
  const calls: { cmd: string; args: Args }[] = [];
  mockIPC(
    (cmd, payload) => {
      const args = (payload ?? {}) as Args;
      calls.push({ cmd, args });
      switch (cmd) {
        case 'lock_state':
          return { encrypted: state.encrypted, locked: false };
        case 'welcome_state':
          return state.due;
        case 'welcome_done':
          state.due = false;
          return null;
        case 'encrypt_journal':
          state.encrypted = true;
          return { encrypted: true, locked: false };
        case 'today':
          return TODAY;
        case 'get_page':
          return makePage(args.date as string, '');
        case 'calendar_days':
        case 'page_revisions':
        case 'read_recovery':
        case 'guidance':
        case 'helpful_cards':
        case 'settings_get':
          return [];
        case 'space_overview':
          return {
            status: null,
            period: null,
            contacts: [],
            urges: [],
            unseen_milestone: null,
            past_periods: [],
          };
      }
      return null;
    },
    { shouldMockEvents: true },
  );
  return {
    state,
    count: (cmd: string) => calls.filter((c) => c.cmd === cmd).length,
    argsOf: (cmd: string) => calls.filter((c) => c.cmd === cmd).map((c) => c.args),
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 8; i++) await vi.advanceTimersByTimeAsync(0);
}

beforeEach(() => {
  vi.useFakeTimers();
});

describe('the first start', () => {
  it('welcomes a new journal, offers a passphrase, and begins on the page chosen', async () => {
    const shell = newJournal({ due: true });
    render(Root, { api: lockApi });
    await settle();
    expect(screen.getByTestId('welcome')).toBeTruthy();
    expect(document.querySelector('textarea')).toBeNull();
    expect(document.activeElement?.textContent).toContain('A quiet place');

    await fireEvent.click(screen.getByTestId('welcome-next'));
    expect(screen.getByTestId('welcome').textContent).toContain('stays on this computer');
    expect(screen.getByTestId('welcome').textContent).toContain('no way to recover');
    const set = screen.getByTestId('welcome-set-passphrase') as HTMLButtonElement;
    await fireEvent.input(screen.getByTestId('welcome-new'), { target: { value: 'a long walk' } });
    await fireEvent.input(screen.getByTestId('welcome-again'), { target: { value: 'a long wal' } });
    expect(set.disabled).toBe(true);
    await fireEvent.input(screen.getByTestId('welcome-again'), { target: { value: 'a long walk' } });
    await fireEvent.click(set);
    await settle();
    expect(shell.argsOf('encrypt_journal')).toEqual([{ passphrase: 'a long walk' }]);
    expect(screen.getByTestId('welcome').textContent).toContain('Your journal is encrypted');

    await fireEvent.click(screen.getByTestId('welcome-write'));
    await settle();
    expect(screen.queryByTestId('welcome')).toBeNull();
    expect(shell.count('welcome_done')).toBe(1);
    expect(document.activeElement).toBe(document.querySelector('textarea'));
  });

  it('"Not now" sets no passphrase, and a period can be the way to begin', async () => {
    const shell = newJournal({ due: true });
    render(Root, { api: lockApi });
    await settle();
    await fireEvent.click(screen.getByTestId('welcome-next'));
    await fireEvent.click(screen.getByTestId('welcome-not-now'));
    await fireEvent.click(screen.getByTestId('welcome-space'));
    await settle();
    expect(shell.count('encrypt_journal')).toBe(0);
    expect(shell.count('welcome_done')).toBe(1);
    expect(screen.queryByTestId('welcome')).toBeNull();
    expect(screen.getByTestId('nav-space').getAttribute('aria-current')).toBe('page');
  });

  it('can be skipped at once, and is never shown again', async () => {
    const shell = newJournal({ due: true });
    const first = render(Root, { api: lockApi });
    await settle();
    await fireEvent.click(screen.getByTestId('welcome-skip'));
    await settle();
    expect(shell.count('welcome_done')).toBe(1);
    expect(document.querySelector('textarea')).toBeTruthy();
    first.unmount();

    render(Root, { api: lockApi });
    await settle();
    expect(screen.queryByTestId('welcome')).toBeNull();
    expect(document.querySelector('textarea')).toBeTruthy();
  });
});

describe('the right-click menu', () => {
  it('offers no Back, Forward or Reload, but fields keep their editing menu', async () => {
    newJournal({ due: false });
    render(Root, { api: lockApi });
    await settle();
    const onPage = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    document.querySelector('main, body')?.dispatchEvent(onPage);
    expect(onPage.defaultPrevented).toBe(true);
    const inEditor = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    document.querySelector('textarea')?.dispatchEvent(inEditor);
    expect(inEditor.defaultPrevented).toBe(false);
  });
});
