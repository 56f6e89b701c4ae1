// The one cache of prepared statements, per connection. Compiling SQL costs more than
// running most of our queries (see `npm run bench`), so every statement — a typed
// drizzle query or one of the few raw SQL strings kept for speed — is compiled once
// per open ledger and reused.
//
//   Typed (the default): declare the query once at module level,
//     const memberById = typedQuery((db) =>
//       db.select().from(members).where(eq(members.id, sql.placeholder('id'))).prepare());
//   and run it with named placeholders: memberById(ctx.ledger).get({ id }).
//   The row type comes from the schema, so a renamed column fails to compile.
//
//   Inserts many rows a command writes (a meeting's attendance and contributions, the
//   change log on every command): `rowInserter(attendance)(ctx.ledger).run({...})`, a
//   raw INSERT built from the schema's columns and typed by its `$inferInsert` —
//   drizzle's placeholder filling cost ~9 µs a row there (`npm run bench -- --cpu-only`).
//
//   Raw (only where measurably faster: posting, BigInt sums, SQLite's own tables):
//     prepared(sqlite, 'SELECT …').get(…) as RowOf<…>, its row type built from the
//   schema's `$inferSelect` (see RowOf below), never written by hand.

import type Database from 'better-sqlite3';
import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { LedgerDb } from '../../db/open';

type CacheKey = string | ((...args: never[]) => unknown);
const caches = new WeakMap<Database.Database, Map<CacheKey, unknown>>();

function cacheOf(sqlite: Database.Database): Map<CacheKey, unknown> {
  let cache = caches.get(sqlite);
  if (!cache) {
    cache = new Map();
    caches.set(sqlite, cache);
  }
  return cache;
}

/** A raw SQL statement, compiled once per connection. */
export function prepared(sqlite: Database.Database, sql: string): Database.Statement {
  const cache = cacheOf(sqlite);
  let statement = cache.get(sql) as Database.Statement | undefined;
  if (!statement) {
    statement = sqlite.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/** What a typed query is built on: the open ledger's two faces (driver and drizzle). */
export interface QueryTarget {
  readonly sqlite: Database.Database;
  readonly db: LedgerDb;
}

/**
 * A drizzle query (or a group of them) built once per connection from `build` and
 * kept in the same cache as the raw statements. Returns the getter for it.
 */
export function typedQuery<T>(build: (db: LedgerDb, sqlite: Database.Database) => T): (target: QueryTarget) => T {
  return (target) => {
    const cache = cacheOf(target.sqlite);
    let built = cache.get(build) as T | undefined;
    if (built === undefined) {
      built = build(target.db, target.sqlite);
      cache.set(build, built);
    }
    return built;
  };
}

/**
 * The row a raw SQL statement returns, typed from a table's schema: pick the columns
 * it selects (aliased to the schema's camelCase names), optionally with extra
 * computed fields. `RowOf<typeof members, 'id' | 'fullName'>`.
 */
export type RowOf<
  Table extends { $inferSelect: Record<string, unknown> },
  Keys extends keyof Table['$inferSelect'],
  Extra extends Record<string, unknown> = Record<never, never>,
> = Pick<Table['$inferSelect'], Keys> & Extra;

/**
 * A named placeholder where drizzle's types want an SQL value (an UPDATE's `set`):
 * `db.update(t).set({ exitedOn: placeholderValue('exitedOn') })`.
 */
export function placeholderValue(name: string): SQL {
  return sql`${sql.placeholder(name)}`;
}

/** A table's row as an insert takes it, every column named (null where none). */
type InsertRow<T extends SQLiteTable> = T['$inferInsert'];

/**
 * A fast typed INSERT into `table`: the SQL is made once per connection and per set of
 * columns given, from the schema's column names; values are bound by name, booleans
 * as 0/1 (as drizzle stores them). Columns left out take their defaults.
 */
export function rowInserter<T extends SQLiteTable>(table: T): (target: QueryTarget) => { run(row: InsertRow<T>): void } {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const name = getTableName(table);
  return typedQuery((_db, sqlite) => ({
    run(row: InsertRow<T>): void {
      const keys = Object.keys(row as object).filter((k) => (row as Record<string, unknown>)[k] !== undefined);
      const statement = prepared(
        sqlite,
        `INSERT INTO "${name}" (${keys.map((k) => `"${columns[k]!.name}"`).join(', ')}) VALUES (${keys.map((k) => `@${k}`).join(', ')})`,
      );
      const values: Record<string, unknown> = {};
      for (const k of keys) {
        const v = (row as Record<string, unknown>)[k];
        values[k] = typeof v === 'boolean' ? Number(v) : v;
      }
      statement.run(values);
    },
  }));
}
