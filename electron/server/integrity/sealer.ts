// Keeps each association's seal current without reading its books again after every
// command. Temporary triggers — on this connection only, never in the file — note
// each row a command adds, changes or removes, with its association and its hash
// (before and after); the sealer adds and subtracts those from each table's digest.
// Remembered digests change only once the command's transaction has committed.

import type Database from 'better-sqlite3';
import { addDigest, combineSeal, laptopSeal, rowHash, sealedScopes, tableDigest } from './digest';
import { associationOf, quoteName, tableScopes } from './scope';
import { prepared } from '../prepared';

type Digests = Map<string, bigint>;

export class Sealer {
  private readonly known = new Map<string, Digests>();
  /** Rows the triggers reported since the deltas were last taken (most commands touch none: the journal is not sealed). */
  private touchedRows = 0;
  private pending = new Map<string, Digests>();
  /** The history chains written to in the open transaction (null: the laptop's). */
  private written = new Set<string | null>();
  /** The temporary triggers, to lift them while a whole association's rows are taken in (an import) and put them back. */
  private readonly triggers: { readonly name: string; readonly sql: string }[] = [];

  constructor(private readonly sqlite: Database.Database) {
    const scopes = sealedScopes(sqlite);
    const columnsOf = new Map(scopes.map((s) => [s.table, s.columns]));
    sqlite.function('ikimina_row_hash', { varargs: true, deterministic: false, safeIntegers: true }, (table: unknown, ...values: unknown[]) => {
      this.touchedRows++;
      return rowHash(String(table), columnsOf.get(String(table)) ?? [], values).toString(16);
    });
    sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS ikimina_delta (association_id TEXT, tbl TEXT NOT NULL, h TEXT NOT NULL, sign INTEGER NOT NULL)');
    const all = tableScopes(sqlite);
    for (const scope of scopes) {
      const table = quoteName(scope.table);
      const row = (ref: string, sign: number) =>
        `INSERT INTO temp.ikimina_delta VALUES (${associationOf(all, scope.table, ref)}, '${scope.table}', ikimina_row_hash('${scope.table}', ${scope.columns.map((c) => `${ref}.${quoteName(c)}`).join(', ')}), ${sign});`;
      const name = (event: string) => quoteName(`ikimina_seal_${scope.table}_${event}`);
      this.triggers.push(
        { name: name('insert'), sql: `CREATE TEMP TRIGGER IF NOT EXISTS ${name('insert')} AFTER INSERT ON main.${table} BEGIN ${row('NEW', 1)} END` },
        { name: name('update'), sql: `CREATE TEMP TRIGGER IF NOT EXISTS ${name('update')} AFTER UPDATE ON main.${table} BEGIN ${row('OLD', -1)} ${row('NEW', 1)} END` },
        { name: name('delete'), sql: `CREATE TEMP TRIGGER IF NOT EXISTS ${name('delete')} AFTER DELETE ON main.${table} BEGIN ${row('OLD', -1)} END` },
      );
    }
    for (const trigger of this.triggers) sqlite.exec(trigger.sql);
  }

  /**
   * Runs `write` (which changes one association's rows wholesale, e.g. an import)
   * without noting each row, then forgets that association's digests: they are read
   * again from the file when next needed. Much faster for hundreds of thousands of rows.
   */
  untracked<T>(associationId: string, write: () => T): T {
    for (const trigger of this.triggers) this.sqlite.exec(`DROP TRIGGER IF EXISTS temp.${trigger.name}`);
    try {
      return write();
    } finally {
      for (const trigger of this.triggers) this.sqlite.exec(trigger.sql);
      this.known.delete(associationId);
      this.pending.delete(associationId);
    }
  }

  /** The seal of an association (or of the laptop: null) as the open transaction leaves it. */
  sealNow(associationId: string | null): string {
    this.written.add(associationId);
    this.takeDeltas();
    if (associationId === null) return laptopSeal(this.sqlite);
    return combineSeal(this.digestsOf(associationId));
  }

  /** Folds the rows commands touched into the digests of their associations. */
  private takeDeltas(): void {
    if (this.touchedRows === 0) return;
    this.touchedRows = 0;
    const deltas = prepared(this.sqlite, 'SELECT association_id AS a, tbl, h, sign FROM temp.ikimina_delta').all() as { a: string | null; tbl: string; h: string; sign: number }[];
    if (deltas.length === 0) return;
    prepared(this.sqlite, 'DELETE FROM temp.ikimina_delta').run();
    const fresh = new Set<string>();
    for (const { a, tbl, h, sign } of deltas) {
      if (a === null || fresh.has(a)) continue;
      let digests = this.pending.get(a);
      if (!digests) {
        const known = this.known.get(a);
        if (!known) {
          // Never seen: read from the file as it is now (these changes included).
          this.pending.set(a, this.readAll(a));
          fresh.add(a);
          continue;
        }
        digests = new Map(known);
        this.pending.set(a, digests);
      }
      const value = BigInt(`0x${h}`);
      digests.set(tbl, addDigest(digests.get(tbl) ?? 0n, sign > 0 ? value : -value));
    }
  }

  private digestsOf(associationId: string): Digests {
    let digests = this.pending.get(associationId);
    if (!digests) {
      digests = new Map(this.known.get(associationId) ?? this.readAll(associationId));
      this.pending.set(associationId, digests);
    }
    return digests;
  }

  private readAll(associationId: string): Digests {
    return new Map(sealedScopes(this.sqlite).map((s) => [s.table, tableDigest(this.sqlite, s, associationId)]));
  }

  /** The transaction committed: remember the new digests. Returns the history chains it wrote to (their heads move). */
  committed(): (string | null)[] {
    this.takeDeltasOutsideTransaction();
    for (const [associationId, digests] of this.pending) this.known.set(associationId, digests);
    this.pending = new Map();
    const written = [...this.written];
    this.written = new Set();
    return written;
  }

  /** The transaction rolled back (its touched rows with it): forget what it computed. */
  rolledBack(): void {
    this.pending = new Map();
    this.written = new Set();
    // Rows taken inside the rolled-back transaction may be back in the table: look again next time.
    this.touchedRows = 1;
  }

  /** Digests already computed elsewhere (the check on opening the file). */
  remember(associationId: string, digests: Digests): void {
    this.known.set(associationId, new Map(digests));
  }

  /** Rows changed after the last seal of the transaction are not lost: they count from the next command on. */
  private takeDeltasOutsideTransaction(): void {
    if (!this.sqlite.inTransaction) this.takeDeltas();
  }
}
