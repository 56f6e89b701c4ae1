// The group's accounts as statements: the trial balance, the statement of financial
// position (what the group has and what it owes) and income and expenditure for a
// period. Every figure is a sum of postings, read in BigInt.

import type { CallContext } from '../context';
import { prepared } from '../prepared';
import { addDays } from '../locale/dates';
import { trialBalance } from '../journal/balances';
import { ERROR_CATALOGS } from '../messages/render';
import type { UiLocale } from '../locale/numbers';
import { statementText } from './words';
import type { StatementRequest, StatementTable } from './model';

export interface StatementBody {
  readonly title: string;
  readonly tables: readonly StatementTable[];
  readonly notes: readonly string[];
}

const text = statementText;

/** A standard account's name in the reader's language; one of the group's own (a grant's fund) keeps its name. */
export function accountName(locale: UiLocale, purpose: string, stored: string): string {
  return ERROR_CATALOGS[locale][`account.${purpose}`] ?? stored;
}

/** The lines a share-out posts to close income and expenses into the group fund: a transfer, not income or spending. */
const CLOSING_MEMO = '{"m":"share-out-closing"%';

/** Each income and expense account's movement between two days, closings left out (debit positive). */
const PERIOD_MOVES = `SELECT a.code AS code, a.name AS name, a.purpose AS purpose, a.type AS type, coalesce(sum(p.amount), 0) AS amount
   FROM accounts a JOIN postings p ON p.account_id = a.id
  WHERE a.association_id = ? AND a.type IN ('income', 'expense') AND p.entry_date BETWEEN ? AND ?
    AND (p.memo IS NULL OR p.memo NOT LIKE '${CLOSING_MEMO}')
  GROUP BY a.id ORDER BY a.code`;

/** The group's own funds on a day: the group fund and the result not yet closed into it (credit positive). */
const OWN_FUNDS = `SELECT coalesce(sum(p.amount), 0) AS balance FROM postings p JOIN accounts a ON a.id = p.account_id
  WHERE p.association_id = ? AND p.entry_date <= ? AND (a.purpose = 'group_fund' OR a.type IN ('income', 'expense'))`;

export function trialBalanceStatement(ctx: CallContext, req: StatementRequest): StatementBody {
  const tb = trialBalance(ctx.ledger.sqlite, req.associationId, req.asOf);
  const rows = tb.rows.filter((r) => r.balance !== '0').map((r) => {
    const balance = BigInt(r.balance);
    return [r.code, accountName(ctx.actor.locale, r.purpose, r.name), balance > 0n ? String(balance) : null, balance < 0n ? String(-balance) : null];
  });
  const debit = rows.reduce((sum, r) => sum + BigInt(r[2] ?? '0'), 0n);
  const credit = rows.reduce((sum, r) => sum + BigInt(r[3] ?? '0'), 0n);
  return {
    title: text(ctx, 'trial-balance'),
    tables: [{
      key: 'trial_balance', title: text(ctx, 'trial-balance'),
      columns: [
        { key: 'code', label: text(ctx, 'col-code'), kind: 'text' }, { key: 'account', label: text(ctx, 'col-account'), kind: 'text' },
        { key: 'debit', label: text(ctx, 'col-debit'), kind: 'money' }, { key: 'credit', label: text(ctx, 'col-credit'), kind: 'money' },
      ],
      rows, total: [null, text(ctx, 'total'), String(debit), String(credit)],
    }],
    notes: [text(ctx, 'trial-balance-note')],
  };
}

export function financialPositionStatement(ctx: CallContext, req: StatementRequest): StatementBody {
  const tb = trialBalance(ctx.ledger.sqlite, req.associationId, req.asOf);
  const columns = [
    { key: 'code', label: text(ctx, 'col-code'), kind: 'text' as const }, { key: 'account', label: text(ctx, 'col-account'), kind: 'text' as const },
    { key: 'amount', label: text(ctx, 'col-amount'), kind: 'money' as const },
  ];
  const section = (type: string, sign: bigint): (string | null)[][] => tb.rows.filter((r) => r.type === type && r.balance !== '0').map((r) => [r.code, accountName(ctx.actor.locale, r.purpose, r.name), String(BigInt(r.balance) * sign)]);
  const sum = (rows: readonly (string | null)[][]) => rows.reduce((s, r) => s + BigInt(r[2] ?? '0'), 0n);
  const assets = section('asset', 1n);
  const liabilities = section('liability', -1n);
  const equity = section('equity', -1n);
  // Income and expenses not yet closed into the group fund (by a share-out) are the group's too.
  const open = -tb.rows.filter((r) => r.type === 'income' || r.type === 'expense').reduce((s, r) => s + BigInt(r.balance), 0n);
  if (open !== 0n) equity.push([null, text(ctx, 'result-so-far'), String(open)]);
  const has = sum(assets);
  const owes = sum(liabilities);
  const own = sum(equity);
  return {
    title: text(ctx, 'financial-position'),
    tables: [
      { key: 'assets', title: text(ctx, 'assets'), columns, rows: assets, total: [null, text(ctx, 'total'), String(has)] },
      { key: 'liabilities', title: text(ctx, 'liabilities'), columns, rows: liabilities, total: [null, text(ctx, 'total'), String(owes)] },
      { key: 'own_funds', title: text(ctx, 'own-funds'), columns, rows: equity, total: [null, text(ctx, 'total'), String(own)] },
    ],
    notes: [text(ctx, 'financial-position-note')],
  };
}

export function incomeExpenditureStatement(ctx: CallContext, req: StatementRequest): StatementBody {
  const from = req.from ?? '0000-01-01';
  const { sqlite } = ctx.ledger;
  const moves = prepared(sqlite, PERIOD_MOVES).safeIntegers(true).all(req.associationId, from, req.asOf) as { code: string; name: string; purpose: string; type: string; amount: bigint }[];
  const columns = [
    { key: 'code', label: text(ctx, 'col-code'), kind: 'text' as const }, { key: 'account', label: text(ctx, 'col-account'), kind: 'text' as const },
    { key: 'amount', label: text(ctx, 'col-amount'), kind: 'money' as const },
  ];
  const income = moves.filter((m) => m.type === 'income' && m.amount !== 0n).map((m) => [m.code, accountName(ctx.actor.locale, m.purpose, m.name), String(-m.amount)]);
  const spent = moves.filter((m) => m.type === 'expense' && m.amount !== 0n).map((m) => [m.code, accountName(ctx.actor.locale, m.purpose, m.name), String(m.amount)]);
  const totalIn = income.reduce((s, r) => s + BigInt(r[2]!), 0n);
  const totalOut = spent.reduce((s, r) => s + BigInt(r[2]!), 0n);
  const result = totalIn - totalOut;
  // The group's own funds at the start and the end: the result, and what else moved them (profit paid out at a share-out or an exit).
  const ownOn = (day: string) => -(prepared(sqlite, OWN_FUNDS).safeIntegers(true).get(req.associationId, day) as { balance: bigint }).balance;
  const before = ownOn(addDays(from, -1));
  const after = ownOn(req.asOf);
  const reconciliation = [
    [text(ctx, 'own-funds-start'), String(before)],
    [text(ctx, 'result'), String(result)],
    [text(ctx, 'own-funds-other'), String(after - before - result)],
  ];
  return {
    title: text(ctx, 'income-expenditure'),
    tables: [
      { key: 'income', title: text(ctx, 'income'), columns, rows: income, total: [null, text(ctx, 'total'), String(totalIn)] },
      { key: 'expenditure', title: text(ctx, 'expenditure'), columns, rows: spent, total: [null, text(ctx, 'total'), String(totalOut)] },
      {
        key: 'own_funds', title: text(ctx, 'own-funds-movement'),
        columns: [{ key: 'line', label: text(ctx, 'col-line'), kind: 'text' }, { key: 'amount', label: text(ctx, 'col-amount'), kind: 'money' }],
        rows: reconciliation, total: [text(ctx, 'own-funds-end'), String(after)],
      },
    ],
    notes: [text(ctx, 'income-expenditure-note')],
  };
}
