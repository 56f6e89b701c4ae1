// The audit trail: every command that changed something, who ran it, when, from
// which screen or door. Read-only; the change log itself is append-only.

import { and, count, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { changeLog } from '../../../db/schema';
import type { LedgerDb } from '../../../db/open';
import { handler } from '../registry';
import { id, isoDate } from '../validation';
import { READERS, type Role } from '../auth/access';
import { aboutRows } from './about';

/** What the audit trail shows of a row of the change log (its input as stored: JSON). */
const auditFields = {
  id: changeLog.id,
  at: changeLog.at,
  actor: changeLog.actor,
  // Written from the signed-in user's role.
  role: sql<Role | null>`${changeLog.role}`,
  channel: changeLog.channel,
  screen: changeLog.screen,
  command: changeLog.command,
  targetId: changeLog.targetId,
  outcome: changeLog.outcome,
  inputJson: changeLog.inputJson,
};

type AuditRowAsStored = ReturnType<ReturnType<typeof auditPage>['all']>[number];

export type AuditRow = Omit<AuditRowAsStored, 'inputJson'> & {
  /** The command's input as recorded (PINs and codes already blanked out). */
  readonly input: unknown;
  /** What the change was about, in the reader's words ("cow C-01 (keeper Uwase Claudine, no. 7)"), where the books can say. */
  readonly about: string | null;
};

/** The filters vary, so the query is built per call. */
function auditPage(db: LedgerDb, where: SQL | undefined, limit: number, offset: number) {
  return db.select(auditFields).from(changeLog).where(where).orderBy(desc(changeLog.at), sql`rowid DESC`).limit(limit).offset(offset);
}

export const auditHandlers = {
  'audit-list': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'The audit trail: who changed what, when, from where; newest first, filtered',
    input: z.strictObject({
      associationId: id,
      from: isoDate.optional(),
      to: isoDate.optional(),
      actor: z.string().trim().max(80).optional(),
      command: z.string().trim().max(60).optional(),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    run(ctx, input): { rows: AuditRow[]; total: number } {
      const conditions: SQL[] = [eq(changeLog.associationId, input.associationId)];
      // `at` is an ISO moment; a date filter covers whole days.
      if (input.from) conditions.push(gte(changeLog.at, `${input.from}T00:00:00.000Z`));
      if (input.to) conditions.push(lte(changeLog.at, `${input.to}T23:59:59.999Z`));
      if (input.actor) conditions.push(eq(changeLog.actor, input.actor));
      if (input.command) conditions.push(eq(changeLog.command, input.command));
      const where = and(...conditions);
      const { db } = ctx.ledger;
      const total = db.select({ n: count() }).from(changeLog).where(where).get()!.n;
      const rows = auditPage(db, where, input.limit, input.offset).all().map(({ inputJson, ...r }) => ({ ...r, input: JSON.parse(inputJson) as unknown }));
      const about = aboutRows(ctx, input.associationId, ctx.actor.locale, rows);
      return { rows: rows.map((r, i) => ({ ...r, about: about[i] ?? null })), total };
    },
  }),
};
