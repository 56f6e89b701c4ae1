// The change log as a hash chain: one per association, and one for the laptop itself
// (rows naming no association). Each row's hash covers its content, the seal of the
// books as the command left them, and the previous row's hash, so a row removed,
// changed or slipped in breaks the chain, and so does any later change to the books
// that did not go through a command. Rows written before the chain existed are folded
// into the first chained row's link.

import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { GENESIS_HASH } from '../journal/hash';
import { prepared } from '../prepared';

const CANONICAL_VERSION = 1;

export interface ChainedChange {
  readonly id: string;
  readonly associationId: string | null;
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly userId: string | null;
  readonly role: string | null;
  readonly channel: string;
  readonly screen: string | null;
  readonly command: string;
  readonly inputJson: string;
  readonly targetId: string | null;
  readonly outcome: string;
  readonly stateDigest: string;
  readonly prevHash: string;
}

export function changeHash(row: ChainedChange): string {
  const canonical = JSON.stringify([
    CANONICAL_VERSION, row.id, row.associationId, row.seq, row.at, row.actor, row.userId, row.role, row.channel, row.screen,
    row.command, row.inputJson, row.targetId, row.outcome, row.stateDigest, row.prevHash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

const LEGACY_COLUMNS = 'id, association_id, at, actor, user_id, role, channel, screen, command, input_json, target_id, outcome';

/** The link of a chain's first row: a digest of the rows written before chains existed (or the genesis hash). */
export function legacyLink(sqlite: Database.Database, associationId: string | null, schema = 'main'): string {
  const rows = sqlite
    .prepare(`SELECT ${LEGACY_COLUMNS} FROM ${schema}.change_log WHERE association_id IS ? AND seq IS NULL ORDER BY at, id`)
    .raw(true)
    .iterate(associationId) as Iterable<unknown[]>;
  const h = createHash('sha256');
  let any = false;
  for (const row of rows) {
    any = true;
    h.update(JSON.stringify(row));
    h.update('\n');
  }
  return any ? h.digest('hex') : GENESIS_HASH;
}

export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

export function changeChainHead(sqlite: Database.Database, associationId: string | null): ChainHead | null {
  return (prepared(sqlite, 'SELECT seq, hash FROM change_log WHERE association_id IS ? AND seq IS NOT NULL ORDER BY seq DESC LIMIT 1')
    .get(associationId) as ChainHead | undefined) ?? null;
}

export type ChangeChainProblem = 'sequence-gap' | 'link-broken' | 'content-changed';

export interface ChangeChainReport {
  readonly ok: boolean;
  readonly rows: number;
  readonly head: ChainHead | null;
  /** The seal the last row recorded: what the books must still look like. */
  readonly lastSeal: string | null;
  readonly firstBroken: { readonly seq: number; readonly id: string; readonly problem: ChangeChainProblem } | null;
}

interface Row {
  id: string; association_id: string | null; seq: number; at: string; actor: string; user_id: string | null; role: string | null;
  channel: string; screen: string | null; command: string; input_json: string; target_id: string | null; outcome: string;
  state_digest: string; prev_hash: string; hash: string;
}

/** Recomputes a change-log chain, from its start or (a quick look) from row `fromSeq` on. */
export function verifyChangeChain(sqlite: Database.Database, associationId: string | null, options: { fromSeq?: number } = {}): ChangeChainReport {
  const fromSeq = Math.max(1, options.fromSeq ?? 1);
  let prevHash = fromSeq === 1
    ? legacyLink(sqlite, associationId)
    : ((sqlite.prepare('SELECT hash FROM change_log WHERE association_id IS ? AND seq = ?').get(associationId, fromSeq - 1) as { hash: string } | undefined)?.hash ?? '');
  let expected = fromSeq;
  let count = 0;
  let lastSeal: string | null = null;
  const rows = sqlite
    .prepare('SELECT * FROM change_log WHERE association_id IS ? AND seq >= ? ORDER BY seq')
    .iterate(associationId, fromSeq) as Iterable<Row>;
  for (const row of rows) {
    const broken = (problem: ChangeChainProblem): ChangeChainReport => ({
      ok: false, rows: count, head: null, lastSeal, firstBroken: { seq: row.seq, id: row.id, problem },
    });
    if (row.seq !== expected) return broken('sequence-gap');
    if (row.prev_hash !== prevHash) return broken('link-broken');
    const recomputed = changeHash({
      id: row.id, associationId: row.association_id, seq: row.seq, at: row.at, actor: row.actor, userId: row.user_id, role: row.role,
      channel: row.channel, screen: row.screen, command: row.command, inputJson: row.input_json, targetId: row.target_id,
      outcome: row.outcome, stateDigest: row.state_digest, prevHash: row.prev_hash,
    });
    if (recomputed !== row.hash) return broken('content-changed');
    prevHash = row.hash;
    lastSeal = row.state_digest;
    expected += 1;
    count += 1;
  }
  const head = expected > 1 ? { seq: expected - 1, hash: prevHash } : null;
  return { ok: true, rows: count, head, lastSeal, firstBroken: null };
}
