// Fuzzing the import (issue 15): mutated export files — bytes flipped, files cut short,
// rows removed, duplicated or changed, manifest fields edited (each signed again with
// the laptop's own key, so the checks behind the signature are reached), files signed
// with another laptop's key — imported into a coordinator's file that already holds
// real groups. After every file: no partial import (a file refused changes no table of
// the books), and every group's chain still verifies.
//
// `npm test` runs a short version; `npm run fuzz:exchange` the full 10,000 files
// (IKIMINA_FUZZ_FILES sets the number, IKIMINA_FUZZ_SEED the seed).

import Database from 'better-sqlite3';
import { seededRandom } from '../helpers/random';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, mkdtempSync, openSync, readSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { smallBook, tempLedger, type TestLedger } from '../helpers/ledger';
import { alterAndResign, coordinatorLaptop, editManifest, importInto } from '../helpers/exchange';
import { laptopKeyFromFile, newLaptopKey, type LaptopKey } from '../../electron/server/auth/laptop-key';
import { verifyChain } from '../../electron/server/journal/verify';

const FILES = Number(process.env.IKIMINA_FUZZ_FILES ?? 120);
const SEED = Number(process.env.IKIMINA_FUZZ_SEED ?? 20261130);

let treasurer: TestLedger;
let other: TestLedger;
let c: TestLedger;
let dir: string;
let base: string;
let key: LaptopKey;
let groups: string[];
/** The content hash of the genuine newer books (the only books an accepted file may hold). */
let genuine: string;

function meetingBook(t: TestLedger, dates: string[]): string {
  const { association, members } = smallBook(t, 3);
  t.ok('cycle-create', { associationId: association.id, name: 'Cycle 2025', startsOn: '2025-01-15', endsOn: '2025-12-31', rules: { savingMode: 'savings', socialFund: '200' } });
  let box = 0;
  for (const date of dates) {
    box += 3 * 1200;
    t.ok('meeting-close', {
      associationId: association.id, date, cashCount: { box: String(box) },
      rows: members.map((m) => ({ memberId: m.id, attendance: 'present', savings: '1,000', socialFund: '200' })),
    });
  }
  return association.id;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ikimina-fuzz-'));
  treasurer = tempLedger();
  other = tempLedger();
  const a = meetingBook(treasurer, ['2025-02-07', '2025-02-14']);
  const b = meetingBook(other, ['2025-02-07']);
  groups = [a, b];
  c = coordinatorLaptop();
  const first = treasurer.ok('exchange-export', { associationId: a, folder: join(dir, 'a1') }).file;
  await importInto(c, { files: [first, other.ok('exchange-export', { associationId: b, folder: join(dir, 'b1') }).file] });
  // The file every mutation starts from: newer books of group A (taken in whole, it would be an update).
  treasurer.ok('meeting-close', {
    associationId: a, date: '2025-02-21', cashCount: { box: String(3 * 3 * 1200) },
    rows: treasurer.ok('member-list', { associationId: a }).map((m: { id: string }) => ({ memberId: m.id, attendance: 'present', savings: '1,000', socialFund: '200' })),
  });
  base = treasurer.ok('exchange-export', { associationId: a, folder: join(dir, 'base') }).file;
  key = laptopKeyFromFile(join(treasurer.dir, 'ikimina-laptop.key'));
  const db = new Database(base, { readonly: true });
  genuine = (JSON.parse(db.prepare('SELECT manifest FROM ikimina_exchange').pluck().get() as string) as { contentHash: string }).contentHash;
  db.close();
}, 60_000);

afterAll(() => {
  treasurer.cleanup();
  other.cleanup();
  c.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** Every row of every table of the books (not the import's own report or this laptop's history), hashed. */
function booksDigest(): string {
  const db = c.server.ledger.sqlite;
  const h = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  for (const table of tables) {
    if (['exchange_imports', 'exchange_import_files', 'exchange_conflicts'].includes(table)) continue;
    const where = table === 'change_log' ? ' WHERE association_id IS NOT NULL' : '';
    for (const row of db.prepare(`SELECT * FROM "${table}"${where} ORDER BY 1`).raw(true).all()) h.update(`${table}:${JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString('hex') : typeof v === 'bigint' ? String(v) : v))}\n`);
  }
  return h.digest('hex');
}

type Mutation = (file: string, rnd: () => number) => string;

const pick = <T,>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

/** A random row's rowid of a random non-empty table of the file (not the manifest). */
function randomRow(db: Database.Database, rnd: () => number): { table: string; rowid: number } | null {
  const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('ikimina_exchange', '__drizzle_migrations')").pluck().all() as string[])
    .filter((t) => (db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number) > 0);
  if (tables.length === 0) return null;
  const table = pick(rnd, tables);
  const rowids = db.prepare(`SELECT rowid FROM "${table}"`).pluck().all() as number[];
  return { table, rowid: pick(rnd, rowids) };
}

/** Tries a change up to `times` times (a guard or a constraint may refuse one): the file may then stay as it was. */
function attempt(times: number, change: () => void): void {
  for (let i = 0; i < times; i++) {
    try {
      change();
      return;
    } catch {
      // Refused by the file's own rules: try another row.
    }
  }
}

const MUTATIONS: Record<string, Mutation> = {
  'byte flipped': (file, rnd) => {
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    for (let i = 0, n = 1 + Math.floor(rnd() * 3); i < n; i++) {
      const at = Math.floor(rnd() * size);
      const b = Buffer.alloc(1);
      readSync(fd, b, 0, 1, at);
      b[0] = b[0]! ^ (1 << Math.floor(rnd() * 8));
      writeSync(fd, b, 0, 1, at);
    }
    closeSync(fd);
    return 'refused';
  },
  'cut short': (file, rnd) => {
    truncateSync(file, Math.floor(rnd() * statSync(file).size));
    return 'refused';
  },
  'row removed': (file, rnd) => {
    alterAndResign(file, key, (db) => {
      db.pragma('foreign_keys = OFF');
      // Rows of append-only tables refuse it (their guards stay: a schema changed is refused sooner): another row then.
      attempt(5, () => {
        const row = randomRow(db, rnd);
        if (row) db.prepare(`DELETE FROM "${row.table}" WHERE rowid = ?`).run(row.rowid);
      });
    });
    return 'refused';
  },
  'row duplicated': (file, rnd) => {
    alterAndResign(file, key, (db) => {
      db.pragma('foreign_keys = OFF');
      const row = randomRow(db, rnd);
      if (!row) return;
      const columns = (db.prepare(`PRAGMA table_info("${row.table}")`).all() as { name: string; pk: number }[]);
      const list = columns.map((col) => (col.pk > 0 && col.name === 'id' ? `'0190ffff-0000-7000-8000-${String(Math.floor(rnd() * 1e12)).padStart(12, '0')}'` : `"${col.name}"`));
      try {
        db.exec(`INSERT INTO "${row.table}" SELECT ${list.join(', ')} FROM "${row.table}" WHERE rowid = ${row.rowid}`);
      } catch {
        // A unique index refuses the copy: a row of another table changes instead.
        db.exec(`UPDATE members SET phone = '0788${Math.floor(rnd() * 1e6)}'`);
      }
    });
    return 'refused';
  },
  'value changed': (file, rnd) => {
    alterAndResign(file, key, (db) => {
      db.pragma('foreign_keys = OFF');
      attempt(8, () => {
        const row = randomRow(db, rnd);
        if (!row) return;
        const columns = (db.prepare(`PRAGMA table_info("${row.table}")`).all() as { name: string; notnull: number }[]);
        const column = pick(rnd, columns);
        const value = pick(rnd, [0, 1, -1, 999999, 'x', '', '2025-02-07', `${Math.floor(rnd() * 1000)}`]);
        db.prepare(`UPDATE "${row.table}" SET "${column.name}" = ? WHERE rowid = ?`).run(value, row.rowid);
      });
    });
    return 'refused';
  },
  'manifest edited': (file, rnd) => {
    editManifest(file, key, (m) => {
      const edits: (() => void)[] = [
        () => { m.counts.journal_entries += 1; },
        () => { m.journal.seq -= 1; },
        () => { m.journal.hash = m.changes.hash; },
        () => { m.changes.seq += 2; },
        () => { m.contentHash = createHash('sha256').update(String(rnd())).digest('hex'); },
        () => { m.associationId = groups[1]; },
        () => { m.schemaSteps -= 1; },
        () => { m.format = 2; },
        () => { m.sealDeltas = { users: '1' }; },
        () => { m.extra = true; },
        () => { delete m.counts.members; },
      ];
      pick(rnd, edits)();
      return m;
    });
    return 'refused';
  },
  'another laptop’s key': (file) => {
    const stranger = newLaptopKey();
    editManifest(file, stranger, (m) => ({ ...m, publicKey: stranger.publicKey }));
    return 'new-key';
  },
};

it(`refuses every one of ${FILES} mutated files whole, leaving the books and their chains as they were`, async () => {
  const rnd = seededRandom(SEED);
  const names = Object.keys(MUTATIONS);
  const seen: Record<string, Record<string, number>> = {};
  let digest = booksDigest();
  for (let i = 0; i < FILES; i++) {
    const name = names[i % names.length]!;
    const file = join(dir, `fuzz-${i}.ikimina`);
    copyFileSync(base, file);
    MUTATIONS[name]!(file, rnd);
    const report = await importInto(c, { files: [file] });
    const line = report.lines[0]!;
    seen[name] = { ...(seen[name] ?? {}), [line.reasonCode ?? line.outcome]: ((seen[name] ?? {})[line.reasonCode ?? line.outcome] ?? 0) + 1 };
    const now = booksDigest();
    if (line.outcome === 'updated' || line.outcome === 'imported') {
      // Only the genuine books may ever be taken in: a mutation that changed nothing they hold.
      const source = c.server.ledger.sqlite.prepare('SELECT content_hash FROM exchange_sources WHERE association_id = ?').pluck().get(groups[0]);
      expect(source, `file ${i} (${name}) was taken in with books that are not the group's`).toBe(genuine);
    } else {
      expect(now, `file ${i} (${name}): ${line.outcome} ${line.reasonCode} changed the books`).toBe(digest);
    }
    digest = now;
    if (i % 25 === 0 || i === FILES - 1) for (const g of groups) expect(verifyChain(c.server.ledger.sqlite, g).ok).toBe(true);
    rmSync(file, { force: true });
  }
  console.log(`[fuzz] ${FILES} files, seed ${SEED}:`, JSON.stringify(seen));
}, 3_600_000);
