// Typed wrappers for Settings → Your data: exports and imports. The file
// dialogs open on the Rust side; the page never names a path.

import { call } from './journal';
import type { ExportDone } from './bindings/ExportDone';
import type { ImportSummary } from './bindings/ImportSummary';

export type { ExportDone, ImportSummary };

export type ExportFormat = 'json' | 'markdown' | 'age';
export type ImportFormat = 'json' | 'age' | 'dayone' | 'jrnl' | 'jrnl-json' | 'markdown';

/** Where the journal file is. */
export function journalPlace(): Promise<string> {
  return call<string>('journal_place');
}

/**
 * Asks where to save (a file; for Markdown, a folder to put a new folder
 * in) and writes the export there. `null`: the dialog was closed without a
 * choice, and nothing was written. `age` needs a passphrase of its own.
 */
export function exportJournal(
  format: ExportFormat,
  passphrase?: string,
): Promise<ExportDone | null> {
  return call<ExportDone | null>('export_journal', { format, passphrase: passphrase ?? null });
}

/** Asks for the file (Markdown: the folder) to import; its name, or `null`. */
export function chooseImport(format: ImportFormat): Promise<string | null> {
  return call<string | null>('import_choose', { format });
}

/** What the chosen import would do, with nothing written. */
export function previewImport(passphrase?: string): Promise<ImportSummary> {
  return call<ImportSummary>('import_preview', { passphrase: passphrase ?? null });
}

/** Brings the chosen import in (a backup of the journal first). */
export function runImport(passphrase?: string): Promise<ImportSummary> {
  return call<ImportSummary>('import_run', { passphrase: passphrase ?? null });
}

/** Forgets the chosen import. */
export function forgetImport(): Promise<void> {
  return call<void>('import_forget');
}

export interface DataApi {
  journalPlace: typeof journalPlace;
  exportJournal: typeof exportJournal;
  chooseImport: typeof chooseImport;
  previewImport: typeof previewImport;
  runImport: typeof runImport;
  forgetImport: typeof forgetImport;
}

export const dataApi: DataApi = {
  journalPlace,
  exportJournal,
  chooseImport,
  previewImport,
  runImport,
  forgetImport,
};
