// The journal: balanced entries only, reversals, balances as of a date, the hash
// chain, and the database's own refusal to rewrite history.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tableCounts, tempLedger, smallBook, type TestLedger, secondOfficer } from '../helpers/ledger';

let t: TestLedger;
beforeEach(() => {
  t = tempLedger();
});
afterEach(() => t.cleanup());

function balances(associationId: string, asOf?: string): Record<string, string> {
  const tb = t.ok('trial-balance-get', { associationId, ...(asOf ? { asOf } : {}) });
  return Object.fromEntries(tb.rows.map((r) => [r.code, r.balance]));
}

describe('posting', () => {
  it('records a worked example of a meeting and reports balances as of any date', () => {
    const { association, members } = smallBook(t, 2);
    const a = association.id;
    const [aline, eric] = members.map((m) => m.id);
    // 17 Jan: Aline saves 2,000 and Eric 1,500 into the box.
    t.ok('savings-brought-in', { associationId: a, date: '2025-01-17', members: [{ memberId: aline!, amount: '2,000' }, { memberId: eric!, amount: '1 500' }] });
    // 24 Jan: Eric pays a 200 fine; 500 of the box goes to the bank.
    t.ok('journal-entry-post', {
      associationId: a, date: '2025-01-24', memo: 'Fine and deposit',
      lines: [
        { account: '1010', debit: '200' },
        { account: '4020', credit: '200', memberId: eric },
        { account: '1020', debit: '500' },
        { account: '1010', credit: '500' },
      ],
    });

    expect(balances(a, '2025-01-20')).toMatchObject({ '1010': '3500', '1020': '0', '2010': '-3500', '4020': '0' });
    expect(balances(a)).toMatchObject({ '1010': '3200', '1020': '500', '2010': '-3500', '4020': '-200' });
    const tb = t.ok('trial-balance-get', { associationId: a });
    expect(tb.totalDebit).toBe('4200'); // 3,500 + 200 + 500
    expect(tb.totalCredit).toBe('4200');
    expect(tb.difference).toBe('0');
    expect(t.ok('member-savings-get', { associationId: a, memberId: aline! }).savings).toBe('2000');
    expect(t.ok('member-savings-get', { associationId: a, memberId: eric!, asOf: '2025-01-16' }).savings).toBe('0');
    expect(t.ok('account-balance-get', { associationId: a, account: '1010', asOf: '2025-01-17' }).balance).toBe('3500');
  });

  it('keeps USD cents exact', () => {
    const { association } = smallBook(t, 1, 'USD');
    t.ok('journal-entry-post', {
      associationId: association.id, date: '2025-02-01', memo: 'Three sales of 0.10',
      lines: [
        { account: '1010', debit: '0.10' }, { account: '1010', debit: '0.10' }, { account: '1010', debit: '0.10' },
        { account: '4040', credit: '0.30' },
      ],
    });
    expect(balances(association.id)['1010']).toBe('30');
  });

  const refusals: [string, (a: string, m: string) => object, string][] = [
    ['unbalanced', (a) => ({ associationId: a, date: '2025-02-01', memo: 'x', lines: [{ account: '1010', debit: '100' }, { account: '4090', credit: '90' }] }), 'entry-unbalanced'],
    ['one line', (a) => ({ associationId: a, date: '2025-02-01', memo: 'x', lines: [{ account: '1010', debit: '100' }] }), 'entry-too-few-lines'],
    ['both debit and credit', (a) => ({ associationId: a, date: '2025-02-01', memo: 'x', lines: [{ account: '1010', debit: '1', credit: '1' }, { account: '4090', credit: '1' }] }), 'entry-line-debit-or-credit'],
    ['savings without member', (a) => ({ associationId: a, date: '2025-02-01', memo: 'x', lines: [{ account: '1010', debit: '100' }, { account: '2010', credit: '100' }] }), 'account-kept-by-records'],
    ['unknown account', (a) => ({ associationId: a, date: '2025-02-01', memo: 'x', lines: [{ account: '9999', debit: '100' }, { account: '4090', credit: '100' }] }), 'account-code-unknown'],
    ['member of nobody', (a) => ({ associationId: a, date: '2025-02-01', memo: 'x', lines: [{ account: '1010', debit: '100' }, { account: '2020', memberId: '01900000-0000-7000-8000-000000000000', credit: '100' }] }), 'member-not-found'],
    ['fraction of a franc', (a, m) => ({ associationId: a, date: '2025-02-01', memo: 'x', lines: [{ account: '1010', debit: '100.5' }, { account: '2020', memberId: m, credit: '100.5' }] }), 'amount-no-minor-unit'],
    ['negative amount', (a, m) => ({ associationId: a, date: '2025-02-01', memo: 'x', lines: [{ account: '1010', debit: '-100' }, { account: '2020', memberId: m, credit: '-100' }] }), 'amount-negative'],
    ['before founding', (a, m) => ({ associationId: a, date: '2024-12-31', memo: 'x', lines: [{ account: '1010', debit: '100' }, { account: '2020', memberId: m, credit: '100' }] }), 'entry-before-founding'],
    ['in the future', (a, m) => ({ associationId: a, date: '2027-01-01', memo: 'x', lines: [{ account: '1010', debit: '100' }, { account: '2020', memberId: m, credit: '100' }] }), 'date-in-future'],
    ['not a date', (a, m) => ({ associationId: a, date: '2025-02-30', memo: 'x', lines: [{ account: '1010', debit: '100' }, { account: '2020', memberId: m, credit: '100' }] }), 'date-invalid'],
    ['no memo', (a, m) => ({ associationId: a, date: '2025-02-01', memo: '  ', lines: [{ account: '1010', debit: '100' }, { account: '2020', memberId: m, credit: '100' }] }), 'field-required'],
    ['extra field', (a, m) => ({ associationId: a, date: '2025-02-01', memo: 'x', approved: true, lines: [{ account: '1010', debit: '100' }, { account: '2020', memberId: m, credit: '100' }] }), 'field-unknown'],
  ];

  it.each(refusals)('refuses %s with a clear error and changes nothing', (_label, build, code) => {
    const { association, members } = smallBook(t, 1);
    const before = tableCounts(t);
    const r = t.call('journal-entry-post', build(association.id, members[0]!.id));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.messageKey).toBe(`errors.${code}`);
    expect(r.error.message).not.toMatch(/errors\.|undefined|\{\{/);
    expect(tableCounts(t)).toEqual(before);
  });

  it('names the field that is wrong', () => {
    const { association, members } = smallBook(t, 1);
    const r = t.call('journal-entry-post', {
      associationId: association.id, date: '2025-02-01', memo: 'x',
      lines: [{ account: '1010', debit: '100' }, { account: '2020', memberId: members[0]!.id, credit: '1OO' }],
    });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'amount-format', field: 'lines.1.credit', params: { text: '1OO' } });
  });
});

describe('reversal', () => {
  it('restores every balance, keeps the original, and cannot be repeated', () => {
    const { association, members } = smallBook(t, 1);
    const a = association.id;
    const before = balances(a);
    const entry = t.ok('journal-entry-post', {
      associationId: a, date: '2025-02-01', memo: 'Saved 700',
      lines: [{ account: '1010', debit: '700' }, { account: '2020', memberId: members[0]!.id, credit: '700' }],
    });
    const reversal = t.ok('journal-entry-reverse', { associationId: a, confirmation: secondOfficer(t, a), entryId: entry.id, date: '2025-02-08', reason: 'Wrong member' });
    expect(reversal.reversesEntryId).toBe(entry.id);
    expect(reversal.postings.map((p) => p.amount)).toEqual(['-700', '700']);
    expect(balances(a)).toEqual(before);
    // Between the two dates the original still stands, as it did then.
    expect(balances(a, '2025-02-05')['1010']).toBe('700');
    expect(t.ok('journal-entry-get', { associationId: a, entryId: entry.id }).reversedByEntryId).toBe(reversal.id);

    const again = t.call('journal-entry-reverse', { associationId: a, confirmation: secondOfficer(t, a), entryId: entry.id, reason: 'again' });
    expect(again.ok ? null : again.error.code).toBe('entry-already-reversed');
    const ofReversal = t.call('journal-entry-reverse', { associationId: a, confirmation: secondOfficer(t, a), entryId: reversal.id, reason: 'undo' });
    expect(ofReversal.ok ? null : ofReversal.error.code).toBe('entry-is-reversal');
    const early = t.call('journal-entry-reverse', { associationId: a, confirmation: secondOfficer(t, a), entryId: entry.id, date: '2025-01-31', reason: 'x' });
    expect(early.ok ? null : early.error.code).toBe('entry-already-reversed');
  });
});

describe('append-only history', () => {
  it('is enforced by the database itself, not only by the code', () => {
    const { association, members } = smallBook(t, 1);
    t.ok('journal-entry-post', {
      associationId: association.id, date: '2025-02-01', memo: 'Saved',
      lines: [{ account: '1010', debit: '700' }, { account: '2020', memberId: members[0]!.id, credit: '700' }],
    });
    const raw = t.server.ledger.sqlite;
    expect(() => raw.prepare("UPDATE journal_entries SET memo = 'changed'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM journal_entries').run()).toThrow(/append-only/);
    expect(() => raw.prepare('UPDATE postings SET amount = amount * 2').run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM postings').run()).toThrow(/append-only/);
    expect(() => raw.prepare("UPDATE change_log SET actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM change_log').run()).toThrow(/append-only/);
    expect(t.ok('journal-chain-verify', { associationId: association.id })).toMatchObject({ ok: true, entries: 1 });
  });

  it('logs who ran each command that changed something, and nothing for reads or refusals', () => {
    const { association } = smallBook(t, 2);
    t.ok('trial-balance-get', { associationId: association.id });
    t.call('member-add', { associationId: association.id, fullName: '', gender: 'female', joinedOn: '2025-01-10' });
    const log = t.server.ledger.sqlite.prepare('SELECT command, actor, role, channel, association_id AS a FROM change_log ORDER BY rowid').all();
    expect(log).toEqual([
      // The laptop's own history starts when the file is made (its seal covers the tables of no association).
      { command: 'ledger-seal', actor: 'Ikimina', role: null, channel: 'app', a: null },
      { command: 'association-create', actor: 'unknown', role: null, channel: 'test', a: association.id },
      { command: 'session-sign-in', actor: 'unknown', role: null, channel: 'test', a: association.id },
      { command: 'member-add', actor: 'Mukamana Aline', role: 'treasurer', channel: 'test', a: association.id },
      { command: 'member-add', actor: 'Mukamana Aline', role: 'treasurer', channel: 'test', a: association.id },
    ]);
  });
});
