// The seal: a SHA-256 digest of everything an association holds outside its two hash
// chains (the journal and the change log), recomputed after every command and kept in
// that command's change-log row. A row changed behind Ikimina's back — by another
// program, by a flipped bit on the disk — no longer matches the seal.
//
// Each row is written as its non-empty columns by name, so a later schema step that
// adds an empty column does not change the seal of rows written before it.

import { createHash, type Hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { CHAINED_TABLES, quoteName, scopeWhere, tableScopes, type TableScope } from './scope';

function feedValue(h: Hash, value: unknown): void {
  if (Buffer.isBuffer(value)) {
    h.update(`b${value.length}:`);
    h.update(value);
  } else if (typeof value === 'bigint') h.update(`i${value}`);
  else if (typeof value === 'number') h.update(`r${value}`);
  else h.update(`t${JSON.stringify(value)}`);
}

function digestRows(h: Hash, rows: Iterable<Record<string, unknown>>): void {
  for (const row of rows) {
    h.update('{');
    for (const [column, value] of Object.entries(row)) {
      if (value === null) continue;
      h.update(`${column}=`);
      feedValue(h, value);
      h.update(';');
    }
    h.update('}');
  }
}

/** The digest of one table's rows of one association. */
export function tableDigest(sqlite: Database.Database, scope: TableScope, associationId: string, schema = 'main'): string {
  const h = createHash('sha256');
  const rows = sqlite
    .prepare(`SELECT * FROM ${schema}.${quoteName(scope.table)} WHERE ${scopeWhere(scope, schema)} ORDER BY ${scope.orderBy}`)
    .safeIntegers(true)
    .iterate(associationId) as Iterable<Record<string, unknown>>;
  digestRows(h, rows);
  return h.digest('hex');
}

/** The tables the seal covers: every table of the association but the chained ones. */
export function sealedScopes(sqlite: Database.Database): readonly TableScope[] {
  return tableScopes(sqlite).filter((s) => !CHAINED_TABLES.has(s.table));
}

/** Joins per-table digests into the seal. */
export function combineSeal(digests: ReadonlyMap<string, string>): string {
  const h = createHash('sha256');
  for (const table of [...digests.keys()].sort()) h.update(`${table}=${digests.get(table)}\n`);
  return h.digest('hex');
}

/**
 * The laptop's own seal: every table that belongs to no association — its
 * administrators, the schema steps applied, SQLite's own counters.
 */
export function laptopSeal(sqlite: Database.Database): string {
  const h = createHash('sha256');
  const tables = sqlite.prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table' AND (name IN ('administrators', '__drizzle_migrations', 'sqlite_sequence')) ORDER BY name").pluck().all() as string[];
  for (const table of tables) {
    h.update(`[${table}]`);
    const columns = (sqlite.prepare(`PRAGMA main.table_info(${quoteName(table)})`).all() as { name: string }[]).map((c) => quoteName(c.name)).join(', ');
    digestRows(h, sqlite.prepare(`SELECT * FROM main.${quoteName(table)} ORDER BY ${columns}`).safeIntegers(true).iterate() as Iterable<Record<string, unknown>>);
  }
  return h.digest('hex');
}

/** The whole seal of an association, computed from scratch. */
export function associationSeal(sqlite: Database.Database, associationId: string): { seal: string; digests: Map<string, string> } {
  const digests = new Map(sealedScopes(sqlite).map((s) => [s.table, tableDigest(sqlite, s, associationId)]));
  return { seal: combineSeal(digests), digests };
}
