// What every handler receives: the open ledger, the clock and id source (pinned in
// tests), and who is calling through which door.

import type { OpenLedger } from '../../db/open';
import type { UiLocale } from './locale/numbers';

export type Channel = 'ipc' | 'cli' | 'test' | 'bench';

export interface Actor {
  /** Who is acting, as recorded in the change log and on every entry. */
  readonly name: string;
  readonly channel: Channel;
  /** The language the caller types numbers in and reads messages in. */
  readonly locale: UiLocale;
}

export interface ServerDeps {
  readonly ledger: OpenLedger;
  readonly now: () => Date;
  readonly newId: () => string;
}

export interface CallContext extends ServerDeps {
  readonly actor: Actor;
}

/** Today's date in 'YYYY-MM-DD', from the (pinnable) clock, in UTC+2 (Central Africa Time). */
export function todayOf(ctx: ServerDeps): string {
  const cat = new Date(ctx.now().getTime() + 2 * 3600_000);
  return cat.toISOString().slice(0, 10);
}
