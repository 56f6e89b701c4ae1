// The tamper-evident chain. Each entry's hash is SHA-256 over a canonical form of
// the entry, its postings, and the previous entry's hash. The canonical form is a
// JSON array with a fixed field order, so the same entry always hashes the same way
// on any machine and anyone holding an exported ledger can recompute it.

import { createHash } from 'node:crypto';
import type { journalEntries, postings } from '../../../db/schema';
import type { RowOf } from '../prepared';

export const GENESIS_HASH = '0'.repeat(64);
const CANONICAL_VERSION = 1;

/** What an entry's hash covers: every column of its journal_entries row but the hash itself. */
export type HashableEntry = Readonly<RowOf<
  typeof journalEntries,
  | 'id' | 'associationId' | 'seq' | 'entryDate' | 'kind' | 'memo' | 'currency' | 'reversesEntryId' | 'sourceType' | 'sourceId'
  | 'createdAt' | 'createdBy' | 'prevHash'
>>;

/** What a posting's part of the hash covers: its postings row but its entry's id and what it copies from the entry (amounts as numbers or BigInt alike). */
export type HashablePosting = Readonly<RowOf<typeof postings, 'id' | 'lineNo' | 'accountId' | 'memberId' | 'memo', { amount: number | bigint }>>;

export function canonicalEntry(entry: HashableEntry, postings: readonly HashablePosting[]): string {
  return JSON.stringify([
    CANONICAL_VERSION,
    entry.id,
    entry.associationId,
    entry.seq,
    entry.entryDate,
    entry.kind,
    entry.memo,
    entry.currency,
    entry.reversesEntryId,
    entry.sourceType,
    entry.sourceId,
    entry.createdAt,
    entry.createdBy,
    entry.prevHash,
    [...postings]
      .sort((a, b) => a.lineNo - b.lineNo)
      .map((p) => [p.id, p.lineNo, p.accountId, p.memberId, String(p.amount), p.memo]),
  ]);
}

export function entryHash(entry: HashableEntry, postings: readonly HashablePosting[]): string {
  return createHash('sha256').update(canonicalEntry(entry, postings), 'utf8').digest('hex');
}
