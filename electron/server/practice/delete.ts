// Deleting a practice group, done by the server once `practice-delete` is allowed: in
// one transaction every row of that association goes (the append-only guards lifted
// for it alone) and the laptop's own history records who deleted which practice
// group. The heads kept outside the file let go of it first, so that the next check
// does not report a group gone missing; if the deletion fails they take it back.
// Backup files are never removed: a file that carries a group's id is not proof that
// the group was practice (a restore kept aside before it, for one, is real books).

import type Database from 'better-sqlite3';
import { deleteAssociationRows } from '../backups/association-restore';
import { prepared } from '../prepared';
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
}

/**
 * Refuses, in words, anything but a practice group: flagged when it was created, and its
 * own history begins with that creation (a flag set behind Ikimina's back has no such row).
 * Raw SQL: the server's deletion holds only the driver's connection.
 */
export function requirePracticeGroup(sqlite: Database.Database, associationId: string, name: string): void {
  const practice = prepared(sqlite, `SELECT 1 FROM associations a WHERE a.id = ? AND a.practice = 1
    AND EXISTS (SELECT 1 FROM change_log c WHERE c.association_id = a.id AND c.command = 'practice-create' AND c.target_id = a.id AND c.outcome = 'done')`).get(associationId);
  if (!practice) throw new LedgerError('practice-only', { name }, 'associationId');
}

export function deletePracticeGroup(d: PracticeDeletion, practice: DeletedPractice): DeletedPractice {
  const { sqlite, sealer, heads } = d;
  // Checked again here: between the call being allowed and now, nothing else may have made it real books.
  requirePracticeGroup(sqlite, practice.associationId, practice.name);
  try {
    // Inside the guard: heads that could not be written leave the group as it was, and known to them.
    heads.release(sqlite, practice.associationId);
    // Its rows are not followed one by one into the seal: the association is gone with them.
    sealer.untracked(practice.associationId, () =>
      sqlite.transaction(() => {
        deleteAssociationRows(sqlite, practice.associationId);
        d.record({ name: practice.name });
      }).immediate());
  } catch (err) {
    sealer.rolledBack();
    try {
      heads.record(sqlite, [practice.associationId, null], d.now());
    } catch {
      // A disk that refused the heads once may refuse them again: they are written at the next chance, and the refusal said is the first.
    }
    throw err;
  }
  sealer.committed();
  heads.record(sqlite, [null], d.now());
  return practice;
}
