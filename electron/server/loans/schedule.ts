// Loan repayment schedules, exact to the minor unit.
//
// Rates are per month, as savings groups quote them ("5 % a month"); the yearly
// rate is twelve times that.
// - flat: interest on the original principal for the whole term (rounded half-up
//   to the minor unit), spread evenly over the instalments; principal spread evenly.
//   Each even part is rounded down and the last instalment takes what rounding left
//   over, so the parts add up to the totals exactly and none is ever negative.
// - declining: equal instalments (annuity, like a spreadsheet's PMT); each period's
//   interest is the balance × the period rate, rounded half-up; the last instalment
//   pays off whatever balance remains. Period rate by day count:
//     30/360     → yearly rate × (7, 14 or 30 days) / 360
//     actual/365 → yearly rate × the actual days in the period / 365
//   (the instalment itself is worked out from the average period: 7, 14 or 365/12 days).

import Decimal from 'decimal.js';
import { LedgerError } from '../errors';
import type { DAY_COUNTS, FREQUENCIES, LOAN_METHODS } from '../../../db/schema';
import { MAX_INSTALMENTS, MAX_MONTHLY_RATE_PERCENT } from '../cycles/lending-limits';
import { decimal, minorUnits, roundWhole, type Dec, type MinorUnits } from '../money/money';
import { addDays, daysBetween } from '../locale/dates';

export type InterestMethod = (typeof LOAN_METHODS)[number];
export type Frequency = (typeof FREQUENCIES)[number];
export type DayCount = (typeof DAY_COUNTS)[number];

export interface ScheduleRequest {
  readonly principal: MinorUnits;
  readonly method: InterestMethod;
  /** Percent per month, as text ("2.5"). */
  readonly monthlyRatePercent: string;
  readonly frequency: Frequency;
  readonly instalments: number;
  readonly disbursedOn: string;
  readonly dayCount: DayCount;
}

export interface Instalment {
  readonly number: number;
  readonly dueOn: string;
  /** Days since the previous due date (or the disbursement). */
  readonly days: number;
  readonly principal: MinorUnits;
  readonly interest: MinorUnits;
  readonly payment: MinorUnits;
  /** Principal still owed after this instalment. */
  readonly balanceAfter: MinorUnits;
}

export interface Schedule {
  readonly instalments: readonly Instalment[];
  readonly totalPrincipal: MinorUnits;
  readonly totalInterest: MinorUnits;
  readonly totalPayment: MinorUnits;
}

/** The highest monthly rate accepted: anything above is a typing slip. */

const PERIODS_PER_YEAR: Record<Frequency, number> = { weekly: 52, biweekly: 26, monthly: 12 };
const DAYS_30_360: Record<Frequency, number> = { weekly: 7, biweekly: 14, monthly: 30 };

export function dueDates(disbursedOn: string, frequency: Frequency, count: number): string[] {
  const start = new Date(`${disbursedOn}T00:00:00Z`);
  return Array.from({ length: count }, (_, k) => {
    if (frequency !== 'monthly') {
      const step = frequency === 'weekly' ? 7 : 14;
      return addDays(disbursedOn, (k + 1) * step);
    }
    // Same day of the month, or the month's last day when it has fewer days.
    const y = start.getUTCFullYear();
    const m = start.getUTCMonth() + k + 1;
    const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    return new Date(Date.UTC(y, m, Math.min(start.getUTCDate(), lastDay))).toISOString().slice(0, 10);
  });
}

const halfUp = (d: Dec): Dec => roundWhole(d, 'half-up');
const down = (d: Dec): Dec => roundWhole(d, 'down');

export function checkScheduleRequest(req: ScheduleRequest): void {
  if (!Number.isSafeInteger(req.principal) || req.principal <= 0) throw new LedgerError('loan-principal-positive', {}, 'principal');
  if (!Number.isInteger(req.instalments) || req.instalments < 1) throw new LedgerError('loan-term-zero', {}, 'instalments');
  if (req.instalments > MAX_INSTALMENTS) throw new LedgerError('loan-term-too-long', { max: MAX_INSTALMENTS }, 'instalments');
  let rate: Dec;
  try {
    rate = decimal(req.monthlyRatePercent);
  } catch {
    throw new LedgerError('loan-rate-out-of-range', { max: MAX_MONTHLY_RATE_PERCENT }, 'monthlyRatePercent');
  }
  if (!rate.isFinite() || rate.isNegative() || rate.gt(MAX_MONTHLY_RATE_PERCENT)) {
    throw new LedgerError('loan-rate-out-of-range', { max: MAX_MONTHLY_RATE_PERCENT }, 'monthlyRatePercent');
  }
}

export function buildSchedule(req: ScheduleRequest): Schedule {
  checkScheduleRequest(req);
  const n = req.instalments;
  const principal = decimal(req.principal);
  const monthly = decimal(req.monthlyRatePercent).div(100);
  const yearly = monthly.times(12);
  const dates = dueDates(req.disbursedOn, req.frequency, n);
  const days = dates.map((d, k) => daysBetween(k === 0 ? req.disbursedOn : dates[k - 1]!, d));
  const parts: { principal: Dec; interest: Dec }[] = [];

  if (req.method === 'flat') {
    const totalInterest = halfUp(principal.times(monthly).times(12).div(PERIODS_PER_YEAR[req.frequency]).times(n));
    const principalEach = down(principal.div(n));
    const interestEach = down(totalInterest.div(n));
    for (let k = 0; k < n; k++) {
      const last = k === n - 1;
      parts.push({
        principal: last ? principal.minus(principalEach.times(n - 1)) : principalEach,
        interest: last ? totalInterest.minus(interestEach.times(n - 1)) : interestEach,
      });
    }
  } else {
    const averageDays = req.dayCount === '30/360' ? decimal(DAYS_30_360[req.frequency]) : req.frequency === 'monthly' ? decimal(365).div(12) : decimal(DAYS_30_360[req.frequency]);
    const basis = req.dayCount === '30/360' ? 360 : 365;
    const i = yearly.times(averageDays).div(basis);
    // PMT: P·i / (1 − (1+i)^−n); with no interest, equal parts.
    const exact = i.isZero() ? principal.div(n) : principal.times(i).div(decimal(1).minus(i.plus(1).pow(-n)));
    const amortize = (payment: Dec) => {
      const out: { principal: Dec; interest: Dec }[] = [];
      let balance = principal;
      for (let k = 0; k < n; k++) {
        const periodRate = req.dayCount === '30/360' ? i : yearly.times(days[k]!).div(365);
        const interest = halfUp(balance.times(periodRate));
        const last = k === n - 1;
        let paid = last ? balance : Decimal.max(payment.minus(interest), 0);
        if (paid.gt(balance)) paid = balance;
        out.push({ principal: paid, interest });
        balance = balance.minus(paid);
      }
      return out;
    };
    // The payment is rounded half-up, as by hand. At high rates over many instalments the
    // franc fractions (of the payment, of each period's interest, of months of unequal
    // length) compound until the loan would be repaid before its last instalment; then the
    // payment is the largest whole amount that keeps the term, found by halving (a higher
    // payment only repays sooner), and the last instalment takes the rest.
    const repaidEarly = (plan: readonly { principal: Dec }[]) => plan.at(-1)!.principal.isZero();
    let payment = i.isZero() ? down(exact) : halfUp(exact);
    let planned = amortize(payment);
    if (repaidEarly(planned)) {
      let keeps = decimal(0); // paying nothing leaves everything for the last instalment
      while (payment.minus(keeps).gt(1)) {
        const middle = down(keeps.plus(payment).div(2));
        if (repaidEarly(amortize(middle))) payment = middle;
        else keeps = middle;
      }
      planned = amortize(keeps);
    }
    parts.push(...planned);
  }

  let owed = principal;
  const instalments = parts.map((p, k) => {
    owed = owed.minus(p.principal);
    return {
      number: k + 1,
      dueOn: dates[k]!,
      days: days[k]!,
      principal: minorUnits(p.principal.toFixed(0)),
      interest: minorUnits(p.interest.toFixed(0)),
      payment: minorUnits(p.principal.plus(p.interest).toFixed(0)),
      balanceAfter: minorUnits(owed.toFixed(0)),
    };
  });
  const sum = (f: (x: Instalment) => number) => minorUnits(instalments.reduce((s, x) => s.plus(f(x)), decimal(0)).toFixed(0));
  return { instalments, totalPrincipal: sum((x) => x.principal), totalInterest: sum((x) => x.interest), totalPayment: sum((x) => x.payment) };
}
