// Restoring one association: its rows in the ledger are replaced by the backup's, in
// one transaction, leaving every other association exactly as it was. The
// append-only guards are lifted for that transaction only (DDL is transactional in
// SQLite: if anything fails they were never gone), and the restore itself is the
// next row of the association's history.

import type Database from 'better-sqlite3';
import { prepared } from '../prepared';
import { insertionOrder, quoteName, scopeWhere, tableScopes } from '../integrity/scope';

const SOURCE = 'ikimina_restore';

/** A trigger, as SQLite's schema table holds it. */
interface Trigger {
  readonly name: string;
  readonly tableName: string;
  readonly sql: string;
}

/**
 * Replaces the association's rows by the checked copy's; `record` writes the history row inside the same transaction.
 * Raw SQL: the copy attached by name.
 */
export function replaceAssociationRows(sqlite: Database.Database, associationId: string, candidate: string, record: () => void): void {
  prepared(sqlite, `ATTACH DATABASE ? AS ${SOURCE}`).run(candidate);
  try {
    sqlite.transaction(() => {
      swapAssociationRows(sqlite, associationId, SOURCE);
      record();
    }).immediate();
  } finally {
    prepared(sqlite, `DETACH DATABASE ${SOURCE}`).run();
  }
}

/**
 * Inside the caller's transaction: the association's rows in the ledger become those of the attached `schema`.
 * The append-only guards are lifted meanwhile (DDL is transactional: if anything fails they were never gone).
 * Raw SQL: every table by name, and SQLite's own schema table.
 */
export function swapAssociationRows(sqlite: Database.Database, associationId: string, schema: string): void {
  const scopes = tableScopes(sqlite);
  sqlite.pragma('defer_foreign_keys = ON');
  const tables = new Set(scopes.map((s) => s.table));
  const guards = (prepared(sqlite, "SELECT name, tbl_name AS tableName, sql FROM main.sqlite_schema WHERE type = 'trigger'").all() as Trigger[])
    .filter((t) => tables.has(t.tableName));
  for (const guard of guards) sqlite.exec(`DROP TRIGGER main.${quoteName(guard.name)}`);
  for (const scope of [...insertionOrder(sqlite)].reverse()) {
    prepared(sqlite, `DELETE FROM main.${quoteName(scope.table)} WHERE ${scopeWhere(scope, 'main')}`).run(associationId);
  }
  for (const scope of insertionOrder(sqlite)) {
    const table = quoteName(scope.table);
    prepared(sqlite, `INSERT INTO main.${table} SELECT * FROM ${schema}.${table} WHERE ${scopeWhere(scope, schema)}`).run(associationId);
  }
  for (const guard of guards) sqlite.exec(guard.sql);
}
