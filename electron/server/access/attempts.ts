// Checking a PIN against wrong guesses, the same for an association's users and the
// laptop's administrators: a wrong PIN counts and is kept (the call commits it, then
// refuses), three in a row lock for a while that doubles with each further failure,
// a locked person is refused without the PIN being looked at, and a right PIN clears
// the count (and replaces a hash from before PINs were peppered).

import { eq, sql } from 'drizzle-orm';
import { administrators, users } from '../../../db/schema';
import type { LedgerDb } from '../../../db/open';
import { LedgerError } from '../errors';
import { RefusalAfterCommit } from '../registry';
import type { CallContext } from '../context';
import { placeholderValue, typedQuery } from '../prepared';
import { checkSecret, hashSecret, isUnpeppered } from '../auth/pin';

/** Wrong PINs allowed before the first lock; then 30 s, 1 min, 2 min … up to 30 min. */
export const FREE_ATTEMPTS = 3;
const FIRST_LOCK_SECONDS = 30;
const MAX_LOCK_SECONDS = 30 * 60;

export function lockSeconds(failedAttempts: number): number {
  if (failedAttempts < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** (failedAttempts - FREE_ATTEMPTS));
}

type PinColumns = 'id' | 'pinHash' | 'failedAttempts' | 'lockedUntil';

/** Whose PIN: a row of `users` or of `administrators`, which keep their attempts the same way. */
export type PinHolder = Readonly<
  { table: 'users' | 'administrators' } & Pick<(typeof users)['$inferSelect'], PinColumns> & Pick<(typeof administrators)['$inferSelect'], PinColumns>
>;

/** The same writes on either table. */
function attemptWrites(db: LedgerDb, table: typeof users | typeof administrators) {
  const byId = eq(table.id, sql.placeholder('id'));
  return {
    countFailure: db.update(table).set({ failedAttempts: placeholderValue('failures'), lockedUntil: placeholderValue('until') }).where(byId).prepare(),
    clear: db.update(table).set({ failedAttempts: 0, lockedUntil: null }).where(byId).prepare(),
    rehash: db.update(table).set({ pinHash: placeholderValue('pinHash') }).where(byId).prepare(),
  };
}

const attemptQueries = typedQuery((db) => ({ users: attemptWrites(db, users), administrators: attemptWrites(db, administrators) }));

/** Refuses while the holder is locked, without looking at the PIN or code. */
export function refuseIfLocked(ctx: CallContext, holder: PinHolder): void {
  const now = ctx.now();
  if (holder.lockedUntil && holder.lockedUntil > now.toISOString()) {
    const minutes = Math.ceil((Date.parse(holder.lockedUntil) - now.getTime()) / 60_000);
    throw new RefusalAfterCommit('user-locked', { minutes, count: minutes });
  }
}

/**
 * A wrong PIN or code against the holder: how long they are now locked (seconds), and
 * the write that counts it — kept by the refusal (RefusalAfterCommit) while everything
 * else the command did is undone.
 */
export function countFailure(ctx: CallContext, holder: PinHolder): { seconds: number; keep: () => void } {
  const failures = holder.failedAttempts + 1;
  const seconds = lockSeconds(failures);
  const until = seconds > 0 ? new Date(ctx.now().getTime() + seconds * 1000).toISOString() : null;
  return { seconds, keep: () => attemptQueries(ctx.ledger)[holder.table].countFailure.run({ failures, until, id: holder.id }) };
}

/** The whole check of a PIN at sign-in; returns only when it is right. */
export function checkPinAttempt(ctx: CallContext, holder: PinHolder, pin: string): void {
  refuseIfLocked(ctx, holder);
  const result = checkSecret(pin, holder.pinHash, ctx.pepper);
  // A PIN set on another laptop cannot be checked here: the recovery code sets a new one.
  if (result === 'other-laptop') throw new LedgerError('pin-other-laptop', {}, 'pin');
  if (result !== 'ok') {
    const { seconds, keep } = countFailure(ctx, holder);
    // `count` picks the sentence's singular or plural ("1 minute", "2 tries").
    const minutes = Math.ceil(seconds / 60);
    if (seconds > 0) throw new RefusalAfterCommit('pin-wrong-locked', { minutes, count: minutes }, 'pin', keep);
    const left = FREE_ATTEMPTS - holder.failedAttempts - 1;
    throw new RefusalAfterCommit('pin-wrong', { left, count: left }, 'pin', keep);
  }
  const q = attemptQueries(ctx.ledger)[holder.table];
  q.clear.run({ id: holder.id });
  // A hash from before PINs were peppered is replaced now that the PIN is known.
  if (isUnpeppered(holder.pinHash)) q.rehash.run({ pinHash: hashSecret(pin, ctx.pepper), id: holder.id });
}
