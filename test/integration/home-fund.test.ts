// Home's picture of the savings and loan fund over the cycle (issue 17): savings held,
// loans outstanding and cash, on the cycle's first day, after each meeting and today
// (1 March 2026 in the test ledger) — worked out here by hand.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smallBook, tempLedger, type TestLedger } from '../helpers/ledger';

let t: TestLedger;
let a: string;
let ids: string[];

beforeEach(() => {
  t = tempLedger();
  const book = smallBook(t, 2);
  a = book.association.id;
  ids = book.members.map((m) => m.id);
});

afterEach(() => t.cleanup());

describe('home-fund-over-cycle', () => {
  it('follows savings, loans out and cash from meeting to meeting', () => {
    t.ok('cycle-create', { associationId: a, name: 'Cycle 2026', startsOn: '2026-01-01', endsOn: '2026-12-31', rules: { savingMode: 'savings', loanMonthlyRatePercent: '5' } });
    // 9 January: Member 1 saves 6,000, Member 2 3,000; the box holds 9,000.
    t.ok('meeting-close', {
      associationId: a, date: '2026-01-09', cashCount: { box: '9,000' },
      rows: [{ memberId: ids[0]!, attendance: 'present', savings: '6,000' }, { memberId: ids[1]!, attendance: 'present', savings: '3,000' }],
    });
    // 20 January, between meetings: Member 2 borrows 2,000 from the box (7,000 left).
    const loan = t.ok('loan-apply', { associationId: a, memberId: ids[1]!, principal: '2,000', instalments: 2, date: '2026-01-20', purpose: 'Seeds' });
    t.ok('loan-approve', { associationId: a, loanId: loan.id, date: '2026-01-20' });
    t.ok('loan-disburse', { associationId: a, loanId: loan.id, date: '2026-01-20' });
    // 6 February: Member 1 saves 1,000, Member 2 500; the box: 7,000 + 1,500 = 8,500.
    t.ok('meeting-close', {
      associationId: a, date: '2026-02-06', cashCount: { box: '8,500' },
      rows: [{ memberId: ids[0]!, attendance: 'present', savings: '1,000' }, { memberId: ids[1]!, attendance: 'present', savings: '500' }],
    });
    const fund = t.ok('home-fund-over-cycle', { associationId: a });
    expect(fund.cycle).toEqual({ name: 'Cycle 2026', startsOn: '2026-01-01', endsOn: '2026-12-31' });
    expect(fund.points).toEqual([
      { date: '2026-01-01', savings: '0', lentOut: '0', cash: '0' },
      { date: '2026-01-09', savings: '9000', lentOut: '0', cash: '9000' },
      { date: '2026-02-06', savings: '10500', lentOut: '2000', cash: '8500' },
      { date: '2026-03-01', savings: '10500', lentOut: '2000', cash: '8500' },
    ]);
  });

  it('draws nothing when no cycle runs today', () => {
    t.ok('cycle-create', { associationId: a, name: 'Cycle 2025', startsOn: '2025-02-01', endsOn: '2025-12-31', rules: { savingMode: 'savings' } });
    expect(t.ok('home-fund-over-cycle', { associationId: a })).toEqual({ cycle: null, points: [] });
  });

  it('refuses an association that does not exist, in words', () => {
    const refused = t.call('home-fund-over-cycle', { associationId: 'no-such-association' });
    expect(refused.ok).toBe(false);
  });
});
