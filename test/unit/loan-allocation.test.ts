// Allocating money received on a loan never loses or invents money, and follows
// penalty → interest → principal.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, loanPosition } from '../../electron/server/loans/position';
import { decimal } from '../../electron/server/money/money';

describe('allocation', () => {
  it('splits every franc, in order, never beyond what is due', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(10_000), fc.nat(50_000), fc.nat(500_000), (paid, penalty, interest, principal) => {
        const split = allocate(decimal(paid), { penaltyDue: decimal(penalty), interestDue: decimal(interest), principalOutstanding: decimal(principal) });
        expect(split.penalty.plus(split.interest).plus(split.principal).plus(split.left).toFixed(0)).toBe(String(paid));
        expect(split.penalty.lte(penalty) && split.interest.lte(interest) && split.principal.lte(principal)).toBe(true);
        for (const part of [split.penalty, split.interest, split.principal, split.left]) expect(part.isNegative()).toBe(false);
        // Interest is paid only once the penalty is; principal only once interest is.
        if (split.interest.gt(0)) expect(split.penalty.toFixed(0)).toBe(String(penalty));
        if (split.principal.gt(0)) expect(split.interest.toFixed(0)).toBe(String(interest));
        if (split.left.gt(0)) expect(split.principal.toFixed(0)).toBe(String(principal));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the outstanding principal from going below zero, whatever is paid', () => {
    const instalments = [
      { number: 1, dueOn: '2025-04-01', principal: 10_000, interest: 1_500 },
      { number: 2, dueOn: '2025-05-01', principal: 10_000, interest: 1_500 },
    ];
    fc.assert(
      fc.property(fc.array(fc.nat(15_000), { maxLength: 6 }), (payments) => {
        const received: { paidOn: string; penalty: number; interest: number; principal: number }[] = [];
        payments.forEach((amount, k) => {
          const paidOn = `2025-0${4 + Math.min(k, 5)}-15`;
          const position = loanPosition(20_000, instalments, received, 300, paidOn);
          const split = allocate(decimal(amount), position);
          received.push({ paidOn, penalty: split.penalty.toNumber(), interest: split.interest.toNumber(), principal: split.principal.toNumber() });
          expect(loanPosition(20_000, instalments, received, 300, paidOn).principalOutstanding.isNegative()).toBe(false);
        });
      }),
      { numRuns: 200 },
    );
  });
});
