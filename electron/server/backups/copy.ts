// Copying ledger files so that nothing can be lost on the way: the copy is made
// beside its destination under a temporary name, flushed to the disk, and only then
// given its name (a rename is atomic); a file's -wal (where its newest pages may be)
// is taken with it and folded in.

import { randomBytes } from 'node:crypto';
import { closeSync, constants, copyFileSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, rmSync } from 'node:fs';
import { LedgerError } from '../errors';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';

/** Flushes a file (or a folder's entries, where the system allows it) to the disk. */
export function flush(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // Folders cannot be flushed on every system (Windows): the rename is still atomic.
  } finally {
    closeSync(fd);
  }
}

export const TEMPORARY_PREFIX = '.ikimina-copy-';

/** A name beside `near` that no other file has and no later call will take. */
export function temporaryBeside(near: string): string {
  return join(dirname(near), `${TEMPORARY_PREFIX}${Date.now()}-${randomBytes(6).toString('hex')}.sqlite`);
}

/** Removes what a copy cut short by a crash left behind (they are never the books themselves). */
export function removeLeftoverCopies(folder: string): void {
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) {
    if (name.startsWith(TEMPORARY_PREFIX)) rmSync(join(folder, name), { force: true });
  }
}

export function removeWithCompanions(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

/**
 * Copies a backup or ledger file to a temporary file beside `near`, with its newest
 * pages from its -wal folded in, as one single flushed file. The source is never
 * written to. Returns the temporary file (the caller checks it, then renames or removes it).
 */
export function copyAsSingleFile(source: string, near: string, nativeBinding?: string): string {
  const target = temporaryBeside(near);
  try {
    copyFileSync(source, target);
    if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${target}-wal`);
    if (existsSync(`${target}-wal`)) {
      // Opening the copy folds its -wal in; the original stays as it was.
      const db = new Database(target, { nativeBinding });
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.pragma('journal_mode = DELETE');
      } finally {
        db.close();
      }
    }
    removeCompanionsOnly(target);
    flush(target);
    return target;
  } catch (err) {
    removeWithCompanions(target);
    throw err;
  }
}

function removeCompanionsOnly(file: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

/** A name for a kept copy that can never be an existing file's: the moment, then random letters. */
export function uniqueKeptName(base: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*$/, '');
  return `${base}.before-restore-${stamp}-${randomBytes(4).toString('hex')}`;
}


/** Errors that say the folder cannot hold hard links (some USB sticks, another drive). */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV']);

/**
 * Gives `source` another name, the first of `nameFor(1)`, `nameFor(2)` … that no file
 * has: a hard link (no copy, nothing overwritten), or where links cannot be made an
 * exclusive copy, flushed. Returns the name taken.
 */
export function linkUnderFreeName(source: string, nameFor: (attempt: number) => string): string {
  for (let attempt = 1; ; attempt++) {
    const target = nameFor(attempt);
    try {
      linkSync(source, target);
      return target;
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (code === 'EEXIST') continue;
      if (!NO_LINKS.has(code)) throw err;
    }
    try {
      copyFileSync(source, target, constants.COPYFILE_EXCL);
    } catch (err) {
      if ((err as { code?: string }).code === 'EEXIST') continue;
      rmSync(target, { force: true });
      throw err;
    }
    flush(target);
    return target;
  }
}

/** What went wrong writing a file, in the reader's words: the disk is full, or the folder cannot be written to; anything else as it was. */
export function fileWriteError(err: unknown): unknown {
  if (err instanceof LedgerError) return err;
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new LedgerError('disk-full', {}, 'folder');
  if (/^(E[A-Z]+|SQLITE_(CANTOPEN|IOERR.*|READONLY.*|PERM))$/.test(code)) return new LedgerError('backup-folder-unwritable', {}, 'folder');
  return err;
}

/**
 * Writes a file into `folder` whole or not at all: `write` fills a temporary file
 * beside its destination, which is flushed, then `check`ed (it may refuse it), then
 * given `name` — or `name-2`, `name-3` … never the name of an existing file. Whatever
 * fails leaves no file behind and says why in words.
 */
export function writeWholeUnderFreeName<T>(folder: string, name: string, write: (temporary: string) => T, check: (temporary: string) => void = () => {}): { file: string; written: T } {
  try {
    mkdirSync(folder, { recursive: true });
  } catch {
    throw new LedgerError('backup-folder-unwritable', {}, 'folder');
  }
  const temporary = temporaryBeside(join(folder, name));
  try {
    let written: T;
    try {
      written = write(temporary);
    } catch (err) {
      throw fileWriteError(err);
    }
    flush(temporary);
    check(temporary);
    let file: string;
    try {
      file = linkUnderFreeName(temporary, (n) => join(folder, n === 1 ? name : name.replace(/(\.[^.]+)?$/, (ext) => `-${n}${ext}`)));
    } catch (err) {
      throw new LedgerError((err as { code?: string }).code === 'ENOSPC' ? 'disk-full' : 'backup-folder-unwritable', {}, 'folder');
    }
    flush(folder);
    return { file, written };
  } finally {
    removeWithCompanions(temporary);
  }
}
