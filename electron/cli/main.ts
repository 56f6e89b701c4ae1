// The command line over the very same handlers the app uses.
//
//   npm run cli -- handlers
//   npm run cli -- call <handler> '<json>' --db <file> [--association ID --user NAME]
//   npm run cli -- run <script.json> --db <file> [--association ID --user NAME]
//   npm run cli -- statement-export <kind> --as-of DAY [--from DAY] [--member ID] [--account box|bank]
//                  --format pdf|xlsx|csv --out <file> --db <file> --association ID --user NAME
//   npm run cli -- statement-verify <file> --db <file> --association ID --user NAME
//
// With --user the CLI signs in first; the PIN comes from IKIMINA_PIN or a hidden
// prompt, never from the arguments: in the input of `call`, a PIN is written "$PIN"
// (or "$NEW_PIN" for a PIN being given, from IKIMINA_NEW_PIN) and anything else is
// refused. Results are printed as JSON on stdout; errors go to stderr in words,
// with exit code 1 (a refused call) or 2 (the command line itself is wrong).

import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { createServer, type LedgerServer } from '../server/server';
import { allHandlers } from '../server/handlers';
import { LedgerOpenError } from '../../db/open';
import { isUiLocale, type UiLocale } from '../server/locale/numbers';
import { messageIn } from '../server/messages/render';
import type { Actor } from '../server/context';
import type { ErrorResult, Result } from '../server/errors';
import { keepSession } from '../server/session-keeper';
import { runAsyncCommand } from '../server/async-commands';
import { failure } from '../server/registry';
import { exchangeFilesIn } from '../server/exchange/import-run';
import { NoPinError, readConfirmPin, readNewPin, readPin } from './pin-prompt';
import { resolveReferences, secretInArguments, secretsUsed, type Secrets } from './references';

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
  npm run cli -- call <handler> '<json input>' --db <file> [--association ID --user NAME | --administrator NAME] [--locale en|fr|rw]
  npm run cli -- run <script.json> --db <file> [--association ID --user NAME | --administrator NAME] [--locale en|fr|rw]

With --association and --user the command line signs in first (with --administrator,
as the laptop's administrator, for the whole-file commands), reading the PIN
from the IKIMINA_PIN environment variable or asking for it without showing it.
A PIN is never an argument (other users of the laptop can see arguments): in the
input of call, write "$PIN" where a PIN goes (read from IKIMINA_PIN or asked for)
and "$NEW_PIN" for a PIN being given to a user (IKIMINA_NEW_PIN or asked for),
"$CONFIRM_PIN" for the second officer confirming a write-off or a correction
(IKIMINA_CONFIRM_PIN or asked for);
a PIN, password or recovery code written out is refused. With neither the
variable nor a terminal to ask on, the command stops and changes nothing.
  npm run cli -- statement-export <kind> --as-of YYYY-MM-DD [--from YYYY-MM-DD] [--member ID] [--account box|bank]
                 --format pdf|xlsx|csv --out <file> --db <file> --association ID --user NAME [--locale en|fr|rw]
  npm run cli -- statement-verify <file or CSV folder> --db <file> --association ID --user NAME [--locale en|fr|rw]
  npm run cli -- exchange-import <files or folders of .ikimina> --db <file> --coordinator NAME [--locale en|fr|rw]
                 (a group's books are exported with: call exchange-export '{"associationId":"…","folder":"…"}' --association ID --user NAME;
                  exit code 3 when a file was refused, kept aside as a conflict or signed by a new laptop key)

Statements (kinds: trial-balance, financial-position, income-expenditure, cash-book,
member-statement, loan-portfolio, loan-statement --loan, grant-use --grant, share-out
--cycle, meeting-minutes --meeting, livestock-register, history --from) are written whole or not at all, in the --locale language; a CSV
export is a folder with one file per table. statement-verify says whether an exported
file still matches the books.
A script is a JSON list of {"handler": ..., "input": {...}} run in order. A string
"$N.field" in an input is replaced by that field of step N's result (steps count
from 0); "$PIN" and "$NEW_PIN" work as in call. A session-sign-in step signs the
script in.`;

class UsageError extends Error {}

interface Options {
  readonly positional: string[];
  readonly db?: string;
  readonly user?: string;
  readonly association?: string;
  readonly administrator?: string;
  readonly coordinator?: string;
  readonly locale: UiLocale;
  /** The statement commands' own options (--as-of, --from, --member, --account, --format, --out). */
  readonly statement: Readonly<Record<string, string>>;
}

const STATEMENT_OPTIONS = ['--as-of', '--from', '--member', '--account', '--grant', '--cycle', '--meeting', '--loan', '--format', '--out'];

function parseArgs(argv: string[]): Options {
  const positional: string[] = [];
  let db: string | undefined;
  let user: string | undefined;
  let association: string | undefined;
  let administrator: string | undefined;
  let coordinator: string | undefined;
  let locale: UiLocale = 'en';
  const statement: Record<string, string> = {};
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
    else if (arg === '--administrator') administrator = value();
    else if (arg === '--coordinator') coordinator = value();
    else if (arg === '--locale') {
      const l = value();
      if (!isUiLocale(l)) throw new UsageError(`--locale must be en, fr or rw, not "${l}"`);
      locale = l;
    } else if (STATEMENT_OPTIONS.includes(arg)) statement[arg.slice(2)] = value();
    else if (arg.startsWith('--')) throw new UsageError(`Unknown option ${arg}`);
    else positional.push(arg);
  }
  if (user !== undefined && association === undefined) throw new UsageError('--user needs --association: say which association to sign in to');
  if (user !== undefined && administrator !== undefined) throw new UsageError('Sign in either as a user of an association (--user) or as the administrator (--administrator), not both');
  if ([user, administrator, coordinator].filter((x) => x !== undefined).length > 1) throw new UsageError('Sign in as one person: --user, --administrator or --coordinator');
  return { positional, db, user, association, administrator, coordinator, locale, statement };
}

const FRAME: Record<UiLocale, { refused: string; step: string; field: string }> = {
  en: { refused: 'Refused', step: 'step', field: 'field' },
  fr: { refused: 'Refusé', step: 'étape', field: 'champ' },
  rw: { refused: 'Byanze', step: 'intambwe', field: 'umwanya' },
  sw: { refused: 'Imekataliwa', step: 'hatua', field: 'sehemu' },
  rn: { refused: 'Vyanse', step: 'intambwe', field: 'ikibanza' },
};

function describeErrors(error: ErrorResult, locale: UiLocale, step?: number): string {
  const w = FRAME[locale];
  const where = [step !== undefined ? `${w.step} ${step}` : '', error.field ? `${w.field} ${error.field}` : ''].filter(Boolean).join(', ');
  return `${w.refused}${where ? ` (${where})` : ''}: ${messageIn(locale, error.code, error.params)} [${error.code}]`;
}

function listHandlers(): string {
  return Object.entries(allHandlers)
    .filter(([, def]) => !(def as { internal?: boolean }).internal)
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

/** The PINs of one run, each read once (one prompt at most) and only when something needs it. */
function pinReader() {
  let pin: Promise<string> | undefined;
  let newPin: Promise<string> | undefined;
  let confirmPin: Promise<string> | undefined;
  return {
    pin: () => (pin ??= readPin()),
    newPin: () => (newPin ??= readNewPin()),
    confirmPin: () => (confirmPin ??= readConfirmPin()),
  };
}

type Pins = ReturnType<typeof pinReader>;

/** Reads, before anything is opened or written, the PINs that "$PIN" and "$NEW_PIN" in these inputs stand for. */
async function secretsFor(value: unknown, pins: Pins): Promise<Secrets> {
  const used = secretsUsed(value);
  const pin = used.pin ? await pins.pin() : undefined;
  const newPin = used.newPin ? await pins.newPin() : undefined;
  const confirmPin = used.confirmPin ? await pins.confirmPin() : undefined;
  return { ...(pin !== undefined ? { pin } : {}), ...(newPin !== undefined ? { newPin } : {}), ...(confirmPin !== undefined ? { confirmPin } : {}) };
}

/** A door for one command-line run: it keeps the session after signing in. */
function door(server: LedgerServer, options: Options) {
  let session: string | undefined;
  const call = (name: string, input: unknown): Result<unknown> => {
    const actor: Actor = { channel: 'cli', locale: options.locale, session };
    const kept = keepSession(name, server.call(name as never, input, actor), session);
    session = kept.session;
    return kept.result;
  };
  return { call, actor: (): Actor => ({ channel: 'cli', locale: options.locale, session }) };
}

/** Signs in as the named user of the association, or as the named laptop administrator or programme coordinator. */
async function signIn(d: ReturnType<typeof door>, options: Options, pins: Pins): Promise<void> {
  if (options.coordinator !== undefined) return signInCoordinator(d, options, pins);
  const asAdministrator = options.administrator !== undefined;
  const name = (options.administrator ?? options.user)!;
  const listed = asAdministrator ? d.call('administrator-list', {}) : d.call('user-sign-in-list', { associationId: options.association });
  if (!listed.ok) throw new Refused(describeErrors(listed.error, options.locale));
  // Names are kept in NFC; a terminal may type an accent as a separate mark.
  const same = (other: string) => other.normalize('NFC').toLowerCase() === name.normalize('NFC').toLowerCase();
  const found = (listed.value as { id: string; name: string }[]).find((person) => same(person.name));
  if (!found) throw new Refused(asAdministrator ? `No administrator named "${name}" on this ledger.` : `No user named "${name}" in this association.`);
  const pin = await pins.pin();
  const signedIn = asAdministrator
    ? d.call('administrator-sign-in', { administratorId: found.id, pin })
    : d.call('session-sign-in', { associationId: options.association, userId: found.id, pin });
  if (!signedIn.ok) throw new Refused(describeErrors(signedIn.error, options.locale));
}

async function signInCoordinator(d: ReturnType<typeof door>, options: Options, pins: Pins): Promise<void> {
  const name = options.coordinator!.normalize('NFC').toLowerCase();
  const listed = d.call('coordinator-list', {});
  if (!listed.ok) throw new Refused(describeErrors(listed.error, options.locale));
  const found = (listed.value as { id: string; name: string }[]).find((person) => person.name.normalize('NFC').toLowerCase() === name);
  if (!found) throw new Refused(`No programme coordinator named "${options.coordinator}" on this ledger.`);
  const signedIn = d.call('coordinator-sign-in', { coordinatorId: found.id, pin: await pins.pin() });
  if (!signedIn.ok) throw new Refused(describeErrors(signedIn.error, options.locale));
}

/** Importing groups' books (files and folders), as a programme coordinator: the app's own import, with its report. */
async function importCommand(rest: string[], options: Options): Promise<number> {
  if (!options.coordinator) throw new UsageError('exchange-import needs --coordinator: only a programme coordinator imports groups’ books');
  if (rest.length === 0) throw new UsageError('exchange-import needs the files or folders to import');
  const pins = pinReader();
  const server = openServer(options);
  try {
    const d = door(server, options);
    await signIn(d, options, pins);
    // Folders are read as the app reads one (their .ikimina files, by name): one import, one report.
    let files: string[];
    try {
      files = rest.map((p) => resolve(p)).flatMap((p) => (existsSync(p) && statSync(p).isDirectory() ? exchangeFilesIn(p) : [p]));
    } catch (err) {
      throw new Refused(describeErrors(failure(err).error, options.locale));
    }
    const result = await runAsyncCommand(server, 'exchange-import', { files }, d.actor());
    if (!result.ok) {
      process.stderr.write(`${describeErrors(result.error, options.locale)}\n`);
      return 1;
    }
    process.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
    // Files refused or kept aside are findings, not a success.
    const counts = (result.value as { counts: Record<'refused' | 'conflict' | 'new-key', number> }).counts;
    return counts.refused + counts.conflict + counts['new-key'] > 0 ? 3 : 0;
  } finally {
    server.close();
  }
}

/** Exporting a statement to a file, or checking a file against the books (both signed in, both async: files are rendered and read outside the server's calls). */
async function statementCommand(command: 'statement-export' | 'statement-verify', rest: string[], options: Options): Promise<number> {
  if (!options.user || !options.association) throw new UsageError(`${command} needs --association and --user: statements are read by someone signed in`);
  const o = options.statement;
  const [target] = rest;
  if (!target) throw new UsageError(command === 'statement-export' ? 'statement-export needs the kind of statement' : 'statement-verify needs the file to check');
  if (command === 'statement-export') {
    if (!o['as-of'] || !o.format || !o.out) throw new UsageError('statement-export needs --as-of, --format and --out');
    if (o.format !== 'pdf' && o.format !== 'xlsx' && o.format !== 'csv') throw new UsageError(`--format must be pdf, xlsx or csv, not "${o.format}"`);
    if (o.account !== undefined && o.account !== 'box' && o.account !== 'bank') throw new UsageError(`--account must be box or bank, not "${o.account}"`);
  }
  const pins = pinReader();
  const server = openServer(options);
  try {
    const d = door(server, options);
    await signIn(d, options, pins);
    // The same command the app's worker runs.
    const result = await runAsyncCommand(server, command, command === 'statement-export'
      ? {
        associationId: options.association, kind: target, asOf: o['as-of'], format: o.format, file: resolve(o.out!),
        ...(o.from ? { from: o.from } : {}), ...(o.member ? { memberId: o.member } : {}), ...(o.account ? { account: o.account } : {}),
        ...(o.grant ? { grantId: o.grant } : {}), ...(o.cycle ? { cycleId: o.cycle } : {}), ...(o.meeting ? { meetingId: o.meeting } : {}), ...(o.loan ? { loanId: o.loan } : {}),
      }
      : { associationId: options.association, file: resolve(target) }, d.actor());
    if (!result.ok) {
      process.stderr.write(`${describeErrors(result.error, options.locale)}\n`);
      return 1;
    }
    process.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
    // A statement that does not match the books is a finding, not a success.
    const value = result.value as { verdict?: string };
    return value.verdict !== undefined && value.verdict !== 'matches' ? 3 : 0;
  } finally {
    server.close();
  }
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
      const given = json === undefined ? {} : readJson(json, 'The input');
      const secretAt = secretInArguments(given);
      if (secretAt) {
        throw new UsageError(
          `The input gives "${secretAt}" written out. A PIN, password or recovery code is never given on the command line, ` +
            'where other users of this laptop can see it: write "$PIN" there and set the IKIMINA_PIN environment variable, ' +
            'or type it when asked (for a PIN being given to a user, write "$NEW_PIN" and set IKIMINA_NEW_PIN). Nothing was done.',
        );
      }
      const pins = pinReader();
      const input = resolveReferences(given, [], await secretsFor(given, pins), readFileBase64);
      const server = openServer(options);
      try {
        const d = door(server, options);
        if (options.user || options.administrator || options.coordinator) await signIn(d, options, pins);
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
      // A script is a file, not an argument: PINs may be written in it, and "$PIN" /
      // "$NEW_PIN" are read (or asked for) before anything runs.
      const pins = pinReader();
      const secrets = await secretsFor(script, pins);
      const server = openServer(options);
      const results: unknown[] = [];
      try {
        const d = door(server, options);
        if (options.user || options.administrator || options.coordinator) await signIn(d, options, pins);
        for (const [i, step] of script.entries()) {
          const { handler, input } = (step ?? {}) as { handler?: unknown; input?: unknown };
          if (typeof handler !== 'string') throw new UsageError(`Step ${i} has no "handler" name`);
          const result = d.call(handler, resolveReferences(input ?? {}, results, secrets, readFileBase64));
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
    case 'exchange-import':
      return importCommand(rest, options);
    case 'statement-export':
    case 'statement-verify':
      return statementCommand(command, rest, options);
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
