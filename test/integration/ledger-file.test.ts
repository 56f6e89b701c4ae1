// The whole ledger file, the laptop administrator's: named at first start with their
// own PIN, adding associations, whole-file backups and restores that cannot lose
// anything (issue 11, finding 2).

import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMINISTRATOR, administratorDoor, door, KABEZA, smallBook, tableCounts, tempLedger, type TestLedger } from '../helpers/ledger';

let t: TestLedger;
let associationId: string;
let memberId: string;

beforeEach(() => {
  t = tempLedger();
  const book = smallBook(t, 1);
  associationId = book.association.id;
  memberId = book.members[0]!.id;
});
afterEach(() => t.cleanup());

function save(amount: string, date = '2025-02-01') {
  return t.ok('journal-entry-post', {
    associationId, date, memo: `Saved ${amount}`,
    lines: [{ account: '1010', debit: amount }, { account: '2020', memberId, credit: amount }],
  });
}

const entries = () => (t.server.ledger.sqlite.prepare('SELECT count(*) AS n FROM journal_entries WHERE association_id = ?').get(associationId) as { n: number }).n;

describe('the laptop administrator', () => {
  it('is named at first start with their own PIN, and alone adds another association', () => {
    const fresh = tempLedger();
    try {
      const anyone = door(() => fresh.server);
      const created = anyone.ok('association-create', { ...KABEZA, administrator: { ...ADMINISTRATOR } });
      expect(created.administratorId).toEqual(expect.any(String));
      expect(anyone.ok('administrator-list', {})).toEqual([{ id: created.administratorId, name: ADMINISTRATOR.name }]);
      // Once the laptop holds books, no one without the administrator's PIN adds an association or another administrator.
      const second = anyone.call('association-create', { ...KABEZA, name: 'Abajura' });
      expect(second.ok ? 'created' : second.error.code).toBe('association-create-administrator-only');
      const claim = anyone.call('administrator-create', { name: 'Stranger', pin: '5319' });
      expect(claim.ok ? 'named' : claim.error.code).toBe('sign-in-required');
      const wrong = anyone.call('administrator-sign-in', { administratorId: created.administratorId, pin: '1357' });
      expect(wrong.ok ? 'in' : wrong.error.code).toBe('pin-wrong');
      const admin = administratorDoor(() => fresh.server);
      const other = admin.ok('association-create', { ...KABEZA, name: 'Abajura' });
      expect(other.administratorId).toBeNull();
      // Both associations' histories, and the laptop's, say who added what.
      const log = fresh.server.ledger.sqlite.prepare("SELECT association_id AS a, actor, command FROM change_log WHERE command IN ('association-create', 'administrator-create') ORDER BY seq, association_id").all();
      expect(log).toEqual(expect.arrayContaining([
        { a: created.id, actor: 'unknown', command: 'association-create' },
        { a: null, actor: KABEZA.treasurer.name, command: 'administrator-create' },
        { a: other.id, actor: ADMINISTRATOR.name, command: 'association-create' },
      ]));
    } finally {
      fresh.cleanup();
    }
  });

  it('on books from before administrators existed, is named by a treasurer or chair — once', () => {
    const officer = t.ok('user-create', { associationId, name: 'Officer Jean', role: 'officer', pin: '3916' });
    void officer;
    const asOfficer = door(() => t.server);
    const list = asOfficer.ok('user-sign-in-list', { associationId });
    asOfficer.ok('session-sign-in', { associationId, userId: list.find((u) => u.name === 'Officer Jean')!.id, pin: '3916' });
    const refused = asOfficer.call('administrator-create', { name: 'Officer Jean', pin: '3916' });
    expect(refused.ok ? 'named' : refused.error.code).toBe('role-refused');
    t.ok('administrator-create', { ...ADMINISTRATOR });
    // The association's own history says who may now copy or replace its books.
    const named = t.server.ledger.sqlite.prepare("SELECT association_id AS a, actor, input_json AS input FROM change_log WHERE command = 'administrator-create' ORDER BY association_id").all();
    expect(named).toEqual([
      { a: null, actor: KABEZA.treasurer.name, input: expect.stringContaining(ADMINISTRATOR.name) },
      { a: associationId, actor: KABEZA.treasurer.name, input: expect.stringContaining(ADMINISTRATOR.name) },
    ]);
    const again = t.call('administrator-create', { name: 'Second', pin: '4826' });
    expect(again.ok ? 'named' : again.error.code).toBe('role-refused');
  });
});

describe('automatic backups', () => {
  it('that fail are shown to everyone signed in, not only logged, until one succeeds', () => {
    const broken = tempLedger();
    try {
      // The backups folder cannot be made: a file stands where it should be.
      writeFileSync(join(broken.dir, 'backups'), 'not a folder');
      const book = smallBook(broken, 1);
      void book;
      expect(broken.server.autoBackup(0)).toBeNull();
      const health = broken.ok('ledger-health-get', {});
      expect(health.backupFailure).toMatchObject({ code: 'backup-folder-unwritable' });
      rmSync(join(broken.dir, 'backups'));
      expect(broken.server.autoBackup(0)).not.toBeNull();
      expect(broken.ok('ledger-health-get', {}).backupFailure).toBeNull();
    } finally {
      broken.cleanup();
    }
  });
});

describe('whole-file backup and restore', () => {
  it('restores the whole file, keeps the current one under a new name, and every association’s history records it', () => {
    save('1,000');
    const admin = administratorDoor(() => t.server, door(() => t.server, t.session));
    const otherId = admin.ok('association-create', { ...KABEZA, name: 'Twiteze imbere', treasurer: { name: 'Kamanzi Paul', pin: '7391' } }).id;
    const backup = admin.ok('ledger-backup-create', {});
    expect(backup.associations.map((a) => a.name).sort()).toEqual([KABEZA.name, 'Twiteze imbere']);
    // The copy of everyone's books is in everyone's history, and the laptop's.
    const copied = t.server.ledger.sqlite.prepare("SELECT association_id AS a, actor FROM change_log WHERE command = 'ledger-backup-create' ORDER BY association_id").all();
    expect(copied).toEqual([{ a: null, actor: ADMINISTRATOR.name }, ...[associationId, otherId].sort().map((a) => ({ a, actor: ADMINISTRATOR.name }))]);
    save('700', '2025-02-08');
    expect(entries()).toBe(2);
    const shown = admin.ok('ledger-backup-inspect', { file: backup.file });
    expect(shown.problems).toEqual([]);
    const restored = admin.ok('ledger-backup-restore', { file: backup.file, confirm: true });
    expect(existsSync(restored.keptAside)).toBe(true);
    expect(entries()).toBe(1);
    const kept = new Database(restored.keptAside, { readonly: true });
    expect(kept.prepare('SELECT count(*) AS n FROM journal_entries').get()).toEqual({ n: 2 });
    kept.close();
    const log = t.server.ledger.sqlite.prepare("SELECT association_id AS a, actor FROM change_log WHERE command = 'ledger-backup-restore' ORDER BY association_id").all();
    expect(log).toEqual([{ a: null, actor: ADMINISTRATOR.name }, ...[associationId, otherId].sort().map((a) => ({ a, actor: ADMINISTRATOR.name }))]);
    // Everyone signs in again; the restored books pass every check.
    const after = admin.call('ledger-backup-list', {});
    expect(after.ok ? 'still in' : after.error.code).toBe('sign-in-required');
    expect(t.server.checkFully().problems).toEqual([]);
  });

  it('keeps both earlier files when two restores happen within one second', () => {
    save('1,000');
    const admin = administratorDoor(() => t.server, door(() => t.server, t.session));
    const backup = admin.ok('ledger-backup-create', {});
    const first = admin.ok('ledger-backup-restore', { file: backup.file, confirm: true });
    const again = administratorDoor(() => t.server);
    const second = again.ok('ledger-backup-restore', { file: backup.file, confirm: true });
    expect(second.keptAside).not.toBe(first.keptAside);
    expect(existsSync(first.keptAside) && existsSync(second.keptAside)).toBe(true);
  });

  it('takes the newest pages from a copied file’s -wal', () => {
    save('1,000');
    save('700', '2025-02-08');
    // Someone copies the open ledger with its -wal to a USB stick, as a backup.
    expect(existsSync(`${t.file}-wal`)).toBe(true);
    const usb = join(t.dir, 'usb');
    mkdirSync(usb);
    copyFileSync(t.file, join(usb, 'ledger.sqlite'));
    copyFileSync(`${t.file}-wal`, join(usb, 'ledger.sqlite-wal'));
    save('300', '2025-02-15');
    const admin = administratorDoor(() => t.server, door(() => t.server, t.session));
    admin.ok('ledger-backup-restore', { file: join(usb, 'ledger.sqlite'), confirm: true });
    expect(entries()).toBe(2);
  });

  it('refuses at inspection a backup written by a newer Ikimina, and changes nothing', () => {
    const admin = administratorDoor(() => t.server, door(() => t.server, t.session));
    const backup = admin.ok('ledger-backup-create', {});
    const raw = new Database(backup.file);
    raw.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('a-step-from-the-future', Date.now() + 1e9);
    raw.close();
    const before = tableCounts(t);
    const files = readdirSync(t.dir).sort();
    for (const name of ['ledger-backup-inspect', 'ledger-backup-restore'] as const) {
      const r = admin.call(name, name === 'ledger-backup-inspect' ? { file: backup.file } : { file: backup.file, confirm: true });
      expect(`${name}: ${r.ok ? 'accepted' : r.error.code}`).toBe(`${name}: backup-newer`);
    }
    const scoped = t.call('backup-inspect', { associationId, file: backup.file });
    expect(scoped.ok ? 'accepted' : scoped.error.code).toBe('backup-newer');
    expect(tableCounts(t)).toEqual(before);
    expect(readdirSync(t.dir).sort()).toEqual(files);
  });
});
