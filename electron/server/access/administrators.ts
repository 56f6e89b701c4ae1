// The laptop's administrators: named at first start (or, on books from before, by an
// association's treasurer or chair), each with their own PIN. They back up and
// restore the whole file and add associations; they never read or change any
// association's books.

import { getAssociation, localAssociationIds } from '../association-record';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
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

/** A laptop person's PIN or password, as typed (its strength is checked when it is set). */
export const pin = z.string({ error: 'field-required' }).min(1, { error: 'field-required' }).max(64, { error: 'password-length' });

/**
 * The laptop's people, who belong to no association: its administrators (role null)
 * and the programme's coordinators (role 'coordinator', exchange/coordinators.ts).
 * One kind never answers for the other: every query names the kind.
 */
export type LaptopPerson = 'administrator' | 'coordinator';
const roleOf = (kind: LaptopPerson) => (kind === 'administrator' ? null : kind);

const laptopQueries = typedQuery((db) => ({
  count: db.select({ n: count() }).from(administrators).where(sql`${administrators.role} IS ${sql.placeholder('role')}`).prepare(),
  /** Real books only: a practice group leaves the laptop at its first start. */
  associationCount: db.select({ n: count() }).from(associations).where(isNull(associations.practice)).prepare(),
  /** Names are unique across both kinds: a sign-in screen never shows two of the same name. */
  nameTaken: db.select({ id: administrators.id }).from(administrators)
    .where(sql`${administrators.name} = ${sql.placeholder('name')} COLLATE NOCASE`).prepare(),
  insert: db.insert(administrators).values({
    id: sql.placeholder('id'), name: sql.placeholder('name'), pinHash: sql.placeholder('pinHash'), role: sql.placeholder('role'),
    createdAt: sql.placeholder('now'), createdBy: sql.placeholder('createdBy'),
  }).prepare(),
  /** For the sign-in screens: names only. */
  names: db.select({ id: administrators.id, name: administrators.name }).from(administrators)
    .where(sql`${administrators.role} IS ${sql.placeholder('role')}`).orderBy(sql`${administrators.name} COLLATE NOCASE`).prepare(),
  forSignIn: db.select({
    id: administrators.id, name: administrators.name, pinHash: administrators.pinHash,
    failedAttempts: administrators.failedAttempts, lockedUntil: administrators.lockedUntil,
  }).from(administrators).where(and(eq(administrators.id, sql.placeholder('personId')), sql`${administrators.role} IS ${sql.placeholder('role')}`)).prepare(),
}));

export function administratorCount(ctx: Pick<CallContext, 'ledger'>, kind: LaptopPerson = 'administrator'): number {
  return laptopQueries(ctx.ledger).count.get({ role: roleOf(kind) })!.n;
}

export function associationCount(ctx: Pick<CallContext, 'ledger'>): number {
  return laptopQueries(ctx.ledger).associationCount.get()!.n;
}

/** The laptop's people of one kind (names only), for a sign-in screen. */
export function laptopPeople(ctx: Pick<CallContext, 'ledger'>, kind: LaptopPerson): { id: string; name: string }[] {
  return laptopQueries(ctx.ledger).names.all({ role: roleOf(kind) });
}

/** Adds one of the laptop's people; shared by association-create (at first start), administrator-create and the coordinators'. */
export function insertLaptopPerson(ctx: CallContext, input: { name: string; pin: string }, kind: LaptopPerson, createdBy: string): { id: string; name: string } {
  checkPinStrength(input.pin);
  const q = laptopQueries(ctx.ledger);
  const taken = q.nameTaken.get({ name: input.name });
  if (taken) throw new LedgerError('user-name-taken', { name: input.name }, 'name');
  const personId = ctx.newId();
  q.insert.run({ id: personId, name: input.name, pinHash: hashSecret(input.pin, ctx.pepper), role: roleOf(kind), now: ctx.now().toISOString(), createdBy });
  return { id: personId, name: input.name };
}

export function insertAdministrator(ctx: CallContext, input: { name: string; pin: string }, createdBy: string): { id: string; name: string } {
  return insertLaptopPerson(ctx, input, 'administrator', createdBy);
}

/** Signs one of the laptop's people in (a wrong PIN counts against them); `field` names the input's id field. */
export function signInLaptopPerson(ctx: CallContext, kind: LaptopPerson, personId: string, pin: string, field: string): SignedIn {
  const row = laptopQueries(ctx.ledger).forSignIn.get({ personId, role: roleOf(kind) });
  if (!row) throw new LedgerError('user-not-found', {}, field);
  checkPinAttempt(ctx, { table: 'administrators', ...row }, pin);
  const session: SessionUser = {
    userId: row.id, associationId: '', name: row.name, role: kind, memberId: null, ...(kind === 'coordinator' ? { programme: true } : {}),
  };
  return { token: ctx.sessions.open(session), user: session, can: capabilitiesOf(kind), idleMinutes: SESSION_IDLE_MINUTES };
}

export const administratorHandlers = {
  'administrator-list': handler({
    kind: 'read',
    access: PUBLIC,
    summary: 'The laptop’s administrators (names only), for the sign-in screen',
    input: z.strictObject({}),
    run: (ctx): { id: string; name: string }[] => laptopPeople(ctx, 'administrator'),
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
      // Whoever signs in to a practice group chose its PIN themself: they name nobody for the laptop.
      const practising = ctx.user?.associationId ? getAssociation(ctx, ctx.user.associationId).practice : false;
      if (practising) throw new LedgerError('practice-names-nobody');
      const allowed = role === 'administrator' || (administratorCount(ctx) === 0 && role !== undefined && ADMINS.includes(role));
      if (!allowed) throw new LedgerError(ctx.user ? 'role-refused' : 'sign-in-required', ctx.user ? { role: ctx.user.role } : {});
      const named = insertAdministrator(ctx, input, ctx.actorName);
      // Whoever may copy or replace every association's books: each association's history says who was named, and by whom.
      for (const associationId of localAssociationIds(ctx.ledger.sqlite)) {
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
    run: (ctx, input): SignedIn => signInLaptopPerson(ctx, 'administrator', input.administratorId, input.pin, 'administratorId'),
  }),
};

