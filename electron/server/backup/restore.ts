// Putting a backup in place of the open ledger file. The current file is never
// overwritten: it is moved aside (with its WAL, if any) under a name that says when
// and why, and moved back if anything goes wrong.

import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';

export function swapInBackup(currentFile: string, backupFile: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const aside = `${currentFile}.before-restore-${stamp}`;
  const moved: [string, string][] = [];
  try {
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(currentFile + suffix)) {
        renameSync(currentFile + suffix, aside + suffix);
        moved.push([aside + suffix, currentFile + suffix]);
      }
    }
    copyFileSync(backupFile, currentFile);
    return aside;
  } catch (err) {
    rmSync(currentFile, { force: true });
    for (const [from, to] of moved) renameSync(from, to);
    throw err;
  }
}
