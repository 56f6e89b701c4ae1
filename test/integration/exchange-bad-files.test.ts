// Bad exchange files (issue 15, item 4) are refused with the reason, and nothing of
// them is kept: not an Ikimina file, cut short, a byte flipped, a wrong signature, a
// manifest that lies about its counts, another association's rows inside, a newer
// format, a compressed bomb, a 4 GB file, ids another group already has.

import { closeSync, copyFileSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallBook, tableCounts, tempLedger, type TestLedger } from '../helpers/ledger';
import { alterAndResign, coordinatorLaptop, editManifest, importInto } from '../helpers/exchange';
import type { LaptopKey } from '../../electron/server/auth/laptop-key';
import { laptopKeyFromFile } from '../../electron/server/auth/laptop-key';

let t: TestLedger;
let c: TestLedger;
let dir: string;
let good: string;
let key: LaptopKey;

beforeAll(async () => {
  t = tempLedger();
  dir = mkdtempSync(join(tmpdir(), 'ikimina-bad-'));
  const { association, members } = smallBook(t, 2);
  t.ok('cycle-create', { associationId: association.id, name: 'Cycle 2025', startsOn: '2025-01-15', endsOn: '2025-12-31', rules: { savingMode: 'savings', socialFund: '200' } });
  t.ok('meeting-close', {
    associationId: association.id, date: '2025-02-07', cashCount: { box: '9,400' },
    rows: [{ memberId: members[0]!.id, attendance: 'present', savings: '6,000', socialFund: '200' }, { memberId: members[1]!.id, attendance: 'present', savings: '3,000', socialFund: '200' }],
  });
  good = t.ok('exchange-export', { associationId: association.id, folder: dir }).file;
  key = laptopKeyFromFile(join(t.dir, 'ikimina-laptop.key'));
  c = coordinatorLaptop();
});

afterAll(() => {
  t.cleanup();
  c.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
/** A copy of the good file to spoil. */
function copy(): string {
  const file = join(dir, `bad-${++n}.ikimina`);
  copyFileSync(good, file);
  return file;
}

async function refusedWith(file: string): Promise<string | null> {
  const before = tableCounts(c);
  const report = await importInto(c, { files: [file] });
  const line = report.lines[0]!;
  // Nothing of a refused file is kept: every table as it was, but the report's own rows and this laptop's history.
  expect({ ...tableCounts(c), exchange_imports: 0, exchange_import_files: 0, change_log: 0 }).toEqual({ ...before, exchange_imports: 0, exchange_import_files: 0, change_log: 0 });
  expect(line.outcome).toBe('refused');
  return line.reasonCode;
}

describe('a file that is not a group’s books', () => {
  it('is refused: random bytes, a gzip bomb renamed, an empty file, a 4 GB file', async () => {
    const random = join(dir, 'random.ikimina');
    writeFileSync(random, Buffer.alloc(64 * 1024, 7));
    expect(await refusedWith(random)).toBe('exchange-not-ikimina');
    const bomb = join(dir, 'bomb.ikimina');
    writeFileSync(bomb, gzipSync(Buffer.alloc(50 * 1024 * 1024)));
    expect(await refusedWith(bomb)).toBe('exchange-not-ikimina');
    const empty = join(dir, 'empty.ikimina');
    writeFileSync(empty, '');
    expect(await refusedWith(empty)).toBe('exchange-not-ikimina');
    const huge = join(dir, 'huge.ikimina');
    writeFileSync(huge, '');
    truncateSync(huge, 4 * 1024 ** 3);
    expect(await refusedWith(huge)).toBe('exchange-too-big');
    rmSync(huge);
  });

  it('is refused when cut short or a byte is changed anywhere, even in a page’s unused space', async () => {
    const size = statSync(good).size;
    const cut = copy();
    truncateSync(cut, Math.floor(size / 2));
    expect(await refusedWith(cut)).toMatch(/^exchange-(damaged|signature-wrong|not-ikimina)$/);
    for (const at of [200, Math.floor(size / 3), size - 10]) {
      const flipped = copy();
      const bytes = readFileSync(flipped);
      const fd = openSync(flipped, 'r+');
      writeSync(fd, Buffer.from([bytes[at]! ^ 0x01]), 0, 1, at);
      closeSync(fd);
      expect(await refusedWith(flipped)).toMatch(/^exchange-(damaged|signature-wrong|not-ikimina)$/);
    }
  });
});

describe('a file signed again after it was changed (the checks behind the signature)', () => {
  it('refuses a manifest that lies about its counts', async () => {
    const file = copy();
    editManifest(file, key, (m) => ({ ...m, counts: { ...m.counts, members: m.counts.members + 1 } }));
    expect(await refusedWith(file)).toBe('exchange-counts-wrong');
  });

  it('refuses a row removed, and a row changed, behind a manifest left as it was', async () => {
    const removed = copy();
    alterAndResign(removed, key, (db) => {
      db.pragma('foreign_keys = OFF');
      db.exec("DELETE FROM members WHERE full_name = 'Member 2'");
    });
    expect(await refusedWith(removed)).toMatch(/^exchange-(counts-wrong|other-association)$/);
    const renamed = copy();
    alterAndResign(renamed, key, (db) => db.exec("UPDATE members SET full_name = 'Someone Else' WHERE full_name = 'Member 2'"));
    expect(await refusedWith(renamed)).toBe('exchange-content-changed');
  });

  it('refuses another association’s rows inside, and a newer format', async () => {
    const foreign = copy();
    alterAndResign(foreign, key, (db) => {
      db.pragma('foreign_keys = OFF');
      db.exec("INSERT INTO associations (id, name, country, province, district, sector, cell, village, currency, language, founded_on, created_at, created_by) SELECT '0190a000-0000-7000-8000-000000000001', 'Other', country, province, district, sector, cell, village, currency, language, founded_on, created_at, created_by FROM associations");
    });
    expect(await refusedWith(foreign)).toBe('exchange-other-association');
    const newer = copy();
    editManifest(newer, key, (m) => ({ ...m, format: 2 }));
    expect(await refusedWith(newer)).toBe('exchange-newer');
  });

  it('refuses a practice group’s made-up books, even in a file signed by its laptop', async () => {
    const practice = copy();
    alterAndResign(practice, key, (db) => {
      // The guard lifted for the change and put back as it was, so the file's schema is still this build's.
      const guard = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'associations_practice_fixed'").pluck().get() as string;
      db.exec('DROP TRIGGER associations_practice_fixed');
      db.exec('UPDATE associations SET practice = 1');
      db.exec(guard);
    });
    expect(await refusedWith(practice)).toBe('practice-not-exported');
  });

  it('refuses an entry rewritten in the journal, even with the counts kept', async () => {
    const file = copy();
    alterAndResign(file, key, (db) => {
      db.exec('DROP TRIGGER IF EXISTS journal_entries_no_update');
      db.exec("UPDATE journal_entries SET memo = 'rewritten' WHERE seq = 1");
    });
    expect(await refusedWith(file)).toMatch(/^exchange-(damaged|chain-broken)$/);
  });

  it('refuses a file whose rows carry ids another group’s books here already have', async () => {
    // The good file is imported first; the same rows under another association's id come next.
    await importInto(c, { files: [good] });
    const twin = copy();
    editManifest(twin, key, (m) => ({ ...m, associationId: '0190a000-0000-7000-8000-0000000000aa' }));
    expect(await refusedWith(twin)).toMatch(/^exchange-(other-association|manifest-wrong)$/);
  });
});
