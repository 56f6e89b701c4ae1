// Savings cycles and their rules. Rules are versioned: a change applies from a date
// and never rewrites a meeting already held.

import { and, asc, desc, eq, gte, lte, max, sql } from 'drizzle-orm';
import { z } from 'zod';
import { LedgerError } from '../errors';
import { handler } from '../registry';
import { amountAt } from '../amount-field';
import type { CallContext } from '../context';
import { placeholderValue, typedQuery } from '../prepared';
import { READERS, RECORDERS } from '../auth/access';
import { decimal, toMoney, type Money } from '../money/money';
import { cycleRules, cycles, DAY_COUNTS, FREQUENCIES, LOAN_METHODS, meetings } from '../../../db/schema';
import { MAX_INSTALMENTS, MAX_MONTHLY_RATE_PERCENT } from './lending-limits';
import type { CurrencyCode } from '../money/currency';
import { amountText, id, isoDate, requiredText } from '../validation';
import { getAssociation, writableAssociation } from '../association-record';

/** The rules as stored: amounts in minor units of the association's currency. */
export interface CycleRules {
  readonly savingMode: 'shares' | 'savings';
  readonly sharePrice: number;
  readonly minShares: number;
  readonly maxShares: number;
  /** Plain-savings groups: the least and most one member may save at a meeting (0: no limit). */
  readonly minSavings: number;
  readonly maxSavings: number;
  readonly socialFund: number;
  readonly entranceFee: number;
  readonly fines: { readonly late: number; readonly absent: number; readonly other: number };
  readonly meetingFrequency: (typeof FREQUENCIES)[number];
  /** Lending rules (absent from rules written before loans existed: see loanRulesOf). */
  readonly loans?: LoanRules;
  /** How the cycle ends (absent from rules written before share-outs: see shareOutRulesOf). */
  readonly shareOut?: ShareOutRules;
}

/** The group's rules for its share-out (README, "Share-out"). */
export interface ShareOutRules {
  /** Plain-savings groups: in proportion to savings, or to savings × days held. Shares groups divide by shares. */
  readonly basis: (typeof SHARE_OUT_BASES)[number];
  /** Kept by the group before dividing: a percentage of the profit, as text ("10"). */
  readonly reservePercent: string;
  /** The smallest note or coin paid out, in minor units: each part is rounded down to it. */
  readonly roundingUnit: number;
  /** Where what rounding leaves goes. */
  readonly remainderTo: (typeof REMAINDER_DESTINATIONS)[number];
  /** Loans still owed: collected before the share-out, or taken from the member's part. */
  readonly loans: (typeof SHARE_OUT_LOANS)[number];
  /** Whether the social fund is divided too (kept by the group otherwise). */
  readonly socialFundShared: boolean;
  /** A member who leaves mid-cycle takes their savings, or their savings and their part of the profit so far. */
  readonly onExit: (typeof EXIT_SHARES)[number];
}

export const SHARE_OUT_BASES = ['savings', 'share_days'] as const;
export const REMAINDER_DESTINATIONS = ['group_fund', 'social_fund'] as const;
export const SHARE_OUT_LOANS = ['collect', 'net'] as const;
export const EXIT_SHARES = ['savings', 'savings_and_profit'] as const;

export const DEFAULT_SHARE_OUT_RULES: ShareOutRules = {
  basis: 'savings', reservePercent: '0', roundingUnit: 1, remainderTo: 'group_fund', loans: 'collect', socialFundShared: false, onExit: 'savings',
};

export function shareOutRulesOf(rules: CycleRules): ShareOutRules {
  return { ...DEFAULT_SHARE_OUT_RULES, ...rules.shareOut };
}

export interface LoanRules {
  readonly method: (typeof LOAN_METHODS)[number];
  /** Percent per month, as text ("5"). */
  readonly monthlyRatePercent: string;
  readonly frequency: (typeof FREQUENCIES)[number];
  readonly maxInstalments: number;
  readonly dayCount: (typeof DAY_COUNTS)[number];
  /** A member may borrow at most this many times their savings (text decimal, "3"). */
  readonly maxMultipleOfSavings: string;
  readonly allowSeveral: boolean;
  /** Loans above this (minor units) need a guarantor; 0: never. */
  readonly guarantorsAbove: number;
  /** Charged for each instalment found unpaid after its due date (minor units). */
  readonly latePenalty: number;
}

export const DEFAULT_LOAN_RULES: LoanRules = {
  method: 'flat', monthlyRatePercent: '5', frequency: 'monthly', maxInstalments: 12, dayCount: '30/360',
  maxMultipleOfSavings: '3', allowSeveral: false, guarantorsAbove: 0, latePenalty: 0,
};

export function loanRulesOf(rules: CycleRules): LoanRules {
  return { ...DEFAULT_LOAN_RULES, ...rules.loans };
}

const money = amountText;
const rulesInput = z.strictObject({
  savingMode: z.enum(['shares', 'savings'], { error: 'field-not-allowed' }),
  sharePrice: money.optional(),
  minShares: z.number({ error: 'shares-not-whole' }).int({ error: 'shares-not-whole' }).min(0, { error: 'shares-negative' }).default(1),
  maxShares: z.number({ error: 'shares-not-whole' }).int({ error: 'shares-not-whole' }).min(1, { error: 'shares-negative' }).max(1000).default(5),
  minSavings: money.optional(),
  maxSavings: money.optional(),
  socialFund: money.default('0'),
  entranceFee: money.default('0'),
  fineLate: money.default('0'),
  fineAbsent: money.default('0'),
  fineOther: money.default('0'),
  meetingFrequency: z.enum(FREQUENCIES, { error: 'field-not-allowed' }).default('weekly'),
  loanMethod: z.enum(LOAN_METHODS, { error: 'field-not-allowed' }).default('flat'),
  loanMonthlyRatePercent: z.string().trim().regex(/^\d{1,2}(\.\d{1,3})?$/, { error: 'loan-rate-out-of-range' }).default('5'),
  loanFrequency: z.enum(FREQUENCIES, { error: 'field-not-allowed' }).default('monthly'),
  loanMaxInstalments: z.number().int({ error: 'loan-term-zero' }).min(1, { error: 'loan-term-zero' }).max(MAX_INSTALMENTS, { error: 'loan-term-too-long' }).default(12),
  loanDayCount: z.enum(DAY_COUNTS, { error: 'field-not-allowed' }).default('30/360'),
  loanMaxMultiple: z.string().trim().regex(/^\d{1,2}(\.\d{1,2})?$/, { error: 'field-invalid' }).default('3'),
  loanAllowSeveral: z.boolean().default(false),
  loanGuarantorsAbove: money.default('0'),
  loanLatePenalty: money.default('0'),
  shareOutBasis: z.enum(SHARE_OUT_BASES, { error: 'field-not-allowed' }).default('savings'),
  shareOutReservePercent: z.string().trim().regex(/^\d{1,3}(\.\d{1,3})?$/, { error: 'share-out-reserve-invalid' }).default('0'),
  shareOutRoundingUnit: money.default('1'),
  shareOutRemainderTo: z.enum(REMAINDER_DESTINATIONS, { error: 'field-not-allowed' }).default('group_fund'),
  shareOutLoans: z.enum(SHARE_OUT_LOANS, { error: 'field-not-allowed' }).default('collect'),
  shareOutSocialFund: z.enum(['kept', 'shared'], { error: 'field-not-allowed' }).default('kept'),
  shareOutOnExit: z.enum(EXIT_SHARES, { error: 'field-not-allowed' }).default('savings'),
});
export type RulesInput = z.input<typeof rulesInput>;

function optionalAmountAt(text: string | undefined, currency: CurrencyCode, ctx: CallContext, field: string, allowZero = true): number {
  return text === undefined ? 0 : amountAt(ctx, text, currency, field, { allowZero });
}

function rulesFrom(ctx: CallContext, input: z.output<typeof rulesInput>, currency: CurrencyCode): CycleRules {
  if (input.savingMode === 'shares' && input.sharePrice === undefined) throw new LedgerError('share-price-required', {}, 'rules.sharePrice');
  if (input.minShares > input.maxShares) throw new LedgerError('shares-min-above-max', {}, 'rules.minShares');
  const rules: CycleRules = {
    savingMode: input.savingMode,
    sharePrice: input.savingMode === 'shares' ? optionalAmountAt(input.sharePrice, currency, ctx, 'rules.sharePrice', false) : 0,
    minShares: input.minShares,
    maxShares: input.maxShares,
    minSavings: optionalAmountAt(input.minSavings, currency, ctx, 'rules.minSavings'),
    maxSavings: optionalAmountAt(input.maxSavings, currency, ctx, 'rules.maxSavings'),
    socialFund: optionalAmountAt(input.socialFund, currency, ctx, 'rules.socialFund'),
    entranceFee: optionalAmountAt(input.entranceFee, currency, ctx, 'rules.entranceFee'),
    fines: {
      late: optionalAmountAt(input.fineLate, currency, ctx, 'rules.fineLate'),
      absent: optionalAmountAt(input.fineAbsent, currency, ctx, 'rules.fineAbsent'),
      other: optionalAmountAt(input.fineOther, currency, ctx, 'rules.fineOther'),
    },
    meetingFrequency: input.meetingFrequency,
    loans: {
      method: input.loanMethod,
      monthlyRatePercent: input.loanMonthlyRatePercent,
      frequency: input.loanFrequency,
      maxInstalments: input.loanMaxInstalments,
      dayCount: input.loanDayCount,
      maxMultipleOfSavings: input.loanMaxMultiple,
      allowSeveral: input.loanAllowSeveral,
      guarantorsAbove: optionalAmountAt(input.loanGuarantorsAbove, currency, ctx, 'rules.loanGuarantorsAbove'),
      latePenalty: optionalAmountAt(input.loanLatePenalty, currency, ctx, 'rules.loanLatePenalty'),
    },
    shareOut: {
      basis: input.shareOutBasis,
      reservePercent: input.shareOutReservePercent,
      roundingUnit: optionalAmountAt(input.shareOutRoundingUnit, currency, ctx, 'rules.shareOutRoundingUnit', false),
      remainderTo: input.shareOutRemainderTo,
      loans: input.shareOutLoans,
      socialFundShared: input.shareOutSocialFund === 'shared',
      onExit: input.shareOutOnExit,
    },
  };
  if (decimal(input.shareOutReservePercent).gt(100)) throw new LedgerError('share-out-reserve-invalid', {}, 'rules.shareOutReservePercent');
  if (decimal(input.loanMonthlyRatePercent).gt(MAX_MONTHLY_RATE_PERCENT)) {
    throw new LedgerError('loan-rate-out-of-range', { max: MAX_MONTHLY_RATE_PERCENT }, 'rules.loanMonthlyRatePercent');
  }
  if (rules.maxSavings > 0 && rules.minSavings > rules.maxSavings) throw new LedgerError('savings-min-above-max', {}, 'rules.minSavings');
  return rules;
}

const cycleQueries = typedQuery((db) => ({
  byId: db.select({
    id: cycles.id, associationId: cycles.associationId, name: cycles.name, startsOn: cycles.startsOn, endsOn: cycles.endsOn, status: cycles.status,
  }).from(cycles).where(and(eq(cycles.id, sql.placeholder('cycleId')), eq(cycles.associationId, sql.placeholder('associationId')))).prepare(),
  /** Every version of a cycle's rules, oldest first. */
  rules: db.select({ effectiveFrom: cycleRules.effectiveFrom, json: cycleRules.rulesJson }).from(cycleRules)
    .where(eq(cycleRules.cycleId, sql.placeholder('cycleId'))).orderBy(asc(cycleRules.effectiveFrom)).prepare(),
  /** A cycle of the association that covers any day from `from` to `to`. */
  covering: db.select({ id: cycles.id, name: cycles.name }).from(cycles)
    .where(and(
      eq(cycles.associationId, sql.placeholder('associationId')),
      lte(cycles.startsOn, sql.placeholder('to')),
      gte(cycles.endsOn, sql.placeholder('from')),
    )).prepare(),
  insert: db.insert(cycles).values({
    id: sql.placeholder('id'), associationId: sql.placeholder('associationId'), name: sql.placeholder('name'),
    startsOn: sql.placeholder('startsOn'), endsOn: sql.placeholder('endsOn'), status: 'open', createdAt: sql.placeholder('now'),
  }).prepare(),
  insertRules: db.insert(cycleRules).values({
    id: sql.placeholder('id'), cycleId: sql.placeholder('cycleId'), effectiveFrom: sql.placeholder('effectiveFrom'),
    rulesJson: sql.placeholder('rulesJson'), createdAt: sql.placeholder('now'), createdBy: sql.placeholder('createdBy'),
  }).prepare(),
  lastMeeting: db.select({ last: max(meetings.meetingDate) }).from(meetings).where(eq(meetings.cycleId, sql.placeholder('cycleId'))).prepare(),
  newestFirst: db.select({ id: cycles.id }).from(cycles)
    .where(eq(cycles.associationId, sql.placeholder('associationId'))).orderBy(desc(cycles.startsOn)).prepare(),
}));

type CycleRow = NonNullable<ReturnType<ReturnType<typeof cycleQueries>['byId']['get']>>;

export type CycleView = Readonly<CycleRow> & {
  /** Every version of the rules, oldest first. */
  readonly rules: readonly { readonly effectiveFrom: string; readonly rules: CycleRules }[];
};

export function getCycle(ctx: CallContext, associationId: string, cycleId: string): CycleView {
  const q = cycleQueries(ctx.ledger);
  const row = q.byId.get({ cycleId, associationId });
  if (!row) throw new LedgerError('cycle-not-found', {}, 'cycleId');
  const versions = q.rules.all({ cycleId });
  // Rules written before loans existed read with the default lending rules filled in.
  return {
    ...row,
    rules: versions.map((v) => {
      const rules = JSON.parse(v.json) as CycleRules;
      return { effectiveFrom: v.effectiveFrom, rules: { ...rules, loans: loanRulesOf(rules) } };
    }),
  };
}

/** Rules as results carry them: every amount a string of minor units. */
export interface CycleRulesView extends Omit<CycleRules, 'sharePrice' | 'minSavings' | 'maxSavings' | 'socialFund' | 'entranceFee' | 'fines' | 'loans' | 'shareOut'> {
  readonly sharePrice: Money;
  readonly minSavings: Money;
  readonly maxSavings: Money;
  readonly socialFund: Money;
  readonly entranceFee: Money;
  readonly fines: { readonly late: Money; readonly absent: Money; readonly other: Money };
  readonly loans: Omit<LoanRules, 'guarantorsAbove' | 'latePenalty'> & { readonly guarantorsAbove: Money; readonly latePenalty: Money };
  readonly shareOut: Omit<ShareOutRules, 'roundingUnit'> & { readonly roundingUnit: Money };
}

/** A cycle as results carry it. */
export interface CycleOutput extends Omit<CycleView, 'rules'> {
  readonly rules: readonly { readonly effectiveFrom: string; readonly rules: CycleRulesView }[];
}

export function rulesView(r: CycleRules): CycleRulesView {
  const loans = loanRulesOf(r);
  const shareOut = shareOutRulesOf(r);
  return {
    ...r, sharePrice: toMoney(r.sharePrice), minSavings: toMoney(r.minSavings), maxSavings: toMoney(r.maxSavings), socialFund: toMoney(r.socialFund),
    entranceFee: toMoney(r.entranceFee), fines: { late: toMoney(r.fines.late), absent: toMoney(r.fines.absent), other: toMoney(r.fines.other) },
    loans: { ...loans, guarantorsAbove: toMoney(loans.guarantorsAbove), latePenalty: toMoney(loans.latePenalty) },
    shareOut: { ...shareOut, roundingUnit: toMoney(shareOut.roundingUnit) },
  };
}

function cycleOutput(c: CycleView): CycleOutput {
  return { ...c, rules: c.rules.map((v) => ({ effectiveFrom: v.effectiveFrom, rules: rulesView(v.rules) })) };
}

/** The open cycle a date falls in: a meeting or a loan needs one (a shared-out cycle is closed). */
export function cycleOn(ctx: CallContext, associationId: string, date: string): CycleView {
  const row = cycleQueries(ctx.ledger).covering.get({ associationId, from: date, to: date });
  if (!row) throw new LedgerError('meeting-outside-cycle', { date }, 'date');
  const cycle = getCycle(ctx, associationId, row.id);
  if (cycle.status === 'closed') throw new LedgerError('cycle-closed', { name: cycle.name }, 'date');
  return cycle;
}

/** The cycle a date falls in, open or closed, or null. */
export function cycleCovering(ctx: CallContext, associationId: string, date: string): CycleView | null {
  const row = cycleQueries(ctx.ledger).covering.get({ associationId, from: date, to: date });
  return row ? getCycle(ctx, associationId, row.id) : null;
}

const closeCycle = typedQuery((db) =>
  db.update(cycles).set({ status: 'closed', endsOn: placeholderValue('endsOn') }).where(eq(cycles.id, sql.placeholder('cycleId'))).prepare(),
);

const reopenCycle = typedQuery((db) =>
  db.update(cycles).set({ status: 'open', endsOn: placeholderValue('endsOn') }).where(eq(cycles.id, sql.placeholder('cycleId'))).prepare(),
);

/** Opens a cycle again (its share-out was reversed), with the end it had before. */
export function markCycleReopened(ctx: CallContext, cycleId: string, endsOn: string): void {
  reopenCycle(ctx.ledger).run({ cycleId, endsOn });
}

/** Closes a cycle on its share-out's day: it ends then (the next may start the day after); no more meetings or loans in it. */
export function markCycleClosed(ctx: CallContext, cycleId: string, endsOn: string): void {
  closeCycle(ctx.ledger).run({ cycleId, endsOn });
}

/** The rules in force on a date: the latest version that starts on or before it. */
export function rulesOn(cycle: CycleView, date: string): CycleRules {
  const version = [...cycle.rules].reverse().find((v) => v.effectiveFrom <= date) ?? cycle.rules[0];
  if (!version) throw new LedgerError('cycle-not-found');
  return version.rules;
}

function insertRules(ctx: CallContext, cycleId: string, effectiveFrom: string, rules: CycleRules): void {
  cycleQueries(ctx.ledger).insertRules.run({
    id: ctx.newId(), cycleId, effectiveFrom, rulesJson: JSON.stringify(rules), now: ctx.now().toISOString(), createdBy: ctx.actorName,
  });
}

export const cycleHandlers = {
  'cycle-create': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Start a savings cycle with its dates and rules (share price, limits, social fund, fees, fines)',
    input: z.strictObject({ associationId: id, name: requiredText(80), startsOn: isoDate, endsOn: isoDate, rules: rulesInput }),
    run(ctx, input): CycleOutput {
      const association = writableAssociation(ctx, input.associationId);
      if (input.endsOn <= input.startsOn) throw new LedgerError('cycle-ends-before-start', {}, 'endsOn');
      if (input.startsOn < association.foundedOn) throw new LedgerError('entry-before-founding', { date: input.startsOn, foundedOn: association.foundedOn }, 'startsOn');
      const q = cycleQueries(ctx.ledger);
      const overlap = q.covering.get({ associationId: input.associationId, from: input.startsOn, to: input.endsOn });
      if (overlap) throw new LedgerError('cycle-overlaps', { name: overlap.name }, 'startsOn');
      const rules = rulesFrom(ctx, input.rules, association.currency);
      const cycleId = ctx.newId();
      q.insert.run({
        id: cycleId, associationId: input.associationId, name: input.name, startsOn: input.startsOn, endsOn: input.endsOn, now: ctx.now().toISOString(),
      });
      insertRules(ctx, cycleId, input.startsOn, rules);
      return cycleOutput(getCycle(ctx, input.associationId, cycleId));
    },
  }),

  'cycle-rules-change': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Change a cycle’s rules from a date on; meetings before that date keep the rules they had',
    input: z.strictObject({ associationId: id, cycleId: id, effectiveFrom: isoDate, rules: rulesInput }),
    run(ctx, input): CycleOutput {
      const association = writableAssociation(ctx, input.associationId);
      const cycle = getCycle(ctx, input.associationId, input.cycleId);
      if (input.effectiveFrom < cycle.startsOn || input.effectiveFrom > cycle.endsOn) throw new LedgerError('rules-outside-cycle', {}, 'effectiveFrom');
      const held = cycleQueries(ctx.ledger).lastMeeting.get({ cycleId: cycle.id })!;
      if (held.last && input.effectiveFrom <= held.last) throw new LedgerError('rules-before-last-meeting', { date: held.last }, 'effectiveFrom');
      if (cycle.rules.some((v) => v.effectiveFrom === input.effectiveFrom)) throw new LedgerError('rules-same-date', {}, 'effectiveFrom');
      insertRules(ctx, cycle.id, input.effectiveFrom, rulesFrom(ctx, input.rules, association.currency));
      return cycleOutput(getCycle(ctx, input.associationId, cycle.id));
    },
  }),

  'cycle-list': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'The association’s cycles with every version of their rules, newest first',
    input: z.strictObject({ associationId: id }),
    run(ctx, input): CycleOutput[] {
      getAssociation(ctx, input.associationId);
      const ids = cycleQueries(ctx.ledger).newestFirst.all({ associationId: input.associationId });
      return ids.map((r) => cycleOutput(getCycle(ctx, input.associationId, r.id)));
    },
  }),
};

