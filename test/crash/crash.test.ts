// Crash safety (DESIGN.md, "Non-negotiables": nothing committed is ever lost, kill
// the process at any moment and the books stay consistent and complete).
//
// A child process (poster.ts) posts journal entries through the real server as fast
// as it can and reports each committed entry's id on stdout. It is killed with
// SIGKILL at a random moment, again and again on the same file. After every kill the
// file must open, pass PRAGMA integrity_check, verify its hash chain, balance, and
// hold every entry the child reported.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type LedgerServer } from '../../electron/server/server';
import type { Actor } from '../../electron/server/context';
import type { Result } from '../../electron/server/errors';
import { UUID_PATTERN } from '../../electron/server/ids';
import { KABEZA, signedInActor, TEST_PIN } from '../helpers/ledger';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const POSTER = fileURLToPath(new URL('./poster.ts', import.meta.url));
const anonymous: Actor = { channel: 'test', locale: 'en' };

const KILLS = 50;
const MEMBERS = 25;
const MAX_EXTRA_DELAY_MS = 40;
/** The child's startup (tsx, migrations check) must finish within this. */
const FIRST_LINE_TIMEOUT_MS = 20_000;

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`call refused: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

const tempDirs: string[] = [];
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Ledger {
  readonly file: string;
  readonly associationId: string;
  readonly memberIds: readonly string[];
}

function newLedger(): Ledger {
  const dir = mkdtempSync(join(tmpdir(), 'ikimina-crash-'));
  tempDirs.push(dir);
  const file = join(dir, 'ledger.ikimina');
  const server = createServer(file);
  try {
    const association = ok(
      server.call('association-create', {
        name: 'Abishyizehamwe', province: 'Southern Province', district: 'Huye', sector: 'Tumba', cell: 'Cyarwa',
        village: 'Kabeza', currency: 'RWF', language: 'en', foundedOn: '2025-01-10',
        treasurer: { name: KABEZA.treasurer.name, pin: TEST_PIN },
      }, anonymous),
    );
    const actor = signedInActor(server, association.id);
    // A meeting-sized group: the child posts whole meetings (one line per member).
    const memberIds = Array.from({ length: MEMBERS }, (_, i) =>
      ok(server.call('member-add', { associationId: association.id, fullName: `Member ${i + 1}`, gender: i % 2 ? 'male' : 'female', joinedOn: '2025-01-10' }, actor)).id,
    );
    return { file, associationId: association.id, memberIds };
  } finally {
    server.close();
  }
}

interface ChildRun {
  /** Every complete line the child wrote before it died. */
  readonly lines: string[];
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/**
 * Starts poster.ts, waits for its first complete line of output, lets `beforeKill`
 * run (a delay, a look at the file), then SIGKILLs it and collects its output once
 * the process is gone and its pipes are drained.
 */
async function runAndKill(args: string[], beforeKill: () => Promise<void>): Promise<ChildRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', POSTER, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  const firstLine = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no output from the child within ${FIRST_LINE_TIMEOUT_MS} ms`)), FIRST_LINE_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      out.push(chunk);
      if (chunk.includes(0x0a)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    void closed.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the child ended before reporting (code ${code}, signal ${signal}): ${Buffer.concat(err).toString()}`));
    }, reject);
  });
  try {
    await firstLine;
    await beforeKill();
  } finally {
    child.kill('SIGKILL');
  }
  const { code, signal } = await closed;
  const text = Buffer.concat(out).toString('utf8');
  const lines = text.split('\n');
  lines.pop(); // whatever follows the last newline is not a complete report
  return { lines, code, signal, stderr: Buffer.concat(err).toString('utf8') };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Inspection {
  readonly entryIds: string[]; // in sequence order
  readonly postings: number;
  readonly changeLog: number;
  readonly members: number;
  readonly postCommands: string[]; // target ids of the journal-entry-post change-log rows
  readonly headHash: string;
}

/** Opens the file as the app would and checks it is whole, chained and balanced. */
function inspect(ledger: Ledger): Inspection {
  let server: LedgerServer | undefined;
  try {
    server = createServer(ledger.file);
    const actor = signedInActor(server, ledger.associationId);
    const { sqlite } = server.ledger;
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    const chain = ok(server.call('journal-chain-verify', { associationId: ledger.associationId }, actor));
    expect(chain.firstBroken).toBeNull();
    expect(chain.ok).toBe(true);
    const tb = ok(server.call('trial-balance-get', { associationId: ledger.associationId }, actor));
    expect(tb.difference).toBe('0');
    expect(tb.totalDebit).toBe(tb.totalCredit);
    const entryIds = (
      sqlite.prepare('SELECT id FROM journal_entries WHERE association_id = ? ORDER BY seq').all(ledger.associationId) as { id: string }[]
    ).map((r) => r.id);
    expect(chain.entries).toBe(entryIds.length);
    const postings = (sqlite.prepare('SELECT count(*) AS n FROM postings').get() as { n: number }).n;
    // Opening the books to look (signing in) is itself logged; count the rest.
    const changeLog = (sqlite.prepare("SELECT count(*) AS n FROM change_log WHERE command <> 'session-sign-in'").get() as { n: number }).n;
    const members = (sqlite.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n;
    const postCommands = (
      sqlite.prepare("SELECT target_id AS id FROM change_log WHERE command = 'journal-entry-post' ORDER BY rowid").all() as { id: string }[]
    ).map((r) => r.id);
    return { entryIds, postings, changeLog, members, postCommands, headHash: chain.headHash };
  } finally {
    server?.close();
  }
}

describe('crash safety', () => {
  it(`loses nothing committed when a posting process is SIGKILLed ${KILLS} times`, async () => {
    const ledger = newLedger();
    const everReported: string[] = [];
    let previous = inspect(ledger);
    expect(previous.entryIds).toEqual([]);
    let unreportedCommits = 0;
    const started = Date.now();

    for (let kill = 1; kill <= KILLS; kill++) {
      const run = await runAndKill(['post', ledger.file, ledger.associationId, ...ledger.memberIds], () =>
        sleep(Math.random() * MAX_EXTRA_DELAY_MS),
      );
      const where = `kill ${kill}`;
      expect(run.signal, `${where}: the child died of something else: ${run.stderr}`).toBe('SIGKILL');
      expect(run.lines.length, where).toBeGreaterThan(0);
      for (const line of run.lines) expect(line, where).toMatch(UUID_PATTERN);

      const now = inspect(ledger);
      // Entries are never lost and the count never goes down ...
      expect(now.entryIds.length, where).toBeGreaterThanOrEqual(previous.entryIds.length + run.lines.length);
      // ... the earlier entries are still the same, in the same order ...
      expect(now.entryIds.slice(0, previous.entryIds.length), where).toEqual(previous.entryIds);
      // ... this run's reports are exactly the next entries of the chain, and at most
      // one more committed between its commit and its report when the kill came.
      const added = now.entryIds.slice(previous.entryIds.length);
      expect(added.slice(0, run.lines.length), where).toEqual(run.lines);
      expect(added.length - run.lines.length, where).toBeLessThanOrEqual(1);
      unreportedCommits += added.length - run.lines.length;
      // Every write committed together with its change-log row, never one without the other.
      expect(now.postCommands, where).toEqual(now.entryIds);

      everReported.push(...run.lines);
      const present = new Set(now.entryIds);
      expect(everReported.filter((id) => !present.has(id)), where).toEqual([]);
      previous = now;
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `crash test: ${KILLS} SIGKILLs in ${seconds} s; ${previous.entryIds.length} entries and ${previous.postings} postings ` +
        `survive; ${everReported.length} reported committed, ${unreportedCommits} committed but killed before reporting.`,
    );
    expect(everReported.length).toBeGreaterThanOrEqual(KILLS);
  }, 240_000);

  it('leaves nothing of a transaction that was interrupted before its commit', async () => {
    const ledger = newLedger();
    const server = createServer(ledger.file);
    const actor = signedInActor(server, ledger.associationId);
    try {
      for (const amount of ['1,000', '2,500', '300']) {
        ok(server.call('journal-entry-post', {
          associationId: ledger.associationId, date: '2025-02-01', memo: `Savings ${amount}`,
          lines: [{ account: '1010', debit: amount }, { account: '2020', memberId: ledger.memberIds[0], credit: amount }],
        }, actor));
      }
    } finally {
      server.close();
    }
    const before = inspect(ledger);
    expect(before.entryIds).toHaveLength(3);
    const wal = `${ledger.file}-wal`;
    const walBefore = existsSync(wal) ? statSync(wal).size : 0;
    let walWhileHung = 0;

    const run = await runAndKill(['hang', ledger.file, ledger.associationId, '40'], async () => {
      walWhileHung = existsSync(wal) ? statSync(wal).size : 0;
    });
    expect(run.signal, run.stderr).toBe('SIGKILL');
    expect(run.lines).toEqual(['ready']);
    // The uncommitted pages really reached the file (spilled into the WAL without a
    // commit record), so reopening had something to throw away.
    expect(walWhileHung).toBeGreaterThan(walBefore + 64 * 1024);

    const after = inspect(ledger);
    expect(after.members).toBe(before.members);
    expect(after.entryIds).toEqual(before.entryIds);
    expect(after.postings).toBe(before.postings);
    expect(after.changeLog).toBe(before.changeLog);
    expect(after.headHash).toBe(before.headHash);

    // The books carry on from where they were: the next entry takes the next number.
    const again = createServer(ledger.file);
    const againActor = signedInActor(again, ledger.associationId);
    try {
      const posted = ok(again.call('journal-entry-post', {
        associationId: ledger.associationId, date: '2025-02-08', memo: 'After the crash',
        lines: [{ account: '1010', debit: '700' }, { account: '4020', credit: '700' }],
      }, againActor));
      expect(posted.seq).toBe(4);
      const chain = ok(again.call('journal-chain-verify', { associationId: ledger.associationId }, againActor));
      expect(chain).toMatchObject({ ok: true, entries: 4 });
    } finally {
      again.close();
    }
  }, 60_000);
});
