// For the doors (app window, command line, test harness): the session token stays
// with the door, never with the page. After a sign-in the door keeps the token and
// hands the rest of the answer on; after a sign-out or an expiry it forgets it.

import type { Result } from './errors';

/** The commands whose answer carries a new session's token. */
const SIGN_INS = new Set(['session-sign-in', 'administrator-sign-in', 'coordinator-sign-in', 'laptop-setup-coordinator', 'coordinator-open-group']);

export function keepSession(name: string, result: Result<unknown>, current: string | undefined): { session: string | undefined; result: Result<unknown> } {
  if (SIGN_INS.has(name) && result.ok) {
    const { token, ...rest } = result.value as { token: string };
    return { session: token, result: { ok: true, value: rest } };
  }
  if (name === 'session-sign-out') return { session: undefined, result };
  if (!result.ok && (result.error.code === 'session-expired' || result.error.code === 'sign-in-required')) return { session: undefined, result };
  return { session: current, result };
}
