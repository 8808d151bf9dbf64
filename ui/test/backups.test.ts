import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import BackupSettings from '../src/components/settings/BackupSettings.svelte';
import type { BackupApi, BackupInfo, BackupStatus } from '../src/ipc/backups';

function api(status: BackupStatus | Error, restore?: BackupApi['restoreBackup']): BackupApi {
  return {
    backupStatus: () => (status instanceof Error ? Promise.reject(status) : Promise.resolve(status)),
    restoreBackup:
      restore ??
      (() => Promise.reject(new Error('restoreBackup was not expected in this test'))),
  };
}

const FAILED: BackupInfo = {
  path: '/j/backups/journal-20270315T090000Z.db',
  created_at: '2027-03-15T09:00:00Z',
  pages: 0,
  verified: false,
};
const GOOD: BackupInfo = {
  path: '/j/backups/journal-20270314T090000Z.db',
  created_at: '2027-03-14T09:00:00Z',
  pages: 41,
  verified: true,
};
const OLDER: BackupInfo = {
  path: '/j/backups/journal-20270301T090000Z.db',
  created_at: '2027-03-01T09:00:00Z',
  pages: 30,
  verified: true,
};

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('Settings → Backups', () => {
  it('names the last verified backup, skipping one that failed its check', async () => {
    render(BackupSettings, {
      api: api({ backups: [FAILED, GOOD], last_error: null }),
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

describe('putting a backup back', () => {
  it('lists every backup, and only a checked one can be put back', async () => {
    render(BackupSettings, { api: api({ backups: [FAILED, GOOD, OLDER], last_error: null }) });
    await tick();
    const items = screen.getAllByTestId('backup-item');
    expect(items).toHaveLength(3);
    expect(items[0].textContent).toContain('could not be checked');
    expect(items[0].querySelector('[data-testid="backup-restore"]')).toBeNull();
    expect(items[1].textContent?.replace(/\s+/g, ' ')).toContain('41 pages, checked');
    expect(screen.getAllByTestId('backup-restore')).toHaveLength(2);
  });

  it('asks once, saying the journal as it is now is backed up first, then puts it back', async () => {
    const restore = vi.fn(() => Promise.resolve({ ...GOOD, path: '/j/backups/now.db' }));
    const onrestored = vi.fn();
    render(BackupSettings, {
      api: api({ backups: [GOOD, OLDER], last_error: null }, restore),
      onrestored,
    });
    await tick();
    await fireEvent.click(screen.getAllByTestId('backup-restore')[1]);
    const confirm = screen.getByTestId('backup-confirm');
    expect(confirm.textContent).toContain('backed up first');
    expect(confirm.textContent).toContain('replaced');
    expect(screen.queryByTestId('backup-passphrase')).toBeNull();
    expect(restore).not.toHaveBeenCalled();

    await fireEvent.click(screen.getByTestId('backup-restore-confirm'));
    await tick();
    expect(restore).toHaveBeenCalledWith(OLDER.path, undefined);
    expect(onrestored).toHaveBeenCalledWith(OLDER);
  });

  it('Cancel puts nothing back', async () => {
    const restore = vi.fn(() => Promise.resolve(GOOD));
    render(BackupSettings, { api: api({ backups: [GOOD], last_error: null }, restore) });
    await tick();
    await fireEvent.click(screen.getByTestId('backup-restore'));
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('backup-confirm')).toBeNull();
    expect(restore).not.toHaveBeenCalled();
  });

  it('an encrypted journal asks its passphrase, and a wrong one changes nothing', async () => {
    const restore = vi.fn((_path: string, passphrase?: string) =>
      passphrase === 'sea glass'
        ? Promise.resolve(GOOD)
        : Promise.reject({ code: 'wrong_passphrase', message: 'that passphrase does not open the journal' }),
    );
    const onrestored = vi.fn();
    render(BackupSettings, {
      api: api({ backups: [GOOD], last_error: null }, restore),
      encrypted: true,
      onrestored,
    });
    await tick();
    await fireEvent.click(screen.getByTestId('backup-restore'));
    const button = screen.getByTestId('backup-restore-confirm') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const field = screen.getByTestId('backup-passphrase') as HTMLInputElement;
    await fireEvent.input(field, { target: { value: 'sea glas' } });
    await fireEvent.click(button);
    await tick();
    expect(screen.getByTestId('backup-restore-error').textContent).toContain('Nothing was changed');
    expect(field.value).toBe('');
    expect(onrestored).not.toHaveBeenCalled();

    await fireEvent.input(field, { target: { value: 'sea glass' } });
    await fireEvent.click(button);
    await tick();
    expect(restore).toHaveBeenLastCalledWith(GOOD.path, 'sea glass');
    expect(onrestored).toHaveBeenCalledWith(GOOD);
  });
});
