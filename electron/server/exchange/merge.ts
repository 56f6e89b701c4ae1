// Taking a checked file (file-check.ts) into the coordinator's ledger, attached as
// `ikimina_import`, inside the import command's one transaction. What happens
// depends on what was taken in before from the same association:
//   - nothing: every row is added, and the laptop's key is trusted from now on;
//   - the same books (same content, same heads): nothing changes, and the report says so;
//   - older books (its chains stop at entries already taken in): nothing changes;
//   - books whose chains extend what was taken in: only the new rows are added (the
//     journal and history stay append-only), and rows that may change (a member who
//     left, a loan's status) take their new values; then the books here must match
//     the seal the file's last command left, or nothing is kept;
//   - books whose chains part from what was taken in (a laptop restored from an old
//     backup and written on again, or history rewritten): nothing is merged; the file
//     is kept aside as a conflict, with both heads and the entry where they part;
//   - a laptop key not trusted for the association: nothing is merged until the
//     coordinator accepts the key, with a reason.

import type Database from 'better-sqlite3';
import { eq, sql } from 'drizzle-orm';
import { exchangeKeys, exchangeSources } from '../../../db/schema';
import { LedgerError } from '../errors';
import type { CallContext } from '../context';
import { prepared, typedQuery } from '../prepared';
import { insertionOrder, quoteName, tableColumns, type TableScope } from '../integrity/scope';
import { addDigest, combineSeal } from '../integrity/digest';
import { verifyChangeChain } from '../integrity/change-chain';
import { verifyChain } from '../journal/verify';
import type { CheckedFile } from './file-check';
import { sealedDigests } from './format';

export const IMPORT_SCHEMA = 'ikimina_import';

export type MergeOutcome =
  | { readonly outcome: 'imported' | 'updated' | 'unchanged' | 'older' }
  | { readonly outcome: 'new-key'; readonly trusted: readonly string[] }
  | { readonly outcome: 'conflict'; readonly ours: { seq: number; hash: string }; readonly theirs: { seq: number; hash: string }; readonly partedAt: number; readonly ourFingerprint: string };

const sources = typedQuery((db) => ({
  get: db.select().from(exchangeSources).where(eq(exchangeSources.associationId, sql.placeholder('associationId'))).prepare(),
  trusted: db.select({ fingerprint: exchangeKeys.fingerprint }).from(exchangeKeys).where(eq(exchangeKeys.associationId, sql.placeholder('associationId'))).prepare(),
}));

export type SourceRow = NonNullable<ReturnType<ReturnType<typeof sources>['get']['get']>>;

export function sourceOf(ctx: Pick<CallContext, 'ledger'>, associationId: string): SourceRow | undefined {
  return sources(ctx.ledger).get.get({ associationId });
}

export function trustedKeys(ctx: Pick<CallContext, 'ledger'>, associationId: string): string[] {
  return sources(ctx.ledger).trusted.all({ associationId }).map((k) => k.fingerprint);
}

/** The hash of entry `seq` in the journal (main) or the attached file. Raw SQL: either schema, by name. */
function hashAt(sqlite: Database.Database, schema: string, table: 'journal_entries' | 'change_log', associationId: string, seq: number): string | null {
  return (prepared(sqlite, `SELECT hash FROM ${schema}.${table} WHERE association_id = ? AND seq = ?`).pluck().get(associationId, seq) as string | undefined) ?? null;
}

/** What to do with the checked file, given what was taken in before; nothing written. */
export function decide(ctx: CallContext, checked: CheckedFile): MergeOutcome {
  const { sqlite } = ctx.ledger;
  const m = checked.manifest;
  const source = sourceOf(ctx, m.associationId);
  if (!source) {
    if (prepared(sqlite, 'SELECT 1 FROM main.associations WHERE id = ?').get(m.associationId)) throw new LedgerError('exchange-own-books', {}, 'file');
    return { outcome: 'imported' };
  }
  const trusted = trustedKeys(ctx, m.associationId);
  if (!trusted.includes(checked.fingerprint)) return { outcome: 'new-key', trusted };
  if (source.contentHash === m.contentHash && source.journalSeq === m.journal.seq && source.changeSeq === m.changes.seq) return { outcome: 'unchanged' };
  const id = m.associationId;
  // Theirs at our heads: the same entry means everything before it is the same (each hash covers the one before).
  const extendsOurs = hashAt(sqlite, IMPORT_SCHEMA, 'journal_entries', id, source.journalSeq) === (source.journalSeq === 0 ? null : source.journalHead)
    && hashAt(sqlite, IMPORT_SCHEMA, 'change_log', id, source.changeSeq) === (source.changeSeq === 0 ? null : source.changeHead);
  if (extendsOurs && (m.journal.seq > source.journalSeq || m.changes.seq > source.changeSeq)) return { outcome: 'updated' };
  // Ours at their heads: a file older than what was taken in.
  const olderThanOurs = m.journal.seq <= source.journalSeq && m.changes.seq <= source.changeSeq
    && (m.journal.seq === 0 || hashAt(sqlite, 'main', 'journal_entries', id, m.journal.seq) === m.journal.hash)
    && (m.changes.seq === 0 || hashAt(sqlite, 'main', 'change_log', id, m.changes.seq) === m.changes.hash);
  if (olderThanOurs) return { outcome: 'older' };
  const parted = prepared(sqlite, `SELECT min(o.seq) FROM main.journal_entries o JOIN ${IMPORT_SCHEMA}.journal_entries t ON t.association_id = o.association_id AND t.seq = o.seq
                                    WHERE o.association_id = ? AND o.hash <> t.hash`).pluck().get(id) as number | null;
  return {
    outcome: 'conflict',
    ours: { seq: source.journalSeq, hash: source.journalHead },
    theirs: { seq: m.journal.seq, hash: m.journal.hash },
    partedAt: parted ?? Math.min(source.journalSeq, m.journal.seq) + 1,
    ourFingerprint: source.fingerprint,
  };
}

/** Triggers that refuse changing or removing a table's rows: its rows are only ever added. */
function guardsOf(sqlite: Database.Database, table: string): { update: boolean; delete: boolean } {
  const sqls = prepared(sqlite, "SELECT sql FROM main.sqlite_schema WHERE type = 'trigger' AND tbl_name = ?").pluck().all(table) as string[];
  return { update: sqls.some((s) => /BEFORE UPDATE/i.test(s)), delete: sqls.some((s) => /BEFORE DELETE/i.test(s)) };
}

/** Every row of the file into the ledger (a group taken in for the first time). Raw SQL: every table by name. */
export function addAll(sqlite: Database.Database): number {
  let added = 0;
  for (const scope of insertionOrder(sqlite)) {
    const columns = scope.columns.map(quoteName).join(', ');
    added += prepared(sqlite, `INSERT INTO main.${quoteName(scope.table)} (${columns}) SELECT ${columns} FROM ${IMPORT_SCHEMA}.${quoteName(scope.table)}`).run().changes;
  }
  return added;
}

/** The primary key's columns of a table (every column for a table without one: its rows are then only added or removed whole). */
function keyOf(sqlite: Database.Database, scope: TableScope): { columns: string[]; primary: boolean } {
  const pk = tableColumns(sqlite, scope.table).filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
  return pk.length > 0 ? { columns: pk, primary: true } : { columns: [...scope.columns], primary: false };
}

/**
 * A newer file of books taken in before: rows added, rows that may change updated,
 * rows the group no longer has removed (only where its rules allow removing any).
 * Raw SQL: every table by name.
 */
export function addNewer(sqlite: Database.Database, associationId: string): number {
  let added = 0;
  const sameKey = (key: string[], a: string, b: string) => key.map((k) => `${a}.${quoteName(k)} IS ${b}.${quoteName(k)}`).join(' AND ');
  for (const scope of [...insertionOrder(sqlite)].reverse()) {
    if (guardsOf(sqlite, scope.table).delete) continue;
    const table = quoteName(scope.table);
    const mine = scope.where.replaceAll('{schema}', 'main');
    const key = keyOf(sqlite, scope).columns;
    sqlite.prepare(`DELETE FROM main.${table} WHERE ${mine} AND NOT EXISTS (SELECT 1 FROM ${IMPORT_SCHEMA}.${table} AS f WHERE ${sameKey(key, 'f', `main.${table}`)})`).run(associationId);
  }
  for (const scope of insertionOrder(sqlite)) {
    const table = quoteName(scope.table);
    const { columns: key, primary } = keyOf(sqlite, scope);
    const columns = scope.columns.map(quoteName).join(', ');
    const others = scope.columns.filter((c) => !key.includes(c)).map(quoteName);
    if (!primary || guardsOf(sqlite, scope.table).update || others.length === 0) {
      added += sqlite.prepare(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM ${IMPORT_SCHEMA}.${table} AS f
                               WHERE NOT EXISTS (SELECT 1 FROM main.${table} AS m WHERE ${sameKey(key, 'm', 'f')})`).run().changes;
      continue;
    }
    const changed = others.map((c) => `main.${table}.${c} IS NOT excluded.${c}`).join(' OR ');
    // `WHERE true` lets SQLite read the upsert's ON CONFLICT after a SELECT.
    added += sqlite.prepare(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM ${IMPORT_SCHEMA}.${table} WHERE true
                             ON CONFLICT (${key.map(quoteName).join(', ')}) DO UPDATE SET ${others.map((c) => `${c} = excluded.${c}`).join(', ')} WHERE ${changed}`).run().changes;
  }
  return added;
}

/** After a merge: the books here are exactly the file's — the chains reach its heads and the rest matches the seal its last command left. */
export function mergedMatches(sqlite: Database.Database, checked: CheckedFile, fromSeq: { journal: number; changes: number }): boolean {
  const m = checked.manifest;
  const journal = verifyChain(sqlite, m.associationId, { fromSeq: Math.max(1, fromSeq.journal) });
  const history = verifyChangeChain(sqlite, m.associationId, { fromSeq: Math.max(1, fromSeq.changes) });
  if (!journal.ok || !history.ok || (m.journal.seq > 0 && journal.headHash !== m.journal.hash) || (history.head?.hash ?? null) !== (m.changes.seq > 0 ? m.changes.hash : null)) return false;
  if (history.lastSeal === null) return true;
  const digests = withDeltas(sealedDigests(sqlite, m.associationId), m.sealDeltas);
  return combineSeal(digests) === history.lastSeal;
}

/** Table digests with what the secrets left out of an imported file add to them. */
export function withDeltas(digests: Map<string, bigint>, deltas: Readonly<Record<string, string>>): Map<string, bigint> {
  const sealed = new Map(digests);
  for (const [table, delta] of Object.entries(deltas)) if (sealed.has(table)) sealed.set(table, addDigest(sealed.get(table)!, BigInt(`0x${delta}`)));
  return sealed;
}
