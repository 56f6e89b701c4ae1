// Restoring, so that nothing can be lost. The backup is first copied beside the
// ledger as one flushed file (its -wal folded in), checked whole (integrity, schema,
// chains, seals; not newer than this app) and brought up to this version's schema.
// Only then does anything change:
// - the whole file (the laptop's administrator): the current file is kept under a
//   name no other file has (a hard link: no copy, nothing overwritten), then the
//   checked copy is renamed over the ledger, which is atomic. A crash at any moment
//   leaves the old books or the new, whole;
// - one association (its treasurer or chair): its rows are replaced by the backup's
//   in one transaction (restore-association.ts).

import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { LedgerError } from '../errors';
import { headerSaysIkimina, openLedger } from '../../../db/open';
import { copyAsSingleFile, flush, linkUnderFreeName, removeWithCompanions, uniqueKeptName } from './copy';
import { inspectLedgerFile, type LedgerFileSummary } from './inspect';

export interface RestoreSources {
  readonly migrationsFolder?: string;
  readonly nativeBinding?: string;
}

export interface Candidate {
  /** The checked copy, beside the ledger; removed by the caller if not used. */
  readonly file: string;
  readonly summary: LedgerFileSummary;
}

/** Copies, checks and upgrades a backup into a temporary file beside the ledger. */
export function prepareCandidate(backupFile: string, ledgerFile: string, sources: RestoreSources, associationId?: string): Candidate {
  if (!existsSync(backupFile) || statSync(backupFile).isDirectory()) throw new LedgerError('backup-not-found', {}, 'file');
  // A copied ledger's first pages may still be in its -wal: look at the header once they are folded in.
  if (!existsSync(`${backupFile}-wal`) && !headerSaysIkimina(backupFile)) throw new LedgerError('backup-not-ikimina', {}, 'file');
  let file: string;
  try {
    file = copyAsSingleFile(backupFile, ledgerFile, sources.nativeBinding);
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new LedgerError(code === 'ENOSPC' || code === 'SQLITE_FULL' ? 'disk-full' : 'backup-damaged', {}, 'file');
  }
  try {
    if (!headerSaysIkimina(file)) throw new LedgerError('backup-not-ikimina', {}, 'file');
    const summary = inspectLedgerFile(file, { ...sources, problems: 'refuse', associationId });
    if (associationId && !summary.associations.some((a) => a.id === associationId)) throw new LedgerError('backup-other-association', {}, 'file');
    // An older backup is brought up to this version's schema in the copy, before it is used.
    try {
      openLedger(file, sources).close();
    } catch {
      throw new LedgerError('backup-damaged', {}, 'file');
    }
    removeCompanions(file);
    flush(file);
    return { file, summary };
  } catch (err) {
    removeWithCompanions(file);
    throw err;
  }
}

/** After a clean close the -wal is empty (folded in) and the -shm is only an index: neither holds the books. */
function removeCompanions(file: string): void {
  if (existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0) throw new LedgerError('backup-damaged', {}, 'file');
  for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
}

/**
 * Puts the checked copy in place of the ledger (closed, its -wal folded in by the
 * caller). Returns where the books as they were are kept.
 */
export function swapInCandidate(ledgerFile: string, candidate: string, at: Date): string {
  if (existsSync(`${ledgerFile}-wal`) && statSync(`${ledgerFile}-wal`).size > 0) throw new LedgerError('database-busy');
  let kept: string;
  try {
    kept = linkUnderFreeName(ledgerFile, () => uniqueKeptName(ledgerFile, at));
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOSPC') throw new LedgerError('disk-full');
    throw err;
  }
  flush(kept);
  for (const suffix of ['-wal', '-shm']) rmSync(ledgerFile + suffix, { force: true });
  renameSync(candidate, ledgerFile);
  flush(dirname(ledgerFile));
  return kept;
}
