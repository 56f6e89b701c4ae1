// The savings and loan fund over the cycle, for Home's picture: on the cycle's first
// day, after each of its meetings and today, what the members have saved, what is
// lent out to them, and the cash in the box and the bank. Balances as of the end of
// each day, from the journal (so a loan paid out between meetings shows at the next),
// read once (journal/day-balances.ts, as the programme's quarters read them).

import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { meetings } from '../../../db/schema';
import { handler } from '../registry';
import { todayOf, type CallContext } from '../context';
import { READERS } from '../auth/access';
import { id } from '../validation';
import { typedQuery } from '../prepared';
import { getAssociation } from '../association-record';
import { cycleCovering, type CycleView } from '../cycles/handlers';
import { dayBalances } from '../journal/day-balances';

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

const queries = typedQuery((db) => ({
  meetingDays: db.selectDistinct({ date: meetings.meetingDate }).from(meetings)
    .where(and(eq(meetings.associationId, sql.placeholder('associationId')), gte(meetings.meetingDate, sql.placeholder('from')), lte(meetings.meetingDate, sql.placeholder('to'))))
    .orderBy(asc(meetings.meetingDate)).prepare(),
}));

/** The cycle running today, else none: a picture of a cycle not yet begun or long closed says nothing about today. */
export function fundOverCycle(ctx: CallContext, associationId: string): FundOverCycle {
  getAssociation(ctx, associationId);
  const today = todayOf(ctx, associationId);
  const cycle: CycleView | null = cycleCovering(ctx, associationId, today);
  if (!cycle) return { cycle: null, points: [] };
  const last = cycle.endsOn < today ? cycle.endsOn : today;
  const days = [...new Set([cycle.startsOn, ...queries(ctx.ledger).meetingDays.all({ associationId, from: cycle.startsOn, to: last }).map((m) => m.date), last])].sort();
  // Balances as posted (debit positive): savings are owed to members, so their sign turns.
  const b = dayBalances(ctx.ledger.sqlite, associationId, last);
  const points = days.map((day): FundPoint => ({
    date: day,
    savings: b.purpose('member_savings', day).neg().toFixed(0),
    lentOut: b.purpose('loans_receivable', day).toFixed(0),
    cash: b.purpose('cash_box', day).plus(b.purpose('bank', day)).toFixed(0),
  }));
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
