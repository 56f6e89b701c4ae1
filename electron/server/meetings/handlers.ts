// Meetings: the treasurer's weekly session. Closing a meeting records attendance
// and every contribution, reconciles the cash counted against the books, and posts
// it all as one journal entry — in one transaction. A closed meeting is never
// edited: a correction reverses its entry and posts a new one, with a reason, and
// the meeting keeps both versions.

import { z } from 'zod';
import { LedgerError } from '../errors';
import { handler } from '../registry';
import { amountAt } from '../amount-field';
import { todayOf, type CallContext } from '../context';
import { prepared } from '../prepared';
import { READERS, RECORDERS } from '../auth/access';
import { decimal, minorUnits, sumMinor, type MinorUnits } from '../money/money';
import { accountBalance, accountByPurpose } from '../journal/balances';
import { postEntry, type EntryLine } from '../journal/post';
import { reverseEntry } from '../journal/reverse';
import { amountText, id, isoDate, optionalText, requiredText } from '../validation';
import { getAssociation, writableAssociation } from '../association-record';
import { cycleOn, getCycle, rulesOn } from '../cycles/handlers';
import { checkGrid, CREDIT_ACCOUNT, gridRows, type CheckedGrid, type ContributionKind } from './grid';
import { loanRow, openLoanOf, planRepayment, recordRepayment, repaymentLines, type RepaymentPlan } from '../loans/handlers';

const cashCount = z.strictObject({
  box: amountText,
  bank: amountText.default('0'),
  reason: optionalText(300),
});

export interface MeetingRowView {
  readonly memberId: string;
  readonly memberNo: number;
  readonly name: string;
  readonly attendance: 'present' | 'absent' | 'represented';
  readonly shares: number;
  /** Minor units, by kind; "total" is what the member paid in at this meeting. */
  readonly savings: string;
  readonly socialFund: string;
  readonly entranceFee: string;
  readonly fines: string;
  readonly fineLate: string;
  readonly fineAbsent: string;
  readonly fineOther: string;
  readonly loanRepayment: string;
  readonly total: string;
}

export interface CashCountView {
  readonly opening: string;
  readonly moneyIn: string;
  readonly expected: string;
  readonly counted: string;
  /** counted − expected: negative is a shortage. */
  readonly difference: string;
}

export interface MeetingView {
  readonly id: string;
  readonly associationId: string;
  readonly cycleId: string;
  readonly date: string;
  readonly version: number;
  readonly rows: readonly MeetingRowView[];
  readonly totals: { readonly shares: number; readonly savings: string; readonly socialFund: string; readonly entranceFee: string; readonly fines: string; readonly loanRepayment: string; readonly total: string };
  readonly present: number;
  readonly absent: number;
  readonly represented: number;
  readonly box: CashCountView;
  readonly bank: CashCountView;
  readonly differenceReason: string | null;
  readonly closedAt: string;
  readonly closedBy: string;
  /** Every version: the close, then each correction with its reason. */
  readonly versions: readonly { readonly version: number; readonly entryId: string | null; readonly reversalEntryId: string | null; readonly reason: string | null; readonly at: string; readonly by: string }[];
}

/** The meeting's entry: cash in against each member's savings, social fund, fees and fines; count differences. */
function meetingLines(ctx: CallContext, associationId: string, grid: CheckedGrid, plans: readonly RepaymentPlan[], boxDifference: number, bankDifference: number): EntryLine[] {
  const account = (purpose: string) => accountByPurpose(ctx.ledger.sqlite, associationId, purpose).id;
  const lines: EntryLine[] = [];
  const collected = sumMinor([...grid.contributions.map((c) => c.amount), ...plans.map((p) => p.amount)]);
  if (!collected.isZero()) lines.push({ accountId: account('cash_box'), amount: collected.toNumber() as MinorUnits, memo: 'Collected at the meeting' });
  for (const c of grid.contributions) {
    lines.push({ accountId: account(CREDIT_ACCOUNT[c.kind]), memberId: c.memberId, amount: -c.amount as MinorUnits, memo: c.kind });
  }
  for (const plan of plans) lines.push(...repaymentLines(ctx, plan));
  // A shortage is a cost to the group; money over is kept and shown as such.
  const difference = (cashAccount: string, diff: number, memo: string) => {
    if (diff === 0) return;
    lines.push({ accountId: account(cashAccount), amount: diff as MinorUnits, memo });
    lines.push({ accountId: account('cash_difference'), amount: -diff as MinorUnits, memo });
  };
  difference('cash_box', boxDifference, 'Cash box count difference');
  difference('bank', bankDifference, 'Bank count difference');
  return lines;
}

/** The repayments taken at a meeting, as plans to post again unchanged (their loan records stay as they are). */
function repaymentsKept(ctx: CallContext, associationId: string, meetingId: string, date: string): RepaymentPlan[] {
  const rows = prepared(ctx.ledger.sqlite, 'SELECT loan_id AS loanId, amount, penalty, interest, principal FROM loan_repayments WHERE meeting_id = ? ORDER BY rowid')
    .all(meetingId) as { loanId: string; amount: MinorUnits; penalty: MinorUnits; interest: MinorUnits; principal: MinorUnits }[];
  return rows.map((r) => ({ loan: loanRow(ctx, associationId, r.loanId), date, amount: r.amount, penalty: r.penalty, interest: r.interest, principal: r.principal, closes: false }));
}

function writeVersion(ctx: CallContext, meetingId: string, version: number, grid: CheckedGrid, entryId: string | null, reversalEntryId: string | null, reason: string | null): void {
  const versionId = ctx.newId();
  prepared(ctx.ledger.sqlite, 'INSERT INTO meeting_versions (id, meeting_id, version, entry_id, reversal_entry_id, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(versionId, meetingId, version, entryId, reversalEntryId, reason, ctx.now().toISOString(), ctx.actorName);
  const attend = prepared(ctx.ledger.sqlite, 'INSERT INTO attendance (id, meeting_version_id, member_id, status) VALUES (?, ?, ?, ?)');
  for (const a of grid.attendance) attend.run(ctx.newId(), versionId, a.memberId, a.status);
  const contribute = prepared(ctx.ledger.sqlite, 'INSERT INTO contributions (id, meeting_version_id, member_id, kind, shares, amount) VALUES (?, ?, ?, ?, ?, ?)');
  for (const c of grid.contributions) contribute.run(ctx.newId(), versionId, c.memberId, c.kind, c.shares, c.amount);
}

interface MeetingRow {
  id: string; associationId: string; cycleId: string; date: string; boxOpening: number; boxCounted: number;
  bankOpening: number; bankCounted: number; differenceReason: string | null; closedAt: string; closedBy: string;
}

function meetingRow(ctx: CallContext, associationId: string, meetingId: string): MeetingRow {
  const row = prepared(
    ctx.ledger.sqlite,
    `SELECT id, association_id AS associationId, cycle_id AS cycleId, meeting_date AS date, box_opening AS boxOpening, box_counted AS boxCounted,
            bank_opening AS bankOpening, bank_counted AS bankCounted, difference_reason AS differenceReason, closed_at AS closedAt, closed_by AS closedBy
       FROM meetings WHERE id = ? AND association_id = ?`,
  ).get(meetingId, associationId) as MeetingRow | undefined;
  if (!row) throw new LedgerError('meeting-not-found', {}, 'meetingId');
  return row;
}

export function getMeeting(ctx: CallContext, associationId: string, meetingId: string): MeetingView {
  const m = meetingRow(ctx, associationId, meetingId);
  const versions = prepared(
    ctx.ledger.sqlite,
    'SELECT id, version, entry_id AS entryId, reversal_entry_id AS reversalEntryId, reason, created_at AS at, created_by AS by FROM meeting_versions WHERE meeting_id = ? ORDER BY version',
  ).all(meetingId) as (MeetingView['versions'][number] & { id: string })[];
  const current = versions.at(-1)!;
  const attendanceRows = prepared(
    ctx.ledger.sqlite,
    `SELECT a.member_id AS memberId, m.member_no AS memberNo, m.full_name AS name, a.status
       FROM attendance a JOIN members m ON m.id = a.member_id WHERE a.meeting_version_id = ? ORDER BY m.member_no`,
  ).all(current.id) as { memberId: string; memberNo: number; name: string; status: MeetingRowView['attendance'] }[];
  const paid = prepared(ctx.ledger.sqlite, 'SELECT member_id AS memberId, kind, shares, amount FROM contributions WHERE meeting_version_id = ?')
    .all(current.id) as { memberId: string; kind: ContributionKind; shares: number | null; amount: number }[];
  const sumOf = (memberId: string | null, kinds: readonly ContributionKind[]) =>
    sumMinor(paid.filter((p) => (memberId === null || p.memberId === memberId) && kinds.includes(p.kind)).map((p) => p.amount)).toFixed(0);
  const sharesOf = (memberId: string | null) =>
    sumMinor(paid.filter((p) => (memberId === null || p.memberId === memberId) && p.kind === 'shares').map((p) => p.shares ?? 0)).toNumber();
  const repaid = prepared(ctx.ledger.sqlite, 'SELECT l.member_id AS memberId, r.amount FROM loan_repayments r JOIN loans l ON l.id = r.loan_id WHERE r.meeting_id = ?')
    .all(meetingId) as { memberId: string; amount: number }[];
  const repaidBy = (memberId: string | null) => sumMinor(repaid.filter((r) => memberId === null || r.memberId === memberId).map((r) => r.amount));
  const ALL: ContributionKind[] = ['shares', 'savings', 'social_fund', 'entrance_fee', 'fine_late', 'fine_absent', 'fine_other'];
  const FINES: ContributionKind[] = ['fine_late', 'fine_absent', 'fine_other'];
  const rows: MeetingRowView[] = attendanceRows.map((a) => ({
    memberId: a.memberId, memberNo: a.memberNo, name: a.name, attendance: a.status, shares: sharesOf(a.memberId),
    savings: sumOf(a.memberId, ['shares', 'savings']), socialFund: sumOf(a.memberId, ['social_fund']), entranceFee: sumOf(a.memberId, ['entrance_fee']),
    fines: sumOf(a.memberId, FINES), fineLate: sumOf(a.memberId, ['fine_late']), fineAbsent: sumOf(a.memberId, ['fine_absent']),
    fineOther: sumOf(a.memberId, ['fine_other']), loanRepayment: repaidBy(a.memberId).toFixed(0),
    total: decimal(sumOf(a.memberId, ALL)).plus(repaidBy(a.memberId)).toFixed(0),
  }));
  const moneyIn = decimal(sumOf(null, ALL)).plus(repaidBy(null)).toFixed(0);
  const count = (opening: number, incoming: string, counted: number): CashCountView => {
    const expected = decimal(opening).plus(incoming);
    return { opening: String(opening), moneyIn: incoming, expected: expected.toFixed(0), counted: String(counted), difference: decimal(counted).minus(expected).toFixed(0) };
  };
  return {
    id: m.id, associationId: m.associationId, cycleId: m.cycleId, date: m.date, version: current.version, rows,
    totals: { shares: sharesOf(null), savings: sumOf(null, ['shares', 'savings']), socialFund: sumOf(null, ['social_fund']), entranceFee: sumOf(null, ['entrance_fee']), fines: sumOf(null, FINES), loanRepayment: repaidBy(null).toFixed(0), total: moneyIn },
    present: rows.filter((r) => r.attendance === 'present').length,
    absent: rows.filter((r) => r.attendance === 'absent').length,
    represented: rows.filter((r) => r.attendance === 'represented').length,
    box: count(m.boxOpening, moneyIn, m.boxCounted),
    bank: count(m.bankOpening, '0', m.bankCounted),
    differenceReason: m.differenceReason,
    closedAt: m.closedAt,
    closedBy: m.closedBy,
    versions: versions.map(({ id: _id, ...v }) => v),
  };
}

/**
 * Posts a version of the meeting (its entry), from the cash position before it, on
 * `date`; `heldOn` is the meeting's own date (earlier than `date` for a correction).
 */
function postMeeting(ctx: CallContext, associationId: string, date: string, heldOn: string, grid: CheckedGrid, plans: readonly RepaymentPlan[], counted: { box: number; bank: number; boxOpening: number; bankOpening: number }, memo: string, meetingId: string): string | null {
  const moneyIn = sumMinor([...grid.contributions.map((c) => c.amount), ...plans.map((p) => p.amount)]);
  const boxDifference = decimal(counted.box).minus(decimal(counted.boxOpening).plus(moneyIn)).toNumber();
  const bankDifference = decimal(counted.bank).minus(counted.bankOpening).toNumber();
  const lines = meetingLines(ctx, associationId, grid, plans, boxDifference, bankDifference);
  if (lines.length === 0) return null;
  return postEntry(ctx, { associationId, entryDate: date, recordDate: heldOn, kind: 'meeting', memo, lines, source: { type: 'meeting', id: meetingId } }).id;
}

const rowsAndCount = { rows: gridRows, cashCount };

export const meetingHandlers = {
  'meeting-close': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Record and close a meeting: attendance, each member’s contributions, the cash count; posted as one entry',
    input: z.strictObject({ associationId: id, date: isoDate, ...rowsAndCount }),
    run(ctx, input): MeetingView {
      const association = writableAssociation(ctx, input.associationId);
      const taken = prepared(ctx.ledger.sqlite, 'SELECT 1 FROM meetings WHERE association_id = ? AND meeting_date = ?').get(input.associationId, input.date);
      if (taken) throw new LedgerError('meeting-date-taken', { date: input.date }, 'date');
      const cycle = cycleOn(ctx, input.associationId, input.date);
      const grid = checkGrid(ctx, input.associationId, input.date, input.rows, rulesOn(cycle, input.date), association.currency);
      const plans = grid.repayments.map((r) => planRepayment(ctx, openLoanOf(ctx, input.associationId, r.memberId, r.field), r.amount as MinorUnits, input.date, r.field));
      const box = amountAt(ctx, input.cashCount.box, association.currency, 'cashCount.box', { allowZero: true });
      const bank = amountAt(ctx, input.cashCount.bank, association.currency, 'cashCount.bank', { allowZero: true });
      const { sqlite } = ctx.ledger;
      // Checked conversions: a balance outside the safe range is refused, never rounded.
      const boxOpening = minorUnits(accountBalance(sqlite, input.associationId, accountByPurpose(sqlite, input.associationId, 'cash_box').id, { asOf: input.date }));
      const bankOpening = minorUnits(accountBalance(sqlite, input.associationId, accountByPurpose(sqlite, input.associationId, 'bank').id, { asOf: input.date }));
      const moneyIn = sumMinor([...grid.contributions.map((c) => c.amount), ...plans.map((p) => p.amount)]);
      const differs = !decimal(box).equals(decimal(boxOpening).plus(moneyIn)) || bank !== bankOpening;
      // A difference is recorded, never hidden: it needs a reason.
      if (differs && !input.cashCount.reason) throw new LedgerError('cash-difference-needs-reason', {}, 'cashCount.reason');
      const meetingId = ctx.newId();
      prepared(
        sqlite,
        `INSERT INTO meetings (id, association_id, cycle_id, meeting_date, box_opening, box_counted, bank_opening, bank_counted, difference_reason, closed_at, closed_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(meetingId, input.associationId, cycle.id, input.date, boxOpening, box, bankOpening, bank, input.cashCount.reason ?? null, ctx.now().toISOString(), ctx.actorName);
      const entryId = postMeeting(ctx, input.associationId, input.date, input.date, grid, plans, { box, bank, boxOpening, bankOpening }, `Meeting of ${input.date}`, meetingId);
      writeVersion(ctx, meetingId, 1, grid, entryId, null, null);
      for (const plan of plans) recordRepayment(ctx, plan, entryId!, meetingId);
      return getMeeting(ctx, input.associationId, meetingId);
    },
  }),

  'meeting-correct': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Correct a closed meeting: its entry is reversed and the corrected grid posted, with a reason; both stay on record',
    input: z.strictObject({ associationId: id, meetingId: id, reason: requiredText(300), rows: gridRows }),
    run(ctx, input): MeetingView {
      const association = writableAssociation(ctx, input.associationId);
      const m = meetingRow(ctx, input.associationId, input.meetingId);
      const before = getMeeting(ctx, input.associationId, m.id);
      const cycle = getCycle(ctx, input.associationId, m.cycleId);
      const grid = checkGrid(ctx, input.associationId, m.date, input.rows, rulesOn(cycle, m.date), association.currency);
      // A correction keeps the loan repayments taken at the meeting exactly as they were (the
      // loans' own histories must not fork): they are re-posted with the corrected grid.
      if (grid.repayments.length > 0) throw new LedgerError('meeting-repayments-kept', {}, 'rows');
      const kept = repaymentsKept(ctx, input.associationId, m.id, m.date);
      const current = before.versions.at(-1)!;
      const today = todayOf(ctx);
      // The correction is dated today: statements before today still show what was recorded then.
      const reversal = current.entryId
        ? reverseEntry(ctx, { associationId: input.associationId, entryId: current.entryId, entryDate: today, memo: `Correction of the meeting of ${m.date}: ${input.reason}` }).id
        : null;
      const entryId = postMeeting(ctx, input.associationId, today, m.date, grid, kept, { box: m.boxCounted, bank: m.bankCounted, boxOpening: m.boxOpening, bankOpening: m.bankOpening }, `Meeting of ${m.date} (corrected: ${input.reason})`, m.id);
      writeVersion(ctx, m.id, current.version + 1, grid, entryId, reversal, input.reason);
      return getMeeting(ctx, input.associationId, m.id);
    },
  }),

  'meeting-get': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'A meeting as minutes: who came, what each paid, the totals, the cash count, and any corrections',
    input: z.strictObject({ associationId: id, meetingId: id }),
    run: (ctx, input): MeetingView => getMeeting(ctx, input.associationId, input.meetingId),
  }),

  'meeting-list': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'The meetings held, newest first, with their totals',
    input: z.strictObject({ associationId: id }),
    run(ctx, input): { id: string; date: string; present: number; total: string; corrected: boolean; boxDifference: string }[] {
      getAssociation(ctx, input.associationId);
      // One query over the current version of every meeting (not one read per meeting).
      const rows = prepared(
        ctx.ledger.sqlite,
        `SELECT m.id, m.meeting_date AS date, m.box_opening AS opening, m.box_counted AS counted, v.version,
                (SELECT count(*) FROM attendance a WHERE a.meeting_version_id = v.id AND a.status <> 'absent') AS came,
                (SELECT coalesce(sum(c.amount), 0) FROM contributions c WHERE c.meeting_version_id = v.id)
                  + (SELECT coalesce(sum(r.amount), 0) FROM loan_repayments r WHERE r.meeting_id = m.id) AS total
           FROM meetings m
           JOIN current_meeting_versions v ON v.meeting_id = m.id
          WHERE m.association_id = ? ORDER BY m.meeting_date DESC`,
      ).safeIntegers(true).all(input.associationId) as { id: string; date: string; opening: bigint; counted: bigint; version: bigint; came: bigint; total: bigint }[];
      return rows.map((r) => ({
        id: r.id, date: r.date, present: Number(r.came), total: String(r.total), corrected: r.version > 1n,
        boxDifference: decimal(String(r.counted)).minus(decimal(String(r.opening)).plus(String(r.total))).toFixed(0),
      }));
    },
  }),
};
