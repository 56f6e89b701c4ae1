// Opening a ledger file: refuse what is not ours or is newer than this build, set the
// pragmas that keep the books safe through crashes and power cuts, and migrate.

import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { existsSync, statSync } from 'node:fs';
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
  close(): void;
}

export class LedgerOpenError extends Error {
  constructor(
    readonly code: 'not-ikimina' | 'newer-than-app' | 'diverged' | 'unreadable',
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
    checkMigrations(sqlite, file, migrationsFolder);
    // A blank file (new, or left empty by a crash during its first open) becomes ours.
    if (blank) sqlite.pragma(`application_id = ${IKIMINA_APPLICATION_ID}`);
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder });
    return { sqlite, db, file, close: () => sqlite.close() };
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
    throw new LedgerOpenError('not-ikimina', `"${file}" is not an Ikimina ledger (it is not a database file at all).`);
  }
  if (isNew || (appId === 0 && tableCount === 0)) return true;
  if (appId !== IKIMINA_APPLICATION_ID) {
    throw new LedgerOpenError('not-ikimina', `"${file}" is a database, but not an Ikimina ledger. It was left untouched.`);
  }
  return false;
}

/** The migrations applied to the file must be a prefix of the ones this build ships. */
function checkMigrations(sqlite: Database.Database, file: string, migrationsFolder: string): void {
  const hasTable = sqlite
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!hasTable) return;
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
}
