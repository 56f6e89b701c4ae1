// Where a loan stands on a date, worked out from its instalments and the money
// received: principal outstanding, interest and penalties due, arrears, days
// overdue. Payments cover instalments in order (principal and interest together).
// All sums are exact (decimal).

import type { loanInstalments, loanRepayments } from '../../../db/schema';
import type { RowOf } from '../prepared';
import { decimal, type Dec } from '../money/money';
import { daysBetween } from '../locale/dates';

/** An instalment of the loan's schedule (a loan_instalments row). */
export type DueInstalment = Readonly<RowOf<typeof loanInstalments, 'number' | 'dueOn' | 'principal' | 'interest'>>;

/** Money received on the loan, as it was split (a loan_repayments row). */
export type Received = Readonly<RowOf<typeof loanRepayments, 'paidOn' | 'penalty' | 'interest' | 'principal'>>;

export interface LoanPosition {
  readonly principalOutstanding: Dec;
  readonly interestDue: Dec;
  readonly penaltyDue: Dec;
  /** Principal and interest that fell due and were not paid. */
  readonly arrears: Dec;
  /** Days since the oldest instalment still unpaid fell due (0 when none is late). */
  readonly daysOverdue: number;
  /** For each instalment, how much of it (principal + interest) is covered. */
  readonly covered: readonly Dec[];
}

/** How much of each instalment the payments made up to `by` cover. */
function coverage(instalments: readonly DueInstalment[], received: readonly Received[], by: string): Dec[] {
  let paid = received.filter((r) => r.paidOn <= by).reduce((s, r) => s.plus(r.principal).plus(r.interest), decimal(0));
  return instalments.map((i) => {
    const due = decimal(i.principal).plus(i.interest);
    const part = minOf(paid, due);
    paid = paid.minus(part);
    return part;
  });
}

function minOf(a: Dec, b: Dec): Dec {
  return a.lt(b) ? a : b;
}

export function loanPosition(principal: number, instalments: readonly DueInstalment[], received: readonly Received[], latePenalty: number, asOf: string): LoanPosition {
  const paidPrincipal = received.filter((r) => r.paidOn <= asOf).reduce((s, r) => s.plus(r.principal), decimal(0));
  const paidInterest = received.filter((r) => r.paidOn <= asOf).reduce((s, r) => s.plus(r.interest), decimal(0));
  const paidPenalty = received.filter((r) => r.paidOn <= asOf).reduce((s, r) => s.plus(r.penalty), decimal(0));
  const principalOutstanding = decimal(principal).minus(paidPrincipal);
  const fallen = instalments.filter((i) => i.dueOn <= asOf);
  // Interest is due as instalments fall due, and never beyond what the principal still bears.
  const interestFallen = fallen.reduce((s, i) => s.plus(i.interest), decimal(0));
  const interestDue = principalOutstanding.isZero() && interestFallen.lte(paidInterest) ? decimal(0) : atLeastZero(interestFallen.minus(paidInterest));
  // A penalty for each instalment not fully paid by the end of its due date.
  const late = instalments.filter((i, k) => i.dueOn < asOf && coverage(instalments, received, i.dueOn)[k]!.lt(decimal(i.principal).plus(i.interest)));
  const penaltyDue = atLeastZero(decimal(latePenalty).times(late.length).minus(paidPenalty));
  const covered = coverage(instalments, received, asOf);
  const dueSoFar = fallen.reduce((s, i) => s.plus(i.principal).plus(i.interest), decimal(0));
  const coveredSoFar = covered.slice(0, fallen.length).reduce((s, c) => s.plus(c), decimal(0));
  const oldestUnpaid = instalments.find((i, k) => i.dueOn < asOf && covered[k]!.lt(decimal(i.principal).plus(i.interest)));
  return {
    principalOutstanding,
    interestDue,
    penaltyDue,
    arrears: atLeastZero(dueSoFar.minus(coveredSoFar)),
    daysOverdue: oldestUnpaid && !principalOutstanding.isZero() ? daysBetween(oldestUnpaid.dueOn, asOf) : 0,
    covered,
  };
}

function atLeastZero(d: Dec): Dec {
  return d.isNegative() ? decimal(0) : d;
}

/**
 * Splits money received: penalty first, then interest due, then principal — the
 * savings-group rule. Paying more than closes the loan is refused by the caller.
 */
export function allocate(amount: Dec, position: Pick<LoanPosition, 'penaltyDue' | 'interestDue' | 'principalOutstanding'>): { penalty: Dec; interest: Dec; principal: Dec; left: Dec } {
  const penalty = minOf(amount, position.penaltyDue);
  const interest = minOf(amount.minus(penalty), position.interestDue);
  const principal = minOf(amount.minus(penalty).minus(interest), position.principalOutstanding);
  return { penalty, interest, principal, left: amount.minus(penalty).minus(interest).minus(principal) };
}
