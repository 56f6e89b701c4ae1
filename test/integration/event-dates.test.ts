// One rule for the day an event happened (issue 12, item 4): no write records an
// event after today, checked once by the registry for every write; a loan approved
// with a mistyped date can be withdrawn, with a reason, and the member may apply again.

import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allHandlers } from '../../electron/server/handlers';
import { PINNED_NOW, lendingBook, tableCounts, tempLedger, type TestLedger } from '../helpers/ledger';

let t: TestLedger;
let a: string;
let aline: string;

beforeEach(() => {
  t = tempLedger();
  ({ associationId: a, memberId: aline } = lendingBook(t));
});
afterEach(() => t.cleanup());

/** Dates in a write's input that are not the day its event happened: plans and deadlines. */
const NOT_EVENTS = new Set(['cycle-create.startsOn', 'cycle-create.endsOn', 'cycle-rules-change.effectiveFrom', 'grant-create.reportingDates']);

describe('the day an event happened', () => {
  it('is named for every write that records one, so the registry checks it', () => {
    const unchecked: string[] = [];
    const seen: string[] = [];
    for (const [name, def] of Object.entries(allHandlers)) {
      if (def.kind !== 'write') continue;
      const schema = z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, { pattern?: string; items?: { pattern?: string } }> };
      // A date field is one whose text must look like YYYY-MM-DD (alone or in a list).
      const isDate = (p: { pattern?: string; items?: { pattern?: string } }) => [p.pattern, p.items?.pattern].some((x) => x?.includes('\\d{4}-'));
      const dates = Object.entries(schema.properties ?? {}).filter(([, p]) => isDate(p)).map(([key]) => key);
      for (const key of dates) seen.push(`${name}.${key}`);
      const event = (def as { eventDate?: string }).eventDate ?? 'date';
      for (const key of dates) if (key !== event && !NOT_EVENTS.has(`${name}.${key}`)) unchecked.push(`${name}.${key}`);
    }
    expect(unchecked).toEqual([]);
    // The search finds the dates it must: the event dates and the plans alike.
    expect(seen).toEqual(expect.arrayContaining(['meeting-close.date', 'member-add.joinedOn', 'association-create.foundedOn', 'cycle-create.endsOn', 'loan-approve.date']));
  });

  it('cannot be after today, whichever write records it — the approval of a loan included', () => {
    const applied = t.ok('loan-apply', { associationId: a, memberId: aline, principal: '10,000', instalments: 3, date: '2025-03-01', purpose: 'Seeds' });
    const tomorrow = new Date(PINNED_NOW.getTime() + 86_400_000 * 1.5).toISOString().slice(0, 10);
    const before = tableCounts(t);
    for (const [name, input, field] of [
      ['loan-approve', { associationId: a, loanId: applied.id, date: '2062-03-01' }, 'date'],
      ['loan-approve', { associationId: a, loanId: applied.id, date: tomorrow }, 'date'],
      ['member-add', { associationId: a, fullName: 'Later Member', gender: 'female', joinedOn: '2062-01-01' }, 'joinedOn'],
      ['member-exit', { associationId: a, memberId: aline, exitedOn: '2062-01-01', reason: 'Moved' }, 'exitedOn'],
      ['journal-entry-post', { associationId: a, date: '2062-01-01', memo: 'x', lines: [{ account: '1010', debit: '1' }, { account: '3010', credit: '1' }] }, 'date'],
    ] as const) {
      const r = t.call(name, input);
      expect(`${name}: ${r.ok ? 'accepted' : `${r.error.code} (${r.error.field})`}`).toBe(`${name}: date-in-future (${field})`);
    }
    expect(tableCounts(t)).toEqual(before);
  });
});

describe('withdrawing a loan before it is paid out', () => {
  it('clears an approval made by mistake, so the member can apply again; says why and who', () => {
    const applied = t.ok('loan-apply', { associationId: a, memberId: aline, principal: '10,000', instalments: 3, date: '2025-03-01', purpose: 'Seeds' });
    t.ok('loan-approve', { associationId: a, loanId: applied.id, date: '2025-03-02' });
    // One loan at a time: the approved one blocks a new application.
    const blocked = t.call('loan-apply', { associationId: a, memberId: aline, principal: '5,000', instalments: 2, date: '2025-03-05', purpose: 'Seeds' });
    expect(blocked.ok ? 'applied' : blocked.error.code).toBe('loan-already-open');
    const noReason = t.call('loan-cancel', { associationId: a, loanId: applied.id, date: '2025-03-05', reason: '' });
    expect(noReason.ok ? 'withdrawn' : noReason.error.field).toBe('reason');
    const withdrawn = t.ok('loan-cancel', { associationId: a, loanId: applied.id, date: '2025-03-05', reason: 'Approved for the wrong amount' });
    expect(withdrawn).toMatchObject({ status: 'cancelled', cancelReason: 'Approved for the wrong amount', cancelledBy: 'Mukamana Aline', closedOn: '2025-03-05' });
    const again = t.ok('loan-apply', { associationId: a, memberId: aline, principal: '5,000', instalments: 2, date: '2025-03-05', purpose: 'Seeds' });
    expect(again.status).toBe('applied');
    // Nothing was paid out, so nothing was posted for it; a withdrawn loan cannot be paid out.
    const disburse = t.call('loan-disburse', { associationId: a, loanId: applied.id, date: '2025-03-06' });
    expect(disburse.ok ? 'paid' : disburse.error.code).toBe('loan-not-approved');
  });

  it('is refused once the money was paid out (that is a write-off or a repayment)', () => {
    const applied = t.ok('loan-apply', { associationId: a, memberId: aline, principal: '10,000', instalments: 3, date: '2025-03-01', purpose: 'Seeds' });
    t.ok('loan-approve', { associationId: a, loanId: applied.id, date: '2025-03-01' });
    t.ok('loan-disburse', { associationId: a, loanId: applied.id, date: '2025-03-01' });
    const r = t.call('loan-cancel', { associationId: a, loanId: applied.id, date: '2025-03-05', reason: 'Changed our mind' });
    expect(r.ok ? 'withdrawn' : r.error.code).toBe('loan-not-cancellable');
  });
});
