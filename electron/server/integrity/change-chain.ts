// The change log as a hash chain: one per association, and one for the laptop itself
// (rows naming no association). Each row's hash covers its content, the seal of the
// books as the command left them, and the previous row's hash, so a row removed,
// changed or slipped in breaks the chain, and so does any later change to the books
// that did not go through a command. Rows written before the chain existed are folded
// into the first chained row's link.

import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { changeLog } from '../../../db/schema';
import { GENESIS_HASH } from '../journal/hash';
import { prepared, type RowOf } from '../prepared';
import type { StoredRow } from './scope';

const CANONICAL_VERSION = 1;

/** The columns of a change-log row that its place in the chain covers (all but the hash itself). */
type ChangeColumns =
  | 'id' | 'associationId' | 'at' | 'actor' | 'userId' | 'role' | 'channel' | 'screen' | 'command' | 'inputJson' | 'targetId'
  | 'outcome' | 'stateDigest';

/** What a change-log row's hash covers: a chained row has its place and its link (null only on rows from before chains). */
export type ChainedChange = Readonly<RowOf<typeof changeLog, ChangeColumns, { seq: number; prevHash: string }>>;

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
  // Hashed as arrays, in the order of LEGACY_COLUMNS.
  const rows = prepared(sqlite, `SELECT ${LEGACY_COLUMNS} FROM ${schema}.change_log WHERE association_id IS ? AND seq IS NULL ORDER BY at, id`)
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
  // A chained row (seq set) is written with its hash.
  return (prepared(sqlite, 'SELECT seq, hash FROM change_log WHERE association_id IS ? AND seq IS NOT NULL ORDER BY seq DESC LIMIT 1')
    .get(associationId) as RowOf<typeof changeLog, 'seq' | 'hash', { seq: number; hash: string }> | undefined) ?? null;
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

/**
 * A row of the chain as read: `SELECT *`, so that a file whose columns were altered by hand is
 * still read and found broken. Its seq is set (the query asks for it).
 */
type Row = Omit<StoredRow<typeof changeLog>, 'seq'> & { seq: number };

/** Recomputes a change-log chain, from its start or (a quick look) from row `fromSeq` on. */
export function verifyChangeChain(sqlite: Database.Database, associationId: string | null, options: { fromSeq?: number } = {}): ChangeChainReport {
  const fromSeq = Math.max(1, options.fromSeq ?? 1);
  let prevHash = fromSeq === 1
    ? legacyLink(sqlite, associationId)
    : ((prepared(sqlite, 'SELECT hash FROM change_log WHERE association_id IS ? AND seq = ?').get(associationId, fromSeq - 1) as
        | RowOf<typeof changeLog, 'hash'>
        | undefined)?.hash ?? '');
  let expected = fromSeq;
  let count = 0;
  let lastSeal: string | null = null;
  const rows = prepared(sqlite, 'SELECT * FROM change_log WHERE association_id IS ? AND seq >= ? ORDER BY seq')
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
