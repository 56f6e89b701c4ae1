// Walks an association's journal in sequence and recomputes every hash. The first
// entry that does not match — its content changed, a link broken, a gap in the
// sequence, postings that no longer balance — is reported, with the reason. Then the
// statements handed out (statement_exports) are held against the chain: history
// rewritten and its hashes recomputed still contradicts the head a statement recorded.

import type Database from 'better-sqlite3';
import type { journalEntries, postings } from '../../../db/schema';
import { prepared, type RowOf } from '../prepared';
import type { StoredRow } from '../integrity/scope';
import { GENESIS_HASH, entryHash, type HashableEntry, type HashablePosting } from './hash';

export type ChainProblem = 'sequence-gap' | 'link-broken' | 'content-changed' | 'postings-unbalanced' | 'postings-mismatch' | 'statement-contradicts';

export interface ChainReport {
  readonly ok: boolean;
  readonly entries: number;
  readonly headHash: string;
  readonly firstBroken: { readonly seq: number; readonly entryId: string; readonly problem: ChainProblem } | null;
}

// The entry as `e.*` (a file whose columns were altered by hand is still read, and found broken), read with
// safe integers: the sums stay exact, so integer columns come back as BigInt.
type EntryRow = Omit<StoredRow<typeof journalEntries>, 'seq'> & { seq: bigint };
type PostingRow = Omit<StoredRow<typeof postings>, 'line_no' | 'amount'> & { line_no: bigint; amount: bigint };
/** An entry joined with one of its postings (its columns prefixed `p_`; all null for an entry without postings). */
type Row = EntryRow & { [K in Exclude<keyof PostingRow, 'entry_id'> as `p_${K}`]: PostingRow[K] | null };

/** Recomputes the chain from its first entry, or (a quick look at the newest entries) from entry `fromSeq` on. */
/** The first statement handed out whose recorded chain head the journal no longer has at its entry. */
const CONTRADICTED = `SELECT x.last_entry AS seq, e.id AS entryId FROM statement_exports x
   LEFT JOIN journal_entries e ON e.association_id = x.association_id AND e.seq = x.last_entry
  WHERE x.association_id = ? AND x.last_entry >= ? AND x.last_entry > 0 AND (e.hash IS NULL OR e.hash <> x.chain_head)
  ORDER BY x.last_entry LIMIT 1`;
const HAS_EXPORTS = "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'statement_exports'";

function contradictedStatement(sqlite: Database.Database, associationId: string, fromSeq: number, report: ChainReport): ChainReport {
  // A file from before statements were recorded has no such table.
  if (!report.ok || !prepared(sqlite, HAS_EXPORTS).get()) return report;
  const found = prepared(sqlite, CONTRADICTED).get(associationId, fromSeq) as { seq: number; entryId: string | null } | undefined;
  return found ? { ...report, ok: false, firstBroken: { seq: found.seq, entryId: found.entryId ?? '', problem: 'statement-contradicts' } } : report;
}

export function verifyChain(sqlite: Database.Database, associationId: string, options: { fromSeq?: number } = {}): ChainReport {
  const fromSeq = Math.max(1, options.fromSeq ?? 1);
  const rows = prepared(
    sqlite,
    `SELECT e.*, p.id AS p_id, p.line_no AS p_line_no, p.account_id AS p_account_id, p.member_id AS p_member_id,
            p.amount AS p_amount, p.memo AS p_memo, p.association_id AS p_association_id, p.entry_date AS p_entry_date
       FROM journal_entries e LEFT JOIN postings p ON p.entry_id = e.id
      WHERE e.association_id = ? AND e.seq >= ?
      ORDER BY e.seq, p.line_no`,
  )
    .safeIntegers(true)
    .iterate(associationId, fromSeq) as IterableIterator<Row>;

  let expectedSeq = fromSeq;
  let prevHash = fromSeq === 1
    ? GENESIS_HASH
    : ((prepared(sqlite, 'SELECT hash FROM journal_entries WHERE association_id = ? AND seq = ?').get(associationId, fromSeq - 1) as
        | RowOf<typeof journalEntries, 'hash'>
        | undefined)?.hash ?? '');
  let current: { row: Row; postings: HashablePosting[]; copiesMatch: boolean; sum: bigint } | null = null;
  let count = 0;

  const finish = (): ChainReport | null => {
    if (!current) return null;
    const { row } = current;
    const broken = (problem: ChainProblem): ChainReport => ({
      ok: false,
      entries: count,
      headHash: prevHash,
      firstBroken: { seq: Number(row.seq), entryId: row.id, problem },
    });
    if (Number(row.seq) !== expectedSeq) return broken('sequence-gap');
    if (row.prev_hash !== prevHash) return broken('link-broken');
    if (!current.copiesMatch) return broken('postings-mismatch');
    if (current.sum !== 0n || current.postings.length < 2) return broken('postings-unbalanced');
    if (entryHash(toHashable(row), current.postings) !== row.hash) return broken('content-changed');
    prevHash = row.hash;
    expectedSeq += 1;
    count += 1;
    return null;
  };

  for (const row of rows) {
    if (!current || current.row.id !== row.id) {
      const problem = finish();
      if (problem) return problem;
      current = { row, postings: [], copiesMatch: true, sum: 0n };
    }
    if (row.p_id !== null) {
      current.postings.push({
        id: row.p_id, lineNo: Number(row.p_line_no), accountId: row.p_account_id!, memberId: row.p_member_id,
        amount: row.p_amount!, memo: row.p_memo,
      });
      current.sum += row.p_amount!;
      if (row.p_association_id !== row.association_id || row.p_entry_date !== row.entry_date) current.copiesMatch = false;
    }
  }
  const problem = finish();
  if (problem) return problem;
  return contradictedStatement(sqlite, associationId, fromSeq, { ok: true, entries: count, headHash: prevHash, firstBroken: null });
}

function toHashable(row: Row): HashableEntry {
  return {
    id: row.id, associationId: row.association_id, seq: Number(row.seq), entryDate: row.entry_date, kind: row.kind,
    memo: row.memo, currency: row.currency, reversesEntryId: row.reverses_entry_id, sourceType: row.source_type,
    sourceId: row.source_id, createdAt: row.created_at, createdBy: row.created_by, prevHash: row.prev_hash,
  };
}
