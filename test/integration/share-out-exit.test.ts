// Members who leave mid-cycle, how members are paid, and what the next cycle opens
// with (issue 13, items 5–7). A plain-savings group, worked by hand:
//
//   7 Feb: Member 1 saves 6,000, Member 2 3,000, Member 3 3,000; Member 2 pays a 600 fine.
//          Box 12,600. Paid in 100 Frw notes, no reserve.
//
// Rule "savings and profit": Member 3 leaves on 1 Mar. The share-out that day:
//   pool 12,000 + 600 = 12,600; her part 12,600 × 3,000/12,000 = 3,150 → 3,100.
//   She takes 3,000 savings + 100 profit; the box keeps 9,500; the group fund has paid 100.
//   Share-out on 1 Jun: pool 9,000 + 600 profit − 100 (group fund) = 9,500;
//   Member 1 9,500 × 6/9 = 6,333.33 → 6,300; Member 2 3,166.67 → 3,100; 100 left over.
//   Profit 600 = 300 + 100 (stayers) + 100 (Member 3) + 100 remainder.
//
// Rule "savings" (as before), Member 3 leaves on 1 Mar unpaid: the group still owes her
//   3,000, so it is out of the pool: 9,000 + 600 = 9,600; Member 1 6,400, Member 2 3,200,
//   and 3,000 stays in the box for her.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secondOfficer, smallBook, tableCounts, tempLedger, type TestLedger } from '../helpers/ledger';

let t: TestLedger;
let a: string;
let cycleId: string;
let ids: string[];

const balance = (account: string, memberId?: string) => t.ok('account-balance-get', { associationId: a, account, ...(memberId ? { memberId } : {}) }).balance;

function book(onExit: 'savings' | 'savings_and_profit') {
  const { association, members } = smallBook(t, 3);
  a = association.id;
  ids = members.map((m) => m.id);
  cycleId = t.ok('cycle-create', {
    associationId: a, name: 'Savings 2025', startsOn: '2025-01-15', endsOn: '2025-12-31',
    rules: { savingMode: 'savings', fineLate: '600', shareOutRoundingUnit: '100', shareOutOnExit: onExit },
  }).id;
  t.ok('meeting-close', {
    associationId: a, date: '2025-02-07', cashCount: { box: '12,600' },
    rows: [
      { memberId: ids[0]!, attendance: 'present', savings: '6,000' },
      { memberId: ids[1]!, attendance: 'present', savings: '3,000', fineLate: '600' },
      { memberId: ids[2]!, attendance: 'present', savings: '3,000' },
    ],
  });
}

beforeEach(() => {
  t = tempLedger();
});
afterEach(() => t.cleanup());

describe('a member who leaves mid-cycle, when the rules give her part of the profit', () => {
  it('is shown what she takes, paid it, and the others share what is left', () => {
    book('savings_and_profit');
    const preview = t.ok('member-exit-preview', { associationId: a, memberId: ids[2]!, exitedOn: '2025-03-01' });
    expect(preview).toMatchObject({ rule: 'savings_and_profit', cycleName: 'Savings 2025', savings: '3000', profitPart: '100', partKind: 'profit', partSize: '100', total: '3100' });

    t.ok('member-exit', { associationId: a, memberId: ids[2]!, exitedOn: '2025-03-01', reason: 'Moved to Kigali' });
    expect([balance('1010'), balance('2010', ids[2]), balance('3010')]).toEqual(['9500', '0', '100']);
    expect(t.ok('journal-entry-list', { associationId: a }).slice(-2).map((e) => e.memo)).toEqual([
      'Member 3\'s part of the profit or loss of Savings 2025 so far, on leaving', 'Savings paid out to Member 3, who left',
    ]);

    const draft = t.ok('share-out-preview', { associationId: a, cycleId, date: '2025-06-01' });
    expect(draft.working).toMatchObject({ savings: '9000', profit: '600', groupFund: '-100', pool: '9500', owedToLeavers: '0' });
    expect(draft.members.map((m) => m.payout)).toEqual(['6300', '3100']);
    expect(draft.remainder).toBe('100');
    expect(draft.settledAtExit.map((m) => m.fullName)).toEqual(['Member 3']);
    t.ok('share-out-post', { associationId: a, cycleId, date: '2025-06-01', cashCount: { box: '9,500' }, confirmation: secondOfficer(t, a) });
    expect([balance('1010'), balance('3010')]).toEqual(['100', '-100']);
    expect(t.ok('trial-balance-get', { associationId: a }).difference).toBe('0');
  });

  it('takes her part of a loss too, never hiding it', () => {
    // A 1,200 expense after the meeting: profit 600 − 1,200 = −600; pool 11,400;
    // her part 11,400 × 3/12 = 2,850 → 2,800: she leaves with 200 less than she saved.
    book('savings_and_profit');
    t.ok('journal-entry-post', { associationId: a, date: '2025-02-20', memo: 'Rent of the meeting room', lines: [{ account: '5010', debit: '1,200' }, { account: '1010', credit: '1,200' }] });
    expect(t.ok('member-exit-preview', { associationId: a, memberId: ids[2]!, exitedOn: '2025-03-01' })).toMatchObject({ savings: '3000', profitPart: '-200', partKind: 'loss', partSize: '200', total: '2800' });
    t.ok('member-exit', { associationId: a, memberId: ids[2]!, exitedOn: '2025-03-01', reason: 'Moved' });
    expect([balance('1010'), balance('3010')]).toEqual([String(12_600 - 1_200 - 2_800), '-200']);
  });

  it('credits her part at the exit even when she is paid later, and the later payment is the same', () => {
    book('savings_and_profit');
    t.ok('member-exit', { associationId: a, memberId: ids[2]!, exitedOn: '2025-03-01', reason: 'Moved', settle: false });
    expect(balance('2010', ids[2])).toBe('-3100');
    expect(t.ok('member-savings-settle', { associationId: a, memberId: ids[2]!, date: '2025-03-08' }).paid).toBe('3100');
  });

  it('gives savings only when she leaves after the cycle was shared out', () => {
    book('savings_and_profit');
    t.ok('share-out-post', { associationId: a, cycleId, date: '2025-06-01', cashCount: { box: '12,600' }, confirmation: secondOfficer(t, a) });
    const preview = t.ok('member-exit-preview', { associationId: a, memberId: ids[2]!, exitedOn: '2025-06-15' });
    expect(preview).toMatchObject({ profitPart: '0', savings: '0' });
  });
});

describe('a member who left and has not been paid yet', () => {
  it('is owed her savings, out of the pool: the others do not share them', () => {
    book('savings');
    expect(t.ok('member-exit-preview', { associationId: a, memberId: ids[2]!, exitedOn: '2025-03-01' })).toMatchObject({ rule: 'savings', profitPart: '0', total: '3000' });
    t.ok('member-exit', { associationId: a, memberId: ids[2]!, exitedOn: '2025-03-01', reason: 'Moved', settle: false });
    const draft = t.ok('share-out-preview', { associationId: a, cycleId, date: '2025-06-01' });
    expect(draft.working).toMatchObject({ savings: '9000', owedToLeavers: '3000', pool: '9600' });
    expect(draft.working.cash.available).toBe('9600');
    expect(draft.owedToLeavers).toEqual([{ memberId: ids[2], fullName: 'Member 3', owed: '3000' }]);
    expect(draft.members.map((m) => m.payout)).toEqual(['6400', '3200']);
    t.ok('share-out-post', { associationId: a, cycleId, date: '2025-06-01', cashCount: { box: '12,600' }, confirmation: secondOfficer(t, a) });
    expect(balance('1010')).toBe('3000');
    expect(t.ok('member-savings-settle', { associationId: a, memberId: ids[2]!, date: '2025-06-02' }).paid).toBe('3000');
    expect(balance('1010')).toBe('0');
  });
});

describe('paying members at the share-out', () => {
  it('pays by mobile money from the bank / mobile money account, to a number, and in cash from the box', () => {
    book('savings');
    const confirmation = secondOfficer(t, a);
    const post = (payments: object[], cashCount = { box: '12,600', bank: '0' }) => t.call('share-out-post', {
      associationId: a, cycleId, date: '2025-06-01', cashCount, payments, confirmation,
    });
    const before = tableCounts(t);
    const refusals: [object[], string, string | undefined][] = [
      [[{ memberId: ids[1]!, method: 'mobile_money' }], 'share-out-phone-required', 'payments.0.phone'],
      [[{ memberId: ids[1]!, method: 'mobile_money', phone: 'call me' }], 'phone-invalid', 'payments.0.phone'],
      [[{ memberId: ids[1]!, method: 'bitcoin', phone: '+250 788 000 111' }], 'field-not-allowed', 'payments.0.method'],
      [[{ memberId: ids[1]!, method: 'mobile_money', phone: '+250 788 000 111' }, { memberId: ids[1]!, method: 'cash' }], 'member-listed-twice', 'payments.1.memberId'],
      // Nothing in the bank / mobile money account to send it from.
      [[{ memberId: ids[1]!, method: 'mobile_money', phone: '+250 788 000 111' }], 'cash-insufficient', 'payments'],
    ];
    for (const [payments, code, field] of refusals) {
      const r = post(payments);
      expect(r.ok ? 'posted' : [r.error.code, r.error.field]).toEqual([code, field]);
    }
    expect({ ...tableCounts(t), users: 0, change_log: 0 }).toEqual({ ...before, users: 0, change_log: 0 });

    // 3,200 moved to the bank / mobile money account: Member 2's 3,100 is sent from it, the rest paid from the box.
    t.ok('journal-entry-post', { associationId: a, date: '2025-05-30', memo: 'Deposit at the SACCO', lines: [{ account: '1020', debit: '3,200' }, { account: '1010', credit: '3,200' }] });
    const done = post([{ memberId: ids[1]!, method: 'mobile_money', phone: '+250 788 000 111' }], { box: '9,400', bank: '3,200' });
    if (!done.ok) throw new Error(done.error.message);
    // Pool 12,600 by savings 6/3/3: 6,300, 3,150 → 3,100, 3,150 → 3,100; 100 left over.
    expect(done.value.payments).toEqual([
      { memberId: ids[0], method: 'cash', phone: null, amount: '6300' },
      { memberId: ids[1], method: 'mobile_money', phone: '+250 788 000 111', amount: '3100' },
      { memberId: ids[2], method: 'cash', phone: null, amount: '3100' },
    ]);
    expect([balance('1010'), balance('1020')]).toEqual(['0', '100']);
    expect(t.ok('share-out-get', { associationId: a, cycleId })!.payments[1]).toMatchObject({ method: 'mobile_money', phone: '+250 788 000 111' });
  });
});

describe('the next cycle', () => {
  it('opens with what the share-out left: the remainder, the social fund, savings left in and debts carried', () => {
    const { association, members } = smallBook(t, 2);
    a = association.id;
    ids = members.map((m) => m.id);
    cycleId = t.ok('cycle-create', {
      associationId: a, name: 'Savings 2025', startsOn: '2025-01-15', endsOn: '2025-12-31',
      rules: { savingMode: 'savings', socialFund: '500', shareOutRoundingUnit: '1,000', shareOutReservePercent: '50', shareOutLoans: 'net', loanMonthlyRatePercent: '5', loanMaxMultiple: '3' },
    }).id;
    // Savings 7,000 and 3,000, social fund 1,000. Member 2 borrows 8,000 flat at 5 % over 2 months: 8,800 due.
    t.ok('meeting-close', {
      associationId: a, date: '2025-02-07', cashCount: { box: '11,000' },
      rows: [{ memberId: ids[0]!, attendance: 'present', savings: '7,000', socialFund: '500' }, { memberId: ids[1]!, attendance: 'present', savings: '3,000', socialFund: '500' }],
    });
    const loan = t.ok('loan-apply', { associationId: a, memberId: ids[1]!, principal: '8,000', instalments: 2, date: '2025-02-10', purpose: 'Seeds' });
    t.ok('loan-approve', { associationId: a, loanId: loan.id, date: '2025-02-10' });
    t.ok('loan-disburse', { associationId: a, loanId: loan.id, date: '2025-02-10' });
    // Share-out on 15 Apr, loans netted: interest due 800 is the profit; pool 10,000 + 800 = 10,800;
    // reserve 50 % of 800 = 400; 10,400 by savings: 7,280 → 7,000 and 3,120 → 3,000; 400 left over.
    // Member 2's 3,000 pays part of the 8,800 she owes: 5,800 is carried as her debt.
    // The loan left 3,000 in the box, 1,000 of it the social fund kept: 2,000 can be paid. Member 1
    // leaving 2,000 of her 7,000 in would need 5,000; leaving 5,000 in, she is paid 2,000.
    const confirmation = secondOfficer(t, a);
    const short = t.call('share-out-post', { associationId: a, cycleId, date: '2025-04-15', cashCount: { box: '3,000' }, reinvest: [{ memberId: ids[0]!, amount: '2,000' }], confirmation });
    expect(short.ok ? 'posted' : short.error.code).toBe('share-out-shortfall');
    const done = t.ok('share-out-post', { associationId: a, cycleId, date: '2025-04-15', cashCount: { box: '3,000' }, reinvest: [{ memberId: ids[0]!, amount: '5,000' }], confirmation });
    expect(done.members.map((m) => [m.share, m.loanNetted, m.payout, m.debtCarried])).toEqual([['7000', '0', '7000', '0'], ['3000', '3000', '0', '5800']]);
    expect([done.reserve, done.remainder]).toEqual(['400', '400']);

    const next = t.ok('cycle-create', { associationId: a, name: 'Savings 2026', startsOn: '2025-04-16', endsOn: '2026-04-15', rules: { savingMode: 'savings' } }).id;
    const opening = t.ok('cycle-opening', { associationId: a, cycleId: next });
    expect(opening).toMatchObject({
      asOf: '2025-04-15',
      previous: { cycleId, name: 'Savings 2025', shareOutDate: '2025-04-15', reserve: '400', remainder: '400', remainderTo: 'group_fund' },
      socialFund: '1000', groupFund: '800', savings: '5000',
      savingsByMember: [{ memberId: ids[0], fullName: 'Member 1', amount: '5000' }],
      debts: [{ memberId: ids[1], fullName: 'Member 2', owed: '5800' }],
    });
    // The new cycle's meetings are its own; the earlier cycle's stay listed under it.
    t.ok('meeting-close', { associationId: a, date: '2025-04-20', cashCount: { box: '2,000' }, rows: [{ memberId: ids[0]!, attendance: 'present', savings: '1,000' }, { memberId: ids[1]!, attendance: 'present' }] });
    expect(t.ok('meeting-list', { associationId: a, cycleId: next }).map((m) => m.date)).toEqual(['2025-04-20']);
    expect(t.ok('meeting-list', { associationId: a, cycleId }).map((m) => m.date)).toEqual(['2025-02-07']);
    expect(t.ok('meeting-list', { associationId: a })).toHaveLength(2);
    // The box held exactly what was brought forward, less what is lent out: 1,000 + 800 + 5,000 − 5,800 = 1,000 (+ 1,000 saved since).
    expect(balance('1010')).toBe('2000');
    expect(t.ok('trial-balance-get', { associationId: a }).difference).toBe('0');
  });
});
