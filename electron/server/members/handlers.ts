// Members: never deleted. They join and their details can be corrected; a member who
// leaves is settled as a share-out of one (shareouts/exit.ts) and stays in the register.

import { z } from 'zod';
import { and, asc, eq, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { GENDERS, MEMBER_ROLES, members } from '../../../db/schema';
import { LedgerError } from '../errors';
import { handler } from '../registry';
import type { CallContext } from '../context';
import { accountBalance, accountByPurpose } from '../journal/balances';
import { clearableText, id, isoDate, optionalText, requiredText } from '../validation';
import { getAssociation, writableAssociation } from '../association-record';
import { typedQuery } from '../prepared';
import { READERS, RECORDERS } from '../auth/access';

export { GENDERS, MEMBER_ROLES };
/** A phone number as members give it: digits and spaces, an optional leading +. */
export const PHONE = /^\+?[0-9 ]{6,20}$/;

const details = {
  fullName: requiredText(120),
  gender: z.enum(GENDERS, { error: 'gender-invalid' }),
  role: z.enum(MEMBER_ROLES, { error: 'role-invalid' }).default('member'),
  phone: optionalText(30).refine((p) => p === undefined || PHONE.test(p), { error: 'phone-invalid' }),
  nationalId: optionalText(30),
};

/** What every member read returns: the register's row, with whether they are still a member. */
const memberFields = {
  id: members.id,
  associationId: members.associationId,
  memberNo: members.memberNo,
  fullName: members.fullName,
  gender: members.gender,
  role: members.role,
  phone: members.phone,
  nationalId: members.nationalId,
  joinedOn: members.joinedOn,
  exitedOn: members.exitedOn,
  exitReason: members.exitReason,
  status: sql<'active' | 'exited'>`CASE WHEN ${members.exitedOn} IS NULL THEN 'active' ELSE 'exited' END`,
};

const memberById = typedQuery((db) =>
  db.select(memberFields).from(members)
    .where(and(eq(members.id, sql.placeholder('memberId')), eq(members.associationId, sql.placeholder('associationId'))))
    .prepare(),
);

export type MemberView = NonNullable<ReturnType<ReturnType<typeof memberById>['get']>>;

const memberQueries = typedQuery((db) => ({
  nextNumber: db.select({ n: sql<number>`coalesce(max(${members.memberNo}), 0) + 1` }).from(members)
    .where(eq(members.associationId, sql.placeholder('associationId'))).prepare(),
  insert: db.insert(members).values({
    id: sql.placeholder('id'), associationId: sql.placeholder('associationId'), memberNo: sql.placeholder('memberNo'),
    fullName: sql.placeholder('fullName'), gender: sql.placeholder('gender'), role: sql.placeholder('role'),
    phone: sql.placeholder('phone'), nationalId: sql.placeholder('nationalId'), joinedOn: sql.placeholder('joinedOn'),
    createdAt: sql.placeholder('now'), updatedAt: sql.placeholder('now'),
  }).prepare(),
}));

export function getMember(ctx: CallContext, associationId: string, memberId: string): MemberView {
  const row = memberById(ctx.ledger).get({ memberId, associationId });
  if (!row) throw new LedgerError('member-not-found', {}, 'memberId');
  return row;
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
      const q = memberQueries(ctx.ledger);
      const next = q.nextNumber.get({ associationId: input.associationId })!;
      const memberId = ctx.newId();
      q.insert.run({
        id: memberId, associationId: input.associationId, memberNo: next.n, fullName: input.fullName, gender: input.gender,
        role: input.role, phone: input.phone ?? null, nationalId: input.nationalId ?? null, joinedOn: input.joinedOn,
        now: ctx.now().toISOString(),
      });
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
      const changes = { fullName: input.fullName, gender: input.gender, role: input.role, phone: input.phone, nationalId: input.nationalId };
      // Only the fields given change (drizzle leaves out the undefined ones).
      if (Object.values(changes).some((v) => v !== undefined)) {
        ctx.ledger.db.update(members).set({ ...changes, updatedAt: ctx.now().toISOString() }).where(eq(members.id, input.memberId)).run();
      }
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
      const where: (SQL | undefined)[] = [eq(members.associationId, input.associationId)];
      if (input.status === 'active') where.push(isNull(members.exitedOn));
      if (input.status === 'exited') where.push(isNotNull(members.exitedOn));
      if (input.role) where.push(eq(members.role, input.role));
      if (input.gender) where.push(eq(members.gender, input.gender));
      if (input.search) {
        const pattern = `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        where.push(or(
          sql`${members.fullName} LIKE ${pattern} ESCAPE '\\'`,
          sql`${members.phone} LIKE ${pattern} ESCAPE '\\'`,
          sql`CAST(${members.memberNo} AS TEXT) = ${input.search}`,
        ));
      }
      return ctx.ledger.db.select(memberFields).from(members).where(and(...where)).orderBy(asc(members.memberNo)).all();
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
