// The command line, run as a user would run it, over a real ledger file.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';

const ROOT = join(__dirname, '../..');
let dir: string;
let db: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/cli/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function counts() {
  const raw = new Database(db, { readonly: true });
  const n = (table: string) => (raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const out = { entries: n('journal_entries'), postings: n('postings'), members: n('members'), log: n('change_log') };
  raw.close();
  return out;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ikimina-cli-'));
  db = join(dir, 'books.sqlite');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cli', () => {
  let results: any[];

  it('runs a script: creates an association, adds members, posts and reverses, trial balance zero', () => {
    const r = cli('run', join(ROOT, 'test/fixtures/cli-demo.json'), '--db', db, '--user', 'Aline');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    results = JSON.parse(r.stdout);
    expect(results).toHaveLength(9);
    expect(results[5].reversesEntryId).toBe(results[4].id);
    expect(results[6].savings).toBe('2000');
    expect(results[7].difference).toBe('0');
    expect(results[7].totalDebit).toBe('3900'); // 3,500 savings + 200 fine + 200 reversal
    expect(results[8]).toMatchObject({ ok: true, entries: 3 });
  });

  it('calls one handler and prints its JSON', () => {
    const r = cli('call', 'account-balance-get', JSON.stringify({ associationId: results[0].id, account: '1010' }), '--db', db);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ account: '1010', asOf: null, balance: '3500' });
  });

  it('refuses bad input in words on stderr, with exit code 1, changing nothing', () => {
    const before = counts();
    const unbalanced = cli('call', 'journal-entry-post', JSON.stringify({
      associationId: results[0].id, date: '2025-02-01', memo: 'x',
      lines: [{ account: '1010', debit: '1,000' }, { account: '4090', credit: '999' }],
    }), '--db', db);
    expect(unbalanced.code).toBe(1);
    expect(unbalanced.stdout).toBe('');
    expect(unbalanced.stderr).toMatch(/does not balance: debits 1000, credits 999, difference 1/);

    const french = cli('call', 'member-add', JSON.stringify({ associationId: results[0].id, fullName: '', gender: 'female', joinedOn: '2025-02-01' }), '--db', db, '--locale', 'fr');
    expect(french.code).toBe(1);
    expect(french.stderr).toMatch(/champ fullName.*obligatoire/);

    const notJson = cli('call', 'member-add', '{name:', '--db', db);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/not valid JSON/);

    const badScript = join(dir, 'bad.json');
    writeFileSync(badScript, JSON.stringify([
      { handler: 'member-add', input: { associationId: results[0].id, fullName: 'Kept', gender: 'male', joinedOn: '2025-02-01' } },
      { handler: 'member-add', input: { associationId: results[0].id, fullName: 'Refused', gender: 'x', joinedOn: '2025-02-01' } },
    ]));
    const partial = cli('run', badScript, '--db', db);
    expect(partial.code).toBe(1);
    expect(partial.stderr).toMatch(/step 1.*Choose female or male/);
    expect(counts()).toEqual({ ...before, members: before.members + 1, log: before.log + 1 });
  });

  it('lists the handlers with their input shape', () => {
    const r = cli('handlers');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/journal-entry-post {2}\(write\)/);
    expect(r.stdout).toMatch(/member-add .*\n.*fullName: string, gender: female\|male/);
  });

  it('refuses a file that is not a ledger, and a missing --db', () => {
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'not a ledger at all, just some notes');
    const r = cli('call', 'association-list', '{}', '--db', notes);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not an Ikimina ledger/);
    expect(cli('call', 'association-list', '{}').code).toBe(2);
  });
});
