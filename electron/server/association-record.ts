// The association a call is about: every feature looks it up here, and writes only
// to one of ours (an imported copy is read-only).

import { eq, sql } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import { associations } from '../../db/schema';
import { LedgerError } from './errors';
import type { CallContext } from './context';
import type { CurrencyCode } from './money/currency';
import type { UiLocale } from './locale/numbers';
import { prepared, typedQuery, type RowOf } from './prepared';

/** What every association read returns (never its recovery code's hash). */
const associationFields = {
  id: associations.id,
  name: associations.name,
  registrationNo: associations.registrationNo,
  country: associations.country,
  province: associations.province,
  district: associations.district,
  sector: associations.sector,
  cell: associations.cell,
  village: associations.village,
  // Only known currencies and languages are ever written (the handlers check them).
  currency: sql<CurrencyCode>`${associations.currency}`,
  language: sql<UiLocale>`${associations.language}`,
  foundedOn: associations.foundedOn,
  // Imported books are read-only here (exchange/merge.ts); their own row stays exactly as the group's laptop signed it.
  readOnly: sql<boolean>`(${associations.readOnly} OR EXISTS (SELECT 1 FROM exchange_sources s WHERE s.association_id = ${associations.id}))`.mapWith(Boolean),
  createdAt: associations.createdAt,
  /** A practice group: made-up books, deletable in one step (practice/). */
  practice: sql<boolean>`coalesce(${associations.practice}, 0)`.mapWith(Boolean),
  /**
   * For a practice group only, who is practising (its first treasurer): said where several are listed.
   * Never a real group's treasurer: the list is read before anyone signs in.
   */
  practisedBy: sql<string | null>`CASE WHEN ${associations.practice} = 1 THEN ${associations.createdBy} END`,
};

const associationQueries = typedQuery((db) => ({
  byId: db.select(associationFields).from(associations).where(eq(associations.id, sql.placeholder('associationId'))).prepare(),
  byName: db.select(associationFields).from(associations).orderBy(sql`${associations.name} COLLATE NOCASE`).prepare(),
}));

export type AssociationView = NonNullable<ReturnType<ReturnType<typeof associationQueries>['byId']['get']>>;

export function getAssociation(ctx: CallContext, associationId: string): AssociationView {
  const row = associationQueries(ctx.ledger).byId.get({ associationId });
  if (!row) throw new LedgerError('association-not-found', {}, 'associationId');
  return row;
}

/** For writes: the association must exist and be one of ours, not an imported copy. */
export function writableAssociation(ctx: CallContext, associationId: string): AssociationView {
  const a = getAssociation(ctx, associationId);
  if (a.readOnly) throw new LedgerError('association-read-only');
  return a;
}


/** Every association in the file, by name. */
export function listAssociations(ctx: CallContext): AssociationView[] {
  return associationQueries(ctx.ledger).byName.all();
}

/**
 * The ids of every association in the file, in a fixed order (whole-file actions, checks).
 * Raw SQL: its callers (opening the file, the checks, the heads) hold only the driver's connection.
 */
export function associationIds(sqlite: Database.Database): RowOf<typeof associations, 'id'>['id'][] {
  return prepared(sqlite, 'SELECT id FROM associations ORDER BY id').pluck().all() as RowOf<typeof associations, 'id'>['id'][];
}

/**
 * The ids of the associations kept on this laptop (not imported copies), in a fixed
 * order: those whose own histories note what happens to the whole file. An imported
 * group's history is its own laptop's. Raw SQL, as `associationIds`.
 */
export function localAssociationIds(sqlite: Database.Database): RowOf<typeof associations, 'id'>['id'][] {
  return prepared(sqlite, 'SELECT id FROM associations WHERE id NOT IN (SELECT association_id FROM exchange_sources) ORDER BY id').pluck().all() as RowOf<typeof associations, 'id'>['id'][];
}

/** Whether an association is an imported copy (read-only here). Raw SQL: the change log and the checks hold only the driver's connection. */
export function isImported(sqlite: Database.Database, associationId: string | null): boolean {
  if (associationId === null || associationId === '') return false;
  return prepared(sqlite, 'SELECT 1 FROM exchange_sources WHERE association_id = ?').get(associationId) !== undefined;
}
