// The check of a ledger file: is it whole (SQLite's own integrity check), is its
// schema the one its steps make (the append-only guards still there), do the journal
// and the change log still hash as written, do the books still match the seal the last
// command left, and do the chains still reach the heads this laptop has seen?
// 'quick' (at every opening) looks at the newest entries of each chain; 'full' (in the
// background, and before a backup is trusted) at everything.

import type Database from 'better-sqlite3';
import type { associations, changeLog, journalEntries } from '../../../db/schema';
import { prepared, type RowOf } from '../prepared';
import { verifyChain } from '../journal/verify';
import { crossedReferences } from './scope';
import { changeChainHead, verifyChangeChain, type ChainHead } from './change-chain';
import { addDigest, associationSeal, combineSeal, laptopSeal } from './digest';
import { journalHead, type HeadStore } from './heads';
import { schemaDifferences, schemaOf, type SchemaObject } from './expected-schema';
import type { ErrorParams } from '../errors';

/** How many of the newest entries and change-log rows a quick check recomputes. */
export const QUICK_WINDOW = 200;

export interface IntegrityProblem {
  /** A message code (in the server's catalogs): what is wrong, in words. */
  readonly code:
    | 'integrity-file-damaged' | 'integrity-schema-changed' | 'integrity-journal-broken' | 'integrity-history-broken'
    | 'integrity-books-changed' | 'integrity-entries-missing' | 'integrity-entries-rewritten' | 'integrity-association-missing'
    | 'integrity-heads-unreadable' | 'integrity-crossed-associations' | 'integrity-laptop-changed';
  readonly params: ErrorParams;
  /** The association it concerns; null for the whole file. */
  readonly associationId: string | null;
}

export interface IntegrityReport {
  readonly level: 'quick' | 'full';
  readonly problems: readonly IntegrityProblem[];
  /** Each association's table digests, worked out on the way (the sealer starts from them). */
  readonly digests: ReadonlyMap<string, Map<string, bigint>>;
}

export interface CheckOptions {
  readonly level: 'quick' | 'full';
  readonly heads?: HeadStore;
  /** The schema the file's schema steps make; not compared when absent. */
  readonly expectedSchema?: readonly SchemaObject[];
}

/**
 * An imported group's seal as its own laptop sealed it: the secrets left out of the
 * file (PIN hashes) add what the file's manifest said to their tables' digests
 * (exchange/format.ts). Null for a group of this laptop's own.
 */
function importedSeal(sqlite: Database.Database, associationId: string, tables: ReadonlyMap<string, bigint>): string | null {
  if (!prepared(sqlite, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'exchange_sources'").get()) return null;
  const deltas = prepared(sqlite, 'SELECT seal_deltas_json FROM exchange_sources WHERE association_id = ?').pluck().get(associationId) as string | undefined;
  if (deltas === undefined) return null;
  const sealed = new Map(tables);
  for (const [table, delta] of Object.entries(JSON.parse(deltas) as Record<string, string>)) {
    if (sealed.has(table)) sealed.set(table, addDigest(sealed.get(table)!, BigInt(`0x${delta}`)));
  }
  return combineSeal(sealed);
}

export function checkLedger(sqlite: Database.Database, options: CheckOptions): IntegrityReport {
  const problems: IntegrityProblem[] = [];
  const digests = new Map<string, Map<string, bigint>>();
  const add = (code: IntegrityProblem['code'], associationId: string | null, params: ErrorParams = {}) => problems.push({ code, params, associationId });

  if (options.level === 'full') {
    const result = sqlite.pragma('integrity_check(20)', { simple: false }) as { integrity_check: string }[];
    const lines = result.map((r) => r.integrity_check).filter((line) => line !== 'ok');
    const orphans = sqlite.pragma('foreign_key_check') as unknown[];
    if (lines.length > 0 || orphans.length > 0) add('integrity-file-damaged', null, { detail: (lines[0] ?? `${orphans.length} rows point at nothing`).slice(0, 200) });
    const crossed = crossedReferences(sqlite);
    if (crossed.length > 0) add('integrity-crossed-associations', null, { names: crossed.slice(0, 5).join(', ') });
  }
  if (options.expectedSchema) {
    const differ = schemaDifferences(schemaOf(sqlite), options.expectedSchema);
    if (differ.length > 0) add('integrity-schema-changed', null, { names: differ.slice(0, 5).join(', ') });
  }
  // Raw SQL: the file may be a backup opened on its own, or books not yet brought up to this build's schema.
  const chained = Boolean(prepared(sqlite, "SELECT 1 FROM pragma_table_info('change_log') WHERE name = 'hash'").get());
  const held = prepared(sqlite, 'SELECT id, name FROM associations ORDER BY name').all() as RowOf<typeof associations, 'id' | 'name'>[];
  const quick = options.level === 'quick';

  for (const { id, name } of held) {
    const journalTail = quick ? Math.max(1, (journalHead(sqlite, id)?.seq ?? 0) - QUICK_WINDOW + 1) : 1;
    const journal = verifyChain(sqlite, id, { fromSeq: journalTail });
    if (!journal.ok) add('integrity-journal-broken', id, { name, seq: journal.firstBroken!.seq });
    if (!chained) continue;
    const history = checkHistory(sqlite, id, quick);
    if (!history.ok) add('integrity-history-broken', id, { name, seq: history.firstBroken!.seq });
    const { seal: own, digests: tables } = associationSeal(sqlite, id);
    digests.set(id, tables);
    const seal = importedSeal(sqlite, id, tables) ?? own;
    if (history.ok && history.lastSeal !== null && history.lastSeal !== seal) add('integrity-books-changed', id, { name });
    compareHeads(sqlite, options.heads?.seen(sqlite, id), id, name, add);
  }
  if (chained) {
    // The laptop's own records: its administrators, the schema steps, its own history.
    const laptop = checkHistory(sqlite, null, quick);
    if (!laptop.ok || (laptop.lastSeal !== null && laptop.lastSeal !== laptopSeal(sqlite))) add('integrity-laptop-changed', null, {});
    compareHeads(sqlite, options.heads?.seen(sqlite, null), null, null, add);
  }
  if (options.heads) {
    for (const id of options.heads.missingAssociations(sqlite)) add('integrity-association-missing', null, { id });
    if (options.heads.unreadable) add('integrity-heads-unreadable', null);
  }
  return { level: options.level, problems, digests };
}

function checkHistory(sqlite: Database.Database, associationId: string | null, quick: boolean) {
  const last = changeChainHead(sqlite, associationId)?.seq ?? 0;
  return verifyChangeChain(sqlite, associationId, { fromSeq: quick ? Math.max(1, last - QUICK_WINDOW + 1) : 1 });
}

/** The chains must still reach the heads this laptop saw: nothing removed, nothing rewritten. */
function compareHeads(
  sqlite: Database.Database,
  seen: ReturnType<HeadStore['seen']>,
  associationId: string | null,
  /** The association's name; null for the laptop's own history. */
  name: string | null,
  add: (code: IntegrityProblem['code'], associationId: string | null, params: ErrorParams) => void,
): void {
  if (!seen) return;
  const chains: [ChainHead | null, string][] = [
    [seen.journal, 'SELECT hash FROM journal_entries WHERE association_id IS ? AND seq = ?'],
    [seen.changes, 'SELECT hash FROM change_log WHERE association_id IS ? AND seq = ?'],
  ];
  for (const [head, query] of chains) {
    if (!head) continue;
    const row = prepared(sqlite, query).get(associationId, head.seq) as RowOf<typeof journalEntries | typeof changeLog, 'hash'> | undefined;
    if (name === null) {
      if (!row || row.hash !== head.hash) add('integrity-laptop-changed', null, {});
    } else if (!row) add('integrity-entries-missing', associationId, { name, seq: head.seq });
    else if (row.hash !== head.hash) add('integrity-entries-rewritten', associationId, { name, seq: head.seq });
  }
}
