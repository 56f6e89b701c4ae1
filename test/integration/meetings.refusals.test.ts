// Meetings refused: each bad grid, date, cash count or caller gets one clear error
// naming the field, and nothing at all is written — no meeting, no version, no
// attendance, no contribution, no entry, no change-log row; the trial balance is
// exactly what it was. Then: rules changed from a date apply from that date only.
//
// The book: 5 members joined 2025-01-10; cycle 2025-01-15 … 2025-12-31, share price
// 500, 1–5 shares, social fund 200. One meeting already closed on 2025-02-07: each
// member 2 shares (1,000) + 200 social fund → 5 × 1,200 = 6,000 in the box.
// The grid under test is for 2025-02-14, the same again: box 6,000 + 6,000 = 12,000.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tableCounts, tempLedger, smallBook, TEST_PIN, type TestLedger, secondOfficer } from '../helpers/ledger';
import type { ErrorResult, Result } from '../../electron/server/contract';

interface Row {
  memberId: string;
  attendance: 'present' | 'absent' | 'represented';
  shares?: number;
  savings?: string;
  socialFund?: string;
  fineLate?: string;
  fineAbsent?: string;
}
interface CloseInput {
  associationId: string;
  date: string;
  rows: Row[];
  cashCount: { box: string; bank?: string; reason?: string };
}

const UNKNOWN_MEMBER = '01900000-0000-7000-8000-000000000000';

let t: TestLedger;
let a: string;
let ids: string[];
let cycleId: string;
let firstMeetingId: string;
let joinerId: string;

const rowsFor = (memberIds: readonly string[], shares = 2): Row[] => memberIds.map((memberId) => ({ memberId, attendance: 'present', shares, socialFund: '200' }));

/** A good meeting on 2025-02-14, for a case to spoil. */
function goodClose(): CloseInput {
  return { associationId: a, date: '2025-02-14', rows: rowsFor(ids), cashCount: { box: '12,000' } };
}

/** Everything a refused meeting command must leave untouched. */
function state() {
  const sqlite = t.server.ledger.sqlite;
  const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const tb = t.ok('trial-balance-get', { associationId: a });
  return {
    ...tableCounts(t),
    meetings: count('meetings'),
    meeting_versions: count('meeting_versions'),
    attendance: count('attendance'),
    contributions: count('contributions'),
    cycle_rules: count('cycle_rules'),
    trial: tb.rows.map((r) => `${r.code} ${r.balance}`),
    difference: tb.difference,
  };
}

function refusal(r: Result<unknown>): ErrorResult {
  if (r.ok) throw new Error('expected a refusal, but the call was accepted');
  return r.error;
}

function expectClear(error: ErrorResult, code: string, field?: string) {
  expect(error.code).toBe(code);
  if (field !== undefined) expect(error.field).toBe(field);
  expect(error.messageKey).toBe(`errors.${code}`);
  // The message is a finished sentence: no raw key, no placeholder left unfilled.
  expect(error.message).not.toMatch(/errors\.|undefined|\{\{|“”/);
}

let confirmation: { userId: string; pin: string };

beforeEach(() => {
  t = tempLedger({ now: () => new Date('2026-03-01T09:00:00Z') });
  const book = smallBook(t, 5);
  a = book.association.id;
  ids = book.members.map((m) => m.id);
  confirmation = secondOfficer(t, a);
  cycleId = t.ok('cycle-create', {
    associationId: a, name: 'Cycle 2025', startsOn: '2025-01-15', endsOn: '2025-12-31',
    rules: { savingMode: 'shares', sharePrice: '500', minShares: 1, maxShares: 5, socialFund: '200', fineLate: '100', fineAbsent: '300' },
  }).id;
  const first = t.ok('meeting-close', { associationId: a, date: '2025-02-07', rows: rowsFor(ids), cashCount: { box: '6,000' } });
  expect(first.totals.total).toBe('6000');
  firstMeetingId = first.id;
});
afterEach(() => t.cleanup());

type Case = [label: string, spoil: (input: CloseInput) => void, code: string, field: string | undefined, setup?: () => void];

const cases: Case[] = [
  ['negative shares', (i) => { i.rows[3]!.shares = -1; }, 'shares-negative', 'rows.3.shares'],
  ['a fraction of a share', (i) => { i.rows[3]!.shares = 1.5; }, 'shares-not-whole', 'rows.3.shares'],
  ['shares as text', (i) => { (i.rows[3] as unknown as { shares: string }).shares = '2'; }, 'shares-not-whole', 'rows.3.shares'],
  ['more than the most shares (6 > 5)', (i) => { i.rows[3]!.shares = 6; }, 'shares-above-max', 'rows.3.shares'],
  ['a present member buying no share (0 < 1)', (i) => { i.rows[3]!.shares = 0; }, 'shares-below-min', 'rows.3.shares'],
  ['a represented member buying no share', (i) => { i.rows[3] = { ...i.rows[3]!, attendance: 'represented', shares: 0 }; }, 'shares-below-min', 'rows.3.shares'],
  ['a present member with shares left out', (i) => { delete i.rows[3]!.shares; }, 'shares-below-min', 'rows.3.shares'],
  ['an unknown member', (i) => { i.rows[3]!.memberId = UNKNOWN_MEMBER; }, 'member-not-found', 'rows.3.memberId'],
  ['a member id that is not an id', (i) => { i.rows[3]!.memberId = 'member-4'; }, 'id-invalid', 'rows.3.memberId'],
  ['a member listed twice', (i) => { i.rows.push({ ...i.rows[0]! }); }, 'meeting-member-twice', 'rows.5.memberId'],
  ['an absent member buying shares', (i) => { i.rows[3] = { ...i.rows[3]!, attendance: 'absent', shares: 2 }; }, 'absent-member-saving', 'rows.3.attendance'],
  ['an attendance that does not exist', (i) => { (i.rows[3] as unknown as { attendance: string }).attendance = 'late'; }, 'attendance-invalid', 'rows.3.attendance'],
  ['a plain saving in a shares group', (i) => { i.rows[3]!.savings = '1,000'; }, 'group-saves-in-shares', 'rows.3.savings'],
  ['a negative social fund', (i) => { i.rows[3]!.socialFund = '-200'; }, 'amount-negative', 'rows.3.socialFund'],
  ['a fine with cents in RWF', (i) => { i.rows[3]!.fineLate = '100.50'; }, 'amount-no-minor-unit', 'rows.3.fineLate'],
  ['a fine that is not a number', (i) => { i.rows[3]!.fineAbsent = '3OO'; }, 'amount-format', 'rows.3.fineAbsent'],
  ['a meeting the day before the cycle starts', (i) => { i.date = '2025-01-14'; }, 'meeting-outside-cycle', 'date'],
  ['a meeting after the cycle ended', (i) => { i.date = '2026-01-05'; }, 'meeting-outside-cycle', 'date'],
  ['a meeting tomorrow', (i) => { i.date = '2026-03-02'; }, 'date-in-future', 'date'],
  ['a date that is not a date', (i) => { i.date = '2025-02-30'; }, 'date-invalid', 'date'],
  ['a second meeting on 2025-02-07', (i) => { i.date = '2025-02-07'; }, 'meeting-date-taken', 'date'],
  ['a box count of 12,5,00', (i) => { i.cashCount.box = '12,5,00'; }, 'amount-format', 'cashCount.box'],
  ['a box count of abc', (i) => { i.cashCount.box = 'abc'; }, 'amount-format', 'cashCount.box'],
  ['an empty box count', (i) => { i.cashCount.box = '  '; }, 'amount-empty', 'cashCount.box'],
  ['a negative box count', (i) => { i.cashCount.box = '-12,000'; }, 'amount-negative', 'cashCount.box'],
  ['a bank count of abc', (i) => { i.cashCount.bank = 'abc'; }, 'amount-format', 'cashCount.bank'],
  ['a box 500 short without a reason', (i) => { i.cashCount.box = '11,500'; }, 'cash-difference-needs-reason', 'cashCount.reason'],
  ['a box 500 over with a blank reason', (i) => { i.cashCount = { box: '12,500', reason: '   ' }; }, 'cash-difference-needs-reason', 'cashCount.reason'],
  ['a bank count the books do not expect, without a reason', (i) => { i.cashCount.bank = '500'; }, 'cash-difference-needs-reason', 'cashCount.reason'],
  ['an unknown field in a row', (i) => { (i.rows[3] as unknown as Record<string, unknown>).loan = '5,000'; }, 'field-unknown', undefined],
  // 41 digits: longer than any amount may be typed. The message must still say what was typed.
  ['a box count too long to be an amount', (i) => { i.cashCount.box = '1'.repeat(41); }, 'amount-format', 'cashCount.box'],
  [
    'a member who left on 2025-02-10',
    () => undefined,
    'member-exited',
    'rows.3.memberId',
    () => {
      t.ok('member-exit', { associationId: a, memberId: ids[3]!, exitedOn: '2025-02-10', reason: 'Moved away', settle: true });
    },
  ],
  [
    'a member who joins only on 2025-03-01',
    (i) => { i.rows.push({ memberId: joinerId, attendance: 'present', shares: 1 }); },
    'member-not-yet-joined',
    'rows.5.memberId',
    () => {
      joinerId = t.ok('member-add', { associationId: a, fullName: 'Late joiner', gender: 'male', joinedOn: '2025-03-01' }).id;
    },
  ],
];

describe('meeting-close refuses bad input and writes nothing', () => {
  it.each(cases)('refuses %s', (_label, spoil, code, field, setup) => {
    setup?.();
    const input = goodClose();
    spoil(input);
    const before = state();
    const error = refusal(t.call('meeting-close', input));
    expectClear(error, code, field);
    expect(state()).toEqual(before);
    expect(t.ok('meeting-list', { associationId: a }).map((m) => m.date)).toEqual(['2025-02-07']);
  });

  it('accepts the unspoiled grid (so each refusal above is down to its one change)', () => {
    const v = t.ok('meeting-close', goodClose());
    // 5 × (2 × 500 + 200) = 6,000; box 6,000 + 6,000 = 12,000.
    expect(v.totals).toMatchObject({ shares: 10, savings: '5000', socialFund: '1000', total: '6000' });
    expect(v.box).toEqual({ opening: '6000', moneyIn: '6000', expected: '12000', counted: '12000', difference: '0' });
  });

  it('accepts an absent member with no shares and an absent fine, and a member left out as absent', () => {
    const input = goodClose();
    input.rows[3] = { memberId: ids[3]!, attendance: 'absent', shares: 0, fineAbsent: '300' };
    input.rows.pop(); // member 5 not listed
    // 3 × 1,200 + 300 = 3,900; box 6,000 + 3,900 = 9,900.
    input.cashCount.box = '9,900';
    const v = t.ok('meeting-close', input);
    expect(v.totals).toMatchObject({ shares: 6, fines: '300', total: '3900' });
    expect([v.present, v.absent, v.represented]).toEqual([3, 2, 0]);
  });

  it('refuses an officer, who may read but not record', () => {
    t.ok('user-create', { associationId: a, name: 'The officer', role: 'officer', pin: TEST_PIN });
    t.signIn(a, 'The officer');
    const before = state();
    expectClear(refusal(t.call('meeting-close', goodClose())), 'role-refused');
    expectClear(refusal(t.call('meeting-correct', { associationId: a, confirmation, meetingId: firstMeetingId, reason: 'x', rows: rowsFor(ids, 1) })), 'role-refused');
    expectClear(refusal(t.call('cycle-rules-change', { associationId: a, cycleId, effectiveFrom: '2025-06-01', rules: { savingMode: 'shares', sharePrice: '1,000' } })), 'role-refused');
    expect(state()).toEqual(before);
    // Reading is allowed.
    expect(t.ok('meeting-get', { associationId: a, meetingId: firstMeetingId }).version).toBe(1);
  });
});

describe('meeting-correct refuses bad input and leaves the meeting as it was', () => {
  const corrections: [string, (rows: Row[]) => Row[], string, string][] = [
    ['more than the most shares', (rows) => { rows[2]!.shares = 6; return rows; }, 'shares-above-max', 'rows.2.shares'],
    ['an absent member buying shares', (rows) => { rows[2]!.attendance = 'absent'; return rows; }, 'absent-member-saving', 'rows.2.attendance'],
    ['a member listed twice', (rows) => [...rows, { ...rows[1]! }], 'meeting-member-twice', 'rows.5.memberId'],
    ['an unknown member', (rows) => { rows[0]!.memberId = UNKNOWN_MEMBER; return rows; }, 'member-not-found', 'rows.0.memberId'],
  ];
  it.each(corrections)('refuses %s', (_label, spoil, code, field) => {
    const meetingBefore = t.ok('meeting-get', { associationId: a, meetingId: firstMeetingId });
    const before = state();
    const error = refusal(t.call('meeting-correct', { associationId: a, confirmation, meetingId: firstMeetingId, reason: 'Typing slip', rows: spoil(rowsFor(ids)) }));
    expectClear(error, code, field);
    expect(state()).toEqual(before);
    expect(t.ok('meeting-get', { associationId: a, meetingId: firstMeetingId })).toEqual(meetingBefore);
  });

  it('refuses a correction without a reason', () => {
    const before = state();
    expectClear(refusal(t.call('meeting-correct', { associationId: a, confirmation, meetingId: firstMeetingId, reason: '  ', rows: rowsFor(ids, 3) })), 'field-required', 'reason');
    expect(state()).toEqual(before);
  });

  it('refuses an unknown meeting', () => {
    const before = state();
    expectClear(refusal(t.call('meeting-correct', { associationId: a, confirmation, meetingId: UNKNOWN_MEMBER, reason: 'x', rows: rowsFor(ids) })), 'meeting-not-found', 'meetingId');
    expect(state()).toEqual(before);
  });
});

describe('rules changed from a date', () => {
  const newRules = { savingMode: 'shares', sharePrice: '1,000', minShares: 1, maxShares: 5, socialFund: '200', fineLate: '100', fineAbsent: '300' } as const;

  it('cannot start on or before the last meeting held', () => {
    const before = state();
    for (const effectiveFrom of ['2025-02-07', '2025-02-01', '2025-01-15']) {
      const error = refusal(t.call('cycle-rules-change', { associationId: a, cycleId, effectiveFrom, rules: newRules }));
      expectClear(error, 'rules-before-last-meeting', 'effectiveFrom');
      expect(error.params).toMatchObject({ date: '2025-02-07' });
    }
    expect(state()).toEqual(before);
    expect(t.ok('cycle-list', { associationId: a })[0]!.rules).toHaveLength(1);
  });

  it('cannot start outside the cycle or on the date of another version', () => {
    const before = state();
    expectClear(refusal(t.call('cycle-rules-change', { associationId: a, cycleId, effectiveFrom: '2026-01-01', rules: newRules })), 'rules-outside-cycle', 'effectiveFrom');
    expect(state()).toEqual(before);
    t.ok('cycle-rules-change', { associationId: a, cycleId, effectiveFrom: '2025-03-01', rules: newRules });
    const again = state();
    expectClear(refusal(t.call('cycle-rules-change', { associationId: a, cycleId, effectiveFrom: '2025-03-01', rules: newRules })), 'rules-same-date', 'effectiveFrom');
    expect(state()).toEqual(again);
  });

  it('apply to later meetings only: a meeting before keeps the old share price, one after uses the new', () => {
    const cycle = t.ok('cycle-rules-change', { associationId: a, cycleId, effectiveFrom: '2025-03-01', rules: newRules });
    expect(cycle.rules.map((v) => [v.effectiveFrom, v.rules.sharePrice])).toEqual([['2025-01-15', '500'], ['2025-03-01', '1000']]);

    // 2025-02-14, before the change: 5 × (2 × 500 + 200) = 6,000; box 6,000 + 6,000 = 12,000.
    const before = t.ok('meeting-close', goodClose());
    expect(before.totals).toMatchObject({ shares: 10, savings: '5000', socialFund: '1000', total: '6000' });
    expect(before.rows[0]).toMatchObject({ shares: 2, savings: '1000', total: '1200' });

    // 2025-02-28, the day before: still the old price.
    const dayBefore = t.ok('meeting-close', { associationId: a, date: '2025-02-28', rows: rowsFor(ids, 1), cashCount: { box: '15,500' } });
    // 5 × (1 × 500 + 200) = 3,500; box 12,000 + 3,500 = 15,500.
    expect(dayBefore.totals).toMatchObject({ shares: 5, savings: '2500', total: '3500' });

    // 2025-03-07, after: 5 × (2 × 1,000 + 200) = 11,000; box 15,500 + 11,000 = 26,500.
    const after = t.ok('meeting-close', { associationId: a, date: '2025-03-07', rows: rowsFor(ids), cashCount: { box: '26,500' } });
    expect(after.totals).toMatchObject({ shares: 10, savings: '10000', socialFund: '1000', total: '11000' });
    expect(after.rows[0]).toMatchObject({ shares: 2, savings: '2000', total: '2200' });
    expect(after.box).toMatchObject({ opening: '15500', expected: '26500', difference: '0' });

    // Correcting the first meeting (2025-02-07) later still uses the rules of its date: 3 shares × 500.
    const corrected = t.ok('meeting-correct', { associationId: a, confirmation, meetingId: firstMeetingId, reason: 'Everyone bought 3', rows: rowsFor(ids, 3) });
    // 5 × (3 × 500 + 200) = 8,500 against 6,000 counted: 2,500 short now.
    expect(corrected.totals).toMatchObject({ shares: 15, savings: '7500', total: '8500' });
    expect(corrected.box).toEqual({ opening: '0', moneyIn: '8500', expected: '8500', counted: '6000', difference: '-2500' });

    // Member 1: 3 × 500 + 2 × 500 + 1 × 500 + 2 × 1,000 = 1,500 + 1,000 + 500 + 2,000 = 5,000.
    const pb = t.ok('member-passbook-get', { associationId: a, memberId: ids[0]! });
    expect(pb).toMatchObject({ sharesHeld: 8, savingsBalance: '5000' });
    expect(pb.rows.map((r) => r.saved)).toEqual(['1500', '1000', '500', '2000']);
    expect(t.ok('trial-balance-get', { associationId: a }).difference).toBe('0');
    // And under the new rules a 6th share is still refused, as the maximum did not change.
    const sixth = refusal(t.call('meeting-close', { associationId: a, date: '2025-03-14', rows: [{ memberId: ids[0]!, attendance: 'present', shares: 6 }], cashCount: { box: '26,500' } }));
    expectClear(sixth, 'shares-above-max', 'rows.0.shares');
  });

  it('can change the limits: under a new maximum of 3, 4 shares are refused after the date but accepted before', () => {
    t.ok('cycle-rules-change', { associationId: a, cycleId, effectiveFrom: '2025-03-01', rules: { ...newRules, sharePrice: '500', maxShares: 3 } });
    const rows = rowsFor(ids, 4);
    const before = state();
    // 5 × (4 × 500 + 200) = 11,000 → box 17,000 on 2025-02-14 (old rules: up to 5).
    const late = refusal(t.call('meeting-close', { associationId: a, date: '2025-03-07', rows, cashCount: { box: '17,000' } }));
    expectClear(late, 'shares-above-max', 'rows.0.shares');
    expect(late.params).toMatchObject({ max: 3 });
    expect(state()).toEqual(before);
    const early = t.ok('meeting-close', { associationId: a, date: '2025-02-14', rows, cashCount: { box: '17,000' } });
    expect(early.totals).toMatchObject({ shares: 20, total: '11000' });
  });
});
