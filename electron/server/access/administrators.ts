// The laptop's administrators: named at first start (or, on books from before, by an
// association's treasurer or chair), each with their own PIN. They back up and
// restore the whole file and add associations; they never read or change any
// association's books.

import { associationIds } from '../association-record';
import { count, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { administrators, associations } from '../../../db/schema';
import { LedgerError } from '../errors';
import { handler } from '../registry';
import type { CallContext } from '../context';
import { typedQuery } from '../prepared';
import { authorOf, recordChange } from '../audit-log';
import { ADMINS, capabilitiesOf, PUBLIC } from '../auth/access';
import { checkPinStrength, hashSecret } from '../auth/pin';
import { SESSION_IDLE_MINUTES, type SessionUser } from '../auth/sessions';
import { id, requiredText } from '../validation';
import type { SignedIn } from './users';
import { checkPinAttempt } from './attempts';

const pin = z.string({ error: 'field-required' }).min(1, { error: 'field-required' }).max(64, { error: 'password-length' });

const administratorQueries = typedQuery((db) => ({
  count: db.select({ n: count() }).from(administrators).prepare(),
  associationCount: db.select({ n: count() }).from(associations).prepare(),
  nameTaken: db.select({ id: administrators.id }).from(administrators)
    .where(sql`${administrators.name} = ${sql.placeholder('name')} COLLATE NOCASE`).prepare(),
  insert: db.insert(administrators).values({
    id: sql.placeholder('id'), name: sql.placeholder('name'), pinHash: sql.placeholder('pinHash'),
    createdAt: sql.placeholder('now'), createdBy: sql.placeholder('createdBy'),
  }).prepare(),
  /** For the sign-in screen: names only. */
  names: db.select({ id: administrators.id, name: administrators.name }).from(administrators)
    .orderBy(sql`${administrators.name} COLLATE NOCASE`).prepare(),
  forSignIn: db.select({
    id: administrators.id, name: administrators.name, pinHash: administrators.pinHash,
    failedAttempts: administrators.failedAttempts, lockedUntil: administrators.lockedUntil,
  }).from(administrators).where(eq(administrators.id, sql.placeholder('administratorId'))).prepare(),
}));

export function administratorCount(ctx: Pick<CallContext, 'ledger'>): number {
  return administratorQueries(ctx.ledger).count.get()!.n;
}

export function associationCount(ctx: Pick<CallContext, 'ledger'>): number {
  return administratorQueries(ctx.ledger).associationCount.get()!.n;
}

/** Adds an administrator; shared by association-create (at first start) and administrator-create. */
export function insertAdministrator(ctx: CallContext, input: { name: string; pin: string }, createdBy: string): { id: string; name: string } {
  checkPinStrength(input.pin);
  const q = administratorQueries(ctx.ledger);
  const taken = q.nameTaken.get({ name: input.name });
  if (taken) throw new LedgerError('user-name-taken', { name: input.name }, 'name');
  const administratorId = ctx.newId();
  q.insert.run({ id: administratorId, name: input.name, pinHash: hashSecret(input.pin, ctx.pepper), now: ctx.now().toISOString(), createdBy });
  return { id: administratorId, name: input.name };
}

export const administratorHandlers = {
  'administrator-list': handler({
    kind: 'read',
    access: PUBLIC,
    summary: 'The laptop’s administrators (names only), for the sign-in screen',
    input: z.strictObject({}),
    run: (ctx): { id: string; name: string }[] => administratorQueries(ctx.ledger).names.all(),
  }),

  'administrator-create': handler({
    kind: 'write',
    // Checked inside: an administrator adds another; on books from before there was
    // one, a treasurer or chair of an association here names the first.
    access: PUBLIC,
    summary: 'Name a laptop administrator (who backs up and restores the whole file) with their own PIN',
    input: z.strictObject({ name: requiredText(80), pin }),
    audit: () => ({ associationId: null, targetId: null }),
    run(ctx, input): { id: string; name: string } {
      const role = ctx.user?.role;
      const allowed = role === 'administrator' || (administratorCount(ctx) === 0 && role !== undefined && ADMINS.includes(role));
      if (!allowed) throw new LedgerError(ctx.user ? 'role-refused' : 'sign-in-required', ctx.user ? { role: ctx.user.role } : {});
      const named = insertAdministrator(ctx, input, ctx.actorName);
      // Whoever may copy or replace every association's books: each association's history says who was named, and by whom.
      for (const associationId of associationIds(ctx.ledger.sqlite)) {
        recordChange(ctx, authorOf(ctx), { associationId, command: 'administrator-create', input: { name: input.name }, targetId: named.id });
      }
      return named;
    },
  }),

  'administrator-sign-in': handler({
    kind: 'write',
    access: PUBLIC,
    summary: 'Sign in as the laptop’s administrator',
    input: z.strictObject({ administratorId: id, pin }),
    audit: (input) => ({ associationId: null, targetId: input.administratorId }),
    run(ctx, input): SignedIn {
      const row = administratorQueries(ctx.ledger).forSignIn.get({ administratorId: input.administratorId });
      if (!row) throw new LedgerError('user-not-found', {}, 'administratorId');
      checkPinAttempt(ctx, { table: 'administrators', ...row }, input.pin);
      const session: SessionUser = { userId: row.id, associationId: '', name: row.name, role: 'administrator', memberId: null };
      return { token: ctx.sessions.open(session), user: session, can: capabilitiesOf('administrator'), idleMinutes: SESSION_IDLE_MINUTES };
    },
  }),
};

