// Backups and restore: checked copies, automatic backups kept in rotation, and a
// restore that shows what it holds first, needs confirmation, keeps the current file
// aside, and refuses anything that is not a whole Ikimina backup.

import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KABEZA, smallBook, tableCounts, tempLedger, type TestLedger } from '../helpers/ledger';
import { AUTO_KEEP } from '../../electron/server/backup/backup';

let t: TestLedger;
let clock: Date;
let associationId: string;
let memberId: string;

beforeEach(() => {
  clock = new Date('2026-03-01T09:00:00Z');
  t = tempLedger({ now: () => clock });
  const book = smallBook(t, 1);
  associationId = book.association.id;
  memberId = book.members[0]!.id;
});
afterEach(() => t.cleanup());

function save(amount: string, date = '2025-02-01') {
  return t.ok('journal-entry-post', {
    associationId, date, memo: `Saved ${amount}`,
    lines: [{ account: '1010', debit: amount }, { account: '2010', memberId, credit: amount }],
  });
}

const savings = () => t.ok('member-savings-get', { associationId, memberId }).savings;

describe('backups', () => {
  it('makes a checked copy on demand, to the backups folder or a chosen folder, and logs who made it', () => {
    save('1,500');
    const usb = join(t.dir, 'usb-stick');
    const copy = t.ok('backup-create', { associationId, folder: usb });
    expect(copy.file.startsWith(usb)).toBe(true);
    expect(copy.associations).toEqual([{ id: associationId, name: KABEZA.name, members: 1, entries: 1, lastEntryDate: '2025-02-01' }]);
    const again = t.ok('backup-create', { associationId });
    expect(again.file.startsWith(join(t.dir, 'backups'))).toBe(true);
    const log = t.server.ledger.sqlite.prepare("SELECT actor FROM change_log WHERE command = 'backup-create'").all();
    expect(log).toEqual([{ actor: KABEZA.treasurer.name }, { actor: KABEZA.treasurer.name }]);
  });

  it('backs up automatically at most once a day, keeping the newest ones', () => {
    expect(t.server.autoBackup(24)).not.toBeNull();
    clock = new Date(clock.getTime() + 3600_000);
    expect(t.server.autoBackup(24)).toBeNull();
    for (let day = 1; day <= AUTO_KEEP + 3; day++) {
      clock = new Date(clock.getTime() + 25 * 3600_000);
      expect(t.server.autoBackup(24)).not.toBeNull();
    }
    t.signIn(associationId, KABEZA.treasurer.name); // days passed: the session had ended
    const kept = t.ok('backup-list', { associationId }).backups;
    expect(kept).toHaveLength(AUTO_KEEP);
    // On close a backup is made whatever the age of the last one.
    expect(t.server.autoBackup(0)).not.toBeNull();
  });
});

describe('restore', () => {
  it('shows what a backup holds, then replaces the books, keeping the current file aside', () => {
    save('1,000');
    const backup = t.ok('backup-create', { associationId });
    save('700', '2025-02-08');
    expect(savings()).toBe('1700');

    const shown = t.ok('backup-inspect', { associationId, file: backup.file });
    expect(shown.associations[0]).toMatchObject({ name: KABEZA.name, entries: 1, members: 1 });

    const unconfirmed = t.call('backup-restore', { associationId, file: backup.file });
    expect(unconfirmed.ok ? null : unconfirmed.error.code).toBe('restore-needs-confirmation');
    expect(savings()).toBe('1700');

    const restored = t.ok('backup-restore', { associationId, file: backup.file, confirm: true });
    expect(existsSync(restored.keptAside)).toBe(true);
    // Everyone signs in again after a restore.
    const after = t.call('member-savings-get', { associationId, memberId });
    expect(after.ok ? null : after.error.code).toBe('sign-in-required');
    t.signIn(associationId, KABEZA.treasurer.name);
    expect(savings()).toBe('1000');
    expect(t.ok('journal-chain-verify', { associationId })).toMatchObject({ ok: true, entries: 1 });
    // The restore is in the restored books' history; the books as they were are aside, whole.
    const log = t.server.ledger.sqlite.prepare("SELECT actor, input_json FROM change_log WHERE command = 'backup-restore'").all() as { actor: string; input_json: string }[];
    expect(log).toHaveLength(1);
    expect(log[0]!.actor).toBe(KABEZA.treasurer.name);
    const aside = new Database(restored.keptAside, { readonly: true });
    expect(aside.prepare('SELECT count(*) AS n FROM journal_entries').get()).toEqual({ n: 2 });
    aside.close();
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

    const before = tableCounts(t);
    const filesBefore = readdirSync(t.dir).sort();
    for (const [file, code] of [
      [notes, 'backup-not-ikimina'], [truncated, 'backup-damaged'], [other, 'backup-not-ikimina'],
      [tampered, 'backup-chain-broken'], [join(t.dir, 'missing.sqlite'), 'backup-not-found'], [t.file, 'restore-same-file'],
    ] as const) {
      const r = t.call('backup-restore', { associationId, file, confirm: true });
      expect(r.ok ? `${file} restored` : r.error.code).toBe(code);
    }
    expect(tableCounts(t)).toEqual(before);
    expect(readdirSync(t.dir).sort()).toEqual(filesBefore);
    expect(savings()).toBe('1000');
  });

  it('lets only a treasurer or chair back up or restore', () => {
    t.ok('user-create', { associationId, name: 'Officer Jean', role: 'officer', pin: '3916' });
    t.ok('session-sign-out', {});
    t.signIn(associationId, 'Officer Jean', '3916');
    for (const [name, input] of [['backup-create', { associationId }], ['backup-restore', { associationId, file: t.file, confirm: true }]] as const) {
      const r = t.call(name, input);
      expect(r.ok ? 'allowed' : r.error.code).toBe('role-refused');
    }
  });
});
