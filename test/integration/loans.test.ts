// A loan's life, worked by hand: applied within the member's limit, approved,
// paid out of the box, repaid on time, then late and in part (a penalty), shown in
// arrears and in the portfolio at risk, an over-payment refused, closed. Then the
// refusals the issue lists.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KABEZA, smallBook, tableCounts, tempLedger, type TestLedger, secondOfficer } from '../helpers/ledger';

let t: TestLedger;
let a: string;
let aline: string;
let eric: string;

beforeEach(() => {
  t = tempLedger();
  const book = smallBook(t, 2);
  a = book.association.id;
  [aline, eric] = book.members.map((m) => m.id) as [string, string];
  t.ok('cycle-create', {
    associationId: a, name: 'Cycle 1', startsOn: '2025-01-15', endsOn: '2026-12-31',
    rules: {
      savingMode: 'shares', sharePrice: '500', minShares: 1, maxShares: 5,
      loanMethod: 'flat', loanMonthlyRatePercent: '5', loanFrequency: 'monthly', loanMaxInstalments: 12, loanMaxMultiple: '3', loanLatePenalty: '500',
    },
  });
  // Each member has saved 20,000; the box holds 40,000.
  t.ok('savings-brought-in', { associationId: a, date: '2025-02-01', members: [{ memberId: aline, amount: '20,000' }, { memberId: eric, amount: '20,000' }] });
});
afterEach(() => t.cleanup());
// Every command kept the seal current row by row: it matches the books read whole
// (after-hooks run last-registered first, so this runs before the cleanup above).
afterEach(() => {
  if (t) expect(t.server.checkFully().problems).toEqual([]);
});

const balance = (account: string) => t.ok('account-balance-get', { associationId: a, account }).balance;

describe('a loan from application to closing', () => {
  it('follows the worked example to the franc', () => {
    // Limit: 3 × 20,000 = 60,000.
    const above = t.call('loan-apply', { associationId: a, memberId: aline, principal: '60,001', instalments: 3, date: '2025-03-01', purpose: 'Seeds' });
    expect(above.ok ? null : above.error).toMatchObject({ code: 'loan-above-limit', params: { limit: '60000' }, field: 'principal' });

    // 30,000 flat at 5 % a month over 3 months: interest 4,500 = 1,500 a month; principal 10,000 a month.
    const preview = t.ok('loan-preview', { associationId: a, memberId: aline, principal: '30,000', instalments: 3, date: '2025-03-01' });
    expect(preview.instalments.map((i) => [i.dueOn, i.principal, i.interest])).toEqual([['2025-04-01', '10000', '1500'], ['2025-05-01', '10000', '1500'], ['2025-06-01', '10000', '1500']]);
    const applied = t.ok('loan-apply', { associationId: a, memberId: aline, principal: '30,000', instalments: 3, date: '2025-03-01', purpose: 'Seeds' });
    expect(applied.status).toBe('applied');
    t.ok('loan-approve', { associationId: a, loanId: applied.id, date: '2025-03-01' });
    t.ok('loan-disburse', { associationId: a, loanId: applied.id, date: '2025-03-01' });
    expect(balance('1010')).toBe('10000'); // 40,000 − 30,000
    expect(balance('1100')).toBe('30000');

    // 1 April: the first instalment, 11,500, on time.
    t.ok('loan-repay', { associationId: a, loanId: applied.id, date: '2025-04-01', amount: '11,500' });
    // 10 May: 6,000 only; the second instalment (due 1 May) is late → penalty 500.
    // Allocation: penalty 500, interest 1,500, principal 4,000.
    const partial = t.ok('loan-repay', { associationId: a, loanId: applied.id, date: '2025-05-10', amount: '6,000' });
    expect(partial.repayments.at(-1)).toMatchObject({ penalty: '500', interest: '1500', principal: '4000' });
    expect(partial.principalOutstanding).toBe('16000');

    // 15 June: instalments 2 and 3 unpaid; the oldest fell due on 1 May: 45 days.
    const june = t.ok('loan-get', { associationId: a, loanId: applied.id, asOf: '2025-06-15' });
    expect(june.daysOverdue).toBe(45);
    // Paid toward instalments (principal + interest): 11,500 + 5,500 = 17,000 of 34,500 due → arrears 17,500.
    expect(june.arrears).toBe('17500');
    expect(june.schedule.map((s) => [s.status, s.covered])).toEqual([['paid', '11500'], ['late', '5500'], ['late', '0']]);
    const portfolio = t.ok('loan-portfolio-get', { associationId: a, asOf: '2025-06-15' });
    expect(portfolio).toMatchObject({ loansOutstanding: 1, principalOutstanding: '16000', par1: '100.0', par30: '100.0', par90: '0.0', repaymentRate: '49.3' });
    // Before the second instalment fell due nothing was at risk.
    expect(t.ok('loan-portfolio-get', { associationId: a, asOf: '2025-04-15' })).toMatchObject({ par1: '0.0', repaymentRate: '100.0' });

    // Closing on 15 June costs: penalties 2 × 500 − 500 paid = 500; interest 4,500 − 3,000 = 1,500; principal 16,000 → 18,000.
    const over = t.call('loan-repay', { associationId: a, loanId: applied.id, date: '2025-06-15', amount: '100,000' });
    expect(over.ok ? null : over.error).toMatchObject({ code: 'loan-overpaid', params: { closing: '18000' }, field: 'amount' });
    const closed = t.ok('loan-repay', { associationId: a, loanId: applied.id, date: '2025-06-15', amount: '18,000' });
    expect(closed.status).toBe('closed');
    expect(balance('1100')).toBe('0');
    expect(balance('4010')).toBe('-4500'); // all the interest
    expect(balance('4020')).toBe('-1000'); // two penalties
    expect(balance('1010')).toBe('45500'); // 10,000 + 11,500 + 6,000 + 18,000
    expect(t.ok('trial-balance-get', { associationId: a }).difference).toBe('0');
    const again = t.call('loan-repay', { associationId: a, loanId: applied.id, date: '2025-06-20', amount: '100' });
    expect(again.ok ? null : again.error.code).toBe('loan-not-open');
  });
});

describe('the terms a new loan would have', () => {
  it('are the cycle’s rules in force on the day, and a day outside every cycle is refused in words', () => {
    expect(t.ok('loan-terms-get', { associationId: a, date: '2025-03-01' })).toEqual({
      cycleName: 'Cycle 1', method: 'flat', monthlyRatePercent: '5', frequency: 'monthly', maxInstalments: 12, maxMultipleOfSavings: '3',
    });
    const outside = t.call('loan-terms-get', { associationId: a, date: '2024-03-01' });
    expect(outside.ok ? null : outside.error.code).toBe('meeting-outside-cycle');
  });
});

describe('early repayment', () => {
  it('goes to principal when no interest has fallen due yet, and can close the loan early', () => {
    const loan = t.ok('loan-apply', { associationId: a, memberId: aline, principal: '30,000', instalments: 3, date: '2025-03-01', purpose: 'Seeds' });
    t.ok('loan-approve', { associationId: a, loanId: loan.id, date: '2025-03-01' });
    t.ok('loan-disburse', { associationId: a, loanId: loan.id, date: '2025-03-01' });
    // 15 March, before anything is due: 10,000 is all principal.
    const early = t.ok('loan-repay', { associationId: a, loanId: loan.id, date: '2025-03-15', amount: '10,000' });
    expect(early.repayments).toEqual([{ paidOn: '2025-03-15', penalty: '0', interest: '0', principal: '10000' }]);
    // Closing on 20 March costs the 20,000 principal left and no interest (none has fallen due).
    const over = t.call('loan-repay', { associationId: a, loanId: loan.id, date: '2025-03-20', amount: '20,001' });
    expect(over.ok ? null : over.error).toMatchObject({ code: 'loan-overpaid', params: { closing: '20000' } });
    expect(t.ok('loan-repay', { associationId: a, loanId: loan.id, date: '2025-03-20', amount: '20,000' }).status).toBe('closed');
    expect(balance('4010')).toBe('0');
  });
});

describe('rescheduling', () => {
  it('spreads what is still owed over new instalments, keeping the old schedule and what is already due', () => {
    const loan = t.ok('loan-apply', { associationId: a, memberId: aline, principal: '30,000', instalments: 3, date: '2025-03-01', purpose: 'Seeds' });
    t.ok('loan-approve', { associationId: a, loanId: loan.id, date: '2025-03-01' });
    t.ok('loan-disburse', { associationId: a, loanId: loan.id, date: '2025-03-01' });
    t.ok('loan-repay', { associationId: a, loanId: loan.id, date: '2025-04-01', amount: '11,500' });
    // 15 May: the instalment of 1 May is unpaid. 20,000 is rescheduled over 4 months, flat 5 %:
    // interest 20,000 × 5 % × 4 = 4,000 → 1,000 a month; principal 5,000 a month.
    const r = t.ok('loan-reschedule', { associationId: a, loanId: loan.id, date: '2025-05-15', instalments: 4, reason: 'Harvest late' });
    expect(r.scheduleVersion).toBe(2);
    expect(r.schedule.map((i) => [i.dueOn, i.principal, i.interest])).toEqual([
      ['2025-04-01', '10000', '1500'], // paid
      ['2025-05-01', '0', '1500'], // its principal moved to the new instalments; its interest is still owed
      ['2025-06-15', '5000', '1000'],
      ['2025-07-15', '5000', '1000'],
      ['2025-08-15', '5000', '1000'],
      ['2025-09-15', '5000', '1000'],
    ]);
    expect(r).toMatchObject({ principalOutstanding: '20000', interestDue: '1500', penaltyDue: '500' });
    // 15 June: 8,000 pays the penalty (500), interest 1,500 + 1,000 and principal 5,000.
    const june = t.ok('loan-repay', { associationId: a, loanId: loan.id, date: '2025-06-15', amount: '8,000' });
    expect(june.repayments.at(-1)).toMatchObject({ penalty: '500', interest: '2500', principal: '5000' });
    expect(june).toMatchObject({ principalOutstanding: '15000', daysOverdue: 0, arrears: '0' });
    expect(june.schedule.slice(0, 3).map((i) => i.status)).toEqual(['paid', 'paid', 'paid']);
    // The first schedule is kept.
    const versions = t.server.ledger.sqlite.prepare('SELECT version, count(*) AS n FROM loan_instalments WHERE loan_id = ? GROUP BY version').all(loan.id);
    expect(versions).toEqual([{ version: 1, n: 3 }, { version: 2, n: 6 }]);
    expect(t.ok('trial-balance-get', { associationId: a }).difference).toBe('0');
  });
});

describe('repayments at the weekly meeting', () => {
  it('takes a repayment in the meeting grid, in the same entry and cash count', () => {
    const loan = t.ok('loan-apply', { associationId: a, memberId: aline, principal: '30,000', instalments: 3, date: '2025-03-01', purpose: 'Seeds' });
    t.ok('loan-approve', { associationId: a, loanId: loan.id, date: '2025-03-01' });
    t.ok('loan-disburse', { associationId: a, loanId: loan.id, date: '2025-03-01' });
    // Box: 40,000 − 30,000 = 10,000. At the meeting of 1 April: Aline buys 1 share (500) and
    // repays her first instalment (11,500); Eric buys 2 shares (1,000). Money in 13,000.
    const rows = [
      { memberId: aline, attendance: 'present' as const, shares: 1, loanRepayment: '11,500' },
      { memberId: eric, attendance: 'present' as const, shares: 2 },
    ];
    const bad = t.call('meeting-close', { associationId: a, date: '2025-04-01', rows: [{ ...rows[0]!, loanRepayment: '50,000' }, rows[1]], cashCount: { box: '23,000' } });
    expect(bad.ok ? null : bad.error).toMatchObject({ code: 'loan-overpaid', field: 'rows.0.loanRepayment' });
    const noLoan = t.call('meeting-close', { associationId: a, date: '2025-04-01', rows: [rows[0], { ...rows[1]!, loanRepayment: '100' }], cashCount: { box: '23,000' } });
    expect(noLoan.ok ? null : noLoan.error).toMatchObject({ code: 'loan-none-open', field: 'rows.1.loanRepayment' });

    const meeting = t.ok('meeting-close', { associationId: a, date: '2025-04-01', rows, cashCount: { box: '23,000' } });
    expect(meeting.totals).toMatchObject({ savings: '1500', loanRepayment: '11500', total: '13000' });
    expect(meeting.box).toMatchObject({ opening: '10000', moneyIn: '13000', expected: '23000', difference: '0' });
    expect(meeting.rows.find((r) => r.memberId === aline)).toMatchObject({ loanRepayment: '11500', total: '12000' });
    const statement = t.ok('loan-get', { associationId: a, loanId: loan.id, asOf: '2025-04-01' });
    expect(statement.principalOutstanding).toBe('20000');
    expect(statement.repayments).toEqual([{ paidOn: '2025-04-01', penalty: '0', interest: '1500', principal: '10000' }]);
    expect(balance('1010')).toBe('23000');
    expect(balance('4010')).toBe('-1500');
    expect(t.ok('meeting-list', { associationId: a })[0]!.total).toBe('13000');
    // One entry for the whole meeting.
    expect(t.ok('journal-entry-list', { associationId: a }).map((e) => e.kind)).toEqual(['savings-brought-in', 'loan-disbursement', 'meeting']);
    // A correction may not change the repayments (they are corrected on the loan) ...
    const correction = t.call('meeting-correct', { associationId: a, confirmation: secondOfficer(t, a), meetingId: meeting.id, reason: 'x', rows });
    expect(correction.ok ? null : correction.error).toMatchObject({ code: 'meeting-repayments-kept', field: 'rows' });
    // ... but the rest of the meeting can be corrected, and the repayment is kept as it was.
    // Eric bought 3 shares, not 2: money in 500 + 1,500 + 11,500 = 13,500 against the 23,000
    // counted then (10,000 + 13,500 = 23,500 expected): a 500 shortage, to 5040.
    const corrected = t.ok('meeting-correct', {
      associationId: a, confirmation: secondOfficer(t, a), meetingId: meeting.id, reason: 'Eric bought 3 shares',
      rows: [{ memberId: aline, attendance: 'present', shares: 1 }, { memberId: eric, attendance: 'present', shares: 3 }],
    });
    expect(corrected.totals).toMatchObject({ savings: '2000', loanRepayment: '11500', total: '13500' });
    expect(balance('4010')).toBe('-1500'); // the interest once, not twice
    expect(balance('1100')).toBe('20000');
    expect(balance('5040')).toBe('500');
    expect(balance('1010')).toBe('23000');
    expect(t.ok('loan-get', { associationId: a, loanId: loan.id, asOf: '2025-04-01' }).principalOutstanding).toBe('20000');
    expect(t.ok('trial-balance-get', { associationId: a }).difference).toBe('0');
  });
});

describe('refusals', () => {
  it('refuses bad loans with clear messages, writing nothing', () => {
    const before = tableCounts(t);
    const cases: [object, string][] = [
      [{ principal: '0' }, 'amount-zero'],
      [{ principal: '-5,000' }, 'amount-negative'],
      [{ instalments: 0 }, 'loan-term-zero'],
      [{ instalments: 13 }, 'loan-term-above-rule'],
      [{ principal: '90,000' }, 'loan-above-limit'],
      [{ date: '2024-12-01' }, 'meeting-outside-cycle'],
    ];
    for (const [change, code] of cases) {
      const r = t.call('loan-apply', { associationId: a, memberId: aline, principal: '10,000', instalments: 3, date: '2025-03-01', purpose: 'x', ...change });
      expect(r.ok ? 'accepted' : r.error.code).toBe(code);
    }
    expect(tableCounts(t)).toEqual(before);
  });

  it('never pays out more than the box holds, and one loan at a time', () => {
    const big = t.ok('loan-apply', { associationId: a, memberId: aline, principal: '50,000', instalments: 3, date: '2025-03-01', purpose: 'Cow' });
    t.ok('loan-approve', { associationId: a, loanId: big.id, date: '2025-03-01' });
    const r = t.call('loan-disburse', { associationId: a, loanId: big.id, date: '2025-03-01' });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'cash-insufficient', params: { needed: '50000', available: '40000' } });
    expect(balance('1010')).toBe('40000');
    const second = t.call('loan-apply', { associationId: a, memberId: aline, principal: '1,000', instalments: 1, date: '2025-03-02', purpose: 'x' });
    expect(second.ok ? null : second.error.code).toBe('loan-already-open');
  });

  it('writes off only with an approving role and a reason, posting what is left to 5030', () => {
    const loan = t.ok('loan-apply', { associationId: a, memberId: eric, principal: '12,000', instalments: 3, date: '2025-03-01', purpose: 'Shop' });
    t.ok('loan-approve', { associationId: a, loanId: loan.id, date: '2025-03-01' });
    t.ok('loan-disburse', { associationId: a, loanId: loan.id, date: '2025-03-01' });
    const confirmation = secondOfficer(t, a);
    t.ok('user-create', { associationId: a, name: 'Secretary Jean', role: 'secretary', pin: '3916' });
    t.ok('session-sign-out', {});
    t.signIn(a, 'Secretary Jean', '3916');
    const refused = t.call('loan-write-off', { associationId: a, confirmation, loanId: loan.id, date: '2025-09-01', reason: 'Moved away' });
    expect(refused.ok ? null : refused.error.code).toBe('role-refused');
    t.ok('session-sign-out', {});
    t.signIn(a, KABEZA.treasurer.name);
    const noReason = t.call('loan-write-off', { associationId: a, confirmation, loanId: loan.id, date: '2025-09-01', reason: ' ' });
    expect(noReason.ok ? null : noReason.error.code).toBe('field-required');
    const done = t.ok('loan-write-off', { associationId: a, confirmation, loanId: loan.id, date: '2025-09-01', reason: 'Moved away' });
    expect(done.status).toBe('written_off');
    expect(balance('5030')).toBe('12000');
    expect(balance('1100')).toBe('0');
    expect(t.ok('loan-portfolio-get', { associationId: a })).toMatchObject({ writtenOff: '12000', loansOutstanding: 0 });
  });
});

describe('the loan register and the books', () => {
  it('agree, because only loan records move account 1100 — a hand-made entry there is refused', () => {
    const applied = t.ok('loan-apply', { associationId: a, memberId: aline, principal: '30,000', instalments: 3, date: '2025-03-01', purpose: 'Seeds' });
    t.ok('loan-approve', { associationId: a, loanId: applied.id, date: '2025-03-01' });
    t.ok('loan-disburse', { associationId: a, loanId: applied.id, date: '2025-03-01' });
    t.ok('loan-repay', { associationId: a, loanId: applied.id, date: '2025-04-01', amount: '11,500' });
    const before = tableCounts(t);
    const sneaked = t.call('journal-entry-post', {
      associationId: a, date: '2025-04-02', memo: 'Loan topped up by hand',
      lines: [{ account: '1100', memberId: aline, debit: '5,000' }, { account: '1010', credit: '5,000' }],
    });
    expect(sneaked.ok ? 'posted' : [sneaked.error.code, sneaked.error.field]).toEqual(['account-kept-by-records', 'lines.0.account']);
    expect(tableCounts(t)).toEqual(before);
    // 30,000 paid out, 10,000 of principal repaid (11,500 less 1,500 interest): 20,000 in the register and on 1100.
    const portfolio = t.ok('loan-portfolio-get', { associationId: a, asOf: '2025-04-02' });
    expect(portfolio.principalOutstanding).toBe('20000');
    expect(portfolio.principalInJournal).toBe('20000');
  });
});
