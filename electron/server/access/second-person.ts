// Two people for one decision. Writing a loan off, correcting a closed meeting,
// reversing an entry and (soon) the share-out are confirmed by a second officer of the
// group — not the person who asks, not the member it is about — who types their own
// PIN on the same screen. A wrong PIN counts against the confirmer like a wrong PIN
// at sign-in (and locks them the same way), so the box cannot be used to guess PINs.

import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../../db/schema';
import { LedgerError } from '../errors';
import { RefusalAfterCommit } from '../registry';
import type { CallContext } from '../context';
import { typedQuery } from '../prepared';
import { RECORDERS } from '../auth/access';
import { pinText } from '../validation';
import { checkPinAttempt } from './attempts';

/** What a write that needs two people carries: who confirms, and their PIN (never recorded). */
export const confirmationShape = z.strictObject({ userId: z.string({ error: 'confirmation-missing' }).min(1, { error: 'confirmation-missing' }).max(64), pin: pinText }, { error: 'confirmation-missing' });
export type Confirmation = z.infer<typeof confirmationShape>;
/**
 * The input field. Optional at the schema so that what is wrong with the decision
 * itself (an entry a record keeps, a loan already closed) is said first; the
 * handler then asks for the confirmation through `confirmedBy`.
 */
export const confirmation = confirmationShape.optional();

const confirmer = typedQuery((db) =>
  db.select({
    id: users.id, name: users.name, role: users.role, memberId: users.memberId, active: users.active,
    pinHash: users.pinHash, failedAttempts: users.failedAttempts, lockedUntil: users.lockedUntil,
  }).from(users)
    .where(and(eq(users.id, sql.placeholder('userId')), eq(users.associationId, sql.placeholder('associationId'))))
    .prepare(),
);

/**
 * Checks the second person and returns their name (for the record). Refuses the
 * caller themself, anyone who is not an officer of this group, the member the decision
 * is about, and a wrong PIN.
 */
export function confirmedBy(ctx: CallContext, associationId: string, given: Confirmation | undefined, about?: { memberId: string }): string {
  if (!given) throw new LedgerError('confirmation-missing', {}, 'confirmation');
  const field = 'confirmation.userId';
  const person = confirmer(ctx.ledger).get({ userId: given.userId, associationId });
  if (!person || !person.active) throw new LedgerError('confirmation-user-unknown', {}, field);
  if (ctx.user && person.id === ctx.user.userId) throw new LedgerError('confirmation-same-person', {}, field);
  if (!RECORDERS.includes(person.role)) throw new LedgerError('confirmation-role', { name: person.name }, field);
  if (about && person.memberId === about.memberId) throw new LedgerError('confirmation-concerned', { name: person.name }, field);
  try {
    checkPinAttempt(ctx, { table: 'users', ...person }, given.pin);
  } catch (err) {
    // The same refusal, said about the confirmer's PIN box rather than the caller's.
    if (err instanceof RefusalAfterCommit) throw new RefusalAfterCommit(err.code, err.params, 'confirmation.pin', err.keep);
    if (err instanceof LedgerError) throw new LedgerError(err.code, err.params, 'confirmation.pin');
    throw err;
  }
  return person.name;
}
