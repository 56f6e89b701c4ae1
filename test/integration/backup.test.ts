// Backups of one association's books (its treasurer or chair): a file holding that
// association's rows only; restored into the ledger without touching any other
// association; refused when it is not a whole, untampered Ikimina backup of it.
// Issue 11, finding 1: a stranger, or an honest treasurer, can no longer copy or
// replace the whole file.

import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMINISTRATOR, KABEZA, smallBook, tableCounts, tempLedger, TEST_PIN, type TestLedger } from '../helpers/ledger';
import { AUTO_KEEP } from '../../electron/server/backups/whole-file';

let t: TestLedger;
let clock: Date;
let associationId: string;
let memberId: string;
/** A second association on the same laptop, with its own treasurer and books. */
let otherId: string;

beforeEach(() => {
  clock = new Date('2026-03-01T09:00:00Z');
  t = tempLedger({ now: () => clock });
  const book = smallBook(t, 1);
  associationId = book.association.id;
  memberId = book.members[0]!.id;
  otherId = t.asAdministrator((admin) =>
    admin.ok('association-create', { ...KABEZA, name: 'Twiteze imbere', treasurer: { name: 'Kamanzi Paul', pin: '7391' } }).id);
});
afterEach(() => t.cleanup());

function save(amount: string, date = '2025-02-01') {
  return t.ok('savings-brought-in', { associationId, date, members: [{ memberId, amount }] });
}

const savings = () => t.ok('member-savings-get', { associationId, memberId }).savings;

/** Every row of the other association, table by table: a restore of ours must leave it exactly so. */
function otherRows(): string {
  const sqlite = t.server.ledger.sqlite;
  return ['associations', 'accounts', 'users', 'journal_entries', 'postings', 'change_log', 'members']
    .map((table) => JSON.stringify(sqlite.prepare(`SELECT * FROM ${table} WHERE ${table === 'associations' ? 'id' : 'association_id'} = ? ORDER BY id`).all(otherId)))
    .join('\n');
}

function rowsIn(file: string, sql: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

describe('backups of one association', () => {
  it('holds that association’s rows and nothing of another’s, and logs who made it', () => {
    save('1,500');
    const usb = join(t.dir, 'usb-stick');
    const copy = t.ok('backup-create', { associationId, folder: usb });
    expect(copy.file.startsWith(usb)).toBe(true);
    expect(copy.associations).toEqual([
      expect.objectContaining({ id: associationId, name: KABEZA.name, members: 1, entries: 1, lastEntryDate: '2025-02-01' }),
    ]);
    expect(copy.associations[0]!.head).toMatchObject({ seq: 1 });
    // Not a row of the other association, its users or PIN hashes, nor the laptop's administrators.
    expect(rowsIn(copy.file, 'SELECT DISTINCT association_id AS a FROM users')).toEqual([{ a: associationId }]);
    expect(rowsIn(copy.file, 'SELECT id FROM associations')).toEqual([{ id: associationId }]);
    expect(rowsIn(copy.file, 'SELECT count(*) AS n FROM administrators')).toEqual([{ n: 0 }]);
    expect(readFileSync(copy.file).includes(Buffer.from('Kamanzi Paul'))).toBe(false);
    expect(readFileSync(copy.file).includes(Buffer.from('Twiteze imbere'))).toBe(false);
    const again = t.ok('backup-create', { associationId });
    expect(again.file.startsWith(join(t.dir, 'backups'))).toBe(true);
    const log = t.server.ledger.sqlite.prepare("SELECT actor, association_id AS a FROM change_log WHERE command = 'backup-create'").all();
    expect(log).toEqual([{ actor: KABEZA.treasurer.name, a: associationId }, { actor: KABEZA.treasurer.name, a: associationId }]);
    expect(t.ok('backup-list', { associationId }).backups.map((b) => b.file)).toEqual([again.file]);
  });

  it('never overwrites a backup made in the same second', () => {
    const first = t.ok('backup-create', { associationId });
    const second = t.ok('backup-create', { associationId });
    expect(second.file).not.toBe(first.file);
    expect(existsSync(first.file) && existsSync(second.file)).toBe(true);
  });

  it('backs up the whole file automatically at most once a day, keeping the newest ones (the administrator lists them)', () => {
    expect(t.server.autoBackup(24)).not.toBeNull();
    clock = new Date(clock.getTime() + 3600_000);
    expect(t.server.autoBackup(24)).toBeNull();
    for (let day = 1; day <= AUTO_KEEP + 3; day++) {
      clock = new Date(clock.getTime() + 25 * 3600_000);
      expect(t.server.autoBackup(24)).not.toBeNull();
    }
    const kept = t.asAdministrator((admin) => admin.ok('ledger-backup-list', {})).backups;
    expect(kept).toHaveLength(AUTO_KEEP);
    // On close a backup is made whatever the age of the last one.
    expect(t.server.autoBackup(0)).not.toBeNull();
  });
});

describe('restoring one association', () => {
  it('shows what a backup holds, then puts this association back, leaving the other exactly as it was', () => {
    save('1,000');
    const backup = t.ok('backup-create', { associationId });
    save('700', '2025-02-08');
    expect(savings()).toBe('1700');
    const other = otherRows();

    const shown = t.ok('backup-inspect', { associationId, file: backup.file });
    expect(shown.associations).toEqual([expect.objectContaining({ name: KABEZA.name, entries: 1, members: 1 })]);

    const unconfirmed = t.call('backup-restore', { associationId, file: backup.file });
    expect(unconfirmed.ok ? null : unconfirmed.error.code).toBe('restore-needs-confirmation');
    expect(savings()).toBe('1700');

    const restored = t.ok('backup-restore', { associationId, file: backup.file, confirm: true });
    expect(restored.associationId).toBe(associationId);
    // The association's people sign in again after a restore.
    const after = t.call('member-savings-get', { associationId, memberId });
    expect(after.ok ? null : after.error.code).toBe('sign-in-required');
    t.signIn(associationId, KABEZA.treasurer.name);
    expect(savings()).toBe('1000');
    expect(t.ok('journal-chain-verify', { associationId })).toMatchObject({ ok: true, entries: 1 });
    expect(otherRows()).toBe(other);
    // The restore is the next row of the association's history; the books as they were are kept, whole.
    const log = t.server.ledger.sqlite.prepare("SELECT actor, association_id AS a FROM change_log WHERE command = 'backup-restore'").all();
    expect(log).toEqual([{ actor: KABEZA.treasurer.name, a: associationId }]);
    expect(rowsIn(restored.keptAside, 'SELECT count(*) AS n FROM journal_entries')).toEqual([{ n: 2 }]);
    // The books still pass every check after the restore, and after a restart.
    expect(t.server.checkFully().problems).toEqual([]);
    t.reopen();
    expect(t.ok('ledger-health-get', {}).problems).toEqual([]);
  });

  it('takes only this association from a whole-file backup, and says so when the backup does not hold it', () => {
    save('1,000');
    const whole = t.asAdministrator((admin) => admin.ok('ledger-backup-create', {}));
    save('700', '2025-02-08');
    const other = otherRows();
    const shown = t.ok('backup-inspect', { associationId, file: whole.file });
    // A treasurer learns nothing of the other associations in it.
    expect(shown.associations.map((a) => a.id)).toEqual([associationId]);
    t.ok('backup-restore', { associationId, file: whole.file, confirm: true });
    t.signIn(associationId, KABEZA.treasurer.name);
    expect(savings()).toBe('1000');
    expect(otherRows()).toBe(other);

    // The other association's own backup holds nothing of ours.
    t.signIn(otherId, 'Kamanzi Paul', '7391');
    const theirs = t.ok('backup-create', { associationId: otherId });
    t.signIn(associationId, KABEZA.treasurer.name);
    const r = t.call('backup-restore', { associationId, file: theirs.file, confirm: true });
    expect(r.ok ? 'restored' : r.error.code).toBe('backup-other-association');
  });

  it('refuses a file that is not a backup, a truncated one and a tampered one, changing nothing', () => {
    save('1,000');
    const good = t.ok('backup-create', { associationId });
    const notes = join(t.dir, 'notes.sqlite');
    writeFileSync(notes, 'Minutes: twenty members came, 5,000 Frw collected.\n'.repeat(50));
    const truncated = join(t.dir, 'truncated.sqlite');
    writeFileSync(truncated, readFileSync(good.file).subarray(0, Math.floor(readFileSync(good.file).length / 2)));
    const other = join(t.dir, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE contacts (name TEXT)');
    db.close();
    const tampered = join(t.dir, 'tampered.sqlite');
    copyFileSync(good.file, tampered);
    const raw = new Database(tampered);
    raw.exec("DROP TRIGGER journal_entries_no_update; UPDATE journal_entries SET memo = 'Saved 10,000'");
    raw.close();
    const renamed = join(t.dir, 'renamed.sqlite');
    copyFileSync(good.file, renamed);
    const edit = new Database(renamed);
    edit.prepare('UPDATE members SET full_name = ? WHERE id = ?').run('Somebody Else', memberId);
    edit.close();

    const before = tableCounts(t);
    const filesBefore = readdirSync(t.dir).sort();
    for (const [file, code] of [
      [notes, 'backup-not-ikimina'], [truncated, 'backup-damaged'], [other, 'backup-not-ikimina'],
      [tampered, 'backup-chain-broken'], [renamed, 'backup-books-changed'], [join(t.dir, 'missing.sqlite'), 'backup-not-found'],
      [t.file, 'restore-same-file'],
    ] as const) {
      const r = t.call('backup-restore', { associationId, file, confirm: true });
      expect(r.ok ? `${file} restored` : r.error.code).toBe(code);
    }
    expect(tableCounts(t)).toEqual(before);
    expect(readdirSync(t.dir).sort()).toEqual(filesBefore);
    expect(savings()).toBe('1000');
  });

  it('lets only a treasurer or chair back up or restore, and never the whole file', () => {
    t.ok('user-create', { associationId, name: 'Officer Jean', role: 'officer', pin: '3916' });
    const whole = t.asAdministrator((admin) => admin.ok('ledger-backup-create', {}));
    // The treasurer may not touch the whole file.
    for (const [name, input] of [['ledger-backup-create', {}], ['ledger-backup-restore', { file: whole.file, confirm: true }], ['ledger-backup-list', {}]] as const) {
      const r = t.call(name, input);
      expect(`${name}: ${r.ok ? 'allowed' : r.error.code}`).toBe(`${name}: role-refused`);
    }
    t.ok('session-sign-out', {});
    t.signIn(associationId, 'Officer Jean', '3916');
    for (const [name, input] of [['backup-create', { associationId }], ['backup-restore', { associationId, file: whole.file, confirm: true }]] as const) {
      const r = t.call(name, input);
      expect(r.ok ? 'allowed' : r.error.code).toBe('role-refused');
    }
  });
});

describe('a stranger at the laptop (issue 11, finding 1)', () => {
  it('cannot create an association, name an administrator, back up or restore anything', () => {
    save('1,000');
    const whole = t.asAdministrator((admin) => admin.ok('ledger-backup-create', {}));
    t.ok('session-sign-out', {});
    const before = tableCounts(t);
    const attempts: [string, unknown][] = [
      ['association-create', { ...KABEZA, name: 'Abajura', treasurer: { name: 'Stranger', pin: '5319' } }],
      ['administrator-create', { name: 'Stranger', pin: '5319' }],
      ['backup-create', { associationId }],
      ['ledger-backup-create', {}],
      ['ledger-backup-restore', { file: whole.file, confirm: true }],
      ['backup-restore', { associationId, file: whole.file, confirm: true }],
    ];
    for (const [name, input] of attempts) {
      const r = t.call(name, input);
      expect(`${name}: ${r.ok ? 'allowed' : 'refused'}`).toBe(`${name}: refused`);
    }
    expect(tableCounts(t)).toEqual(before);
  });

  it('the administrator’s PIN opens no association’s books', () => {
    const r = t.asAdministrator((admin) => admin.call('member-list', { associationId }));
    expect(r.ok ? 'read' : r.error.code).toBe('role-refused');
    expect(ADMINISTRATOR.pin).not.toBe(TEST_PIN);
  });
});
