// Three groups for the programme's tests (issue 16), each kept on its own laptop and
// exported for the coordinator:
//   A — Abishyizehamwe, Huye/Tumba: a cycle from 15 January 2025, two meetings, one
//       loan repaid on its due day with its interest, one never repaid and written off in July;
//   B — Twiyubake, Nyamagabe/Gasaka: no cycle, 300,000 of savings brought in and the
//       district's livestock grant (grant-fixture.ts: cows and goats bought, calves
//       born, a goat dead, one sold, a calf passed on), its first grant report due
//       30 September 2025 and a grant-use statement exported on 1 March 2026;
//   C — Duterimbere, Gasabo/Remera: a cycle from 1 February 2025, a member who left in
//       March, a meeting whose cash count was 100 short; its laptop's last file was
//       written on 20 June 2025 — the group left the programme then.
// The figures they give are worked by hand in test/integration/programme-indicators.test.ts.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { KABEZA, secondOfficer, smallBook, tempLedger, type TestLedger } from './ledger';
import { buildGrantFixture } from './grant-fixture';
import { runAsyncCommand } from '../../electron/server/async-commands';

export interface ProgrammeFixture {
  readonly ids: Record<'A' | 'B' | 'C', string>;
  /** The three groups' exported files, in the order A, B, C. */
  readonly files: readonly string[];
  readonly cleanup: () => void;
}

/** What the box holds by the books on a day (raw SQL: the test's own count). */
function box(t: TestLedger, associationId: string, asOf: string): bigint {
  return BigInt(t.server.ledger.sqlite.prepare(`SELECT coalesce(sum(p.amount), 0) FROM postings p JOIN accounts x ON x.id = p.account_id
    WHERE p.association_id = ? AND x.code = '1010' AND p.entry_date <= ?`).pluck().get(associationId, asOf) as number);
}

function meeting(t: TestLedger, associationId: string, date: string, rows: { memberId: string; savings?: string; socialFund?: string }[], absent: string[], short = 0n) {
  const paid = rows.reduce((s, r) => s + BigInt((r.savings ?? '0').replace(',', '')) + BigInt((r.socialFund ?? '0').replace(',', '')), 0n);
  t.ok('meeting-close', {
    associationId, date,
    cashCount: { box: String(box(t, associationId, date) + paid - short), ...(short ? { reason: 'Counted twice: 100 short' } : {}) },
    rows: [...rows.map((r) => ({ attendance: 'present' as const, ...r })), ...absent.map((memberId) => ({ memberId, attendance: 'absent' as const }))],
  });
}

function exportInto(t: TestLedger, associationId: string, out: string): string {
  return t.ok('exchange-export', { associationId, folder: out }).file;
}

/** Builds the three groups on their laptops and exports each into `out`. */
export async function buildProgrammeFixture(out: string): Promise<ProgrammeFixture> {
  mkdirSync(out, { recursive: true });
  const laptops: TestLedger[] = [];
  const ids: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };

  // A: four members (women: Member 1 and Member 3), one cycle, two loans.
  const a = tempLedger();
  laptops.push(a);
  const { association: assocA, members: mA } = smallBook(a, 4);
  const A = (ids.A = assocA.id);
  const [a1, a2, a3, a4] = mA.map((m) => m.id) as [string, string, string, string];
  a.ok('cycle-create', { associationId: A, name: 'Cycle 2025', startsOn: '2025-01-15', endsOn: '2025-12-31', rules: { savingMode: 'savings', socialFund: '200' } });
  meeting(a, A, '2025-02-07', [a1, a2, a3, a4].map((memberId) => ({ memberId, savings: '1,000', socialFund: '200' })), []);
  const lend = (memberId: string, principal: string) => {
    const loan = a.ok('loan-apply', { associationId: A, memberId, principal, instalments: 1, date: '2025-02-10', purpose: 'Seeds' });
    a.ok('loan-approve', { associationId: A, loanId: loan.id, date: '2025-02-10' });
    a.ok('loan-disburse', { associationId: A, loanId: loan.id, date: '2025-02-10' });
    return loan.id as string;
  };
  const unpaid = lend(a1, '2,000');
  const early = lend(a3, '1,500');
  meeting(a, A, '2025-03-07', [a1, a2, a3].map((memberId) => ({ memberId, savings: '1,000', socialFund: '200' })), [a4]);
  // Flat 5 % a month, one monthly instalment: 1,500 + 75 of interest, paid the day it falls due.
  a.ok('loan-repay', { associationId: A, loanId: early, date: '2025-03-10', amount: '1,575' });
  a.ok('loan-write-off', { associationId: A, loanId: unpaid, date: '2025-07-15', reason: 'Moved away; nothing to recover', confirmation: secondOfficer(a, A) });

  // B: the grant fixture's eight members (four women) and its herd; no cycle.
  const b = tempLedger();
  laptops.push(b);
  const assocB = b.ok('association-create', { ...KABEZA, name: 'Twiyubake', district: 'Nyamagabe', sector: 'Gasaka' });
  b.signIn(assocB.id, KABEZA.treasurer.name);
  const B = (ids.B = assocB.id);
  const { grantId } = buildGrantFixture((name, input) => b.ok(name as never, input as never), B);
  const statement = await runAsyncCommand(b.server, 'statement-export', {
    associationId: B, kind: 'grant-use', grantId, asOf: '2026-02-28', format: 'csv', file: join(out, 'grant-use'),
  }, { channel: 'test', locale: 'en', session: b.session });
  if (!statement.ok) throw new Error(statement.error.code);

  // C: three members (women: Member 1 and Member 3); its laptop's clock says 20 June 2025 when it last exports.
  const cLaptop = tempLedger({ now: () => new Date('2025-06-20T10:00:00Z') });
  laptops.push(cLaptop);
  const assocC = cLaptop.ok('association-create', { ...KABEZA, name: 'Duterimbere', province: 'Kigali City', district: 'Gasabo', sector: 'Remera' });
  cLaptop.signIn(assocC.id, KABEZA.treasurer.name);
  const C = (ids.C = assocC.id);
  const mC = [0, 1, 2].map((i) => cLaptop.ok('member-add', { associationId: C, fullName: `Member ${i + 1}`, gender: i % 2 === 0 ? 'female' : 'male', joinedOn: '2025-01-10' }).id as string);
  cLaptop.ok('cycle-create', { associationId: C, name: 'Cycle 2025-2026', startsOn: '2025-02-01', endsOn: '2026-01-31', rules: { savingMode: 'savings' } });
  meeting(cLaptop, C, '2025-02-14', mC.map((memberId) => ({ memberId, savings: '500' })), []);
  cLaptop.ok('member-exit', { associationId: C, memberId: mC[1]!, exitedOn: '2025-03-20', reason: 'Moved to Kigali town' });
  meeting(cLaptop, C, '2025-05-16', [mC[0]!, mC[2]!].map((memberId) => ({ memberId, savings: '500' })), [], 100n);

  return {
    ids,
    files: [exportInto(a, ids.A, out), exportInto(b, ids.B, out), exportInto(cLaptop, ids.C, out)],
    cleanup: () => laptops.forEach((t) => t.cleanup()),
  };
}
