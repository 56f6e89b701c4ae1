// Prepared SQL for the journal's hot paths, made once per connection. Posting an
// entry runs these hundreds of times a meeting; preparing them once keeps the
// server close to raw SQLite speed (see `npm run bench`).

import type Database from 'better-sqlite3';

const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

export function statementsFor(sqlite: Database.Database) {
  let st = cache.get(sqlite);
  if (!st) {
    st = prepare(sqlite);
    cache.set(sqlite, st);
  }
  return st;
}

function prepare(sqlite: Database.Database) {
  return {
    associationForPosting: sqlite.prepare('SELECT currency, founded_on, read_only FROM associations WHERE id = ?'),
    lastEntry: sqlite.prepare('SELECT seq, hash FROM journal_entries WHERE association_id = ? ORDER BY seq DESC LIMIT 1'),
    accountInAssociation: sqlite.prepare('SELECT per_member, code, purpose FROM accounts WHERE id = ? AND association_id = ?'),
    memberInAssociation: sqlite.prepare('SELECT full_name, exited_on FROM members WHERE id = ? AND association_id = ?'),
    insertEntry: sqlite.prepare(
      `INSERT INTO journal_entries (id, association_id, seq, entry_date, kind, memo, currency, reverses_entry_id,
         source_type, source_id, created_at, created_by, prev_hash, hash)
       VALUES (@id, @associationId, @seq, @entryDate, @kind, @memo, @currency, @reversesEntryId,
         @sourceType, @sourceId, @createdAt, @createdBy, @prevHash, @hash)`,
    ),
    insertPosting: sqlite.prepare(
      `INSERT INTO postings (id, entry_id, line_no, association_id, entry_date, account_id, member_id, amount, memo)
       VALUES (@id, @entryId, @lineNo, @associationId, @entryDate, @accountId, @memberId, @amount, @memo)`,
    ),
  };
}
