// Members: never deleted. They join, their details can be corrected, and they may
// exit with a date (the savings settlement comes with the meetings work).

import { z } from 'zod';
import { LedgerError } from '../errors';
import { handler } from '../registry';
import type { CallContext } from '../context';
import { accountBalance, accountByPurpose } from '../journal/balances';
import { postEntry } from '../journal/post';
import { minorUnits, type MinorUnits } from '../money/money';
import { clearableText, id, isoDate, optionalText, requiredText } from '../validation';
import { getAssociation, writableAssociation } from '../association-record';
import { prepared } from '../prepared';
import { READERS, RECORDERS } from '../auth/access';
import { checkFreeCash } from '../funds/funds';

export const GENDERS = ['female', 'male'] as const;
const PHONE = /^\+?[0-9 ]{6,20}$/;
export const MEMBER_ROLES = ['chair', 'secretary', 'treasurer', 'key_holder', 'member'] as const;

const details = {
  fullName: requiredText(120),
  gender: z.enum(GENDERS, { error: 'gender-invalid' }),
  role: z.enum(MEMBER_ROLES, { error: 'role-invalid' }).default('member'),
  phone: optionalText(30).refine((p) => p === undefined || PHONE.test(p), { error: 'phone-invalid' }),
  nationalId: optionalText(30),
};

export interface MemberView {
  readonly id: string;
  readonly associationId: string;
  readonly memberNo: number;
  readonly fullName: string;
  readonly gender: (typeof GENDERS)[number];
  readonly role: (typeof MEMBER_ROLES)[number];
  readonly phone: string | null;
  readonly nationalId: string | null;
  readonly joinedOn: string;
  readonly exitedOn: string | null;
  readonly exitReason: string | null;
  readonly status: 'active' | 'exited';
}

const SELECT = `SELECT id, association_id AS associationId, member_no AS memberNo, full_name AS fullName, gender, role,
  phone, national_id AS nationalId, joined_on AS joinedOn, exited_on AS exitedOn, exit_reason AS exitReason,
  CASE WHEN exited_on IS NULL THEN 'active' ELSE 'exited' END AS status FROM members`;

export function getMember(ctx: CallContext, associationId: string, memberId: string): MemberView {
  const row = prepared(ctx.ledger.sqlite, `${SELECT} WHERE id = ? AND association_id = ?`).get(memberId, associationId) as
    | MemberView
    | undefined;
  if (!row) throw new LedgerError('member-not-found', {}, 'memberId');
  return row;
}

/** Pays a leaving member's savings out of the cash box, in one entry. The social fund stays with the group. */
function settleSavings(ctx: CallContext, associationId: string, member: MemberView, date: string): void {
  const { sqlite } = ctx.ledger;
  const savings = accountByPurpose(sqlite, associationId, 'member_savings');
  const box = accountByPurpose(sqlite, associationId, 'cash_box');
  const owed = -accountBalance(sqlite, associationId, savings.id, { memberId: member.id });
  if (owed <= 0n) return;
  const inBox = accountBalance(sqlite, associationId, box.id, { asOf: date });
  if (inBox < owed) throw new LedgerError('cash-insufficient', { needed: String(owed), available: String(inBox) }, 'memberId');
  checkFreeCash(ctx, associationId, getAssociation(ctx, associationId).currency, date, owed, 'payout', 'memberId');
  const amount = minorUnits(owed);
  postEntry(ctx, {
    associationId, entryDate: date, kind: 'payout', memo: `Savings paid out to ${member.fullName}, who left`,
    source: { type: 'member-exit', id: member.id },
    lines: [
      { accountId: savings.id, memberId: member.id, amount },
      { accountId: box.id, amount: -amount as MinorUnits },
    ],
  });
}

export const memberHandlers = {
  'member-add': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Register a new member',
    eventDate: 'joinedOn',
    input: z.strictObject({ associationId: id, ...details, joinedOn: isoDate }),
    run(ctx, input): MemberView {
      const association = writableAssociation(ctx, input.associationId);
      if (input.joinedOn < association.foundedOn) throw new LedgerError('joined-before-founding', { foundedOn: association.foundedOn }, 'joinedOn');
      const { sqlite } = ctx.ledger;
      const next = prepared(sqlite, 'SELECT coalesce(max(member_no), 0) + 1 AS n FROM members WHERE association_id = ?').get(input.associationId) as { n: number };
      const memberId = ctx.newId();
      const now = ctx.now().toISOString();
      prepared(sqlite, 
          `INSERT INTO members (id, association_id, member_no, full_name, gender, role, phone, national_id, joined_on, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(memberId, input.associationId, next.n, input.fullName, input.gender, input.role, input.phone ?? null,
          input.nationalId ?? null, input.joinedOn, now, now);
      return getMember(ctx, input.associationId, memberId);
    },
  }),

  'member-update': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Correct a member’s name, gender, role, phone or ID number',
    input: z.strictObject({
      associationId: id,
      memberId: id,
      fullName: details.fullName.optional(),
      gender: details.gender.optional(),
      role: z.enum(MEMBER_ROLES, { error: 'role-invalid' }).optional(),
      phone: clearableText(30).refine((p) => p === undefined || p === null || PHONE.test(p), { error: 'phone-invalid' }),
      nationalId: clearableText(30),
    }),
    run(ctx, input): MemberView {
      writableAssociation(ctx, input.associationId);
      const member = getMember(ctx, input.associationId, input.memberId);
      if (member.status === 'exited') throw new LedgerError('member-exited', { name: member.fullName }, 'memberId');
      const columns: Record<string, string | null | undefined> = {
        full_name: input.fullName, gender: input.gender, role: input.role, phone: input.phone, national_id: input.nationalId,
      };
      const set = Object.entries(columns).filter(([, v]) => v !== undefined);
      if (set.length > 0) {
        prepared(ctx.ledger.sqlite, `UPDATE members SET ${set.map(([k]) => `${k} = ?`).join(', ')}, updated_at = ? WHERE id = ?`)
          .run(...set.map(([, v]) => v), ctx.now().toISOString(), input.memberId);
      }
      return getMember(ctx, input.associationId, input.memberId);
    },
  }),

  'member-exit': handler({
    kind: 'write',
    access: { roles: RECORDERS },
    summary: 'Record that a member left on a date; their savings are paid out from the cash box (settle: false to pay later)',
    eventDate: 'exitedOn',
    input: z.strictObject({ associationId: id, memberId: id, exitedOn: isoDate, reason: requiredText(300), settle: z.boolean().default(true) }),
    run(ctx, input): MemberView {
      writableAssociation(ctx, input.associationId);
      const member = getMember(ctx, input.associationId, input.memberId);
      if (member.status === 'exited') throw new LedgerError('member-exited', { name: member.fullName }, 'memberId');
      if (input.exitedOn < member.joinedOn) throw new LedgerError('exit-before-joining', { joinedOn: member.joinedOn }, 'exitedOn');
      // The exit cannot be dated before a meeting the member took part in.
      const last = prepared(
        ctx.ledger.sqlite,
        `SELECT max(m.meeting_date) AS date FROM meetings m
           JOIN current_meeting_versions v ON v.meeting_id = m.id
           JOIN attendance a ON a.meeting_version_id = v.id AND a.member_id = ? AND a.status <> 'absent'`,
      ).get(input.memberId) as { date: string | null };
      if (last.date && input.exitedOn < last.date) throw new LedgerError('exit-before-last-meeting', { date: last.date }, 'exitedOn');
      if (input.settle) settleSavings(ctx, input.associationId, member, input.exitedOn);
      prepared(ctx.ledger.sqlite, 'UPDATE members SET exited_on = ?, exit_reason = ?, updated_at = ? WHERE id = ?')
        .run(input.exitedOn, input.reason, ctx.now().toISOString(), input.memberId);
      return getMember(ctx, input.associationId, input.memberId);
    },
  }),

  'member-get': handler({
    kind: 'read',
    access: { roles: READERS, ownMember: 'memberId' },
    summary: 'One member',
    input: z.strictObject({ associationId: id, memberId: id }),
    run: (ctx, input): MemberView => getMember(ctx, input.associationId, input.memberId),
  }),

  'member-list': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'Members, filtered by status, role, gender and a search on name, number or phone',
    input: z.strictObject({
      associationId: id,
      status: z.enum(['active', 'exited', 'all']).default('all'),
      role: z.enum(MEMBER_ROLES).optional(),
      gender: z.enum(GENDERS).optional(),
      search: z.string().trim().max(100).optional(),
    }),
    run(ctx, input): MemberView[] {
      getAssociation(ctx, input.associationId);
      const where = ['association_id = ?'];
      const args: (string | number)[] = [input.associationId];
      if (input.status === 'active') where.push('exited_on IS NULL');
      if (input.status === 'exited') where.push('exited_on IS NOT NULL');
      if (input.role) {
        where.push('role = ?');
        args.push(input.role);
      }
      if (input.gender) {
        where.push('gender = ?');
        args.push(input.gender);
      }
      if (input.search) {
        const like = `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        where.push("(full_name LIKE ? ESCAPE '\\' OR phone LIKE ? ESCAPE '\\' OR CAST(member_no AS TEXT) = ?)");
        args.push(like, like, input.search);
      }
      return prepared(ctx.ledger.sqlite, `${SELECT} WHERE ${where.join(' AND ')} ORDER BY member_no`).all(...args) as MemberView[];
    },
  }),

  'member-savings-get': handler({
    kind: 'read',
    access: { roles: READERS, ownMember: 'memberId' },
    summary: 'A member’s savings balance (what the group owes them), as of a date',
    input: z.strictObject({ associationId: id, memberId: id, asOf: isoDate.optional() }),
    run(ctx, input): { memberId: string; asOf: string | null; savings: string } {
      getMember(ctx, input.associationId, input.memberId);
      const account = accountByPurpose(ctx.ledger.sqlite, input.associationId, 'member_savings');
      const balance = accountBalance(ctx.ledger.sqlite, input.associationId, account.id, { asOf: input.asOf, memberId: input.memberId });
      // Savings are a liability (credit balance): what the group owes, shown as a positive figure.
      return { memberId: input.memberId, asOf: input.asOf ?? null, savings: String(-balance) };
    },
  }),
};
