// Restoring one association: its rows in the ledger are replaced by the backup's, in
// one transaction, leaving every other association exactly as it was. The
// append-only guards are lifted for that transaction only (DDL is transactional in
// SQLite: if anything fails they were never gone), and the restore itself is the
// next row of the association's history. Deleting a practice group lifts them the
// same way (practice/delete.ts).

import type Database from 'better-sqlite3';
import { prepared } from '../prepared';
import { LedgerError } from '../errors';
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
      const before = practiceFlag(sqlite, associationId);
      swapAssociationRows(sqlite, associationId, SOURCE);
      // A restore never makes real books a practice group (which one step deletes), nor the reverse.
      if (practiceFlag(sqlite, associationId) !== before) throw new LedgerError('restore-practice-changed', {}, 'file');
      record();
    }).immediate();
  } finally {
    prepared(sqlite, `DETACH DATABASE ${SOURCE}`).run();
  }
}

/** Whether the association is flagged as a practice group (1), or not (null). Raw SQL, as the rest of this file. */
function practiceFlag(sqlite: Database.Database, associationId: string): unknown {
  return prepared(sqlite, 'SELECT practice FROM main.associations WHERE id = ?').pluck().get(associationId) ?? null;
}

/**
 * Inside the caller's transaction: the association's rows in the ledger become those of the attached `schema`.
 * Raw SQL: every table by name.
 */
export function swapAssociationRows(sqlite: Database.Database, associationId: string, schema: string): void {
  withoutGuards(sqlite, () => {
    removeRows(sqlite, associationId);
    for (const scope of insertionOrder(sqlite)) {
      const table = quoteName(scope.table);
      prepared(sqlite, `INSERT INTO main.${table} SELECT * FROM ${schema}.${table} WHERE ${scopeWhere(scope, schema)}`).run(associationId);
    }
  });
}

/** Inside the caller's transaction: every row of the association is gone from the ledger (a practice group deleted). */
export function deleteAssociationRows(sqlite: Database.Database, associationId: string): void {
  withoutGuards(sqlite, () => removeRows(sqlite, associationId));
}

/** Children before their parents, the association's own row last. Raw SQL: every table by name. */
function removeRows(sqlite: Database.Database, associationId: string): void {
  for (const scope of [...insertionOrder(sqlite)].reverse()) {
    prepared(sqlite, `DELETE FROM main.${quoteName(scope.table)} WHERE ${scopeWhere(scope, 'main')}`).run(associationId);
  }
}

/**
 * Runs `change` with the append-only guards of the association tables lifted, and puts them back.
 * DDL is transactional: if anything fails inside the caller's transaction, they were never gone.
 * Raw SQL: SQLite's own schema table.
 */
function withoutGuards(sqlite: Database.Database, change: () => void): void {
  if (!sqlite.inTransaction) throw new Error('The append-only guards are lifted only inside a transaction');
  const tables = new Set(tableScopes(sqlite).map((s) => s.table));
  sqlite.pragma('defer_foreign_keys = ON');
  const guards = (prepared(sqlite, "SELECT name, tbl_name AS tableName, sql FROM main.sqlite_schema WHERE type = 'trigger'").all() as Trigger[])
    .filter((t) => tables.has(t.tableName));
  for (const guard of guards) sqlite.exec(`DROP TRIGGER main.${quoteName(guard.name)}`);
  change();
  for (const guard of guards) sqlite.exec(guard.sql);
}
