// The ledger server's one door. Each domain declares a map of handlers; the registry
// joins them, refusing two handlers with the same name or a badly formed name. A call
// validates its input at the boundary, runs a write in one transaction together with
// its change-log row, and always returns a Result: never a raw exception.

import type { z } from 'zod';
import { LedgerError, messageKeyOf, type ErrorResult, type Result } from './errors';
import type { Actor, CallContext, ServerDeps } from './context';
import { validate } from './validation';
import { englishMessage } from './messages/render';

export interface HandlerDef<S extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: S;
  /** A write changes the books: it runs in a transaction and is written to the change log. */
  readonly kind: 'read' | 'write';
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
      joined[name] = def;
    }
  }
  return joined as UnionToIntersection<M[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

export interface Registry<M extends HandlerMap> {
  readonly handlers: M;
  call<N extends keyof M & string>(name: N, rawInput: unknown, actor: Actor): Result<ReturnType<M[N]['run']>>;
}

export function createRegistry<M extends HandlerMap>(handlers: M, deps: ServerDeps): Registry<M> {
  const logChange = deps.ledger.sqlite.prepare(
    `INSERT INTO change_log (id, association_id, at, actor, channel, command, input_json, target_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return {
    handlers,
    call(name, rawInput, actor) {
      const def = Object.hasOwn(handlers, name) ? handlers[name] : undefined;
      if (!def) return failure(new LedgerError('handler-unknown', { name }), actor);
      const ctx: CallContext = { ...deps, actor };
      try {
        const input = validate(def.input, rawInput ?? {});
        if (def.kind === 'read') return { ok: true, value: def.run(ctx, input) };
        const value = deps.ledger.sqlite
          .transaction(() => {
            const out = def.run(ctx, input);
            const target = def.audit ? def.audit(input, out) : auditTarget(input, out);
            logChange.run(deps.newId(), target.associationId, deps.now().toISOString(), actor.name, actor.channel, name, JSON.stringify(input), target.targetId);
            return out;
          })
          .immediate();
        return { ok: true, value };
      } catch (err) {
        return failure(err, actor);
      }
    },
  };
}

function auditTarget(input: unknown, output: unknown): AuditTarget {
  const i = (input ?? {}) as Record<string, unknown>;
  const o = (output ?? {}) as Record<string, unknown>;
  const associationId = typeof i.associationId === 'string' ? i.associationId : typeof o.associationId === 'string' ? o.associationId : null;
  const targetId = typeof o.id === 'string' ? o.id : null;
  return { associationId, targetId };
}

/** Known errors become typed results; anything else is reported without internals. */
function failure(err: unknown, actor: Actor): { ok: false; error: ErrorResult } {
  const known = err instanceof LedgerError ? err : fromDatabaseError(err);
  const error: ErrorResult = {
    code: known.code,
    messageKey: messageKeyOf(known.code),
    params: known.params,
    ...(known.field ? { field: known.field } : {}),
    message: englishMessage(known.code, known.params),
  };
  void actor;
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
