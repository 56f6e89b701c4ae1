// The share-out (the "action audit") at the end of a cycle: the pool and its working,
// each member's part by the group's rules, read live from the books as of a date.
// Posting it is in post.ts; a member leaving mid-cycle is settled in exit.ts.

import { z } from 'zod';
import { LedgerError } from '../errors';
import { handler } from '../registry';
import type { CallContext } from '../context';
import { READERS } from '../auth/access';
import { prepared } from '../prepared';
import { id, isoDate } from '../validation';
import { getAssociation } from '../association-record';
import { daysBetween } from '../locale/dates';
import { toMoney, type Money } from '../money/money';
import { getCycle, rulesOn, shareOutRulesOf, type ShareOutRules } from '../cycles/handlers';
import { owedByMember } from '../loans/handlers';
import { divide, DivisionError, type MemberBasis } from './divide';
import { poolAsOf, type PoolWorking } from './pool';

/** Members in the register as of the date: who is in the division, who left and was settled at exit. */
const MEMBERS = `SELECT id, member_no AS memberNo, full_name AS fullName, exited_on AS exitedOn
   FROM members WHERE association_id = ? AND joined_on <= ? ORDER BY member_no`;
/** Shares bought at the cycle's meetings up to the date, by member (the meetings' current versions). */
const SHARES = `SELECT c.member_id AS memberId, sum(c.shares) AS shares
   FROM contributions c JOIN current_meeting_versions v ON v.id = c.meeting_version_id JOIN meetings m ON m.id = v.meeting_id
  WHERE m.association_id = ? AND m.cycle_id = ? AND m.meeting_date <= ? AND c.kind = 'shares' GROUP BY c.member_id`;
/** Every movement of members' savings up to the date (for balances and share-days). */
const SAVINGS_MOVES = `SELECT p.member_id AS memberId, p.entry_date AS date, p.amount AS amount
   FROM postings p JOIN accounts a ON a.id = p.account_id
  WHERE p.association_id = ? AND a.purpose = 'member_savings' AND p.entry_date <= ?`;

export interface ShareOutMember {
  readonly memberId: string;
  readonly memberNo: number;
  readonly fullName: string;
  /** Shares bought (shares groups), savings (minor units) or share-days, as text. */
  readonly weight: string;
  readonly savings: Money;
  readonly exact: string;
  readonly share: Money;
  readonly loanOwed: Money;
  readonly loanNetted: Money;
  readonly payout: Money;
  readonly debtCarried: Money;
}

export interface ShareOutPreview {
  readonly associationId: string;
  readonly cycleId: string;
  readonly date: string;
  readonly basis: 'shares' | ShareOutRules['basis'];
  readonly rules: Omit<ShareOutRules, 'roundingUnit'> & { readonly roundingUnit: Money };
  readonly working: PoolWorking;
  readonly reserve: Money;
  readonly divisible: Money;
  readonly remainder: Money;
  readonly members: readonly ShareOutMember[];
  /** Members who left during the cycle: settled at their exit, not paid again. */
  readonly settledAtExit: readonly { readonly memberId: string; readonly fullName: string; readonly exitedOn: string }[];
  /** Members who left and have not yet been paid their savings: owed by the group, not in the pool. */
  readonly owedToLeavers: readonly { readonly memberId: string; readonly fullName: string; readonly owed: Money }[];
  /** Loans still owed; under "collect first" the share-out cannot be confirmed until they are settled. */
  readonly loansOwed: readonly { readonly memberId: string; readonly fullName: string; readonly owed: Money }[];
  /** What the pool needs beyond the cash that can pay it (0 when the cash is there). */
  readonly shortfall: Money;
  /**
   * Shares groups: members with savings but no shares bought in the cycle (savings brought
   * in, say). A division by shares would give their savings to the others, so the
   * share-out cannot be done until they are recorded as shares.
   */
  readonly savingsWithoutShares: readonly string[];
  /** Whether members may leave part of their payout as next cycle's savings (plain-savings groups; a shares group buys shares again). */
  readonly reinvestAllowed: boolean;
}

/** Works out the share-out as of a date, from the books and the rules in force that day. */
export function previewShareOut(ctx: CallContext, associationId: string, cycleId: string, date: string): ShareOutPreview {
  getAssociation(ctx, associationId);
  const cycle = getCycle(ctx, associationId, cycleId);
  if (date < cycle.startsOn) throw new LedgerError('share-out-before-cycle', { date: cycle.startsOn }, 'date');
  const rules = rulesOn(cycle, date);
  const shareOut = shareOutRulesOf(rules);
  const { sqlite } = ctx.ledger;
  if (date > cycle.endsOn) throw new LedgerError('share-out-after-cycle', { date: cycle.endsOn }, 'date');
  const owed = owedByMember(ctx, associationId, date);
  const netting = shareOut.loans === 'net';

  const people = prepared(sqlite, MEMBERS).all(associationId, date) as { id: string; memberNo: number; fullName: string; exitedOn: string | null }[];
  const staying = people.filter((m) => m.exitedOn === null || m.exitedOn > date);
  const left = people.filter((m) => m.exitedOn !== null && m.exitedOn <= date);
  const settledAtExit = left.filter((m) => m.exitedOn! >= cycle.startsOn)
    .map((m) => ({ memberId: m.id, fullName: m.fullName, exitedOn: m.exitedOn! }));

  // Savings and share-days from the postings on 2010 (credits are negative in the books).
  const savings = new Map<string, bigint>();
  const shareDays = new Map<string, bigint>();
  for (const move of prepared(sqlite, SAVINGS_MOVES).safeIntegers(true).all(associationId, date) as { memberId: string | null; date: string; amount: bigint }[]) {
    if (move.memberId === null) continue;
    const saved = -move.amount;
    savings.set(move.memberId, (savings.get(move.memberId) ?? 0n) + saved);
    // Money saved before the cycle began counts from its first day.
    const from = move.date < cycle.startsOn ? cycle.startsOn : move.date;
    shareDays.set(move.memberId, (shareDays.get(move.memberId) ?? 0n) + saved * BigInt(daysBetween(from, date)));
  }
  // Members who left and are still owed their savings are paid them, not a part: out of the pool.
  const owedToLeavers = left.map((m) => ({ memberId: m.id, fullName: m.fullName, owed: savings.get(m.id) ?? 0n })).filter((m) => m.owed !== 0n);
  const shares = new Map((prepared(sqlite, SHARES).all(associationId, cycleId, date) as { memberId: string; shares: number }[]).map((r) => [r.memberId, BigInt(r.shares)]));
  const basis = rules.savingMode === 'shares' ? 'shares' : shareOut.basis;
  const weightOf = (memberId: string): bigint =>
    basis === 'shares' ? (shares.get(memberId) ?? 0n) : basis === 'share_days' ? (shareDays.get(memberId) ?? 0n) : (savings.get(memberId) ?? 0n);

  const bases: MemberBasis[] = staying.map((m) => {
    const weight = weightOf(m.id);
    return { memberId: m.id, weight: weight > 0n ? weight : 0n, owed: netting ? (owed.get(m.id)?.total ?? 0n) : 0n };
  });
  const owedToLeaversTotal = owedToLeavers.reduce((sum, m) => sum + m.owed, 0n);
  const divideWith = (interestNetted: bigint) => {
    const figures = poolAsOf(sqlite, associationId, date, shareOut.socialFundShared, interestNetted, owedToLeaversTotal);
    try {
      const division = divide({ pool: figures.pool, profit: figures.profit, reservePercent: shareOut.reservePercent, roundingUnit: BigInt(shareOut.roundingUnit), members: bases });
      return { figures, division };
    } catch (err) {
      if (err instanceof DivisionError) throw new LedgerError(err.code, {}, 'date');
      throw err;
    }
  };
  // Interest and penalties taken from staying members' parts are earned at the share-out and belong in
  // the pool — but only what the parts really cover (a repayment pays interest first). The parts depend
  // on the pool, so start from all the interest due and lower it until what is taken is what was counted
  // (each round can only lower it: the steps end).
  const takenFrom = (parts: readonly { memberId: string; loanNetted: bigint }[]) =>
    parts.reduce((sum, p) => {
      const due = owed.get(p.memberId)?.interestAndPenalties ?? 0n;
      return sum + (p.loanNetted < due ? p.loanNetted : due);
    }, 0n);
  let interestNetted = netting ? bases.reduce((sum, b) => sum + (owed.get(b.memberId)?.interestAndPenalties ?? 0n), 0n) : 0n;
  let { figures, division } = divideWith(interestNetted);
  while (netting && takenFrom(division.parts) !== interestNetted) {
    interestNetted = takenFrom(division.parts);
    ({ figures, division } = divideWith(interestNetted));
  }
  const byId = new Map(staying.map((m) => [m.id, m]));
  const payable = division.parts.reduce((sum, p) => sum + p.payout, 0n);
  const shortfall = payable - figures.available > 0n ? payable - figures.available : 0n;
  const names = new Map(people.map((m) => [m.id, m.fullName]));
  return {
    associationId,
    cycleId,
    date,
    basis,
    rules: { ...shareOut, roundingUnit: toMoney(shareOut.roundingUnit) },
    working: figures.working,
    reserve: toMoney(division.reserve),
    divisible: toMoney(division.divisible),
    remainder: toMoney(division.remainder),
    members: division.parts.map((p) => {
      const m = byId.get(p.memberId)!;
      return {
        memberId: p.memberId, memberNo: m.memberNo, fullName: m.fullName, weight: p.weight.toString(), savings: toMoney(savings.get(p.memberId) ?? 0n),
        exact: p.exact, share: toMoney(p.share), loanOwed: toMoney(owed.get(p.memberId)?.total ?? 0n), loanNetted: toMoney(p.loanNetted),
        payout: toMoney(p.payout), debtCarried: toMoney(p.debtCarried),
      };
    }),
    settledAtExit,
    owedToLeavers: owedToLeavers.map((m) => ({ memberId: m.memberId, fullName: m.fullName, owed: toMoney(m.owed) })),
    loansOwed: [...owed].map(([memberId, o]) => ({ memberId, fullName: names.get(memberId) ?? '', owed: toMoney(o.total) })),
    shortfall: toMoney(shortfall),
    reinvestAllowed: basis !== 'shares',
    savingsWithoutShares: basis === 'shares' ? staying.filter((m) => weightOf(m.id) === 0n && (savings.get(m.id) ?? 0n) !== 0n).map((m) => m.fullName) : [],
  };
}

export const shareOutHandlers = {
  'share-out-preview': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'The share-out of a cycle as of a date: the pool and its working, each member’s part by the group’s rules (a draft, from the books)',
    input: z.strictObject({ associationId: id, cycleId: id, date: isoDate }),
    run: (ctx, input): ShareOutPreview => previewShareOut(ctx, input.associationId, input.cycleId, input.date),
  }),
};
