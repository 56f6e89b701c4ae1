// What the books write is data, shown in the reader's language (issue 12, item 6).
// A group's year — the district grant and its herd, savings brought in, a meeting with
// a cash difference, a loan repaid and another written off, a member who left, an
// entry reversed — is read back as the screens read it (cash book, journal, meeting
// minutes, spendings, the grant statement, the history) in Kinyarwanda and French:
// no sentence the server makes in English may appear, and no coded memo may leak.
// The same reads in English hold those sentences, so the test can fail.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KABEZA, secondOfficer, tempLedger, type TestLedger } from '../helpers/ledger';
import { buildGrantFixture, type GrantFixture } from '../helpers/grant-fixture';
import { ERROR_CATALOGS } from '../../electron/server/messages/render';
import type { UiLocale } from '../../electron/server/locale/numbers';

let t: TestLedger;
let a: string;
let f: GrantFixture;
let meetingId: string;
const TYPED = 'Padlock for the box — bought at Huye market';

beforeAll(() => {
  t = tempLedger();
  a = t.ok('association-create', { ...KABEZA }).id;
  t.signIn(a, KABEZA.treasurer.name);
  f = buildGrantFixture((name, input) => t.ok(name as never, input as never), a);
  const members = Object.values(f.m);
  t.ok('cycle-create', {
    associationId: a, name: 'Cycle 1', startsOn: '2025-01-15', endsOn: '2026-12-31',
    rules: { savingMode: 'shares', sharePrice: '500', minShares: 0, maxShares: 5, loanMethod: 'flat', loanMonthlyRatePercent: '5', loanFrequency: 'monthly', loanMaxInstalments: 12, loanMaxMultiple: '3' },
  });
  // A loan repaid in part at a meeting, another written off with the chair's confirmation.
  const confirmation = secondOfficer(t, a);
  const lend = (memberId: string, principal: string) => {
    const loan = t.ok('loan-apply', { associationId: a, memberId, principal, instalments: 3, date: '2026-02-12', purpose: 'Seeds' });
    t.ok('loan-approve', { associationId: a, loanId: loan.id, date: '2026-02-12' });
    t.ok('loan-disburse', { associationId: a, loanId: loan.id, date: '2026-02-12' });
    return loan.id as string;
  };
  lend(f.m.uwase, '30,000');
  const lost = lend(f.m.habimana, '10,000');
  t.ok('loan-write-off', { associationId: a, loanId: lost, date: '2026-02-14', reason: 'Moved to Kampala', confirmation });
  // A meeting where the box held 500 more than the sheet says.
  const box = BigInt(t.ok('account-balance-get', { associationId: a, account: '1010' }).balance);
  const rows = members.map((memberId) => ({ memberId, attendance: 'present' as const, shares: 2, ...(memberId === f.m.uwase ? { loanRepayment: '11,500' } : {}) }));
  const collected = BigInt(members.length * 2 * 500 + 11_500);
  meetingId = t.ok('meeting-close', { associationId: a, date: '2026-02-20', rows, cashCount: { box: String(box + collected + 500n), reason: 'A member paid a fine not on the sheet' } }).id;
  // A member leaves and is paid out; a hand-made entry is reversed.
  t.ok('member-exit', { associationId: a, memberId: f.m.kalisa, exitedOn: '2026-02-21', reason: 'Moved away' });
  const typed = t.ok('journal-entry-post', { associationId: a, date: '2026-02-22', memo: TYPED, lines: [{ account: '5010', debit: '3,000' }, { account: '1010', credit: '3,000' }] });
  t.ok('journal-entry-reverse', { associationId: a, entryId: typed.id, date: '2026-02-23', reason: 'Paid from the social fund instead', confirmation });
});
afterAll(() => t?.cleanup());

/** Everything the screens read, as the reader's language gives it. */
function screensIn(locale: UiLocale): string[] {
  const read = (name: string, input: Record<string, unknown>) => {
    const r = t.call(name as never, input as never, { locale });
    if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
    return r.value as unknown;
  };
  const results = [
    read('cash-book-get', { associationId: a, account: 'box' }),
    read('cash-book-get', { associationId: a, account: 'bank' }),
    read('journal-entry-list', { associationId: a, limit: 500 }),
    read('meeting-get', { associationId: a, meetingId }),
    read('spending-list', { associationId: a }),
    read('grant-statement', { associationId: a, grantId: f.grantId }),
    read('audit-list', { associationId: a, limit: 500 }),
    read('member-passbook-get', { associationId: a, memberId: f.m.uwase }),
  ];
  const strings: string[] = [];
  // Account names are the group's own chart (English defaults, renamed by the group);
  // screens name accounts by their purpose in the reader's language.
  const walk = (v: unknown) => {
    if (typeof v === 'string') strings.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.entries(v).forEach(([key, value]) => key !== 'accountName' && walk(value));
  };
  walk(results);
  return strings;
}

/** The English words of every memo sentence the server makes: the parts between its placeholders. */
const englishPhrases = Object.entries(ERROR_CATALOGS.en)
  .filter(([key]) => key.startsWith('memo.') && !key.startsWith('memo.species.'))
  .flatMap(([, template]) => template.split(/\{\{\w+\}\}/))
  .map((part) => part.replace(/^[\s:;,().#]+|[\s:;,().#]+$/g, ''))
  .filter((part) => part.includes(' ') && part.length >= 8);

describe('memos the server writes', () => {
  it('are read in English by an English reader (the check below can fail)', () => {
    const text = screensIn('en').join('\n');
    for (const phrase of ['Collected at the meeting', 'Cash box count difference', 'Loan of Habimana Jean written off: Moved to Kampala (confirmed by Uwimana Grace)',
      'Savings paid out to Kalisa Samuel, who left', 'Grant from Huye District (HUYE/AGR/2025/014)', 'Savings brought in from before these books']) {
      expect(text).toContain(phrase);
    }
  });

  it.each(['rw', 'fr'] as const)('hold no English sentence and no code when read in %s', (locale) => {
    const strings = screensIn(locale);
    const leaks = strings.filter((s) => englishPhrases.some((phrase) => s.includes(phrase)) || s.startsWith('{"m":'));
    expect(leaks).toEqual([]);
    // What a person typed stays exactly as typed, in every language.
    expect(strings).toContain(TYPED);
  });

  it('say the same thing in each language, with its dates and plurals', () => {
    const memo = (locale: UiLocale) => {
      const r = t.call('journal-entry-list', { associationId: a, limit: 500 }, { locale });
      return r.ok ? r.value.find((e: { kind: string }) => e.kind === 'meeting')!.memo : '';
    };
    expect(memo('en')).toBe('Meeting of 20 February 2026');
    expect(memo('fr')).toBe('Réunion du 20 février 2026');
    expect(memo('rw')).toMatch(/^Inama yo ku wa 20 /);
  });
});
