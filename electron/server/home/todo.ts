// Home as a to-do list: what needs doing today in an association, for whoever is
// signed in — loans overdue, spendings without a receipt, grant reports due or
// overdue, members waiting for a pass-on, how long since the last meeting, and the
// last backup. Each item says where to act; the screen only lists them.

import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { evidence, meetings, members, spendings, statementExports } from '../../../db/schema';
import { handler } from '../registry';
import type { CallContext } from '../context';
import { READERS } from '../auth/access';
import { id } from '../validation';
import { typedQuery } from '../prepared';
import { getAssociation } from '../association-record';
import { todayOf } from '../context';
import { addDays, daysBetween } from '../locale/dates';
import { memoIn } from '../journal/memo';
import { grantLabel, grantsOf } from '../funds/funds';
import { loansAsOf } from '../loans/handlers';
import { passOnQueue } from '../livestock/queue';
import { cycleCovering, rulesOn } from '../cycles/handlers';
import { associationBackups } from '../backups/handlers';

export interface TodoList {
  readonly today: string;
  readonly loansOverdue: readonly { loanId: string; memberNo: number; name: string; daysOverdue: number; arrears: string }[];
  readonly receiptsMissing: readonly { spendingId: string; date: string; description: string; amount: string }[];
  readonly reports: readonly { grantId: string; grant: string; date: string; overdue: boolean }[];
  readonly passOnWaiting: readonly { memberId: string; memberNo: number; name: string; position: number; since: string }[];
  /** The last meeting, and whether the next is due (a week, two or a month after it, by the cycle's rules). */
  readonly lastMeeting: { readonly date: string; readonly days: number; readonly due: boolean } | null;
  /** The newest backup of the association in the backups folder (null: none), and whether it is older than a week. */
  readonly backup: { readonly at: string | null; readonly stale: boolean } | null;
}

/** A grant report counts as sent when a grant-use statement was exported on or after the reporting date before it. */
const REPORT_WINDOW_DAYS = 30;
const BACKUP_STALE_DAYS = 7;
const GAP_DAYS = { weekly: 7, biweekly: 14, monthly: 31 } as const;

const queries = typedQuery((db) => ({
  withoutReceipt: db.select({ id: spendings.id, date: spendings.spentOn, description: spendings.description, amount: spendings.amount }).from(spendings)
    .leftJoin(evidence, eq(evidence.spendingId, spendings.id))
    .where(and(eq(spendings.associationId, sql.placeholder('associationId')), isNull(evidence.id)))
    .groupBy(spendings.id).orderBy(spendings.spentOn, spendings.id).prepare(),
  memberNumbers: db.select({ id: members.id, no: members.memberNo }).from(members).where(eq(members.associationId, sql.placeholder('associationId'))).prepare(),
  lastMeeting: db.select({ date: meetings.meetingDate }).from(meetings).where(eq(meetings.associationId, sql.placeholder('associationId')))
    .orderBy(desc(meetings.meetingDate)).limit(1).prepare(),
  grantReports: db.select({ grantId: sql<string | null>`json_extract(${statementExports.requestJson}, '$.grantId')`, day: sql<string>`substr(${statementExports.exportedAt}, 1, 10)` })
    .from(statementExports).where(and(eq(statementExports.associationId, sql.placeholder('associationId')), eq(statementExports.kind, 'grant-use'))).prepare(),
}));

/**
 * When the association's newest backup was made (null: none found). A backups folder
 * that cannot be read (a file in its place, no permission) counts as no backup: the
 * to-do then asks for one, and the health warning says why the automatic ones fail.
 */
function newestBackup(ctx: CallContext, associationId: string): string | null {
  try {
    return associationBackups(ctx, associationId).map((b) => b.modifiedAt).sort().at(-1) ?? null;
  } catch {
    return null;
  }
}

export function todoOf(ctx: CallContext, associationId: string): TodoList {
  const association = getAssociation(ctx, associationId);
  const today = todayOf(ctx, associationId);
  const q = queries(ctx.ledger);
  // Names can repeat in a group: each member is shown with their number.
  const numbers = new Map(q.memberNumbers.all({ associationId }).map((m) => [m.id, m.no]));
  const loansOverdue = loansAsOf(ctx, associationId, today)
    .filter((l) => l.status === 'disbursed' && l.daysOverdue > 0)
    .sort((a, b) => b.daysOverdue - a.daysOverdue)
    .map((l) => ({ loanId: l.id, memberNo: numbers.get(l.memberId) ?? 0, name: l.memberName, daysOverdue: l.daysOverdue, arrears: l.arrears }));
  const exported = q.grantReports.all({ associationId });
  const reports = grantsOf(ctx, associationId).flatMap((g) => {
    let from = g.receivedOn;
    return [...g.reportingDates].sort().flatMap((date) => {
      const since = from;
      from = date;
      const sent = exported.some((e) => e.grantId === g.id && e.day >= since);
      if (sent) return [];
      if (date < today) return [{ grantId: g.id, grant: grantLabel(g), date, overdue: true }];
      return date <= addDays(today, REPORT_WINDOW_DAYS) ? [{ grantId: g.id, grant: grantLabel(g), date, overdue: false }] : [];
    });
  });
  const last = q.lastMeeting.get({ associationId })?.date ?? null;
  const cycle = cycleCovering(ctx, associationId, today);
  const gap = cycle ? GAP_DAYS[rulesOn(cycle, today).meetingFrequency] : null;
  const backupAt = newestBackup(ctx, associationId);
  return {
    today,
    loansOverdue,
    receiptsMissing: q.withoutReceipt.all({ associationId }).map((s) => ({ spendingId: s.id, date: s.date, description: memoIn(ctx.actor.locale, s.description), amount: String(s.amount) })),
    reports,
    passOnWaiting: passOnQueue(ctx, associationId, today).filter((p) => p.position !== null).map((p) => ({ memberId: p.memberId, memberNo: numbers.get(p.memberId) ?? 0, name: p.name, position: p.position!, since: p.addedOn })),
    lastMeeting: last ? { date: last, days: daysBetween(last, today), due: gap !== null && daysBetween(last, today) >= gap } : null,
    // Made-up books need no backup: a practice group is not reminded of one.
    backup: ctx.backupDir && !association.practice ? { at: backupAt, stale: backupAt === null || daysBetween(backupAt.slice(0, 10), today) > BACKUP_STALE_DAYS } : null,
  };
}

export const homeHandlers = {
  'home-todo': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'What needs doing today: loans overdue, receipts missing, grant reports due or overdue, pass-ons waiting, the next meeting, the last backup',
    input: z.strictObject({ associationId: id }),
    run: (ctx, input): TodoList => todoOf(ctx, input.associationId),
  }),
};
