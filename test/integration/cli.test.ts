// The command line, run as a user would run it, over a real ledger file.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    const r = cliWith({ IKIMINA_PIN: PIN, IKIMINA_NEW_PIN: '5173', IKIMINA_CONFIRM_PIN: '5173' }, 'run', join(ROOT, 'test/fixtures/cli-demo.json'), '--db', db);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    results = JSON.parse(r.stdout);
    expect(results).toHaveLength(11);
    expect(results[0].recoveryCode).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect(results[1]).toMatchObject({ user: { name: 'Mukamana Aline', role: 'treasurer' } });
    expect(results[1].token).toBeUndefined(); // the door keeps the session, it is not printed
    // The reversal was confirmed by the chair, with her own PIN.
    expect(results[7].reversesEntryId).toBe(results[5].id);
    expect(results[7].memo).toBe('Reversal of #2: Fine entered twice (confirmed by Uwimana Grace)');
    expect(results[8].savings).toBe('2000');
    expect(results[9].difference).toBe('0');
    expect(results[9].totalDebit).toBe('3900'); // 3,500 savings + 200 fine + 200 reversal
    expect(results[10]).toMatchObject({ ok: true, entries: 3 });
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

  it('refuses a PIN written into the input of call, in words, and changes nothing', () => {
    const a = results[0].id;
    const as = ['--association', a, '--user', 'Mukamana Aline'];
    const before = counts();
    const inputs: [string, object, string[]][] = [
      ['session-sign-in', { associationId: a, userId: results[0].treasurerId, pin: PIN }, []],
      ['session-sign-in', { associationId: a, userId: results[0].treasurerId, pin: 4711 }, []],
      ['association-create', { name: 'Twitezimbere', province: 'Southern Province', district: 'Huye', sector: 'Tumba', cell: 'Cyarwa', village: 'Kabeza', currency: 'RWF', foundedOn: '2025-01-10', treasurer: { name: 'Uwase Marie', pin: '9731' } }, []],
      ['user-pin-change', { associationId: a, oldPin: PIN, newPin: '$NEW_PIN' }, as],
      ['user-pin-recover', { associationId: a, userId: results[0].treasurerId, recoveryCode: results[0].recoveryCode, newPin: '$NEW_PIN' }, []],
    ];
    for (const [name, input, extra] of inputs) {
      const r = cliWith({ IKIMINA_PIN: PIN, IKIMINA_NEW_PIN: '9731' }, 'call', name, JSON.stringify(input), '--db', db, ...extra);
      expect(r.code, name).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr, name).toMatch(/"\$PIN".*IKIMINA_PIN/s);
      expect(r.stderr).not.toContain(PIN);
      expect(r.stderr).not.toContain('9731');
      expect(r.stderr).not.toContain(results[0].recoveryCode);
    }
    expect(counts()).toEqual(before);
  });

  it('reads "$PIN" from IKIMINA_PIN and "$NEW_PIN" from IKIMINA_NEW_PIN, in call and in a script', () => {
    const a = results[0].id;
    const as = ['--association', a, '--user', 'Mukamana Aline'];
    const signIn = cli('call', 'session-sign-in', JSON.stringify({ associationId: a, userId: results[0].treasurerId, pin: '$PIN' }), '--db', db);
    expect(signIn.stderr).toBe('');
    expect(JSON.parse(signIn.stdout)).toMatchObject({ user: { name: 'Mukamana Aline' } });

    const created = cliWith({ IKIMINA_PIN: PIN, IKIMINA_NEW_PIN: '2468' }, 'call', 'user-create', JSON.stringify({ associationId: a, name: 'Uwimana Jean', role: 'secretary', pin: '$NEW_PIN' }), '--db', db, ...as);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const asJean = ['call', 'member-list', JSON.stringify({ associationId: a }), '--db', db, '--association', a, '--user', 'Uwimana Jean'];
    expect(cliWith({ IKIMINA_PIN: '2468' }, ...asJean).code).toBe(0);

    const script = join(dir, 'new-user.json');
    writeFileSync(script, JSON.stringify([
      { handler: 'user-create', input: { associationId: a, name: 'Mutoni Grace', role: 'secretary', pin: '$NEW_PIN' } },
    ]));
    const run = cliWith({ IKIMINA_PIN: PIN, IKIMINA_NEW_PIN: '3579' }, 'run', script, '--db', db, ...as);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(cliWith({ IKIMINA_PIN: '3579' }, 'call', 'member-list', JSON.stringify({ associationId: a }), '--db', db, '--association', a, '--user', 'Mutoni Grace').code).toBe(0);
  });

  it('never lets "$PIN" or "$NEW_PIN" become empty: with nothing to read it from, it stops in words and changes nothing', () => {
    const a = results[0].id;
    const as = ['--association', a, '--user', 'Mukamana Aline'];
    const before = counts();
    const association = { name: 'Twitezimbere', province: 'Southern Province', district: 'Huye', sector: 'Tumba', cell: 'Cyarwa', village: 'Kabeza', currency: 'RWF', foundedOn: '2025-01-10', treasurer: { name: 'Uwase Marie', pin: '$PIN' } };
    const noPin = cliWith({}, 'call', 'association-create', JSON.stringify(association), '--db', db);
    expect(noPin.code).toBe(1);
    expect(noPin.stderr).toMatch(/IKIMINA_PIN/);
    const noNewPin = cliWith({ IKIMINA_PIN: PIN }, 'call', 'user-create', JSON.stringify({ associationId: a, name: 'Nobody', role: 'secretary', pin: '$NEW_PIN' }), '--db', db, ...as);
    expect(noNewPin.code).toBe(1);
    expect(noNewPin.stderr).toMatch(/IKIMINA_NEW_PIN/);

    const script = join(dir, 'pins.json');
    writeFileSync(script, JSON.stringify([{ handler: 'association-create', input: association }]));
    const scriptNoPin = cliWith({}, 'run', script, '--db', db);
    expect(scriptNoPin.code).toBe(1);
    expect(scriptNoPin.stderr).toMatch(/IKIMINA_PIN/);
    writeFileSync(script, JSON.stringify([{ handler: 'user-create', input: { associationId: a, name: 'Nobody', role: 'secretary', pin: '$NEW_PIN' } }]));
    const scriptNoNewPin = cliWith({ IKIMINA_PIN: PIN }, 'run', script, '--db', db, ...as);
    expect(scriptNoNewPin.code).toBe(1);
    expect(scriptNoNewPin.stderr).toMatch(/IKIMINA_NEW_PIN/);
    expect(counts()).toEqual(before);
  });

  it('signs in as the laptop’s administrator for the whole-file commands, with the PIN from the environment', () => {
    const fresh = join(dir, 'laptop.sqlite');
    const association = {
      name: 'Twitezimbere', province: 'Southern Province', district: 'Huye', sector: 'Tumba', cell: 'Cyarwa', village: 'Kabeza',
      currency: 'RWF', foundedOn: '2025-01-10', treasurer: { name: 'Uwase Marie', pin: '$PIN' }, administrator: { name: 'Habimana Eric', pin: '$NEW_PIN' },
    };
    const created = cliWith({ IKIMINA_PIN: '9731', IKIMINA_NEW_PIN: '8642' }, 'call', 'association-create', JSON.stringify(association), '--db', fresh);
    expect(created.stderr).toBe('');
    const usb = join(dir, 'usb');
    const refused = cliWith({ IKIMINA_PIN: '9731' }, 'call', 'ledger-backup-create', JSON.stringify({ folder: usb }), '--db', fresh, '--administrator', 'Habimana Eric');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/PIN/);
    const backup = cliWith({ IKIMINA_PIN: '8642' }, 'call', 'ledger-backup-create', JSON.stringify({ folder: usb }), '--db', fresh, '--administrator', 'Habimana Eric');
    expect(backup.stderr).toBe('');
    expect(JSON.parse(backup.stdout)).toMatchObject({ associations: [{ name: 'Twitezimbere' }], problems: [] });
    const both = cliWith({ IKIMINA_PIN: '8642' }, 'call', 'ledger-backup-list', '{}', '--db', fresh, '--administrator', 'Habimana Eric', '--association', JSON.parse(created.stdout).id, '--user', 'Uwase Marie');
    expect(both.code).toBe(2);
  });

  it('exports a group’s books as its treasurer, and imports a folder of them as a coordinator: one report, exit code 3 for a refused file', () => {
    const group = join(dir, 'group.sqlite');
    const association = {
      name: 'Dufatanye', province: 'Southern Province', district: 'Huye', sector: 'Tumba', cell: 'Cyarwa', village: 'Kabeza',
      currency: 'RWF', foundedOn: '2025-01-10', treasurer: { name: 'Uwase Marie', pin: '$PIN' }, administrator: { name: 'Habimana Eric', pin: '$NEW_PIN' },
    };
    const created = JSON.parse(cliWith({ IKIMINA_PIN: '9731', IKIMINA_NEW_PIN: '8642' }, 'call', 'association-create', JSON.stringify(association), '--db', group).stdout);
    const usb = join(dir, 'usb-books');
    const exported = cliWith({ IKIMINA_PIN: '9731' }, 'call', 'exchange-export', JSON.stringify({ associationId: created.id, folder: usb }), '--db', group, '--association', created.id, '--user', 'Uwase Marie');
    expect(exported.stderr).toBe('');
    expect(JSON.parse(exported.stdout).file).toMatch(/Dufatanye-\d{4}-\d{2}-\d{2}\.ikimina$/);
    writeFileSync(join(usb, 'not-books.ikimina'), 'x'.repeat(5000));
    const programme = join(dir, 'programme.sqlite');
    const setup = { administrator: { name: 'Gasana Pierre', pin: '$PIN' }, coordinator: { name: 'Nkurunziza Josiane', pin: '$NEW_PIN' } };
    expect(cliWith({ IKIMINA_PIN: '6284', IKIMINA_NEW_PIN: '7391' }, 'call', 'laptop-setup-coordinator', JSON.stringify(setup), '--db', programme).stderr).toBe('');
    const notCoordinator = cliWith({ IKIMINA_PIN: '6284' }, 'exchange-import', usb, '--db', programme, '--coordinator', 'Gasana Pierre');
    expect(notCoordinator.code).toBe(1);
    const imported = cliWith({ IKIMINA_PIN: '7391' }, 'exchange-import', usb, '--db', programme, '--coordinator', 'Nkurunziza Josiane');
    expect(imported.code).toBe(3);
    const report = JSON.parse(imported.stdout);
    expect(report.lines.map((l: { fileName: string; outcome: string }) => [l.fileName.replace(/-\d{4}-\d{2}-\d{2}/, ''), l.outcome]))
      .toEqual([['Dufatanye.ikimina', 'imported'], ['not-books.ikimina', 'refused']]);
  });

  it('lists the handlers with their input shape', () => {
    const r = cli('handlers');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/journal-entry-post {2}\(write\)/);
    expect(r.stdout).toMatch(/member-add .*\n.*fullName: string, gender: female\|male/);
  });

  it('exports a statement to a file and checks a file against the books', () => {
    const signedIn = ['--db', db, '--association', results[0].id, '--user', 'Mukamana Aline'];
    const folder = join(dir, 'trial-balance');
    const exported = cli('statement-export', 'trial-balance', '--as-of', '2026-12-31', '--format', 'csv', '--out', folder, ...signedIn);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const out = JSON.parse(exported.stdout);
    expect(out.file).toBe(folder);
    expect(out.fingerprint.lastEntry).toBe(counts().entries);
    const checked = cli('statement-verify', folder, ...signedIn);
    expect([checked.code, JSON.parse(checked.stdout).verdict]).toEqual([0, 'matches']);
    // A figure changed by hand: reported, with its own exit code.
    const table = join(folder, 'trial_balance.csv');
    const original = readFileSync(table, 'utf8');
    const changed = original.replace(/^(1010,[^,]*,)(\d+)/m, (_, before: string, amount: string) => `${before}${amount}0`);
    expect(changed).not.toBe(original);
    writeFileSync(table, changed);
    const edited = cli('statement-verify', folder, ...signedIn);
    expect([edited.code, JSON.parse(edited.stdout).verdict]).toEqual([3, 'figures-edited']);
    const unwritable = cli('statement-export', 'trial-balance', '--as-of', '2026-12-31', '--format', 'pdf', '--out', join(dir, 'no', 'such', 'tb.pdf'), ...signedIn);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toContain('the folder does not exist');
    expect(cli('statement-export', 'trial-balance', '--as-of', '2026-12-31', '--format', 'doc', '--out', 'x', ...signedIn).code).toBe(2);
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
