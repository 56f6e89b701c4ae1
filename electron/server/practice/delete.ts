// Deleting a practice group, done by the server once `practice-delete` is allowed: in
// one transaction every row of that association goes (the append-only guards lifted
// for it alone) and the laptop's own history records who deleted which practice
// group. The heads kept outside the file let go of it first, so that the next check
// does not report a group gone missing; if the deletion fails they take it back.

import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { deleteAssociationRows } from '../backups/association-restore';
import { ASSOCIATION_PREFIX } from '../backups/association-backup';
import { isPracticeGroup } from '../association-record';
import { LedgerError } from '../errors';
import type { HeadStore } from '../integrity/heads';
import type { Sealer } from '../integrity/sealer';
import type { DeletedPractice } from './handlers';

export interface PracticeDeletion {
  readonly sqlite: Database.Database;
  readonly sealer: Sealer;
  readonly heads: HeadStore;
  readonly now: () => Date;
  /** Writes the laptop's history row, inside the deleting transaction. */
  readonly record: (input: { name: string }) => void;
  /** The backups folder: the practice group's own backups go with it. */
  readonly backupDir: string | undefined;
}

export function deletePracticeGroup(d: PracticeDeletion, practice: DeletedPractice): DeletedPractice {
  const { sqlite, sealer, heads } = d;
  // Checked again here: between the call being allowed and now, nothing else may have made it real books.
  if (!isPracticeGroup(sqlite, practice.associationId)) throw new LedgerError('practice-only', { name: practice.name }, 'associationId');
  heads.release(sqlite, practice.associationId);
  try {
    // Its rows are not followed one by one into the seal: the association is gone with them.
    sealer.untracked(practice.associationId, () =>
      sqlite.transaction(() => {
        deleteAssociationRows(sqlite, practice.associationId);
        d.record({ name: practice.name });
      }).immediate());
  } catch (err) {
    sealer.rolledBack();
    heads.record(sqlite, [practice.associationId, null], d.now());
    throw err;
  }
  sealer.committed();
  heads.record(sqlite, [null], d.now());
  removeBackupsOf(d.backupDir, practice.associationId);
  return practice;
}

/** The practice group's own backups (never a real group's: their names carry its id). A file that will not go stays, harmless. */
function removeBackupsOf(folder: string | undefined, associationId: string): void {
  if (!folder) return;
  try {
    for (const name of readdirSync(folder)) if (name.startsWith(`${ASSOCIATION_PREFIX}${associationId}-`)) rmSync(join(folder, name), { force: true });
  } catch {
    // No folder yet, or not readable: nothing of the practice group's is there to remove.
  }
}
