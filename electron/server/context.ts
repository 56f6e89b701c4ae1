// What every handler receives: the open ledger, the clock and id source (pinned in
// tests), the sessions, and who is calling through which door.

import type { OpenLedger } from '../../db/open';
import type { UiLocale } from './locale/numbers';
import type { SessionStore, SessionUser } from './auth/sessions';
import type { Pepper } from './auth/pepper';
import type { Sealer } from './integrity/sealer';
import type { HeadStore } from './integrity/heads';
import type { IntegrityReport } from './integrity/check';
import type { LaptopKey } from './auth/laptop-key';
import type { ImportProgress } from './import-progress';
import { prepared } from './prepared';
import { utcOffsetHours } from './locale/places';

export type Channel = 'ipc' | 'cli' | 'test' | 'bench';

/** What the door (app window, command line, test) says about a call. */
export interface Actor {
  readonly channel: Channel;
  /** The language the caller types numbers in and reads messages in. */
  readonly locale: UiLocale;
  /** The session token from signing in; absent before sign-in. */
  readonly session?: string;
  /** The screen the call came from, for the audit trail. */
  readonly screen?: string;
}

export interface ServerDeps {
  ledger: OpenLedger;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly sessions: SessionStore;
  /** Where automatic backups go (a local folder, not a cloud-synced one). */
  readonly backupDir?: string;
  /** The laptop's key mixed into every PIN hash; never in the ledger file. */
  readonly pepper: Pepper;
  /** Keeps each association's seal current (the change log records it). */
  sealer: Sealer;
  /** The chains' heads, kept outside the file. */
  readonly heads: HeadStore;
  /** What the checks of the file found, and the last automatic backup that failed. */
  readonly health: HealthState;
  /** This laptop's signing key for the books it exports (never in the ledger file). */
  readonly laptopKey: LaptopKey;
  /** The import of groups' books under way, if any: its progress and whether it was asked to stop. */
  readonly importProgress: ImportProgress;
  /** Where this build's schema steps are, and the SQLite driver to open other files with. */
  readonly files: { readonly migrationsFolder: string; readonly nativeBinding?: string };
}

export interface HealthState {
  report: IntegrityReport | null;
  checkedAt: string | null;
  backupFailure: { readonly at: string; readonly code: string } | null;
  /** Runs the full check now. */
  readonly runFull: () => unknown;
}

export interface CallContext extends ServerDeps {
  readonly actor: Actor;
  /** The signed-in user, or null for a public command called without a session. */
  readonly user: SessionUser | null;
  /** The name recorded on entries and in the change log. */
  readonly actorName: string;
}

/** A place that says which day it is there: an association's country and first level. */
export interface DayPlace {
  readonly country: string;
  readonly province: string;
}

/**
 * Today's date in 'YYYY-MM-DD', from the (pinnable) clock, where the books are kept:
 * at the association's place (by its id, or a place given), else in Central Africa
 * Time. A Liberian group's evening is not yet tomorrow.
 * Raw SQL: the core reads the association's place without the features' queries.
 */
export function todayOf(ctx: Pick<ServerDeps, 'now'> & { readonly ledger?: OpenLedger }, where?: string | DayPlace | null): string {
  const place = typeof where === 'string'
    ? (ctx.ledger ? (prepared(ctx.ledger.sqlite, 'SELECT country, province FROM associations WHERE id = ?').get(where) as DayPlace | undefined) : undefined)
    : where;
  const hours = place ? utcOffsetHours(place.country, place.province) : 2;
  return new Date(ctx.now().getTime() + hours * 3600_000).toISOString().slice(0, 10);
}
