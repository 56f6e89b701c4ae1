// Property tests over random books: entries between the cash accounts, the social
// fund, income and expenses, on random days. Whatever the books:
//  - the statement of financial position balances: what the group has = what it owes
//    + its own funds;
//  - the trial balance's debits equal its credits;
//  - income and expenditure's result for a period equals the change in the group's
//    own funds over it (nothing else moved them), and two periods add up to the whole.

import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { smallBook, tempLedger, type TestLedger } from '../helpers/ledger';
import type { Statement, StatementTable } from '../../electron/server/statements/model';

let ledgers: TestLedger[] = [];
afterEach(() => {
  ledgers.forEach((l) => l.cleanup());
  ledgers = [];
});

const ACCOUNTS = ['1010', '1020', '2020', '4010', '4020', '4090', '5010', '5020', '5040'] as const;
const entryArb = fc.record({
  day: fc.integer({ min: 0, max: 300 }),
  debit: fc.constantFrom(...ACCOUNTS),
  credit: fc.constantFrom(...ACCOUNTS),
  amount: fc.integer({ min: 1, max: 5_000_000 }),
}).filter((e) => e.debit !== e.credit);

const day = (n: number) => new Date(Date.UTC(2025, 0, 15 + n)).toISOString().slice(0, 10);

describe('any books', () => {
  it('give a financial position that balances and a result that is the change in own funds', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 300 }), (entries, cut) => {
        const t = tempLedger();
        ledgers.push(t);
        const { association, members } = smallBook(t, 1);
        const a = association.id;
        for (const e of entries) {
          // A line on the social fund names the member it concerns.
          const line = (account: string, side: 'debit' | 'credit') => ({ account, [side]: String(e.amount), ...(account === '2020' ? { memberId: members[0]!.id } : {}) });
          t.ok('journal-entry-post', { associationId: a, date: day(e.day), memo: 'Random', lines: [line(e.debit, 'debit'), line(e.credit, 'credit')] });
        }
        const asOf = day(300);
        const get = (input: object): Statement => t.ok('statement-get', { associationId: a, asOf, ...input } as never);
        const total = (table: StatementTable) => BigInt(table.total!.at(-1)!);

        const position = get({ kind: 'financial-position' });
        const [has, owes, own] = position.tables.map(total);
        expect(has).toBe(owes! + own!);

        const tb = get({ kind: 'trial-balance' }).tables[0]!;
        expect(tb.total![2]).toBe(tb.total![3]);

        const whole = get({ kind: 'income-expenditure', from: day(0) });
        const result = BigInt(whole.tables[2]!.rows[1]![1]!);
        expect(whole.tables[2]!.rows[2]![1]).toBe('0');
        expect(total(whole.tables[2]!)).toBe(BigInt(whole.tables[2]!.rows[0]![1]!) + result);
        expect(result).toBe(own);

        const first = get({ kind: 'income-expenditure', from: day(0), asOf: day(cut) });
        const second = cut < 300 ? get({ kind: 'income-expenditure', from: day(cut + 1) }) : null;
        const resultOf = (s: typeof first | null) => (s ? BigInt(s.tables[2]!.rows[1]![1]!) : 0n);
        expect(resultOf(first) + resultOf(second)).toBe(result);
      }),
      { numRuns: 20 },
    );
  });
});
