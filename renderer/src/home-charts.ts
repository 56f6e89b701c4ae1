// What Home's pictures draw, worked out here (not in the components): loans by how
// late they are, in the buckets a portfolio report uses, and the herd by kind.

import type { LoanView } from '../../electron/server/contract';
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
