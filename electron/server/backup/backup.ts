// Backups: a consistent copy of the whole ledger file, made while it is open
// (SQLite's VACUUM INTO reads one snapshot in one transaction, so a backup never
// catches half a command), then checked before it is trusted: opened again,
// integrity-checked and every hash chain verified. A copy that fails is deleted.

import type Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LedgerError } from '../errors';
import { inspectLedgerFile, type LedgerFileSummary } from './inspect';

export const AUTO_PREFIX = 'ikimina-auto-';
/** Automatic backups kept; older ones are removed. Manual backups are never removed. */
export const AUTO_KEEP = 14;

export function backupFileName(kind: 'auto' | 'manual', at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${kind === 'auto' ? AUTO_PREFIX : 'ikimina-backup-'}${stamp}.sqlite`;
}

export function makeBackup(sqlite: Database.Database, folder: string, name: string): LedgerFileSummary {
  try {
    mkdirSync(folder, { recursive: true });
  } catch {
    throw new LedgerError('backup-folder-unwritable', {}, 'folder');
  }
  let file = join(folder, name);
  for (let n = 2; existsSync(file); n++) file = join(folder, name.replace(/\.sqlite$/, `-${n}.sqlite`));
  try {
    sqlite.prepare('VACUUM INTO ?').run(file);
  } catch (err) {
    rmSync(file, { force: true });
    const code = (err as { code?: string }).code;
    throw new LedgerError(code === 'SQLITE_FULL' ? 'disk-full' : 'backup-folder-unwritable', {}, 'folder');
  }
  try {
    return inspectLedgerFile(file);
  } catch (err) {
    rmSync(file, { force: true });
    throw err;
  }
}

/** When a backup was made, from its name (the file's own time may be changed by copying). */
export function madeAt(file: string): Date | null {
  const m = /(\d{8})-(\d{6})(?:-\d+)?\.sqlite$/.exec(file);
  if (!m) return null;
  const [d, t] = [m[1]!, m[2]!];
  return new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4)}Z`);
}

/** The automatic backups in a folder, newest first. */
export function listAutoBackups(folder: string): { file: string; bytes: number; modifiedAt: string }[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.startsWith(AUTO_PREFIX) && f.endsWith('.sqlite'))
    .map((f) => {
      const stat = statSync(join(folder, f));
      return { file: join(folder, f), bytes: stat.size, modifiedAt: stat.mtime.toISOString() };
    })
    .sort((a, b) => (a.file < b.file ? 1 : -1));
}

export function rotateAutoBackups(folder: string, keep = AUTO_KEEP): void {
  for (const old of listAutoBackups(folder).slice(keep)) rmSync(old.file, { force: true });
}
