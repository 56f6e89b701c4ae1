// Meetings: the treasurer's weekly session. Closing a meeting records attendance
// and every contribution, reconciles the cash counted against the books, and posts
// it all as one journal entry — in one transaction. A closed meeting is never
// edited: a correction reverses its entry and posts a new one, with a reason, and
// the meeting keeps both versions.

import { z } from 'zod';
import { and, asc, eq, sql } from 'drizzle-orm';
import { attendance, ATTENDANCE_STATUSES, CONTRIBUTION_KINDS, contributions, loanRepayments, loans, meetings, meetingVersions, members } from '../../../db/schema';
import { LedgerError } from '../errors';
import { handler } from '../registry';
import { amountAt } from '../amount-field';
import { todayOf, type CallContext } from '../context';
import { prepared, rowInserter, typedQuery, type RowOf } from '../prepared';
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
import { codedMemo } from '../journal/memo';
import { confirmation, confirmedBy } from '../access/second-person';

const cashCount = z.strictObject({
  box: amountText,
  /** Left out when the bank was not counted at the meeting (it rarely can be): the books' balance stands. */
  bank: amountText.optional(),
  reason: optionalText(300),
});

export interface MeetingRowView {
  readonly memberId: string;
  readonly memberNo: number;
  readonly name: string;
  readonly attendance: (typeof ATTENDANCE_STATUSES)[number];
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
  /** Loans paid out on the meeting's day, by member number: the minutes say who was lent what. */
  readonly loansGiven: readonly { readonly loanId: string; readonly memberNo: number; readonly name: string; readonly principal: string }[];
  /** Every version: the close, then each correction with its reason. */
  readonly versions: readonly { readonly version: number; readonly entryId: string | null; readonly reversalEntryId: string | null; readonly reason: string | null; readonly at: string; readonly by: string }[];
}

/** The meeting's entry: cash in against each member's savings, social fund, fees and fines; count differences. */
function meetingLines(ctx: CallContext, associationId: string, grid: CheckedGrid, plans: readonly RepaymentPlan[], boxDifference: number, bankDifference: number): EntryLine[] {
  const account = (purpose: string) => accountByPurpose(ctx.ledger.sqlite, associationId, purpose).id;
  const lines: EntryLine[] = [];
  const collected = sumMinor([...grid.contributions.map((c) => c.amount), ...plans.map((p) => p.amount)]);
  if (!collected.isZero()) lines.push({ accountId: account('cash_box'), amount: collected.toNumber() as MinorUnits, memo: codedMemo('collected') });
  for (const c of grid.contributions) {
    lines.push({ accountId: account(CREDIT_ACCOUNT[c.kind]), memberId: c.memberId, amount: -c.amount as MinorUnits, memo: codedMemo('contribution', { kind: c.kind }) });
  }
  for (const plan of plans) lines.push(...repaymentLines(ctx, plan));
  // A shortage is a cost to the group; money over is kept and shown as such.
  const difference = (cashAccount: string, diff: number, memo: string) => {
    if (diff === 0) return;
    lines.push({ accountId: account(cashAccount), amount: diff as MinorUnits, memo });
    lines.push({ accountId: account('cash_difference'), amount: -diff as MinorUnits, memo });
  };
  difference('cash_box', boxDifference, codedMemo('box-difference'));
  difference('bank', bankDifference, codedMemo('bank-difference'));
  return lines;
}

const meetingQueries = typedQuery((db) => ({
  byId: db.select({
    id: meetings.id, associationId: meetings.associationId, cycleId: meetings.cycleId, date: meetings.meetingDate,
    boxOpening: meetings.boxOpening, boxCounted: meetings.boxCounted, bankOpening: meetings.bankOpening, bankCounted: meetings.bankCounted,
    differenceReason: meetings.differenceReason, closedAt: meetings.closedAt, closedBy: meetings.closedBy,
  }).from(meetings)
    .where(and(eq(meetings.id, sql.placeholder('meetingId')), eq(meetings.associationId, sql.placeholder('associationId')))).prepare(),
  dateTaken: db.select({ one: sql<number>`1` }).from(meetings)
    .where(and(eq(meetings.associationId, sql.placeholder('associationId')), eq(meetings.meetingDate, sql.placeholder('date')))).prepare(),
  insert: db.insert(meetings).values({
    id: sql.placeholder('id'), associationId: sql.placeholder('associationId'), cycleId: sql.placeholder('cycleId'), meetingDate: sql.placeholder('date'),
    boxOpening: sql.placeholder('boxOpening'), boxCounted: sql.placeholder('boxCounted'), bankOpening: sql.placeholder('bankOpening'),
    bankCounted: sql.placeholder('bankCounted'), differenceReason: sql.placeholder('differenceReason'), closedAt: sql.placeholder('now'), closedBy: sql.placeholder('by'),
  }).prepare(),
  /** Every version, the first first. */
  versions: db.select({
    id: meetingVersions.id, version: meetingVersions.version, entryId: meetingVersions.entryId, reversalEntryId: meetingVersions.reversalEntryId,
    reason: meetingVersions.reason, at: meetingVersions.createdAt, by: meetingVersions.createdBy,
  }).from(meetingVersions).where(eq(meetingVersions.meetingId, sql.placeholder('meetingId'))).orderBy(asc(meetingVersions.version)).prepare(),
  /** Who was at a version of the meeting, by member number. */
  attendance: db.select({ memberId: attendance.memberId, memberNo: members.memberNo, name: members.fullName, status: attendance.status })
    .from(attendance).innerJoin(members, eq(members.id, attendance.memberId))
    .where(eq(attendance.meetingVersionId, sql.placeholder('versionId'))).orderBy(asc(members.memberNo)).prepare(),
  contributions: db.select({ memberId: contributions.memberId, kind: contributions.kind, shares: contributions.shares, amount: contributions.amount })
    .from(contributions).where(eq(contributions.meetingVersionId, sql.placeholder('versionId'))).prepare(),
  /** The loan repayments taken at the meeting, with whose loan each paid. */
  repaidBy: db.select({ memberId: loans.memberId, amount: loanRepayments.amount }).from(loanRepayments).innerJoin(loans, eq(loans.id, loanRepayments.loanId))
    .where(eq(loanRepayments.meetingId, sql.placeholder('meetingId'))).prepare(),
  /** Loans paid out on a day (not those cancelled before the money went out). */
  loansGiven: db.select({ loanId: loans.id, memberNo: members.memberNo, name: members.fullName, principal: loans.principal })
    .from(loans).innerJoin(members, eq(members.id, loans.memberId))
    .where(and(eq(loans.associationId, sql.placeholder('associationId')), eq(loans.disbursedOn, sql.placeholder('date'))))
    .orderBy(asc(members.memberNo), asc(loans.id)).prepare(),
  /** The same, as they were split, in the order taken. */
  repayments: db.select({
    loanId: loanRepayments.loanId, amount: loanRepayments.amount, penalty: loanRepayments.penalty, interest: loanRepayments.interest, principal: loanRepayments.principal,
  }).from(loanRepayments).where(eq(loanRepayments.meetingId, sql.placeholder('meetingId'))).orderBy(asc(sql`${loanRepayments}.rowid`)).prepare(),
}));

/** The repayments taken at a meeting, as plans to post again unchanged (their loan records stay as they are). */
function repaymentsKept(ctx: CallContext, associationId: string, meetingId: string, date: string): RepaymentPlan[] {
  const rows = meetingQueries(ctx.ledger).repayments.all({ meetingId });
  return rows.map((r) => ({
    loan: loanRow(ctx, associationId, r.loanId), date,
    amount: r.amount as MinorUnits, penalty: r.penalty as MinorUnits, interest: r.interest as MinorUnits, principal: r.principal as MinorUnits, closes: false,
  }));
}

// A meeting writes a row per member and contribution: raw inserts typed from the schema (prepared.ts).
const insertVersion = rowInserter(meetingVersions);
const insertAttendance = rowInserter(attendance);
const insertContribution = rowInserter(contributions);

function writeVersion(ctx: CallContext, meetingId: string, version: number, grid: CheckedGrid, entryId: string | null, reversalEntryId: string | null, reason: string | null): void {
  const versionId = ctx.newId();
  insertVersion(ctx.ledger).run({ id: versionId, meetingId, version, entryId, reversalEntryId, reason, createdAt: ctx.now().toISOString(), createdBy: ctx.actorName });
  const attended = insertAttendance(ctx.ledger);
  for (const a of grid.attendance) attended.run({ id: ctx.newId(), meetingVersionId: versionId, memberId: a.memberId, status: a.status });
  const paid = insertContribution(ctx.ledger);
  for (const c of grid.contributions) paid.run({ id: ctx.newId(), meetingVersionId: versionId, memberId: c.memberId, kind: c.kind, shares: c.shares, amount: c.amount });
}

/** A row of the meeting list's raw SQL (integers as bigint: it runs with safeIntegers). */
type MeetingListRow = RowOf<typeof meetings, 'id' | 'meetingDate', { boxOpening: bigint; boxCounted: bigint; version: bigint; came: bigint; total: bigint }>;

type MeetingRecord = NonNullable<ReturnType<ReturnType<typeof meetingQueries>['byId']['get']>>;

function meetingRow(ctx: CallContext, associationId: string, meetingId: string): MeetingRecord {
  const row = meetingQueries(ctx.ledger).byId.get({ meetingId, associationId });
  if (!row) throw new LedgerError('meeting-not-found', {}, 'meetingId');
  return row;
}

export function getMeeting(ctx: CallContext, associationId: string, meetingId: string): MeetingView {
  const m = meetingRow(ctx, associationId, meetingId);
  const q = meetingQueries(ctx.ledger);
  const versions = q.versions.all({ meetingId });
  const current = versions.at(-1)!;
  const attendanceRows = q.attendance.all({ versionId: current.id });
  const paid = q.contributions.all({ versionId: current.id });
  const sumOf = (memberId: string | null, kinds: readonly ContributionKind[]) =>
    sumMinor(paid.filter((p) => (memberId === null || p.memberId === memberId) && kinds.includes(p.kind)).map((p) => p.amount)).toFixed(0);
  const sharesOf = (memberId: string | null) =>
    sumMinor(paid.filter((p) => (memberId === null || p.memberId === memberId) && p.kind === 'shares').map((p) => p.shares ?? 0)).toNumber();
  const repaid = q.repaidBy.all({ meetingId });
  const repaidBy = (memberId: string | null) => sumMinor(repaid.filter((r) => memberId === null || r.memberId === memberId).map((r) => r.amount));
  const ALL: readonly ContributionKind[] = CONTRIBUTION_KINDS;
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
    loansGiven: q.loansGiven.all({ associationId, date: m.date }).map((l) => ({ ...l, principal: String(l.principal) })),
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
      const taken = meetingQueries(ctx.ledger).dateTaken.get({ associationId: input.associationId, date: input.date });
      if (taken) throw new LedgerError('meeting-date-taken', { date: input.date }, 'date');
      const cycle = cycleOn(ctx, input.associationId, input.date);
      const grid = checkGrid(ctx, input.associationId, input.date, input.rows, rulesOn(cycle, input.date), association.currency);
      const plans = grid.repayments.map((r) => planRepayment(ctx, openLoanOf(ctx, input.associationId, r.memberId, r.field), r.amount as MinorUnits, input.date, r.field));
      const box = amountAt(ctx, input.cashCount.box, association.currency, 'cashCount.box', { allowZero: true });
      const { sqlite } = ctx.ledger;
      // Checked conversions: a balance outside the safe range is refused, never rounded.
      const boxOpening = minorUnits(accountBalance(sqlite, input.associationId, accountByPurpose(sqlite, input.associationId, 'cash_box').id, { asOf: input.date }));
      const bankOpening = minorUnits(accountBalance(sqlite, input.associationId, accountByPurpose(sqlite, input.associationId, 'bank').id, { asOf: input.date }));
      const bank = input.cashCount.bank === undefined ? bankOpening : amountAt(ctx, input.cashCount.bank, association.currency, 'cashCount.bank', { allowZero: true });
      const moneyIn = sumMinor([...grid.contributions.map((c) => c.amount), ...plans.map((p) => p.amount)]);
      const differs = !decimal(box).equals(decimal(boxOpening).plus(moneyIn)) || bank !== bankOpening;
      // A difference is recorded, never hidden: it needs a reason.
      if (differs && !input.cashCount.reason) throw new LedgerError('cash-difference-needs-reason', {}, 'cashCount.reason');
      const meetingId = ctx.newId();
      meetingQueries(ctx.ledger).insert.run({
        id: meetingId, associationId: input.associationId, cycleId: cycle.id, date: input.date, boxOpening, boxCounted: box, bankOpening, bankCounted: bank,
        differenceReason: input.cashCount.reason ?? null, now: ctx.now().toISOString(), by: ctx.actorName,
      });
      const entryId = postMeeting(ctx, input.associationId, input.date, input.date, grid, plans, { box, bank, boxOpening, bankOpening }, codedMemo('meeting', { date: input.date }), meetingId);
      writeVersion(ctx, meetingId, 1, grid, entryId, null, null);
      for (const plan of plans) recordRepayment(ctx, plan, entryId!, meetingId);
      return getMeeting(ctx, input.associationId, meetingId);
    },
  }),

  'meeting-correct': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Correct a closed meeting: its entry is reversed and the corrected grid posted, with a reason and a second officer’s PIN; both stay on record',
    input: z.strictObject({ associationId: id, meetingId: id, reason: requiredText(300), rows: gridRows, confirmation }),
    run(ctx, input): MeetingView {
      const association = writableAssociation(ctx, input.associationId);
      const m = meetingRow(ctx, input.associationId, input.meetingId);
      const before = getMeeting(ctx, input.associationId, m.id);
      const confirmer = confirmedBy(ctx, input.associationId, input.confirmation);
      const cycle = getCycle(ctx, input.associationId, m.cycleId);
      const grid = checkGrid(ctx, input.associationId, m.date, input.rows, rulesOn(cycle, m.date), association.currency);
      // A correction keeps the loan repayments taken at the meeting exactly as they were (the
      // loans' own histories must not fork): they are re-posted with the corrected grid.
      if (grid.repayments.length > 0) throw new LedgerError('meeting-repayments-kept', {}, 'rows');
      const kept = repaymentsKept(ctx, input.associationId, m.id, m.date);
      const current = before.versions.at(-1)!;
      const today = todayOf(ctx, input.associationId);
      // The correction is dated today: statements before today still show what was recorded then.
      const reversal = current.entryId
        ? reverseEntry(ctx, { associationId: input.associationId, entryId: current.entryId, entryDate: today, memo: codedMemo('meeting-correction', { date: m.date, reason: input.reason, confirmedBy: confirmer }) }).id
        : null;
      const entryId = postMeeting(ctx, input.associationId, today, m.date, grid, kept, { box: m.boxCounted, bank: m.bankCounted, boxOpening: m.boxOpening, bankOpening: m.bankOpening }, codedMemo('meeting-corrected', { date: m.date, reason: input.reason, confirmedBy: confirmer }), m.id);
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
    summary: 'The meetings held, newest first, with their totals (of one cycle when given)',
    input: z.strictObject({ associationId: id, cycleId: id.optional() }),
    run(ctx, input): { id: string; date: string; present: number; total: string; corrected: boolean; boxDifference: string }[] {
      getAssociation(ctx, input.associationId);
      // One query over the current version of every meeting (not one read per meeting). Raw SQL
      // for the sums as BigInt (safeIntegers): every integer it returns is a bigint.
      const rows = prepared(
        ctx.ledger.sqlite,
        `SELECT m.id, m.meeting_date AS meetingDate, m.box_opening AS boxOpening, m.box_counted AS boxCounted, v.version,
                (SELECT count(*) FROM attendance a WHERE a.meeting_version_id = v.id AND a.status <> 'absent') AS came,
                (SELECT coalesce(sum(c.amount), 0) FROM contributions c WHERE c.meeting_version_id = v.id)
                  + (SELECT coalesce(sum(r.amount), 0) FROM loan_repayments r WHERE r.meeting_id = m.id) AS total
           FROM meetings m
           JOIN current_meeting_versions v ON v.meeting_id = m.id
          WHERE m.association_id = ? AND (? IS NULL OR m.cycle_id = ?) ORDER BY m.meeting_date DESC`,
      ).safeIntegers(true).all(input.associationId, input.cycleId ?? null, input.cycleId ?? null) as MeetingListRow[];
      return rows.map((r) => ({
        id: r.id, date: r.meetingDate, present: Number(r.came), total: String(r.total), corrected: r.version > 1n,
        boxDifference: decimal(String(r.boxCounted)).minus(decimal(String(r.boxOpening)).plus(String(r.total))).toFixed(0),
      }));
    },
  }),
};
