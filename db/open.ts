// Opening a ledger file: refuse what is not ours or is newer than this build, set the
// pragmas that keep the books safe through crashes and power cuts, and migrate.

import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

/** "IKMN": written into the SQLite header so any tool can tell an Ikimina ledger. */
export const IKIMINA_APPLICATION_ID = 0x494b4d4e;

/** Where this build's migrations are when running from source (the shell passes its own). */
export function defaultMigrationsFolder(): string {
  return fileURLToPath(new URL('./migrations', import.meta.url));
}

export type LedgerDb = BetterSQLite3Database<typeof schema>;

export interface OpenLedger {
  readonly sqlite: Database.Database;
  readonly db: LedgerDb;
  readonly file: string;
  /** Schema steps applied on this opening (an upgrade), 0 when the file was current. */
  readonly upgradedSteps: number;
  close(): void;
}

export class LedgerOpenError extends Error {
  constructor(
    readonly code: 'not-ikimina' | 'newer-than-app' | 'diverged' | 'unreadable' | 'damaged',
    message: string,
  ) {
    super(message);
    this.name = 'LedgerOpenError';
  }
}

export interface OpenOptions {
  readonly migrationsFolder?: string;
  /** Native binding for better-sqlite3 (the Electron build of it, from the shell). */
  readonly nativeBinding?: string;
  readonly readonly?: boolean;
  /**
   * Called with the file as it was found (pragmas set, schema steps not yet applied)
   * and how many schema steps it has: the place to check it before anything changes.
   */
  readonly beforeMigrate?: (sqlite: Database.Database, steps: number) => void;
}

export function openLedger(file: string, options: OpenOptions = {}): OpenLedger {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  const isNew = file === ':memory:' || !existsSync(file) || statSync(file).size === 0;
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { nativeBinding: options.nativeBinding, readonly: options.readonly ?? false });
  } catch (err) {
    throw new LedgerOpenError('unreadable', `Cannot open "${file}": ${(err as Error).message}`);
  }
  try {
    const blank = checkIsIkimina(sqlite, file, isNew);
    // WAL: readers never block the writer and a crash mid-write leaves the file whole.
    // synchronous=FULL: a commit is on disk before we say it is (NORMAL may lose the
    // last commits on power loss in WAL mode).
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const steps = checkMigrations(sqlite, file, migrationsFolder);
    options.beforeMigrate?.(sqlite, steps);
    // A blank file (new, or left empty by a crash during its first open) becomes ours.
    if (blank) sqlite.pragma(`application_id = ${IKIMINA_APPLICATION_ID}`);
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder });
    const upgradedSteps = blank ? 0 : readMigrationFiles({ migrationsFolder }).length - steps;
    return { sqlite, db, file, upgradedSteps, close: () => sqlite.close() };
  } catch (err) {
    sqlite.close();
    throw err;
  }
}

/** Refuses a file that is someone else's; returns true when the file is blank. */
function checkIsIkimina(sqlite: Database.Database, file: string, isNew: boolean): boolean {
  let appId: number;
  let tableCount: number;
  try {
    appId = sqlite.pragma('application_id', { simple: true }) as number;
    tableCount = (sqlite.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n;
  } catch {
    if (headerSaysIkimina(file)) {
      throw new LedgerOpenError('damaged', `"${file}" is an Ikimina ledger, but it is damaged and cannot be read. It was left untouched: restore the books from a backup (Settings → Backups), or ask for help.`);
    }
    throw new LedgerOpenError('not-ikimina', `"${file}" is not an Ikimina ledger (it is not a database file at all).`);
  }
  if (isNew || (appId === 0 && tableCount === 0)) return true;
  if (appId !== IKIMINA_APPLICATION_ID) {
    throw new LedgerOpenError('not-ikimina', `"${file}" is a database, but not an Ikimina ledger. It was left untouched.`);
  }
  return false;
}

/** A file's first 100 bytes (SQLite's header), or null when it has fewer or is not there. */
export function sqliteHeader(file: string): Buffer | null {
  if (file === ':memory:' || !existsSync(file)) return null;
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    if (readSync(fd, header, 0, 100, 0) < 100) return null;
  } finally {
    closeSync(fd);
  }
  return header;
}

/** Whether the file's SQLite header carries Ikimina's application id (a damaged file still has its header). */
export function headerSaysIkimina(file: string): boolean {
  const header = sqliteHeader(file);
  return header !== null && header.subarray(0, 16).toString('latin1') === 'SQLite format 3\0' && header.readUInt32BE(68) === IKIMINA_APPLICATION_ID;
}

/** The migrations applied to the file must be a prefix of the ones this build ships; returns how many are applied. */
function checkMigrations(sqlite: Database.Database, file: string, migrationsFolder: string): number {
  const hasTable = sqlite
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!hasTable) return 0;
  const applied = sqlite.prepare('SELECT hash, created_at FROM __drizzle_migrations ORDER BY created_at, rowid').all() as {
    hash: string;
    created_at: number;
  }[];
  const shipped = readMigrationFiles({ migrationsFolder });
  if (applied.length > shipped.length) {
    throw new LedgerOpenError(
      'newer-than-app',
      `"${file}" was written by a newer version of Ikimina (${applied.length} schema steps; this version knows ${shipped.length}). Update Ikimina to open it.`,
    );
  }
  applied.forEach((row, i) => {
    const ours = shipped[i]!;
    if (row.hash !== ours.hash || Number(row.created_at) !== ours.folderMillis) {
      throw new LedgerOpenError(
        'diverged',
        `"${file}" has a schema step ${i + 1} that this version of Ikimina does not recognise. It was left untouched.`,
      );
    }
  });
  return applied.length;
}
