// The seal: a digest of everything an association holds outside its two hash chains
// (the journal and the change log), kept current after every command and recorded in
// that command's change-log row. A row changed behind Ikimina's back — by another
// program, by a flipped bit on the disk — no longer matches the seal.
//
// Each table's digest is the sum (modulo 2^256) of the SHA-256 of each of its rows:
// adding, changing or removing a row changes it by that row alone, so the sealer can
// keep it current from the rows a command touched instead of reading the whole table
// again (integrity/sealer.ts). A row is hashed as its non-empty columns by name, so a
// later schema step that adds an empty column does not change the seal.

import { createHash, hash, type Hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { prepared } from '../prepared';
import { CHAINED_TABLES, quoteName, scopeWhere, tableColumns, tableScopes, type TableScope } from './scope';

const MODULUS = 1n << 256n;

function encode(value: unknown): string {
  if (typeof value === 'bigint') return `i${value}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `i${value}` : `r${value}`;
  return `t${JSON.stringify(value)}`;
}

/** The hash of one row, given its columns' names and values (integers as BigInt or whole numbers alike). */
export function rowHash(table: string, columns: readonly string[], values: readonly unknown[]): bigint {
  // One string per row, hashed in one call (most rows); a row with a blob feeds its bytes in their place.
  let h: Hash | null = null;
  let text = `${table}{`;
  for (let i = 0; i < columns.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) continue;
    if (Buffer.isBuffer(value)) {
      h ??= createHash('sha256');
      h.update(`${text}${columns[i]}=b${value.length}:`);
      h.update(value);
      text = ';';
    } else text += `${columns[i]}=${encode(value)};`;
  }
  text += '}';
  return BigInt(`0x${h ? h.update(text).digest('hex') : hash('sha256', text)}`);
}

export function addDigest(a: bigint, b: bigint): bigint {
  return (((a + b) % MODULUS) + MODULUS) % MODULUS;
}

/** The digest of one table's rows of one association, read from scratch. */
export function tableDigest(sqlite: Database.Database, scope: TableScope, associationId: string, schema = 'main'): bigint {
  // Every table by name, each row as its values in column order: raw SQL.
  const rows = prepared(sqlite, `SELECT * FROM ${schema}.${quoteName(scope.table)} WHERE ${scopeWhere(scope, schema)}`)
    .raw(true)
    .safeIntegers(true)
    .iterate(associationId) as Iterable<unknown[]>;
  // Summed whole and reduced once (every row hash is below the modulus, so the result is the same).
  let sum = 0n;
  for (const row of rows) sum += rowHash(scope.table, scope.columns, row);
  return sum % MODULUS;
}

/** The tables the seal covers: every table of the association but the chained ones. */
export function sealedScopes(sqlite: Database.Database): readonly TableScope[] {
  return tableScopes(sqlite).filter((s) => !CHAINED_TABLES.has(s.table));
}

/** Joins per-table digests into the seal. */
export function combineSeal(digests: ReadonlyMap<string, bigint>): string {
  const h = createHash('sha256');
  for (const table of [...digests.keys()].sort()) h.update(`${table}=${digests.get(table)!.toString(16)}\n`);
  return h.digest('hex');
}

/**
 * The laptop's own seal: every table that belongs to no association — its
 * administrators, the schema steps applied, SQLite's own counters. Small: read whole.
 */
export function laptopSeal(sqlite: Database.Database): string {
  const h = createHash('sha256');
  const tables = prepared(sqlite, "SELECT name FROM main.sqlite_schema WHERE type = 'table' AND (name IN ('administrators', '__drizzle_migrations', 'sqlite_sequence')) ORDER BY name").pluck().all() as string[];
  for (const table of tables) {
    const columns = tableColumns(sqlite, table).map((c) => c.name);
    const rows = prepared(sqlite, `SELECT * FROM main.${quoteName(table)}`).raw(true).safeIntegers(true).all() as unknown[][];
    h.update(`[${table}]${rows.reduce((sum, row) => addDigest(sum, rowHash(table, columns, row)), 0n).toString(16)}`);
  }
  return h.digest('hex');
}

/** The whole seal of an association, computed from scratch. */
export function associationSeal(sqlite: Database.Database, associationId: string): { seal: string; digests: Map<string, bigint> } {
  const digests = new Map(sealedScopes(sqlite).map((s) => [s.table, tableDigest(sqlite, s, associationId)]));
  return { seal: combineSeal(digests), digests };
}
