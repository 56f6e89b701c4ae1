// Duties kept apart (issue 12, item 5): a treasurer or chair who is also a member
// cannot approve their own loan; someone else with the right role can.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { door, lendingBook, tableCounts, tempLedger, type TestLedger } from '../helpers/ledger';

let t: TestLedger;
let a: string;
let aline: string;

beforeEach(() => {
  t = tempLedger();
  ({ associationId: a, memberId: aline } = lendingBook(t));
});
afterEach(() => t.cleanup());

describe('a loan’s approval', () => {
  it('is refused to the borrower, even as chair, and left to someone else', () => {
    // The member "Member 1" is also the group's chair, with her own PIN.
    t.ok('user-create', { associationId: a, name: 'Member 1 (chair)', role: 'chair', memberId: aline, pin: '3916' });
    const applied = t.ok('loan-apply', { associationId: a, memberId: aline, principal: '10,000', instalments: 3, date: '2025-03-01', purpose: 'Seeds' });
    const chair = door(() => t.server);
    const users = chair.ok('user-sign-in-list', { associationId: a });
    chair.ok('session-sign-in', { associationId: a, userId: users.find((u) => u.name === 'Member 1 (chair)')!.id, pin: '3916' });
    const before = tableCounts(t);
    const own = chair.call('loan-approve', { associationId: a, loanId: applied.id, date: '2025-03-02' });
    expect(own.ok ? 'approved' : [own.error.code, own.error.field]).toEqual(['loan-own-approval', 'loanId']);
    expect({ ...tableCounts(t), change_log: 0 }).toEqual({ ...before, change_log: 0 });
    // The treasurer, who is not the borrower, approves it.
    expect(t.ok('loan-approve', { associationId: a, loanId: applied.id, date: '2025-03-02' }).status).toBe('approved');
  });
});
