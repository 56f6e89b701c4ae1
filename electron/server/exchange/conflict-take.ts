// Deciding a conflict for the file kept aside: the coordinator judged that the file's
// books are the group's (the laptop really was restored and the old entries are
// gone from it). The books imported until now are first copied aside, then the kept
// file is checked again from the start (it sat on disk meanwhile) and, in one
// transaction, the group's imported rows become the file's. Nothing is merged.

import { rmSync } from 'node:fs';
import { LedgerError, type Result } from '../errors';
import type { Actor } from '../context';
import { failure } from '../registry';
import type { LedgerServer } from '../server';
import { checkExchangeFile } from './file-check';
import { IMPORT_SCHEMA } from './merge';
import { forget, handOver } from './checked';

export interface ConflictTakeRequest {
  readonly conflictId: string;
  readonly reason: string;
}

export interface ConflictTaken {
  readonly id: string;
  readonly entries: number;
  /** The copy of the books that were replaced. */
  readonly replaced: string;
}

export function takeConflictFile(server: LedgerServer, actor: Actor, request: ConflictTakeRequest): Result<ConflictTaken> {
  const aside = server.callInternal('exchange-conflict-set-aside', { conflictId: request.conflictId, reason: request.reason }, actor);
  if (!aside.ok) return aside;
  let checked;
  try {
    checked = checkExchangeFile(aside.value.keptFile, { workDir: server.workDir('incoming'), migrationsFolder: server.files.migrationsFolder, nativeBinding: server.files.nativeBinding });
  } catch (err) {
    return failure(err instanceof LedgerError ? err : new LedgerError('exchange-damaged'));
  }
  const checkedId = handOver(checked);
  const { sqlite } = server.ledger;
  try {
    sqlite.prepare(`ATTACH DATABASE ? AS ${IMPORT_SCHEMA}`).run(checked.copy);
    try {
      const taken = server.callInternal('exchange-conflict-take-file', { conflictId: request.conflictId, checkedId, reason: request.reason }, actor);
      return taken.ok ? { ok: true, value: { ...taken.value, replaced: aside.value.replaced } } : taken;
    } finally {
      sqlite.prepare(`DETACH DATABASE ${IMPORT_SCHEMA}`).run();
    }
  } finally {
    forget(checkedId);
    rmSync(checked.copy, { force: true });
  }
}
