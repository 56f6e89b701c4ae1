// The tamper-evident chain. Each entry's hash is SHA-256 over a canonical form of
// the entry, its postings, and the previous entry's hash. The canonical form is a
// JSON array with a fixed field order, so the same entry always hashes the same way
// on any machine and anyone holding an exported ledger can recompute it.

import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);
const CANONICAL_VERSION = 1;

export interface HashableEntry {
  readonly id: string;
  readonly associationId: string;
  readonly seq: number;
  readonly entryDate: string;
  readonly kind: string;
  readonly memo: string;
  readonly currency: string;
  readonly reversesEntryId: string | null;
  readonly sourceType: string | null;
  readonly sourceId: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly prevHash: string;
}

export interface HashablePosting {
  readonly id: string;
  readonly lineNo: number;
  readonly accountId: string;
  readonly memberId: string | null;
  readonly amount: number | bigint;
  readonly memo: string | null;
}

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
