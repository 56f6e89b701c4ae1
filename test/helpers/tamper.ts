// What an intruder with another program does to a ledger file: lift the guards,
// change rows, and recompute the hash chain with the published algorithm.

import type Database from 'better-sqlite3';
import { entryHash, type HashableEntry, type HashablePosting } from '../../electron/server/journal/hash';

/** Runs SQL with the append-only guards (triggers) lifted, as another program could. */
export const withoutGuards = (db: Database.Database, sql: string) => {
  const guards = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger'").pluck().all() as string[];
  for (const name of db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger'").pluck().all() as string[]) db.exec(`DROP TRIGGER "${name}"`);
  db.exec(sql);
  for (const g of guards) db.exec(g);
};

/** Recomputes every entry's hash from the first changed one, with the published algorithm. */
export function rehash(db: Database.Database, associationId: string): void {
  const entries = db.prepare('SELECT * FROM journal_entries WHERE association_id = ? ORDER BY seq').all(associationId) as Record<string, any>[];
  let prev = '0'.repeat(64);
  for (const e of entries) {
    const postings = (db.prepare('SELECT * FROM postings WHERE entry_id = ? ORDER BY line_no').safeIntegers(true).all(e.id) as Record<string, any>[])
      .map((p): HashablePosting => ({ id: p.id, lineNo: Number(p.line_no), accountId: p.account_id, memberId: p.member_id, amount: p.amount, memo: p.memo }));
    const head: HashableEntry = {
      id: e.id, associationId: e.association_id, seq: e.seq, entryDate: e.entry_date, kind: e.kind, memo: e.memo, currency: e.currency,
      reversesEntryId: e.reverses_entry_id, sourceType: e.source_type, sourceId: e.source_id, createdAt: e.created_at, createdBy: e.created_by, prevHash: prev,
    };
    const hash = entryHash(head, postings);
    withoutGuards(db, `UPDATE journal_entries SET prev_hash = '${prev}', hash = '${hash}' WHERE id = '${e.id}'`);
    prev = hash;
  }
}
