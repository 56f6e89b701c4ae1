// The association a call is about: every feature looks it up here, and writes only
// to one of ours (an imported copy is read-only).

import { LedgerError } from './errors';
import type Database from 'better-sqlite3';
import type { CallContext } from './context';
import type { CURRENCY_CODES } from './money/currency';
import type { UI_LOCALES } from './locale/numbers';
import { prepared } from './prepared';

export interface AssociationView {
  readonly id: string;
  readonly name: string;
  readonly registrationNo: string | null;
  readonly country: string;
  readonly province: string;
  readonly district: string;
  readonly sector: string;
  readonly cell: string;
  readonly village: string;
  readonly currency: (typeof CURRENCY_CODES)[number];
  readonly language: (typeof UI_LOCALES)[number];
  readonly foundedOn: string;
  readonly readOnly: boolean;
  readonly createdAt: string;
}

const SELECT = `SELECT id, name, registration_no AS registrationNo, country, province, district, sector, cell, village,
  currency, language, founded_on AS foundedOn, read_only AS readOnly, created_at AS createdAt FROM associations`;

export function getAssociation(ctx: CallContext, associationId: string): AssociationView {
  const row = prepared(ctx.ledger.sqlite, `${SELECT} WHERE id = ?`).get(associationId) as AssociationView | undefined;
  if (!row) throw new LedgerError('association-not-found', {}, 'associationId');
  return { ...row, readOnly: Boolean(row.readOnly) };
}

/** For writes: the association must exist and be one of ours, not an imported copy. */
export function writableAssociation(ctx: CallContext, associationId: string): AssociationView {
  const a = getAssociation(ctx, associationId);
  if (a.readOnly) throw new LedgerError('association-read-only');
  return a;
}


/** Every association in the file, by name. */
export function listAssociations(ctx: CallContext): AssociationView[] {
  const rows = prepared(ctx.ledger.sqlite, `${SELECT} ORDER BY name COLLATE NOCASE`).all() as AssociationView[];
  return rows.map((r) => ({ ...r, readOnly: Boolean(r.readOnly) }));
}

/** The ids of every association in the file, in a fixed order (whole-file actions, checks). */
export function associationIds(sqlite: Database.Database): string[] {
  return prepared(sqlite, 'SELECT id FROM associations ORDER BY id').pluck().all() as string[];
}
