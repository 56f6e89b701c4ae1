// One money shape (issue 12, item 3): every handler's result, on a ledger holding a
// cycle, a meeting, a loan being repaid, a grant, animals and a receipt, carries its
// amounts as strings of minor units. Every read handler is called here; a new one
// without a sample input fails the test until one is added. (Every result any other
// test sees is checked the same way, in test/helpers/ledger.ts.)

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allHandlers } from '../../electron/server/handlers';
import { ADMINISTRATOR, door, KABEZA, tempLedger, type TestLedger } from '../helpers/ledger';
import { buildGrantFixture, type GrantFixture } from '../helpers/grant-fixture';
import { numericMoneyFields } from '../helpers/money-shape';

let t: TestLedger;
let a: string;
let f: GrantFixture;
let loanId: string;
let cycleId: string;
let meetingId: string;
let entryId: string;
let evidenceId: string;

beforeAll(() => {
  t = tempLedger();
  a = door(() => t.server).ok('association-create', { ...KABEZA, administrator: { ...ADMINISTRATOR } }).id;
  t.signIn(a, KABEZA.treasurer.name);
  f = buildGrantFixture((name, input) => t.ok(name as never, input as never), a);
  cycleId = t.ok('cycle-create', {
    associationId: a, name: 'Cycle 1', startsOn: '2025-06-01', endsOn: '2026-12-31',
    rules: { savingMode: 'shares', sharePrice: '500', socialFund: '200', fineLate: '100', loanLatePenalty: '500', loanGuarantorsAbove: '100,000' },
  }).id;
  const rows = Object.values(f.m).map((memberId) => ({ memberId, attendance: 'present' as const, shares: 2, socialFund: '200' }));
  // The box as it was, plus 8 members × (2 shares × 500 + 200 social fund).
  const box = BigInt(t.ok('account-balance-get', { associationId: a, account: '1010', asOf: '2025-06-06' }).balance) + 9_600n;
  const bank = t.ok('account-balance-get', { associationId: a, account: '1020', asOf: '2025-06-06' }).balance;
  meetingId = t.ok('meeting-close', { associationId: a, date: '2025-06-06', rows, cashCount: { box: String(box), bank } }).id;
  const loan = t.ok('loan-apply', { associationId: a, memberId: f.m.uwase, principal: '2,000', instalments: 2, date: '2025-06-07', purpose: 'Seeds' });
  loanId = loan.id;
  t.ok('loan-approve', { associationId: a, loanId, date: '2025-06-07' });
  t.ok('loan-disburse', { associationId: a, loanId, date: '2025-06-07' });
  t.ok('loan-repay', { associationId: a, loanId, date: '2025-07-07', amount: '1,100' });
  entryId = t.ok('journal-entry-list', { associationId: a }).at(-1)!.id;
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString('base64');
  evidenceId = t.ok('evidence-attach', { associationId: a, spendingId: f.vetSpendingId, fileName: 'receipt.png', contentBase64: png }).id;
});
afterAll(() => t.cleanup());

/** A sample input for each read handler (the administrator's are called through their own door). */
function samples(): Record<string, unknown> {
  const one = f.animals[Object.keys(f.animals)[0]!]!;
  return {
    'association-get': { associationId: a }, 'association-summary-get': { associationId: a }, 'home-todo': { associationId: a }, 'home-fund-over-cycle': { associationId: a }, 'association-list': {}, 'session-get': {},
    'user-sign-in-list': { associationId: a }, 'user-list': { associationId: a }, 'member-get': { associationId: a, memberId: f.m.uwase },
    'member-list': { associationId: a }, 'member-savings-get': { associationId: a, memberId: f.m.uwase }, 'account-list': { associationId: a },
    'account-balance-get': { associationId: a, account: '1010' }, 'trial-balance-get': { associationId: a }, 'journal-entry-get': { associationId: a, entryId },
    'journal-entry-list': { associationId: a }, 'journal-chain-verify': { associationId: a }, 'audit-list': { associationId: a },
    'backup-create': { associationId: a }, 'backup-list': { associationId: a }, 'cycle-list': { associationId: a }, 'meeting-get': { associationId: a, meetingId },
    'meeting-list': { associationId: a }, 'share-out-preview': { associationId: a, cycleId, date: '2025-07-07' }, 'share-out-get': { associationId: a, cycleId }, 'cycle-opening': { associationId: a, cycleId }, 'statement-get': { associationId: a, kind: 'financial-position', asOf: '2025-07-07' },
    'member-exit-preview': { associationId: a, memberId: f.m.uwase, exitedOn: '2025-07-07' }, 'member-passbook-get': { associationId: a, memberId: f.m.uwase }, 'cash-book-get': { associationId: a },
    'loan-preview': { associationId: a, memberId: f.m.habimana, principal: '1,000', instalments: 2, date: '2025-07-07' }, 'loan-get': { associationId: a, loanId }, 'loan-terms-get': { associationId: a, date: '2025-07-07' },
    'loan-list': { associationId: a }, 'loan-portfolio-get': { associationId: a }, 'grant-list': { associationId: a },
    'grant-statement': { associationId: a, grantId: f.grantId }, 'spending-list': { associationId: a }, 'evidence-get': { associationId: a, evidenceId },
    'livestock-queue-list': { associationId: a }, 'livestock-list': { associationId: a }, 'livestock-get': { associationId: a, animalId: one },
    'livestock-tree': { associationId: a }, 'ledger-health-get': {}, 'administrator-list': {}, 'exchange-laptop-key': {}, 'coordinator-list': {},
  };
}

/** Reads that are not answered with books: signing out, the restores and inspections (which take a file), checking a statement's file. */
const NOT_BOOKS = new Set(['session-sign-out', 'backup-inspect', 'backup-restore', 'ledger-backup-inspect', 'ledger-backup-restore', 'statement-check', 'exchange-export',
  // Deleting a practice group answers its id and name (test/integration/practice.test.ts).
  'practice-delete',
  // A programme coordinator's (counts, fingerprints and an import's report: no amounts; test/integration/exchange.test.ts reads them).
  'exchange-import-progress', 'exchange-import-cancel', 'exchange-import-report', 'exchange-import-list', 'exchange-groups', 'exchange-conflicts', 'coordinator-open-group',
  'exchange-conflict-set-aside',
  // The programme's reads need a coordinator and imported books: their shape is checked by programme-indicators.test.ts (every call there is).
  'programme-view', 'programme-definitions', 'programme-export-data']);
const ADMINISTRATOR_READS = new Set(['ledger-backup-create', 'ledger-backup-list', 'ledger-check-run']);

describe('every amount in every result', () => {
  it('is found when it is a number (the check itself)', () => {
    expect(numericMoneyFields('x', { principal: 5, schedule: [{ payment: '1' }] })).toEqual(['x .principal']);
    expect(numericMoneyFields('x', { rules: { fines: { late: 100 } } })).toEqual(['x .rules.fines.late']);
    expect(numericMoneyFields('x', { principal: '5', members: 3, daysOverdue: 2 })).toEqual([]);
  });

  it('is a string of minor units, for every read handler on a full ledger', () => {
    const sample = samples();
    const reads = Object.entries(allHandlers).filter(([name, def]) => def.kind === 'read' && !NOT_BOOKS.has(name)).map(([name]) => name);
    const missing = reads.filter((name) => !(name in sample) && !ADMINISTRATOR_READS.has(name));
    expect(missing, 'read handlers without a sample input here').toEqual([]);
    const found: string[] = [];
    for (const name of reads.filter((n) => !ADMINISTRATOR_READS.has(n))) {
      const r = t.server.call(name as never, sample[name], { channel: 'test', locale: 'en', session: t.session });
      expect(r.ok ? 'ok' : `${name}: ${r.error.code}`).toBe('ok');
      if (r.ok) found.push(...numericMoneyFields(name, r.value));
    }
    t.asAdministrator((admin) => {
      for (const name of ADMINISTRATOR_READS) found.push(...numericMoneyFields(name, admin.ok(name as never, {} as never)));
    });
    expect(found).toEqual([]);
  });
});
