// Corrections never rewrite history: a reversal is a new entry with every posting of
// the original negated, pointing at the original. Statements before the reversal's
// date still show the original, so every past statement can be reproduced.

import { LedgerError } from '../errors';
import type { CallContext } from '../context';
import type { MinorUnits } from '../money/money';
import { postEntry, type PostedEntry } from './post';
import { prepared } from '../prepared';

export interface ReverseRequest {
  readonly associationId: string;
  readonly entryId: string;
  readonly entryDate: string;
  readonly memo: string;
}

export function reverseEntry(ctx: CallContext, req: ReverseRequest): PostedEntry {
  const { sqlite } = ctx.ledger;
  const original = prepared(sqlite, 'SELECT id, entry_date, kind, reverses_entry_id FROM journal_entries WHERE id = ? AND association_id = ?')
    .get(req.entryId, req.associationId) as { id: string; entry_date: string; kind: string; reverses_entry_id: string | null } | undefined;
  if (!original) throw new LedgerError('entry-not-found', {}, 'entryId');
  if (original.reverses_entry_id) throw new LedgerError('entry-is-reversal', {}, 'entryId');
  const already = prepared(sqlite, 'SELECT seq FROM journal_entries WHERE reverses_entry_id = ?').get(original.id) as
    | { seq: number }
    | undefined;
  if (already) throw new LedgerError('entry-already-reversed', { seq: already.seq }, 'entryId');
  if (req.entryDate < original.entry_date) {
    throw new LedgerError('reversal-before-original', { date: original.entry_date }, 'date');
  }
  const lines = prepared(sqlite, 'SELECT account_id, member_id, amount, memo FROM postings WHERE entry_id = ? ORDER BY line_no')
    .all(original.id) as { account_id: string; member_id: string | null; amount: number; memo: string | null }[];
  return postEntry(ctx, {
    associationId: req.associationId,
    entryDate: req.entryDate,
    kind: 'reversal',
    memo: req.memo,
    reversesEntryId: original.id,
    lines: lines.map((l) => ({ accountId: l.account_id, memberId: l.member_id, amount: -l.amount as MinorUnits, memo: l.memo })),
  });
}
