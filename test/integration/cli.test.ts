// The command line, run as a user would run it, over a real ledger file.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';

const ROOT = join(__dirname, '../..');
let dir: string;
let db: string;

const PIN = '4711';

function cli(...args: string[]) {
  return cliWith({ IKIMINA_PIN: PIN }, ...args);
}

function cliWith(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/cli/main.ts'), ...args], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, IKIMINA_PIN: '', ...env },
  });
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
    const r = cli('run', join(ROOT, 'test/fixtures/cli-demo.json'), '--db', db);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    results = JSON.parse(r.stdout);
    expect(results).toHaveLength(10);
    expect(results[0].recoveryCode).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect(results[1]).toMatchObject({ user: { name: 'Mukamana Aline', role: 'treasurer' } });
    expect(results[1].token).toBeUndefined(); // the door keeps the session, it is not printed
    expect(results[6].reversesEntryId).toBe(results[5].id);
    expect(results[7].savings).toBe('2000');
    expect(results[8].difference).toBe('0');
    expect(results[8].totalDebit).toBe('3900'); // 3,500 savings + 200 fine + 200 reversal
    expect(results[9]).toMatchObject({ ok: true, entries: 3 });
    // Entries carry the signed-in user's name.
    const raw = new Database(db, { readonly: true });
    expect(raw.prepare('SELECT DISTINCT created_by AS who FROM journal_entries').all()).toEqual([{ who: 'Mukamana Aline' }]);
    raw.close();
  });

  it('calls one handler and prints its JSON', () => {
    const r = cli('call', 'account-balance-get', JSON.stringify({ associationId: results[0].id, account: '1010' }), '--db', db, '--association', results[0].id, '--user', 'mukamana aline');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ account: '1010', asOf: null, balance: '3500' });
  });

  it('refuses bad input in words on stderr, with exit code 1, changing nothing', () => {
    const as = ['--association', results[0].id, '--user', 'Mukamana Aline'];
    const before = counts();
    const unbalanced = cli('call', 'journal-entry-post', JSON.stringify({
      associationId: results[0].id, date: '2025-02-01', memo: 'x',
      lines: [{ account: '1010', debit: '1,000' }, { account: '4090', credit: '999' }],
    }), '--db', db, ...as);
    expect(unbalanced.code).toBe(1);
    expect(unbalanced.stdout).toBe('');
    expect(unbalanced.stderr).toMatch(/does not balance: debits 1000, credits 999, difference 1/);

    const french = cli('call', 'member-add', JSON.stringify({ associationId: results[0].id, fullName: '', gender: 'female', joinedOn: '2025-02-01' }), '--db', db, '--locale', 'fr', ...as);
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
    const partial = cli('run', badScript, '--db', db, ...as);
    expect(partial.code).toBe(1);
    expect(partial.stderr).toMatch(/step 1.*Choose female or male/);
    // Only the kept member, and the sign-ins of the three runs that got that far, were written.
    expect(counts()).toEqual({ ...before, members: before.members + 1, log: before.log + 1 + 3 });
  });

  it('keeps a receipt from a file named with "$FILE:"', () => {
    const as = ['--association', results[0].id, '--user', 'Mukamana Aline'];
    const receipt = join(dir, 'receipt.pdf');
    const bytes = Buffer.from('%PDF-1.4\n% a scanned receipt\n%%EOF\n');
    writeFileSync(receipt, bytes);
    const script = join(dir, 'receipt.json');
    writeFileSync(script, JSON.stringify([
      { handler: 'spending-record', input: { associationId: results[0].id, date: '2025-02-01', kind: 'other', description: 'Stationery', amount: '1,000' } },
      { handler: 'evidence-attach', input: { associationId: results[0].id, spendingId: '$0.id', fileName: 'receipt.pdf', contentBase64: `$FILE:${receipt}` } },
    ]));
    const r = cli('run', script, '--db', db, ...as);
    expect(r.stderr).toBe('');
    const [, kept] = JSON.parse(r.stdout);
    expect(kept).toMatchObject({ mediaType: 'application/pdf', byteSize: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    const missing = cli('call', 'evidence-attach', JSON.stringify({ associationId: results[0].id, spendingId: kept.id, fileName: 'x', contentBase64: '$FILE:/no/such/file.pdf' }), '--db', db, ...as);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('there is no readable file at /no/such/file.pdf');
  });

  it('signs in only with the right PIN, read from the environment, never from the arguments', () => {
    const list = ['call', 'member-list', JSON.stringify({ associationId: results[0].id }), '--db', db, '--association', results[0].id, '--user', 'Mukamana Aline'];
    const wrong = cliWith({ IKIMINA_PIN: '9999' }, ...list);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/wrong PIN/i);
    const none = cliWith({}, ...list);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/IKIMINA_PIN/);
    const anonymous = cli('call', 'member-list', JSON.stringify({ associationId: results[0].id }), '--db', db);
    expect(anonymous.code).toBe(1);
    expect(anonymous.stderr).toMatch(/sign in/i);
    expect(cli(...list).code).toBe(0);
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
