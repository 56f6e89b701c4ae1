// What a share-out divides, read from the books as of its date, with its working.
//
// The pool is what the group owes its members plus what it earned for them:
//   members' savings (2010), less what is owed to members who left (they are paid
//   their savings, not a part)
// + interest, fines, fees and other income, less expenses, write-offs and cash
//   differences (the income and expense accounts, as of the date: each share-out
//   closes them into the group fund, so they hold this cycle's alone)
// + the group fund (3010: the group's own money — what earlier share-outs left or paid
//   out is already in it)
// + the social fund (2020), only when the rules share it
// + interest and penalties still due on loans the rules take from members' parts.
// Grant money is never in it, and neither is livestock (the animals stay with the
// group; their costs and sales stay out of the pool).
//
// The cash that can pay it: the box and the bank, less the grants' unspent money, the
// social fund kept and the savings owed to members who left. Payouts (parts less the
// loans taken from them) larger than that are stated as a shortfall, never hidden.

import type Database from 'better-sqlite3';
import { prepared } from '../prepared';
import type { Money } from '../money/money';

/** Income and expense accounts whose balance belongs to the members (livestock's stay out). */
export const INCOME = ['income_interest', 'income_fines', 'income_fees', 'income_other'] as const;
export const EXPENSES = ['expense_general', 'expense_bank', 'expense_write_off', 'cash_difference'] as const;

const BALANCES_BY_PURPOSE = `SELECT a.purpose AS purpose, coalesce(sum(p.amount), 0) AS balance
   FROM accounts a LEFT JOIN postings p ON p.account_id = a.id AND p.entry_date <= ?
  WHERE a.association_id = ? GROUP BY a.purpose`;

export interface PoolWorking {
  /** Savings of the members who share (what is owed to members who left is apart). */
  readonly savings: Money;
  /** Savings still owed to members who left: paid to them, never shared. */
  readonly owedToLeavers: Money;
  readonly income: { readonly interest: Money; readonly fines: Money; readonly fees: Money; readonly other: Money };
  /** Interest and penalties still due, taken from members' parts at the share-out (rules: net). */
  readonly interestNetted: Money;
  readonly expenses: { readonly general: Money; readonly bank: Money; readonly writeOffs: Money; readonly cashDifferences: Money };
  /** Income less expenses: what the reserve is a percentage of. */
  readonly profit: Money;
  readonly groupFund: Money;
  /** The social fund's balance, and whether it is in the pool. */
  readonly socialFund: Money;
  readonly socialFundShared: boolean;
  readonly pool: Money;
  readonly cash: {
    readonly box: Money;
    readonly bank: Money;
    /** Grant money still unspent: held for the grants, never shared. */
    readonly grantFunds: Money;
    /** Box + bank − grant funds − the social fund kept − savings owed to members who left. */
    readonly available: Money;
  };
}

export interface PoolFigures {
  readonly working: PoolWorking;
  readonly pool: bigint;
  readonly profit: bigint;
  readonly available: bigint;
}

/** The pool and its working as of a date (balances in the books' sign: debit positive). */
export function poolAsOf(sqlite: Database.Database, associationId: string, asOf: string, socialFundShared: boolean, interestNetted: bigint, owedToLeavers: bigint): PoolFigures {
  const rows = prepared(sqlite, BALANCES_BY_PURPOSE).safeIntegers(true).all(asOf, associationId) as { purpose: string; balance: bigint }[];
  const balance = new Map<string, bigint>();
  for (const r of rows) balance.set(r.purpose, (balance.get(r.purpose) ?? 0n) + r.balance);
  const of = (purpose: string) => balance.get(purpose) ?? 0n;
  // Liabilities, equity and income are credit balances (negative in the books): shown as positive.
  const credit = (purpose: string) => -of(purpose);

  const savings = credit('member_savings') - owedToLeavers;
  const income = INCOME.map(credit);
  const expenses = EXPENSES.map(of);
  const profit = income.reduce((a, b) => a + b, 0n) + interestNetted - expenses.reduce((a, b) => a + b, 0n);
  const groupFund = credit('group_fund');
  const socialFund = credit('social_fund');
  const pool = savings + profit + groupFund + (socialFundShared ? socialFund : 0n);
  const box = of('cash_box');
  const bank = of('bank');
  const grantFunds = credit('grant_fund');
  const available = box + bank - grantFunds - owedToLeavers - (socialFundShared ? 0n : socialFund);
  const s = (v: bigint) => v.toString();
  return {
    pool,
    profit,
    available,
    working: {
      savings: s(savings),
      owedToLeavers: s(owedToLeavers),
      income: { interest: s(income[0]!), fines: s(income[1]!), fees: s(income[2]!), other: s(income[3]!) },
      interestNetted: s(interestNetted),
      expenses: { general: s(expenses[0]!), bank: s(expenses[1]!), writeOffs: s(expenses[2]!), cashDifferences: s(expenses[3]!) },
      profit: s(profit),
      groupFund: s(groupFund),
      socialFund: s(socialFund),
      socialFundShared,
      pool: s(pool),
      cash: { box: s(box), bank: s(bank), grantFunds: s(grantFunds), available: s(available) },
    },
  };
}
