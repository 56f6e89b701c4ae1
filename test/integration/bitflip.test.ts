// Bit rot and stray writes (issue 11, "must be checked"): 1,000 copies of a real
// ledger, each with one random bit flipped. Each is either reported when the books
// are opened and checked (an error on opening, or a problem in the full check) or
// harmless — proved by reading every table of it and finding every row the same as
// in the original. None may be silent. IKIMINA_FLIP_SEED=<n> runs another 1,000.

import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../helpers/random';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createServer } from '../../electron/server/server';
import { ADMINISTRATOR, door, KABEZA, tempLedger, type TestLedger } from '../helpers/ledger';
import { buildGrantFixture } from '../helpers/grant-fixture';

const FLIPS = 1000;

let t: TestLedger;
let original: Buffer;
let originalRows: string;
let work: string;

/** Every row of every table (and the schema itself), in a fixed order, blobs as hex. */
function everyRow(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    const dump = [JSON.stringify(db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name').raw().all())];
    for (const table of tables) {
      const rows = db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().safeIntegers(true).all() as unknown[][];
      dump.push(`${table}:${JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? `${v}n` : Buffer.isBuffer(v) ? v.toString('hex') : v))}`);
    }
    return dump.join('\n');
  } finally {
    db.close();
  }
}

beforeAll(() => {
  t = tempLedger();
  const anyone = door(() => t.server);
  const a = anyone.ok('association-create', { ...KABEZA, administrator: { ...ADMINISTRATOR } }).id;
  t.signIn(a, KABEZA.treasurer.name);
  const fixture = buildGrantFixture((name, input) => t.ok(name as never, input as never), a);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(3000, 7)]);
  t.ok('evidence-attach', { associationId: a, spendingId: fixture.vetSpendingId, fileName: 'receipt.png', contentBase64: png.toString('base64') });
  t.server.close();
  original = readFileSync(t.file);
  originalRows = everyRow(t.file);
  work = mkdtempSync(join(tmpdir(), 'ikimina-flips-'));
  // The opened copies check against the heads this laptop saw, with its PIN key.
  copyFileSync(join(t.dir, 'ikimina-heads.json'), join(work, 'heads.json'));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  t.cleanup();
});

it(`reports every one of ${FLIPS} single-bit flips that changes anything`, () => {
  // The unflipped copy is clean: every report below comes from its flip.
  const cleanFile = join(work, 'clean.sqlite');
  writeFileSync(cleanFile, original);
  copyFileSync(join(work, 'heads.json'), join(work, 'clean-heads.json'));
  const clean = createServer(cleanFile, { headsFile: join(work, 'clean-heads.json'), pepperFile: join(t.dir, 'ikimina-pin.key') });
  clean.checkFully();
  expect(clean.unresolvedProblems()).toEqual([]);
  clean.close();
  const next = seededRandom(Number(process.env.IKIMINA_FLIP_SEED ?? 20261130));
  const silent: string[] = [];
  let reported = 0;
  let harmless = 0;
  for (let i = 0; i < FLIPS; i++) {
    const offset = Math.floor(next() * original.length);
    const bit = Math.floor(next() * 8);
    const file = join(work, `flip-${i}.sqlite`);
    const copy = Buffer.from(original);
    copy[offset]! ^= 1 << bit;
    writeFileSync(file, copy);
    const heads = join(work, `heads-${i}.json`);
    copyFileSync(join(work, 'heads.json'), heads);
    let problems: string[] = [];
    try {
      const server = createServer(file, { headsFile: heads, pepperFile: join(t.dir, 'ikimina-pin.key') });
      try {
        server.checkFully();
        // What the check on opening found and what the full check found, as everyone signed in would be shown.
        problems = server.unresolvedProblems().map((p) => p.code);
      } finally {
        server.close();
      }
    } catch (err) {
      problems = [`opening refused: ${(err as Error).message.slice(0, 60)}`];
    }
    if (problems.length > 0) reported++;
    else {
      // Nothing reported: the flip must have changed nothing that the books hold.
      let same: boolean;
      try {
        writeFileSync(file, copy);
        same = everyRow(file) === originalRows;
      } catch {
        same = false;
      }
      if (same) harmless++;
      else silent.push(`byte ${offset} bit ${bit}`);
    }
    rmSync(file, { force: true });
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
    rmSync(heads, { force: true });
  }
  console.log(`[bit flips] ${FLIPS} flips in a ${original.length}-byte ledger: ${reported} reported, ${harmless} harmless, ${silent.length} silent`);
  expect(silent).toEqual([]);
  expect(reported + harmless).toBe(FLIPS);
  // The test proves something only if many flips did land in the books.
  expect(reported).toBeGreaterThan(FLIPS / 20);
}, 600_000);
