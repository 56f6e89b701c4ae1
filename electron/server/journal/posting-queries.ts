// Raw SQL for the journal's hot path, made once per connection in the one statement
// cache. Posting an entry runs these hundreds of times a meeting; raw statements keep
// the server close to raw SQLite speed (see `npm run bench`), and their rows are typed
// from the schema below.

import type Database from 'better-sqlite3';
import type { accounts, associations, journalEntries, members } from '../../../db/schema';
import { typedQuery, type RowOf } from '../prepared';

export type AssociationForPosting = RowOf<typeof associations, 'currency' | 'foundedOn' | 'readOnly'>;
export type LastEntry = RowOf<typeof journalEntries, 'seq' | 'hash'>;
export type AccountForPosting = RowOf<typeof accounts, 'perMember' | 'code' | 'purpose'>;
export type MemberForPosting = RowOf<typeof members, 'fullName' | 'exitedOn'>;

export const statementsFor = typedQuery((_db, sqlite) => prepare(sqlite));

function prepare(sqlite: Database.Database) {
  return {
    associationForPosting: sqlite.prepare('SELECT currency, founded_on AS foundedOn, (read_only OR EXISTS (SELECT 1 FROM exchange_sources s WHERE s.association_id = associations.id)) AS readOnly FROM associations WHERE id = ?'),
    lastEntry: sqlite.prepare('SELECT seq, hash FROM journal_entries WHERE association_id = ? ORDER BY seq DESC LIMIT 1'),
    accountInAssociation: sqlite.prepare('SELECT per_member AS perMember, code, purpose FROM accounts WHERE id = ? AND association_id = ?'),
    memberInAssociation: sqlite.prepare('SELECT full_name AS fullName, exited_on AS exitedOn FROM members WHERE id = ? AND association_id = ?'),
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
