// Corrections never rewrite history: a reversal is a new entry with every posting of
// the original negated, pointing at the original. Statements before the reversal's
// date still show the original, so every past statement can be reproduced.

import { and, asc, eq, sql } from 'drizzle-orm';
import { journalEntries, postings } from '../../../db/schema';
import { LedgerError } from '../errors';
import type { CallContext } from '../context';
import type { MinorUnits } from '../money/money';
import { postEntry, type PostedEntry } from './post';
import { typedQuery } from '../prepared';

export interface ReverseRequest {
  readonly associationId: string;
  readonly entryId: string;
  readonly entryDate: string;
  readonly memo: string;
}

const reverseQueries = typedQuery((db) => ({
  original: db.select({ id: journalEntries.id, entryDate: journalEntries.entryDate, reversesEntryId: journalEntries.reversesEntryId })
    .from(journalEntries)
    .where(and(eq(journalEntries.id, sql.placeholder('entryId')), eq(journalEntries.associationId, sql.placeholder('associationId'))))
    .prepare(),
  reversal: db.select({ seq: journalEntries.seq }).from(journalEntries)
    .where(eq(journalEntries.reversesEntryId, sql.placeholder('entryId'))).prepare(),
  lines: db.select({ accountId: postings.accountId, memberId: postings.memberId, amount: postings.amount, memo: postings.memo })
    .from(postings).where(eq(postings.entryId, sql.placeholder('entryId'))).orderBy(asc(postings.lineNo)).prepare(),
}));

export function reverseEntry(ctx: CallContext, req: ReverseRequest): PostedEntry {
  const q = reverseQueries(ctx.ledger);
  const original = q.original.get({ entryId: req.entryId, associationId: req.associationId });
  if (!original) throw new LedgerError('entry-not-found', {}, 'entryId');
  if (original.reversesEntryId) throw new LedgerError('entry-is-reversal', {}, 'entryId');
  const already = q.reversal.get({ entryId: original.id });
  if (already) throw new LedgerError('entry-already-reversed', { seq: already.seq }, 'entryId');
  if (req.entryDate < original.entryDate) {
    throw new LedgerError('reversal-before-original', { date: original.entryDate }, 'date');
  }
  const lines = q.lines.all({ entryId: original.id });
  return postEntry(ctx, {
    associationId: req.associationId,
    entryDate: req.entryDate,
    kind: 'reversal',
    memo: req.memo,
    reversesEntryId: original.id,
    lines: lines.map((l) => ({ accountId: l.accountId, memberId: l.memberId, amount: -l.amount as MinorUnits, memo: l.memo })),
  });
}
