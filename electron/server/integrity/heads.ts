// The heads of the chains, kept outside the ledger file (beside the app's data): for
// each association, the last journal entry and the last change-log row this laptop
// has seen, and for each ledger file, the head of its own history and the
// associations it held. Whoever removes entries from the file, or rewrites them and
// recomputes every hash, still contradicts a head recorded here. Written after a
// command at most once a second (and on closing): a new file, flushed, then renamed
// over the old one, so a power cut leaves the old heads or the new, never half of
// them. Heads a crash kept from being written only make the check less strict for
// that second's entries (the file then runs ahead of what was seen), never wrong.
//
// Associations are known by their ids wherever their books are; a ledger file by the
// id of the first row of its own history (copies and backups of it share it), so
// that opening another ledger file never looks like the first one lost its books.

import { associationIds } from '../association-record';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { changeLog, journalEntries } from '../../../db/schema';
import { prepared, type RowOf } from '../prepared';
import { changeChainHead, type ChainHead } from './change-chain';
import { tableColumns } from './scope';

export interface SeenHeads {
  readonly journal: ChainHead | null;
  readonly changes: ChainHead | null;
  readonly seenAt: string;
}

interface SeenLedger {
  readonly history: SeenHeads | null;
  /** The associations the file held when last seen. */
  readonly associations: readonly string[];
}

interface HeadsFile {
  readonly format: 2;
  readonly associations: Record<string, SeenHeads>;
  readonly ledgers: Record<string, SeenLedger>;
}

// Raw SQL: these read backups opened on their own and books not yet brought up to this build's schema too.

export function journalHead(sqlite: Database.Database, associationId: string): ChainHead | null {
  return (prepared(sqlite, 'SELECT seq, hash FROM journal_entries WHERE association_id = ? ORDER BY seq DESC LIMIT 1').get(associationId) as
    | RowOf<typeof journalEntries, 'seq' | 'hash'>
    | undefined) ?? null;
}

/** A ledger file's identity: the id of the first row of its own history (null before it has one). */
export function ledgerIdentity(sqlite: Database.Database): string | null {
  // Books from before the file kept its own history (schema step 8) have no identity yet;
  // they get one when they are brought up to date.
  if (!tableColumns(sqlite, 'change_log').some((c) => c.name === 'seq')) return null;
  return (prepared(sqlite, 'SELECT id FROM change_log WHERE association_id IS NULL AND seq = 1').get() as RowOf<typeof changeLog, 'id'> | undefined)?.id ?? null;
}

/** The least time between two writes of the heads file. */
const WRITE_EVERY_MS = 1000;

export class HeadStore {
  private associations: Record<string, SeenHeads> = {};
  private lastWrite = 0;
  /** The record of the file last written for (saves looking it up after every command). */
  private lastLedger: SeenLedger | undefined;
  private timer: NodeJS.Timeout | null = null;
  private ledgers: Record<string, SeenLedger> = {};
  /** Set when the file was there but could not be read: said on the next check. */
  unreadable = false;

  constructor(readonly file: string | null) {
    if (!file || !existsSync(file)) return;
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as HeadsFile;
      if (parsed.format !== 2 || typeof parsed.associations !== 'object' || typeof parsed.ledgers !== 'object') throw new Error('format');
      this.associations = parsed.associations ?? {};
      this.ledgers = parsed.ledgers ?? {};
    } catch {
      this.unreadable = true;
    }
  }

  /** What was seen of an association, or (null) of the file's own history. */
  seen(sqlite: Database.Database, associationId: string | null): SeenHeads | undefined {
    if (associationId !== null) return Object.hasOwn(this.associations, associationId) ? this.associations[associationId] : undefined;
    const ledger = this.ledgerOf(sqlite);
    return ledger?.history ?? undefined;
  }

  /** Associations this file held when last seen, and holds no more. */
  missingAssociations(sqlite: Database.Database): string[] {
    const ledger = this.ledgerOf(sqlite);
    if (!ledger) return [];
    const present = new Set(associationIds(sqlite));
    return ledger.associations.filter((id) => !present.has(id));
  }

  /** Records what the file holds now for these associations (null: the file's own history). */
  record(sqlite: Database.Database, chains: readonly (string | null)[], at: Date): void {
    let changed = false;
    const seenAt = at.toISOString();
    for (const id of chains) {
      if (id === null) continue;
      const next: SeenHeads = { journal: journalHead(sqlite, id), changes: changeChainHead(sqlite, id), seenAt };
      const before = this.associations[id];
      if (before && before.journal?.hash === next.journal?.hash && before.changes?.hash === next.changes?.hash) continue;
      this.associations[id] = next;
      changed = true;
    }
    // The file's own record: when its history moved, or it holds an association not yet noted.
    const noted = this.lastLedger;
    const needed = chains.includes(null) || !noted || chains.some((id) => id !== null && !noted.associations.includes(id));
    const ledgerId = needed ? ledgerIdentity(sqlite) : null;
    if (ledgerId) {
      const before = this.ledgers[ledgerId];
      const history = chains.includes(null) ? { journal: null, changes: changeChainHead(sqlite, null), seenAt } : (before?.history ?? null);
      const held = associationIds(sqlite);
      if (!before || before.history?.changes?.hash !== history?.changes?.hash || before.associations.join() !== held.join()) {
        this.ledgers[ledgerId] = { history, associations: held };
        changed = true;
      }
      this.lastLedger = this.ledgers[ledgerId];
    }
    if (changed) this.saveSoon();
  }

  /** Writes what is not yet written (on closing the books). */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      this.save();
    }
  }

  private saveSoon(): void {
    const wait = this.lastWrite + WRITE_EVERY_MS - Date.now();
    if (wait <= 0) {
      this.save();
      return;
    }
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      try {
        this.save();
      } catch (err) {
        // A full disk must not stop the books; the heads are written at the next chance.
        console.error('[ikimina] the chain heads could not be written:', (err as Error).message);
      }
    }, wait);
    this.timer.unref();
  }

  /** Before a restore the books deliberately go back: these heads (null: the file's own) no longer apply. */
  forget(sqlite: Database.Database, chains: readonly (string | null)[]): void {
    for (const id of chains) if (id !== null) delete this.associations[id];
    const ledgerId = ledgerIdentity(sqlite);
    if (ledgerId && chains.includes(null)) delete this.ledgers[ledgerId];
    this.lastLedger = undefined;
    this.save();
  }

  /**
   * A practice group is about to be deleted on purpose: its heads, and the file's note
   * that it held it, no longer apply (written at once, so a crash after the deletion
   * does not show the group as gone missing). `record` takes it back if the deletion fails.
   */
  release(sqlite: Database.Database, associationId: string): void {
    delete this.associations[associationId];
    const ledgerId = ledgerIdentity(sqlite);
    const ledger = ledgerId && Object.hasOwn(this.ledgers, ledgerId) ? this.ledgers[ledgerId] : undefined;
    if (ledgerId && ledger) this.ledgers[ledgerId] = { ...ledger, associations: ledger.associations.filter((a) => a !== associationId) };
    this.lastLedger = undefined;
    this.save();
  }

  private ledgerOf(sqlite: Database.Database): SeenLedger | undefined {
    const ledgerId = ledgerIdentity(sqlite);
    return ledgerId && Object.hasOwn(this.ledgers, ledgerId) ? this.ledgers[ledgerId] : undefined;
  }

  private save(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.lastWrite = Date.now();
    if (!this.file) return;
    const temporary = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(temporary, 'w');
    try {
      writeSync(fd, JSON.stringify({ format: 2, associations: this.associations, ledgers: this.ledgers } satisfies HeadsFile, null, 1));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, this.file);
    this.unreadable = false;
  }
}
