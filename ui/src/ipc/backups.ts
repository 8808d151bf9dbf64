// Typed wrappers for what Settings shows and does about backups.

import { call } from './journal';
import type { BackupInfo } from './bindings/BackupInfo';
import type { BackupStatus } from './bindings/BackupStatus';

export type { BackupInfo, BackupStatus };

/** The backups beside the journal, newest first, and why the last automatic one failed. */
export function backupStatus(): Promise<BackupStatus> {
  return call<BackupStatus>('backup_status');
}

/**
 * Puts back one of the journal's backups, after the journal as it is now is
 * backed up (that backup is the answer). An encrypted journal needs its
 * passphrase. Everything the app shows must be read again afterwards.
 */
export function restoreBackup(path: string, passphrase?: string): Promise<BackupInfo> {
  return call<BackupInfo>('restore_backup', { path, passphrase: passphrase ?? null });
}

export interface BackupApi {
  backupStatus: typeof backupStatus;
  restoreBackup: typeof restoreBackup;
}

export const backupApi: BackupApi = { backupStatus, restoreBackup };
