// Loan schedules against worked examples computed independently (a spreadsheet's
// PMT/IPMT for declining balance — e.g. PMT(2 %, 12, 100 000) = 9 455.96 — and a
// separate script with Python's decimal module for the day counts; hand arithmetic
// for flat), for RWF (no minor unit) and USD (cents), both day-count bases, weekly
// and monthly. Then properties over random loans.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSchedule, type ScheduleRequest } from '../../electron/server/loans/schedule';
import type { MinorUnits } from '../../electron/server/money/money';
import { LedgerError } from '../../electron/server/errors';

const loan = (r: Omit<ScheduleRequest, 'principal'> & { principal: number }): ScheduleRequest => ({ ...r, principal: r.principal as MinorUnits });
const rows = (req: ScheduleRequest) => buildSchedule(req).instalments.map((x) => [x.number, x.dueOn, x.principal, x.interest, x.payment, x.balanceAfter]);

describe('flat interest', () => {
  it('RWF, 100,000 at 5 % a month, 6 monthly instalments', () => {
    // Interest: 100,000 × 5 % × 6 months = 30,000 → 5,000 each.
    // Principal: 100,000 / 6 = 16,666.67 → rounded down 16,666 × 5 = 83,330; the last takes 16,670.
    const s = buildSchedule(loan({ principal: 100_000, method: 'flat', monthlyRatePercent: '5', frequency: 'monthly', instalments: 6, disbursedOn: '2026-01-15', dayCount: '30/360' }));
    expect(s.instalments.map((x) => [x.dueOn, x.principal, x.interest, x.payment, x.balanceAfter])).toEqual([
      ['2026-02-15', 16_666, 5_000, 21_666, 83_334],
      ['2026-03-15', 16_666, 5_000, 21_666, 66_668],
      ['2026-04-15', 16_666, 5_000, 21_666, 50_002],
      ['2026-05-15', 16_666, 5_000, 21_666, 33_336],
      ['2026-06-15', 16_666, 5_000, 21_666, 16_670],
      ['2026-07-15', 16_670, 5_000, 21_670, 0],
    ]);
    expect([s.totalPrincipal, s.totalInterest, s.totalPayment]).toEqual([100_000, 30_000, 130_000]);
  });

  it('USD, $250.00 at 2 % a month, 10 weekly instalments', () => {
    // A week is 12/52 of a month: 25,000¢ × 2 % × 12/52 × 10 = 1,153.85¢ → 1,154¢ in all;
    // 115.4¢ → rounded down 115¢ for nine weeks (1,035¢), the last 119¢. Principal 2,500¢ each.
    const s = buildSchedule(loan({ principal: 25_000, method: 'flat', monthlyRatePercent: '2', frequency: 'weekly', instalments: 10, disbursedOn: '2026-03-02', dayCount: '30/360' }));
    expect(s.instalments.map((x) => x.interest)).toEqual([115, 115, 115, 115, 115, 115, 115, 115, 115, 119]);
    expect(s.instalments.map((x) => x.principal)).toEqual(Array(10).fill(2_500));
    expect(s.instalments.map((x) => x.dueOn)).toEqual(['2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06', '2026-04-13', '2026-04-20', '2026-04-27', '2026-05-04', '2026-05-11']);
    expect(s.totalInterest).toBe(1_154);
  });
});

describe('declining balance, equal instalments', () => {
  it('RWF, 30/360, monthly: PMT(2 %, 12, 100,000) = 9,455.96 → 9,456', () => {
    expect(rows(loan({ principal: 100_000, method: 'declining', monthlyRatePercent: '2', frequency: 'monthly', instalments: 12, disbursedOn: '2026-01-15', dayCount: '30/360' }))).toEqual([
      [1, '2026-02-15', 7456, 2000, 9456, 92544],
      [2, '2026-03-15', 7605, 1851, 9456, 84939],
      [3, '2026-04-15', 7757, 1699, 9456, 77182],
      [4, '2026-05-15', 7912, 1544, 9456, 69270],
      [5, '2026-06-15', 8071, 1385, 9456, 61199],
      [6, '2026-07-15', 8232, 1224, 9456, 52967],
      [7, '2026-08-15', 8397, 1059, 9456, 44570],
      [8, '2026-09-15', 8565, 891, 9456, 36005],
      [9, '2026-10-15', 8736, 720, 9456, 27269],
      [10, '2026-11-15', 8911, 545, 9456, 18358],
      [11, '2026-12-15', 9089, 367, 9456, 9269],
      [12, '2027-01-15', 9269, 185, 9454, 0],
    ]);
  });

  it('USD, actual/365, monthly from 31 January (month ends clamp)', () => {
    // 18 % a year; instalment from 1.5 %/month: PMT = 17,552.52¢ → 17,553¢; interest by actual days.
    expect(rows(loan({ principal: 100_000, method: 'declining', monthlyRatePercent: '1.5', frequency: 'monthly', instalments: 6, disbursedOn: '2026-01-31', dayCount: 'actual/365' }))).toEqual([
      [1, '2026-02-28', 16172, 1381, 17553, 83828],
      [2, '2026-03-31', 16271, 1282, 17553, 67557],
      [3, '2026-04-30', 16554, 999, 17553, 51003],
      [4, '2026-05-31', 16773, 780, 17553, 34230],
      [5, '2026-06-30', 17047, 506, 17553, 17183],
      [6, '2026-07-31', 17183, 263, 17446, 0],
    ]);
  });

  it('RWF, 30/360, weekly', () => {
    // Period rate 48 % × 7/360 = 0.9333 %; PMT = 6,515.
    expect(rows(loan({ principal: 50_000, method: 'declining', monthlyRatePercent: '4', frequency: 'weekly', instalments: 8, disbursedOn: '2026-03-02', dayCount: '30/360' }))).toEqual([
      [1, '2026-03-09', 6048, 467, 6515, 43952],
      [2, '2026-03-16', 6105, 410, 6515, 37847],
      [3, '2026-03-23', 6162, 353, 6515, 31685],
      [4, '2026-03-30', 6219, 296, 6515, 25466],
      [5, '2026-04-06', 6277, 238, 6515, 19189],
      [6, '2026-04-13', 6336, 179, 6515, 12853],
      [7, '2026-04-20', 6395, 120, 6515, 6458],
      [8, '2026-04-27', 6458, 60, 6518, 0],
    ]);
  });

  it('USD, actual/365, weekly', () => {
    expect(rows(loan({ principal: 25_000, method: 'declining', monthlyRatePercent: '3', frequency: 'weekly', instalments: 4, disbursedOn: '2026-03-02', dayCount: 'actual/365' }))).toEqual([
      [1, '2026-03-09', 6185, 173, 6358, 18815],
      [2, '2026-03-16', 6228, 130, 6358, 12587],
      [3, '2026-03-23', 6271, 87, 6358, 6316],
      [4, '2026-03-30', 6316, 44, 6360, 0],
    ]);
  });

  it('with no interest, splits the principal evenly', () => {
    const s = buildSchedule(loan({ principal: 1_000, method: 'declining', monthlyRatePercent: '0', frequency: 'biweekly', instalments: 3, disbursedOn: '2026-03-02', dayCount: '30/360' }));
    expect(s.instalments.map((x) => [x.principal, x.interest])).toEqual([[333, 0], [333, 0], [334, 0]]);
    // A loan smaller than its number of instalments: nothing negative, the last pays it all.
    const tiny = buildSchedule(loan({ principal: 3, method: 'flat', monthlyRatePercent: '0', frequency: 'weekly', instalments: 5, disbursedOn: '2026-03-02', dayCount: '30/360' }));
    expect(tiny.instalments.map((x) => x.principal)).toEqual([0, 0, 0, 0, 3]);
  });
});

describe('a steep declining loan', () => {
  it('keeps its term when rounding the payment half-up would repay it early', () => {
    // 125,425 at 18.29 % a month over 58 months: PMT = 22,941.58 (Python decimal). Rounded
    // half-up to 22,942, the half-franc overpaid each month compounds and the loan would be
    // repaid before the 58th instalment; a franc lower, 57 × 22,941 and the last takes the
    // rest: 67,166 principal + 12,285 interest = 79,451 (worked in Python decimal with the
    // same half-up interest each month).
    const s = buildSchedule(loan({ principal: 125_425, method: 'declining', monthlyRatePercent: '18.29', frequency: 'monthly', instalments: 58, disbursedOn: '2020-01-01', dayCount: '30/360' }));
    expect(s.instalments).toHaveLength(58);
    expect(new Set(s.instalments.slice(0, -1).map((x) => x.payment))).toEqual(new Set([22_941]));
    expect(s.instalments.at(-1)).toMatchObject({ principal: 67_166, interest: 12_285, payment: 79_451, balanceAfter: 0 });
    expect(s.totalPrincipal).toBe(125_425);
  });

  it('keeps its term with actual/365 days, where months of unequal length compound too', () => {
    const s = buildSchedule(loan({ principal: 30_751_770, method: 'declining', monthlyRatePercent: '9.39', frequency: 'monthly', instalments: 209, disbursedOn: '2026-01-31', dayCount: 'actual/365' }));
    expect(s.instalments).toHaveLength(209);
    expect(s.instalments.at(-1)!.principal).toBeGreaterThan(0);
    expect(s.totalPrincipal).toBe(30_751_770);
    expect(s.instalments.every((x) => x.principal >= 0 && x.balanceAfter >= 0)).toBe(true);
  });
});

describe('schedule properties', () => {
  const requests = fc.record({
    principal: fc.integer({ min: 1, max: 50_000_000 }),
    method: fc.constantFrom('flat' as const, 'declining' as const),
    monthlyRatePercent: fc.integer({ min: 0, max: 2000 }).map((x) => (x / 100).toFixed(2)),
    frequency: fc.constantFrom('weekly' as const, 'biweekly' as const, 'monthly' as const),
    instalments: fc.integer({ min: 1, max: 60 }),
    disbursedOn: fc.integer({ min: 0, max: 3000 }).map((d) => new Date(Date.UTC(2020, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)),
    dayCount: fc.constantFrom('30/360' as const, 'actual/365' as const),
  });

  it('the principal parts add up to the principal exactly; the balance never goes below zero', () => {
    fc.assert(
      fc.property(requests, (r) => {
        const s = buildSchedule(loan(r));
        expect(s.instalments).toHaveLength(r.instalments);
        expect(s.totalPrincipal).toBe(r.principal);
        expect(s.instalments.at(-1)!.balanceAfter).toBe(0);
        let owed = BigInt(r.principal);
        for (const x of s.instalments) {
          expect(x.principal).toBeGreaterThanOrEqual(0);
          expect(x.interest).toBeGreaterThanOrEqual(0);
          expect(x.payment).toBe(x.principal + x.interest);
          owed -= BigInt(x.principal);
          expect(BigInt(x.balanceAfter)).toBe(owed);
          expect(owed >= 0n).toBe(true);
        }
        expect(BigInt(s.totalPayment)).toBe(BigInt(s.totalPrincipal) + BigInt(s.totalInterest));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps equal instalments equal but for the last (declining)', () => {
    fc.assert(
      // Realistic sizes: at least 1,000 minor units per instalment.
      fc.property(requests.filter((r) => r.method === 'declining' && r.dayCount === '30/360' && r.instalments > 2 && r.principal >= 1000 * r.instalments), (r) => {
        const payments = buildSchedule(loan(r)).instalments.map((x) => x.payment);
        expect(new Set(payments.slice(0, -1)).size).toBe(1);
      }),
      { numRuns: 100 },
    );
  });
});

describe('bad loans', () => {
  const base = loan({ principal: 10_000, method: 'flat', monthlyRatePercent: '5', frequency: 'monthly', instalments: 3, disbursedOn: '2026-01-15', dayCount: '30/360' });
  it.each([
    [{ principal: 0 as MinorUnits }, 'loan-principal-positive'],
    [{ principal: -500 as MinorUnits }, 'loan-principal-positive'],
    [{ monthlyRatePercent: '-1' }, 'loan-rate-out-of-range'],
    [{ monthlyRatePercent: '25' }, 'loan-rate-out-of-range'],
    [{ monthlyRatePercent: 'five' }, 'loan-rate-out-of-range'],
    [{ instalments: 0 }, 'loan-term-zero'],
    [{ instalments: 1.5 }, 'loan-term-zero'],
    [{ instalments: 1000 }, 'loan-term-too-long'],
  ] as const)('refuses %o', (change, code) => {
    let error: unknown;
    try {
      buildSchedule({ ...base, ...change });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as LedgerError).code).toBe(code);
  });
});
