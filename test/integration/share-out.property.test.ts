// Property tests over random years of a plain-savings group with a grant in the bank:
// members save at two meetings, pay fines and the social fund, the group pays an
// expense; then the share-out is posted under random rules (basis, reserve, rounding
// unit, where the remainder goes, whether the social fund is shared). Whatever the
// year and the rules:
//  - parts + remainder + reserve = the pool, exactly;
//  - each part is within one rounding unit of its exact share, and never above it;
//  - what leaves the box is the payouts, exactly;
//  - the grant's fund is untouched; the social fund is untouched unless the rules share
//    it (emptied) or send the remainder to it (grown by the remainder);
//  - the trial balance is zero and the hash chain holds.

import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { secondOfficer, smallBook, tempLedger, type TestLedger } from '../helpers/ledger';

let ledgers: TestLedger[] = [];
afterEach(() => {
  ledgers.forEach((l) => l.cleanup());
  ledgers = [];
});

const memberArb = fc.record({
  saved: fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })).map(([x, y]) => [x * 250, y * 250]),
  fine: fc.integer({ min: 0, max: 3 }).map((n) => n * 100),
});
const yearArb = fc.record({
  members: fc.array(memberArb, { minLength: 2, maxLength: 5 }).filter((ms) => ms.some((m) => m.saved[0]! + m.saved[1]! > 0)),
  socialFund: fc.constantFrom(0, 100, 200),
  expense: fc.integer({ min: 0, max: 500 }),
  basis: fc.constantFrom('savings' as const, 'share_days' as const),
  reserve: fc.constantFrom('0', '10', '12.5', '33.333'),
  unit: fc.constantFrom('1', '50', '100', '1,000'),
  remainderTo: fc.constantFrom('group_fund' as const, 'social_fund' as const),
  socialFundShared: fc.boolean(),
});

describe('any share-out of any year', () => {
  it('adds up, pays exactly the payouts, leaves the grant alone and keeps the books balanced', () => {
    fc.assert(
      fc.property(yearArb, (year) => {
        const t = tempLedger();
        ledgers.push(t);
        const { association, members } = smallBook(t, year.members.length);
        const a = association.id;
        const cycleId = t.ok('cycle-create', {
          associationId: a, name: 'Year', startsOn: '2025-01-15', endsOn: '2025-12-31',
          rules: {
            savingMode: 'savings', socialFund: String(year.socialFund), fineLate: '100', shareOutBasis: year.basis, shareOutReservePercent: year.reserve,
            shareOutRoundingUnit: year.unit, shareOutRemainderTo: year.remainderTo, shareOutSocialFund: year.socialFundShared ? 'shared' : 'kept',
          },
        }).id;
        t.ok('grant-create', { associationId: a, grantor: 'District', reference: 'G-1', date: '2025-01-20', amount: '50,000', purpose: 'livestock', receivedInto: 'bank' });
        const balance = (account: string) => BigInt(t.ok('account-balance-get', { associationId: a, account }).balance);
        for (const [k, date] of ['2025-02-07', '2025-03-07'].entries()) {
          const rows = members.map((m, i) => {
            const who = year.members[i]!;
            return { memberId: m.id, attendance: 'present' as const, savings: String(who.saved[k]!), socialFund: String(year.socialFund), ...(k === 1 && who.fine > 0 ? { fineLate: String(who.fine) } : {}) };
          });
          const paidIn = year.members.reduce((sum, m) => sum + BigInt(m.saved[k]!) + BigInt(year.socialFund) + (k === 1 ? BigInt(m.fine) : 0n), 0n);
          t.ok('meeting-close', { associationId: a, date, rows, cashCount: { box: String(balance('1010') + paidIn) } });
        }
        if (year.expense > 0 && balance('1010') >= BigInt(year.expense)) {
          t.ok('journal-entry-post', { associationId: a, date: '2025-03-10', memo: 'Padlock', lines: [{ account: '5010', debit: String(year.expense) }, { account: '1010', credit: String(year.expense) }] });
        }
        const grantFund = balance('2101');
        const socialBefore = balance('2020');
        const boxBefore = balance('1010');
        const draft = t.ok('share-out-preview', { associationId: a, cycleId, date: '2025-06-01' });
        if (draft.shortfall !== '0') return; // an expense larger than the group's own cash: refused, tested elsewhere
        const posted = t.ok('share-out-post', { associationId: a, cycleId, date: '2025-06-01', cashCount: { box: String(boxBefore) }, confirmation: secondOfficer(t, a) });
        const shares = posted.members.reduce((sum, m) => sum + BigInt(m.share), 0n);
        expect(shares + BigInt(posted.remainder) + BigInt(posted.reserve)).toBe(BigInt(posted.working.pool));
        const unit = BigInt(posted.rules.roundingUnit);
        for (const m of posted.members) {
          const exactHundredths = BigInt(m.exact.replace('.', ''));
          const shareHundredths = BigInt(m.share) * 100n;
          expect(shareHundredths <= exactHundredths).toBe(true);
          expect(exactHundredths - shareHundredths < unit * 100n).toBe(true);
        }
        const paid = posted.members.reduce((sum, m) => sum + BigInt(m.payout), 0n);
        expect(boxBefore - balance('1010')).toBe(paid);
        expect(balance('2101')).toBe(grantFund);
        const remainderToSocial = year.remainderTo === 'social_fund' ? BigInt(posted.remainder) : 0n;
        // Credit balances are negative in the books: the social fund after is what it was (or nothing), less the remainder it received.
        expect(balance('2020')).toBe((year.socialFundShared ? 0n : socialBefore) - remainderToSocial);
        expect(t.ok('trial-balance-get', { associationId: a }).difference).toBe('0');
        expect(t.ok('journal-chain-verify', { associationId: a })).toMatchObject({ ok: true });
      }),
      { numRuns: 25 },
    );
  });
});
