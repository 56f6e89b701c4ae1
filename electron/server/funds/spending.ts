// One spending of the group's money on its projects (animals, vet and feed, equipment,
// training …), paid from the box or the bank by one or more funds. The charge, the
// payment and, for each grant, the move from "unspent" to "used" are one entry.

import type { CallContext } from '../context';
import { sql } from 'drizzle-orm';
import { spendingFunds, spendings } from '../../../db/schema';
import { typedQuery } from '../prepared';
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

const spendingQueries = typedQuery((db) => ({
  insert: db.insert(spendings).values({
    id: sql.placeholder('id'), associationId: sql.placeholder('associationId'), spentOn: sql.placeholder('spentOn'), kind: sql.placeholder('kind'),
    description: sql.placeholder('description'), amount: sql.placeholder('amount'), paidFrom: sql.placeholder('paidFrom'), animalId: sql.placeholder('animalId'),
    entryId: sql.placeholder('entryId'), createdAt: sql.placeholder('createdAt'), createdBy: sql.placeholder('createdBy'),
  }).prepare(),
  insertPart: db.insert(spendingFunds).values({
    spendingId: sql.placeholder('spendingId'), grantId: sql.placeholder('grantId'), amount: sql.placeholder('amount'),
  }).prepare(),
}));

export function insertSpending(
  ctx: CallContext,
  s: { id: string; associationId: string; date: string; kind: SpendingKind; description: string; amount: MinorUnits; paidFrom: CashAccount; parts: readonly FundPart[]; animalId?: string; entryId: string },
): void {
  const q = spendingQueries(ctx.ledger);
  q.insert.run({
    id: s.id, associationId: s.associationId, spentOn: s.date, kind: s.kind, description: s.description, amount: s.amount, paidFrom: s.paidFrom,
    animalId: s.animalId ?? null, entryId: s.entryId, createdAt: ctx.now().toISOString(), createdBy: ctx.actorName,
  });
  for (const part of s.parts) q.insertPart.run({ spendingId: s.id, grantId: part.grantId, amount: part.amount });
}
