// Home as a to-do list (issue 17): on the grant fixture's association with a loan left
// unpaid, the list says what needs doing on 1 March 2026 — worked out here by hand —
// and refuses someone who may not read the books.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { door, smallBook, tempLedger, type TestLedger } from '../helpers/ledger';
import { buildGrantFixture, GRANT, type GrantFixture } from '../helpers/grant-fixture';

let t: TestLedger;
let a: string;
let f: GrantFixture;

beforeEach(() => {
  t = tempLedger();
  a = smallBook(t, 0).association.id;
  f = buildGrantFixture((name, input) => t.ok(name as never, input as never), a);
});

afterEach(() => t.cleanup());

describe('home-todo', () => {
  it('lists the overdue loan with the member’s number, the receipts missing, the grant reports, the pass-on queue and the meeting due', () => {
    t.ok('cycle-create', { associationId: a, name: 'Cycle 2025', startsOn: '2025-01-15', endsOn: '2026-12-31', rules: { savingMode: 'savings', loanMaxMultiple: '3' } });
    t.ok('meeting-close', {
      associationId: a, date: '2026-02-13', cashCount: { box: String(255_000 + 65_000 + 2 * 1000) },
      rows: Object.values(f.m).map((memberId, i) => (i < 2 ? { memberId, attendance: 'present' as const, savings: '1,000' } : { memberId, attendance: 'absent' as const })),
    });
    const loan = t.ok('loan-apply', { associationId: a, memberId: f.m.habimana, principal: '2,000', instalments: 1, date: '2026-01-05', purpose: 'Seeds' });
    t.ok('loan-approve', { associationId: a, loanId: loan.id, date: '2026-01-05' });
    t.ok('loan-disburse', { associationId: a, loanId: loan.id, date: '2026-01-05' });
    t.ok('livestock-queue-add', { associationId: a, memberId: f.m.kalisa, date: '2026-02-11' });
    const todo = t.ok('home-todo', { associationId: a });
    expect(todo.today).toBe('2026-03-01');
    // 2,000 at 5 % a month flat, one instalment due 5 February: 2,100 owed, 24 days late on 1 March.
    expect(todo.loansOverdue).toEqual([{ loanId: loan.id, memberNo: 2, name: 'Habimana Jean', daysOverdue: 24, arrears: '2100' }]);
    // Eight animals bought and a vet bill, none with a receipt attached.
    expect(todo.receiptsMissing.map((r: { description: string }) => r.description)).toHaveLength(9);
    expect(todo.receiptsMissing.every((r: { amount: string }) => /^\d+$/.test(r.amount))).toBe(true);
    // The report of 30 September 2025 was never sent; the one of 31 March 2026 is due within 30 days.
    expect(todo.reports.map((r: { date: string; overdue: boolean }) => [r.date, r.overdue])).toEqual([[GRANT.reportingDates[0], true], [GRANT.reportingDates[1], false]]);
    // Uwimana Diane was served on 10 February; Kalisa Samuel waits.
    expect(todo.passOnWaiting).toEqual([{ memberId: f.m.kalisa, memberNo: 8, name: 'Kalisa Samuel', position: 1, since: '2026-02-11' }]);
    // Weekly meetings; the last on 13 February, 16 days ago.
    expect(todo.lastMeeting).toEqual({ date: '2026-02-13', days: 16, due: true });
    expect(todo.backup).toEqual({ at: null, stale: true });
  });

  it('drops a receipt once attached; a member of the group may not read the list', async () => {
    const before = t.ok('home-todo', { associationId: a });
    t.ok('evidence-attach', { associationId: a, spendingId: f.vetSpendingId, fileName: 'vet.jpg', contentBase64: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]).toString('base64') });
    const after = t.ok('home-todo', { associationId: a });
    expect(after.receiptsMissing).toHaveLength(before.receiptsMissing.length - 1);
    expect(after.receiptsMissing.map((r: { spendingId: string }) => r.spendingId)).not.toContain(f.vetSpendingId);
    const member = t.ok('user-create', { associationId: a, name: 'Uwase Claudine', role: 'member', memberId: f.m.uwase, pin: '4826' });
    const asMember = door(() => t.server);
    asMember.ok('session-sign-in', { associationId: a, userId: member.id, pin: '4826' });
    const refused = asMember.call('home-todo', { associationId: a });
    expect(refused.ok || refused.error.code).toBe('role-refused');
  });

  it('still lists what needs doing when the backups folder cannot be read, and asks for a backup', () => {
    // A file where the backups folder should be: the automatic backups fail (the health warning says so); Home still works.
    writeFileSync(join(t.dir, 'backups'), 'not a folder');
    const todo = t.ok('home-todo', { associationId: a });
    expect(todo.backup).toEqual({ at: null, stale: true });
    expect(todo.receiptsMissing.length).toBeGreaterThan(0);
  });
});
