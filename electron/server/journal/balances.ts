// Balances are always computed from postings, never stored, so every figure can be
// traced to the postings that make it. Sums come back from SQLite as BigInt (exact
// for any total) and leave the server as integer strings of minor units.

import type Database from 'better-sqlite3';
import type { accounts } from '../../../db/schema';
import { prepared, type RowOf } from '../prepared';

/** A date far in the future: "as of" with no date means everything. */
export const END_OF_TIME = '9999-12-31';

export interface TrialBalanceRow {
  readonly accountId: string;
  readonly code: string;
  readonly name: string;
  readonly purpose: string;
  readonly type: string;
  /** Total of debit postings, minor units. */
  readonly debit: string;
  /** Total of credit postings (as a positive number), minor units. */
  readonly credit: string;
  /** debit − credit, minor units. */
  readonly balance: string;
}

export interface TrialBalance {
  readonly asOf: string | null;
  readonly rows: readonly TrialBalanceRow[];
  readonly totalDebit: string;
  readonly totalCredit: string;
  /** Always "0" in a sound ledger. */
  readonly difference: string;
}

export function trialBalance(sqlite: Database.Database, associationId: string, asOf?: string): TrialBalance {
  const rows = prepared(sqlite, 
      `SELECT a.id AS accountId, a.code, a.name, a.purpose, a.type,
              coalesce(t.debit, 0) AS debit, coalesce(t.credit, 0) AS credit
         FROM accounts a
         LEFT JOIN (SELECT account_id,
                           sum(CASE WHEN amount > 0 THEN amount ELSE 0 END) AS debit,
                           -sum(CASE WHEN amount < 0 THEN amount ELSE 0 END) AS credit
                      FROM postings
                     WHERE association_id = ? AND entry_date <= ?
                     GROUP BY account_id) t ON t.account_id = a.id
        WHERE a.association_id = ?
        ORDER BY a.code`,
    )
    .safeIntegers(true)
    .all(associationId, asOf ?? END_OF_TIME, associationId) as RowOf<
    typeof accounts, 'code' | 'name' | 'purpose' | 'type', { accountId: string; debit: bigint; credit: bigint }
  >[];
  let totalDebit = 0n;
  let totalCredit = 0n;
  const out = rows.map((r) => {
    totalDebit += r.debit;
    totalCredit += r.credit;
    return { ...r, debit: String(r.debit), credit: String(r.credit), balance: String(r.debit - r.credit) };
  });
  return {
    asOf: asOf ?? null,
    rows: out,
    totalDebit: String(totalDebit),
    totalCredit: String(totalCredit),
    difference: String(totalDebit - totalCredit),
  };
}

/** debit − credit of one account (optionally one member's subledger) as of a date. */
export function accountBalance(
  sqlite: Database.Database,
  associationId: string,
  accountId: string,
  options: { asOf?: string; memberId?: string } = {},
): bigint {
  const row = options.memberId
    ? prepared(sqlite, 'SELECT coalesce(sum(amount), 0) AS b FROM postings WHERE member_id = ? AND account_id = ? AND entry_date <= ? AND association_id = ?')
        .safeIntegers(true)
        .get(options.memberId, accountId, options.asOf ?? END_OF_TIME, associationId)
    : prepared(sqlite, 'SELECT coalesce(sum(amount), 0) AS b FROM postings WHERE association_id = ? AND account_id = ? AND entry_date <= ?')
        .safeIntegers(true)
        .get(associationId, accountId, options.asOf ?? END_OF_TIME);
  return (row as { b: bigint }).b;
}

export function accountByPurpose(sqlite: Database.Database, associationId: string, purpose: string): RowOf<typeof accounts, 'id' | 'code'> {
  const row = prepared(sqlite, 'SELECT id, code FROM accounts WHERE association_id = ? AND purpose = ?').get(associationId, purpose) as
    | RowOf<typeof accounts, 'id' | 'code'>
    | undefined;
  if (!row) throw new Error(`association ${associationId} has no ${purpose} account`);
  return row;
}
