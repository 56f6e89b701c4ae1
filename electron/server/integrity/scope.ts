// Which rows of each table belong to one association. Most tables name their
// association; the rest (a meeting's attendance, a loan's instalments …) belong to it
// through their parent. Worked out from the schema itself, so a table added by a later
// feature is covered without anyone remembering to list it here.

import type Database from 'better-sqlite3';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { prepared } from '../prepared';

/** Tables that belong to the laptop, not to an association. */
export const LAPTOP_TABLES: ReadonlySet<string> = new Set([
  '__drizzle_migrations', 'administrators',
  // The coordinator's record of imported books: about associations, but not in them (an import never changes an association's own rows).
  'exchange_sources', 'exchange_keys', 'exchange_imports', 'exchange_import_files', 'exchange_conflicts',
  // An exchange file's manifest and signature (exchange/format.ts): of the file, not of the books in it.
  'ikimina_exchange',
  // The programme view's summary and notes, worked out from imported books (programme/summary.ts).
  'programme_quarters', 'programme_groups',
]);

/** Tables kept by their own hash chains: the journal and the change log. */
export const CHAINED_TABLES: ReadonlySet<string> = new Set(['journal_entries', 'postings', 'change_log']);

export interface TableScope {
  readonly table: string;
  /** A condition on the table's rows, with one `?` for the association's id; `{schema}` stands for the database holding it. */
  readonly where: string;
  /** Columns that order its rows the same way on every copy of the file (never the rowid: VACUUM renumbers it). */
  readonly orderBy: string;
  /** 0 for the association itself, 1 for tables naming it, 2 and more for their children (deleted before their parents). */
  readonly depth: number;
  /** How a row finds its association: its own column, or through this reference to its parent. */
  readonly via: { readonly column: string } | { readonly parent: string; readonly from: string; readonly to: string };
  /** The table's columns, in order. */
  readonly columns: readonly string[];
}

const scopesOf = new WeakMap<Database.Database, readonly TableScope[]>();

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

// SQLite's own answers about the schema (raw SQL: the tables are found by name).

/** A row of PRAGMA table_info (the fields read here). */
export interface TableColumn {
  readonly name: string;
  /** 1, 2 … for the primary key's columns in order; 0 for the others. */
  readonly pk: number;
  readonly notnull: number;
}

/** A row of PRAGMA foreign_key_list (the fields read here). */
interface ForeignKey {
  readonly table: string;
  readonly from: string;
  readonly to: string;
}

/**
 * A row of one of our tables as `SELECT *` returns it: its columns by their names in
 * the file, typed from the schema. For the readers that must still read a file whose
 * columns were altered by hand, and report it rather than fail.
 */
export type StoredRow<T extends SQLiteTable> = {
  [K in keyof T['_']['columns'] & string as T['_']['columns'][K]['_']['name']]: T['$inferSelect'][K];
};

export function tableColumns(sqlite: Database.Database, table: string): TableColumn[] {
  return prepared(sqlite, `PRAGMA main.table_info(${quote(table)})`).all() as TableColumn[];
}

function foreignKeys(sqlite: Database.Database, table: string): ForeignKey[] {
  return prepared(sqlite, `PRAGMA main.foreign_key_list(${quote(table)})`).all() as ForeignKey[];
}

/**
 * Forgets the scopes worked out on a connection. Called after schema steps ran on it:
 * the check before the steps saw the old columns, and a seal kept over those would
 * leave the new columns out (and the next full check would see the books as changed).
 */
export function forgetTableScopes(sqlite: Database.Database): void {
  scopesOf.delete(sqlite);
  ordersOf.delete(sqlite);
}

export function tableScopes(sqlite: Database.Database): readonly TableScope[] {
  const known = scopesOf.get(sqlite);
  if (known) return known;
  const tables = (prepared(sqlite, "SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[])
    .map((r) => r.name)
    .filter((name) => !LAPTOP_TABLES.has(name));
  const where = new Map<string, string>([['associations', 'id = ?']]);
  const depth = new Map<string, number>([['associations', 0]]);
  const via = new Map<string, TableScope['via']>([['associations', { column: 'id' }]]);
  for (const table of tables) {
    if (where.has(table) || !tableColumns(sqlite, table).some((c) => c.name === 'association_id')) continue;
    where.set(table, 'association_id = ?');
    depth.set(table, 1);
    via.set(table, { column: 'association_id' });
  }
  // The others belong through a required reference to a table already placed.
  for (let placed = true; placed; ) {
    placed = false;
    for (const table of tables) {
      if (where.has(table)) continue;
      const required = new Set(tableColumns(sqlite, table).filter((c) => c.notnull).map((c) => c.name));
      const parent = foreignKeys(sqlite, table).find((fk) => required.has(fk.from) && where.has(fk.table));
      if (!parent) continue;
      depth.set(table, depth.get(parent.table)! + 1);
      via.set(table, { parent: parent.table, from: parent.from, to: parent.to });
      where.set(table, `${quote(parent.from)} IN (SELECT ${quote(parent.to)} FROM {schema}.${quote(parent.table)} WHERE ${where.get(parent.table)})`);
      placed = true;
    }
  }
  const unplaced = tables.filter((t) => !where.has(t));
  if (unplaced.length > 0) throw new Error(`Tables that belong to no association: ${unplaced.join(', ')}`);
  const scopes = tables.map((table) => {
    const columns = tableColumns(sqlite, table);
    const pk = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    return {
      table, where: where.get(table)!, depth: depth.get(table)!, via: via.get(table)!, columns: columns.map((c) => c.name),
      orderBy: (pk.length > 0 ? pk : columns).map((c) => quote(c.name)).join(', '),
    };
  });
  scopesOf.set(sqlite, scopes);
  return scopes;
}

export { quote as quoteName };

const ordersOf = new WeakMap<Database.Database, readonly TableScope[]>();

/**
 * The association's tables in the order to add their rows: every table after the
 * tables its references point to (a reference to its own table aside), so that no
 * reference is left pending while rows go in. A pending one makes SQLite look for it
 * on every later row of the referenced table — through the whole child table where no
 * index serves the lookup — and that grows with every association already in the
 * file. Tables caught in a loop of references (none today) keep their depth order at the end.
 */
export function insertionOrder(sqlite: Database.Database): readonly TableScope[] {
  const known = ordersOf.get(sqlite);
  if (known) return known;
  const scopes = [...tableScopes(sqlite)].sort((a, b) => a.depth - b.depth || a.table.localeCompare(b.table));
  const byName = new Set(scopes.map((s) => s.table));
  const parents = new Map(scopes.map((s) => [s.table, new Set(foreignKeys(sqlite, s.table).map((fk) => fk.table).filter((t) => t !== s.table && byName.has(t)))]));
  const ordered: TableScope[] = [];
  const placed = new Set<string>();
  for (let progress = true; progress; ) {
    progress = false;
    for (const scope of scopes) {
      if (placed.has(scope.table) || [...parents.get(scope.table)!].some((t) => !placed.has(t))) continue;
      ordered.push(scope);
      placed.add(scope.table);
      progress = true;
    }
  }
  ordered.push(...scopes.filter((s) => !placed.has(s.table)));
  ordersOf.set(sqlite, ordered);
  return ordered;
}

/** The scope's condition for the copy of its table in `schema` ('main', or an attached file). */
export function scopeWhere(scope: TableScope, schema: string): string {
  return scope.where.replaceAll('{schema}', schema);
}

/** An SQL expression for the association of the row `ref` (NEW or OLD in a trigger) of `table`. */
export function associationOf(scopes: readonly TableScope[], table: string, ref: string, depth = 0): string {
  const scope = scopes.find((s) => s.table === table)!;
  if ('column' in scope.via) return `${ref}.${quote(scope.via.column)}`;
  const alias = `ikimina_p${depth}`;
  return `(SELECT ${associationOf(scopes, scope.via.parent, alias, depth + 1)} FROM main.${quote(scope.via.parent)} AS ${alias} WHERE ${alias}.${quote(scope.via.to)} = ${ref}.${quote(scope.via.from)})`;
}

/**
 * References that cross from one association into another: a row of one whose
 * member, account, loan … belongs to another. Ikimina never writes one; a file
 * altered by hand, or a backup built to do it, would. Names the table and column.
 */
export function crossedReferences(sqlite: Database.Database): string[] {
  const scopes = tableScopes(sqlite);
  const scoped = new Set(scopes.map((s) => s.table));
  const crossed: string[] = [];
  for (const { table } of scopes) {
    for (const ref of foreignKeys(sqlite, table)) {
      if (ref.table === 'associations' || !scoped.has(ref.table)) continue;
      const found = prepared(
        sqlite,
        `SELECT 1 FROM main.${quote(table)} AS ikimina_row JOIN main.${quote(ref.table)} AS ikimina_ref ON ikimina_ref.${quote(ref.to)} = ikimina_row.${quote(ref.from)}
                   WHERE ${associationOf(scopes, table, 'ikimina_row')} IS NOT ${associationOf(scopes, ref.table, 'ikimina_ref')} LIMIT 1`,
      ).get();
      if (found) crossed.push(`${table}.${ref.from}`);
    }
  }
  return crossed;
}
