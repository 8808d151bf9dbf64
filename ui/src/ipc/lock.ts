// Typed wrappers for locking and encryption: whether the journal is
// encrypted and locked, unlocking it with its passphrase, locking it now,
// and turning encryption on, to a new passphrase, or off. A passphrase only
// ever travels in these calls; nothing here keeps it.

import { listen } from '@tauri-apps/api/event';
import { call } from './journal';
import type { LockState } from './bindings/LockState';

export type { LockState };

/** Whether the journal is encrypted, and whether it is locked right now. */
export function lockState(): Promise<LockState> {
  return call<LockState>('lock_state');
}

/** Opens an encrypted journal; rejects with `wrong_passphrase` otherwise. */
export function unlock(passphrase: string): Promise<LockState> {
  return call<LockState>('unlock', { passphrase });
}

/** Closes the journal and forgets its key (save what is typed first). */
export function lock(): Promise<LockState> {
  return call<LockState>('lock');
}

/** Hides the window at once, locking an encrypted journal first. */
export function quickHide(): Promise<LockState> {
  return call<LockState>('quick_hide');
}

/** Encrypts the journal with a new passphrase. */
export function encryptJournal(passphrase: string): Promise<LockState> {
  return call<LockState>('encrypt_journal', { passphrase });
}

/** Gives an encrypted journal a new passphrase. */
export function changePassphrase(current: string, passphrase: string): Promise<LockState> {
  return call<LockState>('change_passphrase', { current, passphrase });
}

/** Turns encryption off. */
export function decryptJournal(passphrase: string): Promise<LockState> {
  return call<LockState>('decrypt_journal', { passphrase });
}

/**
 * The shell locked the journal by itself (its window went to the tray):
 * `handler` drops everything the page shows. Resolves to an unsubscribe.
 */
export function onShellLocked(handler: () => void): Promise<() => void> {
  return listen('journal-locked', () => handler());
}

/**
 * The desktop's screen locked, or the machine is about to sleep: `handler`
 * saves what is typed and locks (the shell locks by itself a few seconds
 * later if the page has not). Resolves to an unsubscribe.
 */
export function onLockRequested(handler: () => void): Promise<() => void> {
  return listen('lock-requested', () => handler());
}

export interface LockApi {
  lockState: typeof lockState;
  unlock: typeof unlock;
  lock: typeof lock;
  quickHide: typeof quickHide;
  encryptJournal: typeof encryptJournal;
  changePassphrase: typeof changePassphrase;
  decryptJournal: typeof decryptJournal;
}

export const lockApi: LockApi = {
  lockState,
  unlock,
  lock,
  quickHide,
  encryptJournal,
  changePassphrase,
  decryptJournal,
};
