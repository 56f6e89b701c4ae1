// Commands that write or read files: their work is done outside a server call (a PDF
// is rendered, a spreadsheet read), around the calls that read and record the books.
// The worker runs them in turn with the others; the command line and the tests call
// them directly. Each checks its own input before anything is written.

import { LedgerError, type Result } from './errors';
import type { Actor } from './context';
import { failure } from './registry';
import type { LedgerServer } from './server';
import { exportStatement, verifyStatementFile, type ExportedStatement, type ExportRequest } from './statements/export';
import type { StatementCheck } from './statements/handlers';
import { STATEMENT_FORMATS } from './statements/model';
import { importLedgers, type ImportRequest } from './exchange/import-run';
import type { ImportReport } from './exchange/handlers';
import { exportProgramme, type ProgrammeExportRequest, type ProgrammeExported } from './programme/export';
import { takeConflictFile, type ConflictTakeRequest, type ConflictTaken } from './exchange/conflict-take';

export interface AsyncCommands {
  /** A statement written to the file (or CSV folder) chosen in the save dialog. */
  readonly 'statement-export': { readonly input: ExportRequest; readonly output: ExportedStatement };
  /** A statement file (or CSV folder) checked against the books of the association signed in to. */
  readonly 'statement-verify': { readonly input: { readonly associationId: string; readonly file: string }; readonly output: StatementCheck };
  /** Groups' books imported from the chosen files or folder, each file whole or refused (the coordinator's). */
  readonly 'exchange-import': { readonly input: ImportRequest; readonly output: ImportReport };
  /** A conflict decided for the file kept aside: the group's imported books become the file's (the coordinator's). */
  readonly 'exchange-conflict-take': { readonly input: ConflictTakeRequest; readonly output: ConflictTaken };
  /** The programme's dataset (CSV, XLSX, Parquet) or report (PDF) written into the chosen folder (the coordinator's). */
  readonly 'programme-export': { readonly input: ProgrammeExportRequest; readonly output: ProgrammeExported };
}

export type AsyncCommandName = keyof AsyncCommands & string;
export const ASYNC_COMMANDS: readonly AsyncCommandName[] = ['statement-export', 'statement-verify', 'exchange-import', 'exchange-conflict-take', 'programme-export'];

export function isAsyncCommand(name: string): name is AsyncCommandName {
  return (ASYNC_COMMANDS as readonly string[]).includes(name);
}

/** The files and folder of an import, as given (each path a string; nothing else taken). */
function importRequest(given: Record<string, unknown>): ImportRequest {
  const files = Array.isArray(given.files) ? given.files.filter((f): f is string => typeof f === 'string' && f.trim() !== '').slice(0, 100_000) : [];
  return { files, ...(typeof given.folder === 'string' && given.folder.trim() !== '' ? { folder: given.folder } : {}) };
}

const fields = (input: unknown): Record<string, unknown> => (input && typeof input === 'object' && !Array.isArray(input) ? input as Record<string, unknown> : {});

export async function runAsyncCommand(server: LedgerServer, name: AsyncCommandName, input: unknown, actor: Actor): Promise<Result<unknown>> {
  const given = fields(input);
  if (name === 'exchange-import') return importLedgers(server, actor, importRequest(given));
  if (name === 'programme-export') {
    if (typeof given.folder !== 'string' || given.folder.trim() === '') return failure(new LedgerError('field-required', {}, 'folder'));
    // The format, currency and quarter are checked by the command's own handler.
    return exportProgramme(server, actor, {
      format: given.format as ProgrammeExportRequest['format'], folder: given.folder,
      ...(typeof given.currency === 'string' ? { currency: given.currency } : {}), ...(typeof given.quarter === 'string' ? { quarter: given.quarter } : {}),
    });
  }
  if (name === 'exchange-conflict-take') {
    // Checked by the command's own handlers: these only carry the words through.
    return takeConflictFile(server, actor, { conflictId: String(given.conflictId ?? ''), reason: String(given.reason ?? '') });
  }
  if (typeof given.file !== 'string' || given.file.trim() === '') return failure(new LedgerError('field-required', {}, 'file'));
  if (typeof given.associationId !== 'string') return failure(new LedgerError('field-required', {}, 'associationId'));
  if (name === 'statement-verify') return verifyStatementFile(server, actor, given.associationId, given.file);
  if (!(STATEMENT_FORMATS as readonly unknown[]).includes(given.format)) return failure(new LedgerError('field-not-allowed', {}, 'format'));
  return exportStatement(server, actor, given as unknown as ExportRequest);
}
