// The programme's summary table, kept in step with the imports: whenever a group's
// books are taken in (a first import, a newer file, a conflict decided for the file)
// its quarters are worked out again from its books, in the same transaction, so the
// page never reads the journal. `rebuildSummary` does it for every imported group.

import { eq, sql } from 'drizzle-orm';
import { exchangeSources, programmeQuarters } from '../../../db/schema';
import type { CallContext } from '../context';
import { rowInserter, typedQuery } from '../prepared';
import { minorUnits, toMoney, type Dec } from '../money/money';
import { groupQuarters, type GroupQuarter } from './group-quarters';

const queries = typedQuery((db) => ({
  forget: db.delete(programmeQuarters).where(eq(programmeQuarters.associationId, sql.placeholder('associationId'))).prepare(),
  forgetAll: db.delete(programmeQuarters).prepare(),
  sources: db.select({ associationId: exchangeSources.associationId, exportedAt: exchangeSources.exportedAt }).from(exchangeSources).prepare(),
}));

const insertRow = rowInserter(programmeQuarters);

/** A computed quarter as the table stores it (money as whole minor units). */
export function storedRow(r: GroupQuarter): typeof programmeQuarters.$inferInsert {
  const money = (d: Dec) => minorUnits(toMoney(d));
  return {
    ...r,
    savings: money(r.savings), socialFund: money(r.socialFund), loansOutstandingValue: money(r.loansOutstandingValue),
    loansDisbursedValue: money(r.loansDisbursedValue), par30Value: money(r.par30Value), writtenOffValue: money(r.writtenOffValue), loanFund: money(r.loanFund),
    assets: money(r.assets), cycleIncome: money(r.cycleIncome), annualisedIncome: money(r.annualisedIncome), grantsReceived: money(r.grantsReceived),
    grantsUnspent: money(r.grantsUnspent),
  };
}

/** The group's quarters worked out again from its books (inside the caller's transaction). Returns the quarters written. */
export function refreshGroupSummary(ctx: Pick<CallContext, 'ledger'>, associationId: string, exportedAt: string): number {
  queries(ctx.ledger).forget.run({ associationId });
  const rows = groupQuarters(ctx, associationId, exportedAt.slice(0, 10)) ?? [];
  const insert = insertRow(ctx.ledger);
  for (const row of rows) insert.run(storedRow(row));
  return rows.length;
}

/** Every imported group's quarters worked out again from the books (inside the caller's transaction). */
export function rebuildSummary(ctx: Pick<CallContext, 'ledger'>): { groups: number; quarters: number } {
  const q = queries(ctx.ledger);
  q.forgetAll.run();
  const sources = q.sources.all();
  let quarters = 0;
  for (const s of sources) quarters += refreshGroupSummary(ctx, s.associationId, s.exportedAt);
  return { groups: sources.length, quarters };
}
