// Opening ledger files: pragmas, migrations, and refusing what is not ours.

import Database from 'better-sqlite3';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IKIMINA_APPLICATION_ID, LedgerOpenError, defaultMigrationsFolder, openLedger } from '../../db/open';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ikimina-open-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function refusal(fn: () => unknown): LedgerOpenError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(LedgerOpenError);
    return err as LedgerOpenError;
  }
  throw new Error('expected the file to be refused');
}

describe('openLedger', () => {
  it('creates a new ledger with safe pragmas, our application id and every migration', () => {
    const file = join(dir, 'new.sqlite');
    const l = openLedger(file);
    expect(l.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(l.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(l.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(l.sqlite.pragma('application_id', { simple: true })).toBe(IKIMINA_APPLICATION_ID);
    const journal = JSON.parse(readFileSync(join(defaultMigrationsFolder(), 'meta/_journal.json'), 'utf8'));
    expect((l.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(journal.entries.length);
    l.close();
    // Opening again applies nothing new and keeps working.
    openLedger(file).close();
  });

  it('refuses a file that is not a database, and leaves it untouched', () => {
    const file = join(dir, 'notes.sqlite');
    writeFileSync(file, 'Minutes of the meeting of 3 March: twenty members came.\n'.repeat(100));
    const before = readFileSync(file);
    const err = refusal(() => openLedger(file));
    expect(err.code).toBe('not-ikimina');
    expect(err.message).toMatch(/not an Ikimina ledger/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('says a ledger whose schema was damaged is a damaged ledger, not "not a database", and leaves it untouched', () => {
    const file = join(dir, 'books.sqlite');
    openLedger(file).close();
    const bytes = readFileSync(file);
    // One byte of the stored schema flipped: the administrators table's SQL (never
    // altered, so its only copy is the live one) becomes unreadable.
    const at = bytes.indexOf(Buffer.from('CREATE TABLE `administrators`'));
    expect(at).toBeGreaterThan(0);
    bytes[at + 7]! ^= 0x01;
    writeFileSync(file, bytes);
    const err = refusal(() => openLedger(file));
    expect(err.code).toBe('damaged');
    expect(err.message).toMatch(/is an Ikimina ledger, but it is damaged/);
    expect(err.message).toMatch(/backup/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses another program’s SQLite database', () => {
    const file = join(dir, 'other.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES (\'Aline\')');
    other.close();
    const err = refusal(() => openLedger(file));
    expect(err.code).toBe('not-ikimina');
    const check = new Database(file);
    expect(check.prepare('SELECT name FROM sqlite_schema').all()).toEqual([{ name: 'contacts' }]);
    check.close();
  });

  it('refuses a ledger written by a newer version', () => {
    const file = join(dir, 'newer.sqlite');
    openLedger(file).close();
    const raw = new Database(file);
    raw.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('f'.repeat(64), Date.now() + 1e9);
    raw.close();
    const err = refusal(() => openLedger(file));
    expect(err.code).toBe('newer-than-app');
    expect(err.message).toMatch(/newer version of Ikimina/);
  });

  it('refuses a ledger whose schema history diverges from this build', () => {
    const file = join(dir, 'diverged.sqlite');
    openLedger(file).close();
    const raw = new Database(file);
    raw.prepare("UPDATE __drizzle_migrations SET hash = 'abc' WHERE rowid = (SELECT min(rowid) FROM __drizzle_migrations)").run();
    raw.close();
    expect(refusal(() => openLedger(file)).code).toBe('diverged');
  });

  it('migrates an older ledger forward and keeps its rows (step N-1 to N)', () => {
    // A build that shipped only the first migration.
    const older = join(dir, 'older-migrations');
    cpSync(defaultMigrationsFolder(), older, { recursive: true });
    const journalFile = join(older, 'meta/_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
    journal.entries = journal.entries.slice(0, -1);
    writeFileSync(journalFile, JSON.stringify(journal));

    const file = join(dir, 'old.sqlite');
    const old = openLedger(file, { migrationsFolder: older });
    old.sqlite
      .prepare(`INSERT INTO associations (id, name, country, province, district, sector, cell, village, currency, language, founded_on, created_at, created_by)
                VALUES ('a1', 'Old group', 'RW', 'P', 'D', 'S', 'C', 'V', 'RWF', 'rw', '2024-01-01', '2024-01-01T00:00:00Z', 'x')`)
      .run();
    const triggers = (db: typeof old) => db.sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").pluck().all() as string[];
    const before = triggers(old);
    old.close();

    const now = openLedger(file);
    // The older group is kept, as real books (no practice flag).
    expect(now.sqlite.prepare('SELECT name, practice FROM associations').all()).toEqual([{ name: 'Old group', practice: null }]);
    // The newest migration (practice groups: a column and its guard) is now in force, and nothing else changed.
    expect(triggers(now)).toEqual([...before, 'associations_practice_fixed'].sort());
    now.close();
  });
});

describe('a first open cut short', () => {
  it('adopts a blank SQLite file left by a crash before the schema was written', () => {
    const file = join(dir, 'blank.sqlite');
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL'); // what the first open had done when it was killed
    raw.close();
    openLedger(file).close();
    const again = openLedger(file);
    expect(again.sqlite.pragma('application_id', { simple: true })).toBe(IKIMINA_APPLICATION_ID);
    again.close();
  });
});
