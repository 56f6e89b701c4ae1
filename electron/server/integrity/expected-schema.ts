// What the file's schema must be: the tables, indexes and triggers (the append-only
// guards among them) that this build's schema steps create. Worked out by applying
// the same steps to an empty database in memory, so a dropped trigger or an altered
// table is seen whatever it was.

import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';

export interface SchemaObject {
  readonly type: string;
  readonly name: string;
  readonly sql: string | null;
}

const SCHEMA_QUERY = (schema: string) =>
  `SELECT type, name, sql FROM ${schema}.sqlite_schema WHERE name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations' ORDER BY type, name`;

export function schemaOf(sqlite: Database.Database, schema = 'main'): SchemaObject[] {
  return sqlite.prepare(SCHEMA_QUERY(schema)).all() as SchemaObject[];
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
    const objects = schemaOf(memory);
    expectedByStep.set(key, objects);
    return objects;
  } finally {
    memory.close();
  }
}

/** Names of the objects that differ between the file and what its schema steps make. */
export function schemaDifferences(actual: readonly SchemaObject[], expected: readonly SchemaObject[]): string[] {
  const key = (o: SchemaObject) => `${o.type}\n${o.name}\n${o.sql ?? ''}`;
  const want = new Set(expected.map(key));
  const have = new Set(actual.map(key));
  const names = new Set<string>();
  for (const o of actual) if (!want.has(key(o))) names.add(o.name);
  for (const o of expected) if (!have.has(key(o))) names.add(o.name);
  return [...names].sort();
}
