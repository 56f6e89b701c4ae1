// The heads of the chains, kept outside the ledger file (beside the app's data): for
// each association, the last journal entry and the last change-log row this laptop
// has seen. Whoever removes entries from the file, or rewrites them and recomputes
// every hash, still contradicts a head recorded here. Written after every command
// (a new file, flushed, then renamed over the old one, so a power cut leaves the
// old heads or the new, never half of them).

import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { prepared } from '../prepared';
import { changeChainHead, type ChainHead } from './change-chain';

export interface SeenHeads {
  readonly journal: ChainHead | null;
  readonly changes: ChainHead | null;
  readonly seenAt: string;
}

/** The laptop's own change-log chain (rows naming no association). */
export const LAPTOP_KEY = 'laptop';

interface HeadsFile {
  readonly format: 1;
  readonly heads: Record<string, SeenHeads>;
}

export function journalHead(sqlite: Database.Database, associationId: string): ChainHead | null {
  return (prepared(sqlite, 'SELECT seq, hash FROM journal_entries WHERE association_id = ? ORDER BY seq DESC LIMIT 1').get(associationId) as ChainHead | undefined) ?? null;
}

export class HeadStore {
  private heads: Record<string, SeenHeads> = {};
  /** Set when the file was there but could not be read: said once, on the next check. */
  unreadable = false;

  constructor(readonly file: string | null) {
    if (!file || !existsSync(file)) return;
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as HeadsFile;
      if (parsed.format !== 1 || typeof parsed.heads !== 'object' || parsed.heads === null) throw new Error('format');
      this.heads = parsed.heads;
    } catch {
      this.unreadable = true;
    }
  }

  seen(key: string): SeenHeads | undefined {
    return Object.hasOwn(this.heads, key) ? this.heads[key] : undefined;
  }

  keys(): string[] {
    return Object.keys(this.heads);
  }

  /** Records what the file holds now for these associations (null: the laptop's chain). */
  record(sqlite: Database.Database, associationIds: readonly (string | null)[], at: Date): void {
    let changed = false;
    for (const id of associationIds) {
      const key = id ?? LAPTOP_KEY;
      const next: SeenHeads = { journal: id ? journalHead(sqlite, id) : null, changes: changeChainHead(sqlite, id), seenAt: at.toISOString() };
      const before = this.seen(key);
      if (before && before.journal?.hash === next.journal?.hash && before.changes?.hash === next.changes?.hash) continue;
      this.heads[key] = next;
      changed = true;
    }
    if (changed) this.save();
  }

  /** After a restore the books deliberately went back: forget these heads (then record the restored ones). */
  forget(keys: readonly string[]): void {
    for (const key of keys) delete this.heads[key];
    this.save();
  }

  private save(): void {
    if (!this.file) return;
    const temporary = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(temporary, 'w');
    try {
      writeSync(fd, JSON.stringify({ format: 1, heads: this.heads } satisfies HeadsFile, null, 1));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, this.file);
    this.unreadable = false;
  }
}
