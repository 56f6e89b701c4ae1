// What a check found is written into the history (the change log) of each
// association it concerns, so that it is not forgotten once someone signs in and the
// books move on: every signed-in person of that association sees it until a
// treasurer or chair (or, for the file as a whole, the administrator) says it has
// been looked into.

import { and, asc, eq, gt, max, sql } from 'drizzle-orm';
import { changeLog } from '../../../db/schema';
import { associationIds } from '../association-record';
import { BY_IKIMINA, recordChange } from '../audit-log';
import { typedQuery, type QueryTarget } from '../prepared';
import type { ServerDeps } from '../context';
import type { IntegrityProblem } from './check';

export const FINDING_COMMAND = 'ledger-check';
export const ACKNOWLEDGE_COMMAND = 'ledger-check-acknowledge';

/** Two findings are the same when they say the same thing (in one chain). */
function sameFinding(p: Pick<IntegrityProblem, 'code' | 'params'>): string {
  return `${p.code}\n${JSON.stringify(p.params)}`;
}

/** A chain's findings recorded since it was last acknowledged, oldest first (`IS`: the laptop's chain has a null association). */
const findingsSinceAcknowledged = typedQuery((db) => {
  const inChain = sql`${changeLog.associationId} IS ${sql.placeholder('associationId')}`;
  const lastAcknowledged = db.select({ seq: max(changeLog.seq) }).from(changeLog).where(and(inChain, eq(changeLog.command, ACKNOWLEDGE_COMMAND)));
  return db.select({ input: changeLog.inputJson }).from(changeLog)
    .where(and(inChain, eq(changeLog.command, FINDING_COMMAND), gt(changeLog.seq, sql`coalesce(${lastAcknowledged}, 0)`)))
    .orderBy(asc(changeLog.seq))
    .prepare();
});

/** The findings recorded in a chain since it was last acknowledged. */
export function openFindings(ledger: QueryTarget, associationId: string | null): IntegrityProblem[] {
  const rows = findingsSinceAcknowledged(ledger).all({ associationId });
  const seen = new Map<string, IntegrityProblem>();
  for (const row of rows) {
    try {
      const { problems } = JSON.parse(row.input) as { problems: IntegrityProblem[] };
      for (const p of problems) seen.set(sameFinding(p), { ...p, associationId });
    } catch {
      // A row whose content was altered breaks the chain, which the check reports.
    }
  }
  return [...seen.values()];
}

/** Writes what a check found into the history of each association concerned (null: the laptop's), once. */
export function recordFindings(deps: Pick<ServerDeps, 'ledger' | 'sealer' | 'newId' | 'now'>, problems: readonly IntegrityProblem[]): (string | null)[] {
  const { sqlite } = deps.ledger;
  const byChain = new Map<string | null, IntegrityProblem[]>();
  for (const p of problems) {
    // A problem of the whole file goes into the laptop's history.
    const key = p.associationId;
    byChain.set(key, [...(byChain.get(key) ?? []), p]);
  }
  const written: (string | null)[] = [];
  const existing = new Set(associationIds(sqlite));
  sqlite.transaction(() => {
    for (const [associationId, found] of byChain) {
      if (associationId !== null && !existing.has(associationId)) continue;
      const known = new Set(openFindings(deps.ledger, associationId).map(sameFinding));
      const fresh = found.filter((p) => !known.has(sameFinding(p)));
      if (fresh.length === 0) continue;
      recordChange(deps, BY_IKIMINA, { associationId, command: FINDING_COMMAND, input: { problems: fresh.map(({ code, params }) => ({ code, params })) }, outcome: 'problems' });
      written.push(associationId);
    }
  }).immediate();
  deps.sealer.committed();
  return written;
}

/** Everything not yet looked into: the findings recorded in these chains' histories, and a check's own. */
export function unresolvedProblems(ledger: QueryTarget, chains: readonly (string | null)[], current: readonly IntegrityProblem[]): IntegrityProblem[] {
  const found = new Map<string, IntegrityProblem>();
  const key = (p: IntegrityProblem) => `${p.associationId}\n${sameFinding(p)}`;
  for (const chain of chains) for (const p of openFindings(ledger, chain)) found.set(key(p), p);
  for (const p of current) found.set(key(p), p);
  return [...found.values()];
}
