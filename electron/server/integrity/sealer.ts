// Keeps each association's seal current without reading all its books after every
// command: temporary triggers (on this connection only, never in the file) note which
// tables a command touched, and only those tables' digests are computed again. The
// digests of the others are remembered from before. Remembered digests change only
// once the command's transaction has committed.

import type Database from 'better-sqlite3';
import { combineSeal, laptopSeal, sealedScopes, tableDigest } from './digest';
import { quoteName } from './scope';

export class Sealer {
  private readonly known = new Map<string, Map<string, string>>();
  private pending = new Map<string, Map<string, string>>();
  private touched = new Set<string>();

  constructor(private readonly sqlite: Database.Database) {
    sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS ikimina_touched (name TEXT PRIMARY KEY)');
    for (const { table } of sealedScopes(sqlite)) {
      for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
        sqlite.exec(`CREATE TEMP TRIGGER IF NOT EXISTS ${quoteName(`ikimina_touched_${table}_${event.toLowerCase()}`)} AFTER ${event} ON main.${quoteName(table)}
          BEGIN INSERT OR IGNORE INTO temp.ikimina_touched (name) VALUES ('${table}'); END`);
      }
    }
  }

  /** The seal of an association (or of the laptop: null) as the open transaction leaves it. */
  sealNow(associationId: string | null): string {
    if (associationId === null) return laptopSeal(this.sqlite);
    const touched = this.sqlite.prepare('SELECT name FROM temp.ikimina_touched').pluck().all() as string[];
    this.sqlite.prepare('DELETE FROM temp.ikimina_touched').run();
    for (const table of touched) this.touched.add(table);
    const before = this.pending.get(associationId) ?? this.known.get(associationId);
    const digests = new Map<string, string>();
    for (const scope of sealedScopes(this.sqlite)) {
      const kept = before?.get(scope.table);
      digests.set(scope.table, kept !== undefined && !this.touched.has(scope.table) ? kept : tableDigest(this.sqlite, scope, associationId));
    }
    this.pending.set(associationId, digests);
    return combineSeal(digests);
  }

  /** The transaction committed: remember the new digests; other associations' digests of touched tables are recomputed when next needed. */
  committed(): void {
    for (const [associationId, digests] of this.known) {
      if (this.pending.has(associationId)) continue;
      for (const table of this.touched) digests.delete(table);
    }
    for (const [associationId, digests] of this.pending) this.known.set(associationId, digests);
    this.pending = new Map();
    this.touched = new Set();
  }

  /** The transaction rolled back: forget what it computed. */
  rolledBack(): void {
    this.pending = new Map();
    this.touched = new Set();
  }

  /** Digests already computed elsewhere (the check on opening the file). */
  remember(associationId: string, digests: Map<string, string>): void {
    this.known.set(associationId, digests);
  }

  forgetAll(): void {
    this.known.clear();
    this.rolledBack();
  }
}
