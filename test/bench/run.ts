// `npm run bench`: how close the ledger server stays to raw SQLite.
//
//   (a) entries posted per second through the real 'journal-entry-post' handler
//       (validation, amount parsing, balance check, hash chain, change log), against
//       raw better-sqlite3 writing the same rows to a separate file;
//   (b) 'trial-balance-get' over a 100,000-entry ledger, against the same SQL run
//       directly on the same connection, as of the latest date and as of a mid date;
//   (c) the median and p95 latency of one 'journal-entry-post' call, against the
//       latency of the raw insert;
//   (d) the median and p95 latency of closing a 30-member meeting through 'meeting-close',
//       against raw better-sqlite3 writing the same rows (test/bench/meeting.ts).
//   (e) the median time of the officer's grant-use statement over a herd of hundreds of
//       animals, against raw better-sqlite3 reading the same rows (test/bench/grant.ts);
//   (f) the median time of a share-out's draft for 30 members after 52 meetings, against
//       raw better-sqlite3 reading the same rows (test/bench/share-out.ts);
//   (g) the grant-use statement of that herd and the cash book of 52 meetings exported
//       as PDF, against reading their data alone, with peak memory (test/bench/statements.ts).
//   (j) the app in Chromium: opening it to the sign-in screen and signing in to Home,
//       against an empty page loaded the same way, and the renderer's chunks (test/bench/startup.ts).
//
// Every ratio reads the same way: 1.0 means as fast as raw SQLite, higher is better.
// `npm run bench -- --json` prints one JSON object per line instead
// ({"name","value","unit","baseline","ratio"}); `--quick` runs a smaller version;
// `--cpu-only` commits with synchronous=OFF on both sides (test/bench/durability.ts),
// so the disk's wait, the same on both sides, no longer hides the server's own cost.
// The file system the ledgers are on is printed first (a JSON line "file_system").
// `--only=posting,meeting` runs only those parts (posting, meeting, trial, grant, share-out, statements, exchange, programme, startup).
// Ledger files live in a temporary directory that is deleted at the end.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from '../../electron/server/server';
import { verifyChain } from '../../electron/server/journal/verify';
import { openRawLedger } from './raw';
import { buildBigLedger } from './big-ledger';
import { benchMeetingClose } from './meeting';
import { benchGrantStatement } from './grant';
import { benchShareOut } from './share-out';
import { benchStatements } from './statements';
import { benchExchange } from './exchange';
import { benchProgramme } from './programme';
import { benchStartup } from './startup';
import { ACTOR, addDays, must, socialFundEntry, seedLedger, todayCat, type PostInput } from './setup';
import { clock, dec1, int, median, msBetween, percentile, ratio2, round } from './stats';
import { fileSystemOf, setCpuOnly, synchronousMode } from './durability';

const args = new Set(process.argv.slice(2));
const JSON_OUTPUT = args.has('--json');
const QUICK = args.has('--quick');
const CPU_ONLY = args.has('--cpu-only');
/** `--only=posting,meeting,trial,grant` runs those parts alone (to compare two builds quickly). */
const ONLY = new Set([...args].find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',') ?? ['posting', 'meeting', 'trial', 'grant', 'share-out', 'statements', 'exchange', 'programme', 'startup']);
setCpuOnly(CPU_ONLY);

const POST = QUICK ? { warmup: 200, perRep: 500, reps: 3, chunk: 100 } : { warmup: 500, perRep: 3_000, reps: 5, chunk: 250 };
const MEETING = QUICK ? { warmup: 10, meetings: 100, chunk: 20 } : { warmup: 30, meetings: 300, chunk: 25 };
const GRANT = QUICK ? { animals: 150, warmup: 2, reps: 7 } : { animals: 600, warmup: 3, reps: 15 };
const STATEMENTS = QUICK ? { animals: 150, meetings: 20, reps: 3 } : { animals: 600, meetings: 52, reps: 5 };
/** The ledger exchange: `--exchange-groups=1294` for the programme's whole count (about 2.5 s of generating per group here; test/bench/generate.ts makes them in parallel, resumably). */
const EXCHANGE_GROUPS = Number([...args].find((a) => a.startsWith('--exchange-groups='))?.slice('--exchange-groups='.length) ?? (QUICK ? 3 : 24));
/** `--exchange-from=<folder>` imports the .ikimina files of a folder kept from an earlier run instead of generating them. */
const EXCHANGE_FROM = [...args].find((a) => a.startsWith('--exchange-from='))?.slice('--exchange-from='.length);
const EXCHANGE = { groups: EXCHANGE_GROUPS, years: QUICK ? 1 : 5, ...(EXCHANGE_FROM ? { from: EXCHANGE_FROM } : {}) };
/** The programme view: `--programme-groups=1294`; `--programme-from=<folder>` imports kept files; `--programme-ledger=<file>` keeps (or reuses) the coordinator's ledger. */
const arg = (name: string) => [...args].find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const PROGRAMME = {
  groups: Number(arg('programme-groups') ?? (QUICK ? 3 : 24)), years: QUICK ? 1 : 5, reps: QUICK ? 5 : 15,
  ...(arg('programme-from') ? { from: arg('programme-from')! } : {}), ...(arg('programme-ledger') ? { ledger: arg('programme-ledger')! } : {}),
};
const STARTUP = QUICK ? { reps: 3, meetings: 10 } : { reps: 9, meetings: 52 };
const SHARE_OUT = QUICK ? { meetings: 20, warmup: 3, reps: 11 } : { meetings: 52, warmup: 5, reps: 31 };
const TRIAL = QUICK ? { entries: 20_000, warmup: 1, reps: 5 } : { entries: 100_000, warmup: 2, reps: 15 };

/** The query of electron/server/journal/balances.ts trialBalance(), word for word. */
const TRIAL_BALANCE_SQL = `SELECT a.id AS accountId, a.code, a.name, a.purpose, a.type,
              coalesce(t.debit, 0) AS debit, coalesce(t.credit, 0) AS credit
         FROM accounts a
         LEFT JOIN (SELECT account_id,
                           sum(CASE WHEN amount > 0 THEN amount ELSE 0 END) AS debit,
                           -sum(CASE WHEN amount < 0 THEN amount ELSE 0 END) AS credit
                      FROM postings
                     WHERE association_id = ? AND entry_date <= ?
                     GROUP BY account_id) t ON t.account_id = a.id
        WHERE a.association_id = ?
        ORDER BY a.code`;

/** The baseline is only fair while it runs the server's query: refuse to run if they drift apart. */
function checkSameQueryAsServer(): void {
  const source = readFileSync(new URL('../../electron/server/journal/balances.ts', import.meta.url), 'utf8');
  const squash = (text: string) => text.replace(/\s+/g, ' ');
  if (!squash(source).includes(squash(TRIAL_BALANCE_SQL))) {
    throw new Error('test/bench/run.ts: TRIAL_BALANCE_SQL no longer matches the query in electron/server/journal/balances.ts; copy it again');
  }
}

interface Metric {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline: number;
  readonly ratio: number;
}

const progress = (line: string): void => {
  if (!JSON_OUTPUT) process.stderr.write(`  … ${line}\n`);
};

function report(metric: Metric, readable: string): void {
  const { name, value, unit, baseline, ratio } = metric;
  if (JSON_OUTPUT) {
    process.stdout.write(`${JSON.stringify({ name, value: round(value), unit, baseline: round(baseline), ratio: round(ratio) })}\n`);
  } else {
    process.stdout.write(`${readable}\n`);
  }
}

// ── (a) and (c): posting ────────────────────────────────────────────────────────

/** One side's share of a repetition: its calls' total time and each call's latency. */
interface Timed {
  ms: number;
  readonly latenciesUs: number[];
}

const timed = (): Timed => ({ ms: 0, latenciesUs: [] });
const rateOf = (t: Timed): number => t.latenciesUs.length / (t.ms / 1e3);

function benchPosting(dir: string): void {
  const today = todayCat();
  const foundedOn = addDays(today, -730);
  const firstDate = addDays(today, -400);
  const total = POST.warmup + POST.perRep * POST.reps;
  // A hundred entries a meeting day, days moving forward as the books do.
  const dateOf = (i: number) => addDays(firstDate, Math.floor(i / 100));

  const served = seedLedger(join(dir, 'post-server.sqlite'), { members: 30, foundedOn });
  // seedLedger signs the shared ACTOR in to the ledger it seeds: keep this ledger's session.
  const actor = { ...ACTOR };
  const rawFile = join(dir, 'post-raw.sqlite');
  const rawSeed = seedLedger(rawFile, { members: 30, foundedOn });
  rawSeed.server.close();
  const raw = openRawLedger(rawFile, rawSeed.associationId, rawSeed.accountIds);

  const inputs: PostInput[] = [];
  const rawInputs: PostInput[] = [];
  for (let i = 0; i < total; i++) {
    inputs.push(socialFundEntry(served.associationId, served.memberIds, dateOf(i), i));
    rawInputs.push(socialFundEntry(rawSeed.associationId, rawSeed.memberIds, dateOf(i), i));
  }
  const rawRows = raw.precompute(rawInputs);

  const runServer = (from: number, to: number, into: Timed): void => {
    const start = clock();
    for (let i = from; i < to; i++) {
      const t0 = clock();
      const result = served.server.call('journal-entry-post', inputs[i]!, actor);
      const t1 = clock();
      if (!result.ok) throw new Error(`journal-entry-post failed on entry ${i + 1}: ${result.error.code}: ${result.error.message}`);
      into.latenciesUs.push(Number(t1 - t0) / 1e3);
    }
    into.ms += msBetween(start, clock());
  };
  const runRaw = (from: number, to: number, into: Timed): void => {
    const start = clock();
    for (let i = from; i < to; i++) {
      const t0 = clock();
      raw.post(rawRows[i]!);
      into.latenciesUs.push(Number(clock() - t0) / 1e3);
    }
    into.ms += msBetween(start, clock());
  };

  progress(`posting: warm-up, ${int(POST.warmup)} entries each`);
  runServer(0, POST.warmup, timed());
  runRaw(0, POST.warmup, timed());

  // Within a repetition the two sides take turns in small chunks, so a busy moment on
  // the machine (another process, a slow fsync) falls on both rather than on one.
  const server: Timed[] = [];
  const baseline: Timed[] = [];
  for (let r = 0; r < POST.reps; r++) {
    const s = timed();
    const b = timed();
    const repStart = POST.warmup + r * POST.perRep;
    for (let from = repStart, k = 0; from < repStart + POST.perRep; from += POST.chunk, k++) {
      const to = Math.min(repStart + POST.perRep, from + POST.chunk);
      if ((r + k) % 2 === 0) {
        runServer(from, to, s);
        runRaw(from, to, b);
      } else {
        runRaw(from, to, b);
        runServer(from, to, s);
      }
    }
    server.push(s);
    baseline.push(b);
    progress(`posting: repetition ${r + 1}/${POST.reps}: server ${int(rateOf(s))}/s, raw ${int(rateOf(b))}/s`);
  }
  raw.close();

  // Both files must now hold the same rows, and both hash chains must verify.
  const rawCheck = createServer(rawFile);
  try {
    const count = (s: typeof rawCheck, associationId: string) =>
      s.ledger.sqlite
        .prepare(
          `SELECT (SELECT count(*) FROM journal_entries WHERE association_id = ?) AS entries,
                  (SELECT count(*) FROM postings WHERE association_id = ?) AS postings,
                  (SELECT count(*) FROM change_log WHERE association_id = ? AND command = 'journal-entry-post') AS changes`,
        )
        .get(associationId, associationId, associationId) as { entries: number; postings: number; changes: number };
    const a = count(served.server, served.associationId);
    const b = count(rawCheck, rawSeed.associationId);
    if (a.entries !== total || a.postings !== total * 3 || a.changes !== total || JSON.stringify(a) !== JSON.stringify(b)) {
      throw new Error(`row counts differ: server ${JSON.stringify(a)}, raw ${JSON.stringify(b)}, expected ${total} entries`);
    }
    // Nobody is signed in to rawCheck: its chain is verified by the function the handler calls.
    const servedChain = must(served.server.call('journal-chain-verify', { associationId: served.associationId }, actor), 'journal-chain-verify');
    for (const chain of [servedChain, verifyChain(rawCheck.ledger.sqlite, rawSeed.associationId)]) {
      if (!chain.ok || chain.entries !== total) throw new Error(`hash chain does not verify: ${JSON.stringify(chain)}`);
    }
  } finally {
    rawCheck.close();
    served.server.close();
  }

  const serverRate = median(server.map(rateOf));
  const rawRate = median(baseline.map(rateOf));
  report(
    { name: 'post_entries_per_second', value: serverRate, unit: 'entries/s', baseline: rawRate, ratio: serverRate / rawRate },
    `entries posted per second: server ${int(serverRate)}/s, raw SQLite ${int(rawRate)}/s, ratio ${ratio2(serverRate / rawRate)}` +
      `   (3-line entries, median of ${POST.reps} × ${int(POST.perRep)}, one transaction each)`,
  );

  const serverLat = server.flatMap((r) => r.latenciesUs);
  const rawLat = baseline.flatMap((r) => r.latenciesUs);
  for (const [label, p] of [['median', 50], ['p95', 95]] as const) {
    const s = percentile(serverLat, p);
    const b = percentile(rawLat, p);
    report(
      { name: `post_latency_${label}_us`, value: s, unit: 'us', baseline: b, ratio: b / s },
      `journal-entry-post latency, ${label}: server ${int(s)} µs, raw SQLite ${int(b)} µs, ratio ${ratio2(b / s)}` +
        `   (${int(serverLat.length)} calls)`,
    );
  }
}

// ── (b): trial balance over a large ledger ──────────────────────────────────────

function benchTrialBalance(dir: string): void {
  const today = todayCat();
  const lastDate = addDays(today, -1) < '2025-12-31' ? addDays(today, -1) : '2025-12-31';
  progress(`trial balance: building a ledger of ${int(TRIAL.entries)} entries`);
  const started = clock();
  const big = buildBigLedger(join(dir, 'trial-balance.sqlite'), TRIAL.entries, lastDate, (done) => {
    if (done % 50_000 === 0 || done === TRIAL.entries) progress(`trial balance: ${int(done)} entries posted`);
  });
  progress(`trial balance: ledger built in ${dec1(msBetween(started, clock()) / 1e3)} s`);
  const { server, associationId } = big;
  try {
    const rawQuery = server.ledger.sqlite.prepare(TRIAL_BALANCE_SQL).safeIntegers(true);
    type Row = { accountId: string; debit: bigint; credit: bigint };

    for (const [label, asOf] of [['latest', big.lastDate], ['mid', big.midDate]] as const) {
      // The two must agree before their speed means anything.
      const served = must(server.call('trial-balance-get', { associationId, asOf }, ACTOR), 'trial-balance-get');
      const direct = rawQuery.all(associationId, asOf, associationId) as Row[];
      const same =
        served.difference === '0' &&
        served.rows.length === direct.length &&
        served.rows.every((r, i) => r.accountId === direct[i]!.accountId && r.debit === String(direct[i]!.debit) && r.credit === String(direct[i]!.credit));
      if (!same) throw new Error(`trial balance as of ${asOf}: the handler and the raw query disagree`);

      const timeServer = () => {
        const t0 = clock();
        const result = server.call('trial-balance-get', { associationId, asOf }, ACTOR);
        const ms = msBetween(t0, clock());
        if (!result.ok) throw new Error(`trial-balance-get failed: ${result.error.code}`);
        return ms;
      };
      const timeRaw = () => {
        const t0 = clock();
        rawQuery.all(associationId, asOf, associationId);
        return msBetween(t0, clock());
      };
      for (let i = 0; i < TRIAL.warmup; i++) {
        timeServer();
        timeRaw();
      }
      const s: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < TRIAL.reps; i++) {
        if (i % 2 === 0) {
          s.push(timeServer());
          b.push(timeRaw());
        } else {
          b.push(timeRaw());
          s.push(timeServer());
        }
      }
      const sMs = median(s);
      const bMs = median(b);
      const postings = (server.ledger.sqlite
        .prepare('SELECT count(*) AS n FROM postings WHERE association_id = ? AND entry_date <= ?')
        .get(associationId, asOf) as { n: number }).n;
      report(
        { name: `trial_balance_${label}_ms`, value: sMs, unit: 'ms', baseline: bMs, ratio: bMs / sMs },
        `trial balance over ${int(big.entries)} entries, as of ${asOf} (${label}): server ${dec1(sMs)} ms, raw SQLite ${dec1(bMs)} ms, ` +
          `ratio ${ratio2(bMs / sMs)}   (${int(postings)} postings counted, median of ${TRIAL.reps})`,
      );
    }
  } finally {
    server.close();
  }
}

// ── main ────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ikimina-bench-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  const started = clock();
  try {
    checkSameQueryAsServer();
    const fileSystem = fileSystemOf(dir);
    if (JSON_OUTPUT) {
      process.stdout.write(`${JSON.stringify({ name: 'file_system', value: fileSystem, synchronous: synchronousMode() })}\n`);
    } else {
      process.stdout.write(
        `Ikimina bench${QUICK ? ' (quick)' : ''}${CPU_ONLY ? ' (CPU only)' : ''}: Node ${process.version}, ${cpus().length} CPUs (load average ${loadavg()[0]!.toFixed(1)}), ` +
          `ledgers in ${dir} on ${fileSystem} (WAL, synchronous=${synchronousMode()} on both sides). Ratios: 1.00 = as fast as raw SQLite, higher is better.\n`,
      );
    }
    if (ONLY.has('posting')) benchPosting(dir);
    if (ONLY.has('meeting')) for (const { metric, readable } of benchMeetingClose(dir, MEETING, progress)) report(metric, readable);
    if (ONLY.has('trial')) benchTrialBalance(dir);
    if (ONLY.has('grant')) for (const { metric, readable } of benchGrantStatement(dir, GRANT, progress)) report(metric, readable);
    if (ONLY.has('share-out')) for (const { metric, readable } of benchShareOut(dir, SHARE_OUT, progress)) report(metric, readable);
    if (ONLY.has('statements')) for (const { metric, readable } of await benchStatements(dir, STATEMENTS, progress)) report(metric, readable);
    if (ONLY.has('exchange')) for (const { metric, readable } of await benchExchange(dir, EXCHANGE, progress)) report(metric, readable);
    if (ONLY.has('programme')) for (const { metric, readable } of await benchProgramme(dir, PROGRAMME, progress)) report(metric, readable);
    if (ONLY.has('startup')) for (const { metric, readable } of await benchStartup(STARTUP, progress)) report(metric, readable);
    progress(`done in ${dec1(msBetween(started, clock()) / 1e3)} s`);
  } finally {
    cleanup();
  }
}

void main();
