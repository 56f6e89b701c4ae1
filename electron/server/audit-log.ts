// One row of the change log. Written by the registry for every command, and by the
// server itself for what happens outside a command (a restore). Each row is chained
// to the one before it and carries the seal of the books as the command left them
// (integrity/change-chain.ts).

import { createHash } from 'node:crypto';
import { isImported } from './association-record';
import { changeLog } from '../../db/schema';
import { rowInserter, type QueryTarget, type RowOf } from './prepared';
import { changeChainHead, changeHash, legacyLink } from './integrity/change-chain';
import type { Sealer } from './integrity/sealer';
import type { CallContext, ServerDeps } from './context';

/** A row of the change log as a command gives it: its input as a value (written as JSON, secrets blanked out). */
export type ChangeRow = Readonly<RowOf<
  typeof changeLog,
  'id' | 'associationId' | 'at' | 'actor' | 'userId' | 'role' | 'channel' | 'screen' | 'command' | 'targetId' | 'outcome',
  { input: unknown }
>>;

// Written on every command that changes something: a raw insert typed from the schema (prepared.ts).
const insertChange = rowInserter(changeLog);

const SECRET_KEY = /pin|password|recoverycode/i;

/** Longer texts (a receipt's content in base64) are kept once, where they belong, and named here by size and hash. */
const LONG_TEXT = 2000;

/** PINs, passwords and recovery codes never reach the change log, nor a second copy of a file's content. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? '•••' : redactSecrets(v)]));
  }
  if (typeof value === 'string' && value.length > LONG_TEXT) {
    return `(${value.length} characters, sha256 ${createHash('sha256').update(value, 'utf8').digest('hex')})`;
  }
  return value;
}

function writeChange(ledger: QueryTarget, sealer: Sealer, given: ChangeRow): void {
  const { sqlite } = ledger;
  // An imported group's history is its own laptop's: what happens to it here (a coordinator reading it) goes into this laptop's history.
  const row = isImported(sqlite, given.associationId)
    ? { ...given, associationId: null, input: { group: given.associationId, ...(given.input && typeof given.input === 'object' ? given.input : { input: given.input }) } }
    : given;
  const last = changeChainHead(sqlite, row.associationId);
  const chained = {
    id: row.id, associationId: row.associationId, seq: (last?.seq ?? 0) + 1, at: row.at, actor: row.actor, userId: row.userId,
    role: row.role, channel: row.channel, screen: row.screen, command: row.command, inputJson: JSON.stringify(redactSecrets(row.input)),
    targetId: row.targetId, outcome: row.outcome, stateDigest: sealer.sealNow(row.associationId),
    prevHash: last?.hash ?? legacyLink(sqlite, row.associationId),
  };
  insertChange(ledger).run({ ...chained, hash: changeHash(chained) });
}

/** Who a row of history is by, and through which door. */
export type ChangeAuthor = Readonly<RowOf<typeof changeLog, 'actor' | 'userId' | 'role' | 'channel' | 'screen'>>;

/** Ikimina itself: a schema upgrade, the start of the laptop's history, what a check found. */
export const BY_IKIMINA: ChangeAuthor = { actor: 'Ikimina', userId: null, role: null, channel: 'app', screen: null };

/** The person calling, as the registry records them (`name` when the caller is not signed in but named in the input). */
export function authorOf(ctx: Pick<CallContext, 'actorName' | 'user' | 'actor'>, name?: string): ChangeAuthor {
  return { actor: name ?? ctx.actorName, userId: ctx.user?.userId ?? null, role: ctx.user?.role ?? null, channel: ctx.actor.channel, screen: ctx.actor.screen ?? null };
}

/** A row of history beyond a command's own (a whole-file action in each association's history), inside the caller's transaction. */
export function recordChange(
  deps: Pick<ServerDeps, 'ledger' | 'sealer' | 'newId' | 'now'>,
  author: ChangeAuthor,
  row: { readonly associationId: string | null; readonly command: string; readonly input: unknown; readonly targetId?: string | null; readonly outcome?: string },
): void {
  writeChange(deps.ledger, deps.sealer, {
    id: deps.newId(), at: deps.now().toISOString(), ...author, associationId: row.associationId, command: row.command, input: row.input,
    targetId: row.targetId ?? null, outcome: row.outcome ?? 'done',
  });
}
