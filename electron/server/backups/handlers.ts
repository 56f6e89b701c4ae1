// Backups of one association's books (its treasurer or chair): a file holding that
// association's rows only, made on demand to the backups folder or a chosen folder (a
// USB stick), listed, looked into and restored into the ledger without touching any
// other association. The whole file belongs to the laptop's administrator
// (backups/ledger-file.ts).

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { LedgerError } from '../errors';
import { handler } from '../registry';
import type { CallContext } from '../context';
import { ADMINS } from '../auth/access';
import { ASSOCIATION_PREFIX, associationBackupName, makeAssociationBackup } from './association-backup';
import { inspectLedgerFile, type LedgerFileSummary } from './inspect';
import { id } from '../validation';

export const path = z.string({ error: 'field-required' }).trim().min(1, { error: 'field-required' }).max(1000, { error: 'field-too-long' });

export function backupFolder(ctx: CallContext): string {
  if (!ctx.backupDir) throw new LedgerError('backup-folder-unset');
  return ctx.backupDir;
}

export interface RestoreResult {
  /** The backup restored from, and the association restored (null: the whole file). */
  readonly file: string;
  readonly associationId: string | null;
  /** What the backup held (filled in by the server, which does the restore once the call is allowed). */
  readonly restoredFrom: LedgerFileSummary;
  /** Where the books as they were before the restore were kept (set by the server). */
  readonly keptAside: string;
}

/** What a restore handler answers before the server has done the restore (never seen by a caller). */
export function pendingRestore(file: string, associationId: string | null): RestoreResult {
  return { file, associationId, keptAside: '', restoredFrom: { file, bytes: 0, modifiedAt: '', associations: [], lastChangeAt: null, steps: 0, problems: [] } };
}

/** The association's backups in the backups folder, newest first (none when there is no folder). */
export function associationBackups(ctx: Pick<CallContext, 'backupDir'>, associationId: string): BackupFile[] {
  if (!ctx.backupDir || !existsSync(ctx.backupDir)) return [];
  const folder = ctx.backupDir;
  const prefix = `${ASSOCIATION_PREFIX}${associationId}-`;
  return readdirSync(folder)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.sqlite'))
    .map((f) => {
      const stat = statSync(join(folder, f));
      return { file: join(folder, f), name: f, bytes: stat.size, modifiedAt: stat.mtime.toISOString() };
    })
    .sort((a, b) => (a.file < b.file ? 1 : -1));
}

export interface BackupFile {
  readonly file: string;
  /** Its name in the backups folder: what the app passes back to restore it. */
  readonly name: string;
  readonly bytes: number;
  readonly modifiedAt: string;
}

/** Only this association's part of a summary: a treasurer learns nothing of other associations from a whole-file backup. */
function onlyAssociation(summary: LedgerFileSummary, associationId: string): LedgerFileSummary {
  return { ...summary, associations: summary.associations.filter((a) => a.id === associationId), problems: summary.problems.filter((p) => p.associationId === associationId) };
}

export function refuseOpenLedger(ctx: CallContext, file: string): void {
  if (resolve(ctx.ledger.file) === resolve(file)) throw new LedgerError('restore-same-file', {}, 'file');
}

/** A backup in the backups folder, by its name as listed (the app's page never passes a path of its own). */
export const backupName = z.string({ error: 'field-required' }).regex(/^ikimina-[A-Za-z0-9-]+\.sqlite$/, { error: 'backup-not-found' });

/** Which backup a call means: a chosen file, or one of the listed ones by name (which must start with `prefix`). */
export function backupPath(ctx: CallContext, input: { file?: string | undefined; name?: string | undefined }, prefix: string): string {
  if (input.file !== undefined && input.name === undefined) return input.file;
  if (input.name !== undefined && input.file === undefined) {
    if (!input.name.startsWith(prefix)) throw new LedgerError('backup-not-found', {}, 'name');
    return join(backupFolder(ctx), input.name);
  }
  throw new LedgerError('backup-file-or-name', {}, 'file');
}

export const backupHandlers = {
  'backup-create': handler({
    // A read: the books do not change (and the copy cannot be made inside a write
    // transaction); still logged, since it copies the association's books.
    kind: 'read',
    logged: true,
    access: { roles: ADMINS },
    summary: 'Back up this association’s books now, checked, to the backups folder or a chosen folder',
    input: z.strictObject({ associationId: id, folder: path.optional() }),
    run(ctx, input): LedgerFileSummary {
      const folder = input.folder ?? backupFolder(ctx);
      return makeAssociationBackup(ctx.ledger.sqlite, input.associationId, folder, associationBackupName(input.associationId, ctx.now()), ctx.files);
    },
  }),

  'backup-list': handler({
    kind: 'read',
    access: { roles: ADMINS },
    summary: 'This association’s backups in the backups folder, newest first',
    input: z.strictObject({ associationId: id }),
    run: (ctx, input): { folder: string | null; backups: BackupFile[] } => ({ folder: ctx.backupDir ?? null, backups: associationBackups(ctx, input.associationId) }),
  }),

  'backup-inspect': handler({
    kind: 'read',
    access: { roles: ADMINS },
    summary: 'What a backup holds of this association, and whether it is whole — before restoring it',
    input: z.strictObject({ associationId: id, file: path.optional(), name: backupName.optional() }),
    run(ctx, input): LedgerFileSummary {
      const summary = inspectLedgerFile(backupPath(ctx, input, `${ASSOCIATION_PREFIX}${input.associationId}-`), { ...ctx.files, associationId: input.associationId });
      if (!summary.associations.some((a) => a.id === input.associationId)) throw new LedgerError('backup-other-association', {}, 'file');
      return onlyAssociation(summary, input.associationId);
    },
  }),

  'backup-restore': handler({
    // The server does the restore once the call is allowed (it needs the file as a
    // whole); the restore is then the next row of the association's history.
    kind: 'read',
    effect: 'restore-association',
    access: { roles: ADMINS },
    summary: 'Put this association’s books back as a backup holds them (confirm: true); the books as they are now are kept as a backup first. Other associations are not touched',
    input: z.strictObject({
      associationId: id,
      file: path.optional(),
      name: backupName.optional(),
      confirm: z.literal(true, { error: 'restore-needs-confirmation' }),
    }),
    run(ctx, input): RestoreResult {
      const file = backupPath(ctx, input, `${ASSOCIATION_PREFIX}${input.associationId}-`);
      refuseOpenLedger(ctx, file);
      return pendingRestore(file, input.associationId);
    },
  }),
};
