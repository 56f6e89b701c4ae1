// The child process of the crash test (crash.test.ts). It is killed with SIGKILL, so
// it never cleans up; the parent checks what is left in the file.
//
//   node --import tsx test/crash/poster.ts post <db> <associationId> <memberId>...
//     Signs in as the treasurer and posts through the real server as fast as it can:
//     whole meetings (a line per member), pairs of savings and fines. After each
//     call that returned ok (so its transaction has committed) it writes the entry's
//     id and "\n" to stdout with one synchronous write: every id it reports is an
//     entry that had committed before the report was made.
//
//   node --import tsx test/crash/poster.ts hang <db> <associationId> <meetings>
//     Opens the ledger and begins a write transaction; inside it runs real commands
//     (a new member, then meeting-sized entries, each with its change-log row, with
//     a tiny page cache so uncommitted pages spill into the WAL file), writes
//     "ready" and then waits, mid-transaction, to be killed.

import { writeSync } from 'node:fs';
import { createServer } from '../../electron/server/server';
import { signedInActor } from '../helpers/ledger';

/** A child that lost its parent must not run forever. */
const DEADLINE_MS = 120_000;

function report(line: string): void {
  const buf = Buffer.from(`${line}\n`, 'utf8');
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(1, buf, off, buf.length - off);
    } catch (err) {
      // A non-blocking pipe that is momentarily full: try again. Anything else
      // (EPIPE: the parent is gone) ends the child.
      if ((err as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      throw err;
    }
  }
}

function fail(what: string, detail: unknown): never {
  writeSync(2, `poster: ${what}: ${JSON.stringify(detail)}\n`);
  process.exit(3);
}

const DATES = ['2025-02-01', '2025-02-08', '2025-02-15', '2025-03-01', '2025-03-15'];

function amount(): number {
  return 1 + Math.floor(Math.random() * 50_000);
}

function meetingInput(associationId: string, memberIds: readonly string[], n: number) {
  const amounts = memberIds.map(() => 100 * (1 + Math.floor(Math.random() * 20)));
  return {
    associationId, date: DATES[n % DATES.length]!, memo: `Meeting ${n}: social fund`,
    lines: [
      { account: '1010', debit: String(amounts.reduce((a, b) => a + b, 0)) },
      ...memberIds.map((memberId, i) => ({ account: '2020', memberId, credit: String(amounts[i]) })),
    ],
  };
}

function entryInput(associationId: string, memberIds: readonly string[], n: number) {
  const [memberA, memberB] = [memberIds[n % memberIds.length]!, memberIds[(n + 1) % memberIds.length]!];
  const date = DATES[n % DATES.length]!;
  switch (n % 4) {
    case 3:
      return meetingInput(associationId, memberIds, n);
    case 0: {
      const a = amount();
      return {
        associationId, date, memo: `Social fund ${n}`,
        lines: [
          { account: '1010', debit: String(a) },
          { account: '2020', memberId: n % 2 === 0 ? memberA : memberB, credit: String(a) },
        ],
      };
    }
    case 1: {
      const a = amount();
      const b = amount();
      return {
        associationId, date, memo: `Social fund of two members ${n}`,
        lines: [
          { account: '1010', debit: String(a + b) },
          { account: '2020', memberId: memberA, credit: String(a) },
          { account: '2020', memberId: memberB, credit: String(b) },
        ],
      };
    }
    default: {
      const a = amount();
      return {
        associationId, date, memo: `Fine ${n}`,
        lines: [
          { account: '1010', debit: String(a) },
          { account: '4020', credit: String(a) },
        ],
      };
    }
  }
}

function post(file: string, associationId: string, memberIds: readonly string[]): void {
  const server = createServer(file);
  const actor = signedInActor(server, associationId);
  const started = Date.now();
  for (let n = 0; Date.now() - started < DEADLINE_MS; n++) {
    const result = server.call('journal-entry-post', entryInput(associationId, memberIds, n), actor);
    if (!result.ok) fail('journal-entry-post refused', result.error);
    report(result.value.id);
  }
  fail('deadline', { ms: DEADLINE_MS });
}

function hang(file: string, associationId: string, meetings: number): void {
  const server = createServer(file);
  const actor = signedInActor(server, associationId);
  const { sqlite } = server.ledger;
  // A tiny cache: the uncommitted pages of this transaction are written to the WAL
  // (frames without a commit record), which recovery must ignore.
  sqlite.pragma('cache_size = 16');
  sqlite.exec('BEGIN IMMEDIATE');
  // Real commands, each in its own (now nested) transaction: a business record, the
  // entries with their postings, and their change-log rows, none of it committed.
  const member = server.call('member-add', { associationId, fullName: 'Never committed', gender: 'female', joinedOn: '2025-01-10' }, actor);
  if (!member.ok) fail('member-add refused', member.error);
  const members = server.call('member-list', { associationId, status: 'active' }, actor);
  if (!members.ok) fail('member-list refused', members.error);
  for (let n = 0; n < meetings; n++) {
    const r = server.call('journal-entry-post', meetingInput(associationId, members.value.map((m) => m.id), n), actor);
    if (!r.ok) fail('journal-entry-post refused', r.error);
  }
  if (!sqlite.inTransaction) fail('not in a transaction', {});
  report('ready');
  // Keep the event loop alive, the transaction open, until SIGKILL.
  setInterval(() => {}, 1000);
  setTimeout(() => fail('deadline', { ms: DEADLINE_MS }), DEADLINE_MS);
}

const [mode, file, associationId, ...rest] = process.argv.slice(2);
if (!file || !associationId) fail('usage', process.argv.slice(2));
if (mode === 'post') {
  if (rest.length < 2) fail('usage', process.argv.slice(2));
  post(file, associationId, rest);
} else if (mode === 'hang') {
  hang(file, associationId, Number(rest[0] ?? 1));
} else {
  fail('usage', process.argv.slice(2));
}
