// Reading a meeting's grid — one row per member: attendance, shares or savings,
// social fund, entrance fee, fines — into checked contributions in minor units,
// against the rules in force on the meeting's date. Shared by closing a meeting
// and correcting one.

import { z } from 'zod';
import { and, asc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { ATTENDANCE_STATUSES, CONTRIBUTION_KINDS, members } from '../../../db/schema';
import { LedgerError } from '../errors';
import type { CallContext } from '../context';
import { typedQuery } from '../prepared';
import { decimal, minorUnits, parseAmount } from '../money/money';
import type { CurrencyCode } from '../money/currency';
import { id } from '../validation';
import type { CycleRules } from '../cycles/handlers';

const optionalAmount = z.string({ error: 'amount-format' }).trim().max(40, { error: 'amount-format' }).optional();

export const gridRow = z.strictObject({
  memberId: id,
  attendance: z.enum(ATTENDANCE_STATUSES, { error: 'attendance-invalid' }),
  shares: z.number({ error: 'shares-not-whole' }).int({ error: 'shares-not-whole' }).min(0, { error: 'shares-negative' }).optional(),
  savings: optionalAmount,
  socialFund: optionalAmount,
  entranceFee: optionalAmount,
  fineLate: optionalAmount,
  fineAbsent: optionalAmount,
  fineOther: optionalAmount,
  /** Paid toward the member's loan at this meeting. */
  loanRepayment: optionalAmount,
});
export const gridRows = z.array(gridRow, { error: 'field-required' }).max(500, { error: 'field-too-long' });
export type GridRow = z.output<typeof gridRow>;

export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

export interface Contribution {
  readonly memberId: string;
  readonly kind: ContributionKind;
  readonly shares: number | null;
  readonly amount: number;
}

export interface CheckedGrid {
  readonly attendance: readonly { readonly memberId: string; readonly status: GridRow['attendance'] }[];
  readonly contributions: readonly Contribution[];
  /** Loan repayments typed in the grid, with the field each came from. */
  readonly repayments: readonly { readonly memberId: string; readonly amount: number; readonly field: string }[];
}

const gridQueries = typedQuery((db) => ({
  /** Members who belong at a meeting on the date: joined by then, not left before; by number. */
  membersAt: db.select({ id: members.id, name: members.fullName }).from(members)
    .where(and(
      eq(members.associationId, sql.placeholder('associationId')),
      lte(members.joinedOn, sql.placeholder('date')),
      or(isNull(members.exitedOn), gt(members.exitedOn, sql.placeholder('date'))),
    ))
    .orderBy(asc(members.memberNo)).prepare(),
  /** A member of the association, whatever their dates (to say why they cannot be in the grid). */
  member: db.select({ name: members.fullName, exitedOn: members.exitedOn, joinedOn: members.joinedOn }).from(members)
    .where(and(eq(members.id, sql.placeholder('memberId')), eq(members.associationId, sql.placeholder('associationId')))).prepare(),
}));

/** Members who belong at a meeting on this date: joined by then, not left before. */
export function membersAt(ctx: CallContext, associationId: string, date: string): Map<string, string> {
  const rows = gridQueries(ctx.ledger).membersAt.all({ associationId, date });
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function checkGrid(ctx: CallContext, associationId: string, date: string, rows: readonly GridRow[], rules: CycleRules, currency: CurrencyCode): CheckedGrid {
  const expected = membersAt(ctx, associationId, date);
  const seen = new Set<string>();
  const attendance: CheckedGrid['attendance'][number][] = [];
  const contributions: Contribution[] = [];
  const repayments: { memberId: string; amount: number; field: string }[] = [];
  rows.forEach((row, i) => {
    const field = (name: string) => `rows.${i}.${name}`;
    if (!expected.has(row.memberId)) {
      const known = gridQueries(ctx.ledger).member.get({ memberId: row.memberId, associationId });
      if (!known) throw new LedgerError('member-not-found', {}, field('memberId'));
      if (known.joinedOn > date) throw new LedgerError('member-not-yet-joined', { name: known.name, date: known.joinedOn }, field('memberId'));
      throw new LedgerError('member-exited', { name: known.name }, field('memberId'));
    }
    if (seen.has(row.memberId)) throw new LedgerError('meeting-member-twice', { name: expected.get(row.memberId)! }, field('memberId'));
    seen.add(row.memberId);
    const name = expected.get(row.memberId)!;
    attendance.push({ memberId: row.memberId, status: row.attendance });
    const amount = (text: string | undefined, key: string): number => {
      if (text === undefined || text.trim() === '') return 0;
      try {
        return parseAmount(text, currency, ctx.actor.locale, { allowZero: true });
      } catch (err) {
        throw err instanceof LedgerError ? err.atField(field(key)) : err;
      }
    };
    const add = (kind: ContributionKind, value: number, shares: number | null = null) => {
      if (value > 0) contributions.push({ memberId: row.memberId, kind, shares, amount: value });
    };
    const shares = row.shares ?? 0;
    const savings = amount(row.savings, 'savings');
    const repaid = amount(row.loanRepayment, 'loanRepayment');
    if (row.attendance === 'absent' && repaid > 0) throw new LedgerError('absent-member-saving', { name }, field('attendance'));
    if (repaid > 0) repayments.push({ memberId: row.memberId, amount: repaid, field: field('loanRepayment') });
    // Someone absent cannot buy shares or save: whoever brings their money makes them "represented".
    if (row.attendance === 'absent' && (shares > 0 || savings > 0)) throw new LedgerError('absent-member-saving', { name }, field('attendance'));
    if (rules.savingMode === 'shares') {
      if (savings > 0) throw new LedgerError('group-saves-in-shares', {}, field('savings'));
      if (shares > rules.maxShares) throw new LedgerError('shares-above-max', { name, max: rules.maxShares, count: rules.maxShares }, field('shares'));
      if (row.attendance !== 'absent' && shares < rules.minShares) throw new LedgerError('shares-below-min', { name, min: rules.minShares, count: rules.minShares }, field('shares'));
      add('shares', minorUnits(decimal(rules.sharePrice).times(shares).toFixed(0)), shares);
    } else {
      if (row.shares !== undefined && row.shares > 0) throw new LedgerError('group-saves-plain', {}, field('shares'));
      if (rules.maxSavings > 0 && savings > rules.maxSavings) throw new LedgerError('savings-above-max', { name }, field('savings'));
      if (row.attendance !== 'absent' && rules.minSavings > 0 && savings < rules.minSavings) throw new LedgerError('savings-below-min', { name }, field('savings'));
      add('savings', savings);
    }
    add('social_fund', amount(row.socialFund, 'socialFund'));
    add('entrance_fee', amount(row.entranceFee, 'entranceFee'));
    add('fine_late', amount(row.fineLate, 'fineLate'));
    add('fine_absent', amount(row.fineAbsent, 'fineAbsent'));
    add('fine_other', amount(row.fineOther, 'fineOther'));
  });
  // Members left out of the grid were absent.
  for (const memberId of expected.keys()) if (!seen.has(memberId)) attendance.push({ memberId, status: 'absent' });
  return { attendance, contributions, repayments };
}

/** Where each kind of contribution is credited. */
export const CREDIT_ACCOUNT: Record<ContributionKind, string> = {
  shares: 'member_savings',
  savings: 'member_savings',
  social_fund: 'social_fund',
  entrance_fee: 'income_fees',
  fine_late: 'income_fines',
  fine_absent: 'income_fines',
  fine_other: 'income_fines',
};
