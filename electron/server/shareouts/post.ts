// Posting a share-out: the cash counted in front of everyone, the parts worked out
// from the books, confirmed by a second officer with their own PIN, then one journal
// entry (all or nothing) and the cycle closed.
//
// The entry, for each member: their savings leave 2010 (debit), a loan netted is
// repaid from their part (credit 1100, interest 4010, penalties 4020, recorded on the
// loan), and what they receive leaves the box or the bank. What the parts pay beyond
// the savings is the profit shared: the cycle's income and expenses are closed into
// the group fund (3010) and the parts paid from it; the reserve and
// the remainder stay there (or the remainder goes to the social fund, by rule); a
// social fund the rules share is emptied into the parts.

import { z } from 'zod';
import { LedgerError } from '../errors';
import { handler } from '../registry';
import type { CallContext } from '../context';
import { ADMINS, READERS } from '../auth/access';
import { amountText, id, isoDate, optionalText, requiredText } from '../validation';
import { accountBalance, accountByPurpose } from '../journal/balances';
import { postEntry, type EntryLine } from '../journal/post';
import { codedMemo } from '../journal/memo';
import { minorUnits, toMoney, type Money } from '../money/money';
import { amountAt } from '../amount-field';
import { checkFreeCash } from '../funds/funds';
import { formatAmount } from '../money/money';
import { writableAssociation } from '../association-record';
import { rowInserter, prepared, typedQuery } from '../prepared';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { shareOutReversals, shareOuts } from '../../../db/schema';
import { getCycle, markCycleClosed, markCycleReopened } from '../cycles/handlers';
import { reverseEntry } from '../journal/reverse';
import { closingAmount, openLoansOfMember, planRepayment, recordRepayment, repaymentLines, undoRepaymentsOf, type RepaymentPlan } from '../loans/handlers';
import { confirmation, confirmedBy, type Confirmation } from '../access/second-person';
import { previewShareOut, type ShareOutPreview } from './handlers';
import { PHONE } from '../members/handlers';
import { EXPENSES, INCOME } from './pool';

export interface ShareOutInput {
  readonly associationId: string;
  readonly cycleId: string;
  readonly date: string;
  readonly cashCount: { readonly box: string; readonly bank?: string | undefined; readonly reason?: string | undefined };
  readonly paidFrom: 'cash_box' | 'bank';
  /** Parts of payouts members leave in the group as their first savings of the next cycle. */
  readonly reinvest: readonly { readonly memberId: string; readonly amount: string }[];
  /** How members are paid: cash unless listed here (mobile money leaves the bank / mobile money account). */
  readonly payments: readonly { readonly memberId: string; readonly method: PaymentMethod; readonly phone?: string | undefined }[];
  readonly confirmation?: Confirmation;
}

export const PAYMENT_METHODS = ['cash', 'mobile_money'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** How one member was paid (every member with a payout has one). */
export interface MemberPayment {
  readonly memberId: string;
  readonly method: PaymentMethod;
  /** The number the mobile money was sent to (null for cash). */
  readonly phone: string | null;
  /** What was paid this way (the payout less what was left as savings). */
  readonly amount: Money;
}

export interface PostedShareOut extends ShareOutPreview {
  readonly id: string;
  readonly entryId: string;
  readonly confirmedBy: string;
  /** What each member left as savings for the next cycle (not paid out in cash). */
  readonly reinvested: readonly { readonly memberId: string; readonly amount: Money }[];
  readonly payments: readonly MemberPayment[];
  /** The day the cycle was to end before the share-out closed it (a reversal gives it back). */
  readonly cycleEndsOn: string;
}

const insertShareOut = rowInserter(shareOuts);
const MEETINGS_AFTER = 'SELECT max(meeting_date) AS date FROM meetings WHERE cycle_id = ? AND meeting_date > ?';

export function postShareOut(ctx: CallContext, input: ShareOutInput): PostedShareOut {
  const association = writableAssociation(ctx, input.associationId);
  const cycle = getCycle(ctx, input.associationId, input.cycleId);
  if (cycle.status === 'closed') throw new LedgerError('share-out-cycle-closed', {}, 'cycleId');
  const { sqlite } = ctx.ledger;
  const later = prepared(sqlite, MEETINGS_AFTER).get(cycle.id, input.date) as { date: string | null };
  if (later.date) throw new LedgerError('share-out-meetings-after', { date: later.date }, 'date');
  const account = (purpose: string) => accountByPurpose(sqlite, input.associationId, purpose).id;

  // The count: a difference from the books needs a reason, and is recorded (5040) before anything is divided.
  const counted = {
    box: BigInt(amountAt(ctx, input.cashCount.box, association.currency, 'cashCount.box', { allowZero: true })),
    // The bank not counted (left out): the books' balance stands.
    bank: input.cashCount.bank === undefined
      ? accountBalance(sqlite, input.associationId, account('bank'), { asOf: input.date })
      : BigInt(amountAt(ctx, input.cashCount.bank, association.currency, 'cashCount.bank', { allowZero: true })),
  };
  const differences: EntryLine[] = [];
  for (const [purpose, field] of [['cash_box', 'box'], ['bank', 'bank']] as const) {
    const diff = counted[field] - accountBalance(sqlite, input.associationId, account(purpose), { asOf: input.date });
    if (diff === 0n) continue;
    if (!input.cashCount.reason) {
      throw new LedgerError('share-out-count-reason', { difference: formatAmount(diff < 0n ? -diff : diff, association.currency, ctx.actor.locale) }, 'cashCount.reason');
    }
    differences.push({ accountId: account(purpose), amount: minorUnits(diff) }, { accountId: account('cash_difference'), amount: minorUnits(-diff) });
  }
  if (differences.length > 0) {
    postEntry(ctx, {
      associationId: input.associationId, entryDate: input.date, kind: 'cash-count',
      memo: codedMemo('share-out-count', { cycle: cycle.name, reason: input.cashCount.reason! }), lines: differences,
    });
  }

  const preview = previewShareOut(ctx, input.associationId, input.cycleId, input.date);
  if (preview.rules.loans === 'collect' && preview.loansOwed.length > 0) {
    throw new LedgerError('share-out-loans-unpaid', { names: preview.loansOwed.map((l) => l.fullName).join(', ') }, 'date');
  }
  // A member with savings but no shares bought would lose them in a division by shares: the group records them as shares first.
  if (preview.savingsWithoutShares.length > 0) {
    throw new LedgerError('share-out-savings-without-shares', { names: preview.savingsWithoutShares.join(', ') }, 'date');
  }
  // What members leave as next cycle's savings: not more than their payout; plain-savings groups only
  // (a shares group's members buy shares again at the next cycle's first meeting).
  const reinvested = new Map<string, bigint>();
  input.reinvest.forEach((r, i) => {
    const field = `reinvest.${i}.amount`;
    const member = preview.members.find((m) => m.memberId === r.memberId);
    if (!member) throw new LedgerError('member-not-found', {}, `reinvest.${i}.memberId`);
    if (!preview.reinvestAllowed) throw new LedgerError('share-out-reinvest-shares', {}, field);
    if (reinvested.has(r.memberId)) throw new LedgerError('member-listed-twice', { name: member.fullName }, `reinvest.${i}.memberId`);
    const amount = BigInt(amountAt(ctx, r.amount, association.currency, field, { allowZero: true }));
    if (amount > BigInt(member.payout)) {
      throw new LedgerError('share-out-reinvest-above-payout', { name: member.fullName, payout: formatAmount(member.payout, association.currency, ctx.actor.locale) }, field);
    }
    if (amount > 0n) reinvested.set(r.memberId, amount);
  });
  // What members leave in needs no cash; the rest must be there (a shortfall is never hidden).
  const kept = [...reinvested.values()].reduce((sum, v) => sum + v, 0n);
  const shortfall = BigInt(preview.shortfall) - kept;
  if (shortfall > 0n) {
    throw new LedgerError('share-out-shortfall', { shortfall: formatAmount(shortfall, association.currency, ctx.actor.locale) }, 'cashCount.box');
  }
  const payments = paymentsOf(ctx, preview, input.payments, reinvested);
  // What leaves each account: cash from the one chosen, mobile money from the bank / mobile money account.
  const leaving = { cash_box: 0n, bank: 0n };
  for (const p of payments) leaving[p.method === 'mobile_money' ? 'bank' : input.paidFrom] += BigInt(p.amount);
  for (const [purpose, field] of [['cash_box', 'box'], ['bank', 'bank']] as const) {
    if (leaving[purpose] <= counted[field]) continue;
    const money = (v: bigint) => formatAmount(v, association.currency, ctx.actor.locale);
    throw new LedgerError('cash-insufficient', { needed: money(leaving[purpose]), available: money(counted[field]) }, purpose === input.paidFrom ? 'paidFrom' : 'payments');
  }
  // Grant money is never paid out as members' parts, on the day or today (as for any payout).
  checkFreeCash(ctx, input.associationId, association.currency, input.date, leaving.cash_box + leaving.bank, 'payout', 'paidFrom');
  const confirmer = confirmedBy(ctx, input.associationId, input.confirmation);

  const lines: EntryLine[] = [];
  const plans: RepaymentPlan[] = [];
  let shares = 0n;
  let savings = 0n;
  for (const m of preview.members) {
    const saved = BigInt(m.savings);
    savings += saved;
    shares += BigInt(m.share);
    if (saved !== 0n) lines.push({ accountId: account('member_savings'), memberId: m.memberId, amount: minorUnits(saved) });
    // The loan netted, loan by loan, oldest first: recorded on each loan as a repayment.
    let toNet = BigInt(m.loanNetted);
    for (const loan of openLoansOfMember(ctx, input.associationId, m.memberId)) {
      if (toNet === 0n) break;
      const closing = closingAmount(ctx, loan, input.date);
      const amount = toNet < closing ? toNet : closing;
      const plan = planRepayment(ctx, loan, minorUnits(amount), input.date, 'date');
      plans.push(plan);
      lines.push(...repaymentLines(ctx, plan));
      toNet -= amount;
    }
    const left = reinvested.get(m.memberId) ?? 0n;
    if (left > 0n) lines.push({ accountId: account('member_savings'), memberId: m.memberId, amount: minorUnits(-left), memo: codedMemo('share-out-reinvested') });
  }
  for (const purpose of ['cash_box', 'bank'] as const) {
    if (leaving[purpose] > 0n) lines.push({ accountId: account(purpose), amount: minorUnits(-leaving[purpose]), memo: codedMemo('share-out-paid') });
  }
  // A social fund the rules share is emptied into the parts; what is left is profit from the group fund
  // (the savings left for the next cycle are new savings: they do not change what the group fund pays).
  const socialFundIn = preview.rules.socialFundShared ? BigInt(preview.working.socialFund) : 0n;
  if (socialFundIn !== 0n) lines.push({ accountId: account('social_fund'), amount: minorUnits(socialFundIn) });
  // The cycle's income and expenses (with the interest netted above) are closed into the group fund,
  // so the next cycle's profit is its own; the parts beyond the savings are paid from the group fund.
  let profitClosed = 0n;
  for (const purpose of [...INCOME, ...EXPENSES]) {
    const id = account(purpose);
    const inThisEntry = lines.filter((l) => l.accountId === id).reduce((sum, l) => sum + BigInt(l.amount), 0n);
    const open = accountBalance(sqlite, input.associationId, id, { asOf: input.date }) + inThisEntry;
    if (open === 0n) continue;
    lines.push({ accountId: id, amount: minorUnits(-open), memo: codedMemo('share-out-closing') });
    profitClosed -= open;
  }
  const fromGroupFund = shares - savings - socialFundIn - profitClosed;
  if (fromGroupFund !== 0n) lines.push({ accountId: account('group_fund'), amount: minorUnits(fromGroupFund) });
  const remainder = BigInt(preview.remainder);
  if (preview.rules.remainderTo === 'social_fund' && remainder > 0n) {
    const memo = codedMemo('share-out-remainder');
    lines.push({ accountId: account('group_fund'), amount: minorUnits(remainder), memo }, { accountId: account('social_fund'), amount: minorUnits(-remainder), memo });
  }
  const entry = postEntry(ctx, {
    associationId: input.associationId, entryDate: input.date, kind: 'share-out', memo: codedMemo('share-out', { cycle: cycle.name }),
    source: { type: 'share-out', id: cycle.id }, lines: lines.filter((l) => l.amount !== 0) as EntryLine[],
  });
  for (const plan of plans) recordRepayment(ctx, plan, entry.id, null);
  const id = ctx.newId();
  insertShareOut(ctx.ledger).run({
    id, associationId: input.associationId, cycleId: cycle.id, shareOutDate: input.date,
    boxCounted: minorUnits(counted.box), bankCounted: minorUnits(counted.bank),
    differenceReason: differences.length > 0 ? input.cashCount.reason! : null,
    resultJson: JSON.stringify({ ...preview, reinvested: [...reinvested].map(([memberId, amount]) => ({ memberId, amount: amount.toString() })), payments, cycleEndsOn: cycle.endsOn }),
    entryId: entry.id, confirmedBy: confirmer, createdAt: ctx.now().toISOString(), createdBy: ctx.actorName,
  });
  markCycleClosed(ctx, cycle.id, input.date);
  return {
    ...preview, id, entryId: entry.id, confirmedBy: confirmer, cycleEndsOn: cycle.endsOn, payments,
    reinvested: [...reinvested].map(([memberId, amount]) => ({ memberId, amount: toMoney(amount) })),
  };
}

/**
 * How each member with something to receive is paid: cash unless the input says mobile
 * money, which needs the number it is sent to.
 */
function paymentsOf(ctx: CallContext, preview: ShareOutPreview, given: ShareOutInput['payments'], reinvested: ReadonlyMap<string, bigint>): MemberPayment[] {
  const chosen = new Map<string, { method: PaymentMethod; phone: string | null }>();
  given.forEach((p, i) => {
    const member = preview.members.find((m) => m.memberId === p.memberId);
    if (!member) throw new LedgerError('member-not-found', {}, `payments.${i}.memberId`);
    if (chosen.has(p.memberId)) throw new LedgerError('member-listed-twice', { name: member.fullName }, `payments.${i}.memberId`);
    if (p.method === 'mobile_money' && !p.phone) throw new LedgerError('share-out-phone-required', { name: member.fullName }, `payments.${i}.phone`);
    if (p.phone !== undefined && !PHONE.test(p.phone)) throw new LedgerError('phone-invalid', {}, `payments.${i}.phone`);
    chosen.set(p.memberId, { method: p.method, phone: p.method === 'mobile_money' ? p.phone! : null });
  });
  return preview.members.flatMap((m) => {
    const amount = BigInt(m.payout) - (reinvested.get(m.memberId) ?? 0n);
    if (amount <= 0n) return [];
    const how = chosen.get(m.memberId) ?? { method: 'cash' as const, phone: null };
    return [{ memberId: m.memberId, ...how, amount: toMoney(amount) }];
  });
}

/** The cycle's share-out that stands: the latest not reversed. */
const shareOutOfCycle = typedQuery((db) =>
  db.select({ id: shareOuts.id, resultJson: shareOuts.resultJson, entryId: shareOuts.entryId, confirmedBy: shareOuts.confirmedBy }).from(shareOuts)
    .leftJoin(shareOutReversals, eq(shareOutReversals.shareOutId, shareOuts.id))
    .where(and(eq(shareOuts.associationId, sql.placeholder('associationId')), eq(shareOuts.cycleId, sql.placeholder('cycleId')), isNull(shareOutReversals.id)))
    .orderBy(desc(shareOuts.createdAt)).prepare(),
);
const insertReversal = rowInserter(shareOutReversals);
const LATER_CYCLE = 'SELECT name FROM cycles WHERE association_id = ? AND starts_on > ? LIMIT 1';

/** A cycle's share-out as it was posted (what was paid, for the report and the slips), or null before it. */
export function postedShareOut(ctx: CallContext, associationId: string, cycleId: string): PostedShareOut | null {
  const row = shareOutOfCycle(ctx.ledger).get({ associationId, cycleId });
  if (!row) return null;
  const stored = JSON.parse(row.resultJson) as Omit<PostedShareOut, 'id' | 'entryId' | 'confirmedBy'>;
  return { ...stored, id: row.id, entryId: row.entryId, confirmedBy: row.confirmedBy };
}

/**
 * Reverses a posted share-out, with a reason and a second officer's PIN: its entry is
 * reversed on its own day (the books as of that day are as before it), the cycle opens
 * again with the end it had, and a new share-out can be done. The cash count stays (it
 * happened). Loans repaid from members' parts owe again what they owed (their
 * repayments are answered on the loans). Not once the next cycle has started.
 */
export function reverseShareOut(ctx: CallContext, input: { associationId: string; cycleId: string; reason: string; confirmation?: Confirmation }): { reversalEntryId: string } {
  writableAssociation(ctx, input.associationId);
  const cycle = getCycle(ctx, input.associationId, input.cycleId);
  const posted = postedShareOut(ctx, input.associationId, input.cycleId);
  if (!posted) throw new LedgerError('share-out-not-found', {}, 'cycleId');
  const later = prepared(ctx.ledger.sqlite, LATER_CYCLE).get(input.associationId, posted.date) as { name: string } | undefined;
  if (later) throw new LedgerError('share-out-next-cycle-started', { name: later.name }, 'cycleId');
  const confirmer = confirmedBy(ctx, input.associationId, input.confirmation);
  const reversal = reverseEntry(ctx, {
    associationId: input.associationId, entryId: posted.entryId, entryDate: posted.date,
    memo: codedMemo('share-out-reversal', { cycle: cycle.name, reason: input.reason, confirmedBy: confirmer }),
  });
  // Loans repaid from members' parts owe again what they owed before.
  undoRepaymentsOf(ctx, posted.entryId, reversal.id);
  insertReversal(ctx.ledger).run({
    id: ctx.newId(), associationId: input.associationId, shareOutId: posted.id, reversalEntryId: reversal.id, reason: input.reason,
    confirmedBy: confirmer, createdAt: ctx.now().toISOString(), createdBy: ctx.actorName,
  });
  markCycleReopened(ctx, cycle.id, posted.cycleEndsOn);
  return { reversalEntryId: reversal.id };
}

export const shareOutPostHandlers = {
  'share-out-reverse': handler({
    kind: 'write',
    access: { roles: ADMINS },
    summary: 'Reverse a share-out done by mistake, with a reason and a second officer’s PIN: the cycle opens again for a new one',
    input: z.strictObject({ associationId: id, cycleId: id, reason: requiredText(300), confirmation }),
    run: (ctx, input): { reversalEntryId: string } => reverseShareOut(ctx, input),
  }),

  'share-out-get': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'A cycle’s share-out as posted: the pool, its working and what each member was paid (null before it is done)',
    input: z.strictObject({ associationId: id, cycleId: id }),
    run(ctx, input): PostedShareOut | null {
      getCycle(ctx, input.associationId, input.cycleId);
      return postedShareOut(ctx, input.associationId, input.cycleId);
    },
  }),

  'share-out-post': handler({
    kind: 'write',
    access: { roles: ADMINS },
    summary: 'Do the share-out of a cycle: count the cash, pay each member their part in one entry, confirmed by a second officer with their PIN; the cycle closes',
    eventDate: 'date',
    input: z.strictObject({
      associationId: id,
      cycleId: id,
      date: isoDate,
      cashCount: z.strictObject({ box: amountText, bank: amountText.optional(), reason: optionalText(300) }),
      paidFrom: z.enum(['cash_box', 'bank'], { error: 'field-invalid' }).default('cash_box'),
      reinvest: z.array(z.strictObject({ memberId: id, amount: amountText }), { error: 'field-invalid' }).max(1000).default([]),
      payments: z.array(z.strictObject({ memberId: id, method: z.enum(PAYMENT_METHODS, { error: 'field-not-allowed' }), phone: optionalText(30) }), { error: 'field-invalid' })
        .max(1000).default([]),
      confirmation,
    }),
    run: (ctx, input): PostedShareOut => postShareOut(ctx, input),
  }),
};
