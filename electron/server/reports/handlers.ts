// Statements on screen: a member's passbook and the cash book. Each figure comes
// from the records and postings, so it can be traced to the entries that make it.

import { z } from 'zod';
import { handler } from '../registry';
import { prepared } from '../prepared';
import { READERS } from '../auth/access';
import { decimal, sumMinor } from '../money/money';
import { accountBalance, accountByPurpose } from '../journal/balances';
import { id, isoDate } from '../validation';
import { getAssociation } from '../association-record';
import { getMember } from '../members/handlers';
import { addDays } from '../locale/dates';

export interface PassbookRow {
  readonly date: string;
  readonly meetingId: string | null;
  readonly attendance: 'present' | 'absent' | 'represented' | null;
  readonly shares: number;
  /** Minor units. */
  readonly saved: string;
  readonly socialFund: string;
  readonly fines: string;
  readonly entranceFee: string;
  /** Paid out to the member (an exit settlement). */
  readonly paidOut: string;
  readonly sharesHeld: number;
  readonly savingsBalance: string;
  readonly socialFundTotal: string;
}

export interface Passbook {
  readonly memberId: string;
  readonly rows: readonly PassbookRow[];
  readonly sharesHeld: number;
  /** From the postings on the member's savings account: must equal the last row's balance. */
  readonly savingsBalance: string;
  readonly socialFundTotal: string;
  readonly finesTotal: string;
}

export interface CashBookRow {
  readonly date: string;
  readonly seq: number;
  readonly memo: string;
  readonly moneyIn: string;
  readonly moneyOut: string;
  readonly balance: string;
}

export const statementHandlers = {
  'member-passbook-get': handler({
    kind: 'read',
    access: { roles: READERS, ownMember: 'memberId' },
    summary: 'A member’s passbook: each meeting’s contributions, shares held, savings and social fund balances, fines',
    input: z.strictObject({ associationId: id, memberId: id }),
    run(ctx, input): Passbook {
      getMember(ctx, input.associationId, input.memberId);
      const { sqlite } = ctx.ledger;
      // The current version of each meeting the member was in.
      const meetings = prepared(
        sqlite,
        `SELECT m.id, m.meeting_date AS date, v.id AS versionId, a.status
           FROM meetings m
           JOIN current_meeting_versions v ON v.meeting_id = m.id
           JOIN attendance a ON a.meeting_version_id = v.id AND a.member_id = ?
          WHERE m.association_id = ? ORDER BY m.meeting_date`,
      ).all(input.memberId, input.associationId) as { id: string; date: string; versionId: string; status: PassbookRow['attendance'] }[];
      const paidIn = prepared(sqlite, 'SELECT kind, shares, amount FROM contributions WHERE meeting_version_id = ? AND member_id = ?');
      const savingsAccount = accountByPurpose(sqlite, input.associationId, 'member_savings').id;
      // Money paid out to the member (exit settlements), from the postings themselves.
      const payouts = prepared(
        sqlite,
        `SELECT p.entry_date AS date, sum(p.amount) AS amount FROM postings p JOIN journal_entries e ON e.id = p.entry_id
          WHERE p.account_id = ? AND p.member_id = ? AND e.source_type = 'member-exit' GROUP BY p.entry_id ORDER BY p.entry_date`,
      ).all(savingsAccount, input.memberId) as { date: string; amount: number }[];
      type Event = { date: string; meeting?: (typeof meetings)[number]; payout?: number };
      const events: Event[] = [...meetings.map((m): Event => ({ date: m.date, meeting: m })), ...payouts.map((p): Event => ({ date: p.date, payout: p.amount }))]
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.meeting ? -1 : 1));
      let shares = 0;
      let savings = decimal(0);
      let social = decimal(0);
      let fines = decimal(0);
      const rows: PassbookRow[] = events.map((event) => {
        const paid = event.meeting ? (paidIn.all(event.meeting.versionId, input.memberId) as { kind: string; shares: number | null; amount: number }[]) : [];
        const of = (...kinds: string[]) => sumMinor(paid.filter((p) => kinds.includes(p.kind)).map((p) => p.amount));
        const bought = sumMinor(paid.filter((p) => p.kind === 'shares').map((p) => p.shares ?? 0)).toNumber();
        const saved = of('shares', 'savings');
        const paidOut = decimal(event.payout ?? 0);
        shares = event.payout ? 0 : shares + bought;
        savings = savings.plus(saved).minus(paidOut); // a payout is a debit on savings: the group owes that much less
        social = social.plus(of('social_fund'));
        fines = fines.plus(of('fine_late', 'fine_absent', 'fine_other'));
        return {
          date: event.date, meetingId: event.meeting?.id ?? null, attendance: event.meeting?.status ?? null, shares: bought,
          saved: saved.toFixed(0), socialFund: of('social_fund').toFixed(0), fines: of('fine_late', 'fine_absent', 'fine_other').toFixed(0),
          entranceFee: of('entrance_fee').toFixed(0), paidOut: paidOut.toFixed(0), sharesHeld: shares, savingsBalance: savings.toFixed(0), socialFundTotal: social.toFixed(0),
        };
      });
      const balance = accountBalance(sqlite, input.associationId, savingsAccount, { memberId: input.memberId });
      return {
        memberId: input.memberId, rows, sharesHeld: shares, savingsBalance: String(-balance), socialFundTotal: social.toFixed(0), finesTotal: fines.toFixed(0),
      };
    },
  }),

  'cash-book-get': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'The cash book of the box or the bank: every movement with the running balance',
    input: z.strictObject({ associationId: id, account: z.enum(['box', 'bank']).default('box'), from: isoDate.optional(), to: isoDate.optional() }),
    run(ctx, input): { opening: string; rows: CashBookRow[]; closing: string } {
      getAssociation(ctx, input.associationId);
      const { sqlite } = ctx.ledger;
      const accountId = accountByPurpose(sqlite, input.associationId, input.account === 'box' ? 'cash_box' : 'bank').id;
      const dayBefore = input.from ? addDays(input.from, -1) : null;
      let balance = decimal(dayBefore ? String(accountBalance(sqlite, input.associationId, accountId, { asOf: dayBefore })) : 0);
      const opening = balance.toFixed(0);
      const moves = prepared(
        sqlite,
        `SELECT e.entry_date AS date, e.seq, e.memo, sum(p.amount) AS amount FROM postings p JOIN journal_entries e ON e.id = p.entry_id
          WHERE p.association_id = ? AND p.account_id = ? AND p.entry_date >= ? AND p.entry_date <= ?
          GROUP BY e.id HAVING sum(p.amount) <> 0 ORDER BY e.entry_date, e.seq`,
      ).all(input.associationId, accountId, input.from ?? '0000-01-01', input.to ?? '9999-12-31') as { date: string; seq: number; memo: string; amount: number }[];
      const rows = moves.map((m) => {
        balance = balance.plus(m.amount);
        return { date: m.date, seq: m.seq, memo: m.memo, moneyIn: m.amount > 0 ? String(m.amount) : '0', moneyOut: m.amount < 0 ? String(-m.amount) : '0', balance: balance.toFixed(0) };
      });
      return { opening, rows, closing: balance.toFixed(0) };
    },
  }),
};
