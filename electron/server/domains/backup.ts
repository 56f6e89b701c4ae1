// Backups of the whole ledger file (every association on this laptop): made on
// demand to the backups folder or to a chosen folder (a USB stick), listed, looked
// into, and restored — only after the user has seen what the backup holds and
// confirmed. Only a treasurer or chair may do these.

import { resolve } from 'node:path';
import { z } from 'zod';
import { LedgerError } from '../errors';
import { handler } from '../registry';
import type { CallContext } from '../context';
import { ADMINS } from '../auth/access';
import { backupFileName, listAutoBackups, makeBackup } from '../backup/backup';
import { inspectLedgerFile, type LedgerFileSummary } from '../backup/inspect';
import { id } from '../validation';

const path = z.string({ error: 'field-required' }).trim().min(1, { error: 'field-required' }).max(1000, { error: 'field-too-long' });

function backupFolder(ctx: CallContext): string {
  if (!ctx.backupDir) throw new LedgerError('backup-folder-unset');
  return ctx.backupDir;
}

export interface RestoreResult {
  readonly restoredFrom: LedgerFileSummary;
  /** Where the books as they were before the restore were kept (set by the server). */
  readonly keptAside: string;
}

export const backupHandlers = {
  'backup-create': handler({
    // A read: the books do not change (and a backup cannot run inside a write
    // transaction); still logged, since it copies everyone's books.
    kind: 'read',
    logged: true,
    access: { roles: ADMINS },
    summary: 'Back up the whole ledger file now, checked, to the backups folder or a chosen folder',
    input: z.strictObject({ associationId: id, folder: path.optional() }),
    run(ctx, input): LedgerFileSummary {
      const folder = input.folder ?? backupFolder(ctx);
      return makeBackup(ctx.ledger.sqlite, folder, backupFileName('manual', ctx.now()));
    },
  }),

  'backup-list': handler({
    kind: 'read',
    access: { roles: ADMINS },
    summary: 'The automatic backups in the backups folder, newest first',
    input: z.strictObject({ associationId: id }),
    run(ctx): { folder: string | null; backups: { file: string; bytes: number; modifiedAt: string }[] } {
      return ctx.backupDir ? { folder: ctx.backupDir, backups: listAutoBackups(ctx.backupDir) } : { folder: null, backups: [] };
    },
  }),

  'backup-inspect': handler({
    kind: 'read',
    access: { roles: ADMINS },
    summary: 'What a backup file holds, and whether it is whole — before restoring it',
    input: z.strictObject({ associationId: id, file: path }),
    run: (_ctx, input): LedgerFileSummary => inspectLedgerFile(input.file),
  }),

  'backup-restore': handler({
    kind: 'write',
    effect: 'replace-ledger',
    access: { roles: ADMINS },
    summary: 'Replace the books with a backup (confirm: true); the current file is kept aside, never overwritten',
    input: z.strictObject({
      associationId: id,
      file: path,
      confirm: z.literal(true, { error: 'restore-needs-confirmation' }),
    }),
    run(ctx, input): RestoreResult {
      if (resolve(ctx.ledger.file) === resolve(input.file)) throw new LedgerError('restore-same-file', {}, 'file');
      const summary = inspectLedgerFile(input.file);
      // The swap itself happens in the server once this command is recorded.
      return { restoredFrom: summary, keptAside: '' };
    },
  }),
};
