// The share-out's draft, read from the books (issue 13). A shares group, worked by hand:
//
//   share price 500, social fund 200 a meeting, a 10 % reserve, paid in 100 Frw notes.
//   7 Feb: Member 1 buys 5 shares, Member 2 3, Member 3 2 (5,000) + social fund 600.
//   7 Mar: Member 1 buys 5, Member 2 2, Member 3 1 (4,000) + social fund 600 + a late fine of 100 (Member 3).
//   10 Mar: a padlock, 300. Member 2 borrows 4,000 at 5 % a month flat over 2 months:
//           2,200 due on 10 Apr and on 10 May (2,000 principal + 200 interest each).
//   Shares: 10 / 5 / 3 = 18 (9,000 saved). Social fund 1,200, kept by the group.
//
// Loan repaid (collect first): interest 400 + fines 100 − padlock 300 = 200 profit.
//   Pool 9,000 + 200 = 9,200; reserve 10 % of 200 = 20; 9,180 divided by 18 shares:
//   Member 1 9,180 × 10/18 = 5,100; Member 2 × 5/18 = 2,550 → 2,500; Member 3 × 3/18 = 1,530 → 1,500.
//   9,100 paid + 80 left by rounding + 20 reserve = 9,200.
//   Cash: box 5,600 + 4,700 − 300 − 4,000 + 4,400 = 10,400, less the social fund kept 1,200 = 9,200.
//
// Loan unpaid after the first instalment, rules "net": Member 2 still owes 2,000 + 200 interest due.
//   Interest received 200 + 200 taken at the share-out + fines 100 − 300 = 200 profit; pool 9,200 again.
//   Member 2's part 2,500 pays the 2,200 owed: 300 paid out.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secondOfficer, SECOND_OFFICER, smallBook, tableCounts, TEST_PIN, tempLedger, type TestLedger } from '../helpers/ledger';

let t: TestLedger;
let a: string;
let cycleId: string;
let ids: string[];

function book(shareOutLoans: 'collect' | 'net') {
  const { association, members } = smallBook(t, 3);
  a = association.id;
  ids = members.map((m) => m.id);
  cycleId = t.ok('cycle-create', {
    associationId: a, name: 'Cycle 2025', startsOn: '2025-01-15', endsOn: '2025-12-31',
    rules: {
      savingMode: 'shares', sharePrice: '500', minShares: 0, maxShares: 5, socialFund: '200', fineLate: '100',
      loanMethod: 'flat', loanMonthlyRatePercent: '5', loanFrequency: 'monthly', loanMaxInstalments: 12, loanMaxMultiple: '3',
      shareOutReservePercent: '10', shareOutRoundingUnit: '100', shareOutLoans,
    },
  }).id;
  const row = (i: number, shares: number, extra: object = {}) => ({ memberId: ids[i]!, attendance: 'present' as const, shares, socialFund: '200', ...extra });
  t.ok('meeting-close', { associationId: a, date: '2025-02-07', rows: [row(0, 5), row(1, 3), row(2, 2)], cashCount: { box: '5,600' } });
  t.ok('meeting-close', { associationId: a, date: '2025-03-07', rows: [row(0, 5), row(1, 2), row(2, 1, { fineLate: '100' })], cashCount: { box: '10,300' } });
  t.ok('journal-entry-post', { associationId: a, date: '2025-03-10', memo: 'Padlock for the box', lines: [{ account: '5010', debit: '300' }, { account: '1010', credit: '300' }] });
  const loan = t.ok('loan-apply', { associationId: a, memberId: ids[1]!, principal: '4,000', instalments: 2, date: '2025-03-10', purpose: 'Seeds' });
  t.ok('loan-approve', { associationId: a, loanId: loan.id, date: '2025-03-10' });
  t.ok('loan-disburse', { associationId: a, loanId: loan.id, date: '2025-03-10' });
  return loan.id as string;
}

beforeEach(() => {
  t = tempLedger();
});
afterEach(() => t.cleanup());

describe('the share-out draft of a shares group', () => {
  it('shows the pool with its working and each member’s part, worked by hand', () => {
    const loanId = book('collect');
    t.ok('loan-repay', { associationId: a, loanId, date: '2025-04-10', amount: '2,200' });
    t.ok('loan-repay', { associationId: a, loanId, date: '2025-05-10', amount: '2,200' });
    const before = tableCounts(t);
    const draft = t.ok('share-out-preview', { associationId: a, cycleId, date: '2025-06-01' });
    expect(tableCounts(t)).toEqual(before); // a draft writes nothing
    expect(draft.basis).toBe('shares');
    expect(draft.working).toMatchObject({
      savings: '9000',
      income: { interest: '400', fines: '100', fees: '0', other: '0' },
      expenses: { general: '300', bank: '0', writeOffs: '0', cashDifferences: '0' },
      profit: '200', groupFund: '0', socialFund: '1200', socialFundShared: false, pool: '9200',
      cash: { box: '10400', bank: '0', grantFunds: '0', available: '9200' },
    });
    expect([draft.reserve, draft.divisible, draft.remainder, draft.shortfall]).toEqual(['20', '9180', '80', '0']);
    expect(draft.members.map((m) => [m.fullName, m.weight, m.savings, m.exact, m.share, m.payout])).toEqual([
      ['Member 1', '10', '5000', '5100.00', '5100', '5100'],
      ['Member 2', '5', '2500', '2550.00', '2500', '2500'],
      ['Member 3', '3', '1500', '1530.00', '1500', '1500'],
    ]);
    expect(draft.loansOwed).toEqual([]);
  });

  it('takes a loan still owed from the member’s part when the rules say so', () => {
    const loanId = book('net');
    t.ok('loan-repay', { associationId: a, loanId, date: '2025-04-10', amount: '2,200' });
    const draft = t.ok('share-out-preview', { associationId: a, cycleId, date: '2025-06-01' });
    expect(draft.working).toMatchObject({ income: { interest: '200' }, interestNetted: '200', profit: '200', pool: '9200' });
    // Box: 10,000 − 4,000 + 2,200 = 8,200, less the social fund 1,200: 7,000 in cash, and 2,200 owed.
    expect(draft.working.cash.available).toBe('7000');
    expect(draft.members.map((m) => [m.fullName, m.share, m.loanOwed, m.loanNetted, m.payout, m.debtCarried])).toEqual([
      ['Member 1', '5100', '0', '0', '5100', '0'],
      ['Member 2', '2500', '2200', '2200', '300', '0'],
      ['Member 3', '1500', '0', '0', '1500', '0'],
    ]);
    // 6,900 paid in cash out of 7,000 available.
    expect(draft.shortfall).toBe('0');
  });

  it('lists a loan still owed when the rules collect it first, without taking it from the part', () => {
    book('collect');
    const draft = t.ok('share-out-preview', { associationId: a, cycleId, date: '2025-06-01' });
    expect(draft.loansOwed).toEqual([{ memberId: ids[1], fullName: 'Member 2', owed: '4400' }]);
    expect(draft.members[1]).toMatchObject({ loanNetted: '0', payout: draft.members[1]!.share });
  });

  it('names a member with savings but no shares, whose savings a division by shares would give away, and will not post', () => {
    const loanId = book('collect');
    t.ok('loan-repay', { associationId: a, loanId, date: '2025-04-10', amount: '2,200' });
    t.ok('loan-repay', { associationId: a, loanId, date: '2025-05-10', amount: '2,200' });
    const late = t.ok('member-add', { associationId: a, fullName: 'Member 4', gender: 'female', joinedOn: '2025-05-01' });
    t.ok('savings-brought-in', { associationId: a, date: '2025-05-02', members: [{ memberId: late.id, amount: '1,000' }] });
    const draft = t.ok('share-out-preview', { associationId: a, cycleId, date: '2025-06-01' });
    expect(draft.savingsWithoutShares).toEqual(['Member 4']);
    const before = tableCounts(t);
    const r = t.call('share-out-post', { associationId: a, cycleId, date: '2025-06-01', cashCount: { box: '11,400' }, confirmation: secondOfficer(t, a) });
    expect(r.ok ? 'posted' : [r.error.code, r.error.message]).toEqual(['share-out-savings-without-shares', expect.stringContaining('Member 4')]);
    expect({ ...tableCounts(t), users: 0, change_log: 0 }).toEqual({ ...before, users: 0, change_log: 0 });
  });

  it('refuses a date before the cycle began', () => {
    book('collect');
    const r = t.call('share-out-preview', { associationId: a, cycleId, date: '2025-01-01' });
    expect(r.ok ? 'drafted' : [r.error.code, r.error.field]).toEqual(['share-out-before-cycle', 'date']);
  });
});

describe('posting the share-out', () => {
  const balance = (account: string, memberId?: string) => t.ok('account-balance-get', { associationId: a, account, ...(memberId ? { memberId } : {}) }).balance;
  const post = (extra: object = {}) => t.call('share-out-post', { associationId: a, cycleId, date: '2025-06-01', cashCount: { box: '10,400' }, ...extra });

  it('pays each member in one entry, confirmed by a second officer, and closes the cycle', () => {
    const loanId = book('collect');
    t.ok('loan-repay', { associationId: a, loanId, date: '2025-04-10', amount: '2,200' });
    t.ok('loan-repay', { associationId: a, loanId, date: '2025-05-10', amount: '2,200' });
    const grace = secondOfficer(t, a);
    const me = t.ok('user-sign-in-list', { associationId: a }).find((u) => u.name === 'Mukamana Aline')!;
    const before = tableCounts(t);
    for (const [confirmation, code] of [[undefined, 'confirmation-missing'], [{ userId: me.id, pin: TEST_PIN }, 'confirmation-same-person'], [{ ...grace, pin: '0000' }, 'pin-wrong']] as const) {
      const r = post(confirmation ? { confirmation } : {});
      expect(r.ok ? 'posted' : r.error.code).toBe(code);
    }
    expect({ ...tableCounts(t), users: 0, change_log: 0 }).toEqual({ ...before, users: 0, change_log: 0 });

    const done = t.ok('share-out-post', { associationId: a, cycleId, date: '2025-06-01', cashCount: { box: '10,400' }, confirmation: grace });
    expect(done.confirmedBy).toBe(SECOND_OFFICER.name);
    expect(done.members.map((m) => m.payout)).toEqual(['5100', '2500', '1500']);
    // Everyone's savings paid out; the box keeps the social fund, the 80 left by rounding and the 20 reserve.
    for (const id of ids) expect(balance('2010', id)).toBe('0');
    expect(balance('1010')).toBe(String(10_400 - 9_100));
    expect(balance('2020')).toBe('-1200');
    // The cycle's profit (200) is closed into the group fund, which paid the 100 shared beyond the savings
    // (9,100 − 9,000): it keeps the 80 left by rounding and the 20 reserve. Income and expenses start again at 0.
    expect(balance('3010')).toBe('-100');
    for (const account of ['4010', '4020', '5010']) expect(balance(account)).toBe('0');
    const tb = t.ok('trial-balance-get', { associationId: a });
    expect(tb.difference).toBe('0');
    expect(t.ok('journal-chain-verify', { associationId: a })).toMatchObject({ ok: true });
    expect(t.ok('journal-entry-list', { associationId: a }).at(-1)).toMatchObject({ kind: 'share-out', memo: 'Share-out of Cycle 2025' });

    // The cycle is closed: no second share-out, no more meetings or loans in it.
    const closed = tableCounts(t);
    const again = post({ confirmation: grace });
    expect(again.ok ? 'posted' : again.error.code).toBe('share-out-cycle-closed');
    const meeting = t.call('meeting-close', { associationId: a, date: '2025-05-20', rows: ids.map((memberId) => ({ memberId, attendance: 'present', shares: 1, socialFund: '200' })), cashCount: { box: '3,400' } });
    expect(meeting.ok ? 'closed' : meeting.error.code).toBe('cycle-closed');
    const loan = t.call('loan-apply', { associationId: a, memberId: ids[0]!, principal: '1,000', instalments: 1, date: '2025-05-20', purpose: 'x' });
    expect(loan.ok ? 'applied' : loan.error.code).toBe('cycle-closed');
    expect(tableCounts(t)).toEqual(closed);

    // The next cycle starts the day after; the 100 the group kept (80 left by rounding + 20 reserve) is in its pool.
    const next = t.ok('cycle-create', {
      associationId: a, name: 'Cycle 2025 B', startsOn: '2025-06-02', endsOn: '2026-05-31',
      rules: { savingMode: 'shares', sharePrice: '500', minShares: 0, maxShares: 5, socialFund: '200', shareOutRoundingUnit: '100' },
    }).id;
    t.ok('meeting-close', { associationId: a, date: '2025-06-06', rows: ids.map((memberId) => ({ memberId, attendance: 'present', shares: 1, socialFund: '200' })), cashCount: { box: '3,400' } });
    const draft = t.ok('share-out-preview', { associationId: a, cycleId: next, date: '2025-06-10' });
    expect(draft.working).toMatchObject({ savings: '1500', profit: '0', groupFund: '100', pool: '1600', socialFund: '1800' });
    expect(draft.members.map((m) => m.share)).toEqual(['500', '500', '500']);
    expect(draft.remainder).toBe('100');
  });

  it('takes the loan from the member’s part and closes it, when the rules net loans', () => {
    const loanId = book('net');
    t.ok('loan-repay', { associationId: a, loanId, date: '2025-04-10', amount: '2,200' });
    const owedBefore = t.ok('loan-get', { associationId: a, loanId });
    const done = t.ok('share-out-post', { associationId: a, cycleId, date: '2025-06-01', cashCount: { box: '8,200' }, confirmation: secondOfficer(t, a) });
    expect(done.members.map((m) => m.payout)).toEqual(['5100', '300', '1500']);
    expect(t.ok('loan-get', { associationId: a, loanId }).status).toBe('closed');
    expect(balance('1100')).toBe('0');
    // 200 of interest received, 200 taken from the part: 400, closed into the group fund with the rest of the cycle's income.
    expect(balance('4010')).toBe('0');
    expect(balance('3010')).toBe('-100');
    expect(balance('1010')).toBe(String(8_200 - 6_900));
    expect(t.ok('trial-balance-get', { associationId: a }).difference).toBe('0');

    // Reversed: the loan owes again exactly what it owed, open; done again, it is netted again.
    t.ok('share-out-reverse', { associationId: a, cycleId, reason: 'Wrong day', confirmation: secondOfficer(t, a) });
    const owedAfter = t.ok('loan-get', { associationId: a, loanId });
    expect(owedAfter).toMatchObject({ status: 'disbursed', closedOn: null });
    const owed = (l: typeof owedBefore) => [l.principalOutstanding, l.interestDue, l.penaltyDue, l.arrears];
    expect(owed(owedAfter)).toEqual(owed(owedBefore));
    expect(owed(owedBefore)[0]).toBe('2000');
    expect([balance('1100'), balance('1010')]).toEqual(['2000', '8200']);
    const again = t.ok('share-out-post', { associationId: a, cycleId, date: '2025-06-01', cashCount: { box: '8,200' }, confirmation: secondOfficer(t, a) });
    expect(again.members.map((m) => [m.loanNetted, m.payout])).toEqual([['0', '5100'], ['2200', '300'], ['0', '1500']]);
    expect(t.ok('loan-get', { associationId: a, loanId }).status).toBe('closed');
    expect(t.ok('journal-chain-verify', { associationId: a })).toMatchObject({ ok: true });
  });

  it('refuses, changing nothing: a loan unpaid when loans are collected first, a meeting after its date, a count off without a reason', () => {
    book('collect');
    const grace = secondOfficer(t, a);
    const before = tableCounts(t);
    const unpaid = post({ confirmation: grace, cashCount: { box: '6,000' } });
    expect(unpaid.ok ? 'posted' : [unpaid.error.code, unpaid.error.message]).toEqual(['share-out-loans-unpaid', expect.stringContaining('Member 2')]);
    const early = t.call('share-out-post', { associationId: a, cycleId, date: '2025-03-01', cashCount: { box: '5,600' }, confirmation: grace });
    expect(early.ok ? 'posted' : [early.error.code, early.error.field]).toEqual(['share-out-meetings-after', 'date']);
    const off = post({ confirmation: grace, cashCount: { box: '5,900' } });
    expect(off.ok ? 'posted' : [off.error.code, off.error.field]).toEqual(['share-out-count-reason', 'cashCount.reason']);
    expect(tableCounts(t)).toEqual(before);
  });

  it('keeps nothing of a share-out refused for a wrong confirming PIN but the wrong PIN counted, not even the cash difference it recorded first', () => {
    const loanId = book('collect');
    t.ok('loan-repay', { associationId: a, loanId, date: '2025-04-10', amount: '2,200' });
    t.ok('loan-repay', { associationId: a, loanId, date: '2025-05-10', amount: '2,200' });
    const grace = secondOfficer(t, a);
    const before = tableCounts(t);
    const r = post({ confirmation: { ...grace, pin: '0000' }, cashCount: { box: '10,300', reason: 'A note went missing' } });
    expect(r.ok ? 'posted' : [r.error.code, r.error.field]).toEqual(['pin-wrong', 'confirmation.pin']);
    // Only the refusal's trace: one more line of history, and the wrong PIN counted against Grace.
    expect(tableCounts(t)).toEqual({ ...before, change_log: before.change_log! + 1 });
    expect(t.server.ledger.sqlite.prepare('SELECT failed_attempts AS n FROM users WHERE id = ?').get(grace.userId)).toEqual({ n: 1 });
    expect(t.ok('account-balance-get', { associationId: a, account: '1010' }).balance).toBe('10400');
    expect(t.ok('ledger-health-get', {}).problems).toEqual([]);
  });
});

describe('a plain-savings group leaving part of the payout as next cycle’s savings', () => {
  // Member 1 saves 6,000 and Member 2 3,000 at one meeting; Member 2 pays a 300 fine. Pool 9,300,
  // divided by savings: 9,300 × 6,000/9,000 = 6,200 and 9,300 × 3,000/9,000 = 3,100.
  // Member 1 leaves 2,000 in the group: 4,200 and 3,100 are paid, 2,000 stays in the box as her savings.
  it('pays the rest, keeps what was left as savings, and the next cycle starts with it', () => {
    const { association, members } = smallBook(t, 2);
    a = association.id;
    ids = members.map((m) => m.id);
    cycleId = t.ok('cycle-create', {
      associationId: a, name: 'Savings 2025', startsOn: '2025-01-15', endsOn: '2025-12-31',
      rules: { savingMode: 'savings', fineLate: '300', shareOutRoundingUnit: '100' },
    }).id;
    t.ok('meeting-close', {
      associationId: a, date: '2025-02-07', cashCount: { box: '9,300' },
      rows: [{ memberId: ids[0]!, attendance: 'present', savings: '6,000' }, { memberId: ids[1]!, attendance: 'present', savings: '3,000', fineLate: '300' }],
    });
    const confirmation = secondOfficer(t, a);
    const post = (reinvest: object[]) => t.call('share-out-post', { associationId: a, cycleId, date: '2025-06-01', cashCount: { box: '9,300' }, reinvest, confirmation });
    const before = tableCounts(t);
    const tooMuch = post([{ memberId: ids[1]!, amount: '3,200' }]);
    expect(tooMuch.ok ? 'posted' : [tooMuch.error.code, tooMuch.error.field]).toEqual(['share-out-reinvest-above-payout', 'reinvest.0.amount']);
    expect(tableCounts(t)).toEqual(before);

    const done = post([{ memberId: ids[0]!, amount: '2,000' }]);
    if (!done.ok) throw new Error(done.error.message);
    expect(done.value.members.map((m: { share: string; payout: string }) => [m.share, m.payout])).toEqual([['6200', '6200'], ['3100', '3100']]);
    expect(done.value.reinvested).toEqual([{ memberId: ids[0], amount: '2000' }]);
    const balance = (account: string, memberId?: string) => t.ok('account-balance-get', { associationId: a, account, ...(memberId ? { memberId } : {}) }).balance;
    expect([balance('1010'), balance('2010', ids[0]), balance('2010', ids[1])]).toEqual(['2000', '-2000', '0']);
    expect(t.ok('trial-balance-get', { associationId: a }).difference).toBe('0');
    expect(t.ok('share-out-get', { associationId: a, cycleId })!.reinvested).toEqual([{ memberId: ids[0], amount: '2000' }]);

    const next = t.ok('cycle-create', { associationId: a, name: 'Savings 2025 B', startsOn: '2025-06-02', endsOn: '2026-05-31', rules: { savingMode: 'savings' } }).id;
    const draft = t.ok('share-out-preview', { associationId: a, cycleId: next, date: '2025-06-10' });
    expect(draft.members.map((m) => [m.savings, m.share])).toEqual([['2000', '2000'], ['0', '0']]);
  });

  it('is refused in a shares group, where members buy shares again at the next cycle’s first meeting', () => {
    const loanId = book('collect');
    t.ok('loan-repay', { associationId: a, loanId, date: '2025-04-10', amount: '2,200' });
    t.ok('loan-repay', { associationId: a, loanId, date: '2025-05-10', amount: '2,200' });
    const r = t.call('share-out-post', { associationId: a, cycleId, date: '2025-06-01', cashCount: { box: '10,400' }, reinvest: [{ memberId: ids[0]!, amount: '1,000' }], confirmation: secondOfficer(t, a) });
    expect(r.ok ? 'posted' : r.error.code).toBe('share-out-reinvest-shares');
  });
});

describe('a share-out done by mistake', () => {
  it('is reversed with a reason and a second officer, the books as before it, and done again', () => {
    const loanId = book('collect');
    t.ok('loan-repay', { associationId: a, loanId, date: '2025-04-10', amount: '2,200' });
    t.ok('loan-repay', { associationId: a, loanId, date: '2025-05-10', amount: '2,200' });
    const confirmation = secondOfficer(t, a);
    // Each account's balance (debit − credit): a reversal adds to both sides, and leaves the balance as it was.
    const balances = () => t.ok('trial-balance-get', { associationId: a, asOf: '2025-06-01' }).rows.map((r) => [r.code, String(BigInt(r.debit) - BigInt(r.credit))]);
    const before = balances();
    const first = t.ok('share-out-post', { associationId: a, cycleId, date: '2025-06-01', cashCount: { box: '10,400' }, confirmation });
    const alone = t.call('share-out-reverse', { associationId: a, cycleId, reason: 'Counted the shares wrong' });
    expect(alone.ok ? 'reversed' : alone.error.code).toBe('confirmation-missing');

    t.ok('share-out-reverse', { associationId: a, cycleId, reason: 'Counted the shares wrong', confirmation });
    expect(balances()).toEqual(before);
    expect(t.ok('cycle-list', { associationId: a }).find((c) => c.id === cycleId)).toMatchObject({ status: 'open', endsOn: '2025-12-31' });
    expect(t.ok('share-out-get', { associationId: a, cycleId })).toBeNull();
    const memo = t.ok('journal-entry-list', { associationId: a }).at(-1)!.memo;
    expect(memo).toBe(`Reversal of the share-out of Cycle 2025: Counted the shares wrong (confirmed by ${SECOND_OFFICER.name})`);

    // Done again, it stands; a second reversal after the next cycle has started is refused.
    const again = t.ok('share-out-post', { associationId: a, cycleId, date: '2025-06-01', cashCount: { box: '10,400' }, confirmation });
    expect(again.id).not.toBe(first.id);
    expect(t.ok('share-out-get', { associationId: a, cycleId })!.id).toBe(again.id);
    t.ok('cycle-create', { associationId: a, name: 'Next', startsOn: '2025-06-02', endsOn: '2026-05-31', rules: { savingMode: 'shares', sharePrice: '500' } });
    const late = t.call('share-out-reverse', { associationId: a, cycleId, reason: 'Too late', confirmation });
    expect(late.ok ? 'reversed' : late.error.code).toBe('share-out-next-cycle-started');
    expect(t.ok('trial-balance-get', { associationId: a }).difference).toBe('0');
    expect(t.ok('journal-chain-verify', { associationId: a })).toMatchObject({ ok: true });
  });
});

describe('a group that keeps its books in US dollars', () => {
  // Savings $10.50 and $5.25, a $0.75 fine: pool $16.50. Paid in whole dollars:
  // Member 1 16.50 × 10.50/15.75 = $11.00; Member 2 × 5.25/15.75 = $5.50 → $5; 50 cents left over.
  it('divides in cents and pays in whole dollars, stating the cents left over', () => {
    const { association, members } = smallBook(t, 2, 'USD');
    a = association.id;
    ids = members.map((m) => m.id);
    cycleId = t.ok('cycle-create', {
      associationId: a, name: 'Cycle 2025', startsOn: '2025-01-15', endsOn: '2025-12-31',
      rules: { savingMode: 'savings', fineLate: '0.75', shareOutRoundingUnit: '1.00' },
    }).id;
    t.ok('meeting-close', {
      associationId: a, date: '2025-02-07', cashCount: { box: '16.50' },
      rows: [{ memberId: ids[0]!, attendance: 'present', savings: '10.50' }, { memberId: ids[1]!, attendance: 'present', savings: '5.25', fineLate: '0.75' }],
    });
    const draft = t.ok('share-out-preview', { associationId: a, cycleId, date: '2025-06-01' });
    expect(draft.rules.roundingUnit).toBe('100');
    expect(draft.working.pool).toBe('1650');
    expect(draft.members.map((m) => [m.exact, m.share])).toEqual([['1100.00', '1100'], ['550.00', '500']]);
    expect(draft.remainder).toBe('50');
    const done = t.ok('share-out-post', { associationId: a, cycleId, date: '2025-06-01', cashCount: { box: '16.50' }, confirmation: secondOfficer(t, a) });
    expect(done.payments.map((p) => p.amount)).toEqual(['1100', '500']);
    expect(t.ok('account-balance-get', { associationId: a, account: '1010' }).balance).toBe('50');
  });
});

describe('what the pool counts of loans netted, and the share-out’s day', () => {
  // Member 1 saves 10,000, Member 2 500; Member 2 borrows 1,500 at 5 % a month flat over 2 months:
  // 150 of interest due by the share-out. Paid in 1,000 Frw notes, loans netted.
  // Member 2's part: 10,500 × 500/10,500 = 500 → 0: nothing can be taken from it, so the 150 is not
  // earned at the share-out and stays out of the pool: pool 10,500, Member 1 10,000, 500 left over.
  // (Counting the 150 made the pool 10,650 and the group fund pay interest nobody paid.)
  it('counts only the interest the parts really cover, and refuses a day after the cycle', () => {
    const { association, members } = smallBook(t, 2);
    a = association.id;
    ids = members.map((m) => m.id);
    cycleId = t.ok('cycle-create', {
      associationId: a, name: 'Cycle 2025', startsOn: '2025-01-15', endsOn: '2025-12-31',
      rules: { savingMode: 'savings', shareOutRoundingUnit: '1,000', shareOutLoans: 'net', loanMonthlyRatePercent: '5', loanMaxMultiple: '3' },
    }).id;
    t.ok('meeting-close', {
      associationId: a, date: '2025-02-07', cashCount: { box: '10,500' },
      rows: [{ memberId: ids[0]!, attendance: 'present', savings: '10,000' }, { memberId: ids[1]!, attendance: 'present', savings: '500' }],
    });
    const loan = t.ok('loan-apply', { associationId: a, memberId: ids[1]!, principal: '1,500', instalments: 2, date: '2025-02-10', purpose: 'Seeds' });
    t.ok('loan-approve', { associationId: a, loanId: loan.id, date: '2025-02-10' });
    t.ok('loan-disburse', { associationId: a, loanId: loan.id, date: '2025-02-10' });
    const draft = t.ok('share-out-preview', { associationId: a, cycleId, date: '2025-06-01' });
    expect(draft.working).toMatchObject({ interestNetted: '0', profit: '0', pool: '10500' });
    expect(draft.members.map((m) => [m.share, m.loanNetted, m.debtCarried])).toEqual([['10000', '0', '0'], ['0', '0', '1650']]);
    expect(draft.remainder).toBe('500');

    const late = t.call('share-out-preview', { associationId: a, cycleId, date: '2026-01-05' });
    expect(late.ok ? 'worked out' : [late.error.code, late.error.field]).toEqual(['share-out-after-cycle', 'date']);
  });
});
