// Typed wrapper for what Settings shows about backups.

import { call } from './journal';
import type { BackupInfo } from './bindings/BackupInfo';
import type { BackupStatus } from './bindings/BackupStatus';

export type { BackupInfo, BackupStatus };

/** The backups beside the journal, newest first, and why the last automatic one failed. */
export function backupStatus(): Promise<BackupStatus> {
  return call<BackupStatus>('backup_status');
}

export interface BackupApi {
  backupStatus: typeof backupStatus;
}

export const backupApi: BackupApi = { backupStatus };
