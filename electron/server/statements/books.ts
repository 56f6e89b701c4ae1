// The books kept by person and by place as statements: the cash book of the box or
// the bank, and a member's statement (their passbook and their loans).

import type { CallContext } from '../context';
import { cashBookOf, passbookOf } from '../reports/handlers';
import { loansAsOf } from '../loans/handlers';
import { getMember } from '../members/handlers';
import { statementText } from './words';
import type { StatementRequest } from './model';
import type { StatementBody } from './financial';

const text = statementText;

export function cashBookStatement(ctx: CallContext, req: StatementRequest): StatementBody {
  const account = req.account ?? 'box';
  const book = cashBookOf(ctx, { associationId: req.associationId, account, from: req.from, to: req.asOf });
  const moneyIn = book.rows.reduce((s, r) => s + BigInt(r.moneyIn), 0n);
  const moneyOut = book.rows.reduce((s, r) => s + BigInt(r.moneyOut), 0n);
  const title = text(ctx, account === 'box' ? 'cash-book-box' : 'cash-book-bank');
  return {
    title,
    tables: [{
      key: 'cash_book', title,
      columns: [
        { key: 'date', label: text(ctx, 'col-date'), kind: 'date' }, { key: 'entry', label: text(ctx, 'col-entry'), kind: 'count' },
        { key: 'memo', label: text(ctx, 'col-memo'), kind: 'text' }, { key: 'money_in', label: text(ctx, 'col-in'), kind: 'money' },
        { key: 'money_out', label: text(ctx, 'col-out'), kind: 'money' }, { key: 'balance', label: text(ctx, 'col-balance'), kind: 'money' },
      ],
      rows: [
        [req.from ?? null, null, text(ctx, 'opening-balance'), null, null, book.opening],
        ...book.rows.map((r) => [r.date, String(r.seq), r.memo, r.moneyIn === '0' ? null : r.moneyIn, r.moneyOut === '0' ? null : r.moneyOut, r.balance]),
      ],
      total: [req.asOf, null, text(ctx, 'closing-balance'), String(moneyIn), String(moneyOut), book.closing],
    }],
    notes: [],
  };
}

export function memberStatement(ctx: CallContext, req: StatementRequest): StatementBody {
  const member = getMember(ctx, req.associationId, req.memberId ?? '');
  const passbook = passbookOf(ctx, req.associationId, member.id);
  const rows = passbook.rows.filter((r) => r.date <= req.asOf);
  const last = rows.at(-1);
  const sum = (pick: (r: (typeof rows)[number]) => string) => String(rows.reduce((s, r) => s + BigInt(pick(r)), 0n));
  const attendance = (status: string | null) => (status ? text(ctx, `attendance-${status}`) : null);
  const loans = loansAsOf(ctx, req.associationId, req.asOf).filter((l) => l.memberId === member.id && l.disbursedOn !== null && l.disbursedOn <= req.asOf);
  return {
    title: text(ctx, 'member-statement', { no: member.memberNo, name: member.fullName }),
    tables: [
      {
        key: 'passbook', title: text(ctx, 'passbook'),
        columns: [
          { key: 'date', label: text(ctx, 'col-date'), kind: 'date' }, { key: 'attendance', label: text(ctx, 'col-attendance'), kind: 'text' },
          { key: 'shares', label: text(ctx, 'col-shares'), kind: 'count' }, { key: 'saved', label: text(ctx, 'col-saved'), kind: 'money' },
          { key: 'social_fund', label: text(ctx, 'col-social-fund'), kind: 'money' }, { key: 'fines', label: text(ctx, 'col-fines'), kind: 'money' },
          { key: 'paid_out', label: text(ctx, 'col-paid-out'), kind: 'money' }, { key: 'savings_balance', label: text(ctx, 'col-savings-balance'), kind: 'money' },
        ],
        rows: rows.map((r) => [r.date, attendance(r.attendance), String(r.shares), r.saved, r.socialFund, r.fines, r.paidOut, r.savingsBalance]),
        total: [null, text(ctx, 'total'), String(last?.sharesHeld ?? 0), sum((r) => r.saved), sum((r) => r.socialFund), sum((r) => r.fines), sum((r) => r.paidOut), last?.savingsBalance ?? '0'],
      },
      {
        key: 'loans', title: text(ctx, 'loans'),
        columns: [
          { key: 'paid_out_on', label: text(ctx, 'col-date'), kind: 'date' }, { key: 'principal', label: text(ctx, 'col-principal'), kind: 'money' },
          { key: 'status', label: text(ctx, 'col-status'), kind: 'text' }, { key: 'principal_outstanding', label: text(ctx, 'col-outstanding'), kind: 'money' },
          { key: 'interest_due', label: text(ctx, 'col-interest-due'), kind: 'money' }, { key: 'days_overdue', label: text(ctx, 'col-days-overdue'), kind: 'count' },
        ],
        // The status on the day: a loan closed later was still being repaid then.
        rows: loans.map((l) => [l.disbursedOn, l.principal, text(ctx, `loan-${l.closedOn !== null && l.closedOn > req.asOf ? 'disbursed' : l.status}`), l.principalOutstanding, l.interestDue, String(l.daysOverdue)]),
      },
    ],
    notes: [],
  };
}
