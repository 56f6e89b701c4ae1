// The ledger exchange (issue 15): a treasurer's books exported as one signed file and
// imported on a coordinator's laptop — the same statements there, the same file twice
// changing nothing, a newer file adding only what is new, a laptop restored from an
// old backup kept aside as a conflict, a new laptop key reported, and bad files refused
// with nothing of them kept.

import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from '../../electron/server/server';
import { runAsyncCommand } from '../../electron/server/async-commands';
import { door, smallBook, tableCounts, tempLedger, type TestLedger, KABEZA, PINNED_NOW } from '../helpers/ledger';
import { buildGrantFixture } from '../helpers/grant-fixture';
import { coordinatorLaptop, editManifest, importInto } from '../helpers/exchange';
import { laptopKeyFromFile, newLaptopKey } from '../../electron/server/auth/laptop-key';
import { verifyChain } from '../../electron/server/journal/verify';
import type { StatementRequest } from '../../electron/server/statements/model';

let t: TestLedger;
let c: TestLedger;
let a: string;
let ids: string[];
let out: string;

/** What the box holds by the books (raw SQL: the test's own count, not the app's). */
function boxBalance(asOf: string): bigint {
  return BigInt(t.server.ledger.sqlite.prepare(`SELECT coalesce(sum(p.amount), 0) FROM postings p JOIN accounts x ON x.id = p.account_id
    WHERE p.association_id = ? AND x.code = '1010' AND p.entry_date <= ?`).pluck().get(a, asOf) as number);
}
function meeting(date: string, amounts: [string, string]) {
  const box = boxBalance(date) + BigInt(amounts[0].replace(',', '')) + BigInt(amounts[1].replace(',', '')) + 400n;
  t.ok('meeting-close', {
    associationId: a, date, cashCount: { box: box.toString() },
    rows: [{ memberId: ids[0]!, attendance: 'present', savings: amounts[0], socialFund: '200' }, { memberId: ids[1]!, attendance: 'present', savings: amounts[1], socialFund: '200' }],
  });
}

function exportNow(folder = out): string {
  return t.ok('exchange-export', { associationId: a, folder }).file;
}

beforeEach(() => {
  t = tempLedger();
  out = mkdtempSync(join(tmpdir(), 'ikimina-exchange-'));
  const { association, members } = smallBook(t, 2);
  a = association.id;
  ids = members.map((m) => m.id);
  t.ok('cycle-create', { associationId: a, name: 'Cycle 2025', startsOn: '2025-01-15', endsOn: '2025-12-31', rules: { savingMode: 'savings', socialFund: '200', loanMonthlyRatePercent: '5' } });
  meeting('2025-02-07', ['6,000', '3,000']);
  const loan = t.ok('loan-apply', { associationId: a, memberId: ids[1]!, principal: '2,000', instalments: 1, date: '2025-02-10', purpose: 'Seeds' });
  t.ok('loan-approve', { associationId: a, loanId: loan.id, date: '2025-02-10' });
  t.ok('loan-disburse', { associationId: a, loanId: loan.id, date: '2025-02-10' });
  buildGrantFixture((name, input) => t.ok(name as never, input as never), a);
  c = coordinatorLaptop();
});

afterEach(() => {
  t?.cleanup();
  c?.cleanup();
  rmSync(out, { recursive: true, force: true });
});

const STATEMENTS: Omit<StatementRequest, 'associationId'>[] = [
  { kind: 'trial-balance', asOf: '2026-02-28' },
  { kind: 'financial-position', asOf: '2026-02-28' },
  { kind: 'loan-portfolio', asOf: '2026-02-28' },
  { kind: 'livestock-register', asOf: '2026-02-28' },
  { kind: 'cash-book', account: 'box', from: '2025-01-01', asOf: '2026-02-28' },
];

/** The statements' tables (not who printed them) as the treasurer and the coordinator see them. */
function statementsOf(l: TestLedger, extra: Omit<StatementRequest, 'associationId'>[] = []) {
  return [...STATEMENTS, ...extra].map((request) => {
    const s = l.ok('statement-get', { associationId: a, ...request });
    return { kind: request.kind, tables: s.tables, fingerprint: s.fingerprint.lastEntry };
  });
}

function openGroup() {
  c.ok('coordinator-open-group', { groupId: a });
}

const coordinatorCounts = () => tableCounts(c);

describe('export and import', () => {
  it('carries the books exactly: every statement reads the same on the coordinator’s laptop', async () => {
    const grant = t.ok('grant-list', { associationId: a })[0]!;
    const passbooks = ids.map((memberId) => ({ kind: 'member-statement' as const, memberId, from: '2025-01-01', asOf: '2026-02-28' }));
    const extra = [...passbooks, { kind: 'grant-use' as const, grantId: grant.id, asOf: '2026-02-28' }];
    const treasurer = statementsOf(t, extra);
    const file = exportNow();
    expect(file).toMatch(/Abishyizehamwe-2026-03-01\.ikimina$/);
    const report = await importInto(c, { files: [file] });
    expect(report.lines.map((l) => [l.outcome, l.reasonCode])).toEqual([['imported', null]]);
    openGroup();
    expect(statementsOf(c, extra)).toEqual(treasurer);
    // The group's own books hold every entry, and its chain verifies here; the whole file's check finds nothing (the seal holds, PIN hashes left out).
    expect(verifyChain(c.server.ledger.sqlite, a).ok).toBe(true);
    expect(c.server.checkFully().problems).toEqual([]);
    // No PIN hash travelled: the group's people cannot sign in on the coordinator's laptop.
    const pins = c.server.ledger.sqlite.prepare('SELECT DISTINCT pin_hash FROM users WHERE association_id = ?').pluck().all(a);
    expect(pins).toEqual(['']);
    expect(readFileSync(file).includes(Buffer.from('scrypt$'))).toBe(false);
  });

  it('keeps imported books read-only, through every door, and the group off the sign-in screen', async () => {
    await importInto(c, { files: [exportNow()] });
    openGroup();
    const refused = c.call('member-add', { associationId: a, fullName: 'Intruder', gender: 'female', joinedOn: '2025-01-10' });
    expect(refused.ok).toBe(false);
    const signInList = c.call('association-list', {});
    expect(signInList.ok && signInList.value.map((x: { id: string }) => x.id)).not.toContain(a);
    const users = c.ok('user-sign-in-list', { associationId: a });
    const tries = c.call('session-sign-in', { associationId: a, userId: users[0]!.id, pin: '2580' });
    expect(tries.ok || tries.error.code).toBe('association-read-only');
  });

  it('changes nothing for the same file twice, and says so', async () => {
    const file = exportNow();
    await importInto(c, { files: [file] });
    const before = coordinatorCounts();
    const again = await importInto(c, { files: [file] });
    expect(again.counts).toMatchObject({ unchanged: 1, imported: 0, updated: 0 });
    expect(again.lines[0]!.reasonCode).toBe('exchange-unchanged');
    // Only the import's own report grew (and this laptop's history).
    const after = coordinatorCounts();
    expect({ ...after, exchange_imports: 0, exchange_import_files: 0, change_log: 0 }).toEqual({ ...before, exchange_imports: 0, exchange_import_files: 0, change_log: 0 });
    const groupHistory = (l: TestLedger) => l.server.ledger.sqlite.prepare('SELECT count(*) FROM change_log WHERE association_id = ?').pluck().get(a) as number;
    expect(groupHistory(c)).toBe(groupHistory(t) - 1);
    // Exporting is itself in the group's history: the next file holds one more row of it, and no new entry.
    const second = exportNow(join(out, 'later'));
    const next = await importInto(c, { files: [second] });
    expect(next.lines.map((l) => [l.outcome, l.rowsAdded])).toEqual([['updated', 1]]);
    expect(groupHistory(c)).toBe(groupHistory(t) - 1);
    expect({ ...coordinatorCounts(), exchange_imports: 0, exchange_import_files: 0, change_log: 0 }).toEqual({ ...after, exchange_imports: 0, exchange_import_files: 0, change_log: 0 });
  });

  it('adds only what is new from a newer file, and an older file after it changes nothing', async () => {
    const first = exportNow(join(out, 'first'));
    await importInto(c, { files: [first] });
    const entriesBefore = c.server.ledger.sqlite.prepare('SELECT count(*) FROM journal_entries WHERE association_id = ?').pluck().get(a) as number;
    meeting('2025-02-21', ['1,000', '2,000']);
    meeting('2025-03-07', ['1,500', '500']);
    t.ok('member-exit', { associationId: a, memberId: ids[0]!, exitedOn: '2025-03-08', reason: 'Moved to Kigali' });
    const newer = exportNow(join(out, 'newer'));
    const treasurer = statementsOf(t);
    const report = await importInto(c, { files: [newer, first] });
    expect(report.lines.map((l) => l.outcome)).toEqual(['updated', 'older']);
    const entriesAfter = c.server.ledger.sqlite.prepare('SELECT count(*) FROM journal_entries WHERE association_id = ?').pluck().get(a) as number;
    const treasurerEntries = t.server.ledger.sqlite.prepare('SELECT count(*) FROM journal_entries WHERE association_id = ?').pluck().get(a) as number;
    expect(entriesAfter).toBe(treasurerEntries);
    expect(entriesAfter - entriesBefore).toBe(3);
    openGroup();
    expect(statementsOf(c)).toEqual(treasurer);
    const left = c.ok('member-list', { associationId: a }).find((m: { id: string }) => m.id === ids[0]);
    expect(left?.exitedOn).toBe('2025-03-08');
  });

  /**
   * A laptop restored from a copy of today's file, each copy then going its own way: the treasurer's laptop
   * holds one more meeting (imported), the restored one another (exported, then `use`d).
   */
  async function restoredAndDiverged(use: (file: string, restored: { ok: (name: string, input: object) => any }) => Promise<void>) {
    await importInto(c, { files: [exportNow(join(out, 'first'))] });
    t.server.close();
    const restoredDir = mkdtempSync(join(tmpdir(), 'ikimina-restored-'));
    const restoredFile = join(restoredDir, 'ledger.sqlite');
    copyFileSync(t.file, restoredFile);
    for (const name of ['ikimina-pin.key', 'ikimina-laptop.key']) copyFileSync(join(t.dir, name), join(restoredDir, name));
    t.reopen();
    const restoredBox = boxBalance('2025-02-28');
    meeting('2025-02-21', ['1,000', '2,000']);
    await importInto(c, { files: [exportNow(join(out, 'kept'))] });
    const restored = createServer(restoredFile, { now: () => PINNED_NOW, headsFile: null });
    try {
      const actor = { channel: 'test' as const, locale: 'en' as const };
      const users = restored.call('user-sign-in-list', { associationId: a }, actor);
      const treasurerId = (users.ok ? users.value : []).find((u: { name: string }) => u.name === KABEZA.treasurer.name)!.id;
      const signIn = restored.call('session-sign-in', { associationId: a, userId: treasurerId, pin: '2580' }, actor);
      if (!signIn.ok) throw new Error(signIn.error.message);
      const session = { ...actor, session: (signIn.value as { token: string }).token };
      const ok = (name: string, input: object) => {
        const r = restored.call(name as never, input as never, session);
        if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
        return r.value as any;
      };
      ok('meeting-close', {
        associationId: a, date: '2025-02-28', cashCount: { box: (restoredBox + 700n).toString() },
        rows: [{ memberId: ids[0]!, attendance: 'present', savings: '500', socialFund: '200' }, { memberId: ids[1]!, attendance: 'absent' }],
      });
      await use(ok('exchange-export', { associationId: a, folder: join(out, 'restored') }).file, { ok });
    } finally {
      restored.close();
      rmSync(restoredDir, { recursive: true, force: true });
    }
  }

  it('keeps a restored-and-diverged laptop’s file aside as a conflict, merging nothing', async () => {
    await restoredAndDiverged(async (file) => {
      const before = coordinatorCounts();
      const report = await importInto(c, { files: [file] });
      expect(report.counts.conflict).toBe(1);
      const entries = t.server.ledger.sqlite.prepare('SELECT count(*) FROM journal_entries WHERE association_id = ?').pluck().get(a) as number;
      const conflicts = c.ok('exchange-conflicts', {});
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({ associationId: a, ourSeq: entries, theirSeq: entries, partedAtSeq: entries });
      expect(conflicts[0]!.ourHead).not.toBe(conflicts[0]!.theirHead);
      expect(conflicts[0]!.ourFingerprint).toBe(conflicts[0]!.theirFingerprint);
      expect(readFileSync(conflicts[0]!.keptFile).length).toBeGreaterThan(0);
      // The same stick read again: the file is still a conflict, and still one.
      const again = await importInto(c, { files: [file] });
      expect(again.counts.conflict).toBe(1);
      expect(c.ok('exchange-conflicts', {})).toHaveLength(1);
      expect({ ...coordinatorCounts(), exchange_imports: 0, exchange_import_files: 0, exchange_conflicts: 0, change_log: 0 })
        .toEqual({ ...before, exchange_imports: 0, exchange_import_files: 0, exchange_conflicts: 0, change_log: 0 });
      c.ok('exchange-conflict-keep', { conflictId: conflicts[0]!.id, reason: 'The treasurer confirmed the laptop was restored by mistake' });
      expect(c.ok('exchange-conflicts', {})).toHaveLength(0);
    });
  });

  it('takes the file kept aside when the coordinator decides for it: the group’s books become the file’s, the replaced ones copied aside', async () => {
    await restoredAndDiverged(async (file, restored) => {
      await importInto(c, { files: [file] });
      const conflict = c.ok('exchange-conflicts', {})[0]!;
      const actor = { channel: 'test' as const, locale: 'en' as const, session: c.session };
      const take = (input: object) => runAsyncCommand(c.server, 'exchange-conflict-take', input, actor);
      const before = coordinatorCounts();
      // No reason, or a kept file altered on the disk since: refused, and nothing taken or copied.
      const noReason = await take({ conflictId: conflict.id, reason: '  ' });
      expect(noReason.ok || noReason.error.code).toBe('field-required');
      const kept = readFileSync(conflict.keptFile);
      const flipped = Buffer.from(kept);
      flipped[Math.floor(kept.length / 2)]! ^= 0x10;
      writeFileSync(conflict.keptFile, flipped);
      const altered = await take({ conflictId: conflict.id, reason: 'The group’s laptop was restored' });
      expect(altered.ok).toBe(false);
      writeFileSync(conflict.keptFile, kept);
      expect({ ...coordinatorCounts(), change_log: 0 }).toEqual({ ...before, change_log: 0 });
      expect(readdirSync(dirname(conflict.keptFile)).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1);

      const taken = await take({ conflictId: conflict.id, reason: 'The group’s laptop was restored; the treasurer confirms its books' });
      if (!taken.ok) throw new Error(taken.error.code);
      expect(existsSync((taken.value as { replaced: string }).replaced)).toBe(true);
      expect(c.ok('exchange-conflicts', {})).toEqual([]);
      expect(c.ok('exchange-groups', {})[0]!.entries).toBe(conflict.theirSeq);
      openGroup();
      const theirs = STATEMENTS.map((request) => restored.ok('statement-get', { associationId: a, ...request }).tables);
      expect(STATEMENTS.map((request) => c.ok('statement-get', { associationId: a, ...request }).tables)).toEqual(theirs);
      expect(c.server.checkFully().problems).toEqual([]);
      // The same file again is now the books themselves.
      expect((await importInto(c, { files: [file] })).counts.unchanged).toBe(1);
    });
  });

  it('reports a file signed by another laptop’s key, and takes it in once the key is accepted with a reason', async () => {
    await importInto(c, { files: [exportNow(join(out, 'first'))] });
    meeting('2025-02-21', ['1,000', '2,000']);
    const file = exportNow(join(out, 'newer'));
    const other = newLaptopKey();
    editManifest(file, other, (m) => ({ ...m, publicKey: other.publicKey }));
    const before = coordinatorCounts();
    const report = await importInto(c, { files: [file] });
    expect(report.lines[0]).toMatchObject({ outcome: 'new-key', reasonCode: 'exchange-new-key' });
    expect(report.lines[0]!.reasonParams.theirs).toBe(other.fingerprint);
    expect(report.lines[0]!.reasonParams.ours).toBe(t.ok('exchange-laptop-key', {}).fingerprint);
    expect({ ...coordinatorCounts(), exchange_imports: 0, exchange_import_files: 0, change_log: 0 }).toEqual({ ...before, exchange_imports: 0, exchange_import_files: 0, change_log: 0 });
    c.ok('exchange-key-accept', { importFileId: report.lines[0]!.id, reason: 'New laptop bought by the group in February' });
    expect((await importInto(c, { files: [file] })).counts.updated).toBe(1);
    expect(c.ok('exchange-groups', {})[0]!.fingerprint).toBe(other.fingerprint);
  });
});

describe('the programme coordinator on the laptop', () => {
  it('is never a laptop administrator: not listed as one, and their PIN does not open the whole file', () => {
    const coordinatorId = c.ok('coordinator-list', {})[0]!.id;
    const admins = c.ok('administrator-list', {});
    expect(admins.map((x: { name: string }) => x.name)).toEqual(['Gasana Pierre']);
    const asAdmin = c.call('administrator-sign-in', { administratorId: coordinatorId, pin: '7391' });
    expect(asAdmin.ok || asAdmin.error.code).toBe('user-not-found');
    const backup = c.call('ledger-backup-create', {});
    expect(backup.ok || backup.error.code).toBe('role-refused');
  });

  it('leaves an imported group’s own history as its laptop wrote it when the whole file is backed up', async () => {
    await importInto(c, { files: [exportNow()] });
    const groupHistory = () => c.server.ledger.sqlite.prepare('SELECT count(*) FROM change_log WHERE association_id = ?').pluck().get(a) as number;
    const before = groupHistory();
    const admin = door(() => c.server);
    const adminId = admin.ok('administrator-list', {})[0]!.id;
    admin.ok('administrator-sign-in', { administratorId: adminId, pin: '6284' });
    admin.ok('ledger-backup-create', { folder: join(out, 'whole') });
    expect(groupHistory()).toBe(before);
    expect(c.server.checkFully().problems).toEqual([]);
  });

  it('still imports, accepts keys and decides conflicts after opening a group’s books', async () => {
    const file = exportNow();
    await importInto(c, { files: [file] });
    openGroup();
    const again = await importInto(c, { files: [file] });
    expect(again.lines.map((l) => l.outcome)).toEqual(['unchanged']);
  });

  it('refuses a manifest whose association id is not an id (it would name files and rows)', async () => {
    const file = exportNow();
    const key = laptopKeyFromFile(join(t.dir, 'ikimina-laptop.key'));
    editManifest(file, key, (m) => ({ ...m, associationId: '../../escape' }), (db) => {
      db.pragma('foreign_keys = OFF');
      db.exec("UPDATE associations SET id = '../../escape'");
    });
    const report = await importInto(c, { files: [file] });
    expect(report.lines.map((l) => [l.outcome, l.reasonCode])).toEqual([['refused', 'exchange-manifest-wrong']]);
  });

  it('refuses, keeping nothing, a file whose rows carry ids this laptop’s books already use', async () => {
    const file = exportNow();
    // A member id of the file already stands in this laptop's books (under another association).
    const sqlite = c.server.ledger.sqlite;
    sqlite.pragma('foreign_keys = OFF');
    sqlite.prepare(`INSERT INTO associations (id, name, country, province, district, sector, cell, village, currency, language, founded_on, created_at, created_by)
      VALUES ('0190a000-0000-7000-8000-0000000000bb', 'Here', 'RW', 'South', 'Huye', 'Tumba', 'C', 'V', 'RWF', 'en', '2025-01-01', '2025-01-01', 'test')`).run();
    const member = t.server.ledger.sqlite.prepare('SELECT * FROM members WHERE id = ?').get(ids[0]) as Record<string, unknown>;
    const columns = Object.keys(member);
    sqlite.prepare(`INSERT INTO members (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
      .run(...columns.map((k) => (k === 'association_id' ? '0190a000-0000-7000-8000-0000000000bb' : member[k])));
    sqlite.pragma('foreign_keys = ON');
    const before = coordinatorCounts();
    const report = await importInto(c, { files: [file] });
    expect(report.lines.map((l) => [l.outcome, l.reasonCode])).toEqual([['refused', 'exchange-ids-taken']]);
    expect({ ...coordinatorCounts(), exchange_imports: 0, exchange_import_files: 0, change_log: 0 }).toEqual({ ...before, exchange_imports: 0, exchange_import_files: 0, change_log: 0 });
  });
});
