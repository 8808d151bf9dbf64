import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import BackupSettings from '../src/components/settings/BackupSettings.svelte';
import type { BackupApi, BackupStatus } from '../src/ipc/backups';

function api(status: BackupStatus | Error): BackupApi {
  return {
    backupStatus: () => (status instanceof Error ? Promise.reject(status) : Promise.resolve(status)),
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('Settings → Backups', () => {
  it('names the last verified backup, skipping one that failed its check', async () => {
    render(BackupSettings, {
      api: api({
        backups: [
          { path: '/j/backups/journal-20270315T090000Z.db', created_at: '2027-03-15T09:00:00Z', pages: 0, verified: false },
          { path: '/j/backups/journal-20270314T090000Z.db', created_at: '2027-03-14T09:00:00Z', pages: 41, verified: true },
        ],
        last_error: null,
      }),
    });
    await tick();
    const text = screen.getByTestId('backup-latest').textContent ?? '';
    expect(text).toContain('Last verified backup');
    expect(text).toContain('14');
    expect(text.replace(/\s+/g, ' ')).toContain('41 pages');
    expect(screen.queryByTestId('backup-error')).toBeNull();
  });

  it('says why the last automatic backup failed, in the app, not only in a log', async () => {
    render(BackupSettings, {
      api: api({ backups: [], last_error: 'The disk is full, so this could not be saved.' }),
    });
    await tick();
    expect(screen.getByTestId('backup-latest').textContent).toContain('No backup yet');
    expect(screen.getByTestId('backup-error').textContent).toContain('The disk is full');
  });
});
