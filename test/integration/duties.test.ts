// Duties kept apart (issue 12, item 5): a treasurer or chair who is also a member
// cannot approve their own loan; someone else with the right role can. A write-off
// and a correction need a second officer, signed in on the spot with her own PIN: not
// the person asking, not the borrower, not a reader, and not with a guessed PIN.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { door, lendingBook, SECOND_OFFICER, secondOfficer, tableCounts, TEST_PIN, tempLedger, type TestLedger } from '../helpers/ledger';

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

describe('a write-off', () => {
  function disbursedLoan(): string {
    const loan = t.ok('loan-apply', { associationId: a, memberId: aline, principal: '12,000', instalments: 3, date: '2025-03-01', purpose: 'Shop' });
    t.ok('loan-approve', { associationId: a, loanId: loan.id, date: '2025-03-01' });
    t.ok('loan-disburse', { associationId: a, loanId: loan.id, date: '2025-03-01' });
    return loan.id;
  }
  const users = () => t.ok('user-sign-in-list', { associationId: a });
  const failedAttemptsOf = (name: string) =>
    (t.server.ledger.sqlite.prepare('SELECT failed_attempts AS n FROM users WHERE name = ?').get(name) as { n: number }).n;

  it('is refused without a second officer, or with the wrong one, and nothing changes', () => {
    const loanId = disbursedLoan();
    const grace = secondOfficer(t, a);
    t.ok('user-create', { associationId: a, name: 'Member 1 (chair)', role: 'chair', memberId: aline, pin: '3916' });
    t.ok('user-create', { associationId: a, name: 'The officer', role: 'officer', pin: '4827' });
    const id = (name: string) => users().find((u) => u.name === name)!.id;
    const treasurer = id('Mukamana Aline');
    const writeOff = (confirmation?: unknown) =>
      t.call('loan-write-off', { associationId: a, loanId, date: '2025-09-01', reason: 'Moved away', ...(confirmation ? { confirmation } : {}) });
    const cases: [string, unknown, string, string][] = [
      ['no one', undefined, 'confirmation-missing', 'confirmation'],
      ['the treasurer herself', { userId: treasurer, pin: TEST_PIN }, 'confirmation-same-person', 'confirmation.userId'],
      ['the borrower, though a chair', { userId: id('Member 1 (chair)'), pin: '3916' }, 'confirmation-concerned', 'confirmation.userId'],
      ['a local-authority officer', { userId: id('The officer'), pin: '4827' }, 'confirmation-role', 'confirmation.userId'],
      ['someone of no user', { userId: '01890000-0000-7000-8000-000000000000', pin: '1234' }, 'confirmation-user-unknown', 'confirmation.userId'],
    ];
    for (const [label, confirmation, code, field] of cases) {
      const before = tableCounts(t);
      const r = writeOff(confirmation);
      expect([label, r.ok ? 'written off' : [r.error.code, r.error.field]]).toEqual([label, [code, field]]);
      expect(tableCounts(t)).toEqual(before);
    }
    // A wrong PIN counts against Grace (not the treasurer) and locks her after three, as at sign-in.
    for (let i = 1; i <= 3; i++) {
      const r = writeOff({ ...grace, pin: '0000' });
      expect(r.ok ? 'written off' : [r.error.code, r.error.field]).toEqual([i < 3 ? 'pin-wrong' : 'pin-wrong-locked', 'confirmation.pin']);
      expect(failedAttemptsOf(SECOND_OFFICER.name)).toBe(i);
    }
    expect(failedAttemptsOf('Mukamana Aline')).toBe(0);
    const locked = writeOff(grace);
    expect(locked.ok ? 'written off' : locked.error.code).toBe('user-locked');
    expect(t.ok('loan-get', { associationId: a, loanId }).status).toBe('disbursed');
  });

  it('is done when the second officer confirms, and the books say who did', () => {
    const loanId = disbursedLoan();
    const done = t.ok('loan-write-off', { associationId: a, loanId, date: '2025-09-01', reason: 'Moved away', confirmation: secondOfficer(t, a) });
    expect(done.status).toBe('written_off');
    const entry = t.ok('journal-entry-list', { associationId: a }).find((e) => e.kind === 'loan-write-off')!;
    expect(entry.memo).toBe(`Loan of Member 1 written off: Moved away (confirmed by ${SECOND_OFFICER.name})`);
    // The confirmer's PIN is nowhere in the change log.
    const log = t.server.ledger.sqlite.prepare("SELECT input_json AS input FROM change_log WHERE command = 'loan-write-off'").all() as { input: string }[];
    expect(log).toHaveLength(1);
    expect(log[0]!.input).not.toContain(SECOND_OFFICER.pin);
  });
});

describe('a reversal of an entry', () => {
  it('needs a second officer too', () => {
    const entry = t.ok('journal-entry-post', {
      associationId: a, date: '2025-02-02', memo: 'Padlock',
      lines: [{ account: '5010', debit: '1,000' }, { account: '1010', credit: '1,000' }],
    });
    const before = tableCounts(t);
    const alone = t.call('journal-entry-reverse', { associationId: a, entryId: entry.id, reason: 'Typed twice' });
    expect(alone.ok ? 'reversed' : alone.error.code).toBe('confirmation-missing');
    expect(tableCounts(t)).toEqual(before);
    const reversal = t.ok('journal-entry-reverse', { associationId: a, entryId: entry.id, reason: 'Typed twice', confirmation: secondOfficer(t, a) });
    expect(reversal.memo).toBe(`Reversal of #${entry.seq}: Typed twice (confirmed by ${SECOND_OFFICER.name})`);
  });
});
