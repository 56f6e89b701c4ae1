// Restoring one association: its rows in the ledger are replaced by the backup's, in
// one transaction, leaving every other association exactly as it was. The
// append-only guards are lifted for that transaction only (DDL is transactional in
// SQLite: if anything fails they were never gone), and the restore itself is the
// next row of the association's history.

import type Database from 'better-sqlite3';
import { quoteName, scopeWhere, tableScopes } from '../integrity/scope';

const SOURCE = 'ikimina_restore';

/** Replaces the association's rows by the checked copy's; `record` writes the history row inside the same transaction. */
export function replaceAssociationRows(sqlite: Database.Database, associationId: string, candidate: string, record: () => void): void {
  const scopes = tableScopes(sqlite);
  sqlite.prepare(`ATTACH DATABASE ? AS ${SOURCE}`).run(candidate);
  try {
    sqlite.transaction(() => {
      sqlite.pragma('defer_foreign_keys = ON');
      const tables = new Set(scopes.map((s) => s.table));
      const guards = (sqlite.prepare("SELECT name, tbl_name AS tableName, sql FROM main.sqlite_schema WHERE type = 'trigger'").all() as { name: string; tableName: string; sql: string }[])
        .filter((t) => tables.has(t.tableName));
      for (const guard of guards) sqlite.exec(`DROP TRIGGER main.${quoteName(guard.name)}`);
      for (const scope of [...scopes].sort((a, b) => b.depth - a.depth)) {
        sqlite.prepare(`DELETE FROM main.${quoteName(scope.table)} WHERE ${scopeWhere(scope, 'main')}`).run(associationId);
      }
      for (const scope of [...scopes].sort((a, b) => a.depth - b.depth)) {
        const table = quoteName(scope.table);
        sqlite.prepare(`INSERT INTO main.${table} SELECT * FROM ${SOURCE}.${table} WHERE ${scopeWhere(scope, SOURCE)}`).run(associationId);
      }
      for (const guard of guards) sqlite.exec(guard.sql);
      record();
    }).immediate();
  } finally {
    sqlite.prepare(`DETACH DATABASE ${SOURCE}`).run();
  }
}
