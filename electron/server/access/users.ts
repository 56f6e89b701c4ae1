// The people who may open an association's books, and signing in and out.
// A wrong PIN counts, is logged, and after three in a row the user is locked for a
// while that doubles with each further failure.

import { z } from 'zod';
import { LedgerError } from '../errors';
import { handler, RefusalAfterCommit } from '../registry';
import type { CallContext } from '../context';
import { prepared } from '../prepared';
import { ADMINS, capabilitiesOf, EVERYONE, PUBLIC, READERS, USER_ROLES, type Capabilities, type Role } from '../auth/access';
import { checkPinStrength, checkSecret, hashSecret, newRecoveryCode, normaliseRecoveryCode } from '../auth/pin';
import { checkPinAttempt, countFailure, refuseIfLocked } from './attempts';
import { SESSION_IDLE_MINUTES, type SessionUser } from '../auth/sessions';
import { id, requiredText } from '../validation';
import { getAssociation, writableAssociation } from '../association-record';
import { getMember } from '../members/handlers';

const pin = z.string({ error: 'field-required' }).min(1, { error: 'field-required' }).max(64, { error: 'password-length' });

export interface UserView {
  readonly id: string;
  readonly associationId: string;
  readonly name: string;
  readonly role: Role;
  readonly memberId: string | null;
  readonly active: boolean;
  readonly lockedUntil: string | null;
}

interface UserRow extends UserView {
  readonly pinHash: string;
  readonly failedAttempts: number;
}

const SELECT = `SELECT id, association_id AS associationId, name, role, member_id AS memberId, active,
  locked_until AS lockedUntil, pin_hash AS pinHash, failed_attempts AS failedAttempts FROM users`;

function userRow(ctx: CallContext, associationId: string, userId: string): UserRow {
  const row = prepared(ctx.ledger.sqlite, `${SELECT} WHERE id = ? AND association_id = ?`).get(userId, associationId) as UserRow | undefined;
  if (!row) throw new LedgerError('user-not-found', {}, 'userId');
  return { ...row, active: Boolean(row.active) };
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
  const taken = prepared(ctx.ledger.sqlite, 'SELECT 1 FROM users WHERE association_id = ? AND name = ? COLLATE NOCASE').get(input.associationId, input.name);
  if (taken) throw new LedgerError('user-name-taken', { name: input.name }, 'name');
  const userId = ctx.newId();
  const now = ctx.now().toISOString();
  prepared(
    ctx.ledger.sqlite,
    `INSERT INTO users (id, association_id, name, role, member_id, pin_hash, created_at, created_by, pin_changed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(userId, input.associationId, input.name, input.role, input.memberId ?? null, hashSecret(input.pin, ctx.pepper), now, createdBy, now);
  return view(userRow(ctx, input.associationId, userId));
}

/** A new recovery code for the association: shown once, stored only as a hash. */
export function renewRecoveryCode(ctx: CallContext, associationId: string): string {
  const code = newRecoveryCode();
  prepared(ctx.ledger.sqlite, 'UPDATE associations SET recovery_hash = ? WHERE id = ?').run(hashSecret(code, null), associationId);
  return code;
}

function setPin(ctx: CallContext, userId: string, newPin: string, field: string): void {
  checkPinStrength(newPin, field);
  prepared(ctx.ledger.sqlite, 'UPDATE users SET pin_hash = ?, pin_changed_at = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?')
    .run(hashSecret(newPin, ctx.pepper), ctx.now().toISOString(), userId);
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
      getAssociation(ctx, input.associationId);
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
      return prepared(ctx.ledger.sqlite, 'SELECT id, name, role FROM users WHERE association_id = ? AND active = 1 ORDER BY name COLLATE NOCASE')
        .all(input.associationId) as { id: string; name: string; role: Role }[];
    },
  }),

  'user-list': handler({
    kind: 'read',
    access: { roles: READERS },
    summary: 'Everyone who may use the association’s books, with their roles',
    input: z.strictObject({ associationId: id }),
    run(ctx, input): UserView[] {
      const rows = prepared(ctx.ledger.sqlite, `${SELECT} WHERE association_id = ? ORDER BY active DESC, name COLLATE NOCASE`).all(input.associationId) as UserRow[];
      return rows.map((r) => view({ ...r, active: Boolean(r.active) }));
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
      if ((!active || !ADMINS.includes(role)) && ADMINS.includes(user.role)) {
        const others = prepared(ctx.ledger.sqlite, `SELECT count(*) AS n FROM users WHERE association_id = ? AND active = 1 AND role IN ('treasurer', 'chair') AND id <> ?`)
          .get(input.associationId, user.id) as { n: number };
        if (others.n === 0) throw new LedgerError('user-last-admin', {}, 'userId');
      }
      prepared(ctx.ledger.sqlite, 'UPDATE users SET role = ?, active = ? WHERE id = ?').run(role, active ? 1 : 0, user.id);
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
      const stored = prepared(ctx.ledger.sqlite, 'SELECT recovery_hash AS h FROM associations WHERE id = ?').get(input.associationId) as { h: string | null };
      // A wrong code counts like a wrong PIN, against the user being recovered.
      refuseIfLocked(ctx, { table: 'users', ...user });
      if (!stored.h || checkSecret(normaliseRecoveryCode(input.recoveryCode), stored.h, null) !== 'ok') {
        countFailure(ctx, { table: 'users', ...user });
        throw new RefusalAfterCommit('recovery-code-wrong', {}, 'recoveryCode');
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
