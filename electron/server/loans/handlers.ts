// Loans to members: application with its schedule, approval, disbursement from the
// cash box, repayments (penalty → interest → principal), write-off; the portfolio
// with arrears and portfolio at risk. Terms come from the cycle's rules in force on
// the day of application. Every movement of money posts through the journal.

import { z } from 'zod';
import { and, asc, desc, eq, inArray, lte, max, sql } from 'drizzle-orm';
import { accounts, loanGuarantors, loanInstalments, loanRepayments, loans, members, postings } from '../../../db/schema';
import { LedgerError } from '../errors';
import { handler } from '../registry';
import { amountAt } from '../amount-field';
import { checkFreeCash } from '../funds/funds';
import { todayOf, type CallContext } from '../context';
import { placeholderValue, typedQuery } from '../prepared';
import { ADMINS, READERS, RECORDERS } from '../auth/access';
import { decimal, minorUnits, percentOf, roundWhole, toMoney, type MinorUnits, type Money } from '../money/money';
import { accountBalance, accountByPurpose } from '../journal/balances';
import { postEntry } from '../journal/post';
import { buildSchedule, type Schedule } from './schedule';
import { allocate, loanPosition, type DueInstalment, type Received } from './position';
import { amountText, id, isoDate, requiredText } from '../validation';
import { getAssociation, writableAssociation } from '../association-record';
import { cycleOn, loanRulesOf, rulesOn, type LoanRules } from '../cycles/handlers';
import { getMember } from '../members/handlers';
import { codedMemo } from '../journal/memo';
import { confirmation, confirmedBy } from '../access/second-person';

/** What every loan read returns: the loan's row, with the borrower's name. */
const loanFields = {
  id: loans.id, associationId: loans.associationId, memberId: loans.memberId, cycleId: loans.cycleId, status: loans.status,
  principal: loans.principal, method: loans.method, monthlyRatePercent: loans.monthlyRatePercent, frequency: loans.frequency,
  instalments: loans.instalments, dayCount: loans.dayCount, latePenalty: loans.latePenalty, purpose: loans.purpose,
  appliedOn: loans.appliedOn, appliedBy: loans.appliedBy, approvedOn: loans.approvedOn, approvedBy: loans.approvedBy,
  disbursedOn: loans.disbursedOn, disbursedBy: loans.disbursedBy, closedOn: loans.closedOn, writeOffReason: loans.writeOffReason,
  writtenOffBy: loans.writtenOffBy, cancelReason: loans.cancelReason, cancelledBy: loans.cancelledBy,
  memberName: members.fullName,
  /** Two members may share a name: the number tells them apart. */
  memberNo: members.memberNo,
};

/** SQLite's own row number: the order rows were written in, where no column tells them apart. */
const rowid = (table: typeof loans | typeof loanRepayments) => sql`${table}.rowid`;
/** The loan statuses of an application not yet settled: applied, approved or paid out. */
const OPEN_STATUSES = ['applied', 'approved', 'disbursed'] as const;

const loanQueries = typedQuery((db) => {
  const withMember = () => db.select(loanFields).from(loans).innerJoin(members, eq(members.id, loans.memberId));
  return {
    byId: withMember().where(and(eq(loans.id, sql.placeholder('loanId')), eq(loans.associationId, sql.placeholder('associationId')))).prepare(),
    /** Newest application first. */
    list: withMember().where(eq(loans.associationId, sql.placeholder('associationId')))
      .orderBy(desc(loans.appliedOn), desc(rowid(loans))).prepare(),
    all: withMember().where(eq(loans.associationId, sql.placeholder('associationId'))).prepare(),
    /** The member's loan paid out longest ago and still open. */
    oldestOpen: withMember()
      .where(and(eq(loans.associationId, sql.placeholder('associationId')), eq(loans.memberId, sql.placeholder('memberId')), eq(loans.status, 'disbursed')))
      .orderBy(asc(loans.disbursedOn), asc(rowid(loans))).limit(1).prepare(),
    anyOpen: db.select({ one: sql<number>`1` }).from(loans)
      .where(and(eq(loans.memberId, sql.placeholder('memberId')), inArray(loans.status, OPEN_STATUSES))).prepare(),
    /** The instalments of the latest version of the schedule. */
    instalments: db.select({ number: loanInstalments.number, dueOn: loanInstalments.dueOn, principal: loanInstalments.principal, interest: loanInstalments.interest })
      .from(loanInstalments)
      .where(and(
        eq(loanInstalments.loanId, sql.placeholder('loanId')),
        eq(loanInstalments.version, db.select({ v: max(loanInstalments.version) }).from(loanInstalments).where(eq(loanInstalments.loanId, sql.placeholder('loanId')))),
      ))
      .orderBy(asc(loanInstalments.number)).prepare(),
    scheduleVersion: db.select({ v: sql<number>`coalesce(max(${loanInstalments.version}), 0)` }).from(loanInstalments)
      .where(eq(loanInstalments.loanId, sql.placeholder('loanId'))).prepare(),
    insertInstalment: db.insert(loanInstalments).values({
      id: sql.placeholder('id'), loanId: sql.placeholder('loanId'), version: sql.placeholder('version'), number: sql.placeholder('number'),
      dueOn: sql.placeholder('dueOn'), principal: sql.placeholder('principal'), interest: sql.placeholder('interest'),
    }).prepare(),
    /** In the order received. */
    received: db.select({ paidOn: loanRepayments.paidOn, penalty: loanRepayments.penalty, interest: loanRepayments.interest, principal: loanRepayments.principal })
      .from(loanRepayments).where(eq(loanRepayments.loanId, sql.placeholder('loanId')))
      .orderBy(asc(loanRepayments.paidOn), asc(rowid(loanRepayments))).prepare(),
    insertRepayment: db.insert(loanRepayments).values({
      id: sql.placeholder('id'), loanId: sql.placeholder('loanId'), paidOn: sql.placeholder('paidOn'), amount: sql.placeholder('amount'),
      penalty: sql.placeholder('penalty'), interest: sql.placeholder('interest'), principal: sql.placeholder('principal'),
      entryId: sql.placeholder('entryId'), meetingId: sql.placeholder('meetingId'), createdAt: sql.placeholder('now'), createdBy: sql.placeholder('by'),
    }).prepare(),
    guarantorNames: db.select({ name: members.fullName }).from(loanGuarantors).innerJoin(members, eq(members.id, loanGuarantors.memberId))
      .where(eq(loanGuarantors.loanId, sql.placeholder('loanId'))).orderBy(asc(members.memberNo)).prepare(),
    insertLoan: db.insert(loans).values({
      id: sql.placeholder('id'), associationId: sql.placeholder('associationId'), memberId: sql.placeholder('memberId'), cycleId: sql.placeholder('cycleId'),
      status: 'applied', principal: sql.placeholder('principal'), method: sql.placeholder('method'), monthlyRatePercent: sql.placeholder('monthlyRatePercent'),
      frequency: sql.placeholder('frequency'), instalments: sql.placeholder('instalments'), dayCount: sql.placeholder('dayCount'),
      latePenalty: sql.placeholder('latePenalty'), purpose: sql.placeholder('purpose'), appliedOn: sql.placeholder('date'), appliedBy: sql.placeholder('by'),
    }).prepare(),
    insertGuarantor: db.insert(loanGuarantors).values({ loanId: sql.placeholder('loanId'), memberId: sql.placeholder('memberId') }).prepare(),
    approve: db.update(loans).set({ status: 'approved', approvedOn: placeholderValue('date'), approvedBy: placeholderValue('by') })
      .where(eq(loans.id, sql.placeholder('loanId'))).prepare(),
    cancel: db.update(loans).set({ status: 'cancelled', closedOn: placeholderValue('date'), cancelReason: placeholderValue('reason'), cancelledBy: placeholderValue('by') })
      .where(eq(loans.id, sql.placeholder('loanId'))).prepare(),
    disburse: db.update(loans).set({ status: 'disbursed', disbursedOn: placeholderValue('date'), disbursedBy: placeholderValue('by') })
      .where(eq(loans.id, sql.placeholder('loanId'))).prepare(),
    writeOff: db.update(loans).set({ status: 'written_off', closedOn: placeholderValue('date'), writeOffReason: placeholderValue('reason'), writtenOffBy: placeholderValue('by') })
      .where(eq(loans.id, sql.placeholder('loanId'))).prepare(),
    close: db.update(loans).set({ status: 'closed', closedOn: placeholderValue('date') }).where(eq(loans.id, sql.placeholder('loanId'))).prepare(),
    reopen: db.update(loans).set({ status: 'disbursed', closedOn: null })
      .where(and(eq(loans.id, sql.placeholder('loanId')), eq(loans.status, 'closed'))).prepare(),
    /** The repayments one journal entry made. */
    repaymentsOfEntry: db.select().from(loanRepayments).where(eq(loanRepayments.entryId, sql.placeholder('entryId'))).orderBy(asc(rowid(loanRepayments))).prepare(),
    /** Minor units written off up to a date: what the write-off expense account received. */
    writtenOff: db.select({ s: sql<string>`CAST(coalesce(sum(${postings.amount}), 0) AS TEXT)` }).from(postings).innerJoin(accounts, eq(accounts.id, postings.accountId))
      .where(and(eq(postings.associationId, sql.placeholder('associationId')), eq(accounts.purpose, 'expense_write_off'), lte(postings.entryDate, sql.placeholder('asOf'))))
      .prepare(),
  };
});

/** A loan as read: its row with the borrower's name. */
export type LoanRecord = NonNullable<ReturnType<ReturnType<typeof loanQueries>['byId']['get']>>;

export interface LoanView extends Omit<LoanRecord, 'principal' | 'latePenalty'> {
  /** Minor units as strings, like every amount in a result. */
  readonly principal: Money;
  readonly latePenalty: Money;
  readonly memberName: string;
  readonly asOf: string;
  /** Minor units as strings. */
  readonly principalOutstanding: string;
  readonly interestDue: string;
  readonly penaltyDue: string;
  readonly arrears: string;
  readonly daysOverdue: number;
  readonly nextDue: string | null;
}

export interface LoanStatement extends LoanView {
  readonly schedule: readonly { number: number; dueOn: string; principal: Money; interest: Money; payment: Money; covered: Money; status: 'paid' | 'part-paid' | 'late' | 'due' }[];
  readonly repayments: readonly { readonly paidOn: string; readonly penalty: Money; readonly interest: Money; readonly principal: Money }[];
  readonly guarantors: readonly string[];
  /** 1 as paid out; one more with each rescheduling. */
  readonly scheduleVersion: number;
}

export function loanRow(ctx: CallContext, associationId: string, loanId: string): LoanRecord {
  const row = loanQueries(ctx.ledger).byId.get({ loanId, associationId });
  if (!row) throw new LedgerError('loan-not-found', {}, 'loanId');
  return row;
}

/** The instalments of the loan's current schedule (the latest version). */
function instalmentsOf(ctx: CallContext, loanId: string): DueInstalment[] {
  return loanQueries(ctx.ledger).instalments.all({ loanId });
}

function scheduleVersion(ctx: CallContext, loanId: string): number {
  return loanQueries(ctx.ledger).scheduleVersion.get({ loanId })!.v;
}

function insertInstalments(ctx: CallContext, loanId: string, version: number, instalments: readonly DueInstalment[]): void {
  const insert = loanQueries(ctx.ledger).insertInstalment;
  instalments.forEach((i, k) => insert.run({ id: ctx.newId(), loanId, version, number: k + 1, dueOn: i.dueOn, principal: i.principal, interest: i.interest }));
}

function receivedOn(ctx: CallContext, loanId: string): Received[] {
  return loanQueries(ctx.ledger).received.all({ loanId });
}

function view(ctx: CallContext, row: LoanRecord, asOf: string): LoanView {
  const due = instalmentsOf(ctx, row.id);
  // Owed on that day: paid out by then and not yet closed or written off (a loan repaid since was still owed).
  const outstanding = row.disbursedOn !== null && row.disbursedOn <= asOf
    && (row.status === 'disbursed' || ((row.status === 'closed' || row.status === 'written_off') && row.closedOn !== null && row.closedOn > asOf));
  const p = loanPosition(row.principal, due, receivedOn(ctx, row.id), row.latePenalty, asOf);
  const next = due.find((d, k) => p.covered[k]!.lt(decimal(d.principal).plus(d.interest)));
  return {
    ...row, asOf, principal: toMoney(row.principal), latePenalty: toMoney(row.latePenalty),
    principalOutstanding: outstanding ? p.principalOutstanding.toFixed(0) : '0',
    interestDue: outstanding ? p.interestDue.toFixed(0) : '0',
    penaltyDue: outstanding ? p.penaltyDue.toFixed(0) : '0',
    arrears: outstanding ? p.arrears.toFixed(0) : '0',
    daysOverdue: outstanding ? p.daysOverdue : 0,
    nextDue: outstanding ? (next?.dueOn ?? null) : null,
  };
}

/** What a member owes on their loans paid out: all of it, and the part that is interest and penalties. */
export interface Owed {
  readonly total: bigint;
  readonly interestAndPenalties: bigint;
}

/**
 * What each member still owes on their loans paid out, as of a date: principal
 * outstanding, interest and penalties due (the share-out nets or collects it).
 */
export function owedByMember(ctx: CallContext, associationId: string, asOf: string): Map<string, Owed> {
  const owed = new Map<string, Owed>();
  for (const row of loanQueries(ctx.ledger).list.all({ associationId })) {
    if (row.status !== 'disbursed' || (row.disbursedOn !== null && row.disbursedOn > asOf)) continue;
    const v = view(ctx, row, asOf);
    const income = BigInt(v.interestDue) + BigInt(v.penaltyDue);
    const total = BigInt(v.principalOutstanding) + income;
    if (total === 0n) continue;
    const before = owed.get(row.memberId) ?? { total: 0n, interestAndPenalties: 0n };
    owed.set(row.memberId, { total: before.total + total, interestAndPenalties: before.interestAndPenalties + income });
  }
  return owed;
}

/** The lending terms in force on a day, as the application form shows them ("2 % a month, flat"). */
export interface LoanTerms extends Pick<LoanRules, 'method' | 'monthlyRatePercent' | 'frequency' | 'maxInstalments' | 'maxMultipleOfSavings'> {
  readonly cycleName: string;
}

/** A schedule as results carry it: every amount a string of minor units. */
export interface ScheduleView {
  readonly instalments: readonly { readonly number: number; readonly dueOn: string; readonly days: number; readonly principal: Money; readonly interest: Money; readonly payment: Money; readonly balanceAfter: Money }[];
  readonly totalPrincipal: Money;
  readonly totalInterest: Money;
  readonly totalPayment: Money;
}

function scheduleView(s: Schedule): ScheduleView {
  return {
    instalments: s.instalments.map((i) => ({ number: i.number, dueOn: i.dueOn, days: i.days, principal: toMoney(i.principal), interest: toMoney(i.interest), payment: toMoney(i.payment), balanceAfter: toMoney(i.balanceAfter) })),
    totalPrincipal: toMoney(s.totalPrincipal), totalInterest: toMoney(s.totalInterest), totalPayment: toMoney(s.totalPayment),
  };
}

function scheduleFor(principal: MinorUnits, rules: LoanRules, instalments: number, disbursedOn: string): Schedule {
  return buildSchedule({ principal, method: rules.method, monthlyRatePercent: rules.monthlyRatePercent, frequency: rules.frequency, instalments, disbursedOn, dayCount: rules.dayCount });
}

const applyInput = {
  associationId: id,
  memberId: id,
  principal: amountText,
  instalments: z.number({ error: 'loan-term-zero' }).int({ error: 'loan-term-zero' }).min(1, { error: 'loan-term-zero' }),
  date: isoDate,
};

/** The checks of an application that do not change anything (shared by the preview). */
function checkApplication(ctx: CallContext, input: { associationId: string; memberId: string; principal: string; instalments: number; date: string }) {
  const association = getAssociation(ctx, input.associationId);
  const member = getMember(ctx, input.associationId, input.memberId);
  if (member.status === 'exited') throw new LedgerError('member-exited', { name: member.fullName }, 'memberId');
  const cycle = cycleOn(ctx, input.associationId, input.date);
  const rules = loanRulesOf(rulesOn(cycle, input.date));
  const principal = amountAt(ctx, input.principal, association.currency, 'principal');
  if (input.instalments > rules.maxInstalments) throw new LedgerError('loan-term-above-rule', { max: rules.maxInstalments, count: rules.maxInstalments }, 'instalments');
  const { sqlite } = ctx.ledger;
  const savings = -accountBalance(sqlite, input.associationId, accountByPurpose(sqlite, input.associationId, 'member_savings').id, { memberId: member.id, asOf: input.date });
  // The limit never lets a member borrow a franc more than the rule allows.
  const limit = roundWhole(decimal(String(savings)).times(rules.maxMultipleOfSavings), 'down');
  if (decimal(principal).gt(limit)) throw new LedgerError('loan-above-limit', { limit: limit.toFixed(0), multiple: rules.maxMultipleOfSavings }, 'principal');
  if (!rules.allowSeveral) {
    const open = loanQueries(ctx.ledger).anyOpen.get({ memberId: member.id });
    if (open) throw new LedgerError('loan-already-open', { name: member.fullName }, 'memberId');
  }
  return { association, member, cycle, rules, principal };
}

export const loanHandlers = {
  'loan-preview': handler({
    kind: 'read',
    access: { roles: RECORDERS },
    summary: 'The repayment schedule a loan would have under the rules, before applying',
    input: z.strictObject(applyInput),
    run(ctx, input): ScheduleView {
      const { rules, principal } = checkApplication(ctx, input);
      return scheduleView(scheduleFor(principal, rules, input.instalments, input.date));
    },
  }),

  'loan-terms-get': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'The lending terms a loan applied for on a date would have: the cycle’s rate, method, frequency and limits',
    input: z.strictObject({ associationId: id, date: isoDate }),
    run(ctx, input): LoanTerms {
      getAssociation(ctx, input.associationId);
      const cycle = cycleOn(ctx, input.associationId, input.date);
      const rules = loanRulesOf(rulesOn(cycle, input.date));
      // Only what an applicant is told before applying; the penalty and guarantor rules are refused in words when they apply.
      return {
        cycleName: cycle.name, method: rules.method, monthlyRatePercent: rules.monthlyRatePercent, frequency: rules.frequency,
        maxInstalments: rules.maxInstalments, maxMultipleOfSavings: rules.maxMultipleOfSavings,
      };
    },
  }),

  'loan-apply': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Record a member’s loan application (checked against their savings and the rules)',
    input: z.strictObject({ ...applyInput, purpose: requiredText(200), guarantorIds: z.array(id).max(5).default([]) }),
    run(ctx, input): LoanView {
      writableAssociation(ctx, input.associationId);
      const { member, cycle, rules, principal } = checkApplication(ctx, input);
      scheduleFor(principal, rules, input.instalments, input.date); // refuses terms the schedule cannot hold
      const guarantors = [...new Set(input.guarantorIds)];
      for (const [i, g] of guarantors.entries()) {
        const guarantor = getMember(ctx, input.associationId, g);
        if (guarantor.id === member.id || guarantor.status === 'exited') throw new LedgerError('loan-guarantor-invalid', { name: guarantor.fullName }, `guarantorIds.${i}`);
      }
      if (rules.guarantorsAbove > 0 && principal > rules.guarantorsAbove && guarantors.length === 0) {
        throw new LedgerError('loan-needs-guarantor', { above: String(rules.guarantorsAbove) }, 'guarantorIds');
      }
      const loanId = ctx.newId();
      const q = loanQueries(ctx.ledger);
      q.insertLoan.run({
        id: loanId, associationId: input.associationId, memberId: member.id, cycleId: cycle.id, principal, method: rules.method,
        monthlyRatePercent: rules.monthlyRatePercent, frequency: rules.frequency, instalments: input.instalments, dayCount: rules.dayCount,
        latePenalty: rules.latePenalty, purpose: input.purpose, date: input.date, by: ctx.actorName,
      });
      for (const g of guarantors) q.insertGuarantor.run({ loanId, memberId: g });
      return view(ctx, loanRow(ctx, input.associationId, loanId), input.date);
    },
  }),

  'loan-approve': handler({
    kind: 'write',
    access: { roles: ADMINS },
    summary: 'Approve an application (treasurer or chair)',
    input: z.strictObject({ associationId: id, loanId: id, date: isoDate }),
    run(ctx, input): LoanView {
      writableAssociation(ctx, input.associationId);
      const loan = loanRow(ctx, input.associationId, input.loanId);
      if (loan.status !== 'applied') throw new LedgerError('loan-not-applied', {}, 'loanId');
      // Duties kept apart: nobody approves their own loan (a user linked to the borrower's member record).
      if (ctx.user?.memberId && ctx.user.memberId === loan.memberId) throw new LedgerError('loan-own-approval', {}, 'loanId');
      if (input.date < loan.appliedOn) throw new LedgerError('loan-date-before', { date: loan.appliedOn }, 'date');
      loanQueries(ctx.ledger).approve.run({ loanId: loan.id, date: input.date, by: ctx.actorName });
      return view(ctx, loanRow(ctx, input.associationId, loan.id), input.date);
    },
  }),

  'loan-cancel': handler({
    kind: 'write',
    access: { roles: ADMINS },
    summary: 'Withdraw an application or an approval before the money is paid out, with a reason (treasurer or chair); the member may then apply again',
    input: z.strictObject({ associationId: id, loanId: id, date: isoDate, reason: requiredText(300) }),
    run(ctx, input): LoanView {
      writableAssociation(ctx, input.associationId);
      const loan = loanRow(ctx, input.associationId, input.loanId);
      if (loan.status !== 'applied' && loan.status !== 'approved') throw new LedgerError('loan-not-cancellable', {}, 'loanId');
      if (input.date < loan.appliedOn) throw new LedgerError('loan-date-before', { date: loan.appliedOn }, 'date');
      loanQueries(ctx.ledger).cancel.run({ loanId: loan.id, date: input.date, reason: input.reason, by: ctx.actorName });
      return view(ctx, loanRow(ctx, input.associationId, loan.id), input.date);
    },
  }),

  'loan-disburse': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Pay an approved loan out of the cash box (never more than the box holds); fixes the schedule',
    input: z.strictObject({ associationId: id, loanId: id, date: isoDate }),
    run(ctx, input): LoanStatement {
      const association = writableAssociation(ctx, input.associationId);
      const loan = loanRow(ctx, input.associationId, input.loanId);
      if (loan.status !== 'approved') throw new LedgerError('loan-not-approved', {}, 'loanId');
      if (input.date < (loan.approvedOn ?? loan.appliedOn)) throw new LedgerError('loan-date-before', { date: loan.approvedOn ?? loan.appliedOn }, 'date');
      const { sqlite } = ctx.ledger;
      const box = accountByPurpose(sqlite, input.associationId, 'cash_box');
      const inBox = accountBalance(sqlite, input.associationId, box.id, { asOf: input.date });
      if (inBox < BigInt(loan.principal)) throw new LedgerError('cash-insufficient', { needed: String(loan.principal), available: String(inBox) }, 'loanId');
      checkFreeCash(ctx, input.associationId, association.currency, input.date, BigInt(loan.principal), 'lending', 'loanId');
      const schedule = buildSchedule({
        principal: loan.principal as MinorUnits, method: loan.method, monthlyRatePercent: loan.monthlyRatePercent, frequency: loan.frequency,
        instalments: loan.instalments, disbursedOn: input.date, dayCount: loan.dayCount,
      });
      postEntry(ctx, {
        associationId: input.associationId, entryDate: input.date, kind: 'loan-disbursement', memo: codedMemo('loan-disbursement', { name: loan.memberName }),
        source: { type: 'loan', id: loan.id },
        lines: [
          { accountId: accountByPurpose(sqlite, input.associationId, 'loans_receivable').id, memberId: loan.memberId, amount: loan.principal as MinorUnits },
          { accountId: box.id, amount: -loan.principal as MinorUnits },
        ],
      });
      insertInstalments(ctx, loan.id, 1, schedule.instalments);
      loanQueries(ctx.ledger).disburse.run({ loanId: loan.id, date: input.date, by: ctx.actorName });
      return loanStatementOf(ctx, input.associationId, loan.id, input.date);
    },
  }),

  'loan-repay': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Receive a repayment: penalty first, then interest due, then principal; more than closes the loan is refused',
    input: z.strictObject({ associationId: id, loanId: id, date: isoDate, amount: amountText }),
    run(ctx, input): LoanStatement {
      const association = writableAssociation(ctx, input.associationId);
      const loan = loanRow(ctx, input.associationId, input.loanId);
      const plan = planRepayment(ctx, loan, amountAt(ctx, input.amount, association.currency, 'amount'), input.date, 'amount');
      const entry = postEntry(ctx, {
        associationId: input.associationId, entryDate: input.date, kind: 'loan-repayment', memo: codedMemo('loan-repayment', { name: loan.memberName }),
        source: { type: 'loan', id: loan.id },
        lines: [{ accountId: accountByPurpose(ctx.ledger.sqlite, input.associationId, 'cash_box').id, amount: plan.amount }, ...repaymentLines(ctx, plan)],
      });
      recordRepayment(ctx, plan, entry.id, null);
      return loanStatementOf(ctx, input.associationId, loan.id, input.date);
    },
  }),

  'loan-reschedule': handler({
    kind: 'write',
    access: { roles: ADMINS },
    summary: 'Spread the principal still owed over new instalments from a date (treasurer or chair); the old schedule stays in history',
    input: z.strictObject({
      associationId: id, loanId: id, date: isoDate, reason: requiredText(300),
      instalments: z.number({ error: 'loan-term-zero' }).int({ error: 'loan-term-zero' }).min(1, { error: 'loan-term-zero' }),
    }),
    run(ctx, input): LoanStatement {
      writableAssociation(ctx, input.associationId);
      const loan = loanRow(ctx, input.associationId, input.loanId);
      if (loan.status !== 'disbursed') throw new LedgerError('loan-not-open', {}, 'loanId');
      const received = receivedOn(ctx, loan.id);
      const since = received.at(-1)?.paidOn ?? loan.disbursedOn!;
      if (input.date < since) throw new LedgerError('loan-date-before', { date: since }, 'date');
      const old = instalmentsOf(ctx, loan.id);
      const position = loanPosition(loan.principal, old, received, loan.latePenalty, input.date);
      const owed = minorUnits(position.principalOutstanding.toFixed(0));
      const fresh = buildSchedule({
        principal: owed, method: loan.method, monthlyRatePercent: loan.monthlyRatePercent, frequency: loan.frequency,
        instalments: input.instalments, disbursedOn: input.date, dayCount: loan.dayCount,
      });
      // The instalments already fallen due keep their interest (still owed if unpaid) but
      // only the principal actually paid: the rest of the principal moves to the new ones.
      let paidPrincipal = received.reduce((sum, r) => sum.plus(r.principal), decimal(0));
      const fallen = old.filter((i) => i.dueOn < input.date);
      const kept = fallen.map((i, k) => {
        const part = k === fallen.length - 1 ? paidPrincipal : smaller(paidPrincipal, decimal(i.principal));
        paidPrincipal = paidPrincipal.minus(part);
        return { ...i, principal: part.toNumber() };
      });
      if (kept.length === 0 && !paidPrincipal.isZero()) kept.push({ number: 0, dueOn: input.date, principal: paidPrincipal.toNumber(), interest: 0 });
      insertInstalments(ctx, loan.id, scheduleVersion(ctx, loan.id) + 1, [...kept, ...fresh.instalments]);
      return loanStatementOf(ctx, input.associationId, loan.id, input.date);
    },
  }),

  'loan-write-off': handler({
    kind: 'write',
    access: { roles: ADMINS },
    summary: 'Write off what is left of a loan, with a reason (treasurer or chair, confirmed by a second officer with their PIN)',
    input: z.strictObject({ associationId: id, loanId: id, date: isoDate, reason: requiredText(300), confirmation }),
    run(ctx, input): LoanStatement {
      writableAssociation(ctx, input.associationId);
      const loan = loanRow(ctx, input.associationId, input.loanId);
      if (loan.status !== 'disbursed') throw new LedgerError('loan-not-open', {}, 'loanId');
      const confirmer = confirmedBy(ctx, input.associationId, input.confirmation, { memberId: loan.memberId });
      if (input.date < loan.disbursedOn!) throw new LedgerError('loan-date-before', { date: loan.disbursedOn! }, 'date');
      const { sqlite } = ctx.ledger;
      const position = loanPosition(loan.principal, instalmentsOf(ctx, loan.id), receivedOn(ctx, loan.id), loan.latePenalty, input.date);
      const left = minorUnits(position.principalOutstanding.toFixed(0));
      postEntry(ctx, {
        associationId: input.associationId, entryDate: input.date, kind: 'loan-write-off', memo: codedMemo('loan-write-off', { name: loan.memberName, reason: input.reason, confirmedBy: confirmer }),
        source: { type: 'loan', id: loan.id },
        lines: [
          { accountId: accountByPurpose(sqlite, input.associationId, 'expense_write_off').id, memberId: loan.memberId, amount: left },
          { accountId: accountByPurpose(sqlite, input.associationId, 'loans_receivable').id, memberId: loan.memberId, amount: -left as MinorUnits },
        ],
      });
      loanQueries(ctx.ledger).writeOff.run({ loanId: loan.id, date: input.date, reason: input.reason, by: ctx.actorName });
      return loanStatementOf(ctx, input.associationId, loan.id, input.date);
    },
  }),

  'loan-get': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'A loan statement: every instalment due and what covered it, every repayment, as of a date',
    input: z.strictObject({ associationId: id, loanId: id, asOf: isoDate.optional() }),
    run: (ctx, input): LoanStatement => loanStatementOf(ctx, input.associationId, input.loanId, input.asOf ?? todayOf(ctx, input.associationId)),
  }),

  'loan-list': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'Every loan with its status, what is outstanding and days overdue, as of a date',
    input: z.strictObject({ associationId: id, asOf: isoDate.optional() }),
    run(ctx, input): LoanView[] {
      getAssociation(ctx, input.associationId);
      return loansAsOf(ctx, input.associationId, input.asOf ?? todayOf(ctx, input.associationId));
    },
  }),

  'loan-portfolio-get': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'Portfolio at risk (1, 30, 90 days), repayment rate, outstanding and written-off loans, with definitions',
    input: z.strictObject({ associationId: id, asOf: isoDate.optional() }),
    run(ctx, input): Portfolio {
      getAssociation(ctx, input.associationId);
      return portfolioOf(ctx, input.associationId, input.asOf ?? todayOf(ctx, input.associationId));
    },
  }),
};

/** The loan portfolio as of a date: what is outstanding, at risk, repaid and written off. */
export function portfolioOf(ctx: CallContext, associationId: string, asOf: string): Portfolio {
  const rows = loanQueries(ctx.ledger).all.all({ associationId });
  // Loans being repaid on that day: paid out by then and not yet closed or written off (a loan repaid since still counts).
  const open = rows.filter((r) => (r.disbursedOn ?? '9999') <= asOf
    && (r.status === 'disbursed' || ((r.status === 'closed' || r.status === 'written_off') && r.closedOn !== null && r.closedOn > asOf))).map((r) => view(ctx, r, asOf));
  const outstanding = open.reduce((s, l) => s.plus(l.principalOutstanding), decimal(0));
  // "More than N days late": the oldest unpaid instalment fell due more than N days ago.
  const atRisk = (n: number) => open.filter((l) => l.daysOverdue > n).reduce((s, l) => s.plus(l.principalOutstanding), decimal(0));
  const ratio = (part: ReturnType<typeof decimal>) => percentOf(part, outstanding);
  // Repayment rate: what was received of what had fallen due (principal + interest), all loans ever disbursed.
  let due = decimal(0);
  let received = decimal(0);
  for (const r of rows.filter((x) => x.disbursedOn && x.disbursedOn <= asOf)) {
    const instalments = instalmentsOf(ctx, r.id);
    const fallen = instalments.filter((i) => i.dueOn <= asOf);
    const p = loanPosition(r.principal, instalments, receivedOn(ctx, r.id), r.latePenalty, asOf);
    due = due.plus(fallen.reduce((sum, i) => sum.plus(i.principal).plus(i.interest), decimal(0)));
    // Each instalment's cover never exceeds the instalment itself.
    received = received.plus(p.covered.slice(0, fallen.length).reduce((sum, c) => sum.plus(c), decimal(0)));
  }
  const writtenOff = loanQueries(ctx.ledger).writtenOff.get({ associationId, asOf })!;
  return {
    asOf,
    loansOutstanding: open.length,
    principalOutstanding: outstanding.toFixed(0),
    par1: ratio(atRisk(1)),
    par30: ratio(atRisk(30)),
    par90: ratio(atRisk(90)),
    repaymentRate: due.isZero() ? '100.0' : percentOf(received, due),
    writtenOff: String(writtenOff.s),
    // The register and the books side by side, like the herd's cost: loans are moved only by their records, so these agree.
    principalInJournal: String(accountBalance(ctx.ledger.sqlite, associationId, accountByPurpose(ctx.ledger.sqlite, associationId, 'loans_receivable').id, { asOf })),
  };
}

export interface Portfolio {
  readonly asOf: string;
  readonly loansOutstanding: number;
  readonly principalOutstanding: string;
  /** Percent with one decimal: outstanding principal of loans with a payment more than N days late ÷ all outstanding principal. */
  readonly par1: string;
  readonly par30: string;
  readonly par90: string;
  /** Percent: principal and interest received on time or since, of what has fallen due. */
  readonly repaymentRate: string;
  /** Minor units written off up to the date. */
  readonly writtenOff: string;
  /** The balance of account 1100 (loans to members) on the date: always the register's principalOutstanding. */
  readonly principalInJournal: string;
}

/** A repayment checked and split (penalty → interest → principal), not yet written. */
export interface RepaymentPlan {
  readonly loan: LoanRecord;
  readonly date: string;
  readonly amount: MinorUnits;
  readonly penalty: MinorUnits;
  readonly interest: MinorUnits;
  readonly principal: MinorUnits;
  readonly closes: boolean;
}

export function planRepayment(ctx: CallContext, loan: LoanRecord, paidMinor: MinorUnits, date: string, field: string): RepaymentPlan {
  if (loan.status !== 'disbursed') throw new LedgerError('loan-not-open', {}, field);
  if (date < loan.disbursedOn!) throw new LedgerError('loan-date-before', { date: loan.disbursedOn! }, field);
  const received = receivedOn(ctx, loan.id);
  const last = received.at(-1);
  if (last && date < last.paidOn) throw new LedgerError('loan-date-before', { date: last.paidOn }, field);
  const position = loanPosition(loan.principal, instalmentsOf(ctx, loan.id), received, loan.latePenalty, date);
  const split = allocate(decimal(paidMinor), position);
  // Over-payment is explicit: say what closes the loan rather than keep money nobody owes.
  if (split.left.gt(0)) {
    const closing = position.penaltyDue.plus(position.interestDue).plus(position.principalOutstanding);
    throw new LedgerError('loan-overpaid', { closing: closing.toFixed(0) }, field);
  }
  return {
    loan, date, amount: paidMinor,
    penalty: minorUnits(split.penalty.toFixed(0)), interest: minorUnits(split.interest.toFixed(0)), principal: minorUnits(split.principal.toFixed(0)),
    closes: position.principalOutstanding.minus(split.principal).isZero(),
  };
}

/** The credit lines of a repayment (the caller debits the cash). */
export function repaymentLines(ctx: CallContext, plan: RepaymentPlan) {
  const account = (purpose: string) => accountByPurpose(ctx.ledger.sqlite, plan.loan.associationId, purpose).id;
  return [
    { accountId: account('loans_receivable'), memberId: plan.loan.memberId, amount: -plan.principal as MinorUnits, memo: codedMemo('loan-principal') },
    { accountId: account('income_interest'), memberId: plan.loan.memberId, amount: -plan.interest as MinorUnits, memo: codedMemo('loan-interest') },
    { accountId: account('income_fines'), memberId: plan.loan.memberId, amount: -plan.penalty as MinorUnits, memo: codedMemo('late-penalty') },
  ].filter((l) => l.amount !== 0);
}

export function recordRepayment(ctx: CallContext, plan: RepaymentPlan, entryId: string, meetingId: string | null): void {
  const q = loanQueries(ctx.ledger);
  q.insertRepayment.run({
    id: ctx.newId(), loanId: plan.loan.id, paidOn: plan.date, amount: plan.amount, penalty: plan.penalty, interest: plan.interest, principal: plan.principal,
    entryId, meetingId, now: ctx.now().toISOString(), by: ctx.actorName,
  });
  if (plan.closes) q.close.run({ loanId: plan.loan.id, date: plan.date });
}

/**
 * Undoes the repayments an entry made, when that entry is reversed (a share-out that
 * netted loans): repayments are append-only, so each is answered by a row of the
 * opposite amounts on the same day, tied to the reversing entry, and a loan it closed
 * is open again — the loan owes exactly what it did before.
 */
export function undoRepaymentsOf(ctx: CallContext, entryId: string, reversalEntryId: string): void {
  const q = loanQueries(ctx.ledger);
  for (const r of q.repaymentsOfEntry.all({ entryId })) {
    q.insertRepayment.run({
      id: ctx.newId(), loanId: r.loanId, paidOn: r.paidOn, amount: -r.amount, penalty: -r.penalty, interest: -r.interest, principal: -r.principal,
      entryId: reversalEntryId, meetingId: null, now: ctx.now().toISOString(), by: ctx.actorName,
    });
    q.reopen.run({ loanId: r.loanId });
  }
}

/** Every loan of the association, as it stood on a date. */
export function loansAsOf(ctx: CallContext, associationId: string, asOf: string): LoanView[] {
  return loanQueries(ctx.ledger).list.all({ associationId }).map((r) => view(ctx, r, asOf));
}

/** A member's loans paid out and not yet closed, the oldest first (a share-out nets them in this order). */
export function openLoansOfMember(ctx: CallContext, associationId: string, memberId: string): LoanRecord[] {
  return loanQueries(ctx.ledger).all.all({ associationId })
    .filter((l) => l.memberId === memberId && l.status === 'disbursed')
    .sort((a, b) => (a.disbursedOn! < b.disbursedOn! ? -1 : a.disbursedOn! > b.disbursedOn! ? 1 : 0));
}

/** What closes a loan on a date: penalties and interest due, and the principal still owed. */
export function closingAmount(ctx: CallContext, loan: LoanRecord, date: string): bigint {
  const p = loanPosition(loan.principal, instalmentsOf(ctx, loan.id), receivedOn(ctx, loan.id), loan.latePenalty, date);
  return BigInt(p.penaltyDue.plus(p.interestDue).plus(p.principalOutstanding).toFixed(0));
}

export function openLoanOf(ctx: CallContext, associationId: string, memberId: string, field: string): LoanRecord {
  const row = loanQueries(ctx.ledger).oldestOpen.get({ associationId, memberId });
  if (!row) throw new LedgerError('loan-none-open', {}, field);
  return row;
}

function smaller(a: ReturnType<typeof decimal>, b: ReturnType<typeof decimal>) {
  return a.lt(b) ? a : b;
}

/** One loan as of a date: its schedule with what covered each instalment, and every repayment. */
export function loanStatementOf(ctx: CallContext, associationId: string, loanId: string, asOf: string): LoanStatement {
  const row = loanRow(ctx, associationId, loanId);
  const base = view(ctx, row, asOf);
  const due = instalmentsOf(ctx, loanId);
  const received = receivedOn(ctx, loanId);
  const p = loanPosition(row.principal, due, received, row.latePenalty, asOf);
  const guarantors = loanQueries(ctx.ledger).guarantorNames.all({ loanId });
  return {
    ...base,
    schedule: due.map((d, k) => {
      const whole = decimal(d.principal).plus(d.interest);
      const covered = p.covered[k]!;
      const status = covered.gte(whole) ? 'paid' : d.dueOn < asOf ? 'late' : covered.gt(0) ? 'part-paid' : 'due';
      return { number: d.number, dueOn: d.dueOn, principal: toMoney(d.principal), interest: toMoney(d.interest), payment: toMoney(whole), covered: toMoney(covered), status };
    }),
    repayments: received.map((r) => ({ paidOn: r.paidOn, penalty: toMoney(r.penalty), interest: toMoney(r.interest), principal: toMoney(r.principal) })),
    guarantors: guarantors.map((g) => g.name),
    scheduleVersion: scheduleVersion(ctx, loanId),
  };
}
