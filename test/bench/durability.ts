// How durably both sides of the bench commit, and the file system they commit to.
//
// By default both sides run as the app does (WAL, synchronous=FULL): every commit
// waits for the disk, and on a slow disk that wait dominates both sides alike, hiding
// the server's own cost. `npm run bench -- --cpu-only` sets synchronous=OFF on both
// sides (the same work, no waiting for the disk), so the ratios show what the server
// itself adds: validation, parsing, hashing, the change log, the seals.

import type Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

let synchronous: 'FULL' | 'OFF' = 'FULL';

export function setCpuOnly(on: boolean): void {
  synchronous = on ? 'OFF' : 'FULL';
}

export function synchronousMode(): 'FULL' | 'OFF' {
  return synchronous;
}

/** Gives a connection (the server's or the raw side's) the bench's durability. */
export function applyDurability(sqlite: Database.Database): void {
  sqlite.pragma(`synchronous = ${synchronous}`);
}

/** The file system a folder is on ("ext4 on /dev/sda1"), from the kernel's list of mounts; "unknown" elsewhere. */
export function fileSystemOf(folder: string): string {
  try {
    const path = resolve(folder);
    const mounts = readFileSync('/proc/self/mounts', 'utf8').split('\n').map((line) => line.split(' '));
    // Mount points are written with octal escapes for spaces and the like.
    const unescape = (s: string) => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
    let best: { point: string; type: string; source: string } | null = null;
    for (const [source, point, type] of mounts) {
      if (!source || !point || !type) continue;
      const at = unescape(point);
      const inside = path === at || path.startsWith(at.endsWith('/') ? at : `${at}/`);
      if (inside && (!best || at.length > best.point.length)) best = { point: at, type, source };
    }
    return best ? `${best.type} on ${best.source} (mounted at ${best.point})` : 'unknown';
  } catch {
    return 'unknown';
  }
}
