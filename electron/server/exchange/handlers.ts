// The ledger exchange's commands. A treasurer or chair exports their association's
// books for the coordinator; a coordinator imports them (one file, many, a folder:
// import-run.ts drives the files one by one through the internal commands here, each
// file in its own transaction), follows the progress, reads the reports and settles
// what an import could not decide alone (a new laptop key, a conflict).

import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { dirname } from 'node:path';
import { z } from 'zod';
import {
  associations, exchangeConflicts, exchangeImportFiles, exchangeImports, exchangeKeys, exchangeSources, EXCHANGE_OUTCOMES,
} from '../../../db/schema';
import { LedgerError } from '../errors';
import { handler } from '../registry';
import type { CallContext } from '../context';
import { placeholderValue, typedQuery } from '../prepared';
import { ADMINS, EVERYONE, LAPTOP_ADMIN, PROGRAMME } from '../auth/access';
import { id, requiredText } from '../validation';
import { path } from '../backups/handlers';
import { associationBackupName, makeAssociationBackup } from '../backups/association-backup';
import { swapAssociationRows } from '../backups/association-restore';
import { exportLedger, type ExportedLedger } from './export';
import { addAll, addNewer, decide, IMPORT_SCHEMA, mergedMatches, sourceOf, type MergeOutcome } from './merge';
import { takeChecked } from './checked';
import { refreshGroupSummary } from '../programme/summary';
import type { CheckedFile } from './file-check';
import type { ImportProgressView } from '../import-progress';

export interface ImportLine {
  readonly id: string;
  readonly position: number;
  readonly fileName: string;
  readonly associationId: string | null;
  readonly associationName: string | null;
  readonly outcome: (typeof EXCHANGE_OUTCOMES)[number];
  readonly reasonCode: string | null;
  readonly reasonParams: Record<string, string | number>;
  readonly rowsAdded: number;
}

export interface ImportReport {
  readonly id: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly startedBy: string;
  readonly status: string;
  readonly files: number;
  readonly counts: Readonly<Record<(typeof EXCHANGE_OUTCOMES)[number], number>>;
  readonly lines: readonly ImportLine[];
}

export interface ImportedGroup {
  readonly id: string;
  readonly name: string;
  readonly country: string;
  readonly province: string;
  readonly district: string;
  readonly sector: string;
  readonly fingerprint: string;
  readonly entries: number;
  readonly exportedAt: string;
  readonly lastImportedAt: string;
  readonly openConflicts: number;
}

const queries = typedQuery((db) => ({
  insertImport: db.insert(exchangeImports).values({
    id: sql.placeholder('id'), startedAt: sql.placeholder('now'), startedBy: sql.placeholder('by'), files: sql.placeholder('files'), status: 'running',
  }).prepare(),
  finishImport: db.update(exchangeImports).set({ finishedAt: placeholderValue('now'), status: placeholderValue('status') })
    .where(eq(exchangeImports.id, sql.placeholder('id'))).prepare(),
  getImport: db.select().from(exchangeImports).where(eq(exchangeImports.id, sql.placeholder('id'))).prepare(),
  lastImport: db.select().from(exchangeImports).orderBy(desc(exchangeImports.startedAt), desc(exchangeImports.id)).limit(1).prepare(),
  imports: db.select().from(exchangeImports).orderBy(desc(exchangeImports.startedAt), desc(exchangeImports.id)).limit(200).prepare(),
  insertLine: db.insert(exchangeImportFiles).values({
    id: sql.placeholder('id'), importId: sql.placeholder('importId'), position: sql.placeholder('position'), fileName: sql.placeholder('fileName'),
    fileSha256: sql.placeholder('fileSha256'), associationId: sql.placeholder('associationId'), associationName: sql.placeholder('associationName'),
    outcome: sql.placeholder('outcome'), reasonCode: sql.placeholder('reasonCode'), reasonParamsJson: sql.placeholder('reasonParamsJson'),
    rowsAdded: sql.placeholder('rowsAdded'), at: sql.placeholder('now'),
  }).prepare(),
  lines: db.select().from(exchangeImportFiles).where(eq(exchangeImportFiles.importId, sql.placeholder('importId'))).orderBy(asc(exchangeImportFiles.position)).prepare(),
  line: db.select().from(exchangeImportFiles).where(eq(exchangeImportFiles.id, sql.placeholder('id'))).prepare(),
  insertSource: db.insert(exchangeSources).values({
    associationId: sql.placeholder('associationId'), publicKey: sql.placeholder('publicKey'), fingerprint: sql.placeholder('fingerprint'),
    installationId: sql.placeholder('installationId'), exportedAt: sql.placeholder('exportedAt'), contentHash: sql.placeholder('contentHash'),
    journalSeq: sql.placeholder('journalSeq'), journalHead: sql.placeholder('journalHead'), changeSeq: sql.placeholder('changeSeq'),
    changeHead: sql.placeholder('changeHead'), sealDeltasJson: sql.placeholder('sealDeltasJson'), fileSha256: sql.placeholder('fileSha256'),
    firstImportedAt: sql.placeholder('now'), lastImportedAt: sql.placeholder('now'),
  }).prepare(),
  updateSource: db.update(exchangeSources).set({
    publicKey: placeholderValue('publicKey'), fingerprint: placeholderValue('fingerprint'), installationId: placeholderValue('installationId'),
    exportedAt: placeholderValue('exportedAt'), contentHash: placeholderValue('contentHash'), journalSeq: placeholderValue('journalSeq'),
    journalHead: placeholderValue('journalHead'), changeSeq: placeholderValue('changeSeq'), changeHead: placeholderValue('changeHead'),
    sealDeltasJson: placeholderValue('sealDeltasJson'), fileSha256: placeholderValue('fileSha256'), lastImportedAt: placeholderValue('now'),
  }).where(eq(exchangeSources.associationId, sql.placeholder('associationId'))).prepare(),
  trustKey: db.insert(exchangeKeys).values({
    id: sql.placeholder('id'), associationId: sql.placeholder('associationId'), publicKey: sql.placeholder('publicKey'), fingerprint: sql.placeholder('fingerprint'),
    trustedAt: sql.placeholder('now'), trustedBy: sql.placeholder('by'), reason: sql.placeholder('reason'),
  }).onConflictDoNothing().prepare(),
  insertConflict: db.insert(exchangeConflicts).values({
    id: sql.placeholder('id'), importFileId: sql.placeholder('importFileId'), associationId: sql.placeholder('associationId'), keptFile: sql.placeholder('keptFile'),
    fileSha256: sql.placeholder('fileSha256'), ourSeq: sql.placeholder('ourSeq'), ourHead: sql.placeholder('ourHead'), theirSeq: sql.placeholder('theirSeq'),
    theirHead: sql.placeholder('theirHead'), partedAtSeq: sql.placeholder('partedAtSeq'), ourFingerprint: sql.placeholder('ourFingerprint'),
    theirFingerprint: sql.placeholder('theirFingerprint'),
  }).prepare(),
  openConflicts: db.select({
    id: exchangeConflicts.id, associationId: exchangeConflicts.associationId, associationName: associations.name, keptFile: exchangeConflicts.keptFile,
    ourSeq: exchangeConflicts.ourSeq, ourHead: exchangeConflicts.ourHead, theirSeq: exchangeConflicts.theirSeq, theirHead: exchangeConflicts.theirHead,
    partedAtSeq: exchangeConflicts.partedAtSeq, ourFingerprint: exchangeConflicts.ourFingerprint, theirFingerprint: exchangeConflicts.theirFingerprint,
  }).from(exchangeConflicts).innerJoin(associations, eq(associations.id, exchangeConflicts.associationId))
    .where(isNull(exchangeConflicts.resolvedAt)).orderBy(sql`${associations.name} COLLATE NOCASE`, asc(exchangeConflicts.id)).prepare(),
  openConflict: db.select().from(exchangeConflicts).where(and(eq(exchangeConflicts.id, sql.placeholder('id')), isNull(exchangeConflicts.resolvedAt))).prepare(),
  openConflictOfFile: db.select({ id: exchangeConflicts.id }).from(exchangeConflicts).where(and(
    eq(exchangeConflicts.associationId, sql.placeholder('associationId')), eq(exchangeConflicts.fileSha256, sql.placeholder('fileSha256')), isNull(exchangeConflicts.resolvedAt),
  )).prepare(),
  resolveConflict: db.update(exchangeConflicts).set({
    resolvedAt: placeholderValue('now'), resolution: placeholderValue('resolution'), resolvedBy: placeholderValue('by'), reason: placeholderValue('reason'),
  }).where(and(eq(exchangeConflicts.id, sql.placeholder('id')), isNull(exchangeConflicts.resolvedAt))).prepare(),
  groups: db.select({
    id: associations.id, name: associations.name, country: associations.country, province: associations.province, district: associations.district,
    sector: associations.sector, fingerprint: exchangeSources.fingerprint, entries: exchangeSources.journalSeq, exportedAt: exchangeSources.exportedAt,
    lastImportedAt: exchangeSources.lastImportedAt,
    openConflicts: sql<number>`(SELECT count(*) FROM ${exchangeConflicts} c WHERE c.association_id = ${associations.id} AND c.resolved_at IS NULL)`,
  }).from(exchangeSources).innerJoin(associations, eq(associations.id, exchangeSources.associationId))
    .orderBy(associations.country, associations.province, associations.district, associations.sector, sql`${associations.name} COLLATE NOCASE`).prepare(),
}));

type Outcome = (typeof EXCHANGE_OUTCOMES)[number];
const reasonParams = z.record(z.string().max(40), z.union([z.string().max(400), z.number()]));

function report(ctx: CallContext, importId: string): ImportReport {
  const q = queries(ctx.ledger);
  const row = q.getImport.get({ id: importId });
  if (!row) throw new LedgerError('exchange-import-not-found', {}, 'importId');
  const lines = q.lines.all({ importId }).map((l): ImportLine => ({
    id: l.id, position: l.position, fileName: l.fileName, associationId: l.associationId, associationName: l.associationName, outcome: l.outcome,
    reasonCode: l.reasonCode, reasonParams: l.reasonParamsJson ? (JSON.parse(l.reasonParamsJson) as Record<string, string | number>) : {}, rowsAdded: l.rowsAdded,
  }));
  const counts = Object.fromEntries(EXCHANGE_OUTCOMES.map((o) => [o, lines.filter((l) => l.outcome === o).length])) as Record<Outcome, number>;
  return { id: row.id, startedAt: row.startedAt, finishedAt: row.finishedAt, startedBy: row.startedBy, status: row.status, files: row.files, counts, lines };
}

function writeLine(ctx: CallContext, line: Omit<ImportLine, 'id' | 'reasonParams'> & { importId: string; fileSha256: string | null; reasonParams?: Record<string, unknown> }): string {
  const lineId = ctx.newId();
  queries(ctx.ledger).insertLine.run({
    id: lineId, importId: line.importId, position: line.position, fileName: line.fileName, fileSha256: line.fileSha256, associationId: line.associationId,
    associationName: line.associationName, outcome: line.outcome, reasonCode: line.reasonCode,
    reasonParamsJson: line.reasonParams ? JSON.stringify(line.reasonParams) : null, rowsAdded: line.rowsAdded, now: ctx.now().toISOString(),
  });
  return lineId;
}

function runningImport(ctx: CallContext, importId: string): void {
  const row = queries(ctx.ledger).getImport.get({ id: importId });
  if (!row || row.status !== 'running') throw new LedgerError('exchange-import-not-found', {}, 'importId');
}

/** The source row's fields from a checked file's manifest. */
function sourceFields(ctx: CallContext, checked: CheckedFile) {
  const m = checked.manifest;
  return {
    associationId: m.associationId, publicKey: m.publicKey, fingerprint: checked.fingerprint, installationId: m.installationId, exportedAt: m.exportedAt,
    contentHash: m.contentHash, journalSeq: m.journal.seq, journalHead: m.journal.hash, changeSeq: m.changes.seq, changeHead: m.changes.hash,
    sealDeltasJson: JSON.stringify(m.sealDeltas), fileSha256: checked.fileSha256, now: ctx.now().toISOString(),
  };
}

/** Rows whose ids this laptop's books already use for something else (a key or unique rule refuses them): the file is refused, in words. */
function idsOwn<T>(add: () => T): T {
  try {
    return add();
  } catch (err) {
    if (/^SQLITE_CONSTRAINT_(PRIMARYKEY|UNIQUE)$/.test((err as { code?: string }).code ?? '')) throw new LedgerError('exchange-ids-taken', {}, 'file');
    throw err;
  }
}

/** Takes the checked file in (attached as IMPORT_SCHEMA by the caller), as `decide` says. */
function takeIn(ctx: CallContext, input: { importId: string; position: number; fileName: string; checkedId: string; keptFile: string }): { outcome: Outcome; lineId: string } {
  runningImport(ctx, input.importId);
  const checked = takeChecked(input.checkedId);
  const m = checked.manifest;
  const q = queries(ctx.ledger);
  const { sqlite } = ctx.ledger;
  const before = sourceOf(ctx, m.associationId);
  const decided: MergeOutcome = decide(ctx, checked);
  const line = (outcome: Outcome, rowsAdded: number, reasonCode: string | null, params?: Record<string, unknown>) => writeLine(ctx, {
    importId: input.importId, position: input.position, fileName: input.fileName, fileSha256: checked.fileSha256, associationId: m.associationId,
    associationName: m.associationName, outcome, reasonCode, reasonParams: params, rowsAdded,
  });
  switch (decided.outcome) {
    case 'imported': {
      sqlite.pragma('defer_foreign_keys = ON');
      const added = ctx.sealer.untracked(m.associationId, () => idsOwn(() => addAll(sqlite)));
      q.insertSource.run(sourceFields(ctx, checked));
      refreshGroupSummary(ctx, m.associationId, m.exportedAt);
      q.trustKey.run({ id: ctx.newId(), associationId: m.associationId, publicKey: m.publicKey, fingerprint: checked.fingerprint, now: ctx.now().toISOString(), by: ctx.actorName, reason: null });
      return { outcome: 'imported', lineId: line('imported', added, null, { entries: m.journal.seq }) };
    }
    case 'updated': {
      sqlite.pragma('defer_foreign_keys = ON');
      const added = ctx.sealer.untracked(m.associationId, () => idsOwn(() => addNewer(sqlite, m.associationId)));
      if (!mergedMatches(sqlite, checked, { journal: before!.journalSeq, changes: before!.changeSeq })) throw new LedgerError('exchange-merge-mismatch', {}, 'file');
      q.updateSource.run(sourceFields(ctx, checked));
      refreshGroupSummary(ctx, m.associationId, m.exportedAt);
      return { outcome: 'updated', lineId: line('updated', added, null, { from: before!.journalSeq, to: m.journal.seq }) };
    }
    case 'unchanged':
      return { outcome: 'unchanged', lineId: line('unchanged', 0, 'exchange-unchanged', { entries: m.journal.seq }) };
    case 'older':
      return { outcome: 'older', lineId: line('older', 0, 'exchange-older', { theirs: m.journal.seq, ours: before!.journalSeq }) };
    case 'new-key':
      return {
        outcome: 'new-key',
        lineId: line('new-key', 0, 'exchange-new-key', { theirs: checked.fingerprint, ours: decided.trusted.join(', '), publicKey: m.publicKey }),
      };
    case 'conflict': {
      const lineId = line('conflict', 0, 'exchange-conflict', {
        ourSeq: decided.ours.seq, theirSeq: decided.theirs.seq, partedAt: decided.partedAt, ours: decided.ourFingerprint, theirs: checked.fingerprint,
      });
      // The same file kept aside before stays one conflict.
      if (q.openConflictOfFile.get({ associationId: m.associationId, fileSha256: checked.fileSha256 })) return { outcome: 'conflict', lineId };
      q.insertConflict.run({
        id: ctx.newId(), importFileId: lineId, associationId: m.associationId, keptFile: input.keptFile, fileSha256: checked.fileSha256,
        ourSeq: decided.ours.seq, ourHead: decided.ours.hash, theirSeq: decided.theirs.seq, theirHead: decided.theirs.hash, partedAtSeq: decided.partedAt,
        ourFingerprint: decided.ourFingerprint, theirFingerprint: checked.fingerprint,
      });
      return { outcome: 'conflict', lineId };
    }
  }
}

export const exchangeHandlers = {
  'exchange-laptop-key': handler({
    kind: 'read',
    access: { roles: [...EVERYONE, ...LAPTOP_ADMIN] },
    summary: 'This laptop’s key for signing the books it exports: its short fingerprint and installation id',
    input: z.strictObject({}),
    run: (ctx): { fingerprint: string; installationId: string } => ({ fingerprint: ctx.laptopKey.fingerprint, installationId: ctx.laptopKey.installationId }),
  }),

  'exchange-export': handler({
    kind: 'read',
    logged: true,
    access: { roles: ADMINS },
    summary: 'Write the association’s books for the coordinator: one signed .ikimina file in the chosen folder (never replacing a file)',
    input: z.strictObject({ associationId: id, folder: path }),
    run: (ctx, input): ExportedLedger => exportLedger(ctx, input.associationId, input.folder),
  }),

  'exchange-import-begin': handler({
    kind: 'write',
    internal: true,
    access: PROGRAMME,
    summary: 'Start an import of groups’ books (its report is kept)',
    input: z.strictObject({ files: z.number().int().min(0).max(1_000_000) }),
    audit: (_input, out: { importId: string }) => ({ associationId: null, targetId: out.importId }),
    run(ctx, input): { importId: string } {
      const importId = ctx.newId();
      queries(ctx.ledger).insertImport.run({ id: importId, now: ctx.now().toISOString(), by: ctx.actorName, files: input.files });
      return { importId };
    },
  }),

  'exchange-import-file': handler({
    kind: 'write',
    internal: true,
    access: PROGRAMME,
    summary: 'Take in one checked file (attached by the import)',
    input: z.strictObject({ importId: id, position: z.number().int().min(0), fileName: requiredText(300), checkedId: z.string().max(80), keptFile: requiredText(2000) }),
    audit: () => ({ associationId: null, targetId: null }),
    run(ctx, input): { outcome: Outcome; lineId: string } {
      if (!(ctx.ledger.sqlite.prepare('PRAGMA database_list').all() as { name: string }[]).some((d) => d.name === IMPORT_SCHEMA)) throw new Error('The checked file is not attached');
      return takeIn(ctx, input);
    },
  }),

  'exchange-import-refusal': handler({
    kind: 'write',
    internal: true,
    access: PROGRAMME,
    summary: 'Record a file the import refused, with the reason',
    input: z.strictObject({
      importId: id, position: z.number().int().min(0), fileName: requiredText(300), code: requiredText(80), params: reasonParams,
      fileSha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
    }),
    audit: () => ({ associationId: null, targetId: null }),
    run(ctx, input): { lineId: string } {
      runningImport(ctx, input.importId);
      return {
        lineId: writeLine(ctx, {
          importId: input.importId, position: input.position, fileName: input.fileName, fileSha256: input.fileSha256, associationId: null, associationName: null,
          outcome: 'refused', reasonCode: input.code, reasonParams: input.params, rowsAdded: 0,
        }),
      };
    },
  }),

  'exchange-import-end': handler({
    kind: 'write',
    internal: true,
    access: PROGRAMME,
    summary: 'Close an import: done, or cancelled between two files',
    input: z.strictObject({ importId: id, cancelled: z.boolean() }),
    audit: (input) => ({ associationId: null, targetId: input.importId }),
    run(ctx, input): ImportReport {
      runningImport(ctx, input.importId);
      queries(ctx.ledger).finishImport.run({ id: input.importId, now: ctx.now().toISOString(), status: input.cancelled ? 'cancelled' : 'done' });
      return report(ctx, input.importId);
    },
  }),

  'exchange-import-progress': handler({
    kind: 'read',
    access: PROGRAMME,
    summary: 'How far the import under way has come: files, rows, time left',
    input: z.strictObject({}),
    run(ctx): ImportProgressView | null {
      return ctx.importProgress.view(ctx.now());
    },
  }),

  'exchange-import-cancel': handler({
    kind: 'read',
    logged: true,
    access: PROGRAMME,
    summary: 'Stop the import under way before its next file (the files already taken in stay, each whole)',
    input: z.strictObject({}),
    run(ctx): { cancelling: boolean } {
      return { cancelling: ctx.importProgress.cancel() };
    },
  }),

  'exchange-import-report': handler({
    kind: 'read',
    access: PROGRAMME,
    summary: 'An import’s report (the last one when none is named): each file and what became of it',
    input: z.strictObject({ importId: id.optional() }),
    run(ctx, input): ImportReport | null {
      const importId = input.importId ?? queries(ctx.ledger).lastImport.get()?.id;
      return importId ? report(ctx, importId) : null;
    },
  }),

  'exchange-import-list': handler({
    kind: 'read',
    access: PROGRAMME,
    summary: 'The imports made on this laptop, newest first',
    input: z.strictObject({}),
    run(ctx) {
      return queries(ctx.ledger).imports.all();
    },
  }),

  'exchange-groups': handler({
    kind: 'read',
    access: PROGRAMME,
    summary: 'Every imported group: its place, the laptop it comes from, how far its books go and when they were imported',
    input: z.strictObject({}),
    run(ctx): ImportedGroup[] {
      return queries(ctx.ledger).groups.all();
    },
  }),

  'exchange-conflicts': handler({
    kind: 'read',
    access: PROGRAMME,
    summary: 'Files kept aside because their books part from what was imported, not yet decided',
    input: z.strictObject({}),
    run: (ctx) => queries(ctx.ledger).openConflicts.all(),
  }),

  'exchange-conflict-keep': handler({
    kind: 'write',
    access: PROGRAMME,
    summary: 'Decide a conflict by keeping the books already imported (the file stays kept aside), with the reason',
    input: z.strictObject({ conflictId: id, reason: requiredText(500) }),
    audit: (input) => ({ associationId: null, targetId: input.conflictId }),
    run(ctx, input): { id: string } {
      const done = queries(ctx.ledger).resolveConflict.run({ id: input.conflictId, now: ctx.now().toISOString(), resolution: 'kept-imported', by: ctx.actorName, reason: input.reason });
      if (done.changes !== 1) throw new LedgerError('exchange-conflict-not-found', {}, 'conflictId');
      return { id: input.conflictId };
    },
  }),

  'exchange-key-accept': handler({
    kind: 'write',
    access: PROGRAMME,
    summary: 'Trust a new laptop key for a group (its books then import), with the reason — e.g. the group has a new laptop',
    input: z.strictObject({ importFileId: id, reason: requiredText(500) }),
    audit: (input) => ({ associationId: null, targetId: input.importFileId }),
    run(ctx, input): { fingerprint: string } {
      const line = queries(ctx.ledger).line.get({ id: input.importFileId });
      if (!line || line.outcome !== 'new-key' || !line.associationId || !line.reasonParamsJson) throw new LedgerError('exchange-key-not-found', {}, 'importFileId');
      const params = JSON.parse(line.reasonParamsJson) as { theirs: string; publicKey: string };
      queries(ctx.ledger).trustKey.run({
        id: ctx.newId(), associationId: line.associationId, publicKey: params.publicKey, fingerprint: params.theirs, now: ctx.now().toISOString(), by: ctx.actorName,
        reason: input.reason,
      });
      return { fingerprint: params.theirs };
    },
  }),

  'exchange-conflict-set-aside': handler({
    kind: 'read',
    internal: true,
    logged: true,
    access: PROGRAMME,
    summary: 'Before a conflict is decided for the file: the books imported until now, copied aside in the conflicts folder',
    input: z.strictObject({ conflictId: id, reason: requiredText(500) }),
    run(ctx, input): { keptFile: string; fileSha256: string; associationId: string; replaced: string } {
      const conflict = queries(ctx.ledger).openConflict.get({ id: input.conflictId });
      if (!conflict) throw new LedgerError('exchange-conflict-not-found', {}, 'conflictId');
      const folder = dirname(conflict.keptFile);
      const replaced = makeAssociationBackup(ctx.ledger.sqlite, conflict.associationId, folder, associationBackupName(conflict.associationId, ctx.now()), {
        ...ctx.files, problems: 'report',
      });
      return { keptFile: conflict.keptFile, fileSha256: conflict.fileSha256, associationId: conflict.associationId, replaced: replaced.file };
    },
  }),

  'exchange-conflict-take-file': handler({
    kind: 'write',
    internal: true,
    access: PROGRAMME,
    summary: 'Decide a conflict for the file kept aside: the group’s imported books become the file’s (the ones replaced were copied aside), with the reason',
    input: z.strictObject({ conflictId: id, checkedId: z.string().max(80), reason: requiredText(500) }),
    audit: (input) => ({ associationId: null, targetId: input.conflictId }),
    run(ctx, input): { id: string; entries: number } {
      if (!(ctx.ledger.sqlite.prepare('PRAGMA database_list').all() as { name: string }[]).some((d) => d.name === IMPORT_SCHEMA)) throw new Error('The checked file is not attached');
      const q = queries(ctx.ledger);
      const conflict = q.openConflict.get({ id: input.conflictId });
      if (!conflict) throw new LedgerError('exchange-conflict-not-found', {}, 'conflictId');
      const checked = takeChecked(input.checkedId);
      // The file checked now must be the one kept aside when the conflict was found.
      if (checked.fileSha256 !== conflict.fileSha256 || checked.manifest.associationId !== conflict.associationId) throw new LedgerError('exchange-conflict-file-changed', {}, 'conflictId');
      const { sqlite } = ctx.ledger;
      ctx.sealer.untracked(conflict.associationId, () => idsOwn(() => swapAssociationRows(sqlite, conflict.associationId, IMPORT_SCHEMA)));
      if (!mergedMatches(sqlite, checked, { journal: 1, changes: 1 })) throw new LedgerError('exchange-merge-mismatch', {}, 'file');
      q.updateSource.run(sourceFields(ctx, checked));
      refreshGroupSummary(ctx, conflict.associationId, checked.manifest.exportedAt);
      q.resolveConflict.run({ id: input.conflictId, now: ctx.now().toISOString(), resolution: 'took-file', by: ctx.actorName, reason: input.reason });
      return { id: input.conflictId, entries: checked.manifest.journal.seq };
    },
  }),
};
