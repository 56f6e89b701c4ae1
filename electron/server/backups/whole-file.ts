// Backups of the whole file: a consistent copy made while it is open (SQLite's
// VACUUM INTO reads one snapshot in one transaction, so a backup never catches half
// a command), written under a temporary name, flushed, checked (opened again,
// integrity-checked, every chain and seal verified) and only then given its name.
// A copy that cannot be made is removed (copy.ts writeWholeUnderFreeName). Problems the books already had are reported
// with the backup, not a reason to refuse one: a backup is most needed then.

import type Database from 'better-sqlite3';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inspectLedgerFile, type InspectOptions, type LedgerFileSummary } from './inspect';
import { writeWholeUnderFreeName } from './copy';
import { prepared } from '../prepared';

export const AUTO_PREFIX = 'ikimina-auto-';
/** Automatic backups kept; older ones are removed. Manual backups are never removed. */
export const AUTO_KEEP = 14;

export function backupFileName(kind: 'auto' | 'manual', at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${kind === 'auto' ? AUTO_PREFIX : 'ikimina-backup-'}${stamp}.sqlite`;
}

export function makeBackup(sqlite: Database.Database, folder: string, name: string, options: InspectOptions = {}): LedgerFileSummary {
  return writeCheckedCopy(folder, name, (temporary) => prepared(sqlite, 'VACUUM INTO ?').run(temporary), options);
}

/**
 * Writes a copy with `write` under a temporary name in `folder`, flushes and checks
 * it, then gives it a name no other file has (hard-linked, so an existing file is
 * never replaced). Whatever fails leaves no file behind.
 */
export function writeCheckedCopy(folder: string, name: string, write: (temporary: string) => void, options: InspectOptions): LedgerFileSummary {
  let summary: LedgerFileSummary | null = null;
  const { file } = writeWholeUnderFreeName(folder, name, write, (temporary) => {
    summary = inspectLedgerFile(temporary, { ...options, problems: 'report' });
  });
  return { ...summary!, file };
}

/** When a backup was made, from its name (the file's own time may be changed by copying). */
export function madeAt(file: string): Date | null {
  const m = /(\d{8})-(\d{6})(?:-\d+)?\.sqlite$/.exec(file);
  if (!m) return null;
  const [d, t] = [m[1]!, m[2]!];
  return new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4)}Z`);
}

/** The automatic backups in a folder, newest first. */
export function listAutoBackups(folder: string): { file: string; name: string; bytes: number; modifiedAt: string }[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.startsWith(AUTO_PREFIX) && f.endsWith('.sqlite'))
    .map((f) => {
      const stat = statSync(join(folder, f));
      return { file: join(folder, f), name: f, bytes: stat.size, modifiedAt: stat.mtime.toISOString() };
    })
    .sort((a, b) => (a.file < b.file ? 1 : -1));
}

export function rotateAutoBackups(folder: string, keep = AUTO_KEEP): void {
  for (const old of listAutoBackups(folder).slice(keep)) rmSync(old.file, { force: true });
}
