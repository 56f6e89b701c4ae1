// The programme's coordinators on this laptop: like the laptop's administrators, they
// belong to no association and have their own PINs (kept in the administrators'
// table, marked 'coordinator'). A coordinator imports groups' books and reads them —
// every report the app has, on the imported copy — and never changes them.

import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { administrators, associations } from '../../../db/schema';
import { LedgerError } from '../errors';
import { handler } from '../registry';
import type { CallContext } from '../context';
import { typedQuery } from '../prepared';
import { capabilitiesOf, LAPTOP_ADMIN, PUBLIC, type Access } from '../auth/access';
import { checkPinStrength, hashSecret } from '../auth/pin';
import { SESSION_IDLE_MINUTES, type SessionUser } from '../auth/sessions';
import { id, requiredText } from '../validation';
import type { SignedIn } from '../access/users';
import { checkPinAttempt } from '../access/attempts';
import { getAssociation } from '../association-record';
import { sourceOf } from './merge';

/** Who may import and read imported books: a coordinator of this laptop, never an association's user with the coordinator role. */
export const PROGRAMME: Access = { roles: ['coordinator'], programme: true };

const pin = z.string({ error: 'field-required' }).min(1, { error: 'field-required' }).max(64, { error: 'password-length' });

const queries = typedQuery((db) => ({
  names: db.select({ id: administrators.id, name: administrators.name }).from(administrators)
    .where(eq(administrators.role, 'coordinator')).orderBy(sql`${administrators.name} COLLATE NOCASE`).prepare(),
  forSignIn: db.select({
    id: administrators.id, name: administrators.name, pinHash: administrators.pinHash,
    failedAttempts: administrators.failedAttempts, lockedUntil: administrators.lockedUntil,
  }).from(administrators).where(and(eq(administrators.id, sql.placeholder('coordinatorId')), eq(administrators.role, 'coordinator'))).prepare(),
  nameTaken: db.select({ id: administrators.id }).from(administrators).where(sql`${administrators.name} = ${sql.placeholder('name')} COLLATE NOCASE`).prepare(),
  anyone: db.select({ id: administrators.id }).from(administrators).limit(1).prepare(),
  anyAssociation: db.select({ id: associations.id }).from(associations).limit(1).prepare(),
  administrators: db.select({ id: administrators.id }).from(administrators).where(isNull(administrators.role)).prepare(),
  insert: db.insert(administrators).values({
    id: sql.placeholder('id'), name: sql.placeholder('name'), pinHash: sql.placeholder('pinHash'), role: sql.placeholder('role'),
    createdAt: sql.placeholder('now'), createdBy: sql.placeholder('createdBy'),
  }).prepare(),
}));

/** The caller must be a coordinator of this laptop, not an association's user with the coordinator role. */
export function programmeOnly(ctx: CallContext): SessionUser {
  const user = ctx.user;
  if (!user?.programme) throw new LedgerError('role-refused', { role: user?.role ?? '' });
  return user;
}

function insertPerson(ctx: CallContext, input: { name: string; pin: string }, role: 'coordinator' | null, createdBy: string): { id: string; name: string } {
  checkPinStrength(input.pin);
  const q = queries(ctx.ledger);
  if (q.nameTaken.get({ name: input.name })) throw new LedgerError('user-name-taken', { name: input.name }, 'name');
  const personId = ctx.newId();
  q.insert.run({ id: personId, name: input.name, pinHash: hashSecret(input.pin, ctx.pepper), role, now: ctx.now().toISOString(), createdBy });
  return { id: personId, name: input.name };
}

function signedIn(ctx: CallContext, user: SessionUser): SignedIn {
  return { token: ctx.sessions.open(user), user, can: capabilitiesOf(user.role), idleMinutes: SESSION_IDLE_MINUTES };
}

const person = z.strictObject({ name: requiredText(80), pin });

export const coordinatorHandlers = {
  'coordinator-list': handler({
    kind: 'read',
    access: PUBLIC,
    summary: 'The programme coordinators of this laptop (names only), for the sign-in screen',
    input: z.strictObject({}),
    run: (ctx): { id: string; name: string }[] => queries(ctx.ledger).names.all(),
  }),

  'coordinator-create': handler({
    kind: 'write',
    access: { roles: LAPTOP_ADMIN },
    summary: 'Name a programme coordinator (who imports groups’ books and reads them) with their own PIN',
    input: person,
    audit: (_input, out: { id: string }) => ({ associationId: null, targetId: out.id }),
    run: (ctx, input) => insertPerson(ctx, input, 'coordinator', ctx.actorName),
  }),

  'laptop-setup-coordinator': handler({
    kind: 'write',
    access: PUBLIC,
    summary: 'First start of a coordinator’s laptop: name its administrator and the first coordinator (only while the file is empty)',
    input: z.strictObject({ administrator: person, coordinator: person }),
    audit: () => ({ associationId: null, targetId: null }),
    run(ctx, input): SignedIn {
      const q = queries(ctx.ledger);
      if (q.anyone.get() || q.anyAssociation.get()) throw new LedgerError('laptop-already-set-up');
      if (input.administrator.name.toLowerCase() === input.coordinator.name.toLowerCase()) throw new LedgerError('user-name-taken', { name: input.coordinator.name }, 'name');
      insertPerson(ctx, input.administrator, null, input.administrator.name);
      const coordinator = insertPerson(ctx, input.coordinator, 'coordinator', input.administrator.name);
      return signedIn(ctx, { userId: coordinator.id, associationId: '', name: coordinator.name, role: 'coordinator', memberId: null, programme: true });
    },
  }),

  'coordinator-sign-in': handler({
    kind: 'write',
    access: PUBLIC,
    summary: 'Sign in as a programme coordinator of this laptop',
    input: z.strictObject({ coordinatorId: id, pin }),
    audit: (input) => ({ associationId: null, targetId: input.coordinatorId }),
    run(ctx, input): SignedIn {
      const row = queries(ctx.ledger).forSignIn.get({ coordinatorId: input.coordinatorId });
      if (!row) throw new LedgerError('user-not-found', {}, 'coordinatorId');
      checkPinAttempt(ctx, { table: 'administrators', ...row }, input.pin);
      return signedIn(ctx, { userId: row.id, associationId: '', name: row.name, role: 'coordinator', memberId: null, programme: true });
    },
  }),

  'coordinator-open-group': handler({
    kind: 'read',
    access: PROGRAMME,
    summary: 'Open an imported group’s books to read them (a session of its own; the programme’s stays open)',
    input: z.strictObject({ groupId: id }),
    run(ctx, input): SignedIn {
      const user = programmeOnly(ctx);
      if (!sourceOf(ctx, input.groupId)) throw new LedgerError('exchange-group-not-imported', {}, 'groupId');
      getAssociation(ctx, input.groupId);
      // The door keeps one session: the new one replaces the caller's (it still reaches the programme's commands).
      ctx.sessions.close(ctx.actor.session);
      return signedIn(ctx, { ...user, associationId: input.groupId });
    },
  }),
};
