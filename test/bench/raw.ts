// The baseline: plain better-sqlite3 writing exactly the rows one 'journal-entry-post'
// call writes — one journal_entries row, one postings row per line and one change_log
// row — each entry in its own IMMEDIATE transaction, with statements prepared once
// and every value (ids, sequence numbers, hashes, JSON) computed before the clock
// starts. The connection gets the same pragmas as db/open.ts, so both sides pay the
// same durability cost (WAL, synchronous=FULL, foreign keys checked).

import Database from 'better-sqlite3';
import { uuidv7 } from '../../electron/server/ids';
import { GENESIS_HASH, entryHash, type HashableEntry, type HashablePosting } from '../../electron/server/journal/hash';
import type { PostInput } from './setup';
import { applyDurability } from './durability';

type Value = string | number | null;

export interface RawEntry {
  readonly entry: readonly Value[];
  readonly postings: readonly (readonly Value[])[];
  readonly change: readonly Value[];
}

export interface RawLedger {
  readonly sqlite: Database.Database;
  /** Turns inputs into ready-to-bind rows, continuing the association's hash chain. */
  precompute(inputs: readonly PostInput[]): RawEntry[];
  /** Writes one entry in its own transaction. */
  post(entry: RawEntry): void;
  close(): void;
}

export function openRawLedger(file: string, associationId: string, accountIds: ReadonlyMap<string, string>): RawLedger {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  applyDurability(sqlite);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');

  const insertEntry = sqlite.prepare(
    `INSERT INTO journal_entries (id, association_id, seq, entry_date, kind, memo, currency, reverses_entry_id,
       source_type, source_id, created_at, created_by, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPosting = sqlite.prepare(
    `INSERT INTO postings (id, entry_id, line_no, association_id, entry_date, account_id, member_id, amount, memo)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertChange = sqlite.prepare(
    `INSERT INTO change_log (id, association_id, at, actor, channel, command, input_json, target_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const write = sqlite.transaction((e: RawEntry) => {
    insertEntry.run(...e.entry);
    for (const p of e.postings) insertPosting.run(...p);
    insertChange.run(...e.change);
  });

  const last = sqlite
    .prepare('SELECT seq, hash FROM journal_entries WHERE association_id = ? ORDER BY seq DESC LIMIT 1')
    .get(associationId) as { seq: number; hash: string } | undefined;
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;

  return {
    sqlite,
    precompute(inputs) {
      return inputs.map((input) => {
        const createdAt = new Date().toISOString();
        const head: HashableEntry = {
          id: uuidv7(), associationId, seq: ++seq, entryDate: input.date, kind: 'manual', memo: input.memo, currency: 'RWF',
          reversesEntryId: null, sourceType: null, sourceId: null, createdAt, createdBy: 'bench', prevHash,
        };
        const postings: HashablePosting[] = input.lines.map((l, i) => {
          // RWF has no minor unit: "3,500" is 3500 minor units.
          const units = Number((l.debit ?? l.credit)!.replace(/,/g, ''));
          return {
            id: uuidv7(), lineNo: i + 1, accountId: accountIds.get(l.account)!, memberId: l.memberId ?? null,
            amount: l.debit !== undefined ? units : -units, memo: null,
          };
        });
        const hash = entryHash(head, postings);
        prevHash = hash;
        return {
          entry: [head.id, associationId, head.seq, head.entryDate, head.kind, head.memo, head.currency, null, null, null,
            createdAt, head.createdBy, head.prevHash, hash],
          postings: postings.map((p) => [p.id, head.id, p.lineNo, associationId, head.entryDate, p.accountId, p.memberId,
            p.amount as number, p.memo]),
          change: [uuidv7(), associationId, createdAt, 'bench', 'bench', 'journal-entry-post', JSON.stringify(input), head.id],
        };
      });
    },
    post: (entry) => write.immediate(entry),
    close: () => sqlite.close(),
  };
}
