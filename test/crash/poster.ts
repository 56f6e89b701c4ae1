// The child process of the crash test (crash.test.ts). It is killed with SIGKILL, so
// it never cleans up; the parent checks what is left in the file.
//
//   node --import tsx test/crash/poster.ts post <db> <associationId> <memberA> <memberB>
//     Posts journal entries through the real server as fast as it can. After each
//     call that returned ok (so its transaction has committed) it writes the entry's
//     id and "\n" to stdout with one synchronous write: every id it reports is an
//     entry that had committed before the report was made.
//
//   node --import tsx test/crash/poster.ts hang <db> <associationId> <fillerPostings>
//     Opens the ledger, begins a write transaction on the raw connection, inserts an
//     entry, its postings and a change-log row by hand (plus filler postings, with a
//     tiny page cache so uncommitted pages spill into the WAL file), writes "ready"
//     and then waits, mid-transaction, to be killed.

import { writeSync } from 'node:fs';
import { createServer } from '../../electron/server/server';
import { uuidv7 } from '../../electron/server/ids';
import type { Actor } from '../../electron/server/context';

const actor: Actor = { name: 'crash-poster', channel: 'test', locale: 'en' };

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

function entryInput(associationId: string, memberA: string, memberB: string, n: number) {
  const date = DATES[n % DATES.length]!;
  switch (n % 3) {
    case 0: {
      const a = amount();
      return {
        associationId, date, memo: `Savings ${n}`,
        lines: [
          { account: '1010', debit: String(a) },
          { account: '2010', memberId: n % 2 === 0 ? memberA : memberB, credit: String(a) },
        ],
      };
    }
    case 1: {
      const a = amount();
      const b = amount();
      return {
        associationId, date, memo: `Savings of two members ${n}`,
        lines: [
          { account: '1010', debit: String(a + b) },
          { account: '2010', memberId: memberA, credit: String(a) },
          { account: '2010', memberId: memberB, credit: String(b) },
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

function post(file: string, associationId: string, memberA: string, memberB: string): void {
  const server = createServer(file);
  const started = Date.now();
  for (let n = 0; Date.now() - started < DEADLINE_MS; n++) {
    const result = server.call('journal-entry-post', entryInput(associationId, memberA, memberB, n), actor);
    if (!result.ok) fail('journal-entry-post refused', result.error);
    report(result.value.id);
  }
  fail('deadline', { ms: DEADLINE_MS });
}

function hang(file: string, associationId: string, filler: number): void {
  const server = createServer(file);
  const { sqlite } = server.ledger;
  // A tiny cache: the uncommitted pages of this transaction are written to the WAL
  // (frames without a commit record), which recovery must ignore.
  sqlite.pragma('cache_size = 16');
  const last = sqlite
    .prepare('SELECT seq, hash FROM journal_entries WHERE association_id = ? ORDER BY seq DESC LIMIT 1')
    .get(associationId) as { seq: number; hash: string } | undefined;
  const accounts = sqlite
    .prepare("SELECT code, id FROM accounts WHERE association_id = ? AND code IN ('1010', '4020')")
    .all(associationId) as { code: string; id: string }[];
  const cash = accounts.find((a) => a.code === '1010')?.id;
  const fines = accounts.find((a) => a.code === '4020')?.id;
  if (!cash || !fines) fail('accounts missing', accounts);
  const entryId = uuidv7();
  const now = new Date().toISOString();

  sqlite.exec('BEGIN IMMEDIATE');
  sqlite
    .prepare(
      `INSERT INTO journal_entries (id, association_id, seq, entry_date, kind, memo, currency, created_at, created_by, prev_hash, hash)
       VALUES (?, ?, ?, '2025-02-01', 'manual', 'never committed', 'RWF', ?, ?, ?, ?)`,
    )
    .run(entryId, associationId, (last?.seq ?? 0) + 1, now, actor.name, last?.hash ?? '0'.repeat(64), 'f'.repeat(64));
  const insertPosting = sqlite.prepare(
    `INSERT INTO postings (id, entry_id, line_no, association_id, entry_date, account_id, amount)
     VALUES (?, ?, ?, ?, '2025-02-01', ?, ?)`,
  );
  insertPosting.run(uuidv7(), entryId, 1, associationId, cash, 500);
  insertPosting.run(uuidv7(), entryId, 2, associationId, fines, -500);
  for (let i = 0; i < filler; i++) {
    insertPosting.run(uuidv7(), entryId, 3 + i, associationId, i % 2 === 0 ? cash : fines, i % 2 === 0 ? 7 : -7);
  }
  sqlite
    .prepare(
      `INSERT INTO change_log (id, association_id, at, actor, channel, command, input_json, target_id)
       VALUES (?, ?, ?, ?, 'test', 'journal-entry-post', '{}', ?)`,
    )
    .run(uuidv7(), associationId, now, actor.name, entryId);
  if (!sqlite.inTransaction) fail('not in a transaction', {});
  report('ready');
  // Keep the event loop alive, the transaction open, until SIGKILL.
  setInterval(() => {}, 1000);
  setTimeout(() => fail('deadline', { ms: DEADLINE_MS }), DEADLINE_MS);
}

const [mode, file, associationId, ...rest] = process.argv.slice(2);
if (!file || !associationId) fail('usage', process.argv.slice(2));
if (mode === 'post') {
  const [memberA, memberB] = rest;
  if (!memberA || !memberB) fail('usage', process.argv.slice(2));
  post(file, associationId, memberA, memberB);
} else if (mode === 'hang') {
  hang(file, associationId, Number(rest[0] ?? 0));
} else {
  fail('usage', process.argv.slice(2));
}
