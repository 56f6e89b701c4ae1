// Walks an association's journal in sequence and recomputes every hash. The first
// entry that does not match — its content changed, a link broken, a gap in the
// sequence, postings that no longer balance — is reported, with the reason. Then the
// statements handed out (statement_exports) are held against the chain: history
// rewritten and its hashes recomputed still contradicts the head a statement recorded.

import type Database from 'better-sqlite3';
import type { journalEntries } from '../../../db/schema';
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

// The entry as `SELECT *` (a file whose columns were altered by hand is still read, and found broken), read with
// safe integers: the sums stay exact, so integer columns come back as BigInt.
type EntryRow = Omit<StoredRow<typeof journalEntries>, 'seq'> & { seq: bigint };
/**
 * One posting as read beside its entries, as an array (the journal's longest read: no object per row):
 * its entry's id, then the posting's own columns the hash covers, then its copies of the entry's association and date.
 */
type PostingRow = [entryId: string, id: string, lineNo: bigint, accountId: string, memberId: string | null, amount: bigint, memo: string | null,
  associationId: string, entryDate: string];

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

/** Recomputes the chain from its first entry, or (a quick look at the newest entries) from entry `fromSeq` on. */
export function verifyChain(sqlite: Database.Database, associationId: string, options: { fromSeq?: number } = {}): ChainReport {
  const fromSeq = Math.max(1, options.fromSeq ?? 1);
  // Two reads in the same order, walked in step: the entries, and every posting of them.
  const entries = prepared(sqlite, 'SELECT * FROM journal_entries WHERE association_id = ? AND seq >= ? ORDER BY seq, id')
    .safeIntegers(true)
    .iterate(associationId, fromSeq) as IterableIterator<EntryRow>;
  const postingRows = (prepared(
    sqlite,
    `SELECT e.id, p.id, p.line_no, p.account_id, p.member_id, p.amount, p.memo, p.association_id, p.entry_date
       FROM journal_entries e JOIN postings p ON p.entry_id = e.id
      WHERE e.association_id = ? AND e.seq >= ?
      ORDER BY e.seq, e.id, p.line_no`,
  )
    .raw(true)
    .safeIntegers(true)
    .iterate(associationId, fromSeq) as IterableIterator<PostingRow>)[Symbol.iterator]();
  let nextPosting = postingRows.next();

  let expectedSeq = fromSeq;
  let prevHash = fromSeq === 1
    ? GENESIS_HASH
    : ((prepared(sqlite, 'SELECT hash FROM journal_entries WHERE association_id = ? AND seq = ?').get(associationId, fromSeq - 1) as
        | RowOf<typeof journalEntries, 'hash'>
        | undefined)?.hash ?? '');
  let count = 0;
  try {
    for (const row of entries) {
      const broken = (problem: ChainProblem): ChainReport => ({
        ok: false,
        entries: count,
        headHash: prevHash,
        firstBroken: { seq: Number(row.seq), entryId: row.id, problem },
      });
      const lines: HashablePosting[] = [];
      let sum = 0n;
      let copiesMatch = true;
      for (; !nextPosting.done && nextPosting.value[0] === row.id; nextPosting = postingRows.next()) {
        const [, id, lineNo, accountId, memberId, amount, memo, postingAssociation, postingDate] = nextPosting.value;
        lines.push({ id, lineNo: Number(lineNo), accountId, memberId, amount, memo });
        sum += amount;
        if (postingAssociation !== row.association_id || postingDate !== row.entry_date) copiesMatch = false;
      }
      if (Number(row.seq) !== expectedSeq) return broken('sequence-gap');
      if (row.prev_hash !== prevHash) return broken('link-broken');
      if (!copiesMatch) return broken('postings-mismatch');
      if (sum !== 0n || lines.length < 2) return broken('postings-unbalanced');
      if (entryHash(toHashable(row), lines) !== row.hash) return broken('content-changed');
      prevHash = row.hash;
      expectedSeq += 1;
      count += 1;
    }
  } finally {
    // A break left one of the two reads open: end it, so the connection can write again.
    postingRows.return?.();
  }
  return contradictedStatement(sqlite, associationId, fromSeq, { ok: true, entries: count, headHash: prevHash, firstBroken: null });
}

function toHashable(row: EntryRow): HashableEntry {
  return {
    id: row.id, associationId: row.association_id, seq: Number(row.seq), entryDate: row.entry_date, kind: row.kind,
    memo: row.memo, currency: row.currency, reversesEntryId: row.reverses_entry_id, sourceType: row.source_type,
    sourceId: row.source_id, createdAt: row.created_at, createdBy: row.created_by, prevHash: row.prev_hash,
  };
}
