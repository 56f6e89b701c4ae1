// The command line over the very same handlers the app uses.
//
//   npm run cli -- handlers
//   npm run cli -- call <handler> '<json>' --db <file> [--association ID --user NAME]
//   npm run cli -- run <script.json> --db <file> [--association ID --user NAME]
//
// With --user the CLI signs in first; the PIN comes from IKIMINA_PIN or a hidden
// prompt, never from the arguments. Results are printed as JSON on stdout; errors go
// to stderr in words, with exit code 1 (a refused call) or 2 (the command line
// itself is wrong).

import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { createServer, type LedgerServer } from '../server/server';
import { allHandlers } from '../server/handlers';
import { LedgerOpenError } from '../../db/open';
import { isUiLocale, type UiLocale } from '../server/locale/numbers';
import { messageIn } from '../server/messages/render';
import type { Actor } from '../server/context';
import type { ErrorResult, Result } from '../server/errors';
import { keepSession } from '../server/session-keeper';
import { NoPinError, readPin } from './pin-prompt';
import { resolveReferences } from './references';

/** "$FILE:path" in an input: the file's bytes as base64; a missing file is a usage error in words. */
function readFileBase64(path: string): string {
  try {
    return readFileSync(path).toString('base64');
  } catch {
    throw new UsageError(`"$FILE:${path}": there is no readable file at ${path}`);
  }
}

const USAGE = `Usage:
  npm run cli -- handlers
  npm run cli -- call <handler> '<json input>' --db <file> [--association ID --user NAME] [--locale en|fr|rw]
  npm run cli -- run <script.json> --db <file> [--association ID --user NAME] [--locale en|fr|rw]

With --association and --user the command line signs in first, reading the PIN
from the IKIMINA_PIN environment variable or asking for it (it is never an argument).
A script is a JSON list of {"handler": ..., "input": {...}} run in order. A string
"$N.field" in an input is replaced by that field of step N's result (steps count
from 0), and "$PIN" by the PIN. A session-sign-in step signs the script in.`;

class UsageError extends Error {}

interface Options {
  readonly positional: string[];
  readonly db?: string;
  readonly user?: string;
  readonly association?: string;
  readonly locale: UiLocale;
}

function parseArgs(argv: string[]): Options {
  const positional: string[] = [];
  let db: string | undefined;
  let user: string | undefined;
  let association: string | undefined;
  let locale: UiLocale = 'en';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--db') db = value();
    else if (arg === '--user') user = value();
    else if (arg === '--association') association = value();
    else if (arg === '--locale') {
      const l = value();
      if (!isUiLocale(l)) throw new UsageError(`--locale must be en, fr or rw, not "${l}"`);
      locale = l;
    } else if (arg.startsWith('--')) throw new UsageError(`Unknown option ${arg}`);
    else positional.push(arg);
  }
  if (user !== undefined && association === undefined) throw new UsageError('--user needs --association: say which association to sign in to');
  return { positional, db, user, association, locale };
}

const FRAME: Record<UiLocale, { refused: string; step: string; field: string }> = {
  en: { refused: 'Refused', step: 'step', field: 'field' },
  fr: { refused: 'Refusé', step: 'étape', field: 'champ' },
  rw: { refused: 'Byanze', step: 'intambwe', field: 'umwanya' },
};

function describeErrors(error: ErrorResult, locale: UiLocale, step?: number): string {
  const w = FRAME[locale];
  const where = [step !== undefined ? `${w.step} ${step}` : '', error.field ? `${w.field} ${error.field}` : ''].filter(Boolean).join(', ');
  return `${w.refused}${where ? ` (${where})` : ''}: ${messageIn(locale, error.code, error.params)} [${error.code}]`;
}

function listHandlers(): string {
  return Object.entries(allHandlers)
    .map(([name, def]) => {
      const schema = z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }) as {
        properties?: Record<string, { type?: string; enum?: unknown[] }>;
        required?: string[];
      };
      const fields = Object.entries(schema.properties ?? {}).map(([key, prop]) => {
        const type = prop.enum ? prop.enum.join('|') : (prop.type ?? 'value');
        return `${key}${schema.required?.includes(key) ? '' : '?'}: ${type}`;
      });
      return `${name}  (${def.kind})  ${def.summary}\n    { ${fields.join(', ')} }`;
    })
    .join('\n');
}

function openServer(options: Options): LedgerServer {
  if (!options.db) throw new UsageError('Say which ledger file to use with --db <file>');
  return createServer(options.db);
}

function readJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${what} is not valid JSON: ${(err as Error).message}`);
  }
}

class Refused extends Error {}

/** A door for one command-line run: it keeps the session after signing in. */
function door(server: LedgerServer, options: Options) {
  let session: string | undefined;
  const call = (name: string, input: unknown): Result<unknown> => {
    const actor: Actor = { channel: 'cli', locale: options.locale, session };
    const kept = keepSession(name, server.call(name as never, input, actor), session);
    session = kept.session;
    return kept.result;
  };
  return { call };
}

async function signIn(d: ReturnType<typeof door>, options: Options): Promise<void> {
  const users = d.call('user-sign-in-list', { associationId: options.association });
  if (!users.ok) throw new Refused(describeErrors(users.error, options.locale));
  const user = (users.value as { id: string; name: string }[]).find((u) => u.name.toLowerCase() === options.user!.toLowerCase());
  if (!user) throw new Refused(`No user named "${options.user}" in this association.`);
  const signedIn = d.call('session-sign-in', { associationId: options.association, userId: user.id, pin: await readPin() });
  if (!signedIn.ok) throw new Refused(describeErrors(signedIn.error, options.locale));
}

async function main(argv: string[]): Promise<number> {
  const options = parseArgs(argv);
  const [command, ...rest] = options.positional;
  switch (command) {
    case 'handlers':
      process.stdout.write(`${listHandlers()}\n`);
      return 0;
    case 'call': {
      const [name, json] = rest;
      if (!name) throw new UsageError('call needs a handler name');
      const input = resolveReferences(json === undefined ? {} : readJson(json, 'The input'), [], '', readFileBase64);
      const server = openServer(options);
      try {
        const d = door(server, options);
        if (options.user) await signIn(d, options);
        const result = d.call(name, input);
        if (!result.ok) {
          process.stderr.write(`${describeErrors(result.error, options.locale)}\n`);
          return 1;
        }
        process.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
        return 0;
      } finally {
        server.close();
      }
    }
    case 'run': {
      const [file] = rest;
      if (!file) throw new UsageError('run needs a script file');
      const script = readJson(readFileSync(file, 'utf8'), `The script ${file}`);
      if (!Array.isArray(script)) throw new UsageError('A script is a JSON list of {"handler", "input"} steps');
      const needsPin = JSON.stringify(script).includes('"$PIN"');
      const server = openServer(options);
      const results: unknown[] = [];
      try {
        const d = door(server, options);
        if (options.user) await signIn(d, options);
        const pin = needsPin ? await readPin() : '';
        for (const [i, step] of script.entries()) {
          const { handler, input } = (step ?? {}) as { handler?: unknown; input?: unknown };
          if (typeof handler !== 'string') throw new UsageError(`Step ${i} has no "handler" name`);
          const result = d.call(handler, resolveReferences(input ?? {}, results, pin, readFileBase64));
          if (!result.ok) {
            process.stderr.write(`${describeErrors(result.error, options.locale, i)}\n`);
            process.stderr.write(`Steps 0–${i - 1} were saved; step ${i} and later were not run.\n`);
            process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
            return 1;
          }
          results.push(result.value);
        }
        process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
        return 0;
      } finally {
        server.close();
      }
    }
    default:
      throw new UsageError(command ? `Unknown command "${command}"` : 'Say what to do');
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, (err: unknown) => {
  if (err instanceof Refused || err instanceof NoPinError) {
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 1;
  } else if (err instanceof UsageError) {
    process.stderr.write(`${err.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
  } else if (err instanceof LedgerOpenError) {
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`Unexpected error: ${(err as Error).message}\n`);
    process.exitCode = 1;
  }
});
