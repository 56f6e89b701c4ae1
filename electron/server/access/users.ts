// The people who may open an association's books, and signing in and out.
// A wrong PIN counts, is logged, and after three in a row the user is locked for a
// while that doubles with each further failure.

import { and, count, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { associations, users } from '../../../db/schema';
import { LedgerError } from '../errors';
import { handler, RefusalAfterCommit } from '../registry';
import type { CallContext } from '../context';
import { placeholderValue, typedQuery } from '../prepared';
import { ADMINS, capabilitiesOf, EVERYONE, PUBLIC, READERS, USER_ROLES, type Capabilities, type Role } from '../auth/access';
import { checkPinStrength, checkSecret, hashSecret, newRecoveryCode, normaliseRecoveryCode } from '../auth/pin';
import { checkPinAttempt, countFailure, refuseIfLocked } from './attempts';
import { SESSION_IDLE_MINUTES, type SessionUser } from '../auth/sessions';
import { id, requiredText } from '../validation';
import { getAssociation, writableAssociation } from '../association-record';
import { getMember } from '../members/handlers';

const pin = z.string({ error: 'field-required' }).min(1, { error: 'field-required' }).max(64, { error: 'password-length' });

/** What every user read returns: nothing secret. */
const userFields = {
  id: users.id,
  associationId: users.associationId,
  name: users.name,
  role: users.role,
  memberId: users.memberId,
  active: users.active,
  lockedUntil: users.lockedUntil,
};

const byName = sql`${users.name} COLLATE NOCASE`;

const userQueries = typedQuery((db) => ({
  /** A user's row with what checking their PIN needs. */
  row: db.select({ ...userFields, pinHash: users.pinHash, failedAttempts: users.failedAttempts }).from(users)
    .where(and(eq(users.id, sql.placeholder('userId')), eq(users.associationId, sql.placeholder('associationId')))).prepare(),
  nameTaken: db.select({ id: users.id }).from(users)
    .where(and(eq(users.associationId, sql.placeholder('associationId')), sql`${users.name} = ${sql.placeholder('name')} COLLATE NOCASE`)).prepare(),
  insert: db.insert(users).values({
    id: sql.placeholder('id'), associationId: sql.placeholder('associationId'), name: sql.placeholder('name'), role: sql.placeholder('role'),
    memberId: sql.placeholder('memberId'), pinHash: sql.placeholder('pinHash'), createdAt: sql.placeholder('now'),
    createdBy: sql.placeholder('createdBy'), pinChangedAt: sql.placeholder('now'),
  }).prepare(),
  setPin: db.update(users)
    .set({ pinHash: placeholderValue('pinHash'), pinChangedAt: placeholderValue('now'), failedAttempts: 0, lockedUntil: null })
    .where(eq(users.id, sql.placeholder('userId'))).prepare(),
  /** The sign-in screen's choice: names and roles of those who may sign in. */
  signInList: db.select({ id: users.id, name: users.name, role: users.role }).from(users)
    .where(and(eq(users.associationId, sql.placeholder('associationId')), eq(users.active, true))).orderBy(byName).prepare(),
  list: db.select(userFields).from(users).where(eq(users.associationId, sql.placeholder('associationId')))
    .orderBy(desc(users.active), byName).prepare(),
  /** The active treasurers and chairs but one. */
  otherAdmins: db.select({ n: count() }).from(users)
    .where(and(
      eq(users.associationId, sql.placeholder('associationId')), eq(users.active, true),
      inArray(users.role, ['treasurer', 'chair']), ne(users.id, sql.placeholder('userId')),
    )).prepare(),
  /** `active` is given as 1 or 0. */
  setRoleAndActive: db.update(users).set({ role: placeholderValue('role'), active: placeholderValue('active') })
    .where(eq(users.id, sql.placeholder('userId'))).prepare(),
  recoveryHash: db.select({ recoveryHash: associations.recoveryHash }).from(associations)
    .where(eq(associations.id, sql.placeholder('associationId'))).prepare(),
  setRecoveryHash: db.update(associations).set({ recoveryHash: placeholderValue('recoveryHash') })
    .where(eq(associations.id, sql.placeholder('associationId'))).prepare(),
}));

type UserRow = NonNullable<ReturnType<ReturnType<typeof userQueries>['row']['get']>>;
export type UserView = NonNullable<ReturnType<ReturnType<typeof userQueries>['list']['get']>>;

function userRow(ctx: CallContext, associationId: string, userId: string): UserRow {
  const row = userQueries(ctx.ledger).row.get({ userId, associationId });
  if (!row) throw new LedgerError('user-not-found', {}, 'userId');
  return row;
}

function view(row: UserRow): UserView {
  return { id: row.id, associationId: row.associationId, name: row.name, role: row.role, memberId: row.memberId, active: row.active, lockedUntil: row.lockedUntil };
}

/** Creates a user; shared by association-create (its first treasurer) and user-create. */
export function insertUser(
  ctx: CallContext,
  input: { associationId: string; name: string; role: Role; pin: string; memberId?: string | null },
  createdBy: string,
): UserView {
  checkPinStrength(input.pin);
  if (input.role === 'member' && !input.memberId) throw new LedgerError('user-needs-member', {}, 'memberId');
  if (input.memberId) getMember(ctx, input.associationId, input.memberId);
  const q = userQueries(ctx.ledger);
  const taken = q.nameTaken.get({ associationId: input.associationId, name: input.name });
  if (taken) throw new LedgerError('user-name-taken', { name: input.name }, 'name');
  const userId = ctx.newId();
  const now = ctx.now().toISOString();
  q.insert.run({
    id: userId, associationId: input.associationId, name: input.name, role: input.role, memberId: input.memberId ?? null,
    pinHash: hashSecret(input.pin, ctx.pepper), now, createdBy,
  });
  return view(userRow(ctx, input.associationId, userId));
}

/** A new recovery code for the association: shown once, stored only as a hash. */
export function renewRecoveryCode(ctx: CallContext, associationId: string): string {
  const code = newRecoveryCode();
  userQueries(ctx.ledger).setRecoveryHash.run({ recoveryHash: hashSecret(code, null), associationId });
  return code;
}

function setPin(ctx: CallContext, userId: string, newPin: string, field: string): void {
  checkPinStrength(newPin, field);
  userQueries(ctx.ledger).setPin.run({ pinHash: hashSecret(newPin, ctx.pepper), now: ctx.now().toISOString(), userId });
  ctx.sessions.closeWhere((u) => u.userId === userId);
}

export interface SignedIn {
  readonly token: string;
  readonly user: SessionUser;
  readonly can: Capabilities;
  readonly idleMinutes: number;
}

export interface WhoIsSignedIn {
  readonly user: SessionUser;
  readonly can: Capabilities;
}

export const userHandlers = {
  'session-sign-in': handler({
    kind: 'write',
    access: PUBLIC,
    summary: 'Sign in to an association with your PIN or password',
    input: z.strictObject({ associationId: id, userId: id, pin }),
    audit: (input) => ({ associationId: input.associationId, targetId: input.userId }),
    run(ctx, input): SignedIn {
      // An imported group's people sign in on their own laptop; here its books open only to the programme's coordinator.
      if (getAssociation(ctx, input.associationId).readOnly) throw new LedgerError('association-read-only');
      const user = userRow(ctx, input.associationId, input.userId);
      if (!user.active) throw new LedgerError('user-inactive', { name: user.name });
      checkPinAttempt(ctx, { table: 'users', ...user }, input.pin);
      const session: SessionUser = { userId: user.id, associationId: user.associationId, name: user.name, role: user.role, memberId: user.memberId };
      return { token: ctx.sessions.open(session), user: session, can: capabilitiesOf(session.role), idleMinutes: SESSION_IDLE_MINUTES };
    },
  }),

  'session-sign-out': handler({
    kind: 'read',
    access: PUBLIC,
    summary: 'Sign out (or lock the app): the session ends',
    input: z.strictObject({}),
    run(ctx): { signedOut: true } {
      ctx.sessions.close(ctx.actor.session);
      return { signedOut: true };
    },
  }),

  'session-get': handler({
    kind: 'read',
    access: PUBLIC,
    summary: 'Who is signed in on this session, if anyone',
    input: z.strictObject({}),
    run: (ctx): WhoIsSignedIn | null => (ctx.user ? { user: ctx.user, can: capabilitiesOf(ctx.user.role) } : null),
  }),

  'user-sign-in-list': handler({
    kind: 'read',
    access: PUBLIC,
    summary: 'The names and roles to choose from on the sign-in screen (nothing secret)',
    input: z.strictObject({ associationId: id }),
    run(ctx, input): { id: string; name: string; role: Role }[] {
      getAssociation(ctx, input.associationId);
      return userQueries(ctx.ledger).signInList.all({ associationId: input.associationId });
    },
  }),

  'user-list': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'Everyone who may use the association’s books, with their roles',
    input: z.strictObject({ associationId: id }),
    run(ctx, input): UserView[] {
      return userQueries(ctx.ledger).list.all({ associationId: input.associationId });
    },
  }),

  'user-create': handler({
    kind: 'write',
    access: { roles: ADMINS },
    summary: 'Give someone access to the books, with a role and a first PIN',
    input: z.strictObject({
      associationId: id,
      name: requiredText(80),
      role: z.enum(USER_ROLES, { error: 'role-invalid' }),
      memberId: id.optional(),
      pin,
    }),
    run(ctx, input): UserView {
      writableAssociation(ctx, input.associationId);
      return insertUser(ctx, input, ctx.actorName);
    },
  }),

  'user-update': handler({
    kind: 'write',
    access: { roles: ADMINS },
    summary: 'Change a user’s role, or switch their access off or on',
    input: z.strictObject({ associationId: id, userId: id, role: z.enum(USER_ROLES, { error: 'role-invalid' }).optional(), active: z.boolean().optional() }),
    run(ctx, input): UserView {
      writableAssociation(ctx, input.associationId);
      const user = userRow(ctx, input.associationId, input.userId);
      if (user.id === ctx.user?.userId) throw new LedgerError('user-cannot-change-self', {}, 'userId');
      const role = input.role ?? user.role;
      if (role === 'member' && !user.memberId) throw new LedgerError('user-needs-member', {}, 'role');
      const active = input.active ?? user.active;
      // Never leave the books without someone who can manage them.
      const q = userQueries(ctx.ledger);
      if ((!active || !ADMINS.includes(role)) && ADMINS.includes(user.role)) {
        const others = q.otherAdmins.get({ associationId: input.associationId, userId: user.id })!;
        if (others.n === 0) throw new LedgerError('user-last-admin', {}, 'userId');
      }
      q.setRoleAndActive.run({ role, active: active ? 1 : 0, userId: user.id });
      ctx.sessions.closeWhere((u) => u.userId === user.id);
      return view(userRow(ctx, input.associationId, user.id));
    },
  }),

  'user-pin-reset': handler({
    kind: 'write',
    access: { roles: ADMINS },
    summary: 'Set a new PIN for another user who forgot theirs (they are unlocked)',
    input: z.strictObject({ associationId: id, userId: id, newPin: pin }),
    run(ctx, input): UserView {
      const user = userRow(ctx, input.associationId, input.userId);
      if (user.id === ctx.user?.userId) throw new LedgerError('user-cannot-change-self', {}, 'userId');
      setPin(ctx, user.id, input.newPin, 'newPin');
      return view(userRow(ctx, input.associationId, user.id));
    },
  }),

  'user-pin-change': handler({
    kind: 'write',
    access: { roles: EVERYONE },
    summary: 'Change your own PIN (you give the old one first)',
    input: z.strictObject({ associationId: id, oldPin: pin, newPin: pin }),
    run(ctx, input): UserView {
      const user = userRow(ctx, input.associationId, ctx.user!.userId);
      if (checkSecret(input.oldPin, user.pinHash, ctx.pepper) !== 'ok') throw new LedgerError('pin-wrong-old', {}, 'oldPin');
      setPin(ctx, user.id, input.newPin, 'newPin');
      return view(userRow(ctx, input.associationId, user.id));
    },
  }),

  'user-pin-recover': handler({
    kind: 'write',
    access: PUBLIC,
    summary: 'With the association’s recovery code, set a new PIN for its treasurer or chair; the code is then replaced',
    input: z.strictObject({ associationId: id, userId: id, recoveryCode: requiredText(40), newPin: pin }),
    audit: (input) => ({ associationId: input.associationId, targetId: input.userId }),
    run(ctx, input): { user: UserView; newRecoveryCode: string } {
      getAssociation(ctx, input.associationId);
      const user = userRow(ctx, input.associationId, input.userId);
      if (!(ADMINS as readonly string[]).includes(user.role)) throw new LedgerError('recovery-admins-only', {}, 'userId');
      const stored = userQueries(ctx.ledger).recoveryHash.get({ associationId: input.associationId })!;
      // A wrong code counts like a wrong PIN, against the user being recovered.
      refuseIfLocked(ctx, { table: 'users', ...user });
      if (!stored.recoveryHash || checkSecret(normaliseRecoveryCode(input.recoveryCode), stored.recoveryHash, null) !== 'ok') {
        throw new RefusalAfterCommit('recovery-code-wrong', {}, 'recoveryCode', countFailure(ctx, { table: 'users', ...user }).keep);
      }
      setPin(ctx, user.id, input.newPin, 'newPin');
      return { user: view(userRow(ctx, input.associationId, user.id)), newRecoveryCode: renewRecoveryCode(ctx, input.associationId) };
    },
  }),

  'recovery-code-renew': handler({
    kind: 'write',
    access: { roles: ADMINS },
    summary: 'Replace the association’s recovery code (the old one stops working); shown once',
    input: z.strictObject({ associationId: id }),
    run(ctx, input): { recoveryCode: string } {
      writableAssociation(ctx, input.associationId);
      return { recoveryCode: renewRecoveryCode(ctx, input.associationId) };
    },
  }),
};
