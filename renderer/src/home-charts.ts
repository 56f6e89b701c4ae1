// What Home's pictures draw, worked out here (not in the components): loans by how
// late they are, in the buckets a portfolio report uses, the herd by kind, and the
// savings and loan fund over the cycle.

import type { FundPoint, LoanView } from '../../electron/server/contract';
import { decimal, minorToMajor } from '../../electron/server/money/money';
import type { CurrencyCode } from '../../electron/server/money/currency';

/** Days-late buckets, as PAR reports count them. */
export const LATE_BUCKETS = [
  { key: 'onTime', min: 0, max: 0 },
  { key: 'late1to30', min: 1, max: 30 },
  { key: 'late31to60', min: 31, max: 60 },
  { key: 'late61to90', min: 61, max: 90 },
  { key: 'lateOver90', min: 91, max: Number.POSITIVE_INFINITY },
] as const;

/** Loans paid out and not repaid, by bucket: how many, and the principal they still owe (major units, for drawing only). */
export function loansByLateness(loans: readonly Pick<LoanView, 'status' | 'daysOverdue' | 'principalOutstanding'>[], currency: CurrencyCode): { key: string; loans: number; outstanding: number }[] {
  const open = loans.filter((l) => l.status === 'disbursed');
  return LATE_BUCKETS.map((b) => {
    const inBucket = open.filter((l) => l.daysOverdue >= b.min && l.daysOverdue <= b.max);
    const owed = inBucket.reduce((s, l) => s.plus(l.principalOutstanding), decimal(0));
    return { key: b.key, loans: inBucket.length, outstanding: minorToMajor(owed.toFixed(0), currency).toNumber() };
  });
}

/**
 * The fund's points in major units (for drawing only), each day labelled day/month,
 * short in every language; with the year's last two digits when the points cross a new year.
 */
export function fundSeries(points: readonly FundPoint[], currency: CurrencyCode): { day: string; date: string; savings: number; lentOut: number; cash: number }[] {
  const major = (minor: string) => minorToMajor(minor, currency).toNumber();
  const years = new Set(points.map((p) => p.date.slice(0, 4)));
  return points.map((p) => ({
    day: `${Number(p.date.slice(8, 10))}/${Number(p.date.slice(5, 7))}${years.size > 1 ? `/${p.date.slice(2, 4)}` : ''}`, date: p.date,
    savings: major(p.savings), lentOut: major(p.lentOut), cash: major(p.cash),
  }));
}
