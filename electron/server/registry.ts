// The ledger server's one door. Each domain declares a map of handlers; the registry
// joins them, refusing two handlers with the same name or a badly formed name. A call
// checks who is calling and what their role allows, validates its input at the
// boundary, runs a write in one transaction together with its change-log row, and
// always returns a Result: never a raw exception.

import type { z } from 'zod';
import { LedgerError, messageKeyOf, type ErrorParams, type ErrorResult, type Result } from './errors';
import { todayOf, type Actor, type CallContext, type ServerDeps } from './context';
import { validate } from './validation';
import { englishMessage } from './messages/render';
import type { Access } from './auth/access';
import type { SessionUser } from './auth/sessions';
import { authorOf, recordChange } from './audit-log';
import { isImported } from './association-record';

export interface HandlerDef<S extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: S;
  /** A write changes the books: it runs in a transaction and is written to the change log. */
  readonly kind: 'read' | 'write';
  /**
   * What the server must do with the file once the call is allowed: 'replace-ledger'
   * puts a whole-file backup in place of the open file, 'restore-association' puts
   * one association's rows back from a backup, 'delete-practice' deletes a practice group.
   */
  readonly effect?: 'replace-ledger' | 'restore-association' | 'delete-practice';
  /** A read that is still worth recording (e.g. copying the books to a USB stick). */
  readonly logged?: boolean;
  /**
   * Called only by the server's own file commands (async-commands.ts), through
   * `callInternal`: no page, command line or script reaches it (recording a statement
   * handed out must follow writing it, never be claimed).
   */
  readonly internal?: boolean;
  /**
   * The input field holding the day the event happened, when it is not `date`: no
   * write may record an event after today (the one rule, checked here for every write).
   */
  readonly eventDate?: string;
  /** Who may call it. Required: a handler without a rule does not exist. */
  readonly access: Access;
  /** One line for `cli handlers` and the README. */
  readonly summary: string;
  readonly run: (ctx: CallContext, input: z.output<S>) => O;
  /** Which association and record the change-log row names, when not input.associationId and output.id. */
  readonly audit?: (input: z.output<S>, output: NoInfer<O>) => AuditTarget;
}

export interface AuditTarget {
  readonly associationId: string | null;
  readonly targetId: string | null;
}

/**
 * A refusal that still leaves a trace: the command's own writes are undone, then what
 * the refusal must keep (a wrong PIN counted against its holder) is written and the
 * refusal is logged, in the same transaction.
 */
export class RefusalAfterCommit extends LedgerError {
  constructor(code: string, params: ErrorParams = {}, field?: string, readonly keep?: () => void) {
    super(code, params, field);
  }
}

export function handler<S extends z.ZodType, O>(def: HandlerDef<S, O>): HandlerDef<S, O> {
  return def;
}

export type HandlerMap = Readonly<Record<string, HandlerDef<any, any>>>;

const NAME = /^[a-z]+(-[a-z]+)+$/;

export function joinHandlerMaps<M extends readonly HandlerMap[]>(...maps: M): UnionToIntersection<M[number]> {
  const joined: Record<string, HandlerDef<any, any>> = {};
  for (const map of maps) {
    for (const [name, def] of Object.entries(map)) {
      if (!NAME.test(name)) throw new Error(`Handler name "${name}" is not kebab-case noun-verb`);
      if (name in joined) throw new Error(`Two handlers are named "${name}"`);
      if (!def.access) throw new Error(`Handler "${name}" has no access rule`);
      joined[name] = def;
    }
  }
  return joined as UnionToIntersection<M[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

export interface Registry<M extends HandlerMap> {
  readonly handlers: M;
  call<N extends keyof M & string>(name: N, rawInput: unknown, actor: Actor): Result<ReturnType<M[N]['run']>>;
  /** The same door for the server's own file commands: the only way to an `internal` handler. */
  callInternal<N extends keyof M & string>(name: N, rawInput: unknown, actor: Actor): Result<ReturnType<M[N]['run']>>;
}

export function createRegistry<M extends HandlerMap>(handlers: M, deps: ServerDeps): Registry<M> {
  const logChange = (ctx: CallContext, name: string, input: unknown, target: AuditTarget, outcome: string) =>
    recordChange(deps, authorOf(ctx), { associationId: target.associationId, command: name, input, targetId: target.targetId, outcome });

  const run = (name: string, rawInput: unknown, actor: Actor, internal: boolean): Result<never> => {
      const def = Object.hasOwn(handlers, name) ? handlers[name] : undefined;
      if (!def || (def.internal && !internal)) return failure(new LedgerError('handler-unknown', { name }));
      try {
        const user = authenticate(deps, def.access, actor);
        const ctx: CallContext = { ...deps, actor, user, actorName: user?.name ?? 'unknown' };
        const input = validate(def.input, rawInput ?? {});
        authorise(def.access, user, input);
        if (def.kind === 'write') {
          refuseFutureEvent(deps, def, input);
          // Imported books are read here, never written: whoever is signed in to them, through any command
          // (the programme's own commands write only the laptop's record of its imports).
          const programme = !('public' in def.access) && def.access.programme === true;
          if (!programme && user?.associationId && isImported(deps.ledger.sqlite, user.associationId)) throw new LedgerError('association-read-only');
        }
        if (def.kind === 'read') {
          const value = def.run(ctx, input);
          if (def.logged) {
            const target = auditTarget(input, value);
            deps.ledger.sqlite.transaction(() => logChange(ctx, name, input, target, 'done')).immediate();
            committed(deps);
          }
          return { ok: true, value: value as never };
        }
        let refusal: RefusalAfterCommit | null = null;
        let target: AuditTarget | null = null;
        const value = deps.ledger.sqlite
          .transaction(() => {
            try {
              // In a savepoint of its own: a refusal undoes the command's writes, whatever it wrote before refusing.
              const out = deps.ledger.sqlite.transaction(() => def.run(ctx, input))();
              target = def.audit ? def.audit(input, out) : auditTarget(input, out);
              logChange(ctx, name, input, target, 'done');
              return out;
            } catch (err) {
              if (!(err instanceof RefusalAfterCommit)) throw err;
              deps.sealer.rolledBack();
              err.keep?.();
              refusal = err;
              target = auditTarget(input, null);
              logChange(ctx, name, input, target, err.code);
              return null;
            }
          })
          .immediate();
        // Nested in a caller's own transaction (a test that holds one open), nothing is committed yet.
        if (!deps.ledger.sqlite.inTransaction) committed(deps);
        if (refusal) return failure(refusal);
        return { ok: true, value: value as never };
      } catch (err) {
        deps.sealer.rolledBack();
        return failure(err);
      }
  };
  return {
    handlers,
    call: (name, rawInput, actor) => run(name, rawInput, actor, false),
    callInternal: (name, rawInput, actor) => run(name, rawInput, actor, true),
  };
}

/**
 * After a commit: the sealer keeps the digests it computed, and the heads of the
 * history chains the command wrote to are recorded outside the file. A heads file
 * that cannot be written does not undo the command (it is committed); the next check
 * says so.
 */
export function committed(deps: ServerDeps): void {
  const chains = deps.sealer.committed();
  try {
    deps.heads.record(deps.ledger.sqlite, chains, deps.now());
  } catch (err) {
    console.error('[ikimina] the chain heads could not be written:', (err as Error).message);
  }
}

/** Who is calling: the session's user (checked against the users table at sign-in), or nobody. */
function authenticate(deps: ServerDeps, access: Access, actor: Actor): SessionUser | null {
  const resolved = deps.sessions.resolve(actor.session);
  if (resolved === 'expired') {
    if ('public' in access) return null;
    throw new LedgerError('session-expired');
  }
  if (!resolved) {
    if ('public' in access) return null;
    throw new LedgerError('sign-in-required');
  }
  if (!('public' in access) && !access.roles.includes(resolved.role) && !(access.ownMember && resolved.role === 'member')) {
    throw new LedgerError('role-refused', { role: resolved.role });
  }
  if (!('public' in access) && access.programme && !resolved.programme) throw new LedgerError('role-refused', { role: resolved.role });
  return resolved;
}

/**
 * What happened after today cannot be recorded: the laptop's clock decides, once, here —
 * today where the association keeps its books (a new one: the place it is given).
 */
function refuseFutureEvent(deps: ServerDeps, def: HandlerDef, input: unknown): void {
  const field = def.eventDate ?? 'date';
  const fields = (input ?? {}) as Record<string, unknown>;
  const value = fields[field];
  if (typeof value !== 'string') return;
  const where = typeof fields.associationId === 'string' ? fields.associationId
    : typeof fields.country === 'string' ? { country: fields.country, province: typeof fields.province === 'string' ? fields.province : '' } : null;
  if (value > todayOf(deps, where)) throw new LedgerError('date-in-future', {}, field);
}

/** After validation: the call stays inside the user's association, and a member inside their own record. */
function authorise(access: Access, user: SessionUser | null, input: unknown): void {
  // Public commands (sign-in screens, creating an association) are open to anyone.
  if (!user || 'public' in access) return;
  const fields = (input ?? {}) as Record<string, unknown>;
  const laptopWide = user.role === 'administrator' && access.administratorAnyAssociation === true;
  if (typeof fields.associationId === 'string' && fields.associationId !== user.associationId && !laptopWide) {
    throw new LedgerError('other-association');
  }
  if (!('public' in access) && user.role === 'member' && !access.roles.includes('member')) {
    // Only reachable through ownMember: the member may read their own record only.
    if (fields[access.ownMember!] !== user.memberId) throw new LedgerError('role-refused', { role: user.role });
  }
}

function auditTarget(input: unknown, output: unknown): AuditTarget {
  const i = (input ?? {}) as Record<string, unknown>;
  const o = (output ?? {}) as Record<string, unknown>;
  const associationId = typeof i.associationId === 'string' ? i.associationId : typeof o.associationId === 'string' ? o.associationId : null;
  // The record the command concerned: what it created, or the one it was about.
  const targetId = [o.id, i.userId, i.memberId, i.entryId].find((v): v is string => typeof v === 'string') ?? null;
  return { associationId, targetId };
}

/** Known errors become typed results; anything else is reported without internals. */
export function failure(err: unknown): { ok: false; error: ErrorResult } {
  const known = err instanceof LedgerError ? err : fromDatabaseError(err);
  const error: ErrorResult = {
    code: known.code,
    messageKey: messageKeyOf(known.code),
    params: known.params,
    ...(known.field ? { field: known.field } : {}),
    message: englishMessage(known.code, known.params),
  };
  return { ok: false, error };
}

function fromDatabaseError(err: unknown): LedgerError {
  const e = err as { code?: string; message?: string };
  if (e?.code === 'SQLITE_BUSY') return new LedgerError('database-busy');
  if (e?.code === 'SQLITE_FULL') return new LedgerError('disk-full');
  if (e?.code === 'SQLITE_READONLY') return new LedgerError('database-read-only');
  if (typeof e?.message === 'string' && e.message.includes('append-only')) return new LedgerError('history-append-only');
  // Unexpected: keep the detail for the log, not for the user.
  console.error('[ikimina] unexpected error', err);
  return new LedgerError('internal-error');
}
