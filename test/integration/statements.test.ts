// Statements and exports (issue 14), against a small book worked by hand:
//
//   20 Jan: a grant of 50,000 into the bank.
//   7 Feb: a meeting — Member 1 saves 6,000, Member 2 3,000 and a 300 fine; social fund 200 each. Box 9,700.
//   10 Feb: a padlock, 500, from the box; Member 2 borrows 2,000 (flat 5 % a month, one instalment of 2,100).
//   10 Mar: Member 2 repays 2,100.
// As of 31 March:
//   box 9,700 − 500 − 2,000 + 2,100 = 9,300; bank 50,000 — the group has 59,300;
//   it owes savings 9,000 + social fund 400 + the grant 50,000 = 59,400; its own funds are −100
//   (income: interest 100 + fines 300 = 400, less the padlock 500).
//   Trial balance: debits 9,300 + 50,000 + 500 = 59,800 = credits 9,000 + 400 + 50,000 + 100 + 300.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KABEZA, secondOfficer, smallBook, tableCounts, tempLedger, type TestLedger } from '../helpers/ledger';
import { rehash, withoutGuards } from '../helpers/tamper';
import { buildGrantFixture } from '../helpers/grant-fixture';
import { exportStatement, verifyStatementFile } from '../../electron/server/statements/export';
import { parseCsv } from '../../electron/server/statements/render/csv';
import { renderPdf } from '../../electron/server/statements/render/pdf';
import type { StatementRequest } from '../../electron/server/statements/model';

let t: TestLedger;
let a: string;
let ids: string[];
let dir: string;

beforeEach(() => {
  t = tempLedger();
  dir = mkdtempSync(join(tmpdir(), 'ikimina-statements-'));
  const { association, members } = smallBook(t, 2);
  a = association.id;
  ids = members.map((m) => m.id);
  t.ok('cycle-create', { associationId: a, name: 'Cycle 2025', startsOn: '2025-01-15', endsOn: '2025-12-31', rules: { savingMode: 'savings', socialFund: '200', fineLate: '300', loanMonthlyRatePercent: '5' } });
  t.ok('grant-create', { associationId: a, grantor: 'District', reference: 'G-1', date: '2025-01-20', amount: '50,000', purpose: 'livestock', receivedInto: 'bank' });
  t.ok('meeting-close', {
    associationId: a, date: '2025-02-07', cashCount: { box: '9,700' },
    rows: [{ memberId: ids[0]!, attendance: 'present', savings: '6,000', socialFund: '200' }, { memberId: ids[1]!, attendance: 'present', savings: '3,000', socialFund: '200', fineLate: '300' }],
  });
  t.ok('journal-entry-post', { associationId: a, date: '2025-02-10', memo: 'Padlock', lines: [{ account: '5010', debit: '500' }, { account: '1010', credit: '500' }] });
  const loan = t.ok('loan-apply', { associationId: a, memberId: ids[1]!, principal: '2,000', instalments: 1, date: '2025-02-10', purpose: 'Seeds' });
  t.ok('loan-approve', { associationId: a, loanId: loan.id, date: '2025-02-10' });
  t.ok('loan-disburse', { associationId: a, loanId: loan.id, date: '2025-02-10' });
  t.ok('loan-repay', { associationId: a, loanId: loan.id, date: '2025-03-10', amount: '2,100' });
});
afterEach(() => {
  t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const actor = () => ({ channel: 'test' as const, locale: 'en' as const, session: t.session });
const get = (request: Omit<StatementRequest, 'associationId'>) => t.ok('statement-get', { associationId: a, ...request });
const figures = (table: { rows: readonly (readonly (string | null)[])[]; total?: readonly (string | null)[] | undefined }) => [...table.rows, ...(table.total ? [table.total] : [])];

describe('the statements, as data', () => {
  it('give the trial balance, the financial position and income and expenditure worked by hand', () => {
    const tb = get({ kind: 'trial-balance', asOf: '2025-03-31' });
    expect(figures(tb.tables[0]!).map((r) => [r[0], r[2], r[3]])).toEqual([
      ['1010', '9300', null], ['1020', '50000', null], ['2010', null, '9000'], ['2020', null, '400'], ['2101', null, '50000'],
      ['4010', null, '100'], ['4020', null, '300'], ['5010', '500', null], [null, '59800', '59800'],
    ]);
    const position = get({ kind: 'financial-position', asOf: '2025-03-31' });
    const totals = position.tables.map((table) => [table.key, table.total?.[2]]);
    expect(totals).toEqual([['assets', '59300'], ['liabilities', '59400'], ['own_funds', '-100']]);
    expect(BigInt(totals[0]![1]!)).toBe(BigInt(totals[1]![1]!) + BigInt(totals[2]![1]!));

    const ie = get({ kind: 'income-expenditure', from: '2025-01-01', asOf: '2025-03-31' });
    expect(ie.tables.map((table) => table.total?.at(-1))).toEqual(['400', '500', '-100']);
    expect(ie.tables[2]!.rows.map((r) => r[1])).toEqual(['0', '-100', '0']);
    expect(ie.period).toBe('From 1 January 2025 to 31 March 2025');
  });

  it('give the cash book of the box and a member’s statement', () => {
    const book = get({ kind: 'cash-book', account: 'box', from: '2025-02-01', asOf: '2025-03-31' });
    expect(figures(book.tables[0]!).map((r) => [r[0], r[3], r[4], r[5]])).toEqual([
      ['2025-02-01', null, null, '0'], ['2025-02-07', '9700', null, '9700'], ['2025-02-10', null, '500', '9200'],
      ['2025-02-10', null, '2000', '7200'], ['2025-03-10', '2100', null, '9300'], ['2025-03-31', '11800', '2500', '9300'],
    ]);
    const member = get({ kind: 'member-statement', memberId: ids[1]!, asOf: '2025-03-31' });
    expect(member.title).toBe('Member statement: no. 2 Member 2');
    expect(figures(member.tables[0]!).map((r) => r.slice(3))).toEqual([['3000', '200', '300', '0', '3000'], ['3000', '200', '300', '0', '3000']]);
    expect(member.tables[1]!.rows).toEqual([['2025-02-10', '2000', 'Repaid', '0', '0', '0']]);
  });

  it('give the loan portfolio, a grant’s use and a share-out report', async () => {
    const portfolio = get({ kind: 'loan-portfolio', asOf: '2025-02-20' });
    expect(portfolio.tables[0]!.rows).toEqual([
      ['Loans being repaid', '1'], ['Portfolio at risk > 1 days', '0.0\u00a0%'], ['Portfolio at risk > 30 days', '0.0\u00a0%'],
      ['Portfolio at risk > 90 days', '0.0\u00a0%'], ['Repayment rate', '100.0\u00a0%'],
    ]);
    expect(portfolio.tables[2]!.rows).toEqual([['Member 2', '2025-02-10', '2000', '2000', '0', '0']]);
    const grantId = t.ok('grant-list', { associationId: a })[0]!.id;
    const grant = get({ kind: 'grant-use', grantId, asOf: '2025-03-31' });
    expect(figures(grant.tables[0]!).map((r) => r[1])).toEqual(['50000', '0', '0', '0', '50000']);
    expect(grant.title).toBe('Grant-use statement: District (G-1)');

    // The share-out on 1 April: pool 9,000 + (400 − 500) = 8,900, divided by savings to the franc:
    // 8,900 × 6/9 = 5,933.33 → 5,933 and 8,900 × 3/9 = 2,966.67 → 2,966, 1 left over.
    const cycleId = t.ok('cycle-list', { associationId: a })[0]!.id;
    const notYet = t.call('statement-get', { associationId: a, kind: 'share-out', cycleId, asOf: '2025-04-01' });
    expect(notYet.ok ? 'made' : notYet.error.message).toBe('Cycle 2025 has not been shared out: there is no share-out report yet.');
    t.ok('share-out-post', { associationId: a, cycleId, date: '2025-04-01', cashCount: { box: '9,300' }, confirmation: secondOfficer(t, a) });
    const report = get({ kind: 'share-out', cycleId, asOf: '2025-04-01' });
    expect(report.tables[0]!.total).toEqual(['Divided among the members', '8899']);
    expect(figures(report.tables[1]!).map((r) => [r[1], r[3], r[5], r[8]])).toEqual([
      ['Member 1', '5933', '5933', 'Cash'], ['Member 2', '2966', '2966', 'Cash'], ['Total', '8899', '8899', null],
    ]);
    // As a PDF the report ends with one slip per member, to sign.
    const pdf = await exportStatement(t.server, actor(), { associationId: a, kind: 'share-out', cycleId, asOf: '2025-04-01', format: 'pdf', file: join(dir, 'share-out.pdf') });
    if (!pdf.ok) throw new Error(pdf.error.message);
    const text = execFileSync('pdftotext', ['-layout', pdf.value.file, '-'], { encoding: 'utf8' });
    expect(text.match(/Received: _+/g)).toHaveLength(2);
    expect(text).toMatch(/No\. 2 Member 2[\s\S]*Part\s+2,966[\s\S]*Paid out\s+2,966[\s\S]*Paid how\s+Cash/);
  });

  it('give a meeting’s minutes, a loan’s statement and the livestock register', () => {
    const meetingId = t.ok('meeting-list', { associationId: a })[0]!.id;
    const minutes = get({ kind: 'meeting-minutes', meetingId, asOf: '2025-02-07' });
    expect(minutes.title).toBe('Minutes of the meeting of 7 February 2025');
    expect(figures(minutes.tables[0]!).map((r) => r.slice(1))).toEqual([
      ['Member 1', 'Present', '0', '6000', '200', '0', '0', '6200'], ['Member 2', 'Present', '0', '3000', '200', '300', '0', '3500'],
      ['Total', null, '0', '9000', '400', '300', '0', '9700'],
    ]);
    expect(minutes.tables[1]!.rows[0]).toEqual(['Cash box', '0', '9700', '9700', '9700', '0']);
    // No loan went out on 7 February; the minutes end with lines to sign.
    expect(minutes.tables[2]!.key).toBe('loans_given');
    expect(minutes.tables[2]!.rows).toEqual([]);
    expect(minutes.notes.at(-1)).toMatch(/^Treasurer: _+ {3}President: _+ {3}Counted by: _+$/);
    // Member 2's loan of 2,000 went out on 10 February: a meeting held that day lists it.
    // The box: 9,700 − 500 (padlock) − 2,000 (loan) = 7,200, then 2 × 200 social fund in.
    t.ok('meeting-close', {
      associationId: a, date: '2025-02-10', cashCount: { box: '7,600' },
      rows: [{ memberId: ids[0]!, attendance: 'present', socialFund: '200' }, { memberId: ids[1]!, attendance: 'present', socialFund: '200' }],
    });
    const second = t.ok('meeting-list', { associationId: a }).find((m) => m.date === '2025-02-10')!;
    expect(t.ok('meeting-get', { associationId: a, meetingId: second.id }).loansGiven.map((l) => [l.memberNo, l.name, l.principal])).toEqual([[2, 'Member 2', '2000']]);
    const secondMinutes = get({ kind: 'meeting-minutes', meetingId: second.id, asOf: '2025-02-10' });
    expect(figures(secondMinutes.tables[2]!)).toEqual([['2', 'Member 2', '2000'], [null, 'Total', '2000']]);

    const loanId = t.ok('loan-list', { associationId: a })[0]!.id;
    const loan = get({ kind: 'loan-statement', loanId, asOf: '2025-03-31' });
    expect(loan.title).toBe('Loan statement: Member 2');
    expect(figures(loan.tables[1]!)).toEqual([['1', '2025-03-10', '2000', '100', '2100', '2100', 'Paid'], [null, null, '2000', '100', '2100', '2100', null]]);
    expect(loan.tables[2]!.rows).toEqual([['2025-03-10', '0', '100', '2000']]);
    expect(loan.tables[0]!.rows.map((r) => r[1])).toEqual(['2000', '0', '0', '0', '0']);

    const grantId = t.ok('grant-list', { associationId: a })[0]!.id;
    t.ok('livestock-buy', { associationId: a, date: '2025-02-15', tag: 'G-01', species: 'goat', sex: 'female', keeperId: ids[0]!, cost: '20,000', paidFrom: 'bank', funds: [{ grantId, amount: '20,000' }] });
    const register = get({ kind: 'livestock-register', asOf: '2025-03-31' });
    expect(figures(register.tables[0]!)).toEqual([['G-01', 'Goat', '1', '2025-02-15', null, 'Alive', 'Member 1', '20000'], ['Total', null, '1', null, null, null, null, '20000']]);
    expect(get({ kind: 'livestock-register', asOf: '2025-02-14' }).tables[0]!.rows).toEqual([]);
  });

  it('give the history of changes, named in the reader’s words', () => {
    const history = get({ kind: 'history', from: '2020-01-01', asOf: '2030-12-31' });
    const what = history.tables[0]!.rows.map((r) => r[2]?.replace(/\u00a0/g, ' '));
    // Each change with what it was about, where the books can say (the member and their number).
    expect(what.slice(0, 7)).toEqual(['Association created', 'Sign-in', 'Member added — Member 1 (no. 1)', 'Member added — Member 2 (no. 2)', 'Savings cycle started', 'Grant recorded', 'Meeting closed']);
    expect(history.tables[0]!.rows.every((r) => r[3] === 'Done' && r[1] !== null)).toBe(true);
    const inFrench = t.call('statement-get', { associationId: a, kind: 'history', from: '2020-01-01', asOf: '2030-12-31' }, { locale: 'fr' });
    expect(inFrench.ok && inFrench.value.tables[0].rows[6][2]).toBe('Réunion clôturée');
  });

  it('refuses, in words, a day before the association began, a period backwards and a member of another association', () => {
    const refused = (input: object) => {
      const r = t.call('statement-get', { associationId: a, ...input });
      return r.ok ? 'made' : [r.error.code, r.error.field];
    };
    expect(refused({ kind: 'trial-balance', asOf: '2019-12-31' })).toEqual(['statement-before-founding', 'asOf']);
    expect(refused({ kind: 'income-expenditure', from: '2025-04-01', asOf: '2025-03-31' })).toEqual(['statement-period-backwards', 'from']);
    expect(refused({ kind: 'member-statement', memberId: '00000000-0000-4000-8000-000000000000', asOf: '2025-03-31' })).toEqual(['member-not-found', 'memberId']);
    expect(refused({ kind: 'balance-sheet', asOf: '2025-03-31' })).toEqual(['statement-kind-invalid', 'kind']);
  });
});

describe('exports', () => {
  const request = { associationId: a, kind: 'financial-position' as const, asOf: '2025-03-31' };
  const exported = async (format: 'pdf' | 'xlsx' | 'csv', name: string, req: Partial<StatementRequest> = {}) => {
    const r = await exportStatement(t.server, actor(), { ...request, associationId: a, ...req, format, file: join(dir, name) });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };

  it('writes a PDF whose pages show the figures, the association, page n of m and the books’ fingerprint', async () => {
    const out = await exported('pdf', 'position.pdf');
    const text = execFileSync('pdftotext', ['-layout', out.file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Statement of financial position');
    expect(text).toContain('As of 31 March 2025');
    expect(text).toMatch(/What the group has[\s\S]*1010\s+Cash box\s+9,300[\s\S]*Total\s+59,300/);
    expect(text).toMatch(/Total\s+59,400/);
    expect(text).toContain('Page 1 of 1');
    expect(text).toContain(`Books' fingerprint ${out.short}`);
    const info = execFileSync('pdfinfo', [out.file], { encoding: 'utf8' });
    expect(info).toContain(`"contentHash":"${out.fingerprint.contentHash}"`);
    expect(execFileSync('pdffonts', [out.file], { encoding: 'utf8' })).toMatch(/Roboto\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
  });

  it('writes a workbook with the particulars first, amounts as numbers and the header frozen', async () => {
    const out = await exported('xlsx', 'position.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out.file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['particulars', 'assets', 'liabilities', 'own_funds']);
    const assets = book.getWorksheet('assets')!;
    expect(assets.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(assets.getRow(2).values).toEqual([undefined, '1010', 'Cash box', 9300]);
    expect(assets.getRow(2).getCell(3).numFmt).toBe('#,##0');
    expect(assets.getRow(4).getCell(3).value).toBe(59300);
    const particulars = book.getWorksheet('particulars')!;
    const fields = new Map<string, unknown>();
    particulars.eachRow((row) => fields.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(fields.get('Head of the hash chain at that entry')).toBe(out.fingerprint.chainHead);
    expect(fields.get('Association')).toBe(KABEZA.name);
  });

  it('writes one CSV per table, with stable column names and plain amounts', async () => {
    const out = await exported('csv', 'position-csv');
    expect(readdirSync(out.file).sort()).toEqual(['assets.csv', 'liabilities.csv', 'own_funds.csv', 'particulars.csv']);
    const rows = parseCsv(readFileSync(join(out.file, 'assets.csv'), 'utf8'));
    expect(rows).toEqual([['code', 'account', 'amount'], ['1010', 'Cash box', '9300'], ['1020', 'Bank / mobile money', '50000'], ['', 'Total', '59300']]);
  });

  it('records each statement handed out, with its fingerprint', async () => {
    const out = await exported('pdf', 'p.pdf');
    const rows = t.server.ledger.sqlite.prepare('SELECT kind, format, file_name AS fileName, last_entry AS lastEntry, chain_head AS chainHead FROM statement_exports').all();
    expect(rows).toEqual([{ kind: 'financial-position', format: 'pdf', fileName: 'p.pdf', lastEntry: out.fingerprint.lastEntry, chainHead: out.fingerprint.chainHead }]);
  });

  it('writes nothing, and records nothing, where it cannot write', async () => {
    const before = tableCounts(t);
    const r = await exportStatement(t.server, actor(), { ...request, associationId: a, format: 'pdf', file: join(dir, 'no-such-folder', 'p.pdf') });
    expect(r.ok ? 'written' : [r.error.code, r.error.field, r.error.message]).toEqual(['statement-file-folder-missing', 'file', 'The file could not be written there: the folder does not exist. Nothing was written; choose another place.']);
    const taken = join(dir, 'taken');
    writeFileSync(taken, 'x');
    const csv = await exportStatement(t.server, actor(), { ...request, associationId: a, format: 'csv', file: taken });
    expect(csv.ok ? 'written' : csv.error.code).toBe('statement-file-name-taken');
    expect(readdirSync(dir)).toEqual(['taken']);
    expect({ ...tableCounts(t), change_log: 0 }).toEqual({ ...before, change_log: 0 });
  });
});

describe('checking a statement against the books', () => {
  const request = { kind: 'income-expenditure' as const, from: '2025-01-01', asOf: '2025-03-31' };
  const exportAs = async (format: 'pdf' | 'xlsx' | 'csv', name: string) => {
    const r = await exportStatement(t.server, actor(), { associationId: a, ...request, format, file: join(dir, name) });
    if (!r.ok) throw new Error(r.error.message);
    return r.value.file;
  };
  const verdict = async (file: string) => {
    const r = await verifyStatementFile(t.server, actor(), a, file);
    return r.ok ? r.value : { verdict: r.error.code, message: r.error.message };
  };

  it('says an unchanged export matches the books, in each format', async () => {
    for (const [format, name] of [['pdf', 'ie.pdf'], ['xlsx', 'ie.xlsx'], ['csv', 'ie-csv']] as const) {
      const file = await exportAs(format, name);
      expect(await verdict(file)).toMatchObject({ verdict: 'matches', asOf: '2025-03-31' });
    }
    // A single file of a CSV export is checked with its folder.
    expect(await verdict(join(dir, 'ie-csv', 'income.csv'))).toMatchObject({ verdict: 'matches' });
  });

  it('finds a figure edited in a spreadsheet or a CSV file', async () => {
    const xlsx = await exportAs('xlsx', 'ie.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    book.getWorksheet('expenditure')!.getRow(2).getCell(3).value = 50;
    await book.xlsx.writeFile(xlsx);
    expect(await verdict(xlsx)).toMatchObject({ verdict: 'figures-edited' });

    const csv = await exportAs('csv', 'ie-csv');
    const file = join(csv, 'income.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('4020,Fines,300', '4020,Fines,3000'));
    expect(await verdict(csv)).toMatchObject({ verdict: 'figures-edited' });
  });

  it('finds a PDF changed after it was handed out, against the file the books recorded', async () => {
    const pdf = await exportAs('pdf', 'ie.pdf');
    const bytes = readFileSync(pdf);
    // A change inside the first page's drawing (its compressed content stream), the metadata kept as it was.
    const at = bytes.indexOf('stream\n', bytes.indexOf('/FlateDecode')) + 'stream\n'.length + 40;
    bytes[at] = bytes[at]! ^ 0xff;
    writeFileSync(pdf, bytes);
    expect(await verdict(pdf)).toMatchObject({ verdict: 'file-changed' });
    // The same statement exported again is a new file, and matches.
    expect(await verdict(await exportAs('pdf', 'ie-again.pdf'))).toMatchObject({ verdict: 'matches' });
  });

  it('says when entries recorded since change the figures on the statement’s day', async () => {
    const pdf = await exportAs('pdf', 'ie.pdf');
    t.ok('journal-entry-post', { associationId: a, date: '2025-03-20', memo: 'Forgotten receipt: soap', lines: [{ account: '5010', debit: '100' }, { account: '1010', credit: '100' }] });
    const result = await verdict(pdf);
    expect(result).toMatchObject({ verdict: 'books-changed-since', lastEntry: 5 });
    expect(result.message).toBe('The books up to entry 5 are unchanged, but entries recorded since then change this statement’s figures on its day.'.replace('’', "'"));
  });

  it('finds history rewritten behind Ikimina’s back, even with the hash chain recomputed', async () => {
    const pdf = await exportAs('pdf', 'ie.pdf');
    const early = await exportStatement(t.server, actor(), { associationId: a, kind: 'trial-balance', asOf: '2025-01-31', format: 'csv', file: join(dir, 'tb') });
    expect(early.ok).toBe(true);
    t.server.close();
    const db = new Database(t.file);
    // The padlock (entry 3) made to cost 50: the chain recomputed, so the chain check alone passes.
    withoutGuards(db, `UPDATE postings SET amount = CASE WHEN amount > 0 THEN 50 ELSE -50 END WHERE entry_id = (SELECT id FROM journal_entries WHERE association_id = '${a}' AND seq = 3)`);
    rehash(db, a);
    db.close();
    t.reopen();
    // The chain alone recomputes clean; the statements handed out contradict it at the entry they recorded.
    expect(t.ok('journal-chain-verify', { associationId: a })).toMatchObject({ ok: false, firstBroken: { seq: 5, problem: 'statement-contradicts' } });
    const result = await verdict(pdf);
    expect(result).toMatchObject({ verdict: 'history-changed', lastEntry: 5 });
    expect(existsSync(pdf)).toBe(true);
  });

  it('reads no other association’s books through a statement of theirs', async () => {
    const pdf = await exportAs('pdf', 'ie.pdf');
    const otherId = t.asAdministrator((admin) => admin.ok('association-create', { ...KABEZA, name: 'Twiteze imbere' }).id);
    expect(await verdict(pdf)).toMatchObject({ verdict: 'matches' });
    const r = await verifyStatementFile(t.server, actor(), otherId, pdf);
    expect(r.ok ? 'checked' : r.error.code).toBe('other-association');
    // Signed in here, a fingerprint naming the other association is refused before anything is read.
    const forged = t.call('statement-check', { associationId: a, fingerprint: { version: 1, request: { associationId: otherId, kind: 'trial-balance', asOf: '2025-03-31' }, locale: 'en', lastEntry: 0, chainHead: '', contentHash: '0'.repeat(64) } });
    expect(forged.ok ? 'checked' : forged.error.code).toBe('statement-other-association');
  });

  it('vouches for no PDF the books did not record handing out, and records none on request', async () => {
    // A PDF made with the real fingerprint but never handed out (as someone could make one, with figures of their own).
    const statement = t.ok('statement-get', { associationId: a, ...request });
    const forged = join(dir, 'forged.pdf');
    writeFileSync(forged, await renderPdf(statement));
    expect(await verdict(forged)).toMatchObject({ verdict: 'not-on-record' });
    // Recording a file as handed out is the export's own step: no page, command line or script can claim one.
    const claim = t.call('statement-export-record', { associationId: a, fingerprint: statement.fingerprint, format: 'pdf', fileName: 'forged.pdf', fileSha256: '0'.repeat(64) });
    expect(claim.ok ? 'recorded' : claim.error.code).toBe('handler-unknown');
  });

  it('reads nothing for someone not signed in, and survives files made to exhaust it', async () => {
    const csv = await exportAs('csv', 'ie-csv');
    const before = t.session;
    t.session = undefined;
    const stranger = await verifyStatementFile(t.server, actor(), a, csv);
    expect(stranger.ok ? 'checked' : stranger.error.code).toBe('sign-in-required');
    t.session = before;
    // An amount written with a huge exponent is text that differs, never a number built in memory.
    const income = join(csv, 'income.csv');
    writeFileSync(income, readFileSync(income, 'utf8').replace('4020,Fines,300', '4020,Fines,1e900000000'));
    expect(await verdict(csv)).toMatchObject({ verdict: 'figures-edited' });
    // A workbook whose layout claims a million rows is read no further than its limit, and a file too big is not read.
    const xlsx = await exportAs('xlsx', 'ie.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const particulars = book.getWorksheet('particulars')!;
    particulars.eachRow((row) => {
      if (row.getCell(1).value === 'ikimina.tables') row.getCell(2).value = String(row.getCell(2).value).replace(/"rows":\d+/, '"rows":1000000');
    });
    await book.xlsx.writeFile(xlsx);
    expect(await verdict(xlsx)).toMatchObject({ verdict: 'figures-edited' });
    const huge = join(dir, 'huge.pdf');
    writeFileSync(huge, Buffer.alloc(65 * 1024 * 1024, 0x20));
    expect(await verdict(huge)).toMatchObject({ verdict: 'statement-unreadable' });
  });

  it('refuses a file that is not a statement, in words', async () => {
    const file = join(dir, 'notes.pdf');
    writeFileSync(file, '%PDF-1.4 not really');
    expect(await verdict(file)).toMatchObject({ verdict: 'statement-unreadable' });
  });
});

describe('the grant-use statement of the district grant', () => {
  // The district grant (test/helpers/grant-fixture.ts): 1,200,000 received; cows of 300,000, 300,000 and
  // 280,000 and four goats of 50,000 from the grant (1,080,000) and a 20,000 vet bill: 1,100,000 spent;
  // 65,000 back from the goat sold; 1,200,000 − 1,100,000 + 65,000 = 165,000 unspent.
  it('shows money out as negative amounts that add up to what is unspent, and the animals under their mothers', async () => {
    const other = tempLedger();
    try {
      const created = other.ok('association-create', { ...KABEZA, name: 'Twiyubake Kabeza' });
      other.signIn(created.id, KABEZA.treasurer.name);
      const fixture = buildGrantFixture((name, input) => other.ok(name as never, input as never), created.id);
      const s = other.ok('statement-get', { associationId: created.id, kind: 'grant-use', grantId: fixture.grantId, asOf: '2026-03-01' });
      expect(figures(s.tables[0]!).map((r) => r[1])).toEqual(['1200000', '-1100000', '65000', '0', '165000']);
      expect(s.tables[0]!.rows.reduce((sum, r) => sum + BigInt(r[1]!), 0n)).toBe(165_000n);
      expect(s.tables[2]!.rows.map((r) => r[0])).toEqual(['C-01', '— C-01-1', 'C-02', '— C-02-1', 'C-03', 'G-01', 'G-02', 'G-03', 'G-04']);
    } finally {
      other.cleanup();
    }
  });
});
