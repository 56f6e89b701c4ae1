// Tampering that used to go unseen (issue 11, finding 4): each change made to the
// file behind Ikimina's back is reported when the file is next opened, to every
// signed-in person of the association it concerns, and stays reported (it is written
// into the history) until a treasurer or chair says it was looked into.

import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { door, KABEZA, smallBook, tempLedger, type TestLedger } from '../helpers/ledger';
import { createServer } from '../../electron/server/server';
import { rehash as rehashBook, withoutGuards } from '../helpers/tamper';

let t: TestLedger;
let associationId: string;
let memberId: string;

beforeEach(() => {
  t = tempLedger();
  const book = smallBook(t, 2);
  associationId = book.association.id;
  memberId = book.members[0]!.id;
  for (const [amount, date] of [['1000', '2025-02-01'], ['700', '2025-02-08'], ['300', '2025-02-15']] as const) {
    t.ok('journal-entry-post', {
      associationId, date, memo: `Saved ${amount}`,
      lines: [{ account: '1010', debit: amount }, { account: '2020', memberId, credit: amount }],
    });
  }
  expect(t.ok('ledger-health-get', {}).problems).toEqual([]);
});
afterEach(() => t.cleanup());

/** Closes the books, changes the file as an intruder with another program would, and opens it again. */
function tamper(change: (db: Database.Database) => void): string[] {
  t.server.close();
  const db = new Database(t.file);
  change(db);
  db.close();
  t.reopen();
  return t.ok('ledger-health-get', {}).problems.map((p) => p.code).sort();
}

describe('changes made behind Ikimina’s back are reported when the file opens', () => {
  it('the last entries removed', () => {
    const codes = tamper((db) => {
      const last = db.prepare('SELECT id FROM journal_entries WHERE association_id = ? ORDER BY seq DESC LIMIT 1').pluck().get(associationId) as string;
      withoutGuards(db, `DELETE FROM postings WHERE entry_id = '${last}'; DELETE FROM journal_entries WHERE id = '${last}'`);
    });
    expect(codes).toContain('integrity-entries-missing');
    // The chain itself still verifies: only the head kept outside the file shows it.
    expect(t.ok('journal-chain-verify', { associationId }).ok).toBe(true);
  });

  it('an entry edited and the whole chain recomputed with the published algorithm', () => {
    const codes = tamper((db) => {
      withoutGuards(db, `UPDATE postings SET amount = CASE WHEN amount > 0 THEN 10000 ELSE -10000 END WHERE entry_id = (SELECT id FROM journal_entries WHERE association_id = '${associationId}' AND seq = 1)`);
      rehashBook(db, associationId);
    });
    expect(t.ok('journal-chain-verify', { associationId }).ok).toBe(true);
    expect(codes).toContain('integrity-entries-rewritten');
  });

  for (const [what, sql] of [
    ['an account renamed', "UPDATE accounts SET name = 'Savings (moved)' WHERE code = '2010'"],
    ['the association’s currency changed', "UPDATE associations SET currency = 'USD'"],
    ['a user made chair', "UPDATE users SET role = 'chair' WHERE name <> 'Mukamana Aline'"],
    ['a member renamed', "UPDATE members SET full_name = 'Somebody Else' WHERE member_no = 1"],
  ] as const) {
    it(what, () => {
      if (what === 'a user made chair') t.ok('user-create', { associationId, name: 'Officer Jean', role: 'officer', pin: '3916' });
      expect(tamper((db) => withoutGuards(db, sql))).toEqual(['integrity-books-changed']);
    });
  }

  it('a row of the change log edited', () => {
    expect(tamper((db) => withoutGuards(db, "UPDATE change_log SET actor = 'Somebody Else' WHERE command = 'journal-entry-post'"))).toContain('integrity-history-broken');
  });

  it('a row of the change log removed', () => {
    expect(tamper((db) => withoutGuards(db, "DELETE FROM change_log WHERE command = 'member-add'"))).toContain('integrity-history-broken');
  });

  it('the laptop’s own records: an administrator renamed, said as the laptop’s and not as an association’s', () => {
    t.asAdministrator(() => null);
    expect(tamper((db) => db.exec("UPDATE administrators SET name = 'Somebody Else'"))).toEqual(['integrity-laptop-changed']);
    // The administrator's records belong to the file as a whole: the treasurer sees it too, in words about the laptop.
    expect(t.ok('ledger-health-get', {}).problems).toEqual([expect.objectContaining({ code: 'integrity-laptop-changed', associationId: null, params: {} })]);
  });

  it('an append-only guard removed', () => {
    expect(tamper((db) => db.exec('DROP TRIGGER journal_entries_no_update'))).toContain('integrity-schema-changed');
  });

  it('a whole association removed from the file', () => {
    const otherId = t.asAdministrator((admin) => admin.ok('association-create', { ...KABEZA, name: 'Twiteze imbere', treasurer: { name: 'Kamanzi Paul', pin: '7391' } }).id);
    t.server.close();
    const db = new Database(t.file);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT IN ('associations', 'administrators', '__drizzle_migrations') AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    withoutGuards(db, [...tables.filter((n) => db.prepare(`SELECT 1 FROM pragma_table_info('${n}') WHERE name = 'association_id'`).get()).map((n) => `DELETE FROM ${n} WHERE association_id = '${otherId}'`), `DELETE FROM associations WHERE id = '${otherId}'`].join(';'));
    db.close();
    t.reopen();
    const problems = t.asAdministrator((admin) => admin.ok('ledger-health-get', {})).problems;
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'integrity-association-missing', params: { id: otherId } })]));
  });

  it('a record of one association pointed at another association’s member', () => {
    const otherId = t.asAdministrator((admin) => admin.ok('association-create', { ...KABEZA, name: 'Twiteze imbere', treasurer: { name: 'Kamanzi Paul', pin: '7391' } }).id);
    const treasurer = door(() => t.server);
    const list = treasurer.ok('user-sign-in-list', { associationId: otherId });
    treasurer.ok('session-sign-in', { associationId: otherId, userId: list[0]!.id, pin: '7391' });
    const stranger = treasurer.ok('member-add', { associationId: otherId, fullName: 'Their Member', gender: 'male', joinedOn: '2025-02-01' });
    t.ok('user-create', { associationId, name: 'Officer Jean', role: 'officer', pin: '3916' });
    expect(t.server.checkFully().problems).toEqual([]);
    tamper((db) => withoutGuards(db, `UPDATE users SET member_id = '${stranger.id}' WHERE name = 'Officer Jean'`));
    const problems = t.server.checkFully().problems;
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'integrity-crossed-associations', params: { names: 'users.member_id' } })]));
  });

  it('but another ledger file opened on the same laptop is not taken for this one', () => {
    const other = createServer(join(t.dir, 'another-ledger.sqlite'));
    try {
      door(() => other).ok('association-create', { ...KABEZA, name: 'Abajura' });
      other.checkFully();
      expect(other.unresolvedProblems()).toEqual([]);
    } finally {
      other.close();
    }
    t.reopen();
    t.server.checkFully();
    expect(t.server.unresolvedProblems()).toEqual([]);
  });

  it('keeps the warning after people sign in and work, until a treasurer says it was looked into', () => {
    tamper((db) => withoutGuards(db, "UPDATE accounts SET name = 'Savings (moved)' WHERE code = '2010'"));
    t.ok('member-add', { associationId, fullName: 'New Member', gender: 'female', joinedOn: '2025-03-01' });
    t.reopen();
    expect(t.ok('ledger-health-get', {}).problems.map((p) => p.code)).toEqual(['integrity-books-changed']);
    const health = t.ok('ledger-check-acknowledge', { associationId, note: 'The secretary renamed it with another program; agreed at the meeting.' });
    expect(health.problems).toEqual([]);
    t.reopen();
    expect(t.ok('ledger-health-get', {}).problems).toEqual([]);
  });
});

describe('books that already hold an entry whose stored text differs from what was hashed (a lone surrogate, before inputs were checked)', () => {
  it('still back up — the backup names the entry — and the warning says which entry', () => {
    // What an old version stored for "Fine \ud83d paid": SQLite kept U+FFFD, the hash covered "\ud83d".
    const codes = tamper((db) => withoutGuards(db, `UPDATE journal_entries SET memo = 'Fine \uFFFD paid' WHERE association_id = '${associationId}' AND seq = 2`));
    expect(codes).toContain('integrity-journal-broken');
    const broken = t.ok('ledger-health-get', {}).problems.find((p) => p.code === 'integrity-journal-broken')!;
    expect(broken.params).toMatchObject({ seq: 2 });
    const backup = t.ok('backup-create', { associationId });
    expect(backup.problems.map((p) => p.code)).toContain('integrity-journal-broken');
    const whole = t.asAdministrator((admin) => admin.ok('ledger-backup-create', {}));
    expect(whole.problems.map((p) => p.code)).toContain('integrity-journal-broken');
    expect(t.server.autoBackup(0)).not.toBeNull();
    // Restoring such a backup is refused, naming the entry: it cannot be told from tampering.
    const restore = t.call('backup-restore', { associationId, file: backup.file, confirm: true });
    expect(restore.ok ? 'restored' : [restore.error.code, restore.error.params.seq]).toEqual(['backup-chain-broken', 2]);
  });
});
