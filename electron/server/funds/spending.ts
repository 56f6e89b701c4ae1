// One spending of the group's money on its projects (animals, vet and feed, equipment,
// training …), paid from the box or the bank by one or more funds. The charge, the
// payment and, for each grant, the move from "unspent" to "used" are one entry.

import type { CallContext } from '../context';
import { prepared } from '../prepared';
import type { MinorUnits } from '../money/money';
import type { CurrencyCode } from '../money/currency';
import { accountByPurpose } from '../journal/balances';
import { postEntry, type EntryLine } from '../journal/post';
import { SPENDING_ACCOUNT, checkCashHolds, checkFundParts, grantUseLines, type CashAccount, type FundPart, type SpendingKind } from './funds';

export interface NewSpending {
  readonly associationId: string;
  readonly currency: CurrencyCode;
  readonly date: string;
  readonly kind: Exclude<SpendingKind, 'return_to_grantor'>;
  readonly description: string;
  readonly amount: MinorUnits;
  readonly paidFrom: CashAccount;
  readonly parts: readonly FundPart[];
  readonly animalId?: string;
  /** Where the parts came from in the caller's input, for errors. */
  readonly partsField: string;
}

export function recordSpending(ctx: CallContext, s: NewSpending): { spendingId: string; entryId: string } {
  const grants = checkFundParts(ctx, s.associationId, s.currency, s.kind, s.date, s.amount, s.parts, s.partsField);
  const cashAccount = checkCashHolds(ctx, s.associationId, s.currency, s.paidFrom, s.date, s.amount, 'paidFrom');
  const { sqlite } = ctx.ledger;
  const spendingId = ctx.newId();
  const lines: EntryLine[] = [
    { accountId: accountByPurpose(sqlite, s.associationId, SPENDING_ACCOUNT[s.kind]).id, amount: s.amount, memo: s.description },
    { accountId: cashAccount, amount: -s.amount as MinorUnits },
  ];
  for (const part of s.parts) {
    const grant = grants.find((g) => g.id === part.grantId);
    if (grant) lines.push(...grantUseLines(ctx, s.associationId, grant, part.amount));
  }
  const entry = postEntry(ctx, {
    associationId: s.associationId, entryDate: s.date, kind: 'spending', memo: s.description, source: { type: 'spending', id: spendingId }, lines,
  });
  insertSpending(ctx, { ...s, id: spendingId, entryId: entry.id });
  return { spendingId, entryId: entry.id };
}

export function insertSpending(
  ctx: CallContext,
  s: { id: string; associationId: string; date: string; kind: SpendingKind; description: string; amount: MinorUnits; paidFrom: CashAccount; parts: readonly FundPart[]; animalId?: string; entryId: string },
): void {
  const { sqlite } = ctx.ledger;
  prepared(
    sqlite,
    `INSERT INTO spendings (id, association_id, spent_on, kind, description, amount, paid_from, animal_id, entry_id, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(s.id, s.associationId, s.date, s.kind, s.description, s.amount, s.paidFrom, s.animalId ?? null, s.entryId, ctx.now().toISOString(), ctx.actorName);
  const insertPart = prepared(sqlite, 'INSERT INTO spending_funds (spending_id, grant_id, amount) VALUES (?, ?, ?)');
  for (const part of s.parts) insertPart.run(s.id, part.grantId, part.amount);
}
