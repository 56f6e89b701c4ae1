// What the file's schema must be: the tables, indexes, views and triggers (the
// append-only guards among them) that this build's schema steps create, and
// drizzle's own table of the steps applied. Worked out by applying the same steps to
// an empty database in memory, so a dropped trigger, an altered table or a changed
// byte in any row of the schema (SQLite's own index rows included) is seen.

import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { prepared } from '../prepared';

export interface SchemaObject {
  readonly type: string;
  readonly name: string;
  readonly tableName: string;
  readonly sql: string | null;
}

/** Every row of the schema but where each object's pages start (that differs between copies of the same books). */
const SCHEMA_QUERY = (schema: string) => `SELECT type, name, tbl_name AS tableName, sql FROM ${schema}.sqlite_schema ORDER BY type, name`;

const STEPS_TABLE = '__drizzle_migrations';

export function schemaOf(sqlite: Database.Database, schema = 'main'): SchemaObject[] {
  return prepared(sqlite, SCHEMA_QUERY(schema)).all() as SchemaObject[];
}

const expectedByStep = new Map<string, SchemaObject[]>();

/** The schema after the first `steps` schema steps of this build. */
export function expectedSchema(migrationsFolder: string, steps: number, nativeBinding?: string): SchemaObject[] {
  const key = `${migrationsFolder}\n${steps}`;
  const known = expectedByStep.get(key);
  if (known) return known;
  const memory = new Database(':memory:', { nativeBinding });
  try {
    for (const step of readMigrationFiles({ migrationsFolder }).slice(0, steps)) {
      for (const statement of step.sql) if (statement.trim()) memory.exec(statement);
    }
    const objects = [...schemaOf(memory), ...stepsTable(migrationsFolder, nativeBinding)].sort((a, b) => `${a.type}\n${a.name}`.localeCompare(`${b.type}\n${b.name}`));
    expectedByStep.set(key, objects);
    return objects;
  } finally {
    memory.close();
  }
}

/** The schema rows of drizzle's table of steps applied, as its migrator makes them. */
function stepsTable(migrationsFolder: string, nativeBinding?: string): SchemaObject[] {
  const memory = new Database(':memory:', { nativeBinding });
  try {
    migrate(drizzle(memory), { migrationsFolder });
    return schemaOf(memory).filter((o) => o.tableName === STEPS_TABLE);
  } finally {
    memory.close();
  }
}

/** Names of the objects that differ between the file and what its schema steps make. */
export function schemaDifferences(actual: readonly SchemaObject[], expected: readonly SchemaObject[]): string[] {
  const key = (o: SchemaObject) => `${o.type}\n${o.name}\n${o.tableName}\n${o.sql ?? ''}`;
  const want = new Set(expected.map(key));
  const have = new Set(actual.map(key));
  const names = new Set<string>();
  for (const o of actual) if (!want.has(key(o))) names.add(o.name);
  for (const o of expected) if (!have.has(key(o))) names.add(o.name);
  return [...names].sort();
}

/** How a file's schema steps stand against this build's: none (not a ledger), newer, another path, or how many it has of how many shipped. */
export type StepsFound =
  | { readonly kind: 'none' | 'newer' | 'other-path' }
  | { readonly kind: 'steps'; readonly steps: number; readonly shipped: number };

/** Reads drizzle's own table of the schema steps applied to a file opened on its own, against the steps this build ships. */
export function schemaStepsOf(db: Database.Database, migrationsFolder: string): StepsFound {
  const hasTable = prepared(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!hasTable) return { kind: 'none' };
  const applied = prepared(db, 'SELECT hash FROM __drizzle_migrations ORDER BY created_at, rowid').all() as { hash: string }[];
  const shipped = readMigrationFiles({ migrationsFolder });
  if (applied.length > shipped.length) return { kind: 'newer' };
  if (applied.some((row, i) => row.hash !== shipped[i]!.hash)) return { kind: 'other-path' };
  return { kind: 'steps', steps: applied.length, shipped: shipped.length };
}
