// The books' fingerprint: the last journal entry of an association and the head of
// its hash chain there. Each entry's hash covers every entry before it, so the head
// at entry N stands for the whole history up to N.

import type { CallContext } from '../context';
import { prepared } from '../prepared';

const LAST = 'SELECT seq, hash FROM journal_entries WHERE association_id = ? ORDER BY seq DESC LIMIT 1';
const AT = 'SELECT hash FROM journal_entries WHERE association_id = ? AND seq = ?';

export function booksHead(ctx: CallContext, associationId: string): { lastEntry: number; chainHead: string } {
  const row = prepared(ctx.ledger.sqlite, LAST).get(associationId) as { seq: number; hash: string } | undefined;
  return row ? { lastEntry: row.seq, chainHead: row.hash } : { lastEntry: 0, chainHead: '' };
}

/** The hash of entry N as the books hold it now (null: no such entry; '' for entry 0, the empty books). */
export function chainHeadAt(ctx: CallContext, associationId: string, seq: number): string | null {
  if (seq === 0) return '';
  const row = prepared(ctx.ledger.sqlite, AT).get(associationId, seq) as { hash: string } | undefined;
  return row?.hash ?? null;
}
