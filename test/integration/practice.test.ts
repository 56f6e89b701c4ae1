// The practice group, on a real ledger file: made at first start by whoever sits at
// the laptop, a first meeting held in it, and deleted in one step — leaving the real
// books exactly as they were, the file's checks clean after a restart (even one
// without a proper close), and every way of deleting real books through it refused.

import { readFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createServer } from '../../electron/server/server';
import { associationSeal } from '../../electron/server/integrity/digest';
import { tableScopes, scopeWhere, quoteName } from '../../electron/server/integrity/scope';
import { journalHead } from '../../electron/server/integrity/heads';
import { replaceAssociationRows } from '../../electron/server/backups/association-restore';
import { ADMINISTRATOR, door, KABEZA, PINNED_NOW, tableCounts, tempLedger, type Door, type TestLedger } from '../helpers/ledger';

const TRYING = { name: 'Nyiramana Odette', pin: '4826' } as const;

let t: TestLedger;
beforeEach(() => {
  t = tempLedger();
});
afterEach(() => t.cleanup());

/** Whoever sits at the laptop: nobody signed in. */
const stranger = (): Door => door(() => t.server);

/** A practice group made by a stranger at first start, and a door signed in to it as its treasurer. */
function practise(language: 'en' | 'rn' | 'sw' | 'rw' = 'en'): { id: string; practice: Door } {
  const practice = stranger();
  const made = practice.ok('practice-create', { language, treasurer: TRYING });
  practice.ok('session-sign-in', { associationId: made.id, userId: made.treasurerId, pin: TRYING.pin });
  return { id: made.id, practice };
}

/** Rows of every table that belong to the association (its own row included). */
function rowsOf(associationId: string): Record<string, number> {
  const sqlite = t.server.ledger.sqlite;
  return Object.fromEntries(tableScopes(sqlite).map((s) => [s.table, (sqlite.prepare(`SELECT count(*) AS n FROM main.${quoteName(s.table)} WHERE ${scopeWhere(s, 'main')}`).get(associationId) as { n: number }).n])
    .filter(([, n]) => (n as number) > 0));
}

/** A first meeting in the practice group: everyone buys 1–5 shares and pays the social fund; one member is late. */
function holdMeeting(practice: Door, id: string): void {
  const members = practice.ok('member-list', { associationId: id });
  const rows = members.map((m, i) => ({ memberId: m.id, attendance: 'present' as const, shares: (i % 5) + 1, socialFund: '200', ...(i === 9 ? { fineLate: '200' } : {}) }));
  // Shares 1+2+3+4+5 twice = 30 × 500 = 15,000; social fund 10 × 200 = 2,000; one fine 200: 17,200 in the box.
  practice.ok('meeting-close', { associationId: id, date: '2026-03-01', rows, cashCount: { box: '17,200' } });
}

describe('a practice group', () => {
  it('is made at first start by anyone, with ten members and a cycle from today, in the language’s country and currency', () => {
    const { id, practice } = practise('rn');
    const group = practice.ok('association-get', { associationId: id });
    expect(group).toMatchObject({ name: 'Umugwi w\'imyitozo', practice: true, country: 'BI', currency: 'BIF', language: 'rn', foundedOn: '2026-03-01', cell: '' });
    // Burundi's first listed province; the smaller levels are named as practice.
    expect(group.province).toBe('Buhumuza');
    expect([group.district, group.sector, group.village]).toEqual(['Imyitozo', 'Imyitozo', 'Imyitozo']);
    const members = practice.ok('member-list', { associationId: id });
    expect(members).toHaveLength(10);
    expect(members.filter((m) => m.gender === 'female')).toHaveLength(5);
    expect(members.map((m) => m.role).slice(0, 4)).toEqual(['chair', 'secretary', 'key_holder', 'key_holder']);
    expect(members[0]!.fullName).toBe('Ndayishimiye Claire');
    const [cycle] = practice.ok('cycle-list', { associationId: id });
    expect(cycle).toMatchObject({ name: 'Ikiringo c\'imyitozo', startsOn: '2026-03-01', endsOn: '2027-02-27' });
    // 1,000 Burundian francs a share (BIF has no minor unit), 500 to the social fund.
    expect(cycle!.rules[0]!.rules).toMatchObject({ savingMode: 'shares', sharePrice: '1000', minShares: 1, maxShares: 5, socialFund: '500' });
    // The real first start is still to come: the laptop has no real books and no administrator.
    expect(practice.ok('association-list', {}).map((a) => [a.practice, a.practisedBy])).toEqual([[true, TRYING.name]]);
  });

  it('holds a meeting like any group, then is deleted in one step, leaving the real books exactly as they were', () => {
    const { id, practice } = practise('en');
    // The real group is set up after the practice, through the real first start (the administrator named with it).
    const real = stranger().ok('association-create', { ...KABEZA, administrator: { ...ADMINISTRATOR } });
    t.signIn(real.id, KABEZA.treasurer.name);
    t.ok('member-add', { associationId: real.id, fullName: 'Uwase Diane', gender: 'female', joinedOn: '2025-02-01' });
    holdMeeting(practice, id);
    const meeting = practice.ok('meeting-list', { associationId: id });
    expect(meeting).toHaveLength(1);
    expect(practice.ok('account-balance-get', { associationId: id, account: '1010' }).balance).toBe('17200');

    const sqlite = t.server.ledger.sqlite;
    const realBefore = { seal: associationSeal(sqlite, real.id).seal, journal: journalHead(sqlite, real.id), rows: rowsOf(real.id) };
    expect(Object.keys(rowsOf(id))).toEqual(expect.arrayContaining(['associations', 'members', 'users', 'cycles', 'meetings', 'journal_entries', 'postings', 'change_log']));

    const deleted = practice.ok('practice-delete', { associationId: id, confirm: true });
    expect(deleted).toEqual({ associationId: id, name: 'Practice group' });
    // Nothing of it is left in any table; the real books are as they were, to the seal.
    expect(rowsOf(id)).toEqual({});
    expect({ seal: associationSeal(sqlite, real.id).seal, journal: journalHead(sqlite, real.id), rows: rowsOf(real.id) }).toEqual(realBefore);
    // Whoever was signed in to it is signed out; the laptop's own history says who deleted what.
    expect(practice.ok('session-get', {})).toBeNull();
    const laptopRow = sqlite.prepare("SELECT actor, input_json AS input FROM change_log WHERE association_id IS NULL AND command = 'practice-delete'").get() as { actor: string; input: string };
    expect(laptopRow.actor).toBe(TRYING.name);
    expect(JSON.parse(laptopRow.input)).toEqual({ name: 'Practice group' });
    expect(t.ok('association-list', {}).map((a) => a.name)).toEqual([KABEZA.name]);
    // Read before anyone signs in: a real group's list entry never names its treasurer.
    expect(stranger().ok('association-list', {}).map((a) => a.practisedBy)).toEqual([null]);

    // A restart finds the file whole: no group reported missing, every chain and seal as recorded.
    t.reopen();
    const report = t.server.checkFully();
    expect(report.problems).toEqual([]);
    expect(t.server.unresolvedProblems()).toEqual([]);
    const heads = JSON.parse(readFileSync(join(t.dir, 'ikimina-heads.json'), 'utf8')) as { associations: Record<string, unknown>; ledgers: Record<string, { associations: string[] }> };
    expect(Object.keys(heads.associations)).toEqual([real.id]);
    expect(Object.values(heads.ledgers).flatMap((l) => l.associations)).toEqual([real.id]);
  });

  it('leaves the file whole when the power goes right after the deletion (the heads let go of it first)', () => {
    const { id, practice } = practise('en');
    holdMeeting(practice, id);
    // Closed and opened again: the heads on the disk know the practice group.
    t.reopen();
    expect(readFileSync(join(t.dir, 'ikimina-heads.json'), 'utf8')).toContain(id);
    const users = practice.ok('user-sign-in-list', { associationId: id });
    practice.ok('session-sign-in', { associationId: id, userId: users[0]!.id, pin: TRYING.pin });
    // The laptop's clock stands still and no timer runs: the heads written after the
    // deletion (at most once a second, on a timer) never reach the disk, as in a power cut.
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    try {
      practice.ok('practice-delete', { associationId: id, confirm: true });
      // No close: a new server opens the file and the heads as the disk holds them.
      const after = createServer(t.file, { now: () => PINNED_NOW, backupDir: join(t.dir, 'backups') });
      try {
        // What the check on opening found (it runs before anything is written), then the full check.
        expect(after.unresolvedProblems()).toEqual([]);
        expect(after.checkFully().problems).toEqual([]);
      } finally {
        after.close();
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it('deletes nothing when the heads kept outside the file cannot be written', () => {
    const { id, practice } = practise('en');
    holdMeeting(practice, id);
    const before = rowsOf(id);
    // A folder where the heads file should be: writing the heads fails, as on a full or locked disk.
    const headsFile = join(t.dir, 'ikimina-heads.json');
    rmSync(headsFile, { force: true });
    mkdirSync(headsFile);
    const r = practice.call('practice-delete', { associationId: id, confirm: true });
    expect(r.ok ? 'deleted' : r.error.code).toBe('internal-error');
    expect(rowsOf(id)).toEqual(before);
    rmSync(headsFile, { recursive: true });
    // Once the heads can be written, the same step deletes it.
    expect(practice.ok('practice-delete', { associationId: id, confirm: true }).associationId).toBe(id);
    expect(rowsOf(id)).toEqual({});
  });

  it('leaves every backup file where it was: a file with a group’s id is no proof the group was practice', () => {
    const { id, practice } = practise('en');
    const real = stranger().ok('association-create', { ...KABEZA, administrator: { ...ADMINISTRATOR } });
    t.signIn(real.id, KABEZA.treasurer.name);
    t.ok('backup-create', { associationId: real.id });
    practice.ok('backup-create', { associationId: id });
    const folder = join(t.dir, 'backups');
    const before = readdirSync(folder).sort();
    expect(before).toHaveLength(2);
    practice.ok('practice-delete', { associationId: id, confirm: true });
    expect(readdirSync(folder).sort()).toEqual(before);
  });
});

describe('what a practice group never opens', () => {
  it('refuses to delete real books, in words, changing nothing — even asked by their own treasurer', () => {
    const real = stranger().ok('association-create', { ...KABEZA, administrator: { ...ADMINISTRATOR } });
    t.signIn(real.id, KABEZA.treasurer.name);
    const before = tableCounts(t);
    const r = t.call('practice-delete', { associationId: real.id, confirm: true });
    expect(r.ok ? 'deleted' : [r.error.code, r.error.message]).toEqual(['practice-only', `“${KABEZA.name}” holds real books: only a practice group can be deleted.`]);
    const unconfirmed = t.call('practice-delete', { associationId: real.id });
    expect(unconfirmed.ok ? 'deleted' : unconfirmed.error.code).toBe('practice-delete-needs-confirmation');
    expect(tableCounts(t)).toEqual(before);
  });

  it('refuses a practice officer another group’s books, and a practice member the deletion', () => {
    const { id, practice } = practise('en');
    const real = stranger().ok('association-create', { ...KABEZA, administrator: { ...ADMINISTRATOR } });
    const other = practice.call('practice-delete', { associationId: real.id, confirm: true });
    expect(other.ok ? 'deleted' : other.error.code).toBe('other-association');
    const [first] = practice.ok('member-list', { associationId: id });
    practice.ok('user-create', { associationId: id, name: 'A member', role: 'member', memberId: first!.id, pin: '7391' });
    const member = stranger();
    const users = member.ok('user-sign-in-list', { associationId: id });
    member.ok('session-sign-in', { associationId: id, userId: users.find((u) => u.name === 'A member')!.id, pin: '7391' });
    const refused = member.call('practice-delete', { associationId: id, confirm: true });
    expect(refused.ok ? 'deleted' : refused.error.code).toBe('role-refused');
    expect(t.ok('association-list', {})).toHaveLength(2);
  });

  it('keeps the flag as it was made: real books never become practice, not through SQL either', () => {
    const { id } = practise('en');
    const real = stranger().ok('association-create', { ...KABEZA, administrator: { ...ADMINISTRATOR } });
    const sqlite = t.server.ledger.sqlite;
    // Real books hold no flag at all (their seal is as it was before practice groups existed).
    expect(sqlite.prepare('SELECT id, practice FROM associations ORDER BY practice').all()).toEqual([{ id: real.id, practice: null }, { id, practice: 1 }]);
    expect(() => sqlite.prepare('UPDATE associations SET practice = 1 WHERE id = ?').run(real.id)).toThrow(/append-only/);
    expect(() => sqlite.prepare('UPDATE associations SET practice = NULL WHERE id = ?').run(id)).toThrow(/append-only/);
    // Someone who lifts the guard and flags real books by hand still cannot delete them: their history never began as practice.
    sqlite.exec('DROP TRIGGER associations_practice_fixed');
    sqlite.prepare('UPDATE associations SET practice = 1 WHERE id = ?').run(real.id);
    t.signIn(real.id, KABEZA.treasurer.name);
    const r = t.call('practice-delete', { associationId: real.id, confirm: true });
    expect(r.ok ? 'deleted' : r.error.code).toBe('practice-only');
    expect(t.ok('association-list', {}).map((a) => a.id)).toContain(real.id);
  });

  it('refuses a restore that would make real books a practice group, even from a backup whose history was made to agree', () => {
    const real = stranger().ok('association-create', { ...KABEZA, administrator: { ...ADMINISTRATOR } });
    t.signIn(real.id, KABEZA.treasurer.name);
    const backup = t.ok('backup-create', { associationId: real.id });
    // Someone works on the copy with Ikimina itself: the guard lifted by hand, the flag set,
    // then a command, so that the copy's history seals the flagged row as if it were so.
    const forged = createServer(backup.file, { now: () => PINNED_NOW, headsFile: null, pepperFile: join(t.dir, 'ikimina-pin.key') });
    forged.ledger.sqlite.exec('DROP TRIGGER associations_practice_fixed');
    forged.ledger.sqlite.prepare('UPDATE associations SET practice = 1 WHERE id = ?').run(real.id);
    const users = forged.call('user-sign-in-list', { associationId: real.id }, { channel: 'test', locale: 'en' });
    const session = forged.call('session-sign-in', { associationId: real.id, userId: users.ok ? users.value[0]!.id : '', pin: KABEZA.treasurer.pin }, { channel: 'test', locale: 'en' });
    expect(session.ok).toBe(true);
    forged.call('member-add', { associationId: real.id, fullName: 'Seal maker', gender: 'female', joinedOn: '2025-02-01' }, { channel: 'test', locale: 'en', session: session.ok ? session.value.token : '' });
    forged.close();
    const before = tableCounts(t);
    const r = t.call('backup-restore', { associationId: real.id, file: backup.file, confirm: true });
    // The backup's own checks refuse it first (its seal no longer matches what was checked when it opened).
    expect(r.ok ? 'restored' : r.error.code).toBe('backup-damaged');
    expect(tableCounts(t)).toEqual(before);
    // Behind those checks, the swap itself refuses to change the flag: tried directly with the flagged copy.
    const sqlite = t.server.ledger.sqlite;
    expect(() => replaceAssociationRows(sqlite, real.id, backup.file, () => undefined)).toThrow(expect.objectContaining({ code: 'restore-practice-changed' }));
    expect(tableCounts(t)).toEqual(before);
    expect(sqlite.prepare('SELECT practice FROM associations WHERE id = ?').pluck().get(real.id)).toBeNull();
  });

  it('names nobody for the laptop: a practice treasurer cannot become its administrator', () => {
    const { practice } = practise('en');
    const r = practice.call('administrator-create', { name: 'Intruder', pin: '9137' });
    expect(r.ok ? 'named' : r.error.code).toBe('practice-names-nobody');
    expect(stranger().ok('administrator-list', {})).toEqual([]);
  });

  it('is made by a stranger only while the laptop holds no real books; later by its administrator, five at most', () => {
    stranger().ok('association-create', { ...KABEZA, administrator: { ...ADMINISTRATOR } });
    const late = stranger().call('practice-create', { language: 'en', treasurer: TRYING });
    expect(late.ok ? 'made' : late.error.code).toBe('association-create-administrator-only');
    t.asAdministrator((admin) => {
      for (let i = 0; i < 5; i++) admin.ok('practice-create', { language: 'en', country: 'LR', treasurer: { name: `Trainee ${i}`, pin: TRYING.pin } });
      const sixth = admin.call('practice-create', { language: 'en', treasurer: TRYING });
      expect(sixth.ok ? 'made' : sixth.error.message).toBe('This laptop already has 5 practice groups. Delete one before starting another.');
    });
    const liberian = t.server.ledger.sqlite.prepare("SELECT DISTINCT country || ' ' || currency || ' ' || province FROM associations WHERE practice = 1").pluck().all();
    expect(liberian).toEqual(['LR LRD Bomi']);
  });

  it('lets the laptop’s administrator delete a practice whose PIN is forgotten, and still no real books', () => {
    const { id } = practise('en');
    const real = stranger().ok('association-create', { ...KABEZA, administrator: { ...ADMINISTRATOR } });
    t.asAdministrator((admin) => {
      const refused = admin.call('practice-delete', { associationId: real.id, confirm: true });
      expect(refused.ok ? 'deleted' : refused.error.code).toBe('practice-only');
      // Naming any association is for this command only: the administrator reads no group's books.
      const books = admin.call('member-list', { associationId: id });
      expect(books.ok ? 'read' : books.error.code).toBe('role-refused');
      expect(admin.ok('practice-delete', { associationId: id, confirm: true })).toEqual({ associationId: id, name: 'Practice group' });
    });
    const laptopRow = t.server.ledger.sqlite.prepare("SELECT actor FROM change_log WHERE association_id IS NULL AND command = 'practice-delete'").pluck().get();
    expect(laptopRow).toBe(ADMINISTRATOR.name);
    expect(t.ok('association-list', {}).map((a) => a.id)).toEqual([real.id]);
  });

  it('prints as practice on every statement, even renamed to look real, and asks for no backup', () => {
    const { id, practice } = practise('en');
    practice.ok('association-update', { associationId: id, name: 'Twiyubake Kabeza' });
    holdMeeting(practice, id);
    const statement = practice.ok('statement-get', { associationId: id, kind: 'financial-position', asOf: '2026-03-01' });
    expect(statement.association.name).toBe('Twiyubake Kabeza (PRACTICE: made-up books, not real)');
    const fr = t.server.call('statement-get', { associationId: id, kind: 'trial-balance', asOf: '2026-03-01' }, { channel: 'test', locale: 'fr', session: practice.session });
    expect(fr.ok && fr.value.association.name).toBe('Twiyubake Kabeza (ESSAI : livres inventés, pas réels)');
    expect(practice.ok('home-todo', { associationId: id }).backup).toBeNull();
  });

  it('never leaves the laptop for a coordinator', () => {
    const { id, practice } = practise('en');
    const r = practice.call('exchange-export', { associationId: id, folder: join(t.dir, 'usb') });
    expect(r.ok ? 'exported' : r.error.code).toBe('practice-not-exported');
    expect(existsSync(join(t.dir, 'usb'))).toBe(false);
  });
});
