// A member who leaves mid-cycle: the record stays, and they are settled like a
// share-out of one. By the group's rule (cycle rules, "onExit") they take their
// savings, or their savings and their part of the cycle's profit so far, worked out
// exactly as the share-out would be on the day they leave (same pool, reserve and
// rounding). Their part of the profit is credited to their savings at the exit, so
// whether they are paid that day or later (member-savings-settle) they get the same;
// the members who stay share what is left at the end of the cycle.

import { z } from 'zod';
import { attendance, currentMeetingVersions, meetings, members } from '../../../db/schema';
import { and, eq, max, sql } from 'drizzle-orm';
import { LedgerError } from '../errors';
import { handler } from '../registry';
import type { CallContext } from '../context';
import { READERS, RECORDERS } from '../auth/access';
import { accountBalance, accountByPurpose } from '../journal/balances';
import { postEntry } from '../journal/post';
import { codedMemo } from '../journal/memo';
import { minorUnits, toMoney, type MinorUnits, type Money } from '../money/money';
import { id, isoDate, requiredText } from '../validation';
import { getAssociation, writableAssociation } from '../association-record';
import { placeholderValue, typedQuery } from '../prepared';
import { checkFreeCash } from '../funds/funds';
import { cycleCovering, rulesOn, shareOutRulesOf, EXIT_SHARES } from '../cycles/handlers';
import { getMember, type MemberView } from '../members/handlers';
import { previewShareOut } from './handlers';

const exitQueries = typedQuery((db) => ({
  /** The last meeting the member took part in (present or represented). */
  lastMeetingAttended: db.select({ date: max(meetings.meetingDate) }).from(meetings)
    .innerJoin(currentMeetingVersions, eq(currentMeetingVersions.meetingId, meetings.id))
    .innerJoin(attendance, and(
      eq(attendance.meetingVersionId, currentMeetingVersions.id),
      eq(attendance.memberId, sql.placeholder('memberId')),
      sql`${attendance.status} <> 'absent'`,
    )).prepare(),
  exit: db.update(members)
    .set({ exitedOn: placeholderValue('exitedOn'), exitReason: placeholderValue('reason'), updatedAt: placeholderValue('now') })
    .where(eq(members.id, sql.placeholder('memberId'))).prepare(),
}));

/** What a member leaving on a date takes with them, by the rule in force that day. */
export interface ExitSettlement {
  readonly memberId: string;
  readonly exitedOn: string;
  readonly rule: (typeof EXIT_SHARES)[number];
  /** The cycle whose profit they share in (null: no open cycle that day, savings only). */
  readonly cycleName: string | null;
  readonly savings: Money;
  /** Their part of the share-out on that day, less their savings: negative when the cycle so far made a loss. */
  readonly profitPart: Money;
  /** Whether that part is a profit, a loss or nothing, and its size (for the words that say it). */
  readonly partKind: 'profit' | 'loss' | 'none';
  readonly partSize: Money;
  /** What they are owed: savings + part of the profit. */
  readonly total: Money;
}

function savingsOf(ctx: CallContext, associationId: string, memberId: string): bigint {
  const savings = accountByPurpose(ctx.ledger.sqlite, associationId, 'member_savings');
  return -accountBalance(ctx.ledger.sqlite, associationId, savings.id, { memberId });
}

/** Works out what a member leaving on a date is owed (nothing is written). */
export function exitSettlement(ctx: CallContext, associationId: string, member: MemberView, exitedOn: string): ExitSettlement {
  const savings = savingsOf(ctx, associationId, member.id);
  const cycle = cycleCovering(ctx, associationId, exitedOn);
  const rule = cycle ? shareOutRulesOf(rulesOn(cycle, exitedOn)).onExit : 'savings';
  let profitPart = 0n;
  if (cycle && cycle.status === 'open' && rule === 'savings_and_profit') {
    const part = previewShareOut(ctx, associationId, cycle.id, exitedOn).members.find((m) => m.memberId === member.id);
    if (part) profitPart = BigInt(part.share) - BigInt(part.savings);
  }
  return {
    memberId: member.id, exitedOn, rule, cycleName: cycle?.name ?? null,
    savings: toMoney(savings), profitPart: toMoney(profitPart), total: toMoney(savings + profitPart),
    partKind: profitPart > 0n ? 'profit' : profitPart < 0n ? 'loss' : 'none', partSize: toMoney(profitPart < 0n ? -profitPart : profitPart),
  };
}

/** Pays a leaving member's savings out of the cash box, in one entry. The social fund stays with the group. */
function settleSavings(ctx: CallContext, associationId: string, member: MemberView, date: string): bigint {
  const { sqlite } = ctx.ledger;
  const savings = accountByPurpose(sqlite, associationId, 'member_savings');
  const box = accountByPurpose(sqlite, associationId, 'cash_box');
  const owed = savingsOf(ctx, associationId, member.id);
  if (owed <= 0n) return 0n;
  const inBox = accountBalance(sqlite, associationId, box.id, { asOf: date });
  if (inBox < owed) throw new LedgerError('cash-insufficient', { needed: String(owed), available: String(inBox) }, 'memberId');
  checkFreeCash(ctx, associationId, getAssociation(ctx, associationId).currency, date, owed, 'payout', 'memberId');
  const amount = minorUnits(owed);
  postEntry(ctx, {
    associationId, entryDate: date, kind: 'payout', memo: codedMemo('savings-payout', { name: member.fullName }),
    source: { type: 'member-exit', id: member.id },
    lines: [
      { accountId: savings.id, memberId: member.id, amount },
      { accountId: box.id, amount: -amount as MinorUnits },
    ],
  });
  return owed;
}

/** Credits (or, after a loss, debits) the leaving member's savings with their part of the profit, from the group fund. */
function creditProfitPart(ctx: CallContext, associationId: string, member: MemberView, settlement: ExitSettlement): void {
  const part = BigInt(settlement.profitPart);
  if (part === 0n) return;
  const { sqlite } = ctx.ledger;
  postEntry(ctx, {
    associationId, entryDate: settlement.exitedOn, kind: 'exit-profit-part',
    memo: codedMemo('exit-profit-part', { name: member.fullName, cycle: settlement.cycleName ?? '' }),
    source: { type: 'member-exit', id: member.id },
    lines: [
      { accountId: accountByPurpose(sqlite, associationId, 'group_fund').id, amount: minorUnits(part) },
      { accountId: accountByPurpose(sqlite, associationId, 'member_savings').id, memberId: member.id, amount: minorUnits(-part) },
    ],
  });
}

const exitInput = { associationId: id, memberId: id, exitedOn: isoDate };

/** The checks every exit passes: a member still in the group, leaving after joining and after their last meeting. */
function leavingMember(ctx: CallContext, input: { associationId: string; memberId: string; exitedOn: string }): MemberView {
  const member = getMember(ctx, input.associationId, input.memberId);
  if (member.status === 'exited') throw new LedgerError('member-exited', { name: member.fullName }, 'memberId');
  if (input.exitedOn < member.joinedOn) throw new LedgerError('exit-before-joining', { joinedOn: member.joinedOn }, 'exitedOn');
  // The exit cannot be dated before a meeting the member took part in.
  const last = exitQueries(ctx.ledger).lastMeetingAttended.get({ memberId: input.memberId });
  if (last?.date && input.exitedOn < last.date) throw new LedgerError('exit-before-last-meeting', { date: last.date }, 'exitedOn');
  return member;
}

export const memberExitHandlers = {
  'member-exit-preview': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'What a member leaving on a date would take: their savings and, by the group’s rule, their part of the profit so far',
    input: z.strictObject(exitInput),
    run(ctx, input): ExitSettlement {
      getAssociation(ctx, input.associationId);
      return exitSettlement(ctx, input.associationId, leavingMember(ctx, input), input.exitedOn);
    },
  }),

  'member-exit': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Record that a member left on a date; their savings (and, by the rules, their part of the profit so far) are paid from the cash box (settle: false to pay later)',
    eventDate: 'exitedOn',
    input: z.strictObject({ ...exitInput, reason: requiredText(300), settle: z.boolean().default(true) }),
    run(ctx, input): MemberView {
      writableAssociation(ctx, input.associationId);
      const member = leavingMember(ctx, input);
      creditProfitPart(ctx, input.associationId, member, exitSettlement(ctx, input.associationId, member, input.exitedOn));
      if (input.settle) settleSavings(ctx, input.associationId, member, input.exitedOn);
      exitQueries(ctx.ledger).exit.run({ memberId: input.memberId, exitedOn: input.exitedOn, reason: input.reason, now: ctx.now().toISOString() });
      return getMember(ctx, input.associationId, input.memberId);
    },
  }),

  'member-savings-settle': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Pay out from the cash box the savings of a member who left without being paid then',
    eventDate: 'date',
    input: z.strictObject({ associationId: id, memberId: id, date: isoDate }),
    run(ctx, input): { memberId: string; paid: Money } {
      writableAssociation(ctx, input.associationId);
      const member = getMember(ctx, input.associationId, input.memberId);
      if (member.exitedOn === null) throw new LedgerError('member-not-exited', { name: member.fullName }, 'memberId');
      if (input.date < member.exitedOn) throw new LedgerError('settle-before-exit', { date: member.exitedOn }, 'date');
      const paid = settleSavings(ctx, input.associationId, member, input.date);
      if (paid === 0n) throw new LedgerError('savings-nothing-owed', { name: member.fullName }, 'memberId');
      return { memberId: member.id, paid: toMoney(paid) };
    },
  }),
};
