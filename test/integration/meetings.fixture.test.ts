// The hand-computed fixture: a 25-member group over 6 meetings with shares, social
// fund, fines, an absent and a represented member, a mid-cycle joiner and an exit,
// a cash shortage, a surplus explained by a correction. Every figure asserted below
// was worked out by hand from the story (the arithmetic is in the comments), never
// read back from the code's output.
//
// The story (RWF, no minor unit: '1500' is 1,500 Frw)
//   Association founded 2025-01-10; members 1–24 join 2025-01-10; member 25 joins
//   2025-03-01. Cycle 2025-01-15 … 2025-12-31: share price 500, 1–5 shares, social
//   fund 200, entrance fee 1,000, fines late 100 / absent 300.
//   Shares: member k at meeting j buys s(k, j) = ((k + j) mod 5) + 1 shares. Any five
//   consecutive members buy 1+2+3+4+5 = 15 shares, so members 1–25 buy 75 and
//   members 1–24 buy 75 − s(25, j) = 75 − ((j mod 5) + 1).
//   Every member who comes pays the social fund, 200.
//   M1 2025-02-07  all 24 present.
//   M2 2025-02-14  member 3 absent (0 shares, no social fund, absent fine 300);
//                  member 4 represented (pays as usual).
//   M3 2025-02-21  member 5 late (fine 100); member 7 is typed with 1 share but paid 3:
//                  the box counts 1,000 over, recorded with a reason (corrected later).
//   M4 2025-02-28  all 24 present; the box counts 500 short, with a reason.
//   2025-03-01     member 10 exits, savings paid out of the box; member 25 joins.
//   M5 2025-03-07  23 of the first 24 (not 10) + member 25, who pays the entrance fee.
//   M6 2025-03-14  as M5; member 1 late (fine 100).
//   2026-03-01     (today) M3 corrected: member 7 had 3 shares.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PINNED_NOW, secondOfficer, smallBook, tableCounts, tempLedger, type TestLedger } from '../helpers/ledger';
import type { MeetingView, MemberView, Passbook, Result, TrialBalance } from '../../electron/server/contract';

type Attendance = 'present' | 'absent' | 'represented';
interface GridRowInput {
  memberId: string;
  attendance: Attendance;
  shares?: number;
  socialFund?: string;
  entranceFee?: string;
  fineLate?: string;
  fineAbsent?: string;
}

const DATES = ['2025-02-07', '2025-02-14', '2025-02-21', '2025-02-28', '2025-03-07', '2025-03-14'] as const;

let t: TestLedger;
let a: string;
/** Member ids by member number (1-based; index 0 unused). */
const m: string[] = [];
/** Meeting ids by meeting number (1-based). */
const meetingIds: string[] = [];
/** Snapshots taken along the way, before later events changed the picture. */
const snap = {} as {
  closed: Record<number, MeetingView>;
  m3BeforeCorrection: MeetingView;
  member7BeforeCorrection: Passbook;
  member10SavingsBeforeExit: string;
  exitView: MemberView;
  m4WithJoiner: Result<unknown>;
  m5WithExited: Result<unknown>;
  countsAroundRefusals: [Record<string, number>, Record<string, number>][];
  correctionView: MeetingView;
  tbBeforeCorrection: TrialBalance;
};
snap.closed = {};

/** The input grid of meeting j for members `ks`, shares by the pattern unless overridden. */
function grid(j: number, ks: number[], overrides: Record<number, Partial<GridRowInput>> = {}): GridRowInput[] {
  return ks.map((k) => ({
    memberId: m[k]!,
    attendance: 'present' as Attendance,
    shares: ((k + j) % 5) + 1,
    socialFund: '200',
    ...overrides[k],
  }));
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const FIRST_24 = range(1, 24);
const AFTER_EXIT = [...range(1, 24).filter((k) => k !== 10), 25];

function close(j: number, rows: GridRowInput[], box: string, reason?: string): MeetingView {
  const view = t.ok('meeting-close', { associationId: a, date: DATES[j - 1]!, rows, cashCount: { box, ...(reason ? { reason } : {}) } });
  meetingIds[j] = view.id;
  snap.closed[j] = view;
  return view;
}

const passbook = (k: number) => t.ok('member-passbook-get', { associationId: a, memberId: m[k]! });
const meeting = (j: number) => t.ok('meeting-get', { associationId: a, meetingId: meetingIds[j]! });

beforeAll(() => {
  expect(PINNED_NOW.toISOString()).toBe('2026-03-01T09:00:00.000Z');
  t = tempLedger({ now: () => new Date('2026-03-01T09:00:00Z') });
  const book = smallBook(t, 24);
  a = book.association.id;
  book.members.forEach((member, i) => {
    m[i + 1] = member.id;
    expect(member.memberNo).toBe(i + 1);
  });
  t.ok('cycle-create', {
    associationId: a, name: 'Cycle 2025', startsOn: '2025-01-15', endsOn: '2025-12-31',
    rules: { savingMode: 'shares', sharePrice: '500', minShares: 1, maxShares: 5, socialFund: '200', entranceFee: '1,000', fineLate: '100', fineAbsent: '300' },
  });

  close(1, grid(1, FIRST_24), '41,300');
  close(2, grid(2, FIRST_24, { 3: { attendance: 'absent', shares: 0, socialFund: undefined, fineAbsent: '300' }, 4: { attendance: 'represented' } }), '81,700');
  close(3, grid(3, FIRST_24, { 5: { fineLate: '100' } }), '123,100', '1,000 more in the box than recorded; not explained at the meeting');
  snap.m3BeforeCorrection = meeting(3);

  // Member 25 is registered now, joining 2025-03-01: not yet a member at meeting 4.
  const joiner = t.ok('member-add', { associationId: a, fullName: 'Member 25', gender: 'female', joinedOn: '2025-03-01' });
  m[25] = joiner.id;
  snap.countsAroundRefusals = [];
  let before = tableCounts(t);
  snap.m4WithJoiner = t.call('meeting-close', { associationId: a, date: DATES[3], rows: grid(4, [...FIRST_24, 25]), cashCount: { box: '162,900' } });
  snap.countsAroundRefusals.push([before, tableCounts(t)]);
  close(4, grid(4, FIRST_24), '162,400', '500 missing from the box at the count');

  snap.member10SavingsBeforeExit = t.ok('member-savings-get', { associationId: a, memberId: m[10]! }).savings;
  snap.exitView = t.ok('member-exit', { associationId: a, memberId: m[10]!, exitedOn: '2025-03-01', reason: 'Moved to Kigali', settle: true });

  // Member 10 has left: a meeting that still lists them is refused.
  before = tableCounts(t);
  snap.m5WithExited = t.call('meeting-close', { associationId: a, date: DATES[4], rows: grid(5, [...FIRST_24, 25]), cashCount: { box: '198,200' } });
  snap.countsAroundRefusals.push([before, tableCounts(t)]);
  close(5, grid(5, AFTER_EXIT, { 25: { entranceFee: '1,000' } }), '198,200');
  close(6, grid(6, AFTER_EXIT, { 1: { fineLate: '100' } }), '239,600');

  snap.member7BeforeCorrection = passbook(7);
  snap.tbBeforeCorrection = t.ok('trial-balance-get', { associationId: a });
  const confirmation = secondOfficer(t, a);
  snap.correctionView = t.ok('meeting-correct', {
    associationId: a, confirmation, meetingId: meetingIds[3]!, reason: 'Member 7 paid 3 shares, not 1',
    rows: grid(3, FIRST_24, { 5: { fineLate: '100' }, 7: { shares: 3 } }),
  });
});
afterAll(() => t?.cleanup());
// Every command kept the seal current row by row: it matches the books read whole
// (after-hooks run last-registered first, so this runs before the cleanup above).
afterAll(() => {
  if (t) expect(t.server.checkFully().problems).toEqual([]);
});

const ZERO_BANK = { opening: '0', moneyIn: '0', expected: '0', counted: '0', difference: '0' };

describe('meeting totals and cash counts, each worked out by hand', () => {
  it('meeting 1: all 24 present', () => {
    const v = snap.closed[1]!;
    // Shares: members 1–24 buy 75 − s(25,1) = 75 − 2 = 73; savings 73 × 500 = 36,500.
    // Social fund 24 × 200 = 4,800. Total 36,500 + 4,800 = 41,300.
    expect(v.totals).toEqual({ shares: 73, savings: '36500', socialFund: '4800', entranceFee: '0', fines: '0', loanRepayment: '0', total: '41300' });
    expect([v.present, v.absent, v.represented]).toEqual([24, 0, 0]);
    expect(v.rows).toHaveLength(24);
    // Box: nothing before; 0 + 41,300 expected, 41,300 counted.
    expect(v.box).toEqual({ opening: '0', moneyIn: '41300', expected: '41300', counted: '41300', difference: '0' });
    expect(v.bank).toEqual(ZERO_BANK);
    expect(v.differenceReason).toBeNull();
    expect(v.version).toBe(1);
  });

  it('meeting 2: member 3 absent with a fine, member 4 represented', () => {
    const v = snap.closed[2]!;
    // Shares 75 − s(25,2) = 75 − 3 = 72, less member 3's s(3,2) = 1 → 71; 71 × 500 = 35,500.
    // Social fund 23 × 200 = 4,600. Fines: 300. Total 35,500 + 4,600 + 300 = 40,400.
    expect(v.totals).toEqual({ shares: 71, savings: '35500', socialFund: '4600', entranceFee: '0', fines: '300', loanRepayment: '0', total: '40400' });
    expect([v.present, v.absent, v.represented]).toEqual([22, 1, 1]);
    // Box: 41,300 before + 40,400 = 81,700, counted exactly.
    expect(v.box).toEqual({ opening: '41300', moneyIn: '40400', expected: '81700', counted: '81700', difference: '0' });
    const row = (k: number) => v.rows.find((r) => r.memberId === m[k]);
    expect(row(3)).toMatchObject({ memberNo: 3, attendance: 'absent', shares: 0, savings: '0', socialFund: '0', fines: '300', total: '300' });
    // Member 4: s(4,2) = (6 mod 5) + 1 = 2 shares = 1,000; + 200 = 1,200.
    expect(row(4)).toMatchObject({ memberNo: 4, attendance: 'represented', shares: 2, savings: '1000', socialFund: '200', fines: '0', total: '1200' });
  });

  it('meeting 3 as first closed: a late fine and 1,000 over in the box', () => {
    const v = snap.closed[3]!;
    // Shares 75 − s(25,3) = 75 − 4 = 71 (member 7 typed with s(7,3) = 1); 71 × 500 = 35,500.
    // Social fund 24 × 200 = 4,800; fines 100. Total 35,500 + 4,800 + 100 = 40,400.
    expect(v.totals).toEqual({ shares: 71, savings: '35500', socialFund: '4800', entranceFee: '0', fines: '100', loanRepayment: '0', total: '40400' });
    // Box: 81,700 + 40,400 = 122,100 expected; 123,100 counted; +1,000 over.
    expect(v.box).toEqual({ opening: '81700', moneyIn: '40400', expected: '122100', counted: '123100', difference: '1000' });
    expect(v.differenceReason).toBe('1,000 more in the box than recorded; not explained at the meeting');
    expect(v.rows.find((r) => r.memberId === m[5])).toMatchObject({ shares: 4, savings: '2000', fines: '100', total: '2300' });
  });

  it('meeting 4: 500 short, carried by account 5040', () => {
    const v = snap.closed[4]!;
    // Shares 75 − s(25,4) = 75 − 5 = 70; 70 × 500 = 35,000. Social 4,800. Total 39,800.
    expect(v.totals).toEqual({ shares: 70, savings: '35000', socialFund: '4800', entranceFee: '0', fines: '0', loanRepayment: '0', total: '39800' });
    // Box: 123,100 (what meeting 3 counted) + 39,800 = 162,900 expected; 162,400 counted; −500.
    expect(v.box).toEqual({ opening: '123100', moneyIn: '39800', expected: '162900', counted: '162400', difference: '-500' });
    expect(v.differenceReason).toBe('500 missing from the box at the count');
    expect(v.rows.map((r) => r.memberId)).toContain(m[10]);
    // The meeting's entry: box +39,800 collected, then −500 box / +500 on 5040.
    const entry = t.ok('journal-entry-get', { associationId: a, entryId: v.versions[0]!.entryId! });
    expect(entry.postings.filter((p) => p.accountCode === '5040')).toEqual([expect.objectContaining({ amount: '500', memo: 'Cash box count difference' })]);
    expect(entry.postings.filter((p) => p.accountCode === '1010').map((p) => p.amount)).toEqual(['39800', '-500']);
    // 5040 on 2025-02-28: meeting 3's surplus −1,000 + this shortage +500 = −500; the day before, −1,000.
    expect(t.ok('account-balance-get', { associationId: a, account: '5040', asOf: '2025-02-27' }).balance).toBe('-1000');
    expect(t.ok('account-balance-get', { associationId: a, account: '5040', asOf: '2025-02-28' }).balance).toBe('-500');
    // After meeting 3's correction removes its surplus, 5040 carries only the 500 shortage.
    expect(t.ok('account-balance-get', { associationId: a, account: '5040' }).balance).toBe('500');
  });

  it('meeting 5: the exited member is gone, the joiner is in and pays the entrance fee', () => {
    const v = snap.closed[5]!;
    // Shares: members 1–25 buy 75, less member 10's s(10,5) = 1 → 74; 74 × 500 = 37,000.
    // Social 24 × 200 = 4,800; entrance fee 1,000. Total 37,000 + 4,800 + 1,000 = 42,800.
    expect(v.totals).toEqual({ shares: 74, savings: '37000', socialFund: '4800', entranceFee: '1000', fines: '0', loanRepayment: '0', total: '42800' });
    expect(v.rows).toHaveLength(24);
    expect(v.rows.map((r) => r.memberId)).not.toContain(m[10]);
    expect(v.rows.at(-1)).toMatchObject({ memberNo: 25, shares: 1, savings: '500', socialFund: '200', entranceFee: '1000', total: '1700' });
    // Box: 162,400 counted at meeting 4, − 7,000 paid to member 10 = 155,400; + 42,800 = 198,200.
    expect(v.box).toEqual({ opening: '155400', moneyIn: '42800', expected: '198200', counted: '198200', difference: '0' });
  });

  it('meeting 6: a late fine', () => {
    const v = snap.closed[6]!;
    // Shares 75 − s(10,6) = 75 − 2 = 73; 36,500. Social 4,800. Fines 100. Total 41,400.
    expect(v.totals).toEqual({ shares: 73, savings: '36500', socialFund: '4800', entranceFee: '0', fines: '100', loanRepayment: '0', total: '41400' });
    expect(v.rows.map((r) => r.memberId)).not.toContain(m[10]);
    // Box: 198,200 + 41,400 = 239,600, counted exactly.
    expect(v.box).toEqual({ opening: '198200', moneyIn: '41400', expected: '239600', counted: '239600', difference: '0' });
  });

  it('refuses the joiner before they joined and the leaver after they left, posting nothing', () => {
    expect(snap.m4WithJoiner).toMatchObject({ ok: false, error: { code: 'member-not-yet-joined', field: 'rows.24.memberId' } });
    // In [members 1–24, 25] member 10 is row index 9.
    expect(snap.m5WithExited).toMatchObject({ ok: false, error: { code: 'member-exited', field: 'rows.9.memberId' } });
    for (const [before, after] of snap.countsAroundRefusals) expect(after).toEqual(before);
    expect(snap.countsAroundRefusals).toHaveLength(2);
    const list = t.ok('meeting-list', { associationId: a });
    expect(list.map((x) => x.date)).toEqual([...DATES].reverse());
  });

  it('lists the meetings with their totals, the correction and the shortage', () => {
    const list = t.ok('meeting-list', { associationId: a });
    // Present counts represented members too. Meeting 3's total is the corrected 41,400.
    expect(list.map(({ date, present, total, corrected, boxDifference }) => ({ date, present, total, corrected, boxDifference }))).toEqual([
      { date: '2025-03-14', present: 24, total: '41400', corrected: false, boxDifference: '0' },
      { date: '2025-03-07', present: 24, total: '42800', corrected: false, boxDifference: '0' },
      { date: '2025-02-28', present: 24, total: '39800', corrected: false, boxDifference: '-500' },
      { date: '2025-02-21', present: 24, total: '41400', corrected: true, boxDifference: '0' },
      { date: '2025-02-14', present: 23, total: '40400', corrected: false, boxDifference: '0' },
      { date: '2025-02-07', present: 24, total: '41300', corrected: false, boxDifference: '0' },
    ]);
  });
});

describe('the exit', () => {
  it('pays the leaver exactly their savings from the box', () => {
    // Member 10: s(10,j) = (j mod 5) + 1 → 2 + 3 + 4 + 5 = 14 shares × 500 = 7,000.
    expect(snap.member10SavingsBeforeExit).toBe('7000');
    expect(snap.exitView).toMatchObject({ status: 'exited', exitedOn: '2025-03-01' });
    expect(t.ok('member-savings-get', { associationId: a, memberId: m[10]! }).savings).toBe('0');
    expect(t.ok('member-savings-get', { associationId: a, memberId: m[10]!, asOf: '2025-02-28' }).savings).toBe('7000');
    // The box on the day: 162,400 − 7,000 = 155,400.
    expect(t.ok('account-balance-get', { associationId: a, account: '1010', asOf: '2025-03-01' }).balance).toBe('155400');
  });

  it('shows the payout in the leaver’s passbook and brings their savings to zero', () => {
    const pb = passbook(10);
    // Four meetings (2, 3, 4, 5 shares; 1,000 / 1,500 / 2,000 / 2,500) and the payout.
    expect(pb.rows.map((r) => ({ date: r.date, shares: r.shares, saved: r.saved, paidOut: r.paidOut, sharesHeld: r.sharesHeld, savingsBalance: r.savingsBalance, socialFundTotal: r.socialFundTotal })))
      .toEqual([
        { date: '2025-02-07', shares: 2, saved: '1000', paidOut: '0', sharesHeld: 2, savingsBalance: '1000', socialFundTotal: '200' },
        { date: '2025-02-14', shares: 3, saved: '1500', paidOut: '0', sharesHeld: 5, savingsBalance: '2500', socialFundTotal: '400' },
        { date: '2025-02-21', shares: 4, saved: '2000', paidOut: '0', sharesHeld: 9, savingsBalance: '4500', socialFundTotal: '600' },
        { date: '2025-02-28', shares: 5, saved: '2500', paidOut: '0', sharesHeld: 14, savingsBalance: '7000', socialFundTotal: '800' },
        // 7,000 − 7,000 paid out = 0: nothing is owed any more.
        { date: '2025-03-01', shares: 0, saved: '0', paidOut: '7000', sharesHeld: 0, savingsBalance: '0', socialFundTotal: '800' },
      ]);
    expect(pb.rows[4]).toMatchObject({ meetingId: null, attendance: null });
    expect(pb).toMatchObject({ sharesHeld: 0, savingsBalance: '0', socialFundTotal: '800', finesTotal: '0' });
  });
});

describe('the correction of meeting 3', () => {
  it('keeps both versions and shows the corrected figures', () => {
    const before = snap.m3BeforeCorrection;
    expect(before.version).toBe(1);
    const v = meeting(3);
    expect(snap.correctionView).toEqual(v);
    expect(v.version).toBe(2);
    expect(v.versions).toHaveLength(2);
    expect(v.versions[0]).toMatchObject({ version: 1, entryId: before.versions[0]!.entryId, reversalEntryId: null, reason: null });
    expect(v.versions[1]).toMatchObject({ version: 2, reason: 'Member 7 paid 3 shares, not 1', by: 'Mukamana Aline' });
    expect(v.versions[1]!.entryId).not.toBe(v.versions[0]!.entryId);
    // Shares 71 − 1 + 3 = 73; 36,500. Social 4,800, fines 100. Total 41,400.
    expect(v.totals).toEqual({ shares: 73, savings: '36500', socialFund: '4800', entranceFee: '0', fines: '100', loanRepayment: '0', total: '41400' });
    // Same count, now explained: 81,700 + 41,400 = 123,100 = counted.
    expect(v.box).toEqual({ opening: '81700', moneyIn: '41400', expected: '123100', counted: '123100', difference: '0' });
    expect(v.rows.find((r) => r.memberId === m[7])).toMatchObject({ shares: 3, savings: '1500', total: '1700' });

    // The reversal undoes the first entry, dated today; the new entry is dated today too.
    const reversal = t.ok('journal-entry-get', { associationId: a, entryId: v.versions[1]!.reversalEntryId! });
    expect(reversal).toMatchObject({ reversesEntryId: v.versions[0]!.entryId, entryDate: '2026-03-01' });
    const corrected = t.ok('journal-entry-get', { associationId: a, entryId: v.versions[1]!.entryId! });
    expect(corrected.entryDate).toBe('2026-03-01');
    expect(corrected.postings.some((p) => p.accountCode === '5040')).toBe(false);
  });

  it('puts the corrected figure in member 7’s passbook', () => {
    // Member 7: s(7,j) = ((7 + j) mod 5) + 1 → 4, 5, 1, 2, 3, 4 = 19 shares = 9,500 before.
    expect(snap.member7BeforeCorrection).toMatchObject({ sharesHeld: 19, savingsBalance: '9500' });
    const pb = passbook(7);
    // After: 4 + 5 + 3 + 2 + 3 + 4 = 21 shares × 500 = 10,500. Social 6 × 200 = 1,200.
    expect(pb).toMatchObject({ sharesHeld: 21, savingsBalance: '10500', socialFundTotal: '1200', finesTotal: '0' });
    expect(pb.rows).toHaveLength(6);
    expect(pb.rows[2]).toMatchObject({ date: '2025-02-21', shares: 3, saved: '1500', sharesHeld: 12, savingsBalance: '6000' });
    expect(pb.rows[5]).toMatchObject({ sharesHeld: 21, savingsBalance: '10500' });
  });
});

describe('passbooks', () => {
  // [member, shares held, savings, social fund, fines, rows] — by hand:
  //  1: 3+4+5+1+2+3 = 18 → 9,000; social 6 × 200 = 1,200; fines 100 (late, M6).
  //  3: 5+0+2+3+4+5 = 19 → 9,500; social 5 × 200 = 1,000 (absent at M2); fines 300.
  //  4: 1+2+3+4+5+1 = 16 → 8,000; social 1,200; no fines.
  //  5: 2+3+4+5+1+2 = 17 → 8,500; social 1,200; fines 100 (late, M3).
  // 24: s(24,j) = ((j + 4) mod 5) + 1 → 1+2+3+4+5+1 = 16 → 8,000; social 1,200.
  // 25: joined 2025-03-01: s(25,5) = 1, s(25,6) = 2 → 3 → 1,500; social 400; two rows.
  const cases: [number, number, string, string, string, number][] = [
    [1, 18, '9000', '1200', '100', 6],
    [3, 19, '9500', '1000', '300', 6],
    [4, 16, '8000', '1200', '0', 6],
    [5, 17, '8500', '1200', '100', 6],
    [24, 16, '8000', '1200', '0', 6],
    [25, 3, '1500', '400', '0', 2],
  ];
  it.each(cases)('member %i: %i shares, savings %s, social fund %s, fines %s, %i rows', (k, sharesHeld, savingsBalance, socialFundTotal, finesTotal, rows) => {
    const pb = passbook(k);
    expect(pb).toMatchObject({ sharesHeld, savingsBalance, socialFundTotal, finesTotal });
    expect(pb.rows).toHaveLength(rows);
    expect(pb.rows.at(-1)).toMatchObject({ sharesHeld, savingsBalance, socialFundTotal });
  });

  it('shows the absent and represented meetings as such', () => {
    expect(passbook(3).rows[1]).toMatchObject({ date: '2025-02-14', attendance: 'absent', shares: 0, saved: '0', socialFund: '0', fines: '300', sharesHeld: 5, savingsBalance: '2500' });
    expect(passbook(4).rows[1]).toMatchObject({ date: '2025-02-14', attendance: 'represented', shares: 2, saved: '1000', socialFund: '200', sharesHeld: 3, savingsBalance: '1500' });
    expect(passbook(25).rows[0]).toMatchObject({ date: '2025-03-07', attendance: 'present', shares: 1, saved: '500', entranceFee: '1000' });
  });

  it('always ends on the balance the postings give, for every member', () => {
    for (let k = 1; k <= 25; k++) {
      const pb = passbook(k);
      expect(`${k}: ${pb.rows.at(-1)?.savingsBalance}`).toBe(`${k}: ${pb.savingsBalance}`);
    }
  });
});

describe('the cash book', () => {
  it('shows every movement of the box with its running balance', () => {
    const book = t.ok('cash-book-get', { associationId: a, account: 'box' });
    expect(book.opening).toBe('0');
    expect(book.rows.map(({ date, moneyIn, moneyOut, balance }) => ({ date, moneyIn, moneyOut, balance }))).toEqual([
      { date: '2025-02-07', moneyIn: '41300', moneyOut: '0', balance: '41300' },
      { date: '2025-02-14', moneyIn: '40400', moneyOut: '0', balance: '81700' }, // 41,300 + 40,400
      { date: '2025-02-21', moneyIn: '41400', moneyOut: '0', balance: '123100' }, // 40,400 collected + 1,000 over
      { date: '2025-02-28', moneyIn: '39300', moneyOut: '0', balance: '162400' }, // 39,800 collected − 500 short
      { date: '2025-03-01', moneyIn: '0', moneyOut: '7000', balance: '155400' }, // member 10 paid out
      { date: '2025-03-07', moneyIn: '42800', moneyOut: '0', balance: '198200' },
      { date: '2025-03-14', moneyIn: '41400', moneyOut: '0', balance: '239600' },
      // The correction: meeting 3's entry reversed (40,400 + 1,000), the corrected one posted (41,400 + 0).
      { date: '2026-03-01', moneyIn: '0', moneyOut: '41400', balance: '198200' },
      { date: '2026-03-01', moneyIn: '41400', moneyOut: '0', balance: '239600' },
    ]);
    expect(book.rows[4]!.memo).toBe('Savings paid out to Member 10, who left');
    expect(book.closing).toBe('239600');
    // From March: opening is the balance on 28 February, 162,400.
    const march = t.ok('cash-book-get', { associationId: a, account: 'box', from: '2025-03-01', to: '2025-03-31' });
    expect(march).toMatchObject({ opening: '162400', closing: '239600' });
    expect(march.rows).toHaveLength(3);
    expect(t.ok('cash-book-get', { associationId: a, account: 'bank' })).toEqual({ opening: '0', rows: [], closing: '0' });
  });
});

describe('the books as a whole', () => {
  const balancesOf = (tb: { rows: readonly { code: string; balance: string }[] }) =>
    Object.fromEntries(tb.rows.filter((r) => r.balance !== '0').map((r) => [r.code, r.balance]));

  it('balances, with every account where the story puts it', () => {
    const tb = t.ok('trial-balance-get', { associationId: a });
    expect(tb.difference).toBe('0');
    // Box 239,600 (above).
    // Savings: 73 + 71 + 73 + 70 + 74 + 73 = 434 shares × 500 = 217,000, less 7,000 paid out = 210,000.
    // Social fund: 4,800 + 4,600 + 4,800 × 4 = 28,600. Fines 300 + 100 + 100 = 500. Entrance fee 1,000.
    // 5040: the 500 shortage. Check: 239,600 + 500 = 210,000 + 28,600 + 500 + 1,000 = 240,100.
    expect(balancesOf(tb)).toEqual({ '1010': '239600', '2010': '-210000', '2020': '-28600', '4020': '-500', '4030': '-1000', '5040': '500' });
  });

  it('as recorded before the correction: the surplus still stands', () => {
    expect(snap.tbBeforeCorrection.difference).toBe('0');
    // Savings 432 shares × 500 = 216,000 − 7,000 = 209,000; 5040: −1,000 + 500 = −500.
    const expected = { '1010': '239600', '2010': '-209000', '2020': '-28600', '4020': '-500', '4030': '-1000', '5040': '-500' };
    expect(balancesOf(snap.tbBeforeCorrection)).toEqual(expected);
    // And the same as of the day before the correction, read now.
    const asOf = t.ok('trial-balance-get', { associationId: a, asOf: '2026-02-28' });
    expect(asOf.difference).toBe('0');
    expect(balancesOf(asOf)).toEqual(expected);
  });

  it('keeps an unbroken hash chain', () => {
    // 6 meetings + 1 payout + the correction's reversal and new entry = 9 entries.
    expect(t.ok('journal-chain-verify', { associationId: a })).toMatchObject({ ok: true, entries: 9, firstBroken: null });
  });

  it('lists the meetings with the same figures as their minutes', () => {
    const list = t.ok('meeting-list', { associationId: a });
    expect(list.map((x) => x.date)).toEqual([...DATES].reverse());
    for (const item of list) {
      const minutes = t.ok('meeting-get', { associationId: a, meetingId: item.id });
      expect(item).toEqual({
        id: minutes.id, date: minutes.date, present: minutes.present + minutes.represented, total: minutes.totals.total,
        corrected: minutes.version > 1, boxDifference: minutes.box.difference,
      });
    }
    // M3 was corrected; M4 was 500 short.
    expect(list.find((x) => x.date === '2025-02-21')?.corrected).toBe(true);
    expect(list.find((x) => x.date === '2025-02-28')?.boxDifference).toBe('-500');
  });
});
