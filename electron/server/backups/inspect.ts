// What a ledger or backup file holds, and whether it is whole: an Ikimina file, not
// newer than this app, passing SQLite's integrity check, its schema the one its
// steps make, every hash chain intact and every association's books matching their
// seal (integrity/check.ts). Opened read-only; nothing in it is changed.

import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { LedgerError } from '../errors';
import { defaultMigrationsFolder, headerSaysIkimina } from '../../../db/open';
import type { associations } from '../../../db/schema';
import { prepared, type RowOf } from '../prepared';
import { checkLedger, type IntegrityProblem } from '../integrity/check';
import { expectedSchema, schemaStepsOf } from '../integrity/expected-schema';
import type { ChainHead } from '../integrity/change-chain';

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
    /** The last entry's number and hash: the fingerprint of these books. */
    readonly head: ChainHead | null;
  }[];
  /** The last recorded change anywhere in the file. */
  readonly lastChangeAt: string | null;
  /** Schema steps the file has (an older one is brought up to date when restored). */
  readonly steps: number;
  /** What the check found (only when asked to report rather than refuse). */
  readonly problems: readonly IntegrityProblem[];
}

export interface InspectOptions {
  readonly nativeBinding?: string;
  readonly migrationsFolder?: string;
  /** 'refuse' (a backup about to be restored) or 'report' (a backup just made of books that already hold a problem). */
  readonly problems?: 'refuse' | 'report';
  /** Only this association's books matter (restoring one association). */
  readonly associationId?: string;
}

export function inspectLedgerFile(file: string, options: InspectOptions = {}): LedgerFileSummary {
  if (!existsSync(file) || statSync(file).isDirectory()) throw new LedgerError('backup-not-found', {}, 'file');
  if (!headerSaysIkimina(file)) throw new LedgerError('backup-not-ikimina', {}, 'file');
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  } catch {
    throw new LedgerError('backup-damaged', {}, 'file');
  }
  try {
    const steps = schemaSteps(db, options.migrationsFolder ?? defaultMigrationsFolder());
    const report = (() => {
      try {
        return checkLedger(db, { level: 'full', expectedSchema: expectedSchema(options.migrationsFolder ?? defaultMigrationsFolder(), steps, options.nativeBinding) });
      } catch {
        throw new LedgerError('backup-damaged', {}, 'file');
      }
    })();
    const problems = report.problems.filter((p) => !options.associationId || p.associationId === null || p.associationId === options.associationId);
    if ((options.problems ?? 'refuse') === 'refuse' && problems.length > 0) throw refusalFor(problems);
    // Raw SQL on the file's own connection: it may be a few schema steps behind this build.
    const held = prepared(
      db,
      `SELECT a.id, a.name,
              (SELECT count(*) FROM members m WHERE m.association_id = a.id) AS members,
              (SELECT count(*) FROM journal_entries e WHERE e.association_id = a.id) AS entries,
              (SELECT max(entry_date) FROM journal_entries e WHERE e.association_id = a.id) AS lastEntryDate,
              (SELECT json_object('seq', seq, 'hash', hash) FROM journal_entries e WHERE e.association_id = a.id ORDER BY seq DESC LIMIT 1) AS head
         FROM associations a ORDER BY a.name`,
    ).all() as RowOf<typeof associations, 'id' | 'name', { members: number; entries: number; lastEntryDate: string | null; head: string | null }>[];
    const last = prepared(db, 'SELECT max(at) AS at FROM change_log').get() as { at: string | null };
    const stat = statSync(file);
    return {
      file, bytes: stat.size, modifiedAt: stat.mtime.toISOString(), lastChangeAt: last.at, steps, problems,
      associations: held.map((a) => ({ ...a, head: a.head ? (JSON.parse(a.head) as ChainHead) : null })),
    };
  } catch (err) {
    if (err instanceof LedgerError) throw err;
    throw new LedgerError('backup-damaged', {}, 'file');
  } finally {
    db.close();
  }
}

/** The file's schema steps: refused when it was written by a newer Ikimina, or one that took another path. */
function schemaSteps(db: Database.Database, migrationsFolder: string): number {
  const found = schemaStepsOf(db, migrationsFolder);
  if (found.kind === 'newer') throw new LedgerError('backup-newer', {}, 'file');
  if (found.kind !== 'steps') throw new LedgerError('backup-damaged', {}, 'file');
  return found.steps;
}

function refusalFor(problems: readonly IntegrityProblem[]): LedgerError {
  const first = (code: IntegrityProblem['code']) => problems.find((p) => p.code === code);
  const broken = first('integrity-journal-broken') ?? first('integrity-history-broken');
  if (broken) return new LedgerError('backup-chain-broken', { name: String(broken.params.name ?? ''), seq: Number(broken.params.seq ?? 0) }, 'file');
  const changed = first('integrity-books-changed');
  if (changed) return new LedgerError('backup-books-changed', { name: String(changed.params.name ?? '') }, 'file');
  return new LedgerError('backup-damaged', {}, 'file');
}
