// What a cycle opens with: the money brought forward from the cycle before, as the
// books hold it on the eve of its first day — the social fund, the group fund (the
// reserve and the remainder left at the share-out), the savings members left in
// (reinvested, or brought in) and the loans still owed (debts the share-out could
// not cover). Read from the books, never stored twice.

import { z } from 'zod';
import { handler } from '../registry';
import type { CallContext } from '../context';
import { READERS } from '../auth/access';
import { prepared } from '../prepared';
import { id } from '../validation';
import { addDays } from '../locale/dates';
import { toMoney, type Money } from '../money/money';
import { getCycle } from '../cycles/handlers';
import { loansAsOf } from '../loans/handlers';
import { postedShareOut } from './post';

const BALANCES = `SELECT a.purpose AS purpose, p.member_id AS memberId, coalesce(sum(p.amount), 0) AS balance
   FROM postings p JOIN accounts a ON a.id = p.account_id
  WHERE p.association_id = ? AND p.entry_date <= ? AND a.purpose IN ('social_fund', 'group_fund', 'member_savings')
  GROUP BY a.purpose, p.member_id`;
const NAMES = 'SELECT id, full_name AS fullName FROM members WHERE association_id = ?';
const PREVIOUS = 'SELECT id FROM cycles WHERE association_id = ? AND ends_on < ? ORDER BY ends_on DESC LIMIT 1';

export interface CycleOpening {
  readonly cycleId: string;
  /** The balances are the books' on this day (the eve of the cycle's first day). */
  readonly asOf: string;
  /** The cycle before and its share-out, when there was one. */
  readonly previous: {
    readonly cycleId: string;
    readonly name: string;
    readonly shareOutDate: string | null;
    readonly reserve: Money;
    readonly remainder: Money;
    readonly remainderTo: 'group_fund' | 'social_fund';
  } | null;
  readonly socialFund: Money;
  readonly groupFund: Money;
  readonly savings: Money;
  readonly savingsByMember: readonly { readonly memberId: string; readonly fullName: string; readonly amount: Money }[];
  readonly debts: readonly { readonly memberId: string; readonly fullName: string; readonly owed: Money }[];
}

export function cycleOpening(ctx: CallContext, associationId: string, cycleId: string): CycleOpening {
  const cycle = getCycle(ctx, associationId, cycleId);
  const { sqlite } = ctx.ledger;
  const asOf = addDays(cycle.startsOn, -1);
  const names = new Map((prepared(sqlite, NAMES).all(associationId) as { id: string; fullName: string }[]).map((m) => [m.id, m.fullName]));
  const rows = prepared(sqlite, BALANCES).safeIntegers(true).all(associationId, asOf) as { purpose: string; memberId: string | null; balance: bigint }[];
  // Credit balances (negative in the books) shown as positive.
  const total = (purpose: string) => -rows.filter((r) => r.purpose === purpose).reduce((sum, r) => sum + r.balance, 0n);
  const savingsByMember = rows.filter((r) => r.purpose === 'member_savings' && r.memberId !== null && r.balance !== 0n)
    .map((r) => ({ memberId: r.memberId!, fullName: names.get(r.memberId!) ?? '', amount: toMoney(-r.balance) }))
    .sort((a, b) => a.fullName.localeCompare(b.fullName));
  // Loans as they stood on the eve (one repaid since still shows what was owed then), by member.
  const owed = new Map<string, bigint>();
  for (const l of loansAsOf(ctx, associationId, asOf)) {
    const total = BigInt(l.principalOutstanding) + BigInt(l.interestDue) + BigInt(l.penaltyDue);
    if (total > 0n) owed.set(l.memberId, (owed.get(l.memberId) ?? 0n) + total);
  }
  const debts = [...owed].map(([memberId, total]) => ({ memberId, fullName: names.get(memberId) ?? '', owed: toMoney(total) }));

  const before = prepared(sqlite, PREVIOUS).get(associationId, cycle.startsOn) as { id: string } | undefined;
  let previous: CycleOpening['previous'] = null;
  if (before) {
    const earlier = getCycle(ctx, associationId, before.id);
    const shareOut = postedShareOut(ctx, associationId, before.id);
    previous = {
      cycleId: earlier.id, name: earlier.name, shareOutDate: shareOut?.date ?? null,
      reserve: shareOut?.reserve ?? '0', remainder: shareOut?.remainder ?? '0', remainderTo: shareOut?.rules.remainderTo ?? 'group_fund',
    };
  }
  return {
    cycleId, asOf, previous, socialFund: toMoney(total('social_fund')), groupFund: toMoney(total('group_fund')), savings: toMoney(total('member_savings')),
    savingsByMember, debts,
  };
}

export const cycleOpeningHandlers = {
  'cycle-opening': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'What a cycle opens with, brought forward from the one before: social fund, group fund (reserve, remainder), savings left in, debts carried',
    input: z.strictObject({ associationId: id, cycleId: id }),
    run: (ctx, input): CycleOpening => cycleOpening(ctx, input.associationId, input.cycleId),
  }),
};
