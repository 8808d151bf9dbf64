import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import DataSettings from '../src/components/settings/DataSettings.svelte';
import type { DataApi, ImportSummary } from '../src/ipc/data';
import { importedNotice, previewLines } from '../src/lib/data-words';

const tick = () => new Promise((r) => setTimeout(r, 0));

function summary(over: Partial<ImportSummary> = {}): ImportSummary {
  return {
    added: 0,
    merged: 0,
    unchanged: 0,
    skipped: 0,
    media_skipped: 0,
    warnings: [],
    first_day: null,
    last_day: null,
    ...over,
  };
}

function api(over: Partial<DataApi> = {}): DataApi {
  const unexpected = (what: string) => () => Promise.reject(new Error(`${what} was not expected`));
  return {
    journalPlace: () => Promise.resolve('/home/sam/.local/share/app.breathingroom.journal/journal.db'),
    exportJournal: unexpected('exportJournal'),
    chooseImport: unexpected('chooseImport'),
    previewImport: unexpected('previewImport'),
    runImport: unexpected('runImport'),
    forgetImport: () => Promise.resolve(),
    ...over,
  };
}

describe('the words of an import', () => {
  it('says how many days, from when to when, and what happens to days already written', () => {
    const lines = previewLines(
      summary({
        added: 1201,
        merged: 3,
        unchanged: 0,
        first_day: '2016-05-03',
        last_day: '2024-10-09',
        media_skipped: 2,
      }),
    );
    expect(lines[0]).toBe('1,204 days, from 3 May 2016 to 9 October 2024.');
    expect(lines).toContain('1,201 days will be new here.');
    expect(lines).toContain('3 days you already wrote here will get the imported text below yours.');
    expect(lines.join(' ')).toContain('2 photos are named in the text');
  });

  it('says so plainly when a file holds no pages, and the notice after names the file', () => {
    expect(previewLines(summary())).toEqual(['There are no pages in this file to bring in.']);
    expect(importedNotice(summary({ added: 1 }), 'journal.txt')).toContain(
      'Brought in from journal.txt: 1 day new.',
    );
  });
});

describe('Settings → Your data', () => {
  it('shows where the journal is, and says a plain copy is not encrypted', async () => {
    render(DataSettings, { api: api() });
    await tick();
    expect(screen.getByTestId('data-place').textContent).toContain('journal.db');
    expect(document.body.textContent).toContain('This copy is not encrypted');
  });

  it('saves a copy where the dialog says, and says nothing when the dialog is closed', async () => {
    const exportJournal = vi
      .fn<DataApi['exportJournal']>()
      .mockResolvedValueOnce(null)
      .mockResolvedValueOnce({ path: '/home/sam/copy.json', pages: 412, encrypted: false });
    render(DataSettings, { api: api({ exportJournal }) });
    await tick();
    await fireEvent.click(screen.getByTestId('export-save'));
    await tick();
    expect(screen.queryByTestId('export-done')).toBeNull();
    await fireEvent.click(screen.getByTestId('export-save'));
    await tick();
    expect(exportJournal).toHaveBeenLastCalledWith('json', undefined);
    const done = screen.getByTestId('export-done').textContent ?? '';
    expect(done).toContain('Saved 412 days to /home/sam/copy.json');
    expect(done).toContain('not encrypted');
  });

  it('an encrypted copy waits for its passphrase typed twice alike', async () => {
    const exportJournal = vi.fn<DataApi['exportJournal']>(() =>
      Promise.resolve({ path: '/home/sam/copy.age', pages: 3, encrypted: true }),
    );
    render(DataSettings, { api: api({ exportJournal }) });
    await tick();
    await fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'age' } });
    const save = screen.getByTestId('export-save') as HTMLButtonElement;
    await fireEvent.input(screen.getByTestId('export-new'), { target: { value: 'long walk' } });
    await fireEvent.input(screen.getByTestId('export-again'), { target: { value: 'long wal' } });
    expect(save.disabled).toBe(true);
    await fireEvent.input(screen.getByTestId('export-again'), { target: { value: 'long walk' } });
    expect(save.disabled).toBe(false);
    await fireEvent.click(save);
    await tick();
    expect(exportJournal).toHaveBeenCalledWith('age', 'long walk');
    expect(screen.getByTestId('export-done').textContent).toContain('encrypted');
  });

  it('an import is previewed before anything is written, then brought in on the word', async () => {
    const runImport = vi.fn(() => Promise.resolve(summary({ added: 2, merged: 1 })));
    const onimported = vi.fn();
    render(DataSettings, {
      api: api({
        chooseImport: () => Promise.resolve('Journal.zip'),
        previewImport: () =>
          Promise.resolve(
            summary({ added: 2, merged: 1, first_day: '2019-01-02', last_day: '2019-03-04' }),
          ),
        runImport,
      }),
      onimported,
    });
    await tick();
    await fireEvent.click(screen.getByTestId('import-choose'));
    await tick();
    await tick();
    expect(screen.getByTestId('import-chosen').textContent).toBe('Journal.zip');
    const preview = screen.getByTestId('import-preview').textContent ?? '';
    expect(preview).toContain('3 days, from 2 January 2019 to 4 March 2019.');
    expect(preview).toContain('1 day you already wrote here will get the imported text below yours.');
    expect(preview).toContain('backed up first');
    expect(runImport).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId('import-confirm'));
    await tick();
    expect(runImport).toHaveBeenCalledTimes(1);
    expect(onimported).toHaveBeenCalledWith(summary({ added: 2, merged: 1 }), 'Journal.zip');
  });

  it('a file whose pages are all here already offers nothing to bring in', async () => {
    render(DataSettings, {
      api: api({
        chooseImport: () => Promise.resolve('copy.json'),
        previewImport: () =>
          Promise.resolve(summary({ unchanged: 4, first_day: '2020-01-01', last_day: '2020-01-04' })),
      }),
    });
    await tick();
    await fireEvent.click(screen.getByTestId('import-choose'));
    await tick();
    await tick();
    expect(screen.getByTestId('import-preview').textContent).toContain('Nothing would change');
    expect(screen.queryByTestId('import-confirm')).toBeNull();
  });

  it('an encrypted copy asks its passphrase, and a wrong one is said kindly', async () => {
    const previewImport = vi
      .fn<DataApi['previewImport']>()
      .mockRejectedValueOnce({ code: 'wrong_passphrase', message: 'no' })
      .mockResolvedValueOnce(summary({ added: 1, first_day: '2021-06-01', last_day: '2021-06-01' }));
    render(DataSettings, {
      api: api({ chooseImport: () => Promise.resolve('copy.age'), previewImport }),
    });
    await tick();
    await fireEvent.change(screen.getByTestId('import-format'), { target: { value: 'age' } });
    await fireEvent.click(screen.getByTestId('import-choose'));
    await tick();
    expect(previewImport).not.toHaveBeenCalled();
    const field = screen.getByTestId('import-passphrase');
    await fireEvent.input(field, { target: { value: 'wrong' } });
    await fireEvent.submit(field.closest('form')!);
    await tick();
    expect(screen.getByTestId('import-error').textContent).toContain('does not open this copy');
    await fireEvent.input(field, { target: { value: 'right' } });
    await fireEvent.submit(field.closest('form')!);
    await tick();
    expect(previewImport).toHaveBeenLastCalledWith('right');
    expect(screen.getByTestId('import-preview').textContent).toContain('1 day: 1 June 2021.');
  });
});
