import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import Root from '../src/Root.svelte';
import { emit } from '@tauri-apps/api/event';
import { lockApi, onShellLocked } from '../src/ipc/lock';
import { makePage, makeSaved } from './helpers';

const TODAY = '2026-11-29';
const SECRET_WORDS = 'Walked past the old bakery and did not text her.';

type Args = Record<string, unknown>;

/**
 * A pretend shell with one page and a passphrase: `lock_state`, `unlock`,
 * `lock`, `quick_hide` and the encryption commands, like src-tauri's.
 */
function fakeShell(options: { encrypted: boolean; locked: boolean; idleMinutes?: number }) {
  const state = { ...options };
  let passphrase = 'sea glass';
  const pages = new Map<string, string>([[TODAY, SECRET_WORDS]]);
  const calls: { cmd: string; args: Args }[] = [];
  const wrong = { code: 'wrong_passphrase', message: 'that passphrase does not open the journal' };
  const locked = { code: 'locked', message: 'The journal is locked.' };
  mockIPC(
    (cmd, payload) => {
      const args = (payload ?? {}) as Args;
      calls.push({ cmd, args });
      const journalCommand = !['lock_state', 'unlock', 'lock', 'quick_hide'].includes(cmd);
      if (journalCommand && state.locked) throw locked;
      switch (cmd) {
        case 'lock_state':
          return { encrypted: state.encrypted, locked: state.locked };
        case 'unlock':
          if (args.passphrase !== passphrase) throw wrong;
          state.locked = false;
          return { encrypted: true, locked: false };
        case 'lock':
          state.locked = state.encrypted;
          return { encrypted: state.encrypted, locked: state.locked };
        case 'quick_hide':
          return { encrypted: state.encrypted, locked: state.locked };
        case 'encrypt_journal':
          passphrase = args.passphrase as string;
          state.encrypted = true;
          return { encrypted: true, locked: false };
        case 'change_passphrase':
          if (args.current !== passphrase) throw wrong;
          passphrase = args.passphrase as string;
          return { encrypted: true, locked: false };
        case 'decrypt_journal':
          if (args.passphrase !== passphrase) throw wrong;
          state.encrypted = false;
          return { encrypted: false, locked: false };
        case 'today':
          return TODAY;
        case 'get_page':
          return makePage(args.date as string, pages.get(args.date as string) ?? '');
        case 'save_page':
          pages.set(args.date as string, args.body as string);
          return makeSaved(args.date as string, args.body as string);
        case 'calendar_days':
        case 'page_revisions':
          return [];
        case 'read_recovery':
          return [];
        case 'close_ready':
        case 'space_status':
          return null;
        case 'settings_get':
          return state.idleMinutes === undefined
            ? []
            : [{ key: 'lock.idle_minutes', value: String(state.idleMinutes) }];
        case 'guidance':
        case 'helpful_cards':
          return [];
        case 'backup_status':
          return {
            backups: [
              {
                path: '/j/backups/journal-20261128T090000Z.db',
                created_at: '2026-11-28T09:00:00Z',
                pages: 1,
                verified: true,
              },
            ],
            last_error: null,
          };
        case 'restore_backup':
          if (state.encrypted && args.passphrase !== passphrase) throw wrong;
          pages.set(TODAY, 'The page as it was in the backup.');
          return {
            path: '/j/backups/journal-20261129T100000Z.db',
            created_at: '2026-11-29T10:00:00Z',
            pages: 1,
            verified: true,
          };
        case 'notification_preview':
          return { title: 'Breathing Room', body: 'A quiet moment for your pages' };
      }
      return null;
    },
    { shouldMockEvents: true },
  );
  return {
    state,
    pages,
    calls,
    count: (cmd: string) => calls.filter((c) => c.cmd === cmd).length,
    argsOf: (cmd: string) => calls.filter((c) => c.cmd === cmd).map((c) => c.args),
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 8; i++) {
    await vi.advanceTimersByTimeAsync(0);
  }
}

function pageText(): string {
  return document.body.textContent ?? '';
}

function editorValue(): string {
  return (document.querySelector('textarea') as HTMLTextAreaElement | null)?.value ?? '';
}

beforeEach(() => {
  vi.useFakeTimers();
});

describe('a locked journal', () => {
  it('shows only the app name and a passphrase field until it is unlocked', async () => {
    const shell = fakeShell({ encrypted: true, locked: true });
    render(Root, { api: lockApi });
    await settle();

    expect(screen.getByTestId('unlock-screen')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Breathing Room' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByTestId('unlock-passphrase'));
    expect(shell.count('get_page')).toBe(0);
    expect(pageText()).not.toContain('bakery');
    expect(pageText()).not.toMatch(/20\d\d|Today|Giving space/);

    const field = screen.getByTestId('unlock-passphrase') as HTMLInputElement;
    await fireEvent.input(field, { target: { value: 'sea glas' } });
    await fireEvent.click(screen.getByTestId('unlock-submit'));
    await settle();
    expect(screen.getByTestId('unlock-error').textContent).toContain('did not open');
    expect(field.value).toBe('');
    expect(shell.count('get_page')).toBe(0);

    await fireEvent.input(field, { target: { value: 'sea glass' } });
    await fireEvent.click(screen.getByTestId('unlock-submit'));
    await settle();
    expect(screen.queryByTestId('unlock-screen')).toBeNull();
    expect(editorValue()).toBe(SECRET_WORDS);
  });

  it('Ctrl+L saves what was typed, locks, and leaves no page text behind', async () => {
    const shell = fakeShell({ encrypted: true, locked: false });
    render(Root, { api: lockApi });
    await settle();
    const editor = document.querySelector('textarea') as HTMLTextAreaElement;
    await fireEvent.input(editor, { target: { value: `${SECRET_WORDS} And then tea.` } });

    await fireEvent.keyDown(window, { key: 'l', code: 'KeyL', ctrlKey: true });
    await settle();

    expect(shell.pages.get(TODAY)).toBe(`${SECRET_WORDS} And then tea.`);
    const saved = shell.calls.findIndex((c) => c.cmd === 'save_page');
    const locked = shell.calls.findIndex((c) => c.cmd === 'lock');
    expect(saved).toBeGreaterThanOrEqual(0);
    expect(locked).toBeGreaterThan(saved);
    expect(screen.getByTestId('unlock-screen')).toBeTruthy();
    expect(document.querySelector('textarea')).toBeNull();
    expect(pageText()).not.toContain('bakery');
  });

  it('Ctrl+L locks with the search open too, and the search goes with the page', async () => {
    const shell = fakeShell({ encrypted: true, locked: false });
    render(Root, { api: lockApi });
    await settle();
    await fireEvent.keyDown(window, { key: 'k', code: 'KeyK', ctrlKey: true });
    await settle();
    const search = screen.getByTestId('search-input');
    await fireEvent.keyDown(search, { key: 'l', code: 'KeyL', ctrlKey: true });
    await settle();
    expect(shell.count('lock')).toBe(1);
    expect(screen.getByTestId('unlock-screen')).toBeTruthy();
    expect(screen.queryByTestId('search')).toBeNull();
  });

  it('does not lock over words that could not be saved', async () => {
    const shell = fakeShell({ encrypted: true, locked: false });
    render(Root, { api: lockApi });
    await settle();
    mockSaveFailure(shell);
    const editor = document.querySelector('textarea') as HTMLTextAreaElement;
    await fireEvent.input(editor, { target: { value: 'Words the disk will not take.' } });
    await fireEvent.keyDown(window, { key: 'l', code: 'KeyL', ctrlKey: true });
    await settle();

    expect(shell.count('lock')).toBe(0);
    expect(screen.getByTestId('lock-note').textContent).toContain('not locked');
    expect(editorValue()).toBe('Words the disk will not take.');
  });

  it('Ctrl+L on a journal without a passphrase says how to set one and locks nothing', async () => {
    const shell = fakeShell({ encrypted: false, locked: false });
    render(Root, { api: lockApi });
    await settle();
    await fireEvent.keyDown(window, { key: 'l', code: 'KeyL', ctrlKey: true });
    await settle();
    expect(shell.count('lock')).toBe(0);
    expect(screen.getByTestId('lock-note').textContent).toContain('Settings');
  });

  it('Ctrl+Shift+H hides first, then saves and locks an encrypted journal', async () => {
    const shell = fakeShell({ encrypted: true, locked: false });
    render(Root, { api: lockApi });
    await settle();
    await fireEvent.keyDown(window, { key: 'H', code: 'KeyH', ctrlKey: true, shiftKey: true });
    await settle();
    expect(shell.count('quick_hide')).toBe(1);
    const hid = shell.calls.findIndex((c) => c.cmd === 'quick_hide');
    const locked = shell.calls.findIndex((c) => c.cmd === 'lock');
    expect(locked).toBeGreaterThan(hid);
    expect(screen.getByTestId('unlock-screen')).toBeTruthy();
  });
});

/** Every save from now on fails as a full disk would. */
function mockSaveFailure(shell: ReturnType<typeof fakeShell>): void {
  const original = shell.pages;
  mockIPC(
    (cmd, payload) => {
      const args = (payload ?? {}) as Args;
      shell.calls.push({ cmd, args });
      if (cmd === 'save_page') throw { code: 'disk_full', message: 'The disk is full.' };
      if (cmd === 'get_page') return makePage(args.date as string, original.get(args.date as string) ?? '');
      if (cmd === 'today') return TODAY;
      if (cmd === 'lock_state') return { encrypted: true, locked: false };
      if (['calendar_days', 'guidance', 'helpful_cards', 'read_recovery'].includes(cmd)) return [];
      return null;
    },
    { shouldMockEvents: true },
  );
}

describe('locked by the shell', () => {
  it('drops the page when the window went to the tray and the shell locked the journal', async () => {
    fakeShell({ encrypted: true, locked: false });
    render(Root, { api: lockApi, onShellLocked });
    await settle();
    expect(editorValue()).toBe(SECRET_WORDS);
    await emit('journal-locked');
    await settle();
    expect(screen.getByTestId('unlock-screen')).toBeTruthy();
    expect(pageText()).not.toContain('bakery');
  });
});

describe('locking by itself', () => {
  const MINUTE = 60_000;

  it('locks after the idle minutes without keyboard or pointer input, saving first', async () => {
    const shell = fakeShell({ encrypted: true, locked: false, idleMinutes: 5 });
    render(Root, { api: lockApi });
    await settle();
    const editor = document.querySelector('textarea') as HTMLTextAreaElement;
    await fireEvent.input(editor, { target: { value: `${SECRET_WORDS} Then a walk.` } });
    await fireEvent.keyDown(editor, { key: '.' });

    await vi.advanceTimersByTimeAsync(4 * MINUTE);
    await settle();
    expect(shell.count('lock')).toBe(0);
    // The mouse moves: five more minutes from here.
    await fireEvent.pointerMove(window);
    await vi.advanceTimersByTimeAsync(4 * MINUTE);
    await settle();
    expect(shell.count('lock')).toBe(0);

    await vi.advanceTimersByTimeAsync(MINUTE + 1000);
    await settle();
    expect(shell.count('lock')).toBe(1);
    expect(shell.pages.get(TODAY)).toBe(`${SECRET_WORDS} Then a walk.`);
    expect(screen.getByTestId('unlock-screen')).toBeTruthy();
    expect(pageText()).not.toContain('bakery');
  });

  it('never locks by itself when the setting is 0', async () => {
    const shell = fakeShell({ encrypted: true, locked: false, idleMinutes: 0 });
    render(Root, { api: lockApi });
    await settle();
    await vi.advanceTimersByTimeAsync(24 * 60 * MINUTE);
    await settle();
    expect(shell.count('lock')).toBe(0);
    expect(editorValue()).toBe(SECRET_WORDS);
  });

  it('saves and locks when the shell hears the screen lock or the machine go to sleep', async () => {
    const shell = fakeShell({ encrypted: true, locked: false, idleMinutes: 0 });
    render(Root, { api: lockApi });
    await settle();
    const editor = document.querySelector('textarea') as HTMLTextAreaElement;
    await fireEvent.input(editor, { target: { value: 'Typed just before the screen locked.' } });
    await emit('lock-requested');
    await settle();
    expect(shell.pages.get(TODAY)).toBe('Typed just before the screen locked.');
    const saved = shell.calls.findIndex((c) => c.cmd === 'save_page');
    expect(shell.calls.findIndex((c) => c.cmd === 'lock')).toBeGreaterThan(saved);
    expect(screen.getByTestId('unlock-screen')).toBeTruthy();
  });

  it('leaves a journal without a passphrase alone, without a word', async () => {
    const shell = fakeShell({ encrypted: false, locked: false, idleMinutes: 1 });
    render(Root, { api: lockApi });
    await settle();
    await emit('lock-requested');
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    await settle();
    expect(shell.count('lock')).toBe(0);
    expect(screen.queryByTestId('lock-note')).toBeNull();
    expect(editorValue()).toBe(SECRET_WORDS);
  });
});

describe('putting a backup back from Settings', () => {
  it('starts the app again on the journal as the backup holds it, and says so', async () => {
    const shell = fakeShell({ encrypted: true, locked: false });
    render(Root, { api: lockApi });
    await settle();
    await fireEvent.click(screen.getByTestId('nav-settings'));
    await settle();
    await fireEvent.click(screen.getByTestId('backup-restore'));
    await fireEvent.input(screen.getByTestId('backup-passphrase'), { target: { value: 'sea glass' } });
    await fireEvent.click(screen.getByTestId('backup-restore-confirm'));
    await settle();

    expect(shell.argsOf('restore_backup')).toEqual([
      { path: '/j/backups/journal-20261128T090000Z.db', passphrase: 'sea glass' },
    ]);
    // The app started again: on today's page, read afresh, with a word on what happened.
    expect(editorValue()).toBe('The page as it was in the backup.');
    expect(screen.getByTestId('app-notice').textContent).toContain('back as it was on');
    expect(screen.getByTestId('app-notice').textContent).toContain('newest backup');
  });
});

describe('Settings → Privacy', () => {
  async function openPrivacy(encrypted: boolean) {
    const shell = fakeShell({ encrypted, locked: false });
    render(Root, { api: lockApi });
    await settle();
    await fireEvent.click(screen.getByTestId('nav-settings'));
    await settle();
    return shell;
  }

  it('encrypts with a passphrase typed twice, with the warning, and forgets the fields', async () => {
    const shell = await openPrivacy(false);
    expect(screen.getByTestId('privacy-state').textContent).toContain('not encrypted');
    await fireEvent.click(screen.getByTestId('privacy-encrypt'));
    expect(pageText()).toContain('no way to recover a forgotten passphrase');
    const submit = screen.getByTestId('privacy-submit') as HTMLButtonElement;
    await fireEvent.input(screen.getByTestId('privacy-new'), { target: { value: 'tide pool' } });
    await fireEvent.input(screen.getByTestId('privacy-again'), { target: { value: 'tide poo' } });
    expect(screen.getByTestId('privacy-mismatch')).toBeTruthy();
    expect(submit.disabled).toBe(true);
    await fireEvent.input(screen.getByTestId('privacy-again'), { target: { value: 'tide pool' } });
    expect(submit.disabled).toBe(false);
    await fireEvent.click(submit);
    await settle();
    expect(shell.argsOf('encrypt_journal')).toEqual([{ passphrase: 'tide pool' }]);
    expect(screen.getByTestId('privacy-done').textContent).toContain('encrypted');
    expect(screen.getByTestId('privacy-state').textContent).toContain('is encrypted');
    expect(document.querySelectorAll('input[type="password"]').length).toBe(0);
  });

  it('refuses a wrong current passphrase calmly and changes nothing', async () => {
    const shell = await openPrivacy(true);
    await fireEvent.click(screen.getByRole('button', { name: 'Turn encryption off' }));
    await fireEvent.input(screen.getByTestId('privacy-current'), { target: { value: 'guess' } });
    await fireEvent.click(screen.getByTestId('privacy-submit'));
    await settle();
    expect(screen.getByTestId('privacy-error').textContent).toContain('Nothing was changed');
    expect(shell.state.encrypted).toBe(true);
    expect((screen.getByTestId('privacy-current') as HTMLInputElement).value).toBe('');
  });
});
