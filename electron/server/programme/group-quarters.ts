// One imported group's figures for every quarter its books cover, worked out from
// the books themselves (postings, members, meetings, loans, grants, the herd), each
// as of the quarter's last day — or, for the quarter the books stop in, as of the day
// they were exported (a partial quarter). Only additive figures are produced (counts
// and minor units): measures.ts turns sums of them into the ratios the page shows.
//
// The group's rows are read once and the quarters worked out in memory: a five-year
// group is 20 quarters over ~30,000 postings, and reading them per quarter would be
// 20 times the work. Raw SQL: grouped sums across joined tables, read once per group.

import { prepared } from '../prepared';
import { dayBalances, type DayBalances } from '../journal/day-balances';
import { decimal, roundWhole, type Dec } from '../money/money';
import { daysBetween } from '../locale/dates';
import { loanPosition, type DueInstalment, type Received } from '../loans/position';
import { loadHerd, type Animal } from '../livestock/herd';
import type { CallContext } from '../context';
import { quarterEnd, quartersBetween, quarterStart, type Quarter } from './quarters';

/** A group's figures for one quarter: the columns of programme_quarters (money in minor units, as Dec). */
export interface GroupQuarter {
  readonly associationId: string;
  readonly quarter: Quarter;
  readonly asOf: string;
  readonly partial: boolean;
  readonly currency: string;
  readonly members: number;
  readonly membersWomen: number;
  readonly membersLeft: number;
  readonly meetings: number;
  readonly attendancePresent: number;
  readonly attendanceExpected: number;
  readonly savings: Dec;
  readonly socialFund: Dec;
  readonly loansOutstandingCount: number;
  readonly loansOutstandingValue: Dec;
  readonly loansDisbursedCount: number;
  readonly loansDisbursedValue: Dec;
  readonly par30Value: Dec;
  readonly writtenOffCount: number;
  readonly writtenOffValue: Dec;
  readonly loanFund: Dec;
  readonly assets: Dec;
  readonly cycleIncome: Dec;
  readonly annualisedIncome: Dec;
  readonly cycleNo: number | null;
  readonly cycleStart: string | null;
  readonly cycleWeeks: number | null;
  readonly grantsReceived: Dec;
  readonly grantsUnspent: Dec;
  readonly grantReportsOverdue: number;
  readonly cashDifferences: number;
  readonly animalsAlive: number;
  readonly animalsBorn: number;
  readonly animalsSold: number;
  readonly animalsDied: number;
  readonly animalsPassedOn: number;
}

/** Days past due beyond which a loan's whole outstanding principal is "at risk" (PAR 30). */
export const PAR_DAYS = 30;

const within = (day: string | null, from: string, to: string) => day !== null && day >= from && day <= to;

interface LoanRow {
  readonly id: string;
  readonly principal: number;
  readonly status: string;
  readonly disbursedOn: string;
  readonly closedOn: string | null;
  readonly latePenalty: number;
}

interface GroupBooks {
  readonly currency: string;
  readonly firstDay: string;
  readonly members: readonly { gender: string; joinedOn: string; exitedOn: string | null }[];
  readonly balances: DayBalances;
  readonly meetings: readonly { meetingDate: string; present: number; expected: number; difference: number }[];
  readonly loans: readonly (LoanRow & { instalments: DueInstalment[]; received: Received[] })[];
  readonly cycles: readonly { startsOn: string; endsOn: string }[];
  readonly grants: readonly { id: string; receivedOn: string; amount: number; reportingDates: string[] }[];
  readonly grantReports: ReadonlyMap<string, string[]>;
  readonly herd: ReadonlyMap<string, Animal>;
}

function readBooks(ctx: Pick<CallContext, 'ledger'>, associationId: string): GroupBooks | null {
  const { sqlite } = ctx.ledger;
  const q = (text: string) => prepared(sqlite, text);
  const association = q('SELECT currency, founded_on AS foundedOn FROM associations WHERE id = ?').get(associationId) as { currency: string; foundedOn: string } | undefined;
  if (!association) return null;
  const firstEntry = q('SELECT min(entry_date) FROM journal_entries WHERE association_id = ?').pluck().get(associationId) as string | null;
  const loans = q(`SELECT id, principal, status, disbursed_on AS disbursedOn, closed_on AS closedOn, late_penalty AS latePenalty
                     FROM loans WHERE association_id = ? AND disbursed_on IS NOT NULL ORDER BY disbursed_on, id`).all(associationId) as LoanRow[];
  const instalments = new Map<string, DueInstalment[]>();
  for (const i of q(`SELECT i.loan_id AS loanId, i.number, i.due_on AS dueOn, i.principal, i.interest FROM loan_instalments i JOIN loans l ON l.id = i.loan_id
                      WHERE l.association_id = ? AND i.version = (SELECT max(v.version) FROM loan_instalments v WHERE v.loan_id = i.loan_id)
                      ORDER BY i.loan_id, i.number`).all(associationId) as (DueInstalment & { loanId: string })[]) {
    (instalments.get(i.loanId) ?? instalments.set(i.loanId, []).get(i.loanId)!).push(i);
  }
  const received = new Map<string, Received[]>();
  for (const r of q(`SELECT r.loan_id AS loanId, r.paid_on AS paidOn, r.penalty, r.interest, r.principal FROM loan_repayments r JOIN loans l ON l.id = r.loan_id
                      WHERE l.association_id = ? ORDER BY r.paid_on, r.rowid`).all(associationId) as (Received & { loanId: string })[]) {
    (received.get(r.loanId) ?? received.set(r.loanId, []).get(r.loanId)!).push(r);
  }
  const grantReports = new Map<string, string[]>();
  for (const e of q(`SELECT json_extract(request_json, '$.grantId') AS grantId, substr(exported_at, 1, 10) AS day FROM statement_exports
                      WHERE association_id = ? AND kind = 'grant-use' ORDER BY exported_at`).all(associationId) as { grantId: string | null; day: string }[]) {
    if (e.grantId) (grantReports.get(e.grantId) ?? grantReports.set(e.grantId, []).get(e.grantId)!).push(e.day);
  }
  return {
    currency: association.currency,
    firstDay: firstEntry && firstEntry < association.foundedOn ? firstEntry : (firstEntry ?? association.foundedOn),
    members: q('SELECT gender, joined_on AS joinedOn, exited_on AS exitedOn FROM members WHERE association_id = ?').all(associationId) as GroupBooks['members'],
    balances: dayBalances(sqlite, associationId),
    meetings: q(`SELECT m.meeting_date AS meetingDate,
                        (SELECT count(*) FROM attendance a WHERE a.meeting_version_id = v.id AND a.status IN ('present', 'represented')) AS present,
                        (SELECT count(*) FROM attendance a WHERE a.meeting_version_id = v.id) AS expected,
                        EXISTS (SELECT 1 FROM postings p JOIN accounts x ON x.id = p.account_id WHERE p.entry_id = v.entry_id AND x.purpose = 'cash_difference') AS difference
                   FROM meetings m JOIN current_meeting_versions v ON v.meeting_id = m.id
                  WHERE m.association_id = ? ORDER BY m.meeting_date`).all(associationId) as GroupBooks['meetings'],
    loans: loans.map((l) => ({ ...l, instalments: instalments.get(l.id) ?? [], received: received.get(l.id) ?? [] })),
    cycles: q('SELECT starts_on AS startsOn, ends_on AS endsOn FROM cycles WHERE association_id = ? ORDER BY starts_on, id').all(associationId) as GroupBooks['cycles'],
    grants: (q('SELECT id, received_on AS receivedOn, amount, reporting_dates_json AS dates FROM grants WHERE association_id = ? ORDER BY received_on, id')
      .all(associationId) as { id: string; receivedOn: string; amount: number; dates: string }[]).map((g) => ({ ...g, reportingDates: JSON.parse(g.dates) as string[] })),
    grantReports,
    herd: loadHerd(ctx as CallContext, associationId),
  };
}

/** Heads that left the herd (sold, died) or were passed on, by day, for every animal. */
function herdMovements(herd: ReadonlyMap<string, Animal>): { on: string; kind: 'sold' | 'died' | 'passed_on'; heads: number }[] {
  const moves: { on: string; kind: 'sold' | 'died' | 'passed_on'; heads: number }[] = [];
  for (const animal of herd.values()) {
    let heads = animal.headCount;
    for (const e of animal.events) {
      if (e.kind === 'pass_on') moves.push({ on: e.eventOn, kind: 'passed_on', heads: e.headCount ?? heads });
      if (e.kind !== 'sale' && e.kind !== 'death') continue;
      const gone = e.headCount ?? heads;
      heads -= gone;
      moves.push({ on: e.eventOn, kind: e.kind === 'sale' ? 'sold' : 'died', heads: gone });
    }
  }
  return moves;
}

function aliveHeads(herd: ReadonlyMap<string, Animal>, day: string): number {
  let alive = 0;
  for (const animal of herd.values()) {
    if (animal.acquiredOn > day) continue;
    let heads = animal.headCount;
    for (const e of animal.events) {
      if (e.eventOn > day) break;
      if (e.kind === 'sale' || e.kind === 'death') heads -= e.headCount ?? heads;
    }
    alive += heads;
  }
  return alive;
}

/** Grants with a reporting date passed by `day` and no grant-use statement exported since the date before it (or the grant's receipt). */
function reportsOverdue(books: GroupBooks, day: string): number {
  let overdue = 0;
  for (const g of books.grants) {
    if (g.receivedOn > day) continue;
    const exports = books.grantReports.get(g.id) ?? [];
    let from = g.receivedOn;
    const late = g.reportingDates.filter((d) => d <= day).some((d) => {
      const covered = exports.some((e) => e >= from && e <= day);
      from = d;
      return !covered;
    });
    if (late) overdue++;
  }
  return overdue;
}

/**
 * The group's figures for each quarter from its first entry (or founding) to the day
 * its books were exported (`booksUntil`). Null when the association is not in the file.
 */
export function groupQuarters(ctx: Pick<CallContext, 'ledger'>, associationId: string, booksUntil: string): GroupQuarter[] | null {
  const books = readBooks(ctx, associationId);
  if (!books) return null;
  const b = books.balances;
  const moves = herdMovements(books.herd);
  const rows: GroupQuarter[] = [];
  for (const quarter of quartersBetween(books.firstDay, booksUntil)) {
    const from = quarterStart(quarter);
    const end = quarterEnd(quarter);
    const asOf = end <= booksUntil ? end : booksUntil;
    const active = books.members.filter((m) => m.joinedOn <= asOf && (m.exitedOn === null || m.exitedOn > asOf));
    const meetings = books.meetings.filter((m) => within(m.meetingDate, from, asOf));
    let outstandingCount = 0;
    let outstanding = decimal(0);
    let atRisk = decimal(0);
    for (const loan of books.loans) {
      if (loan.disbursedOn > asOf || (loan.status === 'written_off' && loan.closedOn !== null && loan.closedOn <= asOf)) continue;
      const position = loanPosition(loan.principal, loan.instalments, loan.received, loan.latePenalty, asOf);
      if (!position.principalOutstanding.gt(0)) continue;
      outstandingCount++;
      outstanding = outstanding.plus(position.principalOutstanding);
      if (position.daysOverdue > PAR_DAYS) atRisk = atRisk.plus(position.principalOutstanding);
    }
    const disbursed = books.loans.filter((l) => within(l.disbursedOn, from, asOf));
    const writtenOff = books.loans.filter((l) => l.status === 'written_off' && within(l.closedOn, from, asOf));
    // Liabilities and income are credit balances (negative in the books): shown as positive figures.
    const savings = b.purpose('member_savings', asOf).neg();
    const socialFund = b.purpose('social_fund', asOf).neg();
    const grantsUnspent = b.purpose('grant_fund', asOf).neg();
    const cash = b.purpose('cash_box', asOf).plus(b.purpose('bank', asOf));
    const cycleIndex = books.cycles.findLastIndex((c) => c.startsOn <= asOf);
    const cycle = cycleIndex >= 0 && books.cycles[cycleIndex]!.endsOn >= asOf ? books.cycles[cycleIndex]! : null;
    const cycleDays = cycle ? daysBetween(cycle.startsOn, asOf) + 1 : 0;
    const cycleIncome = cycle ? b.typeBetween('income', cycle.startsOn, asOf).plus(b.typeBetween('expense', cycle.startsOn, asOf)).neg() : decimal(0);
    rows.push({
      associationId,
      quarter,
      asOf,
      partial: asOf < end,
      currency: books.currency,
      members: active.length,
      membersWomen: active.filter((m) => m.gender === 'female').length,
      membersLeft: books.members.filter((m) => within(m.exitedOn, from, asOf)).length,
      meetings: meetings.length,
      attendancePresent: meetings.reduce((s, m) => s + m.present, 0),
      attendanceExpected: meetings.reduce((s, m) => s + m.expected, 0),
      savings,
      socialFund,
      loansOutstandingCount: outstandingCount,
      loansOutstandingValue: outstanding,
      loansDisbursedCount: disbursed.length,
      loansDisbursedValue: disbursed.reduce((s, l) => s.plus(l.principal), decimal(0)),
      par30Value: atRisk,
      writtenOffCount: writtenOff.length,
      writtenOffValue: b.purposeBetween('expense_write_off', from, asOf),
      loanFund: outstanding.plus(cash).minus(socialFund).minus(grantsUnspent),
      assets: b.type('asset', asOf),
      cycleIncome,
      // Income so far in the cycle, as if earned at the same pace for a whole year (365 days), rounded half-even to the minor unit.
      annualisedIncome: cycle ? roundWhole(cycleIncome.times(365).div(cycleDays), 'half-even') : decimal(0),
      cycleNo: cycle ? cycleIndex + 1 : null,
      cycleStart: cycle?.startsOn ?? null,
      cycleWeeks: cycle ? Math.floor((cycleDays - 1) / 7) : null,
      grantsReceived: books.grants.filter((g) => g.receivedOn <= asOf).reduce((s, g) => s.plus(g.amount), decimal(0)),
      grantsUnspent,
      grantReportsOverdue: reportsOverdue(books, asOf),
      cashDifferences: meetings.filter((m) => m.difference).length,
      animalsAlive: aliveHeads(books.herd, asOf),
      animalsBorn: [...books.herd.values()].filter((a) => a.origin === 'birth' && within(a.acquiredOn, from, asOf)).reduce((s, a) => s + a.headCount, 0),
      animalsSold: moves.filter((m) => m.kind === 'sold' && within(m.on, from, asOf)).reduce((s, m) => s + m.heads, 0),
      animalsDied: moves.filter((m) => m.kind === 'died' && within(m.on, from, asOf)).reduce((s, m) => s + m.heads, 0),
      animalsPassedOn: moves.filter((m) => m.kind === 'passed_on' && within(m.on, from, asOf)).reduce((s, m) => s + m.heads, 0),
    });
  }
  return rows;
}
