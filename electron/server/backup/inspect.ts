// What a ledger or backup file holds, and whether it is whole: an Ikimina file,
// not newer than this app, passing SQLite's integrity check, every association's
// hash chain intact. Opened read-only; nothing in it is changed.

import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { LedgerError } from '../errors';
import { IKIMINA_APPLICATION_ID } from '../../../db/open';
import { verifyChain } from '../journal/verify';

export interface LedgerFileSummary {
  readonly file: string;
  readonly bytes: number;
  readonly modifiedAt: string;
  readonly associations: readonly {
    readonly id: string;
    readonly name: string;
    readonly members: number;
    readonly entries: number;
    readonly lastEntryDate: string | null;
  }[];
  /** The last recorded change anywhere in the file. */
  readonly lastChangeAt: string | null;
}

/** Reads the SQLite header itself: a cut-short file still has it, and is "damaged", not "someone else's". */
function headerSaysIkimina(file: string): boolean {
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    if (readSync(fd, header, 0, 100, 0) < 100) return false;
  } finally {
    closeSync(fd);
  }
  return header.subarray(0, 16).toString('latin1') === 'SQLite format 3\0' && header.readUInt32BE(68) === IKIMINA_APPLICATION_ID;
}

export function inspectLedgerFile(file: string, options: { nativeBinding?: string } = {}): LedgerFileSummary {
  if (!existsSync(file) || statSync(file).isDirectory()) throw new LedgerError('backup-not-found', {}, 'file');
  if (!headerSaysIkimina(file)) throw new LedgerError('backup-not-ikimina', {}, 'file');
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  } catch {
    throw new LedgerError('backup-damaged', {}, 'file');
  }
  try {
    let integrity: unknown;
    try {
      integrity = db.pragma('integrity_check', { simple: true });
    } catch {
      throw new LedgerError('backup-damaged', {}, 'file');
    }
    if (integrity !== 'ok') throw new LedgerError('backup-damaged', {}, 'file');
    const associations = db
      .prepare(
        `SELECT a.id, a.name,
                (SELECT count(*) FROM members m WHERE m.association_id = a.id) AS members,
                (SELECT count(*) FROM journal_entries e WHERE e.association_id = a.id) AS entries,
                (SELECT max(entry_date) FROM journal_entries e WHERE e.association_id = a.id) AS lastEntryDate
           FROM associations a ORDER BY a.name`,
      )
      .all() as LedgerFileSummary['associations'][number][];
    for (const a of associations) {
      const chain = verifyChain(db, a.id);
      if (!chain.ok) throw new LedgerError('backup-chain-broken', { name: a.name, seq: chain.firstBroken?.seq ?? 0 }, 'file');
    }
    const last = db.prepare('SELECT max(at) AS at FROM change_log').get() as { at: string | null };
    const stat = statSync(file);
    return { file, bytes: stat.size, modifiedAt: stat.mtime.toISOString(), associations, lastChangeAt: last.at };
  } catch (err) {
    if (err instanceof LedgerError) throw err;
    throw new LedgerError('backup-damaged', {}, 'file');
  } finally {
    db.close();
  }
}
