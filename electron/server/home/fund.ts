// The savings and loan fund over the cycle, for Home's picture: on the cycle's first
// day, after each of its meetings and today, what the members have saved, what is
// lent out to them, and the cash in the box and the bank. Balances as of the end of
// each day, from the journal (so a loan paid out between meetings shows at the next).

import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { accounts, meetings, postings } from '../../../db/schema';
import { handler } from '../registry';
import { todayOf, type CallContext } from '../context';
import { READERS } from '../auth/access';
import { id } from '../validation';
import { typedQuery } from '../prepared';
import { getAssociation } from '../association-record';
import { cycleCovering, type CycleView } from '../cycles/handlers';

export interface FundPoint {
  readonly date: string;
  /** Minor units: members' savings held, loans outstanding, cash in the box and the bank. */
  readonly savings: string;
  readonly lentOut: string;
  readonly cash: string;
}

export interface FundOverCycle {
  readonly cycle: { readonly name: string; readonly startsOn: string; readonly endsOn: string } | null;
  readonly points: readonly FundPoint[];
}

const PURPOSES = ['member_savings', 'loans_receivable', 'cash_box', 'bank'] as const;

const queries = typedQuery((db) => ({
  /** Each day's movement of the four accounts, up to a day. */
  daily: db.select({ date: postings.entryDate, purpose: accounts.purpose, amount: sql<number>`sum(${postings.amount})` })
    .from(postings).innerJoin(accounts, eq(accounts.id, postings.accountId))
    .where(and(eq(postings.associationId, sql.placeholder('associationId')), inArray(accounts.purpose, [...PURPOSES]), lte(postings.entryDate, sql.placeholder('to'))))
    .groupBy(postings.entryDate, accounts.purpose).orderBy(asc(postings.entryDate)).prepare(),
  meetingDays: db.selectDistinct({ date: meetings.meetingDate }).from(meetings)
    .where(and(eq(meetings.associationId, sql.placeholder('associationId')), gte(meetings.meetingDate, sql.placeholder('from')), lte(meetings.meetingDate, sql.placeholder('to'))))
    .orderBy(asc(meetings.meetingDate)).prepare(),
}));

/** The cycle running today, else none: a picture of a cycle not yet begun or long closed says nothing about today. */
export function fundOverCycle(ctx: CallContext, associationId: string): FundOverCycle {
  getAssociation(ctx, associationId);
  const today = todayOf(ctx);
  const cycle: CycleView | null = cycleCovering(ctx, associationId, today);
  if (!cycle) return { cycle: null, points: [] };
  const q = queries(ctx.ledger);
  const last = cycle.endsOn < today ? cycle.endsOn : today;
  const days = [...new Set([cycle.startsOn, ...q.meetingDays.all({ associationId, from: cycle.startsOn, to: last }).map((m) => m.date), last])].sort();
  const moves = q.daily.all({ associationId, to: last });
  // Running sums in BigInt minor units (exact whatever the size); signs as posted: debit positive.
  const sums: Record<(typeof PURPOSES)[number], bigint> = { member_savings: 0n, loans_receivable: 0n, cash_box: 0n, bank: 0n };
  const points: FundPoint[] = [];
  let next = 0;
  for (const day of days) {
    while (next < moves.length && moves[next]!.date <= day) {
      const move = moves[next]!;
      sums[move.purpose as (typeof PURPOSES)[number]] += BigInt(move.amount);
      next++;
    }
    points.push({ date: day, savings: String(-sums.member_savings), lentOut: String(sums.loans_receivable), cash: String(sums.cash_box + sums.bank) });
  }
  return { cycle: { name: cycle.name, startsOn: cycle.startsOn, endsOn: cycle.endsOn }, points };
}

export const fundHandlers = {
  'home-fund-over-cycle': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'The savings and loan fund over the cycle running today: savings held, loans outstanding and cash, at each meeting',
    input: z.strictObject({ associationId: id }),
    run: (ctx, input): FundOverCycle => fundOverCycle(ctx, input.associationId),
  }),
};
