// What a check found is written into the history (the change log) of each
// association it concerns, so that it is not forgotten once someone signs in and the
// books move on: every signed-in person of that association sees it until a
// treasurer or chair (or, for the file as a whole, the administrator) says it has
// been looked into.

import type Database from 'better-sqlite3';
import { writeChange } from '../audit-log';
import type { Sealer } from './sealer';
import type { IntegrityProblem } from './check';

export const FINDING_COMMAND = 'ledger-check';
export const ACKNOWLEDGE_COMMAND = 'ledger-check-acknowledge';

/** The findings recorded in a chain since it was last acknowledged. */
export function openFindings(sqlite: Database.Database, associationId: string | null): IntegrityProblem[] {
  const rows = sqlite
    .prepare(
      `SELECT input_json AS input FROM change_log
        WHERE association_id IS ? AND command = ? AND seq > coalesce((SELECT max(seq) FROM change_log WHERE association_id IS ? AND command = ?), 0)
        ORDER BY seq`,
    )
    .all(associationId, FINDING_COMMAND, associationId, ACKNOWLEDGE_COMMAND) as { input: string }[];
  const seen = new Map<string, IntegrityProblem>();
  for (const row of rows) {
    try {
      const { problems } = JSON.parse(row.input) as { problems: IntegrityProblem[] };
      for (const p of problems) seen.set(`${p.code}\n${JSON.stringify(p.params)}`, { ...p, associationId });
    } catch {
      // A row whose content was altered breaks the chain, which the check reports.
    }
  }
  return [...seen.values()];
}

/** Writes what a check found into the history of each association concerned (null: the laptop's), once. */
export function recordFindings(
  sqlite: Database.Database,
  sealer: Sealer,
  problems: readonly IntegrityProblem[],
  row: { newId: () => string; at: string; channel: string },
): (string | null)[] {
  const byChain = new Map<string | null, IntegrityProblem[]>();
  for (const p of problems) {
    // A problem of the whole file goes into the laptop's history.
    const key = p.associationId;
    byChain.set(key, [...(byChain.get(key) ?? []), p]);
  }
  const written: (string | null)[] = [];
  const existing = new Set((sqlite.prepare('SELECT id FROM associations').pluck().all() as string[]));
  sqlite.transaction(() => {
    for (const [associationId, found] of byChain) {
      if (associationId !== null && !existing.has(associationId)) continue;
      const known = new Set(openFindings(sqlite, associationId).map((p) => `${p.code}\n${JSON.stringify(p.params)}`));
      const fresh = found.filter((p) => !known.has(`${p.code}\n${JSON.stringify(p.params)}`));
      if (fresh.length === 0) continue;
      writeChange(sqlite, sealer, {
        id: row.newId(), associationId, at: row.at, actor: 'Ikimina', userId: null, role: null, channel: row.channel, screen: null,
        command: FINDING_COMMAND, input: { problems: fresh.map(({ code, params }) => ({ code, params })) }, targetId: null, outcome: 'problems',
      });
      written.push(associationId);
    }
  }).immediate();
  sealer.committed();
  return written;
}

/** Everything not yet looked into: the findings recorded in these chains' histories, and a check's own. */
export function unresolvedProblems(sqlite: Database.Database, chains: readonly (string | null)[], current: readonly IntegrityProblem[]): IntegrityProblem[] {
  const found = new Map<string, IntegrityProblem>();
  const key = (p: IntegrityProblem) => `${p.associationId}\n${p.code}\n${JSON.stringify(p.params)}`;
  for (const chain of chains) for (const p of openFindings(sqlite, chain)) found.set(key(p), p);
  for (const p of current) found.set(key(p), p);
  return [...found.values()];
}
