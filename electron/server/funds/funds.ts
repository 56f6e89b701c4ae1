// Restricted funds. Each grant's money sits in its own account; its credit balance is
// the unspent grant money. Cash is one pile in the box and the bank, so what the group
// may use for its own purposes (lending, paying out savings, its own purchases) is
// the cash less the unspent money of every grant that forbids that use.

import { z } from 'zod';
import { LedgerError } from '../errors';
import { amountAt } from '../amount-field';
import { amountText, id } from '../validation';
import type { CallContext } from '../context';
import { and, asc, eq, sql } from 'drizzle-orm';
import { prepared, typedQuery, type RowOf } from '../prepared';
import { decimal, formatAmount, toMoney, type MinorUnits, type Money } from '../money/money';
import { accountBalance, accountByPurpose, END_OF_TIME } from '../journal/balances';
import type { EntryLine } from '../journal/post';
import type { CurrencyCode } from '../money/currency';
import { accounts, grants, type postings, type GRANT_PURPOSES, type SPENDING_KINDS, type CASH_ACCOUNTS } from '../../../db/schema';
import { codedMemo } from '../journal/memo';

export type GrantPurpose = (typeof GRANT_PURPOSES)[number];
export type SpendingKind = (typeof SPENDING_KINDS)[number];
export type CashAccount = (typeof CASH_ACCOUNTS)[number];

/** What each grant purpose may pay for. A loan-capital grant is lent, never spent. */
export const SPENDING_ALLOWED: Readonly<Record<GrantPurpose, readonly SpendingKind[]>> = {
  livestock: ['livestock_purchase', 'livestock_care'],
  loan_capital: [],
  equipment: ['equipment'],
  training: ['training'],
  general: ['livestock_purchase', 'livestock_care', 'equipment', 'training', 'other'],
};

/** The account a spending of each kind is charged to. */
export const SPENDING_ACCOUNT: Readonly<Record<Exclude<SpendingKind, 'return_to_grantor'>, string>> = {
  livestock_purchase: 'livestock',
  livestock_care: 'livestock_care',
  equipment: 'project_costs',
  training: 'project_costs',
  other: 'expense_general',
};

/** Uses of the group's cash that grant money must never pay for, unless the grant's purpose is exactly that. */
export type CashUse = 'lending' | 'payout' | 'group-spending';

/** A grant as stored, with its fund account's code (its reporting dates still JSON). */
const grantFields = {
  id: grants.id, associationId: grants.associationId, accountId: grants.accountId, accountCode: accounts.code, grantor: grants.grantor,
  reference: grants.reference, receivedOn: grants.receivedOn, amount: grants.amount, purpose: grants.purpose, conditions: grants.conditions,
  reportingDates: grants.reportingDatesJson, returnUnspent: grants.returnUnspent, receivedInto: grants.receivedInto, createdBy: grants.createdBy,
};

const grantQueries = typedQuery((db) => {
  const select = () => db.select(grantFields).from(grants).innerJoin(accounts, eq(accounts.id, grants.accountId));
  return {
    byId: select().where(and(eq(grants.id, sql.placeholder('grantId')), eq(grants.associationId, sql.placeholder('associationId')))).prepare(),
    ofAssociation: select().where(eq(grants.associationId, sql.placeholder('associationId'))).orderBy(asc(grants.receivedOn), sql`${grants}.rowid`).prepare(),
  };
});

type StoredGrant = NonNullable<ReturnType<ReturnType<typeof grantQueries>['byId']['get']>>;

/** A grant as the server works with it: its reporting dates read. */
export type GrantRow = Readonly<Omit<StoredGrant, 'reportingDates'> & { reportingDates: readonly string[] }>;

/** A grant as results carry it: its amount a string of minor units. */
export type GrantRecord = Omit<GrantRow, 'amount'> & { readonly amount: Money };

export function grantRecord(g: GrantRow): GrantRecord {
  return { ...g, amount: toMoney(g.amount) };
}

function fromStored(r: StoredGrant): GrantRow {
  return { ...r, reportingDates: JSON.parse(r.reportingDates) as string[] };
}

export function grantRow(ctx: CallContext, associationId: string, grantId: string, field = 'grantId'): GrantRow {
  const row = grantQueries(ctx.ledger).byId.get({ grantId, associationId });
  if (!row) throw new LedgerError('grant-not-found', {}, field);
  return fromStored(row);
}

export function grantsOf(ctx: CallContext, associationId: string): GrantRow[] {
  return grantQueries(ctx.ledger).ofAssociation.all({ associationId }).map(fromStored);
}

/** The name a treasurer knows a grant by. */
export function grantLabel(g: Pick<GrantRow, 'grantor' | 'reference'>): string {
  return `${g.grantor} (${g.reference})`;
}

/** The grant's unspent money as of a date: the credit balance of its fund account. */
export function unspentOf(ctx: CallContext, grant: GrantRow, asOf?: string): bigint {
  return -accountBalance(ctx.ledger.sqlite, grant.associationId, grant.accountId, asOf === undefined ? {} : { asOf });
}

/** Grant purposes whose money may serve this use (a loan-capital grant is lent); every other grant's unspent money is held back. */
const FREE_FOR: Readonly<Record<CashUse, readonly GrantPurpose[]>> = { lending: ['loan_capital'], payout: [], 'group-spending': [] };

/** Box and bank together, less the unspent money of the grants that forbid this use (one query over the grants' fund accounts). */
export function freeCash(ctx: CallContext, associationId: string, use: CashUse, asOf?: string): { free: bigint; held: bigint } {
  const { sqlite } = ctx.ledger;
  const on = asOf === undefined ? {} : { asOf };
  const cash = accountBalance(sqlite, associationId, accountByPurpose(sqlite, associationId, 'cash_box').id, on) +
    accountBalance(sqlite, associationId, accountByPurpose(sqlite, associationId, 'bank').id, on);
  const { held } = prepared(
    sqlite,
    `SELECT coalesce(-sum(p.amount), 0) AS held FROM postings p JOIN grants g ON g.account_id = p.account_id
      WHERE p.association_id = ? AND p.entry_date <= ? AND g.purpose NOT IN (SELECT value FROM json_each(?))`,
  ).safeIntegers(true).get(associationId, asOf ?? END_OF_TIME, JSON.stringify(FREE_FOR[use])) as RowOf<typeof postings, never, { held: bigint }>;
  return { free: cash - held, held };
}

/**
 * Refuses to use grant money for the group's own purposes: the amount must fit in the
 * free cash on the day and today (a back-dated payment must not eat a later grant).
 */
export function checkFreeCash(ctx: CallContext, associationId: string, currency: CurrencyCode, date: string, amount: bigint, use: CashUse, field: string): void {
  for (const asOf of [date, undefined]) {
    const { free, held } = freeCash(ctx, associationId, use, asOf);
    if (held > 0n && amount > free) {
      const money = (v: bigint) => formatAmount(v > 0n ? v : 0n, currency, ctx.actor.locale);
      throw new LedgerError('cash-held-for-grants', { free: money(free), held: money(held) }, field);
    }
  }
}

/** The pair that moves a grant's money from "unspent" to "used" (or back, with a negative amount). */
export function grantUseLines(ctx: CallContext, associationId: string, grant: GrantRow, amount: MinorUnits): EntryLine[] {
  const used = accountByPurpose(ctx.ledger.sqlite, associationId, 'grant_used').id;
  return [
    { accountId: grant.accountId, amount, memo: codedMemo('grant-use', { grant: grantLabel(grant) }) },
    { accountId: used, amount: -amount as MinorUnits, memo: codedMemo('grant-use', { grant: grantLabel(grant) }) },
  ];
}

export interface FundPart {
  /** null: the group's own money. */
  readonly grantId: string | null;
  readonly amount: MinorUnits;
}

/** "Paid by" as a command's input: a list of parts; absent means the group's own money paid it all. */
export const fundsInput = z
  .array(z.strictObject({ grantId: id.nullable(), amount: amountText }), { error: 'field-invalid' })
  .min(1, { error: 'field-required' })
  .max(5, { error: 'field-invalid' })
  .optional();

export function fundParts(ctx: CallContext, currency: CurrencyCode, total: MinorUnits, funds: z.output<typeof fundsInput>): FundPart[] {
  if (!funds) return [{ grantId: null, amount: total }];
  return funds.map((f, i) => ({ grantId: f.grantId, amount: amountAt(ctx, f.amount, currency, `funds.${i}.amount`) }));
}

/**
 * Checks who pays for a spending: the parts add up to the total, each grant allows
 * this kind of spending, has the money unspent on the day and today, and the group's
 * own part fits in its free cash.
 */
export function checkFundParts(
  ctx: CallContext, associationId: string, currency: CurrencyCode, kind: SpendingKind, date: string, total: MinorUnits, parts: readonly FundPart[], field: string,
): GrantRow[] {
  const sum = parts.reduce((s, p) => s.plus(p.amount), decimal(0));
  if (!sum.equals(total)) {
    throw new LedgerError('spending-parts-sum', { parts: formatAmount(sum.toFixed(0), currency, ctx.actor.locale), total: formatAmount(total, currency, ctx.actor.locale) }, field);
  }
  const seen = new Set<string | null>();
  const grants: GrantRow[] = [];
  parts.forEach((part, i) => {
    const at = `${field}.${i}`;
    if (seen.has(part.grantId)) throw new LedgerError('spending-fund-twice', {}, at);
    seen.add(part.grantId);
    if (part.grantId === null) {
      checkFreeCash(ctx, associationId, currency, date, BigInt(part.amount), 'group-spending', `${at}.amount`);
      return;
    }
    const grant = grantRow(ctx, associationId, part.grantId, `${at}.grantId`);
    if (!SPENDING_ALLOWED[grant.purpose].includes(kind)) throw new LedgerError('grant-purpose-forbids', { grant: grantLabel(grant) }, `${at}.grantId`);
    checkGrantCovers(ctx, grant, currency, date, part.amount, { date: `${at}.grantId`, amount: `${at}.amount` });
    grants.push(grant);
  });
  return grants;
}

/**
 * A grant can pay this amount on this date: it had arrived, and enough of it is
 * unspent on the day and today (a back-dated payment must not eat a later one).
 */
export function checkGrantCovers(
  ctx: CallContext, grant: GrantRow, currency: CurrencyCode, date: string, amount: MinorUnits, fields: { readonly date: string; readonly amount: string },
): void {
  if (date < grant.receivedOn) throw new LedgerError('grant-not-yet-received', { grant: grantLabel(grant), date: grant.receivedOn }, fields.date);
  const unspent = [unspentOf(ctx, grant, date), unspentOf(ctx, grant)].reduce((a, b) => (a < b ? a : b));
  if (BigInt(amount) > unspent) {
    throw new LedgerError('grant-overspent', { grant: grantLabel(grant), unspent: formatAmount(unspent, currency, ctx.actor.locale) }, fields.amount);
  }
}

/** The cash account a payment comes from must hold the money on the day. */
export function checkCashHolds(ctx: CallContext, associationId: string, currency: CurrencyCode, from: CashAccount, date: string, amount: MinorUnits, field: string): string {
  const { sqlite } = ctx.ledger;
  const account = accountByPurpose(sqlite, associationId, from).id;
  const held = accountBalance(sqlite, associationId, account, { asOf: date });
  if (held < BigInt(amount)) {
    throw new LedgerError(from === 'cash_box' ? 'cash-box-short' : 'bank-short', {
      needed: formatAmount(amount, currency, ctx.actor.locale), available: formatAmount(held > 0n ? held : 0n, currency, ctx.actor.locale),
    }, field);
  }
  return account;
}
