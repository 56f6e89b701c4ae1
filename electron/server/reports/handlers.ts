// Statements on screen: a member's passbook and the cash book. Each figure comes
// from the records and postings, so it can be traced to the entries that make it.

import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  ATTENDANCE_STATUSES, attendance, contributions, currentMeetingVersions, journalEntries, meetings, postings,
} from '../../../db/schema';
import { handler } from '../registry';
import type { CallContext } from '../context';
import { typedQuery } from '../prepared';
import { READERS } from '../auth/access';
import { decimal, sumMinor } from '../money/money';
import { accountBalance, accountByPurpose } from '../journal/balances';
import { id, isoDate } from '../validation';
import { getAssociation } from '../association-record';
import { getMember } from '../members/handlers';
import { addDays } from '../locale/dates';
import { memoIn } from '../journal/memo';

export interface PassbookRow {
  readonly date: string;
  readonly meetingId: string | null;
  readonly attendance: (typeof ATTENDANCE_STATUSES)[number] | null;
  readonly shares: number;
  /** Minor units. */
  readonly saved: string;
  readonly socialFund: string;
  readonly fines: string;
  readonly entranceFee: string;
  /** Paid out to the member (an exit settlement). */
  readonly paidOut: string;
  readonly sharesHeld: number;
  readonly savingsBalance: string;
  readonly socialFundTotal: string;
}

export interface Passbook {
  readonly memberId: string;
  readonly rows: readonly PassbookRow[];
  readonly sharesHeld: number;
  /** From the postings on the member's savings account: must equal the last row's balance. */
  readonly savingsBalance: string;
  readonly socialFundTotal: string;
  readonly finesTotal: string;
}

export interface CashBookRow {
  readonly date: string;
  readonly seq: number;
  readonly memo: string;
  readonly moneyIn: string;
  readonly moneyOut: string;
  readonly balance: string;
}

const statementQueries = typedQuery((db) => ({
  /** The current version of each meeting the member was in. */
  meetingsOf: db.select({ id: meetings.id, date: meetings.meetingDate, versionId: currentMeetingVersions.id, status: attendance.status })
    .from(meetings)
    .innerJoin(currentMeetingVersions, eq(currentMeetingVersions.meetingId, meetings.id))
    .innerJoin(attendance, and(eq(attendance.meetingVersionId, currentMeetingVersions.id), eq(attendance.memberId, sql.placeholder('memberId'))))
    .where(eq(meetings.associationId, sql.placeholder('associationId'))).orderBy(asc(meetings.meetingDate)).prepare(),
  paidIn: db.select({ kind: contributions.kind, shares: contributions.shares, amount: contributions.amount }).from(contributions)
    .where(and(eq(contributions.meetingVersionId, sql.placeholder('versionId')), eq(contributions.memberId, sql.placeholder('memberId')))).prepare(),
  /** Money paid out to the member (exit settlements), from the postings themselves. */
  payouts: db.select({ date: postings.entryDate, amount: sql<number>`sum(${postings.amount})` }).from(postings)
    .innerJoin(journalEntries, eq(journalEntries.id, postings.entryId))
    .where(and(
      eq(postings.accountId, sql.placeholder('accountId')), eq(postings.memberId, sql.placeholder('memberId')),
      eq(journalEntries.sourceType, 'member-exit'),
    ))
    .groupBy(postings.entryId).orderBy(asc(postings.entryDate)).prepare(),
  /** Each entry's net movement on a cash account between two dates. */
  cashMoves: db.select({ date: journalEntries.entryDate, seq: journalEntries.seq, memo: journalEntries.memo, amount: sql<number>`sum(${postings.amount})` })
    .from(postings).innerJoin(journalEntries, eq(journalEntries.id, postings.entryId))
    .where(and(
      eq(postings.associationId, sql.placeholder('associationId')), eq(postings.accountId, sql.placeholder('accountId')),
      gte(postings.entryDate, sql.placeholder('from')), lte(postings.entryDate, sql.placeholder('to')),
    ))
    .groupBy(journalEntries.id).having(sql`sum(${postings.amount}) <> 0`)
    .orderBy(asc(journalEntries.entryDate), asc(journalEntries.seq)).prepare(),
}));

/** A member's passbook, from the meetings they were in and the payouts made to them. */
export function passbookOf(ctx: CallContext, associationId: string, memberId: string): Passbook {
  getMember(ctx, associationId, memberId);
  const { sqlite } = ctx.ledger;
  const q = statementQueries(ctx.ledger);
  const attended = q.meetingsOf.all({ memberId: memberId, associationId: associationId });
  const savingsAccount = accountByPurpose(sqlite, associationId, 'member_savings').id;
  const payouts = q.payouts.all({ accountId: savingsAccount, memberId: memberId });
  type Event = { date: string; meeting?: (typeof attended)[number]; payout?: number };
  const events: Event[] = [...attended.map((m): Event => ({ date: m.date, meeting: m })), ...payouts.map((p): Event => ({ date: p.date, payout: p.amount }))]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.meeting ? -1 : 1));
  let shares = 0;
  let savings = decimal(0);
  let social = decimal(0);
  let fines = decimal(0);
  const rows: PassbookRow[] = events.map((event) => {
    const paid = event.meeting ? q.paidIn.all({ versionId: event.meeting.versionId, memberId: memberId }) : [];
    const of = (...kinds: string[]) => sumMinor(paid.filter((p) => kinds.includes(p.kind)).map((p) => p.amount));
    const bought = sumMinor(paid.filter((p) => p.kind === 'shares').map((p) => p.shares ?? 0)).toNumber();
    const saved = of('shares', 'savings');
    const paidOut = decimal(event.payout ?? 0);
    shares = event.payout ? 0 : shares + bought;
    savings = savings.plus(saved).minus(paidOut); // a payout is a debit on savings: the group owes that much less
    social = social.plus(of('social_fund'));
    fines = fines.plus(of('fine_late', 'fine_absent', 'fine_other'));
    return {
      date: event.date, meetingId: event.meeting?.id ?? null, attendance: event.meeting?.status ?? null, shares: bought,
      saved: saved.toFixed(0), socialFund: of('social_fund').toFixed(0), fines: of('fine_late', 'fine_absent', 'fine_other').toFixed(0),
      entranceFee: of('entrance_fee').toFixed(0), paidOut: paidOut.toFixed(0), sharesHeld: shares, savingsBalance: savings.toFixed(0), socialFundTotal: social.toFixed(0),
    };
  });
  const balance = accountBalance(sqlite, associationId, savingsAccount, { memberId: memberId });
  return {
    memberId: memberId, rows, sharesHeld: shares, savingsBalance: String(-balance), socialFundTotal: social.toFixed(0), finesTotal: fines.toFixed(0),
  };
}

export interface CashBook {
  readonly opening: string;
  readonly rows: readonly CashBookRow[];
  readonly closing: string;
}

/** The cash book of the box or the bank between two days (either open-ended). */
export function cashBookOf(ctx: CallContext, input: { associationId: string; account: 'box' | 'bank'; from?: string | undefined; to?: string | undefined }): CashBook {
  getAssociation(ctx, input.associationId);
  const { sqlite } = ctx.ledger;
  const accountId = accountByPurpose(sqlite, input.associationId, input.account === 'box' ? 'cash_box' : 'bank').id;
  const dayBefore = input.from ? addDays(input.from, -1) : null;
  let balance = decimal(dayBefore ? String(accountBalance(sqlite, input.associationId, accountId, { asOf: dayBefore })) : 0);
  const opening = balance.toFixed(0);
  const moves = statementQueries(ctx.ledger).cashMoves.all({
    associationId: input.associationId, accountId, from: input.from ?? '0000-01-01', to: input.to ?? '9999-12-31',
  });
  const rows = moves.map((m) => {
    balance = balance.plus(m.amount);
    return { date: m.date, seq: m.seq, memo: memoIn(ctx.actor.locale, m.memo), moneyIn: m.amount > 0 ? String(m.amount) : '0', moneyOut: m.amount < 0 ? String(-m.amount) : '0', balance: balance.toFixed(0) };
  });
  return { opening, rows, closing: balance.toFixed(0) };
}

export const reportHandlers = {
  'member-passbook-get': handler({
    kind: 'read',
    access: { roles: READERS, ownMember: 'memberId' },
    summary: 'A member’s passbook: each meeting’s contributions, shares held, savings and social fund balances, fines',
    input: z.strictObject({ associationId: id, memberId: id }),
    run: (ctx, input): Passbook => passbookOf(ctx, input.associationId, input.memberId),
  }),

  'cash-book-get': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'The cash book of the box or the bank: every movement with the running balance',
    input: z.strictObject({ associationId: id, account: z.enum(['box', 'bank']).default('box'), from: isoDate.optional(), to: isoDate.optional() }),
    run: (ctx, input): CashBook => cashBookOf(ctx, input),
  }),
};
