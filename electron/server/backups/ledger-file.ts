// The whole ledger file, for the laptop's administrator: backups of every
// association at once, the automatic backups, restoring the whole file, and the
// file's health (the checks made when it opened and in the background).

import { associationIds, localAssociationIds } from '../association-record';
import { z } from 'zod';
import { committed, handler } from '../registry';
import { ADMINS, EVERYONE, LAPTOP_ADMIN } from '../auth/access';
import { LedgerError } from '../errors';
import type { CallContext } from '../context';
import { id, requiredText } from '../validation';
import { unresolvedProblems } from '../integrity/findings';
import { authorOf, recordChange } from '../audit-log';
import { backupFileName, listAutoBackups, makeBackup } from './whole-file';
import { inspectLedgerFile, type LedgerFileSummary } from './inspect';
import { backupFolder, backupName, backupPath, path, pendingRestore, refuseOpenLedger, type BackupFile, type RestoreResult } from './handlers';
import type { IntegrityProblem } from '../integrity/check';

export interface LedgerHealth {
  /** When the file was last checked, and how deeply. */
  readonly checkedAt: string | null;
  readonly level: 'quick' | 'full' | null;
  /** What does not match, for the person asking: their association's problems and the whole file's. */
  readonly problems: readonly IntegrityProblem[];
  /** The last automatic backup that failed, if the one after it has not succeeded. */
  readonly backupFailure: { readonly at: string; readonly code: string } | null;
}

/** The health as one person may see it: their association's findings and the whole file's (all of them for the administrator). */
function healthFor(ctx: CallContext, acknowledged?: string | null): LedgerHealth {
  const user = ctx.user!;
  const mine = (p: IntegrityProblem) => user.role === 'administrator' || p.associationId === null || p.associationId === user.associationId;
  const chains = user.role === 'administrator'
    ? [...associationIds(ctx.ledger.sqlite), null]
    : [user.associationId, null];
  const current = (ctx.health.report?.problems ?? []).filter(mine);
  // An acknowledgement just written counts as made.
  const problems = unresolvedProblems(ctx.ledger, chains.filter((c) => acknowledged === undefined || c !== acknowledged), current);
  return { checkedAt: ctx.health.checkedAt, level: ctx.health.report?.level ?? null, problems, backupFailure: ctx.health.backupFailure };
}

/**
 * A whole-file action copies every association's books: each association's own
 * history says so, who did it and where the copy went (the laptop's history gets
 * the command's own row).
 */
function recordInEveryHistory(ctx: CallContext, command: string, input: unknown): void {
  const { sqlite } = ctx.ledger;
  const associations = localAssociationIds(sqlite);
  sqlite.transaction(() => {
    for (const associationId of associations) recordChange(ctx, authorOf(ctx), { associationId, command, input });
  }).immediate();
  committed(ctx);
}

export const ledgerFileHandlers = {
  'ledger-backup-create': handler({
    kind: 'read',
    logged: true,
    access: { roles: LAPTOP_ADMIN },
    summary: 'Back up the whole ledger file (every association) now, checked, to the backups folder or a chosen folder',
    input: z.strictObject({ folder: path.optional() }),
    run(ctx, input): LedgerFileSummary {
      const summary = makeBackup(ctx.ledger.sqlite, input.folder ?? backupFolder(ctx), backupFileName('manual', ctx.now()), ctx.files);
      recordInEveryHistory(ctx, 'ledger-backup-create', { file: summary.file });
      return summary;
    },
  }),

  'ledger-backup-list': handler({
    kind: 'read',
    access: { roles: LAPTOP_ADMIN },
    summary: 'The automatic backups of the whole file, newest first',
    input: z.strictObject({}),
    run: (ctx): { folder: string | null; backups: BackupFile[] } =>
      ctx.backupDir ? { folder: ctx.backupDir, backups: listAutoBackups(ctx.backupDir) } : { folder: null, backups: [] },
  }),

  'ledger-backup-inspect': handler({
    kind: 'read',
    access: { roles: LAPTOP_ADMIN },
    summary: 'What a whole-file backup holds, and whether it is whole — before restoring it',
    input: z.strictObject({ file: path.optional(), name: backupName.optional() }),
    run: (ctx, input): LedgerFileSummary => inspectLedgerFile(backupPath(ctx, input, 'ikimina-'), ctx.files),
  }),

  'ledger-backup-restore': handler({
    kind: 'read',
    effect: 'replace-ledger',
    access: { roles: LAPTOP_ADMIN },
    summary: 'Replace the whole file with a backup (confirm: true); the current file is kept under a new name, never overwritten',
    input: z.strictObject({ file: path.optional(), name: backupName.optional(), confirm: z.literal(true, { error: 'restore-needs-confirmation' }) }),
    run(ctx, input): RestoreResult {
      const file = backupPath(ctx, input, 'ikimina-');
      refuseOpenLedger(ctx, file);
      return pendingRestore(file, null);
    },
  }),

  'ledger-health-get': handler({
    kind: 'read',
    access: { roles: [...EVERYONE, ...LAPTOP_ADMIN] },
    summary: 'Whether the books matched every check when the file opened (and in the background since)',
    input: z.strictObject({}),
    run: (ctx): LedgerHealth => healthFor(ctx),
  }),

  'ledger-check-acknowledge': handler({
    kind: 'write',
    access: { roles: [...ADMINS, ...LAPTOP_ADMIN] },
    summary: 'Say that the check’s findings have been looked into (with what was done): the warning is then no longer shown',
    input: z.strictObject({ associationId: id.optional(), note: requiredText(500) }),
    // The acknowledgement is itself the history row (command ledger-check-acknowledge).
    audit: (input) => ({ associationId: input.associationId ?? null, targetId: null }),
    run(ctx, input): LedgerHealth {
      const user = ctx.user!;
      if (user.role === 'administrator' ? input.associationId !== undefined : input.associationId !== user.associationId) {
        throw new LedgerError('role-refused', { role: user.role });
      }
      // Findings of this run are forgotten too: they are recorded in the history, and acknowledged there.
      if (ctx.health.report) {
        const scope = input.associationId ?? null;
        ctx.health.report = { ...ctx.health.report, problems: ctx.health.report.problems.filter((p) => p.associationId !== scope) };
      }
      return healthFor(ctx, input.associationId ?? null);
    },
  }),

  'ledger-check-run': handler({
    kind: 'read',
    access: { roles: LAPTOP_ADMIN },
    summary: 'Check the whole file now: SQLite’s integrity check, every chain and seal, the heads seen before',
    input: z.strictObject({}),
    run(ctx): LedgerHealth {
      ctx.health.runFull();
      return healthFor(ctx);
    },
  }),
};
