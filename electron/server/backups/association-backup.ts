// A backup of one association: a new ledger file holding that association's rows and
// nothing of any other (not even in its free pages: the file is built fresh, never
// copied and trimmed). What a treasurer or chair may take away or restore.

import type Database from 'better-sqlite3';
import { openLedger } from '../../../db/open';
import { prepared } from '../prepared';
import { insertionOrder, quoteName, scopeWhere } from '../integrity/scope';
import { writeCheckedCopy } from './whole-file';
import type { InspectOptions, LedgerFileSummary } from './inspect';

export const ASSOCIATION_PREFIX = 'ikimina-association-';

export function associationBackupName(associationId: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${ASSOCIATION_PREFIX}${associationId}-${stamp}.sqlite`;
}

const ATTACHED = 'ikimina_copy';

/**
 * Copies one association's rows from `sqlite` into the ledger file `target` (which has the same schema), in one snapshot.
 * Raw SQL: every table by name, into the attached file (statements kept for the next backup: they find whichever file is attached then).
 */
export function copyAssociation(sqlite: Database.Database, associationId: string, target: string): void {
  prepared(sqlite, `ATTACH DATABASE ? AS ${ATTACHED}`).run(target);
  try {
    sqlite.transaction(() => {
      // Rows refer to each other within the association (an entry reverses another): checked once all are in.
      sqlite.pragma('defer_foreign_keys = ON');
      for (const scope of insertionOrder(sqlite)) {
        const table = quoteName(scope.table);
        prepared(sqlite, `INSERT INTO ${ATTACHED}.${table} SELECT * FROM main.${table} WHERE ${scopeWhere(scope, 'main')}`).run(associationId);
      }
    })();
  } finally {
    prepared(sqlite, `DETACH DATABASE ${ATTACHED}`).run();
  }
}

export function makeAssociationBackup(
  sqlite: Database.Database,
  associationId: string,
  folder: string,
  name: string,
  options: InspectOptions & { readonly migrationsFolder?: string },
): LedgerFileSummary {
  return writeCheckedCopy(folder, name, (temporary) => {
    // A fresh, empty ledger with this build's schema, then the association's rows.
    openLedger(temporary, { migrationsFolder: options.migrationsFolder, nativeBinding: options.nativeBinding }).close();
    copyAssociation(sqlite, associationId, temporary);
  }, { ...options, associationId });
}
