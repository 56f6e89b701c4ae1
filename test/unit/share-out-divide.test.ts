// The share-out's division (electron/server/shareouts/divide.ts), against examples
// worked by hand, and its invariants over random groups.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divide, DivisionError, type MemberBasis } from '../../electron/server/shareouts/divide';

const member = (memberId: string, weight: bigint, owed = 0n): MemberBasis => ({ memberId, weight, owed });
const shares = (d: ReturnType<typeof divide>) => d.parts.map((p) => p.share);

describe('a shares group (RWF, share price 500)', () => {
  // A bought 30 shares, B 20, C 10: 30,000 saved. Interest 4,000 + fines 900 − a 400 padlock = 4,500 profit.
  // Pool 34,500; a 10 % reserve of the profit is 450; 34,050 is divided by 60 shares.
  // Exact parts: A 34,050 × 30/60 = 17,025; B × 20/60 = 11,350; C × 10/60 = 5,675.
  const group = [member('A', 30n), member('B', 20n), member('C', 10n)];

  it('pays in 100 Frw notes: each part rounded down, 150 left over', () => {
    const d = divide({ pool: 34_500n, profit: 4_500n, reservePercent: '10', roundingUnit: 100n, members: group });
    expect(d.reserve).toBe(450n);
    expect(d.divisible).toBe(34_050n);
    expect(d.parts.map((p) => p.exact)).toEqual(['17025.00', '11350.00', '5675.00']);
    expect(shares(d)).toEqual([17_000n, 11_300n, 5_600n]);
    expect(d.remainder).toBe(150n);
  });

  it('pays in 50 Frw coins: 50 left over', () => {
    const d = divide({ pool: 34_500n, profit: 4_500n, reservePercent: '10', roundingUnit: 50n, members: group });
    expect(shares(d)).toEqual([17_000n, 11_350n, 5_650n]);
    expect(d.remainder).toBe(50n);
  });

  it('pays to the franc: nothing left over', () => {
    const d = divide({ pool: 34_500n, profit: 4_500n, reservePercent: '10', roundingUnit: 1n, members: group });
    expect(shares(d)).toEqual([17_025n, 11_350n, 5_675n]);
    expect(d.remainder).toBe(0n);
  });

  it('with no reserve divides the whole pool: 17,250 / 11,500 / 5,750', () => {
    const d = divide({ pool: 34_500n, profit: 4_500n, reservePercent: '0', roundingUnit: 1n, members: group });
    expect(d.reserve).toBe(0n);
    expect(shares(d)).toEqual([17_250n, 11_500n, 5_750n]);
  });

  it('keeps a reserve of 12.5 % as 562 (562.5 rounded down)', () => {
    const d = divide({ pool: 34_500n, profit: 4_500n, reservePercent: '12.5', roundingUnit: 1n, members: group });
    expect(d.reserve).toBe(562n);
    // 33,938 × 30/60 = 16,969; × 20/60 = 11,312.67 → 11,312; × 10/60 = 5,656.33 → 5,656; 1 left.
    expect(shares(d)).toEqual([16_969n, 11_312n, 5_656n]);
    expect(d.remainder).toBe(1n);
  });

  it('takes a loan from the part, and keeps what the part cannot cover as a debt', () => {
    // A owes 5,000: paid 12,025. C owes 8,000 on a part of 5,675: paid nothing, 2,325 still owed.
    const d = divide({ pool: 34_500n, profit: 4_500n, reservePercent: '10', roundingUnit: 1n, members: [member('A', 30n, 5_000n), member('B', 20n), member('C', 10n, 8_000n)] });
    expect(d.parts.map((p) => [p.memberId, p.loanNetted, p.payout, p.debtCarried])).toEqual([
      ['A', 5_000n, 12_025n, 0n],
      ['B', 0n, 11_350n, 0n],
      ['C', 5_675n, 0n, 2_325n],
    ]);
  });
});

describe('a plain-savings group (USD, in cents)', () => {
  // Saved $100, $50 and $30 (18,000 cents); $9 profit: pool 18,900 cents.
  const group = [member('A', 10_000n), member('B', 5_000n), member('C', 3_000n)];

  it('by savings, to the cent: $105.00, $52.50, $31.50', () => {
    const d = divide({ pool: 18_900n, profit: 900n, reservePercent: '0', roundingUnit: 1n, members: group });
    expect(shares(d)).toEqual([10_500n, 5_250n, 3_150n]);
    expect(d.remainder).toBe(0n);
  });

  it('by savings, in whole dollars: $105, $52, $31 and $1 left over', () => {
    const d = divide({ pool: 18_900n, profit: 900n, reservePercent: '0', roundingUnit: 100n, members: group });
    expect(shares(d)).toEqual([10_500n, 5_200n, 3_100n]);
    expect(d.remainder).toBe(100n);
  });

  it('by share-days: who saved early earns more than who saved late', () => {
    // Both saved 1,000; A on day 0, B on day 50; the share-out is on day 100.
    // A held 1,000 × 100 = 100,000 share-days, B 1,000 × 50 = 50,000. Pool 3,000.
    const d = divide({ pool: 3_000n, profit: 1_000n, reservePercent: '0', roundingUnit: 1n, members: [member('A', 100_000n), member('B', 50_000n)] });
    expect(shares(d)).toEqual([2_000n, 1_000n]);
  });
});

describe('what cannot be divided', () => {
  it('is refused: no weights, a negative pool, a rounding unit below one', () => {
    const code = (f: () => unknown) => {
      try {
        f();
        return 'divided';
      } catch (err) {
        return err instanceof DivisionError ? err.code : String(err);
      }
    };
    expect(code(() => divide({ pool: 100n, profit: 0n, reservePercent: '0', roundingUnit: 1n, members: [member('A', 0n)] }))).toBe('share-out-no-weights');
    expect(code(() => divide({ pool: -1n, profit: -1n, reservePercent: '0', roundingUnit: 1n, members: [member('A', 1n)] }))).toBe('share-out-pool-negative');
    expect(code(() => divide({ pool: 100n, profit: 0n, reservePercent: '0', roundingUnit: 0n, members: [member('A', 1n)] }))).toBe('share-out-unit-invalid');
  });
});

describe('any division', () => {
  const groupArb = fc.record({
    weights: fc.array(fc.bigInt({ min: 1n, max: 10n ** 9n }), { minLength: 1, maxLength: 40 }),
    owed: fc.array(fc.bigInt({ min: 0n, max: 10n ** 7n }), { minLength: 40, maxLength: 40 }),
    pool: fc.bigInt({ min: 0n, max: 10n ** 12n }),
    profit: fc.bigInt({ min: -(10n ** 9n), max: 10n ** 10n }),
    reserve: fc.constantFrom('0', '5', '10', '12.5', '33.333', '100'),
    unit: fc.constantFrom(1n, 5n, 50n, 100n, 500n, 1_000n),
  });

  it('adds up: shares + remainder + reserve = pool; each share within one unit of exact; nothing negative', () => {
    fc.assert(
      fc.property(groupArb, ({ weights, owed, pool, profit, reserve, unit }) => {
        const members = weights.map((w, i) => member(`m${i}`, w, owed[i]!));
        const d = divide({ pool, profit: profit < pool ? profit : pool, reservePercent: reserve, roundingUnit: unit, members });
        const total = weights.reduce((a, b) => a + b, 0n);
        expect(d.parts.reduce((s, p) => s + p.share, 0n) + d.remainder + d.reserve).toBe(pool);
        expect(d.remainder).toBeGreaterThanOrEqual(0n);
        expect(d.remainder).toBeLessThan(unit * BigInt(members.length));
        d.parts.forEach((p, i) => {
          // exact = divisible × w / total; the share is at most exact and more than exact − unit.
          const exactTimesTotal = d.divisible * weights[i]!;
          expect(p.share * total).toBeLessThanOrEqual(exactTimesTotal);
          expect((p.share + unit) * total).toBeGreaterThan(exactTimesTotal);
          expect(p.share % unit).toBe(0n);
          expect(p.payout + p.loanNetted).toBe(p.share);
          expect(p.loanNetted + p.debtCarried).toBe(owed[i]!);
          expect(p.payout >= 0n && p.debtCarried >= 0n).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });
});
