// An import of groups' books: one file, several, or every .ikimina file in a folder
// (and its folders). Each file is checked on its own (file-check.ts, no transaction
// held meanwhile), then taken in by one internal command in one transaction: all of it
// or nothing. Between two files the import yields, so the progress can be read and a
// cancel heard; a cancel stops before the next file. The report — each file and what
// became of it — is kept in the ledger with the import.

import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LedgerError, type Result } from '../errors';
import type { Actor } from '../context';
import { failure } from '../registry';
import type { LedgerServer } from '../server';
import { checkExchangeFile, type CheckedFile } from './file-check';
import { EXCHANGE_EXTENSION } from './format';
import { IMPORT_SCHEMA } from './merge';
import { forget, handOver } from './checked';
import type { ImportReport } from './handlers';

export interface ImportRequest {
  readonly files?: readonly string[];
  readonly folder?: string;
}

/** How deep into a folder's folders the import looks (a stick with one folder per district, say). */
const FOLDER_DEPTH = 4;
const MOST_FILES = 100_000;

/** The .ikimina files in a folder and its folders, by name (links are not followed). */
export function exchangeFilesIn(folder: string, depth = FOLDER_DEPTH): string[] {
  const found: string[] = [];
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    throw new LedgerError('exchange-folder-unreadable', {}, 'folder');
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && depth > 0) found.push(...exchangeFilesIn(path, depth - 1));
    else if (entry.isFile() && entry.name.toLowerCase().endsWith(EXCHANGE_EXTENSION)) found.push(path);
    if (found.length > MOST_FILES) throw new LedgerError('exchange-too-many-files', { most: MOST_FILES }, 'folder');
  }
  return found;
}

const sizeOf = (file: string) => {
  try {
    return lstatSync(file).size;
  } catch {
    return 0;
  }
};

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function importLedgers(server: LedgerServer, actor: Actor, request: ImportRequest): Promise<Result<ImportReport>> {
  if (server.importProgress.running) return failure(new LedgerError('exchange-import-running'));
  let files: string[];
  try {
    files = [...(request.files ?? []), ...(request.folder ? exchangeFilesIn(request.folder) : [])];
  } catch (err) {
    return failure(err);
  }
  const begun = server.callInternal('exchange-import-begin', { files: files.length }, actor);
  if (!begun.ok) return begun;
  const { importId } = begun.value;
  // Copies a crash left in the private folder are never the books: gone before this import makes its own.
  rmSync(server.workDir('incoming'), { recursive: true, force: true });
  const progress = server.importProgress;
  progress.start(importId, files.length, files.reduce((sum, f) => sum + sizeOf(f), 0), server.now());
  try {
    for (const [position, file] of files.entries()) {
      if (progress.cancelled) break;
      progress.working(basename(file));
      let rows = 0;
      try {
        rows = importOne(server, actor, importId, position, file);
      } catch (err) {
        // Whatever went wrong with one file (the disk, the driver) is that file's refusal; the next files still come.
        const known = err instanceof LedgerError ? err : new LedgerError('internal-error');
        refuse(server, actor, { importId, position, fileName: plainName(file), code: known.code, params: known.params, fileSha256: null });
      }
      progress.fileDone(rows, sizeOf(file));
      await yieldToOthers();
    }
    return server.callInternal('exchange-import-end', { importId, cancelled: progress.cancelled }, actor);
  } finally {
    progress.finish();
  }
}

const plainName = (file: string) => basename(file).slice(0, 300) || 'file';

/** One file: checked, then taken in whole or refused with the reason. Returns the rows it held. */
function importOne(server: LedgerServer, actor: Actor, importId: string, position: number, file: string): number {
  const fileName = plainName(file);
  let checked: CheckedFile;
  try {
    checked = checkExchangeFile(file, { workDir: server.workDir('incoming'), migrationsFolder: server.files.migrationsFolder, nativeBinding: server.files.nativeBinding });
  } catch (err) {
    const known = err instanceof LedgerError ? err : new LedgerError('exchange-damaged');
    refuse(server, actor, { importId, position, fileName, code: known.code, params: known.params, fileSha256: null });
    return 0;
  }
  const keptFile = join(server.workDir('conflicts'), `${checked.manifest.associationId}-${checked.fileSha256.slice(0, 16)}${EXCHANGE_EXTENSION}`);
  const checkedId = handOver(checked);
  const { sqlite } = server.ledger;
  try {
    sqlite.prepare(`ATTACH DATABASE ? AS ${IMPORT_SCHEMA}`).run(checked.copy);
    let taken;
    try {
      taken = server.callInternal('exchange-import-file', { importId, position, fileName, checkedId, keptFile }, actor);
    } finally {
      sqlite.prepare(`DETACH DATABASE ${IMPORT_SCHEMA}`).run();
    }
    if (!taken.ok) {
      refuse(server, actor, { importId, position, fileName, code: taken.error.code, params: taken.error.params, fileSha256: checked.fileSha256 });
      return 0;
    }
    if (taken.value.outcome === 'conflict' && !existsSync(keptFile)) {
      mkdirSync(server.workDir('conflicts'), { recursive: true });
      renameSync(checked.copy, keptFile);
    }
    return checked.rows;
  } finally {
    forget(checkedId);
    rmSync(checked.copy, { force: true });
  }
}

function refuse(server: LedgerServer, actor: Actor, line: { importId: string; position: number; fileName: string; code: string; params: object; fileSha256: string | null }): void {
  const params = Object.fromEntries(Object.entries(line.params).filter(([, v]) => typeof v === 'string' || typeof v === 'number'));
  const recorded = server.callInternal('exchange-import-refusal', { ...line, params }, actor);
  if (!recorded.ok) console.error('[ikimina] a refused file could not be recorded:', recorded.error.code);
}
