// A group's bank / mobile money account is rarely counted at a meeting: the treasurer
// counts the box. A bank left out of the count keeps the books' balance — it is not
// "counted as zero", which asked for a reason and then posted the whole bank balance
// as a cash difference (a grant of 50,000 in the bank read as 50,000 lost).

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secondOfficer, smallBook, tempLedger, type TestLedger } from '../helpers/ledger';

let t: TestLedger;
beforeEach(() => {
  t = tempLedger();
});
afterEach(() => t.cleanup());

describe('a count that leaves the bank out', () => {
  it('keeps the bank as the books have it, at a meeting and at the share-out', () => {
    const { association, members } = smallBook(t, 2);
    const a = association.id;
    const cycleId = t.ok('cycle-create', { associationId: a, name: 'Year', startsOn: '2025-01-15', endsOn: '2025-12-31', rules: { savingMode: 'savings' } }).id;
    t.ok('grant-create', { associationId: a, grantor: 'District', reference: 'G-1', date: '2025-01-20', amount: '50,000', purpose: 'livestock', receivedInto: 'bank' });
    const balance = (account: string) => t.ok('account-balance-get', { associationId: a, account }).balance;
    const meeting = t.ok('meeting-close', {
      associationId: a, date: '2025-02-07', cashCount: { box: '3,000' },
      rows: members.map((m) => ({ memberId: m.id, attendance: 'present', savings: '1,500' })),
    });
    expect(meeting.bank).toMatchObject({ expected: '50000', counted: '50000', difference: '0' });
    expect([balance('1020'), balance('5040')]).toEqual(['50000', '0']);
    // Counted, and different, it still needs a reason.
    const off = t.call('meeting-close', { associationId: a, date: '2025-02-14', cashCount: { box: '3,000', bank: '49,000' }, rows: members.map((m) => ({ memberId: m.id, attendance: 'present' })) });
    expect(off.ok ? 'closed' : off.error.code).toBe('cash-difference-needs-reason');

    const done = t.ok('share-out-post', { associationId: a, cycleId, date: '2025-06-01', cashCount: { box: '3,000' }, confirmation: secondOfficer(t, a) });
    expect(done.members.map((m) => m.payout)).toEqual(['1500', '1500']);
    expect([balance('1020'), balance('5040'), balance('1010')]).toEqual(['50000', '0', '0']);
  });
});
